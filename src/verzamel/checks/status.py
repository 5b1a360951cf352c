"""A letter's status and what each status needs: `concept` → `ter-besluitvorming` → `akkoord` →
`verzonden`, with the dates and ids that go with each step, in an order that can have happened."""

from __future__ import annotations

from datetime import date

from ..diagnostics import Diagnostic, Fix, close_matches, report
from ..messages import t
from ..model import STATUSES, Letter, SourceSpan
from ..sources.letters import KAMERSTUK_ID, dotted_value

NEEDS = {
    "ter-besluitvorming": ("beslisnota.aanleiding",),
    "akkoord": ("beslisnota.aanleiding", "akkoord_op"),
    "verzonden": ("beslisnota.aanleiding", "akkoord_op", "verzonden_op"),
}
"""The manifest fields a status cannot do without (dotted keys)."""

FROM = {"akkoord_op": "akkoord", "verzonden_op": "verzonden", "kamerstuk": "verzonden"}
"""Fields that only a letter at (or past) a status can have."""


def check_letter(letter: Letter) -> list[Diagnostic]:
    status = letter.status
    if status not in STATUSES:
        return [_unknown(letter, status)]
    found: list[Diagnostic] = []
    rank = STATUSES.index(status)
    for dotted in NEEDS.get(status, ()):
        if dotted_value(letter.data, dotted) in (None, ""):
            found.append(
                report(
                    "STATUS002",
                    letter.span("status"),
                    t("status.needs", status=status, key=dotted),
                    t(f"status.needs_hint.{dotted.replace('.', '_')}"),
                )
            )
    for key, needed in FROM.items():
        if dotted_value(letter.data, key) is not None and rank < STATUSES.index(needed):
            found.append(
                report(
                    "STATUS004",
                    letter.span(key),
                    t("status.too_early", key=key, status=status, needed=needed),
                    t("status.too_early_hint", needed=needed, key=key),
                )
            )
    found.extend(_order(letter))
    kamerstuk = dotted_value(letter.data, "kamerstuk")
    if kamerstuk is not None and not KAMERSTUK_ID.fullmatch(str(kamerstuk)):
        found.append(
            report(
                "STATUS005",
                letter.span("kamerstuk"),
                t("status.kamerstuk_id", value=kamerstuk),
                t("status.kamerstuk_id_hint"),
            )
        )
    return found


def _unknown(letter: Letter, status: str) -> Diagnostic:
    span = letter.span("status")
    close = close_matches(status.strip().lower().replace(" ", "-"), STATUSES, cutoff=0.7)
    hint = (
        t("status.legacy_definitief")
        if status == "definitief"
        else t("status.choose", statuses=", ".join(STATUSES))
    )
    fix = None
    if close:
        hint = t("status.did_you_mean", status=close[0])
        end = SourceSpan(span.path, span.line, span.column, span.line, span.column + len(status))
        fix = Fix(end, close[0], expected=status)
    return report("STATUS001", span, t("status.unknown", status=status), hint, fix)


def _order(letter: Letter) -> list[Diagnostic]:
    """Decided before the MR met, or sent before it was decided: dates that cannot be."""
    steps = [
        ("ministerraad", letter.ministerraad),
        ("akkoord_op", dotted_value(letter.data, "akkoord_op")),
        ("verzonden_op", dotted_value(letter.data, "verzonden_op")),
    ]
    known = [(key, day) for key, day in steps if isinstance(day, date)]
    found = []
    for (earlier, first), (later, second) in zip(known, known[1:], strict=False):
        if second < first:
            found.append(
                report(
                    "STATUS003",
                    letter.span(later),
                    t("status.order", later=later, second=second, earlier=earlier, first=first),
                    t(f"status.order_hint.{later}"),
                )
            )
    return found
