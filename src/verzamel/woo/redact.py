"""The public version of a document, as a stage of its own: Document -> Document.

Withheld words become a redaction mark (`[5.1.2e]`), a withheld block or fragment one mark for the
whole; footnotes that only withheld text referred to go with it, and the others are numbered again
without gaps. Nothing withheld survives in the result, so no writer can leak it: there is no hidden
text, no white-on-white, no deleted run, only the mark.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import (
    Document,
    Note,
    NoteRef,
    Paragraph,
    Redaction,
    Withheld,
    WithheldBlock,
    iter_inlines,
    map_blocks,
)
from ..model.text import title_of, woo_marks
from .grounds import ATTRIBUTE, attribute_value, parse_grounds

PLAIN_MARK = re.compile(r"\[[^\]\n]*\]" + ATTRIBUTE.pattern)
"""A `[words]{woo=…}` mark typed into a plain-text value (betreft, a title) that is not parsed."""


def redacted_inline(inline):
    return Redaction(inline.grounds) if isinstance(inline, Withheld) else inline


def _block(block):
    if isinstance(block, WithheldBlock):
        return Paragraph((Redaction(block.grounds),), None, block.span)
    return block


def redact_blocks(blocks) -> tuple:
    return map_blocks(blocks, block=_block, inline=redacted_inline)


def redact_plain(text: str) -> str:
    """A metadata value with any withheld mark in it replaced by the redaction mark."""
    return PLAIN_MARK.sub(lambda match: woo_marks(parse_grounds(attribute_value(match))[0]), text)


def redact(document: Document) -> Document:
    """The document as it may be published."""
    blocks = redact_blocks(document.blocks)
    order = [i.number for i in iter_inlines(blocks) if isinstance(i, NoteRef) and i.number is not None]
    renumber = {old: new for new, old in enumerate(dict.fromkeys(order), start=1)}

    def number(inline):
        if isinstance(inline, NoteRef) and inline.number in renumber:
            return replace(inline, number=renumber[inline.number])
        return inline

    notes = {note.number: note for note in document.notes}
    kept = tuple(
        Note(new, notes[old].label, redact_blocks(notes[old].blocks), notes[old].span)
        for old, new in renumber.items()
        if old in notes
    )
    return replace(
        document,
        blocks=map_blocks(blocks, inline=number),
        notes=kept,
        title=title_of(blocks) or redact_plain(document.title),
        subject=redact_plain(document.subject),
        keywords=redact_plain(document.keywords),
        public=True,
    )
