"""`verzamel diff`: the letters at two revisions through the pipeline, each document compared.

Each revision is read with its own sources, registry, templates and settings, and goes through
the same stages as `build`; a revision whose sources have errors cannot be compared. Redlines are
one more writer: the merged document as .docx with tracked changes, guarded like any public file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic
from ..model import SourceSpan
from ..outputs import OUTPUTS
from ..project import Project
from ..review.diff import DocumentDiff, compare_documents, stamp_of
from ..review.revisions import Revision, at_revision
from ..sources import UnknownLetter, load_sources
from .run import run as run_letters
from .sent import letter_documents


class RevisionProblem(Exception):
    """The sources at a revision have errors: what they are."""

    def __init__(self, revision: str, diagnostics: list[Diagnostic]):
        self.revision = revision
        self.diagnostics = diagnostics
        super().__init__(revision)


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
    project = revision.project()
    sources = load_sources(project)
    present = sorted(sources.letter_files)
    wanted = [i for i in letter_ids if i in present] if letter_ids else present
    if not wanted:
        return project, present, {}
    outputs = [o for o in OUTPUTS if o.name in kinds]
    run = run_letters(project, sources, wanted, outputs=outputs)
    errors = [d for d in run.diagnostics if d.is_error]
    documents = {}
    for letter_id, check in run.letters.items():
        made, problems = letter_documents(project, check, outputs)  # a sent letter: as sent
        errors.extend(problems)
        documents.update({(letter_id, d.kind): d for d in made})
    if errors:
        raise RevisionProblem(revision.label, errors)
    return project, present, documents


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
            data = render_docx(document, reference, stamp_of(self.revision, document))
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
