"""Footnotes: references without a definition, definitions without a reference, empty notes."""

from __future__ import annotations

from ..diagnostics import Diagnostic, close_matches, report
from ..messages import t
from ..model import Fragment, NoteRef, Paragraph, iter_inlines


def check_fragment(
    fragment: Fragment, registry: dict, unreadable: set[str] = frozenset()
) -> list[Diagnostic]:
    """`unreadable`: registry ids whose entry could not be read (reported there, not again here)."""
    found: list[Diagnostic] = []
    referenced: set[str] = set()
    for inline in iter_inlines(fragment.blocks):
        if not isinstance(inline, NoteRef) or inline.cited_id:
            continue  # citations by id ([@kst-…]) are checked in checks.citations
        referenced.add(inline.label)
        if (
            inline.label not in fragment.notes
            and inline.label not in registry
            and inline.label not in unreadable
        ):
            found.append(
                report(
                    "FN001",
                    inline.span,
                    t("footnotes.footnote_not_defined", label=inline.label),
                    _hint(inline.label, [*fragment.notes, *registry]),
                )
            )
    for label, note in fragment.notes.items():
        if label not in referenced:
            found.append(
                report(
                    "FN002",
                    note.span,
                    t("footnotes.footnote_defined_but_never", label=label),
                    t("footnotes.refer_with_text_remove", label=label),
                )
            )
        if not any(isinstance(b, Paragraph) and b.inlines for b in note.blocks):
            found.append(report("FN004", note.span, t("footnotes.footnote_has_no_text", label=label)))
    return found


def _hint(label: str, known: list[str]) -> str:
    close = close_matches(label, known)
    if close:
        return t("footnotes.did_you_mean", label=close[0])
    return t("footnotes.define_it", label=label)
