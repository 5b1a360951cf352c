"""Dates in running text: weekdays, jl. and a.s., their misspellings, dates in digits.

Relative dates are resolved against the date of the letter that uses the text: `4 september jl.`
in a letter of 28 November 2025 is 4 September 2025, `1 mei a.s.` is 1 May 2026 (Taalunie:
jl. is the latest past occurrence, a.s. the next one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .. import dutch, messages
from ..diagnostics import Diagnostic, Fix, report
from ..messages import t
from .regions import Region

_MONTHS = "|".join(dutch.MONTHS)
_WEEKDAYS = "|".join(dutch.WEEKDAYS)
DATE_RE = re.compile(
    rf"(?:\b(?P<weekday>{_WEEKDAYS})\s+)?\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\b"
    r"(?:\s+(?P<year>\d{4})\b)?"
    r"(?:\s+(?P<rel>jl\.|a\.s\.|j\.l\.|a\.s(?!\.)|as\b|jl\b))?",
    re.IGNORECASE,
)
NUMERIC_DATE_RE = re.compile(r"(?<![\w/-])(\d{1,2})([-/])(\d{1,2})\2(\d{4})(?![\w/-])")
CANONICAL_RELATIVE = {"jl.": "jl.", "a.s.": "a.s.", "j.l.": "jl.", "jl": "jl.", "a.s": "a.s.", "as": "a.s."}


@dataclass(frozen=True)
class DateMention:
    match: re.Match

    @property
    def day(self) -> int:
        return int(self.match["day"])

    @property
    def month(self) -> int:
        return dutch.MONTHS.index(self.match["month"].lower()) + 1

    @property
    def year(self) -> int | None:
        return int(self.match["year"]) if self.match["year"] else None

    @property
    def relative(self) -> str | None:
        """`jl.` or `a.s.` as meant, whatever the spelling."""
        rel = self.match["rel"]
        return CANONICAL_RELATIVE[rel.lower()] if rel else None

    def on(self, year: int) -> date | None:
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None

    def resolve(self, letter_date: date | None) -> date | None:
        """The date meant: as written, or relative to the letter's date."""
        if self.year is not None:
            return self.on(self.year)
        if letter_date is None:
            return None
        candidates = [
            d
            for y in (letter_date.year - 1, letter_date.year, letter_date.year + 1)
            if (d := self.on(y)) is not None
        ]
        if self.relative == "jl.":
            past = [d for d in candidates if d <= letter_date]
            return max(past) if past else None
        if self.relative == "a.s.":
            coming = [d for d in candidates if d >= letter_date]
            return min(coming) if coming else None
        return min(candidates, key=lambda d: abs((d - letter_date).days)) if candidates else None


def mentions(region: Region) -> Iterator[DateMention]:
    for match in DATE_RE.finditer(region.text):
        yield DateMention(match)


def check_text(region: Region) -> list[Diagnostic]:
    """Rules that need no letter: misspelt jl./a.s., dates in digits, weekdays of full dates."""
    found: list[Diagnostic] = []
    for mention in mentions(region):
        rel = mention.match["rel"]
        if rel and rel != mention.relative:
            start, end = mention.match.span("rel")
            span = region.span(start, end)
            meaning = "aanstaande" if mention.relative == "a.s." else "jongstleden"
            found.append(
                report(
                    "DATE003",
                    span,
                    t("dates.after_date_write", rel=rel, relative=mention.relative, meaning=meaning),
                    fix=Fix(span, mention.relative),
                )
            )
        if mention.year is not None:
            meant = mention.on(mention.year)
            if meant is None:
                found.append(_no_such_date(region, mention))
            found.extend(_weekday(region, mention, meant))
        elif not any(mention.on(year) for year in (2023, 2024)):  # not even in a leap year
            found.append(_no_such_date(region, mention))
    for match in NUMERIC_DATE_RE.finditer(region.text):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
        try:
            written = dutch.long_date(date(year, month, day))
        except ValueError:
            continue
        span = region.span(match.start(), match.end())
        found.append(
            report(
                "DATE004",
                span,
                t("dates.date_digits_write", text=match[0], written=written),
                fix=Fix(span, written),
            )
        )
    return found


def check_for_letter(region: Region, letter_date: date) -> list[Diagnostic]:
    """Rules that depend on the date of the letter the text goes into."""
    found: list[Diagnostic] = []
    for mention in mentions(region):
        if mention.year is None:
            found.extend(_weekday(region, mention, mention.resolve(letter_date), letter_date))
            continue
        meant = mention.on(mention.year)
        if meant is None or mention.relative is None:
            continue
        written = " ".join(mention.match[0].split())
        letter = letter_date
        if mention.relative == "jl." and meant > letter_date:
            found.append(
                report(
                    "DATE002",
                    region.span(*mention.match.span()),
                    t("dates.lies_after_letter_s", written=written, letter=letter),
                    t("dates.write_s_correct_date"),
                )
            )
        elif mention.relative == "a.s." and meant < letter_date:
            found.append(
                report(
                    "DATE002",
                    region.span(*mention.match.span()),
                    t("dates.lies_before_letter_s", written=written, letter=letter),
                    t("dates.write_jl_correct_date"),
                )
            )
    return found


def _no_such_date(region: Region, mention: DateMention) -> Diagnostic:
    start, end = mention.match.span("day")[0], mention.match.span("year" if mention.year else "month")[1]
    written = " ".join(region.text[start:end].split())
    return report(
        "DATE005",
        region.span(start, end),
        t("dates.does_not_exist", written=written),
        t("dates.correct_day_month"),
    )


def _weekday(region: Region, mention: DateMention, meant: date | None, letter_date: date | None = None):
    named = mention.match["weekday"]
    if not named or meant is None or dutch.weekday(meant) == named.lower():
        return []
    start, end = mention.match.span("weekday")[0], mention.match.span("month")[1]
    context = t("dates.in_letter_of", date=letter_date) if letter_date else ""
    return [
        report(
            "DATE001",
            region.span(start, end),
            t(
                "dates.not",
                meant=meant,
                weekday=messages.weekday(meant),
                written_day=named.lower(),
                context=context,
            ),
            t("dates.write_correct_date", weekday=dutch.weekday(meant), day_month=dutch.day_month(meant)),
        )
    ]
