"""`verzamel diff`: assemble the letters at two revisions and compare each document.

Each revision is assembled with its own sources, registry, templates and settings, through the
same checks as `build`; a revision whose sources have errors cannot be compared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..diagnostics import Diagnostic
from ..model import Document
from ..project import Project
from ..sources import UnknownLetter, load_sources
from .changes import Change, footnote_changes, paragraph_changes
from .compare import Merged, compare, empty_like
from .revisions import Revision, at_revision


class RevisionProblem(Exception):
    """The sources at a revision have errors: what they are."""

    def __init__(self, revision: str, diagnostics: list[Diagnostic]):
        self.revision = revision
        self.diagnostics = diagnostics
        super().__init__(revision)


@dataclass(frozen=True)
class Stamp:
    """Who made a revision and when: the author and date of a redline's tracked changes."""

    author: str
    when: datetime


@dataclass
class DocumentDiff:
    letter_id: str
    kind: str
    status: str
    """unchanged, changed, added (the letter is new) or removed (the letter is gone)."""
    changes: list[Change] = field(default_factory=list)
    merged: Merged | None = None

    def as_json(self) -> dict:
        return {
            "letter": self.letter_id,
            "document": self.kind,
            "status": self.status,
            "changes": [change.as_json() for change in self.changes],
        }


@dataclass
class DiffResult:
    old: str
    new: str
    documents: list[DocumentDiff]
    redlines: list[Path] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(d.status != "unchanged" for d in self.documents)


def _documents(revision: Revision, letter_ids: list[str], kinds: list[str]):
    """The assembled documents of the named letters (all when none are named) at a revision."""
    from ..assemble import OUTPUTS
    from ..checks import run_checks
    from ..lock.restore import letter_documents

    project = revision.project()
    sources = load_sources(project)
    present = sorted(sources.letter_files)
    wanted = [i for i in letter_ids if i in present] if letter_ids else present
    if not wanted:
        return project, present, {}
    outputs = [o for o in OUTPUTS if o.name in kinds]
    run = run_checks(project, sources, wanted, outputs=outputs)
    errors = [d for d in run.diagnostics if d.is_error]
    documents = {}
    for letter_id, check in run.letters.items():
        made, problems = letter_documents(project, check, outputs)  # a sent letter: as sent
        errors.extend(problems)
        documents.update({(letter_id, d.kind): d for d in made})
    if errors:
        raise RevisionProblem(revision.label, errors)
    return project, present, documents


def _stamp(revision: Revision, document: Document) -> Stamp:
    """A commit's author and commit date; for the working tree the ministry and the letter's date."""
    if revision.author is not None and revision.when is not None:
        return Stamp(revision.author, revision.when)
    created = document.created
    return Stamp(document.author, datetime(created.year, created.month, created.day))


def compare_documents(old: Document | None, new: Document | None) -> DocumentDiff:
    some = new or old
    assert some is not None
    status = "changed" if old and new else ("added" if new else "removed")
    merged = compare(old or empty_like(some), new or empty_like(some))
    changes = paragraph_changes(merged) + footnote_changes(merged)
    if status == "changed" and not changes:
        status = "unchanged"
    return DocumentDiff(some.letter_id, some.kind, status, changes, merged)


def diff(
    root: Path,
    old_name: str | None,
    new_name: str | None,
    letter_ids: list[str],
    kinds: list[str],
    redline_dir: Path | None = None,
    on_redline: Callable[[Path], None] = lambda path: None,
) -> DiffResult:
    """Compare the documents at `old_name` and `new_name` (None: the working tree)."""
    with at_revision(root, old_name) as old_revision, at_revision(root, new_name) as new_revision:
        _, old_present, old_docs = _documents(old_revision, letter_ids, kinds)
        new_project, new_present, new_docs = _documents(new_revision, letter_ids, kinds)
        unknown = [i for i in letter_ids if i not in old_present and i not in new_present]
        if unknown:
            raise UnknownLetter(unknown, sorted(set(old_present) | set(new_present)))
        result = DiffResult(old_revision.label, new_revision.label, [])
        for key in sorted(set(old_docs) | set(new_docs), key=lambda k: (k[0], kinds.index(k[1]))):
            result.documents.append(compare_documents(old_docs.get(key), new_docs.get(key)))
        if redline_dir is not None:
            result.redlines = _write_redlines(new_project, new_revision, result, redline_dir, on_redline)
    return result


def _write_redlines(project: Project, revision: Revision, result: DiffResult, out: Path, on_redline):
    """Every changed document as the newer revision with each change a tracked change in Word."""
    from ..assemble import OUTPUTS
    from ..render.docx import render_docx
    from ..write import write_all_atomic

    written = []
    for document_diff in result.documents:
        if document_diff.status == "unchanged" or document_diff.merged is None:
            continue
        document = document_diff.merged.document
        output = next(o for o in OUTPUTS if o.name == document.kind)
        data = render_docx(document, project.find_template(output.reference), _stamp(revision, document))
        path = out / document.letter_id / f"{document.kind}.redline.docx"
        write_all_atomic([(path, data)])
        written.append(path)
        on_redline(path)
    return written
