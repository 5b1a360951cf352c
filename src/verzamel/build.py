"""`verzamel build`: run every check, then render and write the letters that passed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .assemble import OUTPUTS
from .checks import CheckRun, LetterCheck, run_checks
from .diagnostics import Diagnostic, has_errors, report
from .lock.lockfile import differs_from_lock
from .messages import t
from .model import Document, SourceSpan
from .project import Project
from .sources import load_sources


@dataclass
class LetterResult:
    letter_id: str
    written: list[Path] = field(default_factory=list)
    failed: bool = False
    as_sent: bool = False
    """A sent letter, made from its lock: the same bytes as when it was frozen."""
    withheld: dict[str, tuple[list[str], bool]] = field(default_factory=dict)
    """Per document written that withholds something: the Woo grounds, and whether it is public
    (redaction marks) or internal (the withheld text marked)."""


@dataclass
class BuildResult:
    letters: list[LetterResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return has_errors(self.diagnostics)


FORMATS = ("docx", "html", "pdf")
"""What `build --format` can write; the lock of a sent letter records its .docx files."""


def build(
    project: Project,
    letter_ids: list[str],
    out_dir: Path,
    on_checked: Callable[[list[Diagnostic]], None] = lambda diagnostics: None,
    on_written: Callable[[Path], None] = lambda path: None,
    formats: tuple[str, ...] = ("docx",),
    on_letter: Callable[[str, int, int], None] = lambda letter_id, position, total: None,
) -> BuildResult:
    """Check, then write the documents of every letter without errors, in each of `formats`.

    A sent letter with a lock is made from its locked sources and written only when it gives the
    recorded bytes. `on_checked` gets the diagnostics once the checks are done, before anything is
    written (and later any problem found while writing); `on_letter` gets each letter as it is made
    (id, how many were made before it, how many will be), `on_written` each file once in place."""
    from .woo.redact import grounds_withheld

    sources = load_sources(project)
    checked: CheckRun = run_checks(project, sources, letter_ids)
    result = BuildResult(diagnostics=checked.diagnostics)
    on_checked(checked.diagnostics)
    total = sum(not check.failed for check in checked.letters.values())
    made = 0
    for letter_id, check in checked.letters.items():
        outcome = LetterResult(letter_id, failed=check.failed, as_sent=check.lock is not None)
        result.letters.append(outcome)
        if check.failed:
            continue
        on_letter(letter_id, made, total)
        made += 1
        letter = SourceSpan(sources.letter_files[letter_id])
        documents, files, problems = _made(project, check, formats, letter)
        if not problems:
            rendered = [(out_dir / letter_id / name, data) for name, data in files]
            problem = _write(rendered, out_dir, letter)
            problems = [problem] if problem else []
        if problems:
            outcome.failed = True
            result.diagnostics.extend(problems)
            on_checked(problems)
            continue
        for document in documents:
            grounds = grounds_withheld(document)
            if grounds:
                outcome.withheld[f"{document.kind}.{formats[0]}"] = (grounds, document.public)
        for path, _ in rendered:
            outcome.written.append(path)
            on_written(path)
    return result


def document_files(
    project: Project, documents: list[Document], formats: tuple[str, ...] = ("docx",)
) -> list[tuple[str, bytes]]:
    """Each document as the files build writes (`kamerbrief.docx`, `kamerbrief.html`, …), in the
    house style of `project`. Raises render.pdf.PdfFailed when a PDF cannot be made."""
    files: list[tuple[str, bytes]] = []
    docx_files: list[tuple[str, bytes]] = []
    if "docx" in formats or "pdf" in formats:
        from .render.docx import render_docx  # python-docx and lxml: only when writing

        for document in documents:
            output = next(o for o in OUTPUTS if o.name == document.kind)
            reference = project.find_template(output.reference)
            docx_files.append((f"{document.kind}.docx", render_docx(document, reference)))
    if "docx" in formats:
        files.extend(docx_files)
    if "html" in formats:
        from .render.html import render_html

        files.extend((f"{d.kind}.html", render_html(d)) for d in documents)
    if "pdf" in formats:
        from .render.pdf import docx_to_pdf

        files.extend(docx_to_pdf(docx_files))
    return files


def _made(project: Project, check: LetterCheck, formats: tuple[str, ...], letter: SourceSpan):
    """A letter's documents and files, or why they cannot be made; a sent one from its lock, and
    only with its recorded bytes (its .docx files are made to compare, asked for or not)."""
    from .render.pdf import PdfFailed

    needed = formats if check.lock is None else tuple(dict.fromkeys(("docx", *formats)))
    try:
        if check.from_lock:
            from .lock.restore import remake

            remade = remake(project, check.lock, render=lambda p, d: document_files(p, d, needed))
            if remade.diagnostics:
                return [], [], remade.diagnostics
            documents, files = remade.documents, remade.files
        else:
            documents, files = check.documents, document_files(project, check.documents, needed)
    except PdfFailed as exc:
        return [], [], [report("OUT001", letter, t("build.pdf_failed", error=exc))]
    problems = []
    if check.lock is not None:
        problems = differs_from_lock(check.lock.lock, [f for f in files if f[0].endswith(".docx")])
    return documents, [f for f in files if f[0].rsplit(".", 1)[-1] in formats], problems


def _write(files: list[tuple[Path, bytes]], out_dir: Path, letter: SourceSpan) -> Diagnostic | None:
    """Put a letter's documents in place, all or none; why they could not be, if they could not."""
    from .write import write_all_atomic

    for path, _ in files:
        if not path.resolve().is_relative_to(out_dir.resolve()):
            return report(
                "OUT001", letter, t("build.would_written_outside_output", path=path, out_dir=out_dir)
            )
    try:
        write_all_atomic(files)
    except OSError as exc:
        where = exc.filename or (files[0][0].parent if files else out_dir)
        return report(
            "OUT001",
            letter,
            t("build.cannot_write_letter_s", where=where, error=exc.strerror or exc),
            t("build.check_that_output_folder"),
        )
    return None
