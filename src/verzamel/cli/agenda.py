"""`verzamel agenda`: the letters for a ministerraad, as text, JSON, Markdown or a Word overview."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..messages import t, weekday
from .common import DAY, LocalCommand, fail, option, root_option

FORMATS = ("text", "json", "md", "docx")


def _text(agenda) -> str:
    from ..agenda import check_words, ready_words
    from ..messages import tn

    lines = []
    for day in agenda.dates:
        items = agenda.on(day)
        lines.append(t("agenda.mr_heading", mr=day) + " — " + tn("agenda.letters", len(items)))
        if not items:
            lines.append("  " + t("agenda.nothing"))
        for item in items:
            lines.append("")
            lines.append(f"  {item.letter}  [{item.status}]")
            lines.append(f"    {t('agenda.column.betreft'):<12}{item.betreft}")
            lines.append(f"    {t('agenda.column.minister'):<12}{item.minister}")
            for n, line in enumerate(item.besluit or [t("agenda.no_besluit")]):
                lines.append(f"    {t('agenda.column.besluit') if n == 0 else '':<12}{line}")
            lines.append(f"    {t('agenda.column.ready'):<12}{ready_words(item)}")
            lines.append(f"    {t('agenda.column.check'):<12}{check_words(item)}")
        lines.append("")
    return "\n".join(lines)


def _markdown(agenda) -> str:
    from ..agenda import check_words, ready_words

    lines = [f"# {t('agenda.doc_title')}", ""]
    for day in agenda.dates:
        lines += [f"## {t('agenda.mr_heading', mr=day)}", ""]
        items = agenda.on(day)
        if not items:
            lines += [t("agenda.nothing"), ""]
            continue
        columns = [t(f"agenda.column.{key}") for key in ("letter", "status", "besluit", "ready", "check")]
        lines += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        for item in items:
            cells = [
                f"{item.betreft} (`{item.letter}`)",
                item.status,
                "<br>".join(item.besluit),
                ready_words(item),
                check_words(item),
            ]
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        lines.append("")
    return "\n".join(lines)


@click.command(cls=LocalCommand)
@option("--mr", "mr", type=DAY, help="agenda.mr", metavar="date")
@option("--from", "start", type=DAY, help="agenda.from", metavar="date")
@option("--to", "end", type=DAY, help="agenda.to", metavar="date")
@option("--today", is_flag=True, help="agenda.today")
@option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="agenda.format",
)
@option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), help="agenda.out", metavar="file")
@root_option
def agenda(project, mr, start, end, today, output_format, out):
    """The letters for a ministerraad (help: `help.agenda`)."""
    from ..agenda import is_friday
    from ..pipeline.agenda import make_agenda

    if mr is not None and (start is not None or end is not None):
        raise click.UsageError(t("agenda.mr_or_range"))
    mr, start, end = (d.date() if d else None for d in (mr, start, end))
    result = make_agenda(project, mr, start, end, date.today() if today else None)
    for day in result.dates:
        if not is_friday(day):
            click.echo(t("agenda.not_friday", mr=day, weekday=weekday(day)), err=True)
    if not result.dates:
        click.echo(t("agenda.no_mr"), err=True)
    if output_format == "docx":
        _write_docx(project, result, out)
        return
    if output_format == "json":
        from ..diagnostics import to_json

        text = to_json([item.as_json() for item in result.items]) + "\n"
    else:
        text = _markdown(result) if output_format == "md" else _text(result)
    if out is None:
        click.echo(text, nl=False)
        return
    from ..write import write_atomic

    write_atomic(out, text.encode("utf-8"))
    click.echo(t("build.wrote", path=out), err=True)


def _write_docx(project, result, out: Path | None) -> None:
    from ..agenda import as_document
    from ..checks.templates import check_reference
    from ..render.docx import render_docx
    from ..templating import template_label
    from ..write import write_atomic

    first = result.dates[0].isoformat() if result.dates else "leeg"
    target = out or project.output_dir / f"agenda-mr-{first}.docx"
    reference = project.find_template("beslisnota.docx")
    unusable = check_reference(reference.read_bytes(), template_label(project, reference))
    if unusable:  # the house style that build refuses (TPL003) is not used here either
        fail(t("agenda.not_written"), unusable, kind="sources", code=1)
    document = as_document(result, project)
    write_atomic(target, render_docx(document, reference))
    click.echo(t("build.wrote", path=target), err=True)
