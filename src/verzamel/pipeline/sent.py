"""A sent letter made again from its locked sources: the lock as another source of files.

`lock.restore.laid_out` lays the locked versions out as a dossier of their own; that dossier goes
through the same pipeline as any other (`run`, as sent: the send gate and the house style do not
judge it again), and its documents are rendered while it is there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, report
from ..lock.restore import SourcesLost, laid_out
from ..messages import t
from ..model import Document
from ..outputs import OUTPUTS
from ..project import Project
from ..sources import load_sources
from ..sources.lockfile import remake_hint
from .render import document_files
from .run import run


@dataclass
class Remade:
    documents: list[Document] = field(default_factory=list)
    files: list[tuple[str, bytes]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Why the letter could not be made from its lock (LOCK002, LOCK003), at the lock file."""


def remake(project: Project, state, outputs=None, formats: tuple[str, ...] = (), references=None) -> Remade:
    """The letter of `state` (a lock.state.LockState) from its locked sources: its documents, and
    its files in `formats` (pipeline.render.document_files, with `references`), written by the
    writers of the lock's generation."""
    lock = state.lock
    try:
        with laid_out(project, state) as dossier:
            sources = load_sources(dossier)
            made = run(dossier, sources, [lock.letter_id], outputs or OUTPUTS, as_sent=True)
            errors = [d for d in made.diagnostics if d.is_error]
            letter = made.letters[lock.letter_id]
            if errors or not letter.documents:
                first = errors[0] if errors else None
                where = f"{first.span}: {first.message}" if first else "?"
                problem = t("lock.no_longer_builds", letter=lock.letter_id, problem=where)
                return Remade(diagnostics=[report("LOCK003", lock.top_span, problem, remake_hint(lock))])
            files = (
                document_files(dossier, letter.documents, formats, references, lock.writer) if formats else []
            )
            return Remade(letter.documents, files)
    except SourcesLost as lost:
        return Remade(diagnostics=lost.diagnostics)


def letter_documents(project: Project, letter, outputs=None) -> tuple[list[Document], list[Diagnostic]]:
    """The documents of a letter through the pipeline (a run.LetterRun): as assembled, or for a
    sent letter whose sources moved on, as made from its lock."""
    if not letter.from_lock:
        return letter.documents, []
    remade = remake(project, letter.lock, outputs)
    return remade.documents, remade.diagnostics
