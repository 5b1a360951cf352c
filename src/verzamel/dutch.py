"""Dutch wording of dates and lists, as letters to parliament write them, and the holidays."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
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
SHORT_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                       "sept": 9, "okt": 10, "nov": 11, "dec": 12}  # fmt: skip


def long_date(d: date) -> str:
    """`28 november 2025`: day in digits, month in words, year in digits."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def short_date(d: date) -> str:
    """`20 nov 2025`: as a comment's date is shown beside it."""
    return f"{d.day} {SHORT_MONTHS[d.month - 1]} {d.year}"


def day_month(d: date) -> str:
    """`28 november`."""
    return f"{d.day} {MONTHS[d.month - 1]}"


def weekday(d: date) -> str:
    """`vrijdag`."""
    return WEEKDAYS[d.weekday()]


@dataclass(frozen=True)
class WrittenDate:
    """A date as someone wrote it (`18-12-2026`, `18 december 2026`): its day, month and year, and
    what makes the reading less than certain."""

    day: int
    month: int
    year: int
    short_year: bool = False
    """Written with two digits (`18-12-26`), read as 20..: likely, not certain."""
    weekday: str | None = None
    """The weekday written before it (`vrijdag 18 december 2026`), as written."""

    @property
    def meant(self) -> date | None:
        """The date, or None when there is no such day (`31-02-2026`, a 13th month)."""
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def certain(self) -> bool:
        """A real date, read one way only: the year in full, and no weekday that says otherwise."""
        meant = self.meant
        if meant is None or self.short_year:
            return False
        return self.weekday is None or weekday(meant) == self.weekday.lower()


_MONTH_NAMES = "|".join((*MONTHS, *MONTH_ABBREVIATIONS))
_DAY_FIRST = re.compile(r"(?P<day>\d{1,2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})")
_YEAR_FIRST = re.compile(r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})")
_IN_WORDS = re.compile(
    rf"(?:(?P<weekday>{'|'.join(WEEKDAYS)}),?\s+)?(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_NAMES})\.?\s+"
    r"(?P<year>\d{4})",
    re.IGNORECASE,
)


def read_date(text: str) -> WrittenDate | None:
    """A date written the way Dutch people write one, day first (`18-12-2026`, `18/12/2026`,
    `18.12.2026`, `18-12-26`, `18 december 2026`, `vrijdag 18 dec. 2026`), or year first with other
    separators than the ISO form's (`2026/12/18`, `2026-12-8`); None for any other text."""
    text = text.strip()
    for pattern in (_DAY_FIRST, _YEAR_FIRST, _IN_WORDS):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        month = match["month"].lower()
        # a month in digits is taken as written, 0 or 13 too: `meant` says there is no such date
        number = int(month) if month.isdigit() else MONTH_ABBREVIATIONS.get(month) or MONTHS.index(month) + 1
        year = match["year"]
        return WrittenDate(
            int(match["day"]),
            number,
            int(year) + (2000 if len(year) == 2 else 0),
            short_year=len(year) == 2,
            weekday=match.groupdict().get("weekday"),
        )
    return None


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
