"""`verzamel help [ONDERWERP]`: the user guides, from the installed package."""

from __future__ import annotations

import sys

import click

from ..messages import t
from .common import LocalCommand, argument


@click.command("help", cls=LocalCommand)
@argument("topic", required=False, metavar="topic")
@argument("part", required=False, metavar="rule")
def guide(topic, part):
    """List the guides or print one (help: `help.help`)."""
    from .. import guides

    if topic is None:
        _list(guides.guides())
        return
    found = guides.find(topic)
    if found is None:
        raise click.UsageError(t("guides.unknown", topic=topic, topics=_topics(guides.guides())))
    if part is None:
        _show(found.text())
    elif found.name == guides.RULES:
        _rule(part, guides.rule_pages())
    else:
        raise click.UsageError(t("guides.no_part", topic=found.topic, part=part))


def _topics(found) -> str:
    return ", ".join(g.topic for g in found)


def _list(found) -> None:
    click.echo(t("guides.heading"))
    for g in found:
        shown = g.topic if g.topic == g.name else f"{g.topic} ({g.name})"
        click.echo(f"  {shown:<28} {g.title()}")
    click.echo(t("guides.more"))


def _rule(part: str, pages) -> None:
    """A rule family's page (`verzamel help regels ministerraad`) or one rule explained (MR001)."""
    from ..checks.docs import rule_text
    from ..rules import FAMILIES, RULES

    page = pages.get(part.lower())
    if page is not None:
        _show(page.read_text(encoding="utf-8"))
        return
    rule = RULES.get(part.upper())
    if rule is None:
        families = ", ".join(f"{family} ({t(f'family.{family}')})" for family in FAMILIES)
        raise click.UsageError(t("guides.unknown_rule", part=part, families=families))
    click.echo(rule_text(rule))


def _show(text: str) -> None:
    """The guide as it is written (Markdown), through the pager in a terminal."""
    if sys.stdout.isatty():
        click.echo_via_pager(text)
    else:
        click.echo(text, nl=False)
