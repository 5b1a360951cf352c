"""House style in running text: footnote markers and punctuation, quotes and apostrophes, double
spaces.

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
_ELIDED = r"(?:[stn]|\d\d)\b"
"""What follows an apostrophe that starts a word: 's-Gravenhage, 's avonds, 't, 'n, '25."""
APOSTROPHE_WORD = re.compile(rf"(?<![\w'‘’])['’]{_ELIDED}(?:-\w+)*|\b\w+(?:['’]\w+)+")
"""A word with an apostrophe in it (risico's, zo'n, auto's) or before it ('s-Gravenhage, 't)."""
STRAIGHT_QUOTES = re.compile(
    r"(?<![\w\"])\"(?P<inner>[^\"\n]{1,300}?)\"(?![\w])"
    rf"|(?<![\w'])'(?!{_ELIDED})"
    rf"(?P<inner1>(?:[^'\n]|(?<=\w)'(?=\w)|(?<![\w'])'(?={_ELIDED})){{1,300}}?)'(?!\w)"
)
"""Quotes, straight; an apostrophe in a word inside single quotes ('de risico's') is no quote."""
TYPOGRAPHIC_QUOTES = re.compile(
    r"“(?P<inner>[^”\n]{1,300}?)”"
    rf"|‘(?P<inner1>(?:[^’\n]|(?<=\w)’(?=\w)|(?<![\w‘’])’(?={_ELIDED})){{1,300}}?)’(?!\w)"
)
DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")


def check_text(region: Region, house_style: dict) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    found.extend(_markers(region, house_style.get("footnote_marker", "after_punctuation")))
    quotes = house_style.get("quotes", "typographic")
    if quotes != "any":
        other = STRAIGHT_QUOTES if quotes == "typographic" else TYPOGRAPHIC_QUOTES
        quoted = list(other.finditer(region.text))
        found.extend(_quotes(region, quotes, quoted))
        found.extend(_apostrophes(region, quotes, [match.span() for match in quoted]))
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


def _quotes(region: Region, wanted: str, quoted: list[re.Match]) -> list[Diagnostic]:
    """STYLE002: each quoted passage in `quoted` (the quotes that are not the house style's)."""
    found = []
    for match in quoted:
        single = match["inner1"] is not None
        inner = _apostrophes_as(wanted, match["inner1"] if single else match["inner"])
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


def _apostrophes(region: Region, wanted: str, quoted: list[tuple[int, int]]) -> list[Diagnostic]:
    """STYLE004: an apostrophe of the other kind than the quotes of the house style, one report per
    word; in a passage STYLE002 reports (`quoted`: from, to), that fix sets the apostrophes too."""
    found = []
    wrong = "'" if wanted == "typographic" else "’"
    for match in APOSTROPHE_WORD.finditer(region.text):
        if wrong not in match[0] or any(start < match.end() and match.start() < end for start, end in quoted):
            continue
        span = region.span(match.start(), match.end())
        fixed = _apostrophes_as(wanted, match[0])
        kind = t("style.straight") if wanted == "typographic" else t("style.typographic")
        message = t("style.apostrophe", word=match[0], kind=kind, fixed=fixed)
        fix = Fix(span, fixed, expected=match[0])  # not where a YAML escape ('') writes the apostrophe
        found.append(report("STYLE004", span, message, t("style.house_style_set_by_2"), fix))
    return found


def _apostrophes_as(wanted: str, text: str) -> str:
    """`text` with the apostrophes in its words as the house style writes them."""
    wrong, right = ("'", "’") if wanted == "typographic" else ("’", "'")
    return APOSTROPHE_WORD.sub(lambda match: match[0].replace(wrong, right), text)
