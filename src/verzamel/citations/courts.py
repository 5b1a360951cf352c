"""Court rulings by their ECLI, as written or after the court and the date as case law is cited:
`ABRvS 12 juli 2023, ECLI:NL:RVS:2023:2695`. The id is the ECLI; a ruling cited without one
(`ABRS 28 februari 2024, no. 202106805/1/R3`) names no document verzamel can give an id."""

from __future__ import annotations

import re

from . import models
from .models import Citation

COURT = (
    r"ABRvS|AbRS|ABRS|HR|CRvB|CBb|RvS|HvJ(?:\s+EU)?|EHRM"
    r"|Hof\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|Rb\.\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?"
)
ECLI = re.compile(
    rf"(?:\b(?P<court>{COURT})\s+(?P<date>\d{{1,2}}\s+[a-z]+\s+\d{{4}})\s*,\s*)?"
    r"(?P<ecli>\bECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Za-z0-9.]*[A-Za-z0-9])"
)


def find_rulings(text: str) -> list[Citation]:
    return [
        Citation(
            models.ECLI, m[0], m.start(), m.end(), ecli=m["ecli"].upper(), court=m["court"], date=m["date"]
        )
        for m in ECLI.finditer(text)
    ]
