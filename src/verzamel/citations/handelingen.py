"""Handelingen and the Aanhangsel: `Handelingen II 2010/11, nr. 108, item 5`, `Aanhangsel der
Handelingen, vergaderjaar 2006–2007, nr. 520`, `Handelingen der Kamer II, …`, their ids
(`h-ek-20212022-28-9`), and the Eerste Kamer's own report of a sitting, which names its
Handelingen after its date: `Verslag van de vergadering van 4 oktober 2022 (2022/2023 nr. 2)`.

The EK writes `(2022/2023 nr. 2)` without saying Handelingen or which chamber; it is read only in
that heading, and only when the date falls in the vergaderjaar, so that a vergaderjaar and a
number elsewhere (a TK report, a list of stukken) are never taken for Handelingen of the EK.
"""

from __future__ import annotations

import re

from ..dutch import MONTHS, WEEKDAYS, read_date
from . import models
from . import vergaderjaar as vj_forms
from .models import Citation
from .patterns import PAGE, VERGADERJAAR

HANDELINGEN = re.compile(
    r"(?P<aanhangsel>\bAanhangsel\s+(?:van\s+de\s+|bij\s+de\s+|der\s+)?)?"
    r"\b(?P<kw>Handelingen|(?<=der )handelingen)(?:\s+der\s+Kamer)?(?:\s+(?P<chamber>II|I)\b)?"
    r"\s*,?\s*(?:vergaderjaar\s+)?"
    rf"{VERGADERJAAR}"
    r"\s*,?\s*(?:nr\.?\s*)?(?P<nr>\d+)\b"
    r"(?:\s*,\s*item\s+(?P<item>\d+))?"
    rf"{PAGE}"
)
HANDELINGEN_ID = re.compile(
    r"\b(?P<prefix>h|ah)-(?P<house>tk|ek)-(?P<vj>\d{8})-(?P<nr>\d+)(?:-(?P<item>\d+))?\b"
)
EK_SITTING = re.compile(
    r"Verslag van de (?:plenaire )?vergadering van "
    rf"(?P<date>(?:(?:{'|'.join(WEEKDAYS)})\s+)?\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\s+\d{{4}})\s*"
    r"(?:(?P<numbered>\((?P<vj1>\d{4})/(?P<vj2>\d{4}) nr\. (?P<nr>\d+)\))"
    r"|(?P<year_of>Parlementair jaar (?P<pj1>\d{4})/(?P<pj2>\d{4}), (?P<pnr>\d+)e vergadering))"
)


def find_handelingen(text: str) -> list[Citation]:
    found: list[Citation] = []
    for m in HANDELINGEN.finditer(text):
        kind = models.AANHANGSEL if m["aanhangsel"] else models.HANDELINGEN
        start = m.start("aanhangsel") if m["aanhangsel"] else m.start("kw")
        found.append(
            Citation(
                kind,
                text[start : m.end()],
                start,
                m.end(),
                chamber=m["chamber"],
                vergaderjaar=vj_forms.parse(m["vj1"], m["vj2"]),
                number=m["nr"],
                item=m["item"],
                page=m["page"],
            )
        )
    for m in HANDELINGEN_ID.finditer(text):
        kind = models.AANHANGSEL if m["prefix"] == "ah" else models.HANDELINGEN
        vj = (int(m["vj"][:4]), int(m["vj"][4:]))
        chamber = "I" if m["house"] == "ek" else "II"
        found.append(
            Citation(
                kind,
                m[0],
                m.start(),
                m.end(),
                chamber=chamber,
                vergaderjaar=vj,
                number=m["nr"],
                item=m["item"],
                form="id",
            )
        )
    found += [c for m in EK_SITTING.finditer(text) if (c := _ek_sitting(m)) is not None]
    return found


def _ek_sitting(m) -> Citation | None:
    group = "numbered" if m["numbered"] else "year_of"
    first, second, number = (m["vj1"], m["vj2"], m["nr"]) if m["numbered"] else (m["pj1"], m["pj2"], m["pnr"])
    vergaderjaar = vj_forms.parse(first, second)
    written = read_date(m["date"])
    day = written.meant if written else None
    if vergaderjaar is None or day is None or vj_forms.vergaderjaar_of(day) != vergaderjaar:
        return None
    return Citation(
        models.HANDELINGEN,
        m[group],
        m.start(group),
        m.end(group),
        chamber="I",
        vergaderjaar=vergaderjaar,
        number=number,
        form="heading",
    )
