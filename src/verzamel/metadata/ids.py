"""Which documents verzamel can look up, by their id, and at which services."""

from __future__ import annotations

import re

from ..citations import models
from ..citations.models import Citation
from ..citations.resolve import parse_id
from . import eurlex, rechtspraak, sru, tk

SERVICES = (sru, tk, eurlex, rechtspraak)
"""In the order they are asked; officielebekendmakingen.nl goes before the Tweede Kamer's data."""
CELEX_ID = re.compile(r"celex-3(?P<year>\d{4})(?P<series>[A-Z])(?P<number>\d{4})")
"""An EU act of secondary law by its CELEX number (`celex-32001L0055`), as models.Citation.id writes
it; citations.find reads the act as written in text (Richtlijn 2001/55/EG), not this id."""


def citation_of(identifier: str) -> Citation | None:
    """The document an id names, or None for an id verzamel does not read."""
    citation = parse_id(identifier)
    if citation is not None:
        return citation
    match = CELEX_ID.fullmatch(identifier)
    if match is None:
        return None
    found = Citation(
        models.EU_ACT,
        year=int(match["year"]),
        series=match["series"],
        number=str(int(match["number"])),
    )
    return found if found.id == identifier else None


def addresses(citation: Citation) -> list[tuple[object, str]]:
    """The services that describe the document, each with the address to ask."""
    return [(service, url) for service in SERVICES if (url := service.address(citation))]
