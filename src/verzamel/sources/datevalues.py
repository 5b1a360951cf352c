"""A date written the Dutch way where a YAML date belongs: `datum: 18-12-2026`.

YAML reads only `2026-12-18` as a date; anything else is text, and a manifest that says
"must be a date, not text" leaves the user guessing what to write. Here the text is read as a
Dutch date (verzamel.dutch.read_date) and the exact date is suggested; when it can be read one way
only, `check --fix` writes it as JJJJ-MM-DD in place.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace

from .. import messages
from ..diagnostics import Fix
from ..dutch import read_date
from ..messages import t
from ..model import SourceSpan


@dataclass(frozen=True)
class DateAdvice:
    problem: str
    """What is wrong, as the rest of a sentence that starts with the key (`'datum:' moet …`)."""
    hint: str
    fix: Fix | None


def advise(key: str, value: str, span: SourceSpan, file_text: str) -> DateAdvice | None:
    """What to say about a text `value` at `span` where a date belongs; None when it does not read
    as a date at all (the generic 'must be a date' is all there is to say then)."""
    written = read_date(value)
    if written is None:
        return None
    meant = written.meant
    shown = " ".join(value.split())
    if meant is None:
        if not 1 <= written.month <= 12:
            reason = t("date_value.no_month", month=written.month)
        else:
            days = calendar.monthrange(written.year, written.month)[1]
            month = messages.month(written.month)
            reason = t("date_value.days_in_month", month=month, year=written.year, days=days)
        problem = t("date_value.no_such_date", written=shown, reason=reason)
        return DateAdvice(problem, t("date_value.no_such_date_hint"), None)
    iso = meant.isoformat()
    if written.certain:
        fix = _fix(value, span, file_text, iso)
        return DateAdvice(t("date_value.meant", iso=iso), t("date_value.write", key=key, iso=iso), fix)
    if written.short_year:
        hint = t("date_value.short_year", key=key, iso=iso, date=meant)
        return DateAdvice(t("date_value.meant", iso=iso), hint, None)
    return DateAdvice(
        t("date_value.other_weekday", date=meant, weekday=messages.weekday(meant), written=written.weekday),
        t("date_value.other_weekday_hint", key=key, iso=iso),
        None,
    )


def _fix(value: str, span: SourceSpan, file_text: str, iso: str) -> Fix | None:
    """The value replaced by `iso` where it stands, quotes and all, when it is the whole value on
    its line (no flow mapping around it, at most a comment after it)."""
    lines = file_text.split("\n")
    if not 0 < span.line <= len(lines):
        return None
    rest = lines[span.line - 1][span.column - 1 :]
    for raw in (value, f'"{value}"', f"'{value}'"):
        after = rest[len(raw) :] if rest.startswith(raw) else None
        if after is not None and (not after.strip() or after.lstrip().startswith("#") and after[:1] in " \t"):
            end = replace(span, end_line=span.line, end_column=span.column + len(raw))
            return Fix(end, iso, expected=raw, kind="date")
    return None
