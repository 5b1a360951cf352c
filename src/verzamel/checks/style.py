"""House style in running text: footnote markers and punctuation, quotes, double spaces.

What the house style is comes from `house_style:` in verzamel.yaml (see HOUSE_STYLE).
"""

from __future__ import annotations

import re

from ..citations.render import STYLES
from ..diagnostics import Diagnostic, Fix, report
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
        found.append(report("STYLE003", span, "two or more spaces between words", fix=Fix(span, " ")))
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
                f"the footnote marker {match['marker']} goes {side} the '{match['punct']}'",
                "the house style is set by house_style.footnote_marker in verzamel.yaml",
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
                f"{match[0]} has {'straight' if wanted == 'typographic' else 'typographic'} "
                f"quotes: the house style writes {fixed}",
                "the house style is set by house_style.quotes in verzamel.yaml",
                Fix(span, fixed),
            )
        )
    return found
