"""The Dutch official journals: Staatsblad, Staatscourant, Tractatenblad, Gemeenteblad, Provinciaal
blad and Waterschapsblad, abbreviated or spelled out (`Stb. 2011, 35`, `Staatsblad 2016, 478`,
`Staatsblad van het Koninkrijk der Nederlanden, jaargang 2019, nr. 123`), and by their ids
(`gmb-2023-266546`), as officielebekendmakingen.nl names them."""

from __future__ import annotations

import re

from ..dutch import MONTHS
from . import models
from .models import Citation

NAMES = {
    "stb": models.STAATSBLAD,
    "staatsblad": models.STAATSBLAD,
    "stcrt": models.STAATSCOURANT,
    "staatscourant": models.STAATSCOURANT,
    "trb": models.TRACTATENBLAD,
    "tractatenblad": models.TRACTATENBLAD,
    "gmb": models.GEMEENTEBLAD,
    "gemeenteblad": models.GEMEENTEBLAD,
    "prb": models.PROVINCIAAL_BLAD,
    "provinciaal blad": models.PROVINCIAAL_BLAD,
    "wsb": models.WATERSCHAPSBLAD,
    "waterschapsblad": models.WATERSCHAPSBLAD,
}
BLAD = re.compile(
    r"\b(?P<blad>Stb|Staatsblad|Stcrt|Staatscourant|Trb|Tractatenblad|Gmb|Gemeenteblad"
    r"|Prb|Provinciaal\s+blad|Wsb|Waterschapsblad)\.?,?"
    r"(?:\s+van\s+het\s+Koninkrijk\s+der\s+Nederlanden\s*,?)?"
    r"\s+(?:(?:van\s+)?het\s+jaar\s+|van\s+|[Jj]aargang\s+)?(?P<year>(?:1[89]|20)\d{2})\b"
    r"\s*,?\s*(?:(?:nr\.?|nummer)\s*)?(?P<nr>\d+)\b"
    rf"(?!\s+(?:{'|'.join(MONTHS)})\b)"  # "Gemeenteblad 2023, 12 december": a day, not a number
)
BLAD_ID = re.compile(r"\b(?P<blad>stb|stcrt|trb|gmb|prb|wsb)-(?P<year>\d{4})-(?P<nr>\d+)\b")


def find_journals(text: str) -> list[Citation]:
    return [
        Citation(
            NAMES[" ".join(m["blad"].lower().split())],
            m[0],
            m.start(),
            m.end(),
            year=int(m["year"]),
            number=m["nr"],
            form="id" if pattern is BLAD_ID else "full",
        )
        for pattern in (BLAD, BLAD_ID)
        for m in pattern.finditer(text)
    ]
