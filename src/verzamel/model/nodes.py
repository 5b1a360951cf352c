"""The tree a Document is made of: source positions, inlines and blocks.

Blocks and inlines are small frozen dataclasses, so a Document is a plain value that writers
can walk without knowing where it came from. What each kind holds inside it is said once, in
`walk.py`.
"""

from __future__ import annotations

from dataclasses import dataclass


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


def merge_texts(inlines) -> list[Inline]:
    """`inlines` with neighbouring Text joined into one and empty Text left out."""
    merged: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + inline.text)
        elif not (isinstance(inline, Text) and inline.text == ""):
            merged.append(inline)
    return merged
