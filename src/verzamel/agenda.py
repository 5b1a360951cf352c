"""`verzamel agenda`: the letters a ministerraad decides on, as the MR coordinator sends them round.

Each letter on the agenda is assembled and checked as `build` would, so the decision lines are
exactly those of its beslisnota and the check state is the one `check` gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .checks.ministerraad import PAPERS_AHEAD
from .messages import t, tn
from .model import STATUSES, Document, Heading, LineBreak, Paragraph, Table, Text
from .model.text import block_lines, inline_text
from .project import Project

DECISION_HEADING = "geadviseerd besluit"
"""The beslisnota section whose lines are the decision asked for (its number left aside)."""


@dataclass
class AgendaItem:
    letter: str
    betreft: str
    minister: str
    status: str
    mr: date
    besluit: list[str]
    ready: date | None
    on_time: bool | None
    errors: int
    warnings: int

    def as_json(self) -> dict:
        return {
            "letter": self.letter,
            "betreft": self.betreft,
            "minister": self.minister,
            "status": self.status,
            "mr": self.mr.isoformat(),
            "besluit": self.besluit,
            "ready": self.ready.isoformat() if self.ready else None,
            "on_time": self.on_time,
            "errors": self.errors,
            "warnings": self.warnings,
        }


@dataclass
class Agenda:
    dates: list[date]
    """The MR dates asked for (or found), in order, also those with nothing on them."""
    items: list[AgendaItem] = field(default_factory=list)

    def on(self, day: date) -> list[AgendaItem]:
        return [item for item in self.items if item.mr == day]


def decision_lines(beslisnota: Document | None) -> list[str]:
    """The lines under "Geadviseerd besluit", as the beslisnota renders them."""
    if beslisnota is None:
        return []
    lines: list[str] = []
    inside = False
    for block in beslisnota.blocks:
        if isinstance(block, Heading):
            title = re.sub(r"^[\d.]+\s*", "", inline_text(block.inlines)).strip().lower()
            if inside:
                break
            inside = title == DECISION_HEADING
        elif inside:
            lines.extend(line.strip() for line in block_lines(block) if line.strip())
    return lines


def next_mr(letters, today: date | None) -> date | None:
    """Without a date: from `today` (only when asked), the first MR with letters on or after it;
    otherwise the first MR with a letter still to be decided, or else the last MR of the dossier."""
    dates = sorted({letter.ministerraad for letter in letters if letter.ministerraad})
    if today is not None:
        return next((day for day in dates if day >= today), None)
    open_ = sorted(
        letter.ministerraad
        for letter in letters
        if letter.ministerraad and STATUSES.index(_known_status(letter)) < STATUSES.index("akkoord")
    )
    return open_[0] if open_ else (dates[-1] if dates else None)


def _known_status(letter) -> str:
    status = letter.status
    return status if status in STATUSES else "concept"


def is_friday(day: date) -> bool:
    return day.weekday() == 4


def papers_due(day: date) -> date:
    return day - PAPERS_AHEAD


def as_document(agenda: Agenda, project: Project) -> Document:
    """The agenda as a Document, for the Word writer: a title per MR, a table of its letters."""
    blocks: list = [Paragraph((Text(t("agenda.doc_title")),), "Title")]
    for day in agenda.dates:
        blocks.append(Heading(1, (Text(t("agenda.mr_heading", mr=day)),)))
        items = agenda.on(day)
        if not items:
            blocks.append(Paragraph((Text(t("agenda.nothing")),)))
            continue
        header = tuple(
            (Text(t(f"agenda.column.{name}")),) for name in ("letter", "status", "besluit", "ready", "check")
        )
        rows = tuple(
            (
                (Text(f"{item.betreft} ({item.letter})"),),
                (Text(item.status),),
                tuple(
                    piece
                    for n, line in enumerate(item.besluit)
                    for piece in ((LineBreak(),) if n else ()) + (Text(line),)
                ),
                (Text(ready_words(item)),),
                (Text(check_words(item)),),
            )
            for item in items
        )
        blocks.append(Table(header, rows))
    defaults = project.settings.get("letter_defaults")
    sender = defaults.get("sender") if isinstance(defaults, dict) else None
    ministry = str(sender.get("ministry") or "") if isinstance(sender, dict) else ""
    return Document(
        kind="agenda",
        letter_id="agenda",
        blocks=tuple(blocks),
        notes=(),
        title=t("agenda.doc_title"),
        subject=t("agenda.doc_title"),
        author=ministry,
        keywords="",
        created=agenda.dates[0] if agenda.dates else date(2000, 1, 1),
        public=False,
    )


def ready_words(item: AgendaItem) -> str:
    """Whether the papers were ready seven days before the MR, in words."""
    if item.ready is None:
        return t("agenda.ready_unknown")
    if item.on_time:
        return t("agenda.ready_on_time", ready=item.ready)
    return t("agenda.ready_late", ready=item.ready, due=papers_due(item.mr))


def check_words(item: AgendaItem) -> str:
    """What `check` finds in the letter: `0 errors, 1 warning`."""
    return f"{tn('count.error', item.errors)}, {tn('count.warning', item.warnings)}"
