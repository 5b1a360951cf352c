"""`verzamel check` and `verzamel rules`."""

from __future__ import annotations

import click

from .cli_common import count, format_option, require_letters, root_option, terminal_style


@click.command()
@click.argument("letter_ids", nargs=-1, metavar="[LETTER-ID]...")
@format_option("text: one line per problem, for people and editors. json: one array, for CI and tools.")
@click.option(
    "--fix", is_flag=True, help="Correct what can be corrected safely, in place, and say what changed."
)
@root_option
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
    require_letters(sources, letter_ids)
    checked = run_checks(project, sources, list(letter_ids))
    if fix:
        from .checks.fixes import FixNotWritten, apply_fixes

        try:
            applied = apply_fixes(project.root, {**project.files, **sources.files}, checked.diagnostics)
        except FixNotWritten as exc:
            _say_fixed(exc.applied)
            click.echo(f"Error: could not write the corrections to {exc}; that file is unchanged.", err=True)
            raise SystemExit(1) from None
        _say_fixed(applied)
        if applied:
            sources = load_sources(project)
            checked = run_checks(project, sources, list(letter_ids))
    diagnostics = checked.diagnostics
    if output_format == "json":
        click.echo(format_json(diagnostics))
    else:
        from .diagnostics import format_text

        for diagnostic in diagnostics:
            click.echo(format_text(diagnostic, terminal_style))
        click.echo(_check_summary(diagnostics))
    raise SystemExit(1 if checked.failed else 0)


def _say_fixed(applied) -> None:
    for change in applied:
        d = change.diagnostic
        click.echo(f"fixed {d.span}: {d.rule} {change.before!r} -> {change.after!r}", err=True)


def _check_summary(diagnostics) -> str:
    if not diagnostics:
        return click.style("All checks passed.", fg="green")
    counts = {s: sum(d.severity.value == s for d in diagnostics) for s in ("error", "warning", "info")}
    parts = [count(n, word) for word, n in counts.items() if n]
    fixable = sum(d.fix is not None for d in diagnostics)
    tail = f" ({fixable} can be corrected with --fix)" if fixable else ""
    return f"Found {', '.join(parts)}.{tail}"


@click.command()
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
