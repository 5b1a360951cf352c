"""The documents a letter has: each one's name, template, reference document, and whether it is
public and may withhold text. A fact of the domain: checks, lock, review and build read it
without assembling anything."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutputKind:
    name: str
    template: str
    reference: str
    public: bool
    description: str
    withholds: bool = True
    """Withheld text may be in it: marked (internal) or replaced by redaction marks (public).
    False for the Kamerbrief: withheld text there is an error (CONF001)."""
    reviewed: bool = True
    """Goes up the line for review while the letter is a draft, and then says where each paragraph
    comes from (render/docx/provenance.py). Not the public beslisnota: it is made from the complete
    one, and what is published names no source."""


OUTPUTS = (
    OutputKind(
        "kamerbrief",
        "kamerbrief.md.j2",
        "kamerbrief.docx",
        True,
        "the letter to the Tweede Kamer",
        withholds=False,
    ),
    OutputKind(
        "beslisnota", "beslisnota.md.j2", "beslisnota.docx", False, "the decision memo, complete (internal)"
    ),
    OutputKind(
        "beslisnota-openbaar",
        "beslisnota.md.j2",
        "beslisnota.docx",
        True,
        "the decision memo as published with the letter (withheld text replaced by redaction marks)",
        reviewed=False,
    ),
)
