"""Writing a citation in a house style.

    aanwijzingen   Kamerstukken II 2024/25, 19637, nr. 3451      (Aanwijzingen voor de regelgeving 3.43)
    kort           Kamerstuk 19 637, nr. 3451                    (the form many letters use)
    voluit         Kamerstukken II, 2024-2025, 19637, nr. 3451   (the beslisnota of 28 November 2025)

Only kamerstukken vary by house style; Handelingen, Staatsblad and the rest have one form: an EU
act as the Publicatieblad names it (`Richtlijn 2004/38/EG`, `Verordening (EU) nr. 604/2013`,
`Verordening (EU) 2024/1347`), a Commission document as `COM(2022) 457`, a Council document as
`Raadsdocument 14185/23`, a ruling by its ECLI, after the court and the date when known.
"""

from __future__ import annotations

from . import models
from . import vergaderjaar as vj_forms
from .models import Citation

STYLES = ("aanwijzingen", "kort", "voluit")
DEFAULT_STYLE = "aanwijzingen"
ROMAN = set("IVXL")
BLAD_NAMES = {
    models.STAATSBLAD: "Stb.",
    models.STAATSCOURANT: "Stcrt.",
    models.TRACTATENBLAD: "Trb.",
    models.GEMEENTEBLAD: "Gmb.",
    models.PROVINCIAAL_BLAD: "Prb.",
    models.WATERSCHAPSBLAD: "Wsb.",
}
EU_TYPES = {"L": "Richtlijn", "R": "Verordening", "D": "Besluit", "F": "Kaderbesluit"}


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
    if c.kind == models.EU_ACT:
        return _eu_act(c)
    if c.kind == models.COMMISSION:
        return f"{c.series}({c.year}) {c.number}"
    if c.kind == models.COUNCIL:
        return f"Raadsdocument {c.number}/{(c.year or 0) % 100:02d}"
    if c.kind == models.ECLI and c.court and c.date:
        return f"{c.court} {c.date}, {c.ecli}"
    return c.text or c.id


def _eu_act(c: Citation) -> str:
    """Numbered `(EU) 2024/1347` since 2015; before, a directive or decision `2004/38/EG` and a
    regulation `(EG) nr. 343/2003`, with EU from 2010 (the Treaty of Lisbon), EG from 1994, EEG
    before, and the year in two digits before 1999. A framework decision is always JBZ. An EU
    document that is no act: its CELEX number. A decision of before 2010 under the second or third
    pillar (GBVB, JBZ) is written with EG here: give such an entry its own text in the registry."""
    if c.document or not c.year:
        return f"CELEX {c.celex}"
    name = EU_TYPES[c.series or "R"]
    if c.year >= 2015:
        return f"{name} (EU) {c.year}/{c.number}"
    org = "JBZ" if c.series == "F" else "EU" if c.year >= 2010 else "EG" if c.year >= 1994 else "EEG"
    year = c.year if c.year >= 1999 else f"{c.year % 100:02d}"  # two digits before 1999: 93/13/EEG
    if c.series == "R":
        return f"{name} ({org}) nr. {c.number}/{year}"
    return f"{name} {year}/{c.number}/{org}"


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
