"""`verzamel build`: load, assemble every output of each letter, check, render, write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .assemble import OUTPUTS, assemble
from .diagnostics import Diagnostic, has_errors
from .model import Document, Letter
from .project import CONFIG_NAME, Project
from .sources import Sources, load_sources


class UnknownLetter(Exception):
    def __init__(self, unknown: list[str], known: list[str]):
        self.unknown = unknown
        self.known = known
        super().__init__(", ".join(unknown))


@dataclass
class LetterResult:
    letter_id: str
    written: list[Path] = field(default_factory=list)
    failed: bool = False


@dataclass
class BuildResult:
    letters: list[LetterResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return has_errors(self.diagnostics)


def select_letters(sources: Sources, letter_ids: list[str]) -> list[str]:
    known = sorted(set(sources.letter_files))
    if not letter_ids:
        return known
    unknown = [i for i in letter_ids if i not in known]
    if unknown:
        raise UnknownLetter(unknown, known)
    return list(dict.fromkeys(letter_ids))


def unreadable_letter_diagnostics(sources: Sources, letter_id: str) -> list[Diagnostic]:
    """Why a manifest could not be read."""
    path = sources.letter_files[letter_id]
    return [d for d in sources.diagnostics if d.span.path in (path, CONFIG_NAME)]


def assemble_letter(project: Project, sources: Sources, letter: Letter, outputs=OUTPUTS):
    """The outputs of one letter (all by default), and the diagnostics that concern them."""
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    for output in outputs:
        document, found = assemble(project, sources, letter, output)
        diagnostics.extend(found)
        if document is not None:
            documents.append(document)
    paths = {CONFIG_NAME, letter.path}.union(*(d.source_paths for d in documents))
    diagnostics.extend(d for d in sources.diagnostics if d.span.path in paths)
    return documents, _unique(diagnostics)


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(dict.fromkeys(diagnostics), key=Diagnostic.sort_key)


def build(
    project: Project,
    letter_ids: list[str],
    out_dir: Path,
    progress: Callable[[str], None] = lambda message: None,
) -> BuildResult:
    from .render.docx import render_docx  # python-docx and lxml: only when writing
    from .write import write_atomic

    sources = load_sources(project)
    result = BuildResult()
    reported: list[Diagnostic] = []
    for letter_id in select_letters(sources, letter_ids):
        outcome = LetterResult(letter_id)
        result.letters.append(outcome)
        letter = sources.letters.get(letter_id)
        if letter is None:  # the manifest itself has errors
            outcome.failed = True
            reported.extend(unreadable_letter_diagnostics(sources, letter_id))
            continue
        progress(f"Building {letter_id}")
        documents, diagnostics = assemble_letter(project, sources, letter)
        reported.extend(diagnostics)
        if has_errors(diagnostics):
            outcome.failed = True
            continue
        rendered = []
        for document in documents:
            output = next(o for o in OUTPUTS if o.name == document.kind)
            reference = project.find_template(output.reference)
            rendered.append((out_dir / letter_id / f"{document.kind}.docx", render_docx(document, reference)))
        for path, data in rendered:
            write_atomic(path, data)
            outcome.written.append(path)
    # Errors in files no selected letter uses still make the sources unfit to send.
    reported.extend(d for d in sources.diagnostics if d.is_error)
    result.diagnostics = _unique(reported)
    return result
