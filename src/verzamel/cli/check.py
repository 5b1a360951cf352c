"""`verzamel check` and `verzamel rules`."""

from __future__ import annotations

import click

from ..messages import t, tn
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

FIX_ROUNDS = 5
"""How often `--fix` corrects and checks again: what one round corrects can bring more to light (a
letter whose date it wrote as JJJJ-MM-DD is checked in full only then), or make room for a fix that
overlapped one it made. Bounded, so two fixes that undo each other cannot go on for ever."""


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
        from ..project import open_project

        to_stderr = output_format == "json"  # standard output holds the JSON and nothing else
        applied = []
        for _ in range(FIX_ROUNDS):
            try:
                done = apply_fixes(project.root, {**project.files, **sources.files}, checked.diagnostics)
            except FixNotWritten as exc:
                _say_fixed(applied + exc.applied, to_stderr)
                fail(t("check.fix_not_written", file=exc), kind="output", code=1)
            if not done:
                break
            applied.extend(done)
            project = open_project(project.root)  # verzamel.yaml may be one of the files fixed
            with collector.paused():
                sources = load_sources(project, memo)
                checked = run_letters(project, sources, list(letter_ids))
        _say_fixed(applied, to_stderr)
    memo.save()
    diagnostics = checked.diagnostics
    if output_format == "json":
        click.echo(format_json(diagnostics))
    else:
        from ..diagnostics import format_text

        for diagnostic in diagnostics:
            click.echo(format_text(diagnostic, terminal_style))
        click.echo(check_summary(diagnostics))
    raise SystemExit(1 if checked.failed else 0)


def _say_fixed(applied, to_stderr: bool) -> None:
    """What --fix changed, a sentence per change by file and line, before what is left to do."""
    if applied:
        click.echo(tn("check.fixes", len(applied)), err=to_stderr)
    for change in sorted(applied, key=lambda change: change.place):
        click.echo(change.sentence(), err=to_stderr)


def check_summary(diagnostics) -> str:
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
