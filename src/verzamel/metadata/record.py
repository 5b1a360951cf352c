"""What an official source says about one document, and the registry title verzamel derives from it.

The sources write a kamerstuk's title in parts: officielebekendmakingen.nl has `dcterms:title`
("Vreemdelingenbeleid; Brief regering; Verzamelbrief opvang ontheemden uit Oekraïne") and
`overheidwetgeving:documenttitel` ("Brief regering; Verzamelbrief opvang ontheemden uit
Oekraïne"); the registry holds the subject only. `house_title` takes the document title (else
the title), splits it at "; ", leaves out the dossier title, and keeps the last part: what the
document is about. A leading "<id>, " is left out too (rechtspraak.nl starts its titles with the
ECLI). docs/citations.md says the same for users.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from datetime import date

FACTS = (
    "date",
    "title",
    "document_title",
    "dossier_title",
    "kind",
    "submitter",
    "vergaderjaar",
    "chamber",
    "dossiers",
    "case_number",
    "url",
    "status",
    "replaced_by",
    "tk_number",
)
"""The facts kept per document, in the order the cache file writes them."""


@dataclass(frozen=True)
class Official:
    id: str
    found: bool
    fetched: date | None = None
    """The day the sources answered (their Date header), for the cache file."""
    sources: dict[str, str] = field(default_factory=dict)
    """Service name -> the address asked."""
    date: date | None = None
    title: str | None = None
    """The title as the source writes it."""
    document_title: str | None = None
    dossier_title: str | None = None
    kind: str | None = None
    """The kind of document (Brief regering, Motie, Uitspraak, …)."""
    submitter: str | None = None
    """Who sent or submitted it: a minister, a member, a court."""
    vergaderjaar: str | None = None
    chamber: str | None = None
    """I or II, for a parliamentary document."""
    dossiers: tuple[str, ...] = ()
    """The dossier numbers it belongs to, the main one first."""
    case_number: str | None = None
    url: str | None = None
    status: str | None = None
    """A herdruk, a withdrawn document, … as the source says it; None for a plain one."""
    replaced_by: str | None = None
    tk_number: str | None = None
    """The Tweede Kamer's own document number (2025D32571)."""

    @property
    def house_title(self) -> str | None:
        return house_title(self.document_title or self.title, self.dossier_title, self.id)


def house_title(title: str | None, dossier_title: str | None, identifier: str) -> str | None:
    if not title:
        return None
    parts = [part.strip() for part in title.split("; ") if part.strip()]
    subject = [part for part in parts if normal(part) != normal(dossier_title or "")] or parts
    kept = subject[-1] if subject else title.strip()
    if kept.upper().startswith(f"{identifier.upper()}, "):
        kept = kept[len(identifier) + 2 :].strip()
    return kept or None


SECOND_KNOWS_BETTER = ("kind", "submitter")
"""What the Tweede Kamer's register says better than the publication: the kind of document
("Brief regering" where the publication has "Brief") and who signed it, with their office."""


def merge(first: Official, second: Official) -> Official:
    """`first` completed with what only `second` knows (officielebekendmakingen.nl first, the
    Tweede Kamer's own data second), and SECOND_KNOWS_BETTER from `second`."""
    if not first.found:
        return replace(second, sources={**first.sources, **second.sources}, fetched=_later(first, second))
    if not second.found:
        return replace(first, sources={**first.sources, **second.sources}, fetched=_later(first, second))
    filled = {
        f.name: getattr(second, f.name)
        for f in fields(first)
        if not getattr(first, f.name) or (f.name in SECOND_KNOWS_BETTER and getattr(second, f.name))
    }
    return replace(
        first, **filled, sources={**first.sources, **second.sources}, fetched=_later(first, second)
    )


def _later(first: Official, second: Official) -> date | None:
    days = [d for d in (first.fetched, second.fetched) if d]
    return max(days) if days else None


def normal(text: str) -> str:
    """A title as compared: the same letters, whatever the quotes, dashes, spaces and case."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    return re.sub(r"\s+", " ", text).strip().casefold()


def same_title(registered: str, official: str) -> bool:
    """Whether a registry title names the same document as the official one: equal, or its
    beginning up to a whole word ("Motie van het lid Podt" for "Motie van het lid Podt over …")."""
    mine, theirs = normal(registered), normal(official)
    return bool(mine) and (mine == theirs or theirs.startswith(mine + " "))
