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
from ..model import Document, SourceSpan
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
    refused: list[Diagnostic] = field(default_factory=list)
    """Redlines of public documents not written: the leak guard found withheld text in them."""

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
    from ..assemble import OUTPUTS

    # a redline of a public document is guarded against all the letter withholds: all are made
    made = [o.name for o in OUTPUTS] if redline_dir is not None else kinds
    with at_revision(root, old_name) as old_revision, at_revision(root, new_name) as new_revision:
        _, old_present, old_docs = _documents(old_revision, letter_ids, made)
        new_project, new_present, new_docs = _documents(new_revision, letter_ids, made)
        unknown = [i for i in letter_ids if i not in old_present and i not in new_present]
        if unknown:
            raise UnknownLetter(unknown, sorted(set(old_present) | set(new_present)))
        result = DiffResult(old_revision.label, new_revision.label, [])
        keys = {key for key in set(old_docs) | set(new_docs) if key[1] in kinds}
        for key in sorted(keys, key=lambda k: (k[0], kinds.index(k[1]))):
            result.documents.append(compare_documents(old_docs.get(key), new_docs.get(key)))
        if redline_dir is not None:
            redlines = _Redlines(new_project, new_revision, new_docs, redline_dir, on_redline)
            result.redlines, result.refused = redlines.write(result)
    return result


class _Redlines:
    """Every changed document as the newer revision with each change a tracked change in Word; a
    public one only when the leak guard finds nothing of what the letter withholds in it (a
    passage withheld since the older revision would otherwise stand there as deleted text)."""

    def __init__(self, project: Project, revision: Revision, documents: dict, out: Path, on_redline):
        self.project, self.revision, self.documents = project, revision, documents
        self.out, self.on_redline = out, on_redline

    def write(self, result: DiffResult) -> tuple[list[Path], list]:
        from ..assemble import OUTPUTS
        from ..render.docx import render_docx
        from ..woo.guard import guard
        from ..write import write_all_atomic

        written, refused = [], []
        for document_diff in result.documents:
            if document_diff.status == "unchanged" or document_diff.merged is None:
                continue
            document = document_diff.merged.document
            output = next(o for o in OUTPUTS if o.name == document.kind)
            reference = self.project.find_template(output.reference)
            data = render_docx(document, reference, _stamp(self.revision, document))
            path = self.out / document.letter_id / f"{document.kind}.redline.docx"
            if output.public:
                letter = [d for (i, _), d in self.documents.items() if i == document.letter_id]
                problems = guard(
                    letter, [(path.name, data)], SourceSpan(f"letters/{document.letter_id}.yaml")
                )
                if problems:
                    refused.extend(problems)
                    continue
            write_all_atomic([(path, data)])
            written.append(path)
            self.on_redline(path)
        return written, refused
