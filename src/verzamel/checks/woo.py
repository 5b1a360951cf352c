"""What the Woo withholds: never in the Kamerbrief, never repeated in public, grounds that fit.

The rules run on each letter's assembled documents, before the public ones are redacted
(`woo.redact`), and on the prose of the sources (names that look like a civil servant's).
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, report
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
            message = f"fragment '{passage.fragment}' is not public and cannot go into the {document.kind}"
            hint = "remove it from the letter, or make the fragment public"
        else:
            grounds = ", ".join(passage.grounds) or "an unknown ground"
            message = f"text withheld under {grounds} cannot go into the {document.kind}"
            hint = f"remove the withheld text from this fragment, or the fragment from {letter.path}"
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
                        "withheld as a personal policy opinion (5.2), but the cabinet publishes those in "
                        "beslisnota's (Woo 5.2, third paragraph)",
                        "publish it, or name the ground that really applies",
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
                            f"withheld text is repeated in the {kind}, which is public: "
                            f"'{passage.text[:60]}'",
                            "withhold it there too, or reword one of the two places",
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
                    "this {woo=…} mark is not read, so nothing would be withheld",
                    "mark words as [words]{woo=5.1.2e}, paragraphs with a '::: {woo=5.1.2i}' … ':::' block",
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
                    f"'{match[0]}' looks like a civil servant's name and is not withheld",
                    "if it must not be published: [" + match[0] + "]{woo=5.1.2e}",
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
