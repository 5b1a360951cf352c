"""Which documents verzamel can look up, by their id, and at which services."""

from __future__ import annotations

from ..citations.models import Citation
from ..citations.resolve import parse_id
from . import eurlex, rechtspraak, sru, tk

SERVICES = (sru, tk, eurlex, rechtspraak)
"""In the order they are asked; officielebekendmakingen.nl goes before the Tweede Kamer's data."""


def addresses(citation: Citation) -> list[tuple[object, str]]:
    """The services that describe the document, each with the address to ask."""
    return [(service, url) for service in SERVICES if (url := service.address(citation))]


def lookable(identifier: str) -> Citation | None:
    """The document an id names, when a service describes it; None for any other id."""
    citation = parse_id(identifier)
    return citation if citation is not None and addresses(citation) else None
