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

_IGNORABLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
)
IGNORABLE = re.compile(f"[{_IGNORABLE}]")
"""Characters that show nothing (soft hyphens, joiners, direction marks): a word may hide them."""
_I = f"[{_IGNORABLE}]*"
_WOO = rf"w{_I}[o0]{_I}(?:[o0]|b)"
"""`woo`, `Woo`, `WOO`, `w00`, and `wob` (the law before the Woo), also with invisible characters
between the letters (and Cyrillic or fullwidth look-alikes: see SKELETON)."""
_GROUND = r"5\s*\.\s*[12](?:\s*\.\s*\d)?\s*\.?\s*[a-i]?"
"""A ground as it may be written inside braces: `5.1.2e`, `5.1.2.e`, `5.2`."""
_WITHHOLD = r"\bweglak|\bredact|\bniet[- ]openbaar\b|\bgeheim\b|\bvertrouwelijk|\bconfidential|\bsecret\b"
"""Words for withholding, inside braces: `{weglakken}`, `{.redacted}`, `{niet-openbaar}`, `{geheim}`."""

LOOKALIKE = re.compile(
    "|".join(
        (
            # braces holding the word woo (or wob), a ground, or words for withholding:
            # {woo=…}, { WOO : …}, {.woo}, {#woo}, {woo}, {.klasse woo=…}, {5.1.2e}, {weglakken}
            rf"\{{[^{{}}\n]*?(?:\b{_WOO}\b|(?<![\w.]){_GROUND}(?![\w.])|{_WITHHOLD})",
            # woo= outside braces: (woo=5.1.2e), [woo=…], woo = "5.1.2e"; and [words](woo…) — but not
            # prose such as "Woo = Wet open overheid" or "de gronden uit de Woo: 5.1.2e"
            rf"\b{_WOO}=|\b{_WOO}\s*=\s*[\"']?\d|\][(\[]\s*#?{_WOO}\b",
            # a fence line naming the woo another way: ::: woo 5.1.2i, :::woo, ::: {.woo}, ~~~ woo
            rf"(?m:^[ \t>]*(?::{{3,}}|`{{3,}}|~{{3,}})[^\n]*?\b{_WOO}\b)",
            # such a fence in the middle of a line: Brief over ::: woo 5.1.2e
            rf":{{3,}}[ \t]*\{{?[ \t]*\.?{_WOO}\b",
        )
    ),
    re.IGNORECASE,
)
"""Anything that looks like a Woo mark. A match starts where its mark starts (at `{`, at `woo`, or
at the start of a fence line), so a mark the parser read covers the match's start."""


_LOOKS_LATIN = (
    ("аеорсухіјѕԁһԛԝ", "aeopcyxijsdhqw"),  # Cyrillic
    ("АВЕКМНОРСТХУІЈЅ", "ABEKMHOPCTXYIJS"),
    ("οαρνικ", "oapvik"),  # Greek
    ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"),
    ("".join(map(chr, range(0xFF01, 0xFF5F))), "".join(map(chr, range(0x21, 0x7F)))),  # fullwidth
)
SKELETON = str.maketrans("".join(a for a, _ in _LOOKS_LATIN), "".join(b for _, b in _LOOKS_LATIN))
"""Letters that look like Latin ones, as the Latin ones: one character for one, so offsets stay."""


def lookalikes(text: str) -> list[tuple[int, int]]:
    """Where in `text` something looks like a Woo mark: (start, end) offsets."""
    return [(match.start(), match.end()) for match in LOOKALIKE.finditer(text.translate(SKELETON))]


def stray(text: str, read: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The look-alikes in `text` that lie in none of the ranges the parser `read` as marks."""
    return [(start, end) for start, end in lookalikes(text) if not any(a <= start < b for a, b in read)]
