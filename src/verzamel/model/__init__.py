"""The data model shared by every stage: source positions, sources, and the assembled Document.

`nodes` holds the tree (spans, inlines, blocks), `documents` the sources and the Document made of
them, `walk` the one walk over the tree. Everything is named here, so `from .model import X` holds.
"""

from __future__ import annotations

from .documents import (
    Document,
    Fragment,
    FragmentUse,
    Letter,
    Note,
    NoteDef,
)
from .nodes import (
    Block,
    BlockQuote,
    Code,
    Columns,
    Deleted,
    Emphasis,
    Heading,
    Inline,
    Inserted,
    LineBreak,
    Link,
    ListBlock,
    NoteRef,
    Paragraph,
    Redaction,
    Revised,
    SourceSpan,
    Strong,
    Table,
    Text,
    Withheld,
    WithheldBlock,
    merge_texts,
)
from .walk import (
    child_blocks,
    iter_blocks,
    iter_inlines,
    leaf_inlines,
    map_block,
    map_inlines,
    marked_all,
)

__all__ = [
    "Block",
    "BlockQuote",
    "Code",
    "Columns",
    "Deleted",
    "Document",
    "Emphasis",
    "Fragment",
    "FragmentUse",
    "Heading",
    "Inline",
    "Inserted",
    "Letter",
    "LineBreak",
    "Link",
    "ListBlock",
    "Note",
    "NoteDef",
    "NoteRef",
    "Paragraph",
    "Redaction",
    "Revised",
    "SourceSpan",
    "Strong",
    "Table",
    "Text",
    "Withheld",
    "WithheldBlock",
    "child_blocks",
    "iter_blocks",
    "iter_inlines",
    "leaf_inlines",
    "map_block",
    "map_inlines",
    "marked_all",
    "merge_texts",
]
