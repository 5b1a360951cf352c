"""`verzamel refs`: the documents a dossier cites; `verzamel refs scan`: citations in any text."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .cli_common import ROOT_HELP, format_option, load_project

FORMAT = format_option("text for people, json (one array) for tools.")


@click.group(invoke_without_command=True)
@FORMAT
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), help=ROOT_HELP)
@click.pass_context
def refs(ctx, output_format, root):
    """List every document the dossier cites: id, how the house style writes it, the official
    URL, and where it is cited (FILE:LINE).

    \b
    Examples:
      verzamel refs
      verzamel refs --format json
      verzamel refs scan letter.txt      citations in any text file
    """
    if ctx.invoked_subcommand is not None:
        return  # `refs scan` reads any text file and needs no dossier
    project = load_project(root)
    from .checks.citations import uses_by_id
    from .checks.config import read_settings
    from .checks.regions import prose_regions
    from .citations.render import DEFAULT_STYLE, render
    from .sources import load_sources

    sources = load_sources(project)
    style = read_settings(project).house_style.get("citations", DEFAULT_STYLE)
    rows = []
    for identifier, (citation, spans) in uses_by_id(sources, prose_regions(sources)).items():
        rows.append(
            {
                "id": identifier,
                "kind": citation.kind,
                "text": render(citation, style),
                "url": citation.url,
                "registered": identifier in sources.registry,
                "used_at": [f"{span.path}:{span.line}" for span in spans],
            }
        )
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        mark = "" if row["registered"] else "  (not in footnotes/)"
        click.echo(click.style(row["id"], bold=True) + f"  {row['text']}{mark}")
        if row["url"]:
            click.echo(f"    {row['url']}")
        click.echo("    used at " + ", ".join(row["used_at"]))


@refs.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@FORMAT
def scan(files, output_format):
    """Find the citations in text files, e.g. a letter written without verzamel.

    Each citation gets its canonical id (kst-19637-3451, h-tk-20102011-108-5, stb-2011-35, …) and
    what was read from it. Text that looks like a kamerstuk but is not one, such as a Tweede Kamer
    zaak number (2023Z01234), is listed as refused, never guessed at. No dossier is needed.

    \b
    Examples:
      verzamel refs scan kamerbrief.txt
      verzamel refs scan --format json *.txt > citations.json
    """
    from .citations.scan import scan as scan_text

    rows = []
    for path in files:
        rows += scan_text(path.read_text(encoding="utf-8", errors="replace"), str(path))
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        where = f"{row['file']}:{row['line']}:{row['column']}:"
        if row["id"] is None:
            click.echo(f"{where} refused {row['rule']} {row['text']!r}: {row['reason']}")
        else:
            click.echo(f"{where} {row['id']}  {row['text']}")
    refused = sum(row["id"] is None for row in rows)
    click.echo(f"{len(rows) - refused} citations, {refused} refused.", err=True)
