"""`verzamel freeze LETTER`: keep a sent letter as it was sent (letters/<id>.lock).

Exit codes: 0 frozen (or already up to date), 1 the letter has errors, 2 it cannot be frozen as
asked (unknown, not sent, or freezing again would change what was sent).
"""

from __future__ import annotations

import click

from ..messages import t
from .common import LocalCommand, argument, count, echo_diagnostics, option, root_option


@click.command(cls=LocalCommand)
@argument("letter_id", metavar="letter_id")
@option("--force", is_flag=True, help="freeze.force")
@root_option
def freeze(project, letter_id, force):
    """Record what a sent letter was made from (help: `help.freeze`)."""
    from ..pipeline.freeze import FreezeRefused
    from ..pipeline.freeze import freeze as run_freeze
    from ..sources import UnknownLetter
    from .common import unknown_letter_error

    try:
        frozen = run_freeze(project, letter_id, force)
    except UnknownLetter as exc:
        raise unknown_letter_error(exc) from None
    except FreezeRefused as exc:
        click.echo(click.style(exc.message, fg="red"), err=True)
        if exc.hint:
            click.echo(exc.hint, err=True)
        raise SystemExit(2) from None
    echo_diagnostics(frozen.diagnostics)
    shown = project.relative(frozen.path)
    if frozen.lock is None:
        click.echo(click.style(t("freeze.failed", letter=letter_id), fg="red"), err=True)
        raise SystemExit(1)
    sources = count(len(frozen.lock.sources), "source")
    documents = count(len(frozen.lock.outputs), "document")
    click.echo(t(f"freeze.{frozen.outcome}", path=shown, sources=sources, documents=documents))
    if frozen.outcome != "unchanged":
        click.echo(t("freeze.commit", path=shown) if frozen.in_git else t("freeze.no_git"))
