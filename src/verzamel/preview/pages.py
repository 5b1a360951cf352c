"""The pages of the preview: the index of letters, and a document beside its letter's problems.

A document page is the HTML writer's page with three additions: a panel with the diagnostics of
the letter (as `verzamel check` prints them), a banner when what is shown is not current, and a
few lines of script that reload the page when the sources change (Server-Sent Events).
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources

from ..diagnostics import format_text
from ..messages import t
from .state import LetterView, PreviewState

KINDS = ("kamerbrief", "beslisnota", "beslisnota-openbaar")


@cache
def _stylesheet() -> str:
    return resources.files(__package__).joinpath("preview.css").read_text(encoding="utf-8")


def _reload_script(version: int) -> str:
    return (
        "<script>(function () {\n"
        f'  var shown = "{version}";\n'
        '  var events = new EventSource("/events");\n'
        "  events.onmessage = function (event) { if (event.data !== shown) { location.reload(); } };\n"
        "})();</script>\n"
    )


def _head(version: int) -> str:
    return f"<style>\n{_stylesheet()}</style>\n{_reload_script(version)}"


def _diagnostics_panel(diagnostics, failure: str | None) -> str:
    if failure:
        title = escape(t("preview.failure"))
        return f'<aside class="problems"><h2>{title}</h2><pre>{escape(failure)}</pre></aside>'
    if not diagnostics:
        return f'<aside class="problems clean"><h2>{escape(t("preview.clean"))}</h2></aside>'
    items = "".join(
        f'<li class="{d.severity.value}"><pre>{escape(format_text(d))}</pre></li>' for d in diagnostics
    )
    title = escape(t("preview.problems", n=len(diagnostics)))
    return f'<aside class="problems"><h2>{title}</h2><ul>{items}</ul></aside>'


def _banner(view: LetterView) -> str:
    notes = []
    if view.outdated:
        notes.append(t("preview.outdated"))
    if view.sent_moved_on:
        notes.append(t("preview.sent_moved_on", letter=view.letter_id))
    return "".join(f'<p class="banner">{escape(note)}</p>' for note in notes)


def _nav(view: LetterView, kind: str | None) -> str:
    links = [f'<a href="/">{escape(t("preview.all_letters"))}</a>']
    for other in KINDS:
        label = escape(other)
        links.append(
            f"<strong>{label}</strong>"
            if other == kind
            else f'<a href="/{view.letter_id}/{other}">{label}</a>'
        )
    return f'<nav class="preview-nav">{" · ".join(links)}</nav>'


def document_page(state: PreviewState, letter_id: str, kind: str) -> bytes:
    """The document beside its letter's diagnostics; the diagnostics alone when there is none yet."""
    from ..render.html import render_html

    view = state.letters[letter_id]
    panel = _diagnostics_panel(view.diagnostics, state.failure)
    top = _nav(view, kind) + _banner(view)
    document = view.documents.get(kind)
    if document is None:
        body = f'<main class="preview-empty">{top}<p>{escape(t("preview.no_document"))}</p></main>{panel}'
        return _page(t("preview.title", letter=letter_id), state.version, body)
    return render_html(document, _head(state.version), before=top, after=panel)


def index_page(state: PreviewState) -> bytes:
    rows = []
    for view in state.letters.values():
        documents = " · ".join(f'<a href="/{view.letter_id}/{kind}">{kind}</a>' for kind in KINDS)
        errors = sum(d.is_error for d in view.diagnostics)
        warnings = sum(d.severity.value == "warning" for d in view.diagnostics)
        state_text = (
            t("preview.check_state", errors=errors, warnings=warnings)
            if view.readable
            else t("preview.unreadable")
        )
        cells = [
            f"<strong>{escape(view.letter_id)}</strong><br>{documents}",
            *(escape(value) for value in (view.datum, view.ministerraad, view.status, state_text)),
        ]
        failed = "failed" if errors or not view.readable else "ok"
        rows.append(f'<tr class="{failed}">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    header = "".join(
        f"<th>{escape(t(f'preview.column.{c}'))}</th>" for c in ("letter", "datum", "mr", "status", "check")
    )
    table = f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    body = (
        f'<main class="preview-index"><h1>{escape(t("preview.index_title"))}</h1>{table}</main>'
        f"{_diagnostics_panel(state.diagnostics, state.failure)}"
    )
    return _page(t("preview.index_title"), state.version, body)


def _page(title: str, version: int, body: str) -> bytes:
    return (
        f'<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>{escape(title)}</title>\n'
        f'{_head(version)}</head>\n<body class="preview">\n{body}\n</body>\n</html>\n'
    ).encode()
