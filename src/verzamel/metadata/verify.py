"""A registry entry compared with what the official source says: REF001–REF004, at the entry's lines.

REF001  the source does not know the document: a number that does not exist
REF002  the title differs (a registry title may be the official one's beginning, whole words)
REF003  the date differs (it gives the vergaderjaar a citation is written with)
REF004  the source says the document was reprinted (herdruk), withdrawn or replaced
"""

from __future__ import annotations

from datetime import date

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import NoteDef, SourceSpan
from .record import Official, same_title


def compare(note: NoteDef, official: Official, spans: dict[str, SourceSpan]) -> list[Diagnostic]:
    """What differs between a registry entry and the official metadata of its document.

    `spans` are the entry's file's YAML spans (PositionedYaml.spans), for the line of each fact."""
    label = note.label
    source = t(f"official.service.{next(iter(official.sources), 'officielebekendmakingen')}")
    if not official.found:
        return [
            report(
                "REF001",
                note.span,
                t("official.not_found", id=label, source=source),
                t("official.not_found_hint"),
            )
        ]
    found = []
    registered_date = note.facts.get("date")
    if isinstance(registered_date, date) and official.date and registered_date != official.date:
        found.append(_differs("REF003", "date", note, spans, source, registered_date, official.date))
    registered_title = note.facts.get("title")
    theirs = [title for title in (official.house_title, official.document_title, official.title) if title]
    if (
        isinstance(registered_title, str)
        and theirs
        and not any(same_title(registered_title, x) for x in theirs)
    ):
        found.append(_differs("REF002", "title", note, spans, source, registered_title, theirs[0]))
    if official.status or official.replaced_by:
        more = t("official.replaced_by", id=official.replaced_by) if official.replaced_by else ""
        found.append(
            report(
                "REF004",
                note.span,
                t(
                    "official.withdrawn",
                    id=label,
                    status=official.status or t("official.replaced"),
                    source=source,
                )
                + more,
                t("official.withdrawn_hint"),
            )
        )
    return found


def _differs(rule: str, fact: str, note: NoteDef, spans, source: str, registered, official) -> Diagnostic:
    """A fact of the entry that is not the official one, at the fact's line."""
    written = official.isoformat() if isinstance(official, date) else official
    return report(
        rule,
        spans.get(f"{note.label}.{fact}", note.span),
        t(f"official.{fact}_differs", id=note.label, registered=registered, official=official, source=source),
        t(f"official.{fact}_differs_hint", value=written),
    )
