"""`verzamel refs add` and `refs verify`: registry entries made from the official metadata, and the
registry checked against it. The metadata comes from the cache file first (metadata/cache.py),
from the services for what it lacks; `check` and `build` never come here.

Both write all or nothing: the registry files and the cache file are put in place together
(write.write_all_atomic), and only when every document asked for was answered for.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..citations.models import Citation
from ..diagnostics import Diagnostic
from ..messages import dossier_setting, t
from ..model import SourceSpan
from ..project import Project


class NotDone(Exception):
    """The command could not do what was asked; nothing was written. `code` is its exit code."""

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None, code: int = 2):
        self.message = message
        self.diagnostics = diagnostics or []
        self.code = code
        super().__init__(message)


class UnknownIds(Exception):
    """Ids verzamel cannot look up (not an id, or a kind no service describes)."""

    def __init__(self, ids: list[str]):
        self.ids = ids
        super().__init__(", ".join(ids))


@dataclass
class Added:
    entries: list[tuple[str, SourceSpan]] = field(default_factory=list)
    """Each document added, with where its entry now stands."""
    present: dict[str, SourceSpan] = field(default_factory=dict)
    """Documents asked for that the registry already has."""


@dataclass
class Verified:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    unchecked: str | None = None
    """Why some entries could not be checked (no network, …), in a sentence; None when all were."""


def citations_of(identifiers) -> dict[str, Citation]:
    from ..metadata.ids import lookable

    found, unknown = {}, []
    for identifier in dict.fromkeys(identifiers):
        citation = lookable(identifier)
        if citation is None:
            unknown.append(identifier)
        else:
            found[identifier] = citation
    if unknown:
        raise UnknownIds(unknown)
    return found


def add(
    project: Project, identifiers, file: str | None = None, refresh: bool = False, today: date | None = None
) -> Added:
    """Registry entries for the documents not in the registry yet (raises UnknownIds, NotDone)."""
    from ..metadata.entries import EntryRefused, appended, block, facts, read_back, target_file
    from ..sources import load_sources
    from ..sources.registry import load_registry_file

    citations = citations_of(identifiers)
    sources = load_sources(project)
    added = Added(present={i: sources.registry[i].span for i in citations if i in sources.registry})
    wanted = {i: c for i, c in citations.items() if i not in added.present}
    if not wanted:
        return added
    targets = {i: file or target_file(c, sources.registry) for i, c in wanted.items()}
    broken = [d for d in sources.diagnostics if d.is_error and d.span.path in set(targets.values())]
    if broken:
        raise NotDone(t("official.registry_broken"), broken, code=1)
    officials, cached, fetched = _look_up(project, wanted, refresh, today)
    unknown = [i for i in wanted if not officials[i].found]
    if unknown:
        raise NotDone(
            t("official.add_unknown", ids=", ".join(unknown)) + "\n" + t("official.nothing_written")
        )
    language = dossier_setting(project.root)
    by_file: dict[str, list[str]] = defaultdict(list)
    for identifier in wanted:
        by_file[targets[identifier]].append(identifier)
    files = []
    for rel, ids in sorted(by_file.items()):
        read = sources.files.get(rel)
        raw = read.raw if read is not None else ""
        text = appended(raw, [block(officials[i], wanted[i], language) for i in ids])
        try:
            read_back(text, rel, {i: facts(officials[i], wanted[i]) for i in ids}, raw)
        except EntryRefused as refused:
            raise NotDone(str(refused) + "\n" + t("official.nothing_written")) from None
        notes, _ = load_registry_file(text, rel)
        added.entries += [(i, notes[i].span) for i in ids]
        files.append((project.root / rel, text.encode("utf-8")))
    _write(project, files, cached, fetched, language)
    return added


def verify(project: Project, identifiers=(), refresh: bool = False, today: date | None = None) -> Verified:
    """The registry's documents compared with their official metadata (raises UnknownIds, NotDone)."""
    from ..metadata.ids import lookable
    from ..metadata.lookup import look_up
    from ..metadata.verify import compare
    from ..sources import load_sources
    from ..sources.yamlfile import parse_yaml

    sources = load_sources(project)
    entries = {
        label: note for label, note in sources.registry.items() if note.span.path.startswith("footnotes/")
    }
    citations = {i: c for i in entries if (c := lookable(str(i))) is not None}
    if identifiers:
        missing = [i for i in dict.fromkeys(identifiers) if i not in citations]
        if missing:
            raise UnknownIds(missing)
        citations = {i: citations[i] for i in dict.fromkeys(identifiers)}
    cache = _cache(project)
    looked = look_up(citations, cache, today or date.today(), refresh)
    verified = Verified(
        diagnostics=[d for d in sources.diagnostics if d.is_error and d.span.path.startswith("footnotes/")]
    )
    spans: dict[str, dict] = {}
    for identifier in citations:
        official = looked.officials.get(identifier)
        if official is None:
            continue
        path = entries[identifier].span.path
        if path not in spans:
            parsed, _ = parse_yaml(sources.texts[path], path)
            spans[path] = parsed.spans if parsed else {}
        verified.diagnostics += compare(entries[identifier], official, spans[path])
        verified.checked.append(identifier)
    if not looked.complete:
        verified.unchecked = _incomplete(looked)
    elif looked.fetched:
        _write(project, [], cache, looked.fetched, dossier_setting(project.root))
    return verified


def _cache(project: Project) -> dict:
    from ..metadata.cache import NAME, CacheUnreadable, load

    try:
        return load(project.root)
    except CacheUnreadable as unreadable:
        message = unreadable.message or t("official.cache_unreadable", file=NAME)
        raise NotDone(
            message + "\n" + t("official.cache_unreadable_hint", file=NAME), unreadable.diagnostics
        ) from None


def _look_up(project: Project, wanted: dict[str, Citation], refresh: bool, today: date | None):
    """Every wanted document's official metadata, the cache as it was and what was fetched now;
    raises NotDone when any could not be had."""
    from ..metadata.lookup import look_up

    cache = _cache(project)
    looked = look_up(wanted, cache, today or date.today(), refresh)
    if not looked.complete:
        raise NotDone(_incomplete(looked) + "\n" + t("official.nothing_written"))
    return looked.officials, cache, looked.fetched


def _incomplete(looked) -> str:
    """What could not be fetched and why: the first problem in full, the documents by id."""
    first = next(iter(looked.problems.values()))
    lines = [first.sentence, t("official.address", url=first.url)]
    missing = [*looked.problems, *looked.not_asked]
    lines.append(t("official.not_fetched", ids=", ".join(missing)))
    return "\n".join(lines)


def _write(project: Project, files: list[tuple[Path, bytes]], cache: dict, fetched: dict, language) -> None:
    from ..metadata import cache as cache_file
    from ..write import write_all_atomic

    if fetched:
        text = cache_file.text({**cache, **fetched}, language)
        files = [*files, (project.root / cache_file.NAME, text.encode("utf-8"))]
    if files:
        write_all_atomic(files)
