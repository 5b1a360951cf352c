"""What looks like a Woo mark, whether or not verzamel reads it as one (deny by default).

verzamel reads exactly two forms, and only in Markdown text (a fragment's body, a footnote, a
prose field of a manifest): `[words]{woo=5.1.2e}` and a `::: {woo=5.1.2i}` … `:::` block. Anything
else that looks like a mark (another spelling, another position, beside other attributes, not
closed, in a title or another plain value) would print the words it was meant to withhold, so it
is an error at its place (WOO006, WOO007). The parser says which look-alikes it read; every other
one found here is reported.
"""

from __future__ import annotations

import re

_WOO = r"w[o0](?:[o0]|b)"
"""`woo`, `Woo`, `WOO`, `w00`, and `wob` (the law before the Woo)."""
_GROUND = r"5\s*\.\s*[12](?:\s*\.\s*\d)?\s*\.?\s*[a-i]?"
"""A ground as it may be written inside braces: `5.1.2e`, `5.1.2.e`, `5.2`."""
_WITHHOLD = r"\bweglak|\bredact|\bniet[- ]openbaar\b"
"""Words for withholding, inside braces: `{weglakken}`, `{.redacted}`, `{niet-openbaar}`."""

LOOKALIKE = re.compile(
    "|".join(
        (
            # braces holding the word woo (or wob), a ground, or words for withholding:
            # {woo=…}, { WOO : …}, {.woo}, {#woo}, {woo}, {.klasse woo=…}, {5.1.2e}, {weglakken}
            rf"\{{[^{{}}\n]*?(?:\b{_WOO}\b|(?<![\w.]){_GROUND}(?![\w.])|{_WITHHOLD})",
            # woo= or woo: 5.1… outside braces: (woo=5.1.2e), [woo=…], woo = "…"
            rf"\b{_WOO}\s*(?:=|:\s*[\"']?5\s*\.)",
            # a fence line naming the woo another way: ::: woo 5.1.2i, :::woo, ::: {.woo}
            rf"(?m:^[ \t>]*:{{3,}}[^\n]*?\b{_WOO}\b)",
            # such a fence in the middle of a line: Brief over ::: woo 5.1.2e
            rf":{{3,}}[ \t]*\{{?[ \t]*\.?{_WOO}\b",
        )
    ),
    re.IGNORECASE,
)
"""Anything that looks like a Woo mark. A match starts where its mark starts (at `{`, at `woo`, or
at the start of a fence line), so a mark the parser read covers the match's start."""


def lookalikes(text: str) -> list[tuple[int, int]]:
    """Where in `text` something looks like a Woo mark: (start, end) offsets."""
    return [(match.start(), match.end()) for match in LOOKALIKE.finditer(text)]


def stray(text: str, read: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The look-alikes in `text` that lie in none of the ranges the parser `read` as marks."""
    return [(start, end) for start, end in lookalikes(text) if not any(a <= start < b for a, b in read)]
