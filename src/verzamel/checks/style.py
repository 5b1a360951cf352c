"""House style in running text: footnote markers and punctuation, quotes, double spaces.

What the house style is comes from `house_style:` in verzamel.yaml (see HOUSE_STYLE).
"""

from __future__ import annotations

import re

from ..citations.render import STYLES
from ..diagnostics import Diagnostic, Fix, report
from ..messages import t
from .regions import Region

HOUSE_STYLE = {
    "footnote_marker": ("after_punctuation", "before_punctuation"),
    "quotes": ("typographic", "straight", "any"),
    "citations": STYLES,
    "citation_links": (True, False),
    "footnote_full_stop": (True, False),
}
MARKER = r"\[\^[^\]\s]+\]|\[@[^\]\n]+\]"
MARKER_BEFORE = re.compile(rf"(?P<space> *)(?P<marker>{MARKER})(?P<punct>[.,;:])(?!\S*\]:)")
"""A marker before the punctuation, with the spaces before it: `noot [^x].` becomes `noot.[^x]`."""
MARKER_AFTER = re.compile(rf"(?P<punct>[.,;:])(?P<marker>{MARKER})")
STRAIGHT_QUOTES = re.compile(
    r"(?<![\w\"])\"(?P<inner>[^\"\n]{1,300}?)\"(?![\w])"
    r"|(?<![\w'])'(?P<inner1>[^'\n]{1,300}?)'(?![\w])"
)
TYPOGRAPHIC_QUOTES = re.compile(r"“(?P<inner>[^”\n]{1,300}?)”|‘(?P<inner1>[^’\n]{1,300}?)’")
DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")


def check_text(region: Region, house_style: dict) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    found.extend(_markers(region, house_style.get("footnote_marker", "after_punctuation")))
    quotes = house_style.get("quotes", "typographic")
    if quotes != "any":
        found.extend(_quotes(region, quotes))
    for match in DOUBLE_SPACE.finditer(region.text):
        line_start = region.text.rfind("\n", 0, match.start()) + 1
        if region.text[line_start:].lstrip().startswith("|"):
            continue  # table rows align with spaces
        span = region.span(match.start(), match.end())
        found.append(report("STYLE003", span, t("style.two_more_spaces_between"), fix=Fix(span, " ")))
    return found


def _markers(region: Region, placement: str) -> list[Diagnostic]:
    wrong = MARKER_BEFORE if placement == "after_punctuation" else MARKER_AFTER
    found = []
    for match in wrong.finditer(region.text):
        line_start = region.text.rfind("\n", 0, match.start()) + 1
        if region.text[line_start : match.start()].strip() == "" and match["punct"] == ":":
            continue  # a footnote definition: `[^id]: text`
        in_note = region.footnote_text or region.text.startswith("[^", line_start)
        if match["marker"].startswith("[@") and in_note:
            continue  # a citation inside a footnote's text is written out, not a marker
        span = region.span(match.start(), match.end())
        side = "after" if placement == "after_punctuation" else "before"
        fixed = match["punct"] + match["marker"] if side == "after" else match["marker"] + match["punct"]
        found.append(
            report(
                "STYLE001",
                span,
                t(f"style.marker_goes_{side}", marker=match["marker"], punct=match["punct"]),
                t("style.house_style_set_by"),
                Fix(span, fixed),
            )
        )
    return found


def _quotes(region: Region, wanted: str) -> list[Diagnostic]:
    found = []
    pattern = STRAIGHT_QUOTES if wanted == "typographic" else TYPOGRAPHIC_QUOTES
    for match in pattern.finditer(region.text):
        single = match["inner1"] is not None
        inner = match["inner1"] if single else match["inner"]
        if wanted == "typographic":
            fixed = f"‘{inner}’" if single else f"“{inner}”"
        else:
            fixed = f"'{inner}'" if single else f'"{inner}"'
        span = region.span(match.start(), match.end())
        found.append(
            report(
                "STYLE002",
                span,
                t(
                    "style.has_quotes_house_style",
                    text=match[0],
                    kind=t("style.straight") if wanted == "typographic" else t("style.typographic"),
                    fixed=fixed,
                ),
                t("style.house_style_set_by_2"),
                Fix(span, fixed),
            )
        )
    return found
