"""Official metadata for a set of documents: from the cache file first, from the services for what
it does not have (or for everything, when asked to refresh). Nothing is written here."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ..citations.models import Citation
from . import http
from .ids import addresses
from .parse import Malformed
from .record import Official, merge


@dataclass
class Looked:
    officials: dict[str, Official] = field(default_factory=dict)
    """Every document answered for, from the cache or a service."""
    fetched: dict[str, Official] = field(default_factory=dict)
    """Those a service answered for now: what the cache file gains."""
    problems: dict[str, http.FetchProblem] = field(default_factory=dict)
    """Documents no answer could be had for, with why."""
    not_asked: list[str] = field(default_factory=list)
    """Documents not asked for once the network was found out of reach."""

    @property
    def complete(self) -> bool:
        return not self.problems and not self.not_asked


def look_up(
    citations: dict[str, Citation], cache: dict[str, Official], today: date, refresh: bool = False
) -> Looked:
    looked = Looked()
    for identifier, citation in citations.items():
        if not refresh and identifier in cache:
            looked.officials[identifier] = cache[identifier]
        elif looked.problems and any(p.offline for p in looked.problems.values()):
            looked.not_asked.append(identifier)
        else:
            try:
                official = fetch(citation, today)
            except http.FetchProblem as problem:
                looked.problems[identifier] = problem
                continue
            looked.officials[identifier] = looked.fetched[identifier] = official
    return looked


def fetch(citation: Citation, today: date) -> Official:
    """What the services say about one document, merged (raises http.FetchProblem)."""
    identifier = citation.id
    result = Official(identifier, found=False, fetched=today)
    for service, url in addresses(citation):
        reply = http.get(service.NAME, url, service.ACCEPT, service.MISSING)
        if reply.status in service.MISSING:
            answer = Official(identifier, found=False)
        else:
            try:
                answer = service.read(reply.body, identifier)
            except Malformed as error:
                raise http.FetchProblem(service.NAME, url, str(error)) from None
        answer = replace(answer, fetched=reply.day or today, sources={service.NAME: url})
        result = answer if not result.sources else merge(result, answer)
    return result
