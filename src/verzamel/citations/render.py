"""Writing a citation in a house style.

    aanwijzingen   Kamerstukken II 2024/25, 19637, nr. 3451      (Aanwijzingen voor de regelgeving 3.43)
    kort           Kamerstuk 19 637, nr. 3451                    (the form many letters use)
    voluit         Kamerstukken II, 2024-2025, 19637, nr. 3451   (the beslisnota of 28 November 2025)

Only kamerstukken vary by house style; Handelingen, Staatsblad and the rest have one form.
"""

from __future__ import annotations

from . import models
from . import vergaderjaar as vj_forms
from .models import Citation

STYLES = ("aanwijzingen", "kort", "voluit")
DEFAULT_STYLE = "aanwijzingen"
ROMAN = set("IVXL")
BLAD_NAMES = {models.STAATSBLAD: "Stb.", models.STAATSCOURANT: "Stcrt.", models.TRACTATENBLAD: "Trb."}


def grouped(dossier: str) -> str:
    """`19637` -> `19 637`, as dossier numbers are written in running text."""
    return f"{int(dossier):,}".replace(",", " ") if dossier.isdigit() and len(dossier) > 4 else dossier


def _dossier(c: Citation, group: bool) -> str:
    text = grouped(c.dossier or "") if group else (c.dossier or "")
    if c.suffix:
        text += f" {c.suffix}" if set(c.suffix) <= ROMAN else f"-{c.suffix}"
    for co in c.co_dossiers:
        text += f" en {grouped(co) if group else co}"
    return text


def render(c: Citation, style: str = DEFAULT_STYLE) -> str:
    if c.kind == models.KAMERSTUK:
        return _kamerstuk(c, style)
    if c.kind in (models.HANDELINGEN, models.AANHANGSEL):
        prefix = "Aanhangsel Handelingen" if c.kind == models.AANHANGSEL else "Handelingen"
        text = f"{prefix} {c.chamber or 'II'} {vj_forms.short(c.vergaderjaar)}, nr. {c.number}"
        if c.item:
            text += f", item {c.item}"
        return text + (f", p. {c.page}" if c.page else "")
    if c.kind in BLAD_NAMES:
        return f"{BLAD_NAMES[c.kind]} {c.year}, {c.number}"
    if c.kind == models.PUBLICATIEBLAD:
        return f"PbEU {c.year}, {c.series} {c.number}"
    return c.text or c.id


def _kamerstuk(c: Citation, style: str) -> str:
    chamber = c.chamber or ("I" if c.is_ek_letter else "II")
    if style == "kort":
        text = f"Kamerstuk {_dossier(c, group=True)}"
    elif style == "voluit":
        vj = f", {vj_forms.long(c.vergaderjaar)}" if c.vergaderjaar else ""
        text = f"Kamerstukken {chamber}{vj}, {_dossier(c, group=False)}"
    else:
        vj = f" {vj_forms.short(c.vergaderjaar)}" if c.vergaderjaar else ""
        text = f"Kamerstukken {chamber}{vj}, {_dossier(c, group=False)}"
    if c.number:
        text += f", {c.number}" if c.is_ek_letter else f", nr. {c.number}"
    if c.page:
        text += f", p. {c.page}"
    return ("Bijlage bij " if c.attachment else "") + text


def needs_vergaderjaar(style: str) -> bool:
    return style != "kort"


SENT_LETTER = "{betreft} d.d. {datum}, {citation}"
"""A letter of this dossier that was sent and published, cited by its kamerstuk id: named as the
beslisnota of 28 November 2025 names earlier letters ("Verzamelbrief Opvang Oekraïne d.d.
31 januari 2025, Kamerstukken II, …")."""


def sent_letter(betreft: str, datum: str, citation: str) -> str:
    return SENT_LETTER.format(betreft=betreft, datum=datum, citation=citation)
