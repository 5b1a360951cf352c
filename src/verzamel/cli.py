"""The `verzamel` command: parse options, call the pipeline, print what happened, set the exit code.

Exit codes: 0 success, 1 the sources have errors, 2 the command was used wrongly.
"""

from __future__ import annotations

import functools
from pathlib import Path

import click

from . import __version__

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


ROOT_HELP = (
    "The dossier folder (the one with verzamel.yaml). Default: the current folder "
    "or the nearest folder above it that has one."
)


def _root_option(command):
    """`--root DIR` on the command (or before it: `verzamel --root DIR build`)."""

    @click.option("--root", type=click.Path(file_okay=False, path_type=Path), help=ROOT_HELP)
    @functools.wraps(command)
    def wrapper(*args, root, **kwargs):
        from .project import ProjectNotFound, open_project

        root = root or click.get_current_context().find_root().params.get("root")
        try:
            project = open_project(root)
        except ProjectNotFound as exc:
            raise click.UsageError(str(exc)) from None
        return command(project, *args, **kwargs)

    return wrapper


def _terminal_style(text: str, role: str) -> str:
    """Bold locations, coloured severities; click drops the colours when not on a terminal."""
    return click.style(text, fg=SEVERITY_COLOURS.get(role), bold=True)


def _echo_diagnostics(diagnostics) -> None:
    from .diagnostics import format_text

    for diagnostic in diagnostics:
        click.echo(format_text(diagnostic, _terminal_style), err=True)


def _unknown_letter_error(exc) -> click.UsageError:
    known = "\n  ".join(exc.known) or "(none: letters/ has no .yaml files)"
    return click.UsageError(
        f"no letter called {', '.join(exc.unknown)}. The letters in this dossier are:\n  {known}"
    )


def _require_letters(sources, letter_ids) -> list[str]:
    """The letters to work on (all when none are named); an unknown id is a usage error."""
    from .sources import UnknownLetter, select_letters

    try:
        return select_letters(sources, list(letter_ids))
    except UnknownLetter as exc:
        raise _unknown_letter_error(exc) from None


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="verzamel")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), help=ROOT_HELP)
def main(root):
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
@_root_option
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
        result = run_build(project, list(letter_ids), out_dir, _echo_diagnostics, say_written)
    except UnknownLetter as exc:
        raise _unknown_letter_error(exc) from None
    for letter in result.letters:
        if letter.failed:
            click.echo(
                click.style(f"not written: {letter.letter_id} (see the errors above)", fg="red"), err=True
            )
    errors = sum(d.is_error for d in result.diagnostics)
    warnings = len(result.diagnostics) - errors
    written = sum(len(letter.written) for letter in result.letters)
    summary = (
        f"{_count(written, 'document')} written, {_count(errors, 'error')}, {_count(warnings, 'warning')}."
    )
    if not quiet or result.failed:
        click.echo(summary, err=True)
    raise SystemExit(1 if result.failed else 0)


@main.command()
@_root_option
def letters(project):
    """List the letters of the dossier: id, date, MR date and subject."""
    from . import dutch
    from .sources import load_sources

    sources = load_sources(project)
    for letter_id in sorted(sources.letter_files):
        letter = sources.letters.get(letter_id)
        if letter is None:
            click.echo(f"{letter_id}  (manifest has errors: run `verzamel build {letter_id}`)")
            continue
        mr = f"MR {dutch.long_date(letter.ministerraad)}" if letter.ministerraad else "no MR"
        click.echo(f"{letter_id}  {dutch.long_date(letter.datum)}  {mr}  {letter.betreft}")


@main.command()
@click.argument("letter_id", metavar="LETTER-ID")
@click.option(
    "--document",
    "kind",
    type=click.Choice(["kamerbrief", "beslisnota", "beslisnota-openbaar"]),
    default="kamerbrief",
    show_default=True,
    help="Which of the letter's documents to show.",
)
@_root_option
def show(project, letter_id, kind):
    """Print a letter's document as plain text, footnotes at the end.

    A quick look without opening Word, and the form to compare two versions of a draft with.
    Nothing is written.

    \b
    Example:
      verzamel show 2025-11-28-verzamelbrief-oekraine --document beslisnota
    """
    from .assemble import OUTPUTS
    from .checks import run_checks
    from .render.text import render_text
    from .sources import load_sources

    sources = load_sources(project)
    _require_letters(sources, [letter_id])
    output = next(o for o in OUTPUTS if o.name == kind)
    checked = run_checks(project, sources, [letter_id], outputs=[output]).letters[letter_id]
    _echo_diagnostics(checked.diagnostics)
    if checked.failed:
        raise SystemExit(1)
    click.echo(render_text(checked.documents[0]).decode("utf-8"), nl=False)


@main.command()
@click.argument("letter_ids", nargs=-1, metavar="[LETTER-ID]...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one line per problem, for people and editors. json: one array, for CI and tools.",
)
@click.option(
    "--fix", is_flag=True, help="Correct what can be corrected safely, in place, and say what changed."
)
@_root_option
def check(project, letter_ids, output_format, fix):
    """Check the sources without writing any document.

    Every problem is one line, FILE:LINE:COLUMN: SEVERITY RULE message, with a hint below it.
    Errors stop `verzamel build`; warnings and info do not. `verzamel rules` lists the rules;
    verzamel.yaml can change their severity (see docs/rules/).

    With LETTER-IDs, only those letters and the sources they use are checked.

    \b
    Exit code: 0 no errors, 1 errors, 2 the command was used wrongly.

    \b
    Examples:
      verzamel check
      verzamel check --fix
      verzamel check --format json > problems.json
    """
    from .checks import run_checks
    from .diagnostics import format_json
    from .sources import load_sources

    sources = load_sources(project)
    _require_letters(sources, letter_ids)
    checked = run_checks(project, sources, list(letter_ids))
    if fix:
        from .checks.fixes import apply_fixes

        applied = apply_fixes(project.root, sources.texts, checked.diagnostics)
        for change in applied:
            d = change.diagnostic
            click.echo(f"fixed {d.span}: {d.rule} {change.before!r} -> {change.after!r}", err=True)
        if applied:
            sources = load_sources(project)
            checked = run_checks(project, sources, list(letter_ids))
    diagnostics = checked.diagnostics
    if output_format == "json":
        click.echo(format_json(diagnostics))
    else:
        from .diagnostics import format_text

        for diagnostic in diagnostics:
            click.echo(format_text(diagnostic, _terminal_style))
        click.echo(_check_summary(diagnostics))
    raise SystemExit(1 if checked.failed else 0)


def _check_summary(diagnostics) -> str:
    if not diagnostics:
        return click.style("All checks passed.", fg="green")
    counts = {s: sum(d.severity.value == s for d in diagnostics) for s in ("error", "warning", "info")}
    parts = [_count(n, word) for word, n in counts.items() if n]
    fixable = sum(d.fix is not None for d in diagnostics)
    tail = f" ({fixable} can be corrected with --fix)" if fixable else ""
    return f"Found {', '.join(parts)}.{tail}"


@main.command()
@click.argument("rule_id", required=False, metavar="[RULE]")
def rules(rule_id):
    """List the rules `check` and `build` apply, or explain one.

    \b
    Examples:
      verzamel rules
      verzamel rules DATE002
    """
    from .checks.catalogue import RULES
    from .checks.docs import rule_text

    if rule_id:
        rule = RULES.get(rule_id.upper())
        if rule is None:
            raise click.UsageError(f"no rule {rule_id}; `verzamel rules` lists them")
        click.echo(rule_text(rule))
        return
    for rule in RULES.values():
        mark = " (fixable)" if rule.fixable else ""
        click.echo(f"{rule.id:<9} {rule.severity:<8} {rule.summary}{mark}")
