"""`verzamel refs`: the documents a dossier cites; `verzamel refs scan`: citations in any text."""

from __future__ import annotations

from pathlib import Path

import click

from ..messages import t
from .common import ROOT, LocalGroup, argument, format_option, load_project, option

FORMAT = format_option("refs.format")


@click.group(cls=LocalGroup, invoke_without_command=True)
@FORMAT
@option("--by-fragment", is_flag=True, help="refs.by_fragment")
@ROOT
@click.pass_context
def refs(ctx, output_format, by_fragment, root):
    """The documents a dossier cites (help: `help.refs`)."""
    if ctx.invoked_subcommand is not None:
        _hand_down(ctx, output_format=output_format, root=root)
        return  # `refs scan` reads any text file and needs no dossier
    project = load_project(root)
    from ..checks.config import read_settings
    from ..checks.regions import ProseRegions
    from ..citations.render import DEFAULT_STYLE
    from ..sources import load_sources

    sources = load_sources(project)
    style = read_settings(project).house_style.get("citations", DEFAULT_STYLE)
    regions = ProseRegions(sources)
    if by_fragment:
        _by_fragment(sources, regions, style, output_format)
        return
    from ..checks.citations import REGISTERED_KINDS, uses_by_id

    rows = []
    for identifier, (citation, spans) in uses_by_id(sources, regions).items():
        rows.append(
            _document(identifier, citation, style, sources)
            | {"used_at": [f"{s.path}:{s.line}" for s in spans]}
        )
    if output_format == "json":
        from ..diagnostics import to_json

        click.echo(to_json(rows))
        return
    for row in rows:
        registrable = row["kind"] in REGISTERED_KINDS  # a zaak number or an ECLI has no registry entry
        mark = "" if row["registered"] or not registrable else t("refs.not_registered")
        click.echo(click.style(row["id"], bold=True) + f"  {row['text']}{mark}")
        if row["url"]:
            click.echo(f"    {row['url']}")
        click.echo(t("refs.used_at", places=", ".join(row["used_at"])))


def _hand_down(ctx, **values) -> None:
    """`refs --format json verify` means `refs verify --format json`: what was given to the group on
    the command line becomes the subcommand's default (its own option still wins)."""
    from click.core import ParameterSource

    given = {k: v for k, v in values.items() if ctx.get_parameter_source(k) is ParameterSource.COMMANDLINE}
    if given:
        ctx.default_map = {**(ctx.default_map or {}), ctx.invoked_subcommand: given}


def _document(identifier: str, citation, style: str, sources) -> dict:
    from ..citations.render import render

    return {
        "id": identifier,
        "kind": citation.kind,
        "text": render(citation, style),
        "url": citation.url,
        "registered": identifier in sources.registry,
    }


def _by_fragment(sources, regions, style: str, output_format: str) -> None:
    """Per fragment: what it relies on, whether `references:` lists it, and the letters using it."""
    from ..checks.citations import index
    from ..checks.references import reliances

    used_in: dict[str, list[str]] = {}
    for letter in sources.letters.values():
        uses = letter.fragment_uses
        for fragment_id in dict.fromkeys(use.id for use in uses):
            used_in.setdefault(fragment_id, []).append(letter.id)
    rows = []
    for reliance in reliances(sources, index(sources, regions)):
        fragment = reliance.fragment
        cites = [
            _document(identifier, citation, style, sources)
            | {"listed": identifier in fragment.references, "lines": sorted({s.line for s in spans})}
            for identifier, (citation, spans) in reliance.cited.items()
        ]
        rows.append(
            {
                "fragment": fragment.id,
                "path": fragment.path,
                "title": fragment.title,
                "letters": used_in.get(fragment.id, []),
                "cites": cites,
                "listed_not_cited": reliance.uncited,
            }
        )
    if output_format == "json":
        from ..diagnostics import to_json

        click.echo(to_json(rows))
        return
    for row in rows:
        click.echo(click.style(row["path"], bold=True) + (f"  {row['title']}" if row["title"] else ""))
        if not row["cites"]:
            click.echo(t("refs.cites_nothing"))
        for cite in row["cites"]:
            mark = "" if cite["listed"] else t("refs.not_listed")
            lines = ", ".join(str(n) for n in cite["lines"])
            click.echo(f"    {cite['id']}  {cite['text']}  " + t("refs.on_lines", lines=lines) + mark)
        for identifier in row["listed_not_cited"]:
            click.echo(t("refs.listed_not_cited", id=identifier))
        click.echo(t("refs.used_in", letters=", ".join(row["letters"]) or "-"))


@refs.command()
@argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="files",
)
@FORMAT
@option("--add", "add_found", is_flag=True, help="refs.scan_add")
@ROOT
def scan(files, output_format, add_found, root):
    """Citations in text files, .docx and PDF (help: `help.scan`)."""
    from ..citations.readers import Unreadable
    from ..citations.scan import scan_file

    project = load_project(root) if add_found else None  # only adding needs a dossier
    rows = []
    for path in files:
        try:
            rows += scan_file(path)
        except Unreadable as problem:
            raise click.UsageError(str(problem)) from None
    added = _add_found(project, rows) if project is not None else None  # before printing: all or nothing
    if output_format == "json":
        from ..diagnostics import to_json

        click.echo(to_json(rows))
    else:
        _print_rows(rows)
    if project is not None:
        _say_added(added, err=output_format == "json")  # standard output holds the JSON and nothing else


def _print_rows(rows: list[dict]) -> None:
    for row in rows:
        where = f"{row['file']}:{_place(row)}:"
        if row["id"] is None:
            click.echo(
                t("refs.refused", where=where, rule=row["rule"], text=repr(row["text"]), reason=row["reason"])
            )
        elif "rule" in row:
            click.echo(t("refs.reported", where=where, id=row["id"], rule=row["rule"], reason=row["reason"]))
        else:
            click.echo(f"{where} {row['id']}  {row['text']}")
    refused = sum(row["id"] is None for row in rows)
    click.echo(t("refs.summary", found=len(rows) - refused, refused=refused), err=True)


def _add_found(project, rows: list[dict]):
    """`scan --add`: registry entries for the documents the registry describes (kamerstukken,
    Handelingen, Staatsblad, …) that it does not have yet; None when there are none."""
    from ..checks.citations import registrable
    from ..citations.resolve import parse_id
    from .refs_official import added_entries

    found = [row["id"] for row in rows if row["id"] and (c := parse_id(row["id"])) and registrable(c)]
    return added_entries(project, found) if found else None


def _say_added(added, err: bool) -> None:
    from .refs_official import report_added

    if added is None:
        click.echo(t("official.nothing_to_add"), err=err)
    else:
        report_added(added, err=err)


def _place(row: dict) -> str:
    if "footnote" in row:
        return t("refs.at_footnote", n=row["footnote"])
    if "paragraph" in row:
        return t("refs.at_paragraph", n=row["paragraph"])
    if "page" in row:
        return t("refs.at_page", n=row["page"])
    return f"{row['line']}:{row['column']}"


from .refs_official import add, verify  # noqa: E402 - the subcommands of `refs`, beside `scan`

refs.add_command(add)
refs.add_command(verify)
