"""`verzamel build`: run every check, then render and write the letters that passed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .assemble import OUTPUTS
from .checks import CheckRun, run_checks
from .diagnostics import Diagnostic, has_errors
from .project import Project
from .sources import load_sources


@dataclass
class LetterResult:
    letter_id: str
    written: list[Path] = field(default_factory=list)
    failed: bool = False
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


def build(
    project: Project,
    letter_ids: list[str],
    out_dir: Path,
    on_checked: Callable[[list[Diagnostic]], None] = lambda diagnostics: None,
    on_written: Callable[[Path], None] = lambda path: None,
) -> BuildResult:
    """Check, then write the documents of every letter without errors.

    `on_checked` gets the diagnostics once the checks are done, before anything is written;
    `on_written` gets each file as soon as it is in place."""
    from .render.docx import render_docx  # python-docx and lxml: only when writing
    from .woo.redact import grounds_withheld
    from .write import write_atomic

    sources = load_sources(project)
    checked: CheckRun = run_checks(project, sources, letter_ids)
    result = BuildResult(diagnostics=checked.diagnostics)
    on_checked(checked.diagnostics)
    for letter_id, check in checked.letters.items():
        outcome = LetterResult(letter_id, failed=check.failed)
        result.letters.append(outcome)
        if check.failed:
            continue
        rendered = []
        for document in check.documents:
            output = next(o for o in OUTPUTS if o.name == document.kind)
            reference = project.find_template(output.reference)
            rendered.append((out_dir / letter_id / f"{document.kind}.docx", render_docx(document, reference)))
            grounds = grounds_withheld(document)
            if grounds:
                outcome.withheld[f"{document.kind}.docx"] = (grounds, document.public)
        for path, data in rendered:
            write_atomic(path, data)
            outcome.written.append(path)
            on_written(path)
    return result
