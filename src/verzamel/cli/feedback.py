"""`verzamel feedback`: the comments and tracked changes of reviewers in Word, at their source lines.

Exit codes: 0 every change can be (or was) written back, 1 some cannot (each is reported at its
line, with why), 2 a file cannot be read as a reviewed draft of this dossier: nothing is written.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..messages import t, visible
from .common import ROOT, LocalCommand, argument, fail, format_option, load_project, option


@click.command(cls=LocalCommand)
@argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path), metavar="files")
@option("--apply", "apply", is_flag=True, help="feedback.apply")
@format_option("feedback.format")
@ROOT
def feedback(files, apply, output_format, root):
    """Comments and tracked changes brought back to the sources (help: `help.feedback`)."""
    from ..diagnostics import format_text, has_errors, json_rows, to_json
    from ..feedback.reviewed import NotReadable
    from ..pipeline.feedback import feedback as read_feedback
    from .common import terminal_style

    project = load_project(root)
    try:
        found = read_feedback(project, list(files), apply=apply)
    except NotReadable as refused:
        fail(refused.message, kind="feedback", code=refused.code)
    if output_format == "json":
        click.echo(to_json(_json(found, json_rows)))
    else:
        for remark in found.remarks:
            click.echo(_line(remark))
        for diagnostic in found.diagnostics:
            click.echo(format_text(diagnostic, terminal_style))
        _summary(found, apply)
    raise SystemExit(1 if has_errors(found.diagnostics) else 0)


def _line(remark) -> str:
    from ..pipeline.feedback import change_words, shown_words

    where = f"{remark.span.path}:{remark.span.line}:{remark.span.column}"
    who = _who(remark.author, remark.date)
    if remark.comment is not None:
        words = shown_words(remark.comment.words)
        key = "feedback.comment_line" if words else "feedback.comment_line_no_words"
        line = t(key, where=where, who=who, words=words, text=_comment_text(remark.comment.text))
        for reply in remark.replies:
            who = _who(reply.author, reply.date)
            line += "\n    " + t("feedback.reply_line", who=who, text=_comment_text(reply.text))
        return line
    change = remark.change
    what = change_words(change)
    done = "applied" if remark.applied else "change"
    return t(f"feedback.{done}_line", where=where, who=who, what=what)


def _who(author: str, date: str) -> str:
    author = visible(author) or "?"
    return t("feedback.by", author=author, date=_date(date)) if date else author


def _comment_text(text: str) -> str:
    """A comment's text as the lines under its place show it: its paragraphs indented."""
    return visible(text).replace("\n", "\n    ")


def _date(written: str) -> str:
    """`20 nov 2025` from Word's `2025-11-20T10:00:00Z` (as it is when it is something else)."""
    from ..dutch import short_date

    try:
        return short_date(datetime.fromisoformat(written.replace("Z", "+00:00")).date())
    except ValueError:
        return written


def _summary(found, apply: bool) -> None:
    comments = sum(1 for r in found.remarks if r.comment is not None)
    changes = sum(1 for r in found.remarks if r.change is not None)
    click.echo(t("feedback.summary", comments=comments, changes=changes, problems=len(found.diagnostics)))
    if apply and found.written:
        click.echo(t("feedback.written", files=", ".join(found.written)))
        for path, letters in sorted(found.reaches.items()):
            click.echo(t("feedback.reaches", path=path, letters=", ".join(letters)))
    elif apply:
        click.echo(t("feedback.nothing_written"))
    elif changes:
        click.echo(t("feedback.apply_next"))


def _json(found, json_rows) -> dict:
    def comment(c) -> dict:
        return {"author": c.author, "initials": c.initials, "date": c.date, "words": c.words, "text": c.text}

    remarks = []
    for remark in found.remarks:
        row = {"file": remark.span.path, "line": remark.span.line, "column": remark.span.column}
        if remark.comment is not None:
            row |= {
                "kind": "comment",
                **comment(remark.comment),
                "replies": [comment(r) for r in remark.replies],
            }
        else:
            change = remark.change
            row |= {
                "kind": "change",
                "author": change.author,
                "date": change.date,
                "deleted": change.deleted,
                "inserted": change.inserted,
                "applied": remark.applied,
            }
        remarks.append(row)
    return {
        "files": found.files,
        "remarks": remarks,
        "diagnostics": json_rows(found.diagnostics),
        "written": found.written,
        "reaches": found.reaches,
    }
