"""Citation notes: a document cited by id, written as the house style writes it, and the text of
a footnote with the citations in it written out."""

from __future__ import annotations

from dataclasses import replace

from ..citations.render import DEFAULT_STYLE, STYLES, render, sent_letter
from ..citations.resolve import from_registry, parse_id
from ..dutch import long_date
from ..model import (
    Block,
    Inline,
    Link,
    NoteRef,
    Paragraph,
    SourceSpan,
    Text,
    Withheld,
    iter_inlines,
    merge_texts,
)
from ..model.text import inline_text
from ..sources import Sources
from .refs import map_refs


class CitationNotes:
    """Footnote texts from the registry (`sources.registry`) in the house style of a project."""

    def __init__(self, sources: Sources, house_style: dict):
        self.registry = sources.registry
        self.house_style = house_style
        style = house_style.get("citations")
        self.style = style if style in STYLES else DEFAULT_STYLE

    def note(self, ref: NoteRef) -> tuple[tuple[Block, ...], SourceSpan]:
        """The text of the footnote a citation by id (`[^@id]`) makes, and where it comes from."""
        entry = self.registry.get(ref.cited_id)
        if entry is not None and entry.blocks and not ref.locator:
            return self.body(entry), entry.span
        inlines = tuple(self._whole_note(self._inlines(ref.cited_id, ref.locator)))
        citation = parse_id(ref.cited_id)
        if citation and citation.url and self.house_style.get("citation_links") is True:
            inlines = (Link(citation.url, inlines),)
        return (Paragraph(inlines),), entry.span if entry else ref.span

    def body(self, definition) -> tuple[Block, ...]:
        """A footnote's text: citations by id written out, other footnote marks dropped (a note
        cannot have notes); a registry entry with only facts is written in the house style."""
        if not definition.blocks:
            return (Paragraph(tuple(self._whole_note(self._inlines(definition.label)))),)

        def inline(ref: NoteRef):
            if not ref.cited_id:
                return Text("")
            parts = self._inlines(ref.cited_id, ref.locator)
            if not any(isinstance(part, Withheld) for part in parts):
                return Text(inline_text(parts))
            # a cited entry that withholds words, inside a note's text: withheld whole, never shown
            grounds = tuple(dict.fromkeys(g for p in parts if isinstance(p, Withheld) for g in p.grounds))
            return Withheld((Text(inline_text(parts, mark=_unmarked)),), grounds, ref.span)

        return tuple(map_refs(b, inline) for b in definition.blocks)

    def _inlines(self, identifier: str, locator: str | None = None) -> list[Inline]:
        """A document cited by id, as the house style writes it (the registry's own text if it has
        one, as plain text in which only what it withholds stays withheld)."""
        entry = self.registry.get(identifier)
        if entry is not None and entry.blocks:
            parts: list[Inline] = []
            for n, block in enumerate(b for b in entry.blocks if hasattr(b, "inlines")):
                parts.extend([Text(" ")] * bool(n) + _plain_keeping_withheld(block.inlines))
        else:
            citation = from_registry(identifier, entry.facts) if entry else parse_id(identifier)
            text = render(citation, self.style) if citation else identifier
            if entry is not None and citation and entry.facts.get("letter"):  # a sent letter of the dossier
                text = sent_letter(entry.facts["title"], long_date(entry.facts["date"]), text)
            parts = [Text(text)]
        return merge_texts(parts + [Text(f", {locator}")] * bool(locator))

    def _whole_note(self, citation: list[Inline]) -> list[Inline]:
        """A footnote that is only a citation ends with a full stop, as a written one does
        (`house_style.footnote_full_stop`, on unless set to false)."""
        if self.house_style.get("footnote_full_stop") is False or inline_text(citation).endswith("."):
            return citation
        return merge_texts([*citation, Text(".")])


def _unmarked(text: str, change: str) -> str:
    return text


def _plain_keeping_withheld(inlines) -> list[Inline]:
    """`inlines` as plain text, except that withheld words stay a Withheld (of plain text)."""
    out: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Withheld):
            out.append(replace(inline, children=tuple(merge_texts(_plain_keeping_withheld(inline.children)))))
        elif any(isinstance(i, Withheld) for i in iter_inlines((Paragraph((inline,)),))):
            out.extend(_plain_keeping_withheld(inline.children))
        else:
            out.append(Text(inline_text((inline,))))
    return out
