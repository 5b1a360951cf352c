"""`verzamel check` and `verzamel rules`."""

from __future__ import annotations

import click

from ..messages import t
from .common import (
    LocalCommand,
    argument,
    count,
    fail,
    format_option,
    option,
    require_letters,
    root_option,
    terminal_style,
)


@click.command(cls=LocalCommand)
@argument("letter_ids", nargs=-1, metavar="letter_ids")
@format_option("check.format")
@option("--fix", is_flag=True, help="check.fix")
@root_option
def check(project, letter_ids, output_format, fix):
    """Check the sources (help: `help.check`)."""
    from .. import collector
    from ..cache.memo import Memo
    from ..cache.store import CacheFolder
    from ..diagnostics import format_json
    from ..pipeline.run import run as run_letters
    from ..sources import load_sources

    memo = Memo(CacheFolder(project.output_dir))  # what the last build or check read, kept
    with collector.paused():
        sources = load_sources(project, memo)
        require_letters(sources, letter_ids)
        checked = run_letters(project, sources, list(letter_ids))
    if fix:
        from ..checks.fixes import FixNotWritten, apply_fixes

        try:
            applied = apply_fixes(project.root, {**project.files, **sources.files}, checked.diagnostics)
        except FixNotWritten as exc:
            _say_fixed(exc.applied)
            fail(t("check.fix_not_written", file=exc), kind="output", code=1)
        _say_fixed(applied)
        if applied:
            with collector.paused():
                sources = load_sources(project, memo)
                checked = run_letters(project, sources, list(letter_ids))
    memo.save()
    diagnostics = checked.diagnostics
    if output_format == "json":
        click.echo(format_json(diagnostics))
    else:
        from ..diagnostics import format_text

        for diagnostic in diagnostics:
            click.echo(format_text(diagnostic, terminal_style))
        click.echo(_check_summary(diagnostics))
    raise SystemExit(1 if checked.failed else 0)


def _say_fixed(applied) -> None:
    for change in applied:
        d = change.diagnostic
        click.echo(
            t("check.fixed", span=d.span, rule=d.rule, before=change.before, after=change.after), err=True
        )


def _check_summary(diagnostics) -> str:
    if not diagnostics:
        return click.style(t("check.passed"), fg="green")
    counts = {s: sum(d.severity.value == s for d in diagnostics) for s in ("error", "warning", "info")}
    parts = [count(n, word) for word, n in counts.items() if n]
    fixable = sum(d.fix is not None for d in diagnostics)
    tail = t("check.fixable", n=fixable) if fixable else ""
    return t("check.found", counts=", ".join(parts), fixable=tail)


@click.command(cls=LocalCommand)
@argument("rule_id", required=False, metavar="rule")
def rules(rule_id):
    """List or explain the rules (help: `help.rules`)."""
    from ..checks.docs import rule_text
    from ..rules import RULES

    if rule_id:
        rule = RULES.get(rule_id.upper())
        if rule is None:
            raise click.UsageError(t("rules_text.unknown", rule=rule_id))
        click.echo(rule_text(rule))
        return
    for rule in RULES.values():
        mark = t("rules_text.fixable_mark") if rule.fixable else ""
        click.echo(f"{rule.id:<9} {t('severity.' + rule.severity):<13} {rule.summary}{mark}")
