"""Registry entries in footnotes/ made from official metadata, in the house format:

    # Opgehaald op 7 december 2026 van officielebekendmakingen.nl en … (verzamel refs add).
    kst-19637-3451:
      date: 2025-07-04
      title: Verzamelbrief opvang ontheemden uit Oekraïne

An entry goes at the end of the file in footnotes/ that already holds a document of its kind (the
first by name), else into the file for its kind (FILES). The file keeps its bytes; the entry is read
back before anything is written: an entry verzamel would not read as meant is never written.
"""

from __future__ import annotations

from datetime import date

from ..citations import models
from ..citations.models import Citation
from ..citations.resolve import parse_id
from ..messages import DEFAULT, t, using
from ..model import NoteDef
from ..sources.reading import replace_unsafe
from ..sources.registry import load_registry_file
from .record import Official

FILES = {
    models.KAMERSTUK: "kamerstukken.yaml",
    models.HANDELINGEN: "kamerstukken.yaml",
    models.AANHANGSEL: "kamerstukken.yaml",
    models.BIJLAGE: "kamerstukken.yaml",
    models.STAATSBLAD: "bekendmakingen.yaml",
    models.STAATSCOURANT: "bekendmakingen.yaml",
    models.TRACTATENBLAD: "bekendmakingen.yaml",
    models.GEMEENTEBLAD: "bekendmakingen.yaml",
    models.PROVINCIAAL_BLAD: "bekendmakingen.yaml",
    models.WATERSCHAPSBLAD: "bekendmakingen.yaml",
    models.EU_ACT: "eu.yaml",
    models.ECLI: "uitspraken.yaml",
}
"""The file in footnotes/ for a kind of document, when none holds one of its kind yet."""
WRITES_TEXT = (models.EU_ACT,)
"""Kinds verzamel cannot write from the id (an EU act): the entry holds the title as its text."""


class EntryRefused(Exception):
    """An entry that would not read back as meant (what the service sent cannot be written)."""


def target_file(citation: Citation, registry: dict[str, NoteDef]) -> str:
    same_kind = sorted(
        note.span.path
        for label, note in registry.items()
        if note.span.path.startswith("footnotes/")
        and (found := parse_id(str(label))) is not None
        and found.kind == citation.kind
    )
    return same_kind[0] if same_kind else f"footnotes/{FILES[citation.kind]}"


def facts(official: Official, citation: Citation) -> dict:
    """The entry's facts, in the order they are written."""
    out: dict = {}
    if official.date:
        out["date"] = official.date
    title = _clean(official.house_title)
    if citation.kind in WRITES_TEXT and title:
        out["text"] = title
    elif title:
        out["title"] = title
    if citation.kind == models.KAMERSTUK:
        default = "I" if citation.is_ek_letter else "II"
        if official.chamber and official.chamber != default:
            out["chamber"] = official.chamber
        main = citation.dossier + (f"-{citation.suffix}" if citation.suffix else "")
        others = [d.replace(" ", "") for d in official.dossiers if d.replace(" ", "") != main]
        if others:
            out["co_dossiers"] = others
    return out


def block(official: Official, citation: Citation, language: str | None) -> list[str]:
    """The entry's lines: a comment naming the sources and the day, then the entry."""
    with using(language or DEFAULT):
        services = [t(f"official.service.{name}") for name in sorted(official.sources)]
        comment = t("official.entry_comment", day=official.fetched, services=_listed(services))
    lines = [f"# {line}" for line in comment.splitlines()]
    lines.append(f"{_key(citation.id)}:")
    for key, value in facts(official, citation).items():
        lines.append(f"  {key}: {_scalar(value)}")
    return lines


def appended(raw: str, blocks: list[list[str]]) -> str:
    """`raw` (a registry file as it is on disk, or "") with the blocks after it, its line ends kept."""
    newline = "\r\n" if "\r\n" in raw else "\n"
    text = raw if not raw or raw.endswith(("\n", "\r")) else raw + newline
    for lines in blocks:
        text += (newline if text.strip() else "") + newline.join(lines) + newline
    return text


def read_back(text: str, path: str, written: dict[str, dict], before: str) -> None:
    """Raise EntryRefused unless every entry in `written` reads back with its facts, and the file
    has no problem it did not have before."""
    notes, diagnostics = load_registry_file(text, path)
    _, earlier = load_registry_file(before, path) if before else ({}, [])
    known = {(d.rule, d.message) for d in earlier}
    new = [d for d in diagnostics if d.is_error and (d.rule, d.message) not in known]
    if new:
        raise EntryRefused(t("official.entry_unreadable", file=path, problem=new[0].message))
    for label, expected in written.items():
        note = notes.get(label)
        if note is None or note.facts != {k: v for k, v in expected.items() if k != "text"}:
            raise EntryRefused(t("official.entry_unreadable", file=path, problem=label))


def _clean(value: str | None) -> str | None:
    return " ".join(replace_unsafe(value).split()) or None if value else None


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else t("official.and", first=", ".join(names[:-1]), last=names[-1])


def _key(identifier: str) -> str:
    return identifier if ":" not in identifier else _quoted(identifier)


def _scalar(value) -> str:
    """A value as the house writes it: plain where YAML reads it back as the same text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return value if _plain(value) else _quoted(value)


def _plain(value: str) -> bool:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe").load(f"k: {value}\n") == {"k": value}
    except YAMLError:
        return False


def _quoted(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)
