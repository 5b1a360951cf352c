"""The data model shared by every stage: source positions, sources, and the assembled Document.

Blocks and inlines are small frozen dataclasses, so a Document is a plain value that writers
can walk without knowing where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any


@dataclass(frozen=True, order=True)
class SourceSpan:
    """A place in a source file: path relative to the dossier root, 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


# ---- inlines ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Link:
    href: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class LineBreak:
    pass


@dataclass(frozen=True)
class NoteRef:
    """A footnote reference `[^label]`.

    `scope` is the fragment whose own footnotes are searched first (then the registry);
    `number` is set when a Document numbers its notes.
    """

    label: str
    span: SourceSpan
    scope: str | None = None
    number: int | None = None
    locator: str | None = None
    """For a citation by id (`[@kst-19637-3451, p. 3]`, label `@kst-19637-3451`): `p. 3`."""

    @property
    def cited_id(self) -> str | None:
        return self.label[1:] if self.label.startswith("@") else None


@dataclass(frozen=True)
class Withheld:
    """Words withheld from publication under the Woo: `[J. de Vries]{woo=5.1.2e}`.

    The internal beslisnota shows them marked; the public documents get a `Redaction` instead."""

    children: tuple[Inline, ...]
    grounds: tuple[str, ...]
    span: SourceSpan | None = None


@dataclass(frozen=True)
class Redaction:
    """What a public document shows where something was withheld: `[5.1.2e]`."""

    grounds: tuple[str, ...]


@dataclass(frozen=True)
class Inserted:
    """Words a later revision added (a redline shows them as a tracked insertion)."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Deleted:
    """Words a later revision removed (a redline shows them as a tracked deletion)."""

    children: tuple[Inline, ...]


Inline = (
    Text | Emphasis | Strong | Code | Link | LineBreak | NoteRef | Withheld | Redaction | Inserted | Deleted
)


# ---- blocks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    style: str | None = None
    span: SourceSpan | None = None


@dataclass(frozen=True)
class Heading:
    level: int
    inlines: tuple[Inline, ...]
    span: SourceSpan | None = None


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


@dataclass(frozen=True)
class Table:
    """A simple table. `header` is the first row of a Markdown table, or None."""

    header: tuple[tuple[Inline, ...], ...] | None
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    row_changes: tuple[str | None, ...] = ()
    """In a merged document: per row (the header first), 'inserted', 'deleted' or None."""


@dataclass(frozen=True)
class Columns:
    """A layout row of side-by-side columns (letterheads); widths are percentages."""

    columns: tuple[tuple[Block, ...], ...]
    widths: tuple[int, ...] = ()


@dataclass(frozen=True)
class BlockQuote:
    children: tuple[Block, ...]


@dataclass(frozen=True)
class WithheldBlock:
    """Blocks withheld from publication: a `::: {woo=5.1.2i}` block, or a whole fragment marked
    `public: false` (then `title` is the fragment's title and `fragment` its id)."""

    children: tuple[Block, ...]
    grounds: tuple[str, ...]
    span: SourceSpan | None = None
    title: str | None = None
    fragment: str | None = None


@dataclass(frozen=True)
class Revised:
    """Blocks a later revision added (`inserted`) or removed (`deleted`) whole."""

    change: str
    children: tuple[Block, ...]


Block = Paragraph | Heading | ListBlock | Table | Columns | BlockQuote | WithheldBlock | Revised


def _from_inlines(inlines):
    # not a closure in iter_inlines: a function that calls itself from its own cell is a cycle
    # that only the garbage collector frees, and the checks call iter_inlines thousands of times
    for inline in inlines:
        yield inline
        yield from _from_inlines(getattr(inline, "children", ()))


def iter_inlines(blocks):
    """Every inline in `blocks`, nested ones included, in reading order."""
    for inlines in leaf_inlines(blocks):
        yield from _from_inlines(inlines)


def child_blocks(block) -> tuple[tuple[Block, ...], ...]:
    """The sequences of blocks directly inside `block`: its columns, its list items, or its
    children (a quote, a withheld block, a revised block); none for a paragraph, heading or table."""
    if isinstance(block, Columns):
        return block.columns
    if isinstance(block, ListBlock):
        return block.items
    if isinstance(block, BlockQuote | WithheldBlock | Revised):
        return (block.children,)
    return ()


def leaf_inlines(blocks):
    """The inlines of every paragraph, heading and table cell in `blocks`, in reading order."""
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield block.inlines
        elif isinstance(block, Table):
            for row in ((block.header,) if block.header else ()) + block.rows:
                yield from row
        else:
            for children in child_blocks(block):
                yield from leaf_inlines(children)


def merge_texts(inlines) -> list[Inline]:
    """`inlines` with neighbouring Text joined into one and empty Text left out."""
    merged: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + inline.text)
        elif not (isinstance(inline, Text) and inline.text == ""):
            merged.append(inline)
    return merged


def iter_blocks(blocks):
    """Every block in `blocks`, nested ones included (after the block holding them), in reading order."""
    for block in blocks:
        yield block
        if isinstance(block, Columns):
            for column in block.columns:
                yield from iter_blocks(column)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from iter_blocks(item)
        elif isinstance(block, BlockQuote | WithheldBlock | Revised):
            yield from iter_blocks(block.children)


def map_inlines(inlines, fn) -> tuple:
    """`fn` applied to every inline, nested ones included (children first), in reading order."""
    out = []
    for inline in inlines:
        if hasattr(inline, "children"):
            inline = replace(inline, children=map_inlines(inline.children, fn))
        out.append(fn(inline))
    return tuple(out)


def map_block(block, inline_fn, block_fn=None):
    """`block` with `inline_fn` applied to every inline in it and `block_fn` (if given) to every
    block, nested ones included (children first): the one walk that rewrites a Document."""
    if isinstance(block, Paragraph | Heading):
        block = replace(block, inlines=map_inlines(block.inlines, inline_fn))
    elif isinstance(block, Columns):
        columns = tuple(tuple(map_block(b, inline_fn, block_fn) for b in c) for c in block.columns)
        block = replace(block, columns=columns)
    elif isinstance(block, ListBlock):
        items = tuple(tuple(map_block(b, inline_fn, block_fn) for b in i) for i in block.items)
        block = replace(block, items=items)
    elif isinstance(block, BlockQuote | WithheldBlock | Revised):
        block = replace(block, children=tuple(map_block(b, inline_fn, block_fn) for b in block.children))
    elif isinstance(block, Table):

        def cells(row):
            return tuple(map_inlines(cell, inline_fn) for cell in row)

        header = cells(block.header) if block.header else None
        block = replace(block, header=header, rows=tuple(cells(r) for r in block.rows))
    return block_fn(block) if block_fn else block


def marked_all(blocks, wrapper) -> tuple:
    """Every paragraph's words wrapped in `wrapper` (Inserted or Deleted): blocks added or removed
    whole, as a redline shows them word by word."""

    def mark(block):
        if isinstance(block, Paragraph | Heading) and block.inlines:
            return replace(block, inlines=(wrapper(block.inlines),))
        if isinstance(block, Table):

            def cells(row):
                return tuple((wrapper(cell),) for cell in row)

            return replace(block, header=cells(block.header) if block.header else None,
                           rows=tuple(cells(row) for row in block.rows))  # fmt: skip
        return block

    return tuple(map_block(b, lambda inline: inline, mark) for b in blocks)


# ---- sources ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteDef:
    """A footnote definition: in a fragment (`[^id]: text`) or in the registry (`footnotes/`)."""

    label: str
    blocks: tuple[Block, ...]
    span: SourceSpan
    text_span: SourceSpan | None = None
    """Registry entries: where the YAML value holding the text starts."""
    facts: dict[str, Any] = field(default_factory=dict)
    """Registry entries: what is known of the cited document (date, title, chamber, …)."""


@dataclass(frozen=True)
class Fragment:
    """A reusable piece of text: a file in `sections/`, or a prose field of a letter manifest."""

    id: str
    path: str
    blocks: tuple[Block, ...]
    notes: dict[str, NoteDef]
    span: SourceSpan
    title: str | None = None
    topic: str | None = None
    public: bool = True
    woo: tuple[str, ...] = ()
    """The Woo grounds on which a fragment that is not public is withheld (`woo: 5.1.2i`)."""
    appraises: str | None = None
    references: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)
    body_line: int = 1
    """The line of the file the Markdown body starts on."""
    meta_spans: dict[str, SourceSpan] = field(default_factory=dict)
    """Where each front-matter value is written."""


@dataclass(frozen=True)
class FragmentUse:
    """A fragment id named in a manifest, with the place it is named."""

    id: str
    span: SourceSpan


@dataclass(frozen=True)
class Letter:
    """One letter manifest (`letters/<id>.yaml`)."""

    id: str
    path: str
    betreft: str
    datum: date
    kenmerk: str
    fragments: tuple[FragmentUse, ...]
    data: dict[str, Any]
    """The whole manifest as plain values, for templates (optional keys present as None)."""
    spans: dict[str, SourceSpan]
    """Where each manifest key (dotted path, e.g. `beslisnota.aan`) is written."""
    ministerraad: date | None = None
    beslisnota_fragments: dict[str, tuple[FragmentUse, ...]] = field(default_factory=dict)
    prose: dict[str, Fragment] = field(default_factory=dict)
    """Markdown prose fields of the manifest (e.g. `beslisnota.aanleiding`), parsed as fragments."""

    def span(self, key: str) -> SourceSpan:
        return self.spans.get(key) or SourceSpan(self.path)


# ---- the assembled document ------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    number: int
    label: str
    blocks: tuple[Block, ...]
    span: SourceSpan


@dataclass(frozen=True)
class Document:
    """One output (a Kamerbrief, a beslisnota, the public beslisnota) of one letter."""

    kind: str
    letter_id: str
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...]
    title: str
    subject: str
    author: str
    keywords: str
    created: date
    public: bool
    source_paths: tuple[str, ...] = ()
    """Every source file that fed this document (manifest, fragments, registry, template)."""
