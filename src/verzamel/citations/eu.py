"""EU documents in text: acts by type and number, also several after one plural noun
("Richtlijnen 2004/38/EG, 2011/95/EU en 2013/33/EU"); CELEX numbers; the Publicatieblad, with a
year or with the date of the issue; and documents of the Commission (COM, SWD, SEC, JOIN) and of
the Council ("Raadsdocument 14185/23"). Each gets its canonical id: `celex-32004L0038`,
`pbeu-2013-L-180`, `com-2022-457`, `st-14185-2023`.
"""

from __future__ import annotations

import re

from ..dutch import MONTHS
from . import models
from .models import Citation

ORG = r"(?:EU|EG|EEG|EC|EEC)(?:,\s*Euratom)?|Euratom"
# One act: "(EU) nr. 604/2013", "2004/38/EG", "(EU) 2024/1347"; `a/b` is year/number or number/year.
ITEM = (
    rf"(?:\((?P<org>{ORG})\)\s+)?(?:(?P<nrkw>nr\.?|No\.?)\s*)?"
    r"(?P<a>\d{1,4})/(?P<b>\d{1,4})(?:/(?P<org2>EU|EG|EEG|EC|EEC|GBVB|JBZ))?\b(?!/)"
)
ACT = re.compile(
    r"\b(?P<type>(?:[Uu]itvoerings|[Gg]edelegeerde\s+)?[Vv]erordening(?:en)?|[Rr]ichtlijn(?:en)?"
    r"|(?:[Uu]itvoerings|[Kk]ader)?[Bb]esluit(?:en)?"
    r"|(?:(?:Commission|Council)\s+)?(?:Implementing\s+|Delegated\s+|Framework\s+)?"
    r"(?:Regulation|Directive|Decision)s?)\s+" + ITEM
)
NEXT_ITEM = re.compile(r"\s*(?:,(?:\s*(?:en|and)\b)?|\s(?:en|and|&)\b)\s*" + ITEM)
PLURAL = re.compile(r"(?:en|s)$")
TYPE_LETTER = (("kader", "F"), ("framework", "F"), ("richtlijn", "L"), ("directive", "L"), ("besluit", "D"))
CELEX = re.compile(
    r"(?:\b(?i:celex)(?::|%3A)\s*|(?<![\w/%:.-]))"
    r"(?P<celex>(?P<sector>[35])(?P<year>(?:19|20)\d{2})(?P<type>[A-Z]{1,2})(?P<nr>\d{4}))(?:\(\d{2}\))?(?!\w)"
)
CELEX_ID = re.compile(
    r"\bcelex-(?P<celex>(?P<sector>[1-9])(?P<year>\d{4})(?P<type>[A-Z]{1,2})(?P<nr>\d{4}))\b"
)
COMMISSION = re.compile(
    r"\b(?P<series>COM|SWD|SEC|JOIN)\s*(?:\(\s*(?P<year>(?:19|20)\d{2})\s*\)\s*|/(?P<year2>(?:19|20)\d{2})/)"
    r"(?P<nr>\d{1,4})(?!\d)(?:\s+final\b)?"
)
COMMISSION_ID = re.compile(r"\b(?P<series>com|swd|sec|join)-(?P<year>(?:19|20)\d{2})-(?P<nr>\d{1,4})\b")
CELEX_COMMISSION = {"PC": "COM", "DC": "COM", "SC": "SWD", "JC": "JOIN"}
COUNCIL = re.compile(
    r"(?:\b[Rr]aadsdocument(?:en)?\s+(?:nr\.?\s*)?|\bST\s+)"
    r"(?P<nr>\d{4,5})/(?:\d{1,2}/)?(?P<yy>\d{2})(?![\d/])(?:\s+REV\s+\d+)?"
    r"|\bST-(?P<nr2>\d{4,5})-(?P<year>(?:19|20)\d{2})(?:-INIT)?\b"
    r"|\bst-(?P<nr3>\d{4,5})-(?P<year3>(?:19|20)\d{2})\b"
)
JOURNAL = r"\b(?:PbEU|Pb\s?EU|PB\s?EU|PB|Publicatieblad)"
PUBLICATIEBLAD = re.compile(rf"{JOURNAL}\s+(?P<year>\d{{4}})\s*,?\s*(?P<series>[LC])\s*(?P<nr>\d+)\b")
PUBLICATIEBLAD_DATED = re.compile(  # "PB L 180 van 29.6.2013", "Publicatieblad L 158 van 30 april 2004"
    rf"{JOURNAL}\s+(?P<series>[LC])\s*(?P<nr>\d{{1,4}})\s+van\s+\d{{1,2}}(?:\.(?P<month>\d{{1,2}})\.|"
    rf"\s+(?P<name>{'|'.join(MONTHS)})\s+)(?P<year>\d{{4}})\b"
)
PUBLICATIEBLAD_ID = re.compile(r"\bpbeu-(?P<year>\d{4})-(?P<series>[LC])-(?P<nr>\d+)\b")


def find_eu(text: str) -> list[Citation]:
    found = _acts(text)
    for m in CELEX.finditer(text):
        found.append(_celex(m, "celex"))
    for m in CELEX_ID.finditer(text):
        found.append(_celex(m, "id"))
    for m in (*COMMISSION.finditer(text), *COMMISSION_ID.finditer(text)):
        form = "id" if m["series"].islower() else "full"
        year = m["year"] or m.groupdict().get("year2")
        found.append(_commission(m, m["series"].upper(), year, m["nr"], form))
    for m in COUNCIL.finditer(text):
        number = m["nr"] or m["nr2"] or m["nr3"]
        year = m["year"] or m["year3"] or _century(m["yy"])
        form = "id" if m["nr3"] else "full"
        found.append(_cited(models.COUNCIL, m, year=int(year), number=number, form=form))
    for pattern in (PUBLICATIEBLAD, PUBLICATIEBLAD_DATED, PUBLICATIEBLAD_ID):
        for m in pattern.finditer(text):
            found.append(
                _cited(
                    models.PUBLICATIEBLAD,
                    m,
                    year=int(m["year"]),
                    series=m["series"],
                    number=m["nr"],
                    form="id" if pattern is PUBLICATIEBLAD_ID else "full",
                )
            )
    return found


def _cited(kind: str, m, **facts) -> Citation:
    return Citation(kind, m[0], m.start(), m.end(), **facts)


def _century(yy: str) -> str:
    return f"{19 if int(yy) > 50 else 20}{yy}"


def _acts(text: str) -> list[Citation]:
    """An act needs (EU), /EG or the like: `Besluit 2012/1` of a treaty body is no EU act. After a
    plural noun more acts may follow ("Verordeningen (EU) nr. 604/2013 en 603/2013"); after a
    singular one only acts that say they are EU acts ("Verordening (EG) nr. 1071/2009, (EG) …")."""
    found = []
    for head in ACT.finditer(text):
        if not (head["org"] or head["org2"]):
            continue
        kind = head["type"].lower()
        series = next((letter for word, letter in TYPE_LETTER if word in kind), "R")
        found.append(_act(head, series, head["nrkw"], head.start()))
        plural, end = bool(PLURAL.search(kind)), head.end()
        while item := NEXT_ITEM.match(text, end):
            own_org = item["org"] or item["org2"]
            if not own_org and not (plural and _year_in(item)):
                break
            found.append(_act(item, series, item["nrkw"] or head["nrkw"], _item_start(item)))
            end = item.end()
    return found


def _item_start(item) -> int:
    """Where an act in a list starts: at its `(EU)`, else its `nr.`, else its number."""
    if item["org"]:
        return item.start("org") - 1
    return item.start("nrkw") if item["nrkw"] else item.start("a")


def _year_in(item) -> bool:
    return any(len(part) == 4 and 1950 < int(part) < 2100 for part in (item["a"], item["b"]))


def _act(m, series: str, nrkw: str | None, start: int) -> Citation:
    """Year/number since 2015 and for directives (`richtlijn nr. 2008/115/EG`); number/year for
    older regulations written with `nr.` (Verordening (EG) nr. 343/2003)."""
    a, b = m["a"], m["b"]
    year_first = bool(m["org2"]) or not (nrkw or (len(b) == 4 and not (len(a) == 4 and 1950 < int(a) < 2100)))
    year, number = (a, b) if year_first else (b, a)
    year_int = int(year) if len(year) == 4 else int(_century(year[-2:]))
    return Citation(
        models.EU_ACT,
        m.string[start : m.end()],
        start,
        m.end(),
        year=year_int,
        number=str(int(number)),
        series=series,
    )


def _celex(m, form: str) -> Citation:
    """A CELEX number: an act (sector 3), a Commission document (sector 5, COM, SWD, JOIN) or, as
    written, another EU document (an opinion of the EESC: 52021AE2534)."""
    sector, kind = m["sector"], m["type"]
    if sector == "3" and kind in "LRDF":
        return _cited(models.EU_ACT, m, year=int(m["year"]), number=str(int(m["nr"])), series=kind, form=form)
    if sector == "5" and kind in CELEX_COMMISSION:
        return _commission(m, CELEX_COMMISSION[kind], m["year"], m["nr"], form)
    return _cited(models.EU_ACT, m, document=m["celex"], form=form)


def _commission(m, series: str, year: str, number: str, form: str) -> Citation:
    return _cited(models.COMMISSION, m, series=series, year=int(year), number=str(int(number)), form=form)
