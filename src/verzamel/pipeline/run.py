"""The pipeline up to the documents: read → assemble → redact → check, for the letters asked for.

Every command goes through `run`: `build` renders and writes what it gives, `check` prints its
diagnostics, `show`, `diff`, `agenda`, `freeze` and `preview` take its documents. A stage's result
is reused when its inputs are the same (`reuse`, from the build cache or the preview's memory):
the letter is then neither assembled nor checked again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..assemble import assemble
from ..checks import DossierCheck, check_as_sent_now, check_dossier, check_letter, letter_paths, unique
from ..diagnostics import Diagnostic, has_errors
from ..lock.state import LockState, lock_states
from ..lock.store import Store
from ..model import Document, Letter
from ..outputs import OUTPUTS
from ..project import Project
from ..sources import Sources, select_letters
from ..woo.redact import redact

if TYPE_CHECKING:
    from ..cache.builds import LetterEntry


@dataclass
class LetterRun:
    letter_id: str
    documents: list[Document] = field(default_factory=list)
    """Each document as it goes out: the public ones redacted."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    lock: LockState | None = None
    """A sent letter's lock. When its sources moved on, `documents` is empty: the letter is made
    from its locked sources (pipeline.sent), not from the files as they are now."""
    paths: frozenset[str] = frozenset()
    """The sources its documents were made from."""
    own: list[Diagnostic] = field(default_factory=list)
    """What only this letter's context gives (after the settings), not what its sources give."""
    reused: LetterEntry | None = None
    """Taken from the last run (cache.builds): its inputs are the same. From the last build, its
    documents are still in place as files, so it has none here and needs none; from memory (the
    preview), its documents are those it had."""

    @property
    def from_lock(self) -> bool:
        """Made from its locked sources, not from the files as they are now."""
        return self.lock is not None and bool(self.lock.moved)

    @property
    def failed(self) -> bool:
        return has_errors(self.diagnostics) or not (self.documents or self.from_lock or self.reused)


@dataclass
class Run:
    letters: dict[str, LetterRun]
    diagnostics: list[Diagnostic]
    """Everything reported, after the settings in verzamel.yaml, sorted by place."""

    @property
    def failed(self) -> bool:
        return has_errors(self.diagnostics)


@dataclass
class Made:
    """One letter through assemble, redact and check."""

    documents: list[Document]
    paths: set[str]
    diagnostics: list[Diagnostic]


def make_letter(
    project: Project,
    sources: Sources,
    dossier: DossierCheck,
    letter: Letter,
    outputs=OUTPUTS,
    *,
    judged: bool,
    templates=None,
) -> Made:
    """Assemble each output of `letter` (its templates rendered by `templates`, a
    templating.Templates), redact the public ones, and run the letter's rules."""
    made = []
    found: list[Diagnostic] = []
    for output in outputs:
        document, diagnostics = assemble(project, sources, letter, output, templates)
        found.extend(diagnostics)
        if document is not None:
            made.append((output, document, redact(document) if output.public else document))
    documents = [out for _, _, out in made]
    paths = letter_paths(letter, documents)
    found = dossier.settings.apply(found)
    found += check_letter(project, sources, dossier, letter, made, paths, judged=judged)
    return Made(documents, paths, found)


def run(
    project: Project,
    sources: Sources,
    letter_ids: list[str] | None = None,
    outputs=OUTPUTS,
    reuse: Callable[[str], LetterEntry | None] = lambda letter_id: None,
    *,
    as_sent: bool = False,
    templates=None,
) -> Run:
    """The named letters (all when none are named) through the pipeline, with the sources they use.

    With no letters named, problems in sources no letter uses are reported too. `reuse` gives a
    letter's entry from the last build when its inputs did not change: then it is not assembled.
    A frozen letter is what was sent, and so is every letter `as_sent` (made again from its lock):
    the send gate and the house style's heading levels do not judge them again (`freeze` takes
    the lock out of `sources`, so the letter it freezes is judged). `templates` (a
    templating.Templates) renders the templates; None: one for this dossier, kept in no cache.
    """
    locks, stray = lock_states(Store(project), sources)
    dossier = check_dossier(project, sources, stray)
    letters: dict[str, LetterRun] = {}
    for letter_id in select_letters(sources, letter_ids or []):
        letter = sources.letters.get(letter_id)
        if letter is None:
            concerning = dossier.concerning({sources.letter_files[letter_id]})
            letters[letter_id] = LetterRun(letter_id, [], unique(concerning))
            continue
        lock = locks.get(letter_id)
        lock_file = {sources.lock_files[letter_id]} if letter_id in sources.lock_files else set()
        if lock is not None and lock.moved:
            # Sent with other versions of its sources: made from those (pipeline.sent).
            paths = {letter.path} | lock_file
            own = check_as_sent_now(letter, dossier, lock.diagnostics)
            letters[letter_id] = LetterRun(letter_id, [], unique(dossier.concerning(paths) + own), lock)
            continue
        entry = reuse(letter_id)
        if entry is not None:  # the same inputs as when it was made: kept as it was
            documents, paths, own = list(entry.made), entry.paths, entry.own
        else:
            judged = not as_sent and lock is None
            made = make_letter(project, sources, dossier, letter, outputs, judged=judged, templates=templates)
            documents, paths, own = made.documents, made.paths, made.diagnostics
        paths = frozenset(paths | lock_file)
        relevant = unique(dossier.concerning(paths) + own)
        letters[letter_id] = LetterRun(letter_id, documents, relevant, lock, paths, own, entry)
    reported = [d for check in letters.values() for d in check.diagnostics]
    if not letter_ids:
        reported.extend(dossier.diagnostics)
    return Run(letters, unique(reported))
