"""Dutch wording of dates and lists, as letters to parliament write them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

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
