"""`verzamel diff`, `verzamel textconv`, `verzamel git-setup`: review drafts between revisions.

Exit codes of diff follow `git diff --exit-code`: 0 nothing changed, 1 something did, 2 the
comparison could not be made (an unknown revision or letter, sources with errors).
"""

from __future__ import annotations

import os
import re
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
    format_option,
    option,
    root_option,
)

KINDS = ("kamerbrief", "beslisnota", "beslisnota-openbaar")
CONTEXT = 60
"""Characters of unchanged text shown on each side of a change."""


def _split_arguments(project, arguments: tuple[str, ...]) -> tuple[list[str | None], list[str]]:
    """The leading arguments that are not letters of the dossier name git revisions (at most two);
    the rest are letter ids. A revision git does not know is reported as such, not as a letter."""
    revisions: list[str | None] = []
    letters = list(arguments)
    letter_dir = project.root / "letters"
    while letters and len(revisions) < 2 and not os.path.exists(letter_dir / f"{letters[0]}.yaml"):
        revisions.append(letters.pop(0))
    old = revisions[0] if revisions else "HEAD"
    new = revisions[1] if len(revisions) > 1 else None
    return [old, new], letters


def _marks(colour: bool):
    """`[-old-]{+new+}` in a file or pipe; red and green on a terminal, as git shows word diffs."""

    from ..model.text import word_diff_marks

    if not colour:
        return word_diff_marks
    return lambda text, change: click.style(text, fg="green" if change == "inserted" else "red")


def _in_context(inlines, mark) -> str:
    """The paragraph with its changes marked, long unchanged stretches shortened to `…`."""
    from ..model.text import inline_text

    raw = inline_text(inlines, lambda text, change: f"\x01{change[0]}{text}\x02")
    pieces = re.split(r"(\x01[id][^\x02]*\x02)", raw)
    out = []
    for n, piece in enumerate(pieces):
        if piece.startswith("\x01"):
            out.append(mark(piece[2:-1], "inserted" if piece[1] == "i" else "deleted"))
        elif n == 0 and len(piece) > CONTEXT:
            out.append("…" + piece[-CONTEXT:])
        elif n == len(pieces) - 1 and len(piece) > CONTEXT:
            out.append(piece[:CONTEXT] + "…")
        elif 0 < n < len(pieces) - 1 and len(piece) > 2 * CONTEXT:
            out.append(piece[:CONTEXT] + " … " + piece[-CONTEXT:])
        else:
            out.append(piece)
    return "".join(out).replace("\n", " ")


def _change_line(change, mark) -> str:
    from ..review.changes import marked_text

    where = t("diff.paragraph", n=change.paragraph) if change.paragraph is not None else ""
    if change.section and change.paragraph is not None:
        where += t("diff.in_section", section=change.section)
    if change.kind == "renumbered":
        return t("diff.renumbered", old=change.old_footnote, new=change.footnote)
    if change.footnote is not None:
        where = t("diff.footnote", n=change.footnote)
    if change.kind == "moved":  # the words are the same: the start is enough to know it
        text = change.new if len(change.new) <= 2 * CONTEXT else change.new[: 2 * CONTEXT] + "…"
        return t("diff.moved", where=where, old=change.old_paragraph, text=text)
    text = _in_context(change.marked, mark) if change.kind == "changed" else marked_text(change, mark)
    return t(f"diff.{change.kind}", where=where, text=text)


def _echo_text(result, colour: bool) -> None:
    mark = _marks(colour)
    click.echo(t("diff.compared", old=result.old, new=result.new))
    unchanged = []
    for document in result.documents:
        name = f"{document.letter_id} · {document.kind}"
        if document.status == "unchanged":
            unchanged.append(name)
            continue
        click.echo("")
        click.echo(click.style(t(f"diff.header_{document.status}", name=name), bold=True))
        if document.status != "changed":
            click.echo("  " + t("diff.whole", paragraphs=count(len(document.changes), "change")))
            continue
        for change in document.changes:
            click.echo("  " + _change_line(change, mark))
    if unchanged:
        click.echo("")
        click.echo(t("diff.unchanged", names=", ".join(unchanged)))
    if not result.documents:
        click.echo(t("diff.no_documents"))


@click.command(cls=LocalCommand)
@argument("arguments", nargs=-1, metavar="diff_arguments")
@option(
    "--document",
    "kinds",
    type=click.Choice(KINDS),
    multiple=True,
    help="diff.document",
)
@format_option("diff.format")
@option(
    "--docx",
    "redline_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="diff.docx",
    metavar="folder",
)
@root_option
def diff(project, arguments, kinds, output_format, redline_dir):
    """Compare the documents of letters between two revisions (help: `help.diff`)."""
    from ..pipeline.review import RevisionProblem
    from ..pipeline.review import diff as run_diff
    from ..project import ProjectNotFound
    from ..review.revisions import RevisionError
    from ..sources import UnknownLetter
    from .common import unknown_letter_error

    (old, new), letter_ids = _split_arguments(project, arguments)
    cwd = Path.cwd()

    def say_written(path: Path) -> None:
        if output_format == "text":
            shown = path.relative_to(cwd) if path.is_relative_to(cwd) else path
            click.echo(t("diff.wrote_redline", path=shown), err=True)

    try:
        result = run_diff(
            project.root,
            old,
            new,
            letter_ids,
            list(kinds or KINDS),
            redline_dir.resolve() if redline_dir else None,
            say_written,
        )
    except UnknownLetter as exc:
        raise unknown_letter_error(exc) from None
    except RevisionError as exc:
        fail(t("diff.cannot", reason=exc))
    except RevisionProblem as exc:
        fail(t("diff.errors_at", revision=exc.revision), exc.diagnostics, kind="sources")
    except ProjectNotFound:
        fail(t("diff.no_dossier", revision=old))
    if output_format == "json":
        from ..diagnostics import to_json

        click.echo(to_json([d.as_json() for d in result.documents]))
    else:
        _echo_text(result, sys.stdout.isatty())
    if result.refused:  # a public redline that would show withheld text: not written
        echo_diagnostics(result.refused)
    raise SystemExit(1 if result.changed else 0)


@click.command(cls=LocalCommand)
@argument("file", type=click.Path(dir_okay=False, path_type=Path), metavar="docx_file")
def textconv(file):
    """Print the text of a .docx (help: `help.textconv`)."""
    from ..archive import ArchiveRefused
    from ..review.textconv import NotADocx, docx_text

    try:
        text = docx_text(file)
    except ArchiveRefused as exc:
        fail(t("textconv.refused", file=file, reason=exc))
    except OSError as exc:
        fail(t("textconv.cannot_read", file=file, error=exc.strerror or exc))
    except NotADocx:
        fail(t("textconv.not_docx", file=file))
    click.echo(text, nl=False)


@click.command("git-setup", cls=LocalCommand)
@root_option
def git_setup(project):
    """Let `git diff` show .docx files as text (help: `help.git-setup`)."""
    from ..review.gitsetup import CONFIG_KEY, set_up
    from ..review.revisions import RevisionError

    try:
        attributes, added, command = set_up(project.root)
    except RevisionError as exc:
        fail(t("diff.cannot", reason=exc))
    shown = project.relative(attributes) if attributes.is_relative_to(project.root) else attributes
    click.echo(t("git_setup.added", file=shown) if added else t("git_setup.present", file=shown))
    click.echo(t("git_setup.configured", key=CONFIG_KEY, command=command))
    click.echo(t("git_setup.next"))
