"""A sent letter made again from its locked sources.

The locked versions are laid out as a dossier of their own in a temporary folder (always removed
afterwards) and the letter is assembled there, through the same checks as any build, so it is made
exactly as it was when it was frozen, whatever the working tree holds now.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import Document
from ..project import Project, open_project
from ..templating import SHIPPED
from .lockfile import remake_hint, source_lost

Render = Callable[[Project, list[Document]], list[tuple[str, bytes]]]
"""Documents → (file name, bytes), with the reference documents of the dossier given."""


@dataclass
class Remade:
    documents: list[Document] = field(default_factory=list)
    files: list[tuple[str, bytes]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Why the letter could not be made from its lock (LOCK002, LOCK003), at the lock file."""


def remake(project: Project, state, outputs=None, render: Render | None = None) -> Remade:
    """The letter of `state` (a checks.lock.LockState) from its locked sources: its documents, and
    with `render` its files."""
    from ..assemble import OUTPUTS
    from ..checks import run_checks
    from ..sources import load_sources

    lock = state.lock
    contents = state.store.read(lock.sources)
    lost = [name for name in sorted(lock.sources) if name not in contents]
    if lost:
        return Remade(diagnostics=[source_lost(lock, name) for name in lost])
    with tempfile.TemporaryDirectory(prefix="verzamel-lock-") as folder:
        root = Path(folder)
        for name, data in contents.items():
            target = root / name
            if name.startswith(SHIPPED):
                if state.store.current(name) == lock.sources[name]:
                    continue  # found where verzamel is, as it was
                target = root / "templates" / name[len(SHIPPED) :]  # an older one, from git
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        dossier = open_project(root)
        dossier.repository = project.repository or project.root
        run = run_checks(dossier, load_sources(dossier), [lock.letter_id], outputs or OUTPUTS, as_sent=True)
        errors = [d for d in run.diagnostics if d.is_error]
        check = run.letters[lock.letter_id]
        if errors or not check.documents:
            first = errors[0] if errors else None
            where = f"{first.span}: {first.message}" if first else "?"
            problem = t("lock.no_longer_builds", letter=lock.letter_id, problem=where)
            return Remade(diagnostics=[report("LOCK003", lock.top_span, problem, remake_hint(lock))])
        files = render(dossier, check.documents) if render else []
        return Remade(check.documents, files)


def letter_documents(project: Project, check, outputs=None) -> tuple[list[Document], list[Diagnostic]]:
    """The documents of a checked letter (a checks.LetterCheck): as assembled, or for a sent
    letter whose sources moved on, as made from its lock."""
    if not check.from_lock:
        return check.documents, []
    remade = remake(project, check.lock, outputs)
    return remade.documents, remade.diagnostics
