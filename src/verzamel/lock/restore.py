"""A sent letter's locked sources as a dossier of their own: another source of files.

The locked versions are laid out in a temporary folder (always removed afterwards), which the
pipeline reads as it reads any dossier (`pipeline.sent`), so the letter is made exactly as it was
when it was frozen, whatever the working tree holds now.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..diagnostics import Diagnostic
from ..project import Project, open_project
from ..sources.lockfile import source_lost
from ..templating import SHIPPED


class SourcesLost(Exception):
    """Locked versions that neither the working tree nor git's object store holds (LOCK002)."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__(len(diagnostics))


@contextmanager
def laid_out(project: Project, state) -> Iterator[Project]:
    """The dossier of `state` (a lock.state.LockState) as it was frozen, in a temporary folder for
    as long as the `with` lasts; raises SourcesLost when a locked version cannot be found."""
    lock = state.lock
    contents = state.store.read(lock.sources)
    lost = [name for name in sorted(lock.sources) if name not in contents]
    if lost:
        raise SourcesLost([source_lost(lock, name) for name in lost])
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
        yield dossier
