"""What a document withholds, passage by passage: for section 5.1, the checks and the build's
report. Reading it changes nothing (redaction itself is `redact.py`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import (
    SKIP,
    Document,
    Heading,
    NoteRef,
    Redaction,
    SourceSpan,
    Withheld,
    WithheldBlock,
    iter_inlines,
    map_inlines,
    visit,
)
from ..model.text import block_lines, inline_text
from .grounds import grounds as all_grounds
from .redact import redacted_inline


@dataclass(frozen=True)
class WithheldPassage:
    text: str
    grounds: tuple[str, ...]
    span: SourceSpan | None
    kind: str
    """`onderdeel` (a whole fragment), `alinea` (a `::: {woo}` block), `passage` (words), or
    `voetnoot` (words in a footnote)."""
    where: str | None
    """The title of the fragment it stands in, else the heading of its section as published (with
    redaction marks for what the heading withholds), None before any heading: never withheld words."""
    fragment: str | None = None
    """The id of a fragment withheld whole."""


def withheld_passages(document: Document, titles: dict[str, str] | None = None) -> list[WithheldPassage]:
    """Everything withheld in a (complete) document, in reading order, footnotes after the body.
    `titles` gives the title of the fragment in each source file, to say where a passage stands."""
    passages = _Passages(titles or {})
    visit(document.blocks, passages.node, "passage")
    for note in document.notes:
        if note.number in passages.section_of_note:
            passages.section = passages.section_of_note[note.number]
            visit(note.blocks, passages.node, "voetnoot")
    return passages.found


class _Passages:
    """What withheld_passages gathers as it visits a document, the kind of passage as context.
    (A class rather than nested functions: see model.walk.)"""

    def __init__(self, titles: dict[str, str]) -> None:
        self.titles = titles
        self.found: list[WithheldPassage] = []
        self.section_of_note: dict[int, str | None] = {}
        self.section: str | None = None

    def where(self, span: SourceSpan | None) -> str | None:
        return self.titles.get(span.path, self.section) if span is not None else self.section

    def node(self, node, kind: str):
        if isinstance(node, WithheldBlock):
            text = "\n".join(line for child in node.children for line in block_lines(child) if line)
            whole = "onderdeel" if node.title else "alinea"
            where = node.title or self.where(node.span)
            self.found.append(WithheldPassage(text, node.grounds, node.span, whole, where, node.fragment))
            return SKIP
        if isinstance(node, Withheld):
            passage = WithheldPassage(
                inline_text(node.children), node.grounds, node.span, kind, self.where(node.span)
            )
            self.found.append(passage)
            return SKIP
        if isinstance(node, Heading) and kind == "passage":
            self.section = inline_text(map_inlines(node.inlines, redacted_inline))  # as published
        elif isinstance(node, NoteRef) and node.number is not None:
            self.section_of_note.setdefault(node.number, self.where(node.span))
        return kind


def withheld_by_ground(document: Document, titles: dict[str, str] | None = None) -> list[dict]:
    """For the template's section 5.1: per ground (in the order of the Woo), its article and
    description and the places where it was applied (`titles`: as for withheld_passages)."""
    by_code: dict[str, list[dict]] = {}
    for passage in withheld_passages(document, titles):
        for code in passage.grounds:
            place = {"kind": passage.kind, "where": passage.where}
            if place not in by_code.setdefault(code, []):
                by_code[code].append(place)
    if not by_code:
        return []  # nothing withheld: the grounds' wording need not even be read
    known = all_grounds()
    return [
        {
            "code": code,
            "article": known[code].article,
            "description": known[code].description,
            "places": by_code[code],
        }
        for code in known
        if code in by_code
    ]


def grounds_withheld(document: Document) -> list[str]:
    """The grounds on which anything in the document is withheld (marked or redacted), in Woo order."""
    found = {code for passage in withheld_passages(document) for code in passage.grounds}
    found.update(code for redaction in _redactions(document) for code in redaction.grounds)
    return [code for code in all_grounds() if code in found] if found else []


def redactions_by_ground(document: Document) -> dict[str, int]:
    """For a public document: how many redaction marks it shows on each ground, in Woo order (a
    mark on two grounds counts for both). What it tells is in the published text already."""
    counts = Counter(code for redaction in _redactions(document) for code in redaction.grounds)
    known = all_grounds() if counts else {}
    return {code: counts[code] for code in [*known, *sorted(set(counts) - set(known))] if code in counts}


def _redactions(document: Document):
    """Every redaction mark in the document, its footnotes' included."""
    for blocks in (document.blocks, *(note.blocks for note in document.notes)):
        for inline in iter_inlines(blocks):
            if isinstance(inline, Redaction):
                yield inline
