"""Dutch wording of dates and lists, as letters to parliament write them, and the holidays."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def long_date(d: date) -> str:
    """`28 november 2025`: day in digits, month in words, year in digits."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def day_month(d: date) -> str:
    """`28 november`."""
    return f"{d.day} {MONTHS[d.month - 1]}"


def weekday(d: date) -> str:
    """`vrijdag`."""
    return WEEKDAYS[d.weekday()]


def join_list(items: Iterable[str], conjunction: str = "en") -> str:
    """`a`, `a en b`, `a, b en c`."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


@cache
def public_holidays(year: int) -> dict[date, str]:
    """The days the ministerraad does not meet: national holidays and Goede Vrijdag.

    Koningsdag moves to 26 April when 27 April is a Sunday; Bevrijdingsdag counts every year
    (a day off for civil servants in lustrum years, and no day for an MR in any year).
    """
    sunday = easter(year)
    king = date(year, 4, 27)
    if king.weekday() == 6:
        king = date(year, 4, 26)
    days = {
        date(year, 1, 1): "Nieuwjaarsdag",
        sunday - timedelta(days=2): "Goede Vrijdag",
        sunday: "Eerste Paasdag",
        sunday + timedelta(days=1): "Tweede Paasdag",
        king: "Koningsdag",
        date(year, 5, 5): "Bevrijdingsdag",
        sunday + timedelta(days=39): "Hemelvaartsdag",
        sunday + timedelta(days=49): "Eerste Pinksterdag",
        sunday + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }
    return days
