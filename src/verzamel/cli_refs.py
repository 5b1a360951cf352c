"""`verzamel refs`: the documents a dossier cites; `verzamel refs scan`: citations in any text."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .cli_common import ROOT, LocalGroup, argument, format_option, load_project
from .messages import t

FORMAT = format_option("refs.format")


@click.group(cls=LocalGroup, invoke_without_command=True)
@FORMAT
@ROOT
@click.pass_context
def refs(ctx, output_format, root):
    """The documents a dossier cites (help: `help.refs`)."""
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
        mark = "" if row["registered"] else t("refs.not_registered")
        click.echo(click.style(row["id"], bold=True) + f"  {row['text']}{mark}")
        if row["url"]:
            click.echo(f"    {row['url']}")
        click.echo(t("refs.used_at", places=", ".join(row["used_at"])))


@refs.command()
@argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="files",
)
@FORMAT
def scan(files, output_format):
    """Citations in any text file (help: `help.scan`)."""
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
            click.echo(
                t("refs.refused", where=where, rule=row["rule"], text=repr(row["text"]), reason=row["reason"])
            )
        else:
            click.echo(f"{where} {row['id']}  {row['text']}")
    refused = sum(row["id"] is None for row in rows)
    click.echo(t("refs.summary", found=len(rows) - refused, refused=refused), err=True)
