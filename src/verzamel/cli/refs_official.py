"""`verzamel refs add` and `verzamel refs verify`: the registry and the official metadata.

The commands parse options and print; pipeline/official.py does the work. Exit codes: 0 done,
1 the registry has errors (verify found a difference, or a registry file cannot be read), 2 the
command was used wrongly or the metadata could not be had (no network, …): then nothing is written.
"""

from __future__ import annotations

import click

from ..messages import t
from .common import ROOT, LocalCommand, argument, fail, format_option, load_project, option


@click.command(cls=LocalCommand)
@argument("identifiers", nargs=-1, required=True, metavar="document_ids")
@option("--file", "file", metavar="file", help="refs.file")
@option("--refresh", is_flag=True, help="refs.refresh_add")
@ROOT
def add(identifiers, file, refresh, root):
    """Registry entries from the official metadata (help: `help.add`)."""
    project = load_project(root)
    report_added(added_entries(project, identifiers, file=_registry_file(file), refresh=refresh))


def added_entries(project, identifiers, file=None, refresh=False):
    """Add what is not in the registry yet (also for `refs scan --add`); a usage error or the
    reason nothing was written ends the command."""
    from ..pipeline.official import NotDone, UnknownIds
    from ..pipeline.official import add as add_entries

    try:
        return add_entries(project, identifiers, file=file, refresh=refresh)
    except UnknownIds as unknown:
        raise click.UsageError(t("official.unknown_ids", ids=", ".join(unknown.ids))) from None
    except NotDone as refused:
        fail(refused.message, refused.diagnostics, kind="official", code=refused.code)


def report_added(added, err: bool = False) -> None:
    for identifier, span in added.entries:
        click.echo(t("official.added", id=identifier, where=f"{span.path}:{span.line}"), err=err)
    for identifier, span in added.present.items():
        click.echo(t("official.present", id=identifier, where=f"{span.path}:{span.line}"), err=err)


def _registry_file(file: str | None) -> str | None:
    """`--file`: a .yaml file directly in footnotes/, named with or without `footnotes/`."""
    if file is None:
        return None
    name = file.replace("\\", "/").removeprefix("./").removeprefix("footnotes/")
    if "/" in name or not name.endswith(".yaml") or name.startswith("."):
        raise click.UsageError(t("official.file_not_in_footnotes", file=file))
    return f"footnotes/{name}"


@click.command(cls=LocalCommand)
@argument("identifiers", nargs=-1, metavar="document_ids_optional")
@option("--refresh", is_flag=True, help="refs.refresh_verify")
@format_option("refs.format_verify")
@ROOT
def verify(identifiers, refresh, output_format, root):
    """The registry compared with the official metadata (help: `help.verify`)."""
    from ..checks.config import read_settings
    from ..diagnostics import format_json, format_text, has_errors
    from ..pipeline.official import NotDone, UnknownIds
    from ..pipeline.official import verify as verify_registry
    from .check import check_summary
    from .common import count, terminal_style

    project = load_project(root)
    try:
        verified = verify_registry(project, identifiers, refresh=refresh)
    except UnknownIds as unknown:
        raise click.UsageError(t("official.not_in_registry", ids=", ".join(unknown.ids))) from None
    except NotDone as refused:
        fail(refused.message, refused.diagnostics, kind="official", code=refused.code)
    diagnostics = sorted(read_settings(project).apply(verified.diagnostics), key=lambda d: d.sort_key())
    if verified.unchecked is not None:
        if output_format == "text":
            for diagnostic in diagnostics:
                click.echo(format_text(diagnostic, terminal_style))
            diagnostics = []
        fail(verified.unchecked + "\n" + t("official.nothing_written"), diagnostics, kind="official")
    if output_format == "json":
        click.echo(format_json(diagnostics))
    else:
        for diagnostic in diagnostics:
            click.echo(format_text(diagnostic, terminal_style))
        click.echo(t("official.verified", documents=count(len(verified.checked), "document")))
        click.echo(check_summary(diagnostics))
    raise SystemExit(1 if has_errors(diagnostics) else 0)
