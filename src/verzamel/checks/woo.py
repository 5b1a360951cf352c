"""What the Woo withholds: never in the Kamerbrief, never repeated in public, grounds that fit.

The rules run on each letter's assembled documents, before the public ones are redacted
(`woo.redact`), and on the prose of the sources (names that look like a civil servant's).
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import Document, Letter
from ..woo.grounds import PERSONAL_POLICY_OPINIONS
from ..woo.redact import withheld_passages
from .regions import Region

MIN_WORDS_REPEATED = 2
"""A withheld passage of fewer words (one figure, one word) is not looked for in public text."""

NAME = re.compile(
    r"(?<![\w.])(?:(?:mr|dr|drs|ir|ing|prof)\.\s*)*"
    r"(?:[A-Z]\.\s?){1,4}"
    r"(?:(?:van|de|der|den|ten|ter|te|in ['’]t|van de|van der|van den)\s+)*"
    r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?"
)
WOO_MARK = re.compile(r"\{\s*woo\s*=")
UNDERSTOOD_MARK = re.compile(r"\]\{\s*woo\s*=|^[ \t]*:::+[ \t]*\{\s*woo\s*=", re.MULTILINE)


def check_public(document: Document, letter: Letter) -> list[Diagnostic]:
    """CONF001: a document that may not withhold anything (the Kamerbrief) withholds something."""
    found = []
    for passage in withheld_passages(document):
        if passage.kind == "onderdeel":
            message = t("woo.fragment_not_public", fragment=passage.fragment, kind=document.kind)
            hint = t("woo.fragment_not_public_hint")
        else:
            grounds = ", ".join(passage.grounds) or t("woo.unknown_ground")
            message = t("woo.text_withheld", grounds=grounds, kind=document.kind)
            hint = t("woo.text_withheld_hint", path=letter.path)
        found.append(report("CONF001", passage.span or letter.span("kamerbrief"), message, hint))
    return found


def check_letter(complete: list[Document], public: list[Document]) -> list[Diagnostic]:
    """WOO003 and WOO004 over a letter's documents: `complete` before redaction, `public` after."""
    from ..render.text import render_text

    found: list[Diagnostic] = []
    public_text = {d.kind: _words(render_text(d).decode("utf-8")) for d in public}
    seen = set()
    for document in complete:
        for passage in withheld_passages(document):
            if (passage.span, passage.text) in seen:
                continue
            seen.add((passage.span, passage.text))
            if PERSONAL_POLICY_OPINIONS in passage.grounds and document.kind.startswith("beslisnota"):
                found.append(
                    report(
                        "WOO003",
                        passage.span,
                        t("woo.withheld_as_personal_policy"),
                        t("woo.publish_name_ground_that"),
                    )
                )
            words = _words(passage.text)
            if words.count(" ") + 1 < MIN_WORDS_REPEATED:
                continue
            repeated = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
            for kind, text in sorted(public_text.items()):
                if repeated.search(text):
                    found.append(
                        report(
                            "WOO004",
                            passage.span,
                            t("woo.withheld_text_repeated_which", kind=kind, text=passage.text[:60]),
                            t("woo.withhold_there_too_reword"),
                        )
                    )
    return found


def check_text(region: Region, public: bool) -> list[Diagnostic]:
    """WOO006: a `{woo=…}` mark verzamel does not read; WOO005: a name with initials not withheld."""
    found = []
    understood = {m.end() for m in UNDERSTOOD_MARK.finditer(region.text)}
    for match in WOO_MARK.finditer(region.text):
        if match.end() not in understood:
            found.append(
                report(
                    "WOO006",
                    region.span(match.start(), match.end()),
                    t("woo.this_mark_not_read"),
                    t("woo.mark_words_as_words"),
                )
            )
    if public:
        for match in NAME.finditer(region.text):
            if _inside_mark(region.text, match.start()):
                continue
            found.append(
                report(
                    "WOO005",
                    region.span(match.start(), match.end()),
                    t("woo.looks_like_civil_servant", name=match[0]),
                    t("woo.withhold_name", name=match[0]),
                )
            )
    return found


def _inside_mark(text: str, offset: int) -> bool:
    """Whether `offset` lies inside `[…]{woo=…}` (on the same line)."""
    opening = text.rfind("[", 0, offset)
    closing = text.find("]", offset)
    if opening < 0 or closing < 0 or "\n" in text[opening:closing]:
        return False
    return WOO_MARK.match(text, closing + 1) is not None


def _words(text: str) -> str:
    return " ".join(re.sub(r"\[\d+\]", " ", text).split())
