"""The `verzamel` command: parse options, call the pipeline, print what happened, set the exit code.

Exit codes: 0 success, 1 the sources have errors, 2 the command was used wrongly, 3 a bug in
verzamel (cli_common.Verzamel), 130 interrupted with Ctrl-C.
The commands live in cli.py (build, show, letters), cli_check.py and cli_refs.py.
"""

from __future__ import annotations

from pathlib import Path

import click

from . import __version__
from .cli_check import check, rules
from .cli_common import (
    ROOT_HELP,
    Verzamel,
    count,
    echo_diagnostics,
    require_letters,
    root_option,
    unknown_letter_error,
)
from .cli_refs import refs


@click.group(cls=Verzamel, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="verzamel")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), help=ROOT_HELP)
@click.option("--debug", is_flag=True, help="On a bug in verzamel, show the Python traceback.")
def main(root, debug):
    """verzamel: Kamerbrieven and beslisnota's from plain-text sources.

    A dossier folder holds letters/ (one manifest per letter), sections/ (reusable text
    fragments), footnotes/ (shared footnotes) and verzamel.yaml (settings). verzamel turns
    each letter into Word documents: the Kamerbrief, the beslisnota, and the beslisnota as
    it is published.

    \b
    Start here:
      verzamel letters          which letters this dossier has
      verzamel build            make the Word documents of every letter
      verzamel check            check the sources without writing anything
      verzamel build ID         make the documents of one letter
      verzamel show ID          read a letter as plain text
      verzamel rules            what check looks for
      verzamel templates        where the house style comes from
      verzamel init DIR         start a new dossier of your own

    Run `verzamel COMMAND --help` for the details of a command.
    """


@main.command()
@click.argument("letter_ids", nargs=-1, metavar="[LETTER-ID]...")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write to. Default: 'build' in the dossier (or `output:` in verzamel.yaml).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems, not what was written.")
@root_option
def build(project, letter_ids, out_dir, quiet):
    """Make the Word documents of letters.

    For each letter (all of them when no LETTER-ID is given) this writes, in OUT/LETTER-ID/:

    \b
      kamerbrief.docx            the letter to the Tweede Kamer
      beslisnota.docx            the decision memo, complete (internal)
      beslisnota-openbaar.docx   the decision memo as published with the letter

    The sources are checked first. A letter whose sources have errors gets no documents at
    all (old ones stay as they were); the problems are listed as FILE:LINE:COLUMN so you can
    go straight to them. Sources are never changed.

    \b
    Examples:
      verzamel build
      verzamel build 2025-11-28-verzamelbrief-oekraine
      verzamel build --out /tmp/concept
    """
    from .build import build as run_build
    from .sources import UnknownLetter

    out_dir = (out_dir or project.output_dir).resolve()
    cwd = Path.cwd()

    def say_written(path: Path) -> None:
        if not quiet:
            click.echo(f"wrote {path.relative_to(cwd) if path.is_relative_to(cwd) else path}")

    try:
        result = run_build(project, list(letter_ids), out_dir, echo_diagnostics, say_written)
    except UnknownLetter as exc:
        raise unknown_letter_error(exc) from None
    for letter in result.letters:
        if letter.withheld and not quiet:
            for name, (grounds, public) in letter.withheld.items():
                how = "replaced by redaction marks" if public else "marked, internal"
                click.echo(f"{letter.letter_id}/{name}: withheld under the Woo ({how}): {', '.join(grounds)}")
        if letter.failed:
            click.echo(
                click.style(f"not written: {letter.letter_id} (see the errors above)", fg="red"), err=True
            )
    errors = sum(d.is_error for d in result.diagnostics)
    warnings = len(result.diagnostics) - errors
    written = sum(len(letter.written) for letter in result.letters)
    summary = f"{count(written, 'document')} written, {count(errors, 'error')}, {count(warnings, 'warning')}."
    if not quiet or result.failed:
        click.echo(summary, err=True)
    raise SystemExit(1 if result.failed else 0)


@main.command()
@root_option
def letters(project):
    """List the letters of the dossier: id, date, MR date and subject.

    A letter whose manifest cannot be read is listed with a note; `verzamel check` says why.
    Exit code 1 when there is such a letter.
    """
    raise SystemExit(0 if _list_letters(project) else 1)


def _list_letters(project) -> bool:
    """Print the letters, one per line; False when a manifest could not be read."""
    from . import dutch
    from .sources import load_sources

    sources = load_sources(project)
    readable = True
    for letter_id in sorted(sources.letter_files):
        letter = sources.letters.get(letter_id)
        if letter is None:
            readable = False
            click.echo(f"{letter_id}  (the manifest has errors: run `verzamel check {letter_id}`)")
            continue
        mr = f"MR {dutch.long_date(letter.ministerraad)}" if letter.ministerraad else "no MR"
        click.echo(f"{letter_id}  {dutch.long_date(letter.datum)}  {mr}  {letter.betreft}")
    if not sources.letter_files:
        click.echo("This dossier has no letters yet: letters/ has no .yaml files.")
    return readable


@main.command()
@click.argument("letter_id", metavar="LETTER-ID", required=False)
@click.option(
    "--document",
    "kind",
    type=click.Choice(["kamerbrief", "beslisnota", "beslisnota-openbaar"]),
    default="kamerbrief",
    show_default=True,
    help="Which of the letter's documents to show.",
)
@root_option
def show(project, letter_id, kind):
    """Print a letter's document as plain text, footnotes at the end.

    A quick look without opening Word, and the form to compare two versions of a draft with.
    Nothing is written. Without a LETTER-ID, it lists the letters to choose from.

    \b
    Example:
      verzamel show 2025-11-28-verzamelbrief-oekraine --document beslisnota
    """
    from .assemble import OUTPUTS
    from .checks import run_checks
    from .render.text import render_text
    from .sources import load_sources

    if letter_id is None:
        click.echo(
            "Which letter? Name one: verzamel show LETTER-ID. The letters in this dossier:\n", err=True
        )
        _list_letters(project)
        raise SystemExit(2)
    sources = load_sources(project)
    require_letters(sources, [letter_id])
    output = next(o for o in OUTPUTS if o.name == kind)
    checked = run_checks(project, sources, [letter_id], outputs=[output]).letters[letter_id]
    echo_diagnostics(checked.diagnostics)
    if checked.failed:
        raise SystemExit(1)
    click.echo(render_text(checked.documents[0]).decode("utf-8"), nl=False)


@click.command()
@click.option(
    "--copy", is_flag=True, help="Copy the default templates the dossier does not have into templates/."
)
@root_option
def templates(project, copy):
    """Show which templates and Word reference documents the dossier uses, or copy the defaults.

    A ministry changes its house style by copying the defaults into the dossier's templates/
    folder (`--copy`) and editing them there: the .md.j2 files in a text editor, the .docx
    files in Word. Files already in templates/ are never overwritten.
    """
    import shutil

    from .project import shipped_template_files

    own = project.root / "templates"
    for default in shipped_template_files():
        target = own / default.name
        if copy and not target.exists():
            own.mkdir(exist_ok=True)
            shutil.copyfile(default, target)
            click.echo(f"copied {default.name} to {project.relative(target)}")
        elif target.exists():
            click.echo(f"{default.name:<22} {project.relative(target)} (the dossier's own)")
        else:
            click.echo(f"{default.name:<22} verzamel's default")


STARTER_ROLES = {
    "verzamel.yaml": "settings: your ministry, directorate, signature, house style",
    "letters": "an example letter",
    "sections": "an example fragment, the letter's text",
    "footnotes": "the kamerstukken the dossier cites",
    ".gitignore": "keeps build/ (the documents made) out of git",
}


@click.command()
@click.argument(
    "folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path), metavar="[DIR]"
)
def init(folder):
    """Start a new dossier in DIR (default: the current folder).

    For a subject or ministry of your own: this writes verzamel.yaml (settings with
    comments: fill in your ministry, directorate and signature), letters/ with one example
    letter, sections/ with one example fragment, footnotes/ with one kamerstuk, and a
    .gitignore for build/. The example builds and checks clean, so you can start from
    something that works and change it step by step.

    Nothing is overwritten: a folder that already is a dossier is refused. The house style
    is verzamel's own until you take it over with `verzamel templates --copy`.

    \b
    Examples:
      verzamel init ../woo-dossier
      cd ../woo-dossier && verzamel build
    """
    from datetime import date

    from .init import DossierExists, start_dossier

    try:
        started = start_dossier(folder, date.today())
    except DossierExists as exc:
        folder = "this folder" if str(exc.folder) == "." else exc.folder
        problem = (
            f"{folder} already is a dossier (it has verzamel.yaml)"
            if exc.is_dossier
            else f"{folder} already has {', '.join(exc.existing)}, which init would overwrite"
        )
        click.echo(
            f"Error: {problem}. Nothing was written.\n"
            "Start the new dossier in an empty folder or under a new name, e.g. verzamel init ../new-dossier",
            err=True,
        )
        raise SystemExit(2) from None
    where = started.root
    shown = where.relative_to(Path.cwd()) if where.is_relative_to(Path.cwd()) else where
    click.echo(f"New dossier in {shown}:")
    for name in started.written:
        click.echo(f"  {name:<38} {STARTER_ROLES[name.split('/')[0]]}")
    if started.gitignore_extended:
        click.echo(f"  {'.gitignore':<38} added the line build/")
    go = "" if where == Path.cwd().resolve() else f"cd {shown}\n  "
    click.echo(
        "\nNext: fill in verzamel.yaml, then make the example letter's documents:\n"
        f"  {go}verzamel build {started.letter_id}"
    )


for command in (check, rules, refs, templates, init):
    main.add_command(command)
