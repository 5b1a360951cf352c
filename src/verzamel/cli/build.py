"""`verzamel build`: check, then write the documents; progress on a terminal, lines otherwise.

Exit codes: 0 every letter written, 1 a letter has errors (it is not written), 2 the command was
used wrongly (an unknown letter, format or revision; PDF without LibreOffice).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..messages import t
from .common import (
    LocalCommand,
    argument,
    count,
    echo_diagnostics,
    fail,
    option,
    root_option,
    unknown_letter_error,
)


def _formats(ctx, param, value: str) -> tuple[str, ...]:
    """`docx,html` → ('docx', 'html'); an unknown one, or pdf without LibreOffice, is refused."""
    from ..pipeline.render import FORMATS

    chosen = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(
            t("build.unknown_format", formats=", ".join(unknown), known=",".join(FORMATS))
        )
    if "pdf" in chosen:
        from ..render.pdf import soffice

        if soffice() is None:
            raise click.BadParameter(t("build.no_libreoffice"))
    return chosen


def _jobs(ctx, param, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter(t("build.jobs_at_least_one", value=value))
    return value


class Progress:
    """A progress bar on a terminal with the letter being made and the count; nothing otherwise
    (then each file written is a line, as in a log)."""

    def __init__(self, quiet: bool):
        self.shown = not quiet and sys.stderr.isatty()
        self.bar = None

    def letter(self, letter_id: str, position: int, total: int) -> None:
        if not self.shown or total < 2:
            return
        if self.bar is None:
            self.bar = click.progressbar(
                length=total, label=t("build.progress"), file=sys.stderr, show_pos=True,
                item_show_func=lambda item: item,
            )  # fmt: skip
            self.bar.__enter__()
        if position:
            self.bar.update(1, current_item=letter_id)
        else:
            self.bar.current_item = letter_id
            self.bar.render_progress()

    @property
    def active(self) -> bool:
        return self.bar is not None

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.update(self.bar.length - self.bar.pos)
            self.bar.__exit__(None, None, None)


@click.command(cls=LocalCommand)
@argument("letter_ids", nargs=-1, metavar="letter_ids")
@option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="build.out", metavar="folder"
)
@option("--format", "formats", default="docx", show_default=True, callback=_formats, help="build.format",
        metavar="formats")  # fmt: skip
@option("-q", "--quiet", is_flag=True, help="build.quiet")
@option("--force", is_flag=True, help="build.force")
@option("-j", "--jobs", type=int, callback=_jobs, help="build.jobs", metavar="n")
@option("--at", "revision", help="build.at", metavar="revision")
@root_option
def build(project, letter_ids, out_dir, formats, quiet, force, jobs, revision):
    """Check, assemble and write the documents of letters (help: `help.build`)."""
    from ..jobs import default_jobs
    from ..pipeline.build import build as run_build
    from ..project import ProjectNotFound
    from ..review.revisions import RevisionError, at_revision
    from ..sources import UnknownLetter

    out_dir = (out_dir or project.output_dir).resolve()
    cwd = Path.cwd()
    progress = Progress(quiet)

    def say_found(diagnostics) -> None:  # --quiet: only problems, and an info is none
        echo_diagnostics([d for d in diagnostics if not quiet or d.severity.value != "info"])

    def say_written(path: Path) -> None:
        if not quiet and not progress.active:
            click.echo(t("build.wrote", path=path.relative_to(cwd) if path.is_relative_to(cwd) else path))

    try:
        with at_revision(project.root, revision) as at:
            if revision is not None:
                click.echo(t("build.at_revision", revision=revision), err=True)
                project = at.project()
            result = run_build(
                project,
                list(letter_ids),
                out_dir,
                say_found,
                say_written,
                formats,
                progress.letter,
                force=force,
                jobs=jobs or default_jobs(),
            )
    except UnknownLetter as exc:
        raise unknown_letter_error(exc) from None
    except RevisionError as exc:
        fail(t("diff.cannot", reason=exc))
    except ProjectNotFound:
        fail(t("diff.no_dossier", revision=revision))
    finally:
        progress.finish()
    for letter in result.letters:
        if letter.as_sent and letter.written and not quiet:
            click.echo(t("build.as_sent", letter=letter.letter_id))
        if letter.withheld and not quiet:
            for name, (grounds, public) in letter.withheld.items():
                how = t("build.redacted") if public else t("build.marked")
                message = t(
                    "build.withheld", letter=letter.letter_id, name=name, how=how, grounds=", ".join(grounds)
                )
                click.echo(message)
        if letter.failed:
            click.echo(click.style(t("build.not_written", letter=letter.letter_id), fg="red"), err=True)
    errors = sum(d.is_error for d in result.diagnostics)
    warnings = sum(d.severity.value == "warning" for d in result.diagnostics)
    written = sum(len(letter.written) for letter in result.letters)
    unchanged = sum(len(letter.unchanged) for letter in result.letters)
    counts = {
        "documents": count(written, "document"),
        "errors": count(errors, "error"),
        "warnings": count(warnings, "warning"),
    }
    if unchanged:
        summary = t("build.summary_unchanged", unchanged=unchanged, **counts)
    else:
        summary = t("build.summary", **counts)
    if not quiet or result.failed:
        click.echo(summary, err=True)
    raise SystemExit(1 if result.failed else 0)
