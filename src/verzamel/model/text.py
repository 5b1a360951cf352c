"""The plain text of the model: inlines, blocks and a whole document as words.

The text writer (`render/text.py`) prints it; the stages below the writers (assembly, redaction,
the checks, compare) read it from here, so there is one way a document becomes text.
"""

from __future__ import annotations

from .documents import Document
from .nodes import (
    BlockQuote,
    Code,
    Deleted,
    Heading,
    Inserted,
    LineBreak,
    ListBlock,
    NoteRef,
    Paragraph,
    Redaction,
    Revised,
    Table,
    Text,
    Withheld,
    WithheldBlock,
)
from .walk import child_blocks, leaf_inlines


def woo_marks(grounds) -> str:
    return f"[{', '.join(grounds) or 'woo'}]"


def withheld_label(grounds) -> str:
    """The line above a withheld passage in the internal beslisnota (documents are in Dutch)."""
    return f"Niet openbaar {woo_marks(grounds)}"


def word_diff_marks(text: str, change: str) -> str:
    """`git diff --word-diff` marks: `[-removed-]`, `{+added+}`."""
    return f"{{+{text}+}}" if change == "inserted" else f"[-{text}-]"


def inline_text(inlines, mark=word_diff_marks) -> str:
    """The text of `inlines`; words a later revision added or removed marked by `mark(text, change)`."""
    parts = []
    for inline in inlines:
        if isinstance(inline, Text | Code):
            parts.append(inline.text)
        elif isinstance(inline, LineBreak):
            parts.append("\n")
        elif isinstance(inline, NoteRef):
            parts.append(f"[{inline.number}]" if inline.number else f"[^{inline.label}]")
        elif isinstance(inline, Redaction):
            parts.append(woo_marks(inline.grounds))
        elif isinstance(inline, Inserted | Deleted):
            change = "inserted" if isinstance(inline, Inserted) else "deleted"
            parts.append(mark(inline_text(inline.children, mark), change))
        elif isinstance(inline, Withheld):  # the internal beslisnota: marked, with its ground
            parts.append(f"[woo {', '.join(inline.grounds)}: {inline_text(inline.children, mark)}]")
        elif hasattr(inline, "children"):  # emphasis, strong, a link: their words
            parts.append(inline_text(inline.children, mark))
    return "".join(parts)


def title_of(blocks) -> str | None:
    """A document's title as its template words it: the text of its `Title` paragraph."""
    titles = [b for b in blocks if isinstance(b, Paragraph) and b.style == "Title"]
    return inline_text(titles[0].inlines) if titles else None


def block_lines(block, indent: str = "") -> list[str]:
    if isinstance(block, Heading):
        return [indent + inline_text(block.inlines), ""]
    if isinstance(block, Paragraph):
        return [indent + line for line in inline_text(block.inlines).split("\n")] + [""]
    if isinstance(block, ListBlock):
        lines = []
        for n, item in enumerate(block.items, start=block.start):
            marker = f"{n}. " if block.ordered else "- "
            item_lines = [line for b in item for line in block_lines(b, indent + "   ") if line]
            if item_lines:
                item_lines[0] = indent + marker + item_lines[0].lstrip()
            lines.extend(item_lines)
        return lines + [""]
    if isinstance(block, Table):
        rows = ([block.header] if block.header else []) + list(block.rows)
        return [indent + " | ".join(inline_text(c) for c in row) for row in rows] + [""]
    inner = indent + _INNER_INDENT.get(type(block), "")
    lines = [line for children in child_blocks(block) for b in children for line in block_lines(b, inner)]
    if isinstance(block, Revised):
        return [word_diff_marks(line, block.change) if line else line for line in lines]
    if isinstance(block, WithheldBlock):  # the internal beslisnota: marked, with its ground
        return [f"{indent}[woo {', '.join(block.grounds)}]", *lines]
    return lines  # columns, and any other block holding blocks: the lines of what it holds


_INNER_INDENT = {BlockQuote: "> ", WithheldBlock: "| "}


def document_text(document: Document) -> str:
    """The document as plain text: its blocks, then its footnotes as `[n] text`."""
    lines: list[str] = []
    for block in document.blocks:
        lines.extend(block_lines(block))
    if document.notes:
        lines.append("---")
        for note in document.notes:
            text = " ".join(inline_text(inlines) for inlines in leaf_inlines(note.blocks))
            lines.append(f"[{note.number}] {text}")
    return "\n".join(lines).rstrip() + "\n"
