"""From ids and registry entries to citations: what the registry knows about a cited document."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .find import find
from .models import Citation
from .vergaderjaar import vergaderjaar_of

REGISTRY_FACTS = ("date", "title", "chamber", "dossier", "number", "co_dossiers")


def parse_id(identifier: str) -> Citation | None:
    """`kst-19637-3451`, `h-tk-20102011-108-5`, `stb-2011-35`, an ECLI … -> a citation."""
    found = [c for c in find(identifier) if isinstance(c, Citation)]
    if (
        len(found) == 1
        and found[0].start == 0
        and found[0].end == len(identifier)
        and found[0].id == identifier
    ):
        return found[0]
    return None


def from_registry(identifier: str, facts: dict) -> Citation | None:
    """The citation a registry entry describes: its id, completed with its facts."""
    citation = parse_id(identifier)
    if citation is None:
        return None
    changes = {}
    if isinstance(facts.get("date"), date):
        changes["vergaderjaar"] = vergaderjaar_of(facts["date"])
    if facts.get("chamber") in ("I", "II"):
        changes["chamber"] = facts["chamber"]
    if isinstance(facts.get("co_dossiers"), list):
        changes["co_dossiers"] = tuple(str(d).replace(" ", "") for d in facts["co_dossiers"])
    return replace(citation, text="", start=0, end=0, **changes)


def with_registry_facts(citation: Citation, registered: Citation | None) -> Citation:
    """A found citation completed with what the registry knows (for rendering in house style)."""
    if registered is None:
        return citation
    return replace(
        citation,
        vergaderjaar=citation.vergaderjaar or registered.vergaderjaar,
        chamber=citation.chamber or registered.chamber,
        co_dossiers=citation.co_dossiers or registered.co_dossiers,
    )
