"""The ministerraad: it meets on Fridays (Reglement van orde voor de ministerraad, art. 8), not on
holidays, and its papers go round seven days before (art. 9)."""

from __future__ import annotations

from datetime import date, timedelta

from .. import dutch, messages
from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import Letter

PAPERS_AHEAD = timedelta(days=7)


def check_letter(letter: Letter, strict: bool = False) -> list[Diagnostic]:
    """The MR rules; `strict` from ter-besluitvorming on (checks/send.py): a day the ministerraad
    does not meet is then an error, not a warning."""
    mr = letter.ministerraad
    if mr is None:
        return []
    found: list[Diagnostic] = _meeting_day(letter, mr, strict)
    span = letter.span("ministerraad")
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


def _meeting_day(letter: Letter, mr: date, strict: bool) -> list[Diagnostic]:
    """A Friday that is not a holiday; earlier in a week whose Friday is one, a warning only."""
    span = letter.span("ministerraad")
    holiday = dutch.public_holidays(mr.year).get(mr)
    weekday = messages.weekday(mr)
    if mr.weekday() < 4 and not holiday:
        friday = mr + timedelta(days=4 - mr.weekday())
        friday_holiday = dutch.public_holidays(friday.year).get(friday)
        if friday_holiday:
            message = t("mr.holiday_week", mr=mr, weekday=weekday, friday=friday, holiday=friday_holiday)
            return [report("MR005", span, message, t("mr.holiday_week_hint", weekday=weekday))]
    status = letter.status
    if mr.weekday() != 4:
        friday = _nearest_friday(mr)
        if strict:
            message = t("mr.mr_on_at_status", mr=mr, weekday=weekday, status=status)
            return [report("MR004", span, message, t("mr.mr_on_at_status_hint", friday=friday))]
        message = t("mr.mr_on", mr=mr, weekday=weekday)
        return [report("MR001", span, message, t("mr.ministerraad_meets_on_fridays", friday=friday))]
    if not holiday:
        return []
    if strict:
        message = t("mr.holiday_at_status", mr=mr, holiday=holiday, status=status)
        return [report("MR004", span, message, t("mr.use_date_mr_that"))]
    message = t("mr.ministerraad_does_not_meet", mr=mr, holiday=holiday)
    return [report("MR001", span, message, t("mr.use_date_mr_that"))]


def _nearest_friday(day: date) -> date:
    offset = (4 - day.weekday()) % 7
    after = day + timedelta(days=offset)
    before = after - timedelta(days=7)
    nearest = after if offset <= 3 else before
    return nearest
