"""The cache file: the official metadata fetched so far, kept in the dossier and committed, so a
colleague or CI never needs the network for what was fetched once.

    officiele-gegevens.yaml          (beside verzamel.yaml; no source folder, so no command reads
                                      it as a source: only `refs add` and `refs verify` do)
    "kst-19637-3451":
      fetched: 2026-12-07            # the day the services answered
      found: true
      sources:                       # the address asked, per service
        officielebekendmakingen: "https://repository.overheid.nl/sru?…"
      date: 2025-07-04
      title: "Vreemdelingenbeleid; Brief regering; Verzamelbrief opvang ontheemden uit Oekraïne"
      …

The text is the same for the same contents: documents sorted by id, facts in a fixed order, every
text double-quoted, one fact a line, so a diff shows what changed.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ..diagnostics import Diagnostic
from ..messages import DEFAULT, t, using
from ..sources.reading import SourceText, read_source, refuse_path
from ..sources.yamlfile import parse_yaml
from .ids import SERVICES
from .record import FACTS, Official

NAME = "officiele-gegevens.yaml"
SERVICE_NAMES = {service.NAME for service in SERVICES}


class CacheUnreadable(Exception):
    """The cache file is there but cannot be used: what was found (diagnostics or a sentence)."""

    def __init__(self, diagnostics: list[Diagnostic], message: str | None = None):
        self.diagnostics = diagnostics
        self.message = message
        super().__init__(message or "; ".join(d.message for d in diagnostics))


def load(root: Path) -> dict[str, Official]:
    """The documents in the cache file (none when there is no file). A document written in a
    way verzamel does not read is left out, and fetched again when it is needed."""
    path = root / NAME
    if not path.exists() and not path.is_symlink():
        return {}
    read = refuse_path(path, root, NAME) or read_source(path, NAME)
    if not isinstance(read, SourceText):
        raise CacheUnreadable([read])
    parsed, diagnostics = parse_yaml(read.text, NAME)
    errors = [d for d in read.diagnostics + diagnostics if d.is_error]
    if errors or parsed is None:
        raise CacheUnreadable(errors)
    if parsed.data is None:
        return {}
    if not isinstance(parsed.data, dict):
        raise CacheUnreadable([], t("official.cache_not_mapping", file=NAME))
    entries = {}
    for identifier, entry in parsed.data.items():
        official = _official(str(identifier), entry)
        if official is not None:
            entries[official.id] = official
    return entries


def _official(identifier: str, entry) -> Official | None:
    """The entry as verzamel writes it: whether found, the day fetched, the address asked at one
    service or more that verzamel knows (an entry comment names them), and facts of their types."""
    if not isinstance(entry, dict) or not isinstance(entry.get("found"), bool):
        return None
    fetched, sources = entry.get("fetched"), entry.get("sources")
    if not _day(fetched) or not isinstance(sources, dict) or not sources:
        return None
    if not all(name in SERVICE_NAMES and isinstance(url, str) for name, url in sources.items()):
        return None
    facts = {}
    for name in FACTS:
        value = entry.get(name)
        if value is None:
            continue
        if name == "date" and not _day(value):
            return None
        if name == "dossiers":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return None
            value = tuple(value)
        elif name != "date" and not isinstance(value, str):
            return None
        facts[name] = value
    return Official(identifier, found=entry["found"], fetched=fetched, sources=dict(sources), **facts)


def _day(value) -> bool:
    """A day as the file writes it (2026-12-07), not a moment (a datetime is a date too)."""
    return type(value) is date


def text(entries: dict[str, Official], language: str | None) -> str:
    """The cache file's text: a header in the dossier's language, then the documents by id."""
    with using(language or DEFAULT):
        header = "".join(f"# {line}\n" if line else "#\n" for line in t("official.cache_header").splitlines())
    lines = [header.rstrip("\n")]
    for identifier in sorted(entries):
        official = entries[identifier]
        lines.append(f"{_quoted(identifier)}:")
        if official.fetched:
            lines.append(f"  fetched: {official.fetched.isoformat()}")
        lines.append(f"  found: {'true' if official.found else 'false'}")
        if official.sources:
            lines.append("  sources:")
            lines.extend(f"    {name}: {_quoted(url)}" for name, url in sorted(official.sources.items()))
        for name in FACTS:
            value = getattr(official, name)
            if value in (None, ()):
                continue
            if isinstance(value, date):
                shown = value.isoformat()
            elif isinstance(value, tuple):
                shown = "[" + ", ".join(_quoted(v) for v in value) + "]"
            else:
                shown = _quoted(value)
            lines.append(f"  {name}: {shown}")
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    """A double-quoted YAML string (JSON's quoting is YAML's): never read as a date or a number."""
    return json.dumps(value, ensure_ascii=False)
