"""The ministerraad: it meets on Fridays (Reglement van orde voor de ministerraad, art. 8), not on
holidays, and its papers go round seven days before (art. 9)."""

from __future__ import annotations

from datetime import date, timedelta

from .. import dutch, messages
from ..diagnostics import Diagnostic, report
from ..messages import t
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
                t("mr.mr_on", mr=mr, weekday=messages.weekday(mr)),
                t("mr.ministerraad_meets_on_fridays", friday=_nearest_friday(mr)),
            )
        )
    elif holiday:
        found.append(
            report(
                "MR001",
                span,
                t("mr.ministerraad_does_not_meet", mr=mr, holiday=holiday),
                t("mr.use_date_mr_that"),
            )
        )
    if letter.datum < mr:
        found.append(
            report(
                "MR002",
                letter.span("datum"),
                t("mr.letter_dated_before_mr", datum=letter.datum, mr=mr),
                t("mr.date_letter_on_after"),
            )
        )
    nota_date = letter.data["beslisnota"].get("datum")
    if nota_date is None:
        found.append(
            report(
                "MR003",
                span,
                t("mr.beslisnota_has_no_date", mr=mr),
                t("mr.give_beslisnota_date_datum"),
            )
        )
    elif isinstance(nota_date, date) and nota_date > mr - PAPERS_AHEAD:
        found.append(
            report(
                "MR003",
                letter.span("beslisnota.datum"),
                t("mr.beslisnota_less_than_seven", nota_date=nota_date, mr=mr),
                t("mr.mr_papers_go_round"),
            )
        )
    return found


def _nearest_friday(day: date) -> date:
    offset = (4 - day.weekday()) % 7
    after = day + timedelta(days=offset)
    before = after - timedelta(days=7)
    nearest = after if offset <= 3 else before
    return nearest
