"""The ministerraad: it meets on Fridays (Reglement van orde voor de ministerraad, art. 8), not on
holidays, and its papers go round seven days before (art. 9)."""

from __future__ import annotations

from datetime import date, timedelta

from .. import dutch
from ..diagnostics import Diagnostic, report
from ..model import Letter

PAPERS_AHEAD = timedelta(days=7)


def check_letter(letter: Letter) -> list[Diagnostic]:
    mr = letter.ministerraad
    if mr is None:
        return []
    found: list[Diagnostic] = []
    span = letter.span("ministerraad")
    holiday = dutch.public_holidays(mr.year).get(mr)
    if mr.weekday() != 4:
        found.append(
            report(
                "MR001",
                span,
                f"the MR of {dutch.long_date(mr)} is on a {dutch.weekday(mr)}",
                f"the ministerraad meets on Fridays: {_nearest_friday(mr)}?",
            )
        )
    elif holiday:
        found.append(
            report(
                "MR001",
                span,
                f"{dutch.long_date(mr)} is {holiday}: the ministerraad does not meet",
                "use the date of the MR that will decide on the letter",
            )
        )
    if letter.datum < mr:
        found.append(
            report(
                "MR002",
                letter.span("datum"),
                f"the letter is dated {dutch.long_date(letter.datum)}, before the MR of "
                f"{dutch.long_date(mr)} that decides on it",
                "date the letter on or after the MR",
            )
        )
    nota_date = letter.data["beslisnota"].get("datum")
    if nota_date is None:
        found.append(
            report(
                "MR003",
                span,
                "the beslisnota has no date of its own, so whether the MR papers are ready seven days "
                f"before the MR of {dutch.long_date(mr)} cannot be judged",
                "give the beslisnota its date: 'datum: YYYY-MM-DD' under 'beslisnota:'",
            )
        )
    elif isinstance(nota_date, date) and nota_date > mr - PAPERS_AHEAD:
        found.append(
            report(
                "MR003",
                letter.span("beslisnota.datum"),
                f"the beslisnota of {dutch.long_date(nota_date)} is less than seven days "
                f"before the MR of {dutch.long_date(mr)}",
                "MR papers go round seven days before the meeting (art. 9 RvO MR)",
            )
        )
    return found


def _nearest_friday(day: date) -> str:
    offset = (4 - day.weekday()) % 7
    after = day + timedelta(days=offset)
    before = after - timedelta(days=7)
    nearest = after if offset <= 3 else before
    return f"vrijdag {dutch.long_date(nearest)}"
