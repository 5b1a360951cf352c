"""`verzamel new letter ID`, `verzamel new section ID`: a manifest or fragment that checks clean.

What an option does not give is asked for when verzamel runs in a terminal; otherwise the
required values (betreft, datum; a title) must be options, and nothing is written without them.
"""

from __future__ import annotations

import sys

import click

from ..messages import t
from .common import DAY, LocalGroup, argument, option, root_option


def interactive() -> bool:
    """Whether someone is there to answer: standard input is a terminal."""
    return sys.stdin.isatty()


def _ask(value, key: str, required: bool = True, default=None, value_type=None):
    """The option's value; else asked in a terminal; else the default or a usage error."""
    if value is not None:
        return value
    if interactive():
        return click.prompt(
            t(f"new.ask.{key}"), default=default, type=value_type, show_default=default is not None
        )
    if required and default is None:
        raise click.UsageError(t("new.give_option", option=f"--{key}"))
    return default


def _made(made) -> None:
    click.echo(t("new.made", path=made.relative))
    click.echo(t("new.next"))


def _refused(exc) -> None:
    click.echo(t(f"new.{exc.key}", **exc.values), err=True)
    raise SystemExit(2)


@click.group(cls=LocalGroup)
def new():
    """Make a new letter or fragment (help: `help.new`)."""


@new.command()
@argument("letter_id", metavar="letter_id")
@option("--betreft", help="new.betreft", metavar="text")
@option("--datum", type=DAY, help="new.datum", metavar="date")
@option("--kenmerk", help="new.kenmerk", metavar="text")
@option("--mr", type=DAY, help="new.mr", metavar="date")
@option("--fragments", help="new.fragments", metavar="ids")
@root_option
def letter(project, letter_id, betreft, datum, kenmerk, mr, fragments):
    """A new letter manifest (help: `help.letter`)."""
    from ..scaffold import ScaffoldError, new_letter
    from ..sources import load_sources

    betreft = _ask(betreft, "betreft")
    datum = _ask(datum, "datum", value_type=DAY)
    kenmerk = _ask(kenmerk, "kenmerk", default="0000000")
    ids = [f.strip() for f in (fragments or "").split(",") if f.strip()]
    known = set(load_sources(project).fragments)
    try:
        made = new_letter(
            project, letter_id, betreft, datum.date(), kenmerk, mr.date() if mr else None, ids, known
        )
    except ScaffoldError as exc:
        _refused(exc)
    _made(made)


@new.command()
@argument("section_id", metavar="section_id")
@option("--title", help="new.title", metavar="text")
@option("--public/--not-public", default=True, help="new.public")
@option("--woo", help="new.woo", metavar="ground")
@root_option
def section(project, section_id, title, public, woo):
    """A new fragment in sections/ (help: `help.section`)."""
    from ..scaffold import ScaffoldError, new_section
    from ..woo.grounds import parse_grounds

    title = _ask(title, "title")
    if not public:
        woo = _ask(woo, "woo")
        known, unknown = parse_grounds(woo)
        if unknown or not known:
            _refused(ScaffoldError("unknown_ground", ground=woo))
        woo = ", ".join(known)
    elif woo is not None:
        raise click.UsageError(t("new.woo_needs_not_public"))
    try:
        made = new_section(project, section_id, title, woo)
    except ScaffoldError as exc:
        _refused(exc)
    _made(made)
