"""The documents and diagnostics of the dossier as the preview shows them, kept up to date.

Every letter is made from the sources as they are now, a sent one too (a preview is for writing;
the page of a sent letter whose sources moved on says that `build` writes it as sent). A letter
whose sources have errors keeps its last good documents, marked outdated, beside the errors.
A letter whose inputs did not change since the last refresh is not made again: its documents are
kept in memory (cache.builds.LettersInMemory) under the same key a build's cache uses; a sent
letter whose sources moved on too, as its current sources make it.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..cache.builds import LettersInMemory
from ..diagnostics import Diagnostic
from ..model import Document

WATCHED = ("verzamel.yaml", "letters", "sections", "footnotes", "templates")
"""What the preview watches: every source of the dossier (the output folder is not)."""


@dataclass
class LetterView:
    letter_id: str
    documents: dict[str, Document] = field(default_factory=dict)
    """The last good document of each kind."""
    outdated: bool = False
    """The sources have errors now: the documents are the last good ones."""
    sent_moved_on: bool = False
    """A sent letter whose sources changed since: `build` writes the locked version."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    datum: str = ""
    ministerraad: str = ""
    status: str = ""
    readable: bool = True


def snapshot(root: Path) -> tuple:
    """What changes when a source is saved: every watched file's path, size and modification time."""
    seen = []
    for name in WATCHED:
        top = root / name
        if top.is_file():
            stat = top.stat()
            seen.append((name, stat.st_size, stat.st_mtime_ns))
            continue
        for folder, dirs, files in os.walk(top):
            dirs.sort()
            for file in sorted(files):
                path = Path(folder) / file
                try:
                    stat = path.stat()
                except OSError:
                    continue
                seen.append((path.relative_to(root).as_posix(), stat.st_size, stat.st_mtime_ns))
    return tuple(seen)


class PreviewState:
    """The letters of the dossier at `root`, made again when its sources change."""

    def __init__(self, root: Path):
        self.root = root
        self.letters: dict[str, LetterView] = {}
        self.diagnostics: list[Diagnostic] = []
        self.failure: str | None = None
        """verzamel itself failed making the documents (a bug): shown, the server stays up."""
        self.version = 0
        self.closed = False
        self.changed = threading.Condition()
        self._seen: tuple | None = None
        self.remade = 0
        """How many letters the last refresh made again (the others' inputs were the same)."""
        self._parsed: dict = {}
        """What the last refresh parsed (a Memo's entries, by the text each came from)."""
        self._kept = LettersInMemory()

    def refresh(self) -> bool:
        """Make everything again if a source changed since the last time; whether it did."""
        seen = snapshot(self.root)
        if seen == self._seen:
            return False
        self._seen = seen
        self._rebuild()
        with self.changed:
            self.version += 1
            self.changed.notify_all()
        return True

    def _rebuild(self) -> None:
        from ..cache.memo import Memo
        from ..checks import unique
        from ..pipeline.run import run
        from ..project import open_project
        from ..sources import load_sources

        # What the last refresh parsed and made, by the text and inputs it came from: a saved
        # fragment is parsed again, and only the letters that use it are made again.
        memo = Memo(None)
        memo.stored = self._parsed
        try:
            project = open_project(self.root)
            self._kept.start(self.root)
            sources = load_sources(project, memo)
            made = run(project, sources, reuse=self._kept.reusable)
            moved = [i for i, check in made.letters.items() if check.from_lock]
            current = {}
            if moved:  # the sent letters as the current sources make them (sent: not judged again)
                sources.locks = {i: lock for i, lock in sources.locks.items() if i not in moved}
                current = run(project, sources, moved, reuse=self._kept.reusable, as_sent=True).letters
            # Kept by the letter's name, whichever run made it: both make a sent letter as sent
            # (not judged again), so from the same inputs (its key) they make the same.
            made_now = [*(c for c in made.letters.values() if not c.from_lock), *current.values()]
            for letter in made_now:
                if not (letter.reused or letter.failed):
                    self._kept.remember(letter.letter_id, letter.paths, letter.own, letter.documents)
            self._parsed = memo.used
            self.remade = sum(not letter.reused for letter in made_now)
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the preview
            self.failure = f"{type(exc).__name__}: {exc}"
            self.letters = {i: replace(view, outdated=True) for i, view in self.letters.items()}
            return
        self.failure = None
        self.diagnostics = made.diagnostics
        letters: dict[str, LetterView] = {}
        for letter_id, check in made.letters.items():
            # A new view each time (pages being served read the old one): the last good documents kept.
            before = self.letters.get(letter_id)
            view = LetterView(letter_id, dict(before.documents) if before else {})
            letters[letter_id] = view
            shown = current.get(letter_id, check)
            # A sent letter shown from its current sources: their problems too, beside the lock's.
            view.diagnostics = unique(check.diagnostics + shown.diagnostics)
            view.sent_moved_on = letter_id in current
            view.outdated = bool(shown.failed) and bool(view.documents)
            if not shown.failed:
                view.documents = {d.kind: d for d in shown.documents}
            letter = sources.letters.get(letter_id)
            view.readable = letter is not None
            if letter is not None:
                view.datum = letter.datum.isoformat()
                view.ministerraad = letter.ministerraad.isoformat() if letter.ministerraad else ""
                view.status = letter.status
        self.letters = dict(sorted(letters.items()))

    def wait(self, version: int, timeout: float) -> int | None:
        """The version, once it is other than `version` or `timeout` seconds have passed; None
        once the preview is closed."""
        with self.changed:
            self.changed.wait_for(lambda: self.version != version or self.closed, timeout)
            return None if self.closed else self.version

    def close(self) -> None:
        """Wake everyone waiting for a change: the preview is ending."""
        with self.changed:
            self.closed = True
            self.changed.notify_all()
