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
        found.append(
            report(
                "REF003",
                spans.get(f"{label}.date", note.span),
                t(
                    "official.date_differs",
                    id=label,
                    registered=registered_date,
                    official=official.date,
                    source=source,
                ),
                t("official.date_differs_hint", day=official.date.isoformat()),
            )
        )
    registered_title = note.facts.get("title")
    theirs = [title for title in (official.house_title, official.document_title, official.title) if title]
    if (
        isinstance(registered_title, str)
        and theirs
        and not any(same_title(registered_title, x) for x in theirs)
    ):
        found.append(
            report(
                "REF002",
                spans.get(f"{label}.title", note.span),
                t(
                    "official.title_differs",
                    id=label,
                    registered=registered_title,
                    official=theirs[0],
                    source=source,
                ),
                t("official.title_differs_hint", title=theirs[0]),
            )
        )
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
