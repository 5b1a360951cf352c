"""The lock file of a sent letter: `letters/<id>.lock`, YAML written by `verzamel freeze`.

    letter: 2025-11-28-verzamelbrief-oekraine
    verzamel: 0.1.0
    writer: 2                     # the writers' generation (render.GENERATION); none: the first
    sources:                      # path: git blob id
      "sections/terugkeer.md": 5d1f…
    outputs:                      # document: SHA-256
      "kamerbrief.docx": 9a0c…

A source is named by its path in the dossier, or `<verzamel>/templates/…` for a template of the
house style verzamel ships. The text is the same for the same lock, so freezing twice changes
nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..diagnostics import Diagnostic, report
from ..messages import DEFAULT, t, using
from ..model import SourceSpan
from .yamlfile import parse_yaml

SUFFIX = ".lock"
BLOB_ID = re.compile(r"^[0-9a-f]{40}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
FIRST_GENERATION = 1
"""The writers' generation of a lock that names none: the locks written before there were more."""


def blob_id(data: bytes) -> str:
    """The id git gives these bytes as a file's content (`git hash-object --no-filters`)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def output_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Lock:
    letter_id: str
    path: str
    """The lock file, relative to the dossier root."""
    version: str
    """The verzamel that froze the letter: another version may write other bytes."""
    sources: dict[str, str]
    """Source name → git blob id."""
    outputs: dict[str, str]
    """Document file name (`kamerbrief.docx`) → SHA-256 of its bytes."""
    writer: int = FIRST_GENERATION
    """The generation of the writers that made the documents (render.GENERATION): the letter is
    made again by that one, whatever this verzamel writes for a new letter."""
    spans: dict[str, SourceSpan] = field(default_factory=dict, compare=False)
    """Where each key of the lock is written (PositionedYaml's spans)."""

    def source_span(self, name: str) -> SourceSpan:
        return self.spans.get(f"sources.{name}@key", SourceSpan(self.path, 1, 1))

    @property
    def top_span(self) -> SourceSpan:
        return self.spans.get("letter@key", SourceSpan(self.path, 1, 1))

    def output_span(self, name: str) -> SourceSpan:
        return self.spans.get(f"outputs.{name}@key", SourceSpan(self.path, 1, 1))


def lock_text(lock: Lock, language: str | None) -> str:
    """The lock file's text: a header in the dossier's language (`taal:`, else Dutch; never the
    reader's, so the same lock has the same bytes for everyone), then sources and outputs by name."""
    with using(language or DEFAULT):
        header = "".join(f"# {line}\n" if line else "#\n" for line in t("lock.header").splitlines())
        if lock.writer != FIRST_GENERATION:  # a lock of the first generation keeps its text
            header += "".join(f"# {line}\n" for line in t("lock.header_writer").splitlines())
    lines = [header.rstrip("\n"), f"letter: {lock.letter_id}", f"verzamel: {json.dumps(lock.version)}"]
    if lock.writer != FIRST_GENERATION:
        lines.append(f"writer: {lock.writer}")
    for key, table in (("sources", lock.sources), ("outputs", lock.outputs)):
        lines.append(f"{key}:")
        lines.extend(f"  {_quoted(name)}: {_quoted(value)}" for name, value in sorted(table.items()))
    return "\n".join(lines) + "\n"


def source_lost(lock: Lock, name: str) -> Diagnostic:
    """A locked version that is neither in the working tree nor in git."""
    blob = lock.sources[name][:12]
    return report(
        "LOCK002",
        lock.source_span(name),
        t("lock.source_lost", name=name, letter=lock.letter_id, blob=blob),
        t("lock.source_lost_hint", name=name),
    )


def differing_outputs(recorded: dict[str, str], made: dict[str, str]) -> list[str]:
    """The documents whose hashes differ between two tables, or that only one of them has."""
    return sorted(name for name in set(recorded) | set(made) if recorded.get(name) != made.get(name))


def differs_from_lock(lock: Lock, files: list[tuple[str, bytes]]) -> list[Diagnostic]:
    """LOCK003 for each document that does not come out as recorded (or is not recorded)."""
    made = {name: output_hash(data) for name, data in files}
    found = []
    for name in differing_outputs(lock.outputs, made):
        message = t(
            "lock.output_differs",
            document=name,
            letter=lock.letter_id,
            found=(made.get(name) or "-")[:12],
            recorded=(lock.outputs.get(name) or "-")[:12],
        )
        found.append(report("LOCK003", lock.output_span(name), message, remake_hint(lock)))
    return found


def remake_hint(lock: Lock) -> str:
    """Why a lock may no longer give its documents: another verzamel, or something around it."""
    from .. import __version__

    if lock.version != __version__:
        return t("lock.other_version", frozen=lock.version, version=__version__)
    return t("lock.same_version")


def _plain_name(name: str) -> bool:
    """A path inside the dossier (or of a shipped template): never absolute, never up and out."""
    from ..templating import SHIPPED  # templating needs the project, which needs the sources

    rest = name.removeprefix(SHIPPED)
    parts = PurePosixPath(rest).parts
    return (
        bool(parts)
        and not rest.startswith("/")
        and "\\" not in rest
        and ".." not in parts
        and ":" not in rest
    )


def _quoted(value: str) -> str:
    """A double-quoted YAML string: a name or hash is never read as a number or a date."""
    return json.dumps(value, ensure_ascii=False)


def read_lock(text: str, path: str, letter_id: str) -> tuple[Lock | None, list[Diagnostic]]:
    """The lock in `text`, or why it cannot be used (LOCK001 where it goes wrong)."""
    parsed, diagnostics = parse_yaml(text, path)
    if parsed is None:
        return None, diagnostics
    data, spans = parsed.data, parsed.spans
    whole = SourceSpan(path, 1, 1)

    def problem(key: str, message: str) -> tuple[None, list[Diagnostic]]:
        span = spans.get(key, whole)
        return None, [
            *diagnostics,
            report("LOCK001", span, message, t("lock.freeze_again", letter=letter_id)),
        ]

    if not isinstance(data, dict):
        return problem("", t("lock.not_a_lock"))
    if str(data.get("letter") or "") != letter_id:
        return problem("letter", t("lock.other_letter", found=data.get("letter"), letter=letter_id))
    tables: dict[str, dict[str, str]] = {}
    for key, pattern in (("sources", BLOB_ID), ("outputs", SHA256)):
        table = data.get(key)
        if not isinstance(table, dict) or not table:
            return problem(key, t("lock.needs_table", key=key))
        for name, value in table.items():
            if key == "sources" and not _plain_name(str(name)):
                return problem(f"{key}.{name}@key", t("lock.bad_name", name=name))
            if not pattern.match(str(value)):
                return problem(f"{key}.{name}", t("lock.bad_hash", key=key, name=name))
        tables[key] = {str(name): str(value) for name, value in table.items()}
    writer = data.get("writer", FIRST_GENERATION)
    if type(writer) is not int or writer < FIRST_GENERATION:
        return problem("writer", t("lock.bad_writer"))
    version = str(data.get("verzamel") or "?")
    lock = Lock(letter_id, path, version, tables["sources"], tables["outputs"], writer, spans)
    return lock, diagnostics
