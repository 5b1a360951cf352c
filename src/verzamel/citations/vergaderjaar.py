"""The parliamentary year: it starts on Prinsjesdag, the third Tuesday of September
(Grondwet art. 65). Written `2024/25` in citations, `2024-2025` in metadata, `20242025` in URLs."""

from __future__ import annotations

from datetime import date, timedelta


def prinsjesdag(year: int) -> date:
    """The third Tuesday of September."""
    first = date(year, 9, 1)
    first_tuesday = first + timedelta(days=(1 - first.weekday()) % 7)
    return first_tuesday + timedelta(days=14)


def vergaderjaar_of(day: date) -> tuple[int, int]:
    """The vergaderjaar a date falls in, as (first year, second year)."""
    start = day.year if day >= prinsjesdag(day.year) else day.year - 1
    return start, start + 1


def short(vj: tuple[int, int]) -> str:
    """`2024/25` (Aanwijzingen voor de regelgeving 3.43)."""
    return f"{vj[0]}/{vj[1] % 100:02d}"


def long(vj: tuple[int, int]) -> str:
    """`2024-2025`."""
    return f"{vj[0]}-{vj[1]}"


def compact(vj: tuple[int, int]) -> str:
    """`20242025`, as in ids and URLs."""
    return f"{vj[0]}{vj[1]}"


def parse(first: str, second: str) -> tuple[int, int] | None:
    """`2024` and `25` (or `2025`) -> (2024, 2025); None when the second is not the next year."""
    start = int(first)
    end = int(second)
    if len(second) == 2:
        end = (start // 100) * 100 + end
        if end < start:
            end += 100
    return (start, end) if end == start + 1 else None
