"""`verzamel init`: a new dossier for another subject, from the starter files in the package.

The starter (src/verzamel/starter/) is a small dossier that checks and builds clean: settings
with comments, one letter, one fragment, one registry entry and a .gitignore for build/. The
letter is dated the day the dossier is started (the only place verzamel reads the clock: never
while checking or building); its commented-out MR date is the last Friday before it on which the
ministerraad meets, so that uncommenting it checks clean. The house style is not copied: the
dossier uses verzamel's own until `verzamel templates --copy` takes it over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from string import Template

from . import dutch
from .project import CONFIG_NAME
from .write import write_all_atomic

STARTER = Path(__file__).parent / "starter"
GITIGNORE = ".gitignore"
IGNORED = "build/"
READING_ORDER = (CONFIG_NAME, "letters", "sections", "footnotes")


class DossierExists(Exception):
    """The folder already is a dossier, or holds a file the starter would overwrite."""

    def __init__(self, folder: Path, existing: list[str]):
        self.folder = folder
        self.existing = existing
        self.is_dossier = CONFIG_NAME in existing
        super().__init__(", ".join(existing))


@dataclass
class Started:
    root: Path
    written: list[str] = field(default_factory=list)
    """The files made, relative to the root."""
    gitignore_extended: bool = False
    """An existing .gitignore got the line `build/`."""
    letter_id: str = ""


def starter_files(letter_id: str) -> dict[str, Path]:
    """Where each starter file goes in the new dossier (relative path) → the file in the package,
    settings first, then letters, sections, footnotes (the order a newcomer reads them in)."""
    targets = {}
    order = {CONFIG_NAME: 0, "letters": 1, "sections": 2, "footnotes": 3}
    for source in sorted(
        STARTER.rglob("*"), key=lambda p: (order.get(p.relative_to(STARTER).parts[0], 4), p)
    ):
        if not source.is_file() or "__pycache__" in source.parts:
            continue
        relative = source.relative_to(STARTER).as_posix()
        if relative == "gitignore":
            relative = GITIGNORE
        elif relative.startswith("letters/"):
            relative = f"letters/{letter_id}.yaml"
        targets[relative] = source
    return targets


def start_dossier(folder: Path, today: date) -> Started:
    """Write the starter dossier into `folder` (made when missing); never overwrites a file."""
    letter_id = f"{today.isoformat()}-voorbeeldbrief"
    files = starter_files(letter_id)
    existing = [name for name in files if name != GITIGNORE and os.path.lexists(folder / name)]
    if existing:
        raise DossierExists(folder, existing)
    values = {"datum": today.isoformat(), "vrijdag": last_meeting(today).isoformat(), "letter_id": letter_id}
    started = Started(folder.resolve(), letter_id=letter_id)
    gitignore = folder / GITIGNORE
    writes = []
    for relative, source in files.items():
        text = Template(source.read_text(encoding="utf-8")).substitute(values)
        if relative == GITIGNORE and os.path.lexists(gitignore):
            extended = _ignore_build(gitignore)
            started.gitignore_extended = extended is not None
            writes += [(gitignore, extended)] if extended is not None else []
            continue
        writes.append((folder / relative, text.encode("utf-8")))
        started.written.append(relative)
    write_all_atomic(writes)  # all or none: a folder that cannot be written gets no half dossier
    return started


def last_meeting(day: date) -> date:
    """The last Friday on or before `day` that is not a public holiday: an MR the letter may follow."""
    friday = day - timedelta(days=(day.weekday() - 4) % 7)
    while friday in dutch.public_holidays(friday.year):
        friday -= timedelta(days=7)
    return friday


def _ignore_build(gitignore: Path) -> bytes | None:
    """An existing .gitignore with `build/` added, its own bytes kept; None when it has the line."""
    text = gitignore.read_bytes().decode("utf-8", "surrogateescape") if gitignore.is_file() else ""
    if any(line.strip() in (IGNORED, "build", "/build", "/build/") for line in text.splitlines()):
        return None
    separator = "" if not text or text.endswith("\n") else "\n"
    return f"{text}{separator}{IGNORED}\n".encode("utf-8", "surrogateescape")
