"""Which documents verzamel can look up, by their id, and at which services."""

from __future__ import annotations

from ..citations.models import Citation
from . import eurlex, rechtspraak, sru, tk

SERVICES = (sru, tk, eurlex, rechtspraak)
"""In the order they are asked; officielebekendmakingen.nl goes before the Tweede Kamer's data."""


def addresses(citation: Citation) -> list[tuple[object, str]]:
    """The services that describe the document, each with the address to ask."""
    return [(service, url) for service in SERVICES if (url := service.address(citation))]
