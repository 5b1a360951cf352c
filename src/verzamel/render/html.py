"""HTML: one self-contained page per document (its CSS inlined, nothing fetched), for the browser
and `verzamel preview`.

Footnotes are numbered exactly as in the .docx (the numbers are the Document's own) and linked
both ways. Withheld passages are shown as the docx writer shows them: marked in the internal
beslisnota, a redaction mark in a public document. The paragraph styles of the house style
(`{.Kenmerkregel}`) become classes, which html.css lays out like the reference document.
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources

from ..model import (
    BlockQuote,
    Code,
    Columns,
    Deleted,
    Document,
    Emphasis,
    Heading,
    Inserted,
    LineBreak,
    Link,
    ListBlock,
    NoteRef,
    Paragraph,
    Redaction,
    Revised,
    Strong,
    Table,
    Text,
    Withheld,
    WithheldBlock,
)
from ..model.text import withheld_label, woo_marks

WRAPPERS = {Emphasis: "em", Strong: "strong", Inserted: "ins", Deleted: "del"}
"""Inlines that are their children inside one element."""
LINK_SCHEMES = ("http://", "https://", "mailto:", "#")
"""Where a link in a document may point; any other target is shown as text only."""


@cache
def stylesheet() -> str:
    return resources.files(__package__).joinpath("html.css").read_text(encoding="utf-8")


def _class(style: str | None) -> str:
    return f' class="{escape(style)}"' if style else ""


def inlines_html(inlines) -> str:
    out = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(escape(inline.text, quote=False))
        elif isinstance(inline, Code):
            out.append(f"<code>{escape(inline.text, quote=False)}</code>")
        elif type(inline) in WRAPPERS:
            tag = WRAPPERS[type(inline)]
            out.append(f"<{tag}>{inlines_html(inline.children)}</{tag}>")
        elif isinstance(inline, Link):
            inner = inlines_html(inline.children)
            safe = inline.href.startswith(LINK_SCHEMES)
            out.append(f'<a href="{escape(inline.href)}">{inner}</a>' if safe else inner)
        elif isinstance(inline, LineBreak):
            out.append("<br>")
        elif isinstance(inline, NoteRef):
            out.append(_note_ref(inline))
        elif isinstance(inline, Withheld):  # the internal beslisnota: marked, with its ground
            grounds = escape(", ".join(inline.grounds))
            out.append(
                f'<mark class="withheld" data-woo="{grounds}">{inlines_html(inline.children)}'
                f' <strong class="woo">{escape(woo_marks(inline.grounds))}</strong></mark>'
            )
        elif isinstance(inline, Redaction):
            out.append(f'<span class="redaction">{escape(woo_marks(inline.grounds))}</span>')
    return "".join(out)


def _note_ref(ref: NoteRef) -> str:
    if ref.number is None:
        return escape(f"[^{ref.label}]", quote=False)
    n = ref.number
    return f'<sup class="noteref"><a id="fnref-{n}" href="#fn-{n}" role="doc-noteref">{n}</a></sup>'


def block_html(block) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 6)
        return f"<h{level}>{inlines_html(block.inlines)}</h{level}>"
    if isinstance(block, Paragraph):
        return f"<p{_class(block.style)}>{inlines_html(block.inlines)}</p>"
    if isinstance(block, ListBlock):
        items = "".join(f"<li>{blocks_html(item)}</li>" for item in block.items)
        if block.ordered:
            start = f' start="{block.start}"' if block.start != 1 else ""
            return f"<ol{start}>{items}</ol>"
        return f"<ul>{items}</ul>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Columns):
        columns = []
        for n, column in enumerate(block.columns):
            width = f' style="flex-basis: {block.widths[n]}%"' if n < len(block.widths) else ""
            columns.append(f'<div class="column"{width}>{blocks_html(column)}</div>')
        return f'<div class="columns">{"".join(columns)}</div>'
    if isinstance(block, BlockQuote):
        return f"<blockquote>{blocks_html(block.children)}</blockquote>"
    if isinstance(block, Revised):
        tag = "ins" if block.change == "inserted" else "del"
        return f'<{tag} class="block">{blocks_html(block.children)}</{tag}>'
    if isinstance(block, WithheldBlock):  # the internal beslisnota: shaded, its ground first
        grounds = escape(", ".join(block.grounds))
        label = f'<p class="woo-label"><strong>{escape(withheld_label(block.grounds))}</strong></p>'
        return (
            f'<section class="withheld" data-woo="{grounds}">{label}{blocks_html(block.children)}</section>'
        )
    return ""


def blocks_html(blocks) -> str:
    return "\n".join(block_html(block) for block in blocks)


def _table(table: Table) -> str:
    changes = list(table.row_changes)
    rows = []
    if table.header:
        change = changes.pop(0) if changes else None
        cells = "".join(f"<th>{inlines_html(cell)}</th>" for cell in table.header)
        rows.append(f"<thead><tr{_class(change)}>{cells}</tr></thead>")
    body = []
    for n, row in enumerate(table.rows):
        change = changes[n] if n < len(changes) else None
        cells = "".join(f"<td>{inlines_html(cell)}</td>" for cell in row)
        body.append(f"<tr{_class(change)}>{cells}</tr>")
    rows.append(f"<tbody>{''.join(body)}</tbody>")
    return f"<table>{''.join(rows)}</table>"


def notes_html(document: Document) -> str:
    if not document.notes:
        return ""
    items = []
    for note in document.notes:
        n = note.number
        back = f' <a class="backref" href="#fnref-{n}" role="doc-backlink" aria-label="↑ {n}">↩</a>'
        items.append(f'<li id="fn-{n}" value="{n}" role="doc-footnote">{blocks_html(note.blocks)}{back}</li>')
    listed = "\n".join(items)
    return f'<section class="footnotes" role="doc-endnotes">\n<hr>\n<ol>\n{listed}\n</ol>\n</section>'


def render_html(document: Document, extra_head: str = "", before: str = "", after: str = "") -> bytes:
    """The document as one HTML page; `extra_head`, and what comes `before` and `after` the
    document in the page's body, are for `verzamel preview`."""
    kind = escape(document.kind)
    page = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(document.title)}</title>
<style>
{stylesheet()}</style>
{extra_head}</head>
<body class="{kind}{"" if document.public else " internal"}">
{before}<article class="document" data-letter="{escape(document.letter_id)}" data-kind="{kind}">
{blocks_html(document.blocks)}
{notes_html(document)}
</article>
{after}</body>
</html>
"""
    return page.encode("utf-8")
