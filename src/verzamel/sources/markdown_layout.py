"""What the layout containers of the house style may say: `:::: kolommen 68 32` and a table's width."""

from __future__ import annotations

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import SourceSpan
from .markdown_syntax import MAX_COLUMNS, WIDTH


def column_widths(
    args: list[str], columns: int, span: SourceSpan
) -> tuple[tuple[int, ...], list[Diagnostic]]:
    """`:::: kolommen 68 32`: one whole percentage from 1 to 100 per column, together at most
    100. Anything else is MD002 and no widths at all (the columns share the width equally)."""
    if not args:
        return (), []
    wrong = next(
        (arg for arg in args if not WIDTH.fullmatch(arg) or not 1 <= int(arg.rstrip("%")) <= 100), None
    )
    widths = tuple(int(arg.rstrip("%")) for arg in args) if wrong is None else ()
    if wrong is not None:
        problem = t("markdown.width_not_percentage", width=wrong)
    elif len(widths) != columns:
        problem = t("markdown.widths_for_columns", widths=len(widths), columns=columns)
    elif sum(widths) > 100:
        problem = t("markdown.widths_over_100", total=sum(widths))
    else:
        return widths, []
    return (), [report("MD002", span, problem, t("markdown.widths_hint"))]


def too_wide(columns: int, span: SourceSpan) -> list[Diagnostic]:
    """MD003: more columns than a page can hold."""
    if columns <= MAX_COLUMNS:
        return []
    hint = t("markdown.split_table")
    return [
        report("MD003", span, t("markdown.too_many_columns", columns=columns, max_columns=MAX_COLUMNS), hint)
    ]
