"""What the Woo withholds: never in the Kamerbrief, never repeated in public, grounds that fit.

The rules run on each letter's assembled documents, before the public ones are redacted
(`woo.redact`), and on the prose of the sources (names that look like a civil servant's).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import Document, Letter
from ..model.text import document_text
from ..sources import Sources
from ..sources.letters import PROSE_FIELDS
from ..woo.grounds import ATTRIBUTE, PERSONAL_POLICY_OPINIONS
from ..woo.guard import find_leaks
from ..woo.marks import LOOKALIKE
from ..woo.names import PERSON
from ..woo.needles import needles
from ..woo.passages import withheld_passages
from ..woo.secrets import secrets, template_text
from .regions import Region


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
    """WOO003 and WOO004 over a letter's documents: `complete` before redaction, `public` after.
    WOO004 looks for what the leak guard looks for (woo.guard) in the public documents' text, so
    what the guard would refuse at writing is an error in `check` already."""
    found: list[Diagnostic] = []
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
    looked_for = needles(secrets(complete), template_text(complete))
    texts = [(d.kind, document_text(d).encode()) for d in sorted(public, key=lambda d: d.kind)]
    for leak in find_leaks(texts, looked_for):
        secret = leak.needle.secret
        found.append(
            report(
                "WOO004",
                secret.span,
                t("woo.withheld_text_repeated_which", kind=leak.file, text=leak.needle.shown),
                t("woo.withhold_there_too_reword"),
            )
        )
    return found


def check_text(region: Region, public: bool) -> list[Diagnostic]:
    """WOO005: a name with initials that is not withheld. (A Woo mark that is not read as one is
    reported where the text is parsed, WOO006, or where it cannot be parsed, WOO007.)"""
    found = []
    if public:
        for match in PERSON.finditer(region.text):
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


def check_plain_values(sources: Sources) -> list[Diagnostic]:
    """WOO007: a Woo mark in a value that is printed as it stands (a title, betreft, kenmerk, a
    registry fact …): only Markdown text (a fragment's body, a footnote, the prose fields of a
    manifest) can withhold words."""
    found = []
    for letter in sources.letters.values():
        for key, value in _plain_values(letter.data):
            if key not in PROSE_FIELDS:
                found.extend(_not_here(value, key, letter.span(key)))
    for fragment in sources.fragments.values():
        for key, value in _plain_values(fragment.meta):
            found.extend(_not_here(value, key, fragment.meta_spans.get(key.split(".")[0], fragment.span)))
    for note in sources.registry.values():
        for key, value in _plain_values(note.facts):
            found.extend(_not_here(value, key, note.span))
    return found


def _plain_values(data, prefix: str = ""):
    """(dotted key, text) for every string in `data`, lists and mappings included."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _plain_values(value, f"{prefix}{key}" if not prefix else f"{prefix}.{key}")
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _plain_values(value, prefix)
    elif isinstance(data, str):
        yield prefix, data


def _not_here(value: str, key: str, span) -> list[Diagnostic]:
    if not LOOKALIKE.search(value):
        return []
    return [report("WOO007", span, t("woo.not_here", key=key), t("woo.not_here_hint"))]


def _inside_mark(text: str, offset: int) -> bool:
    """Whether `offset` lies inside `[…]{woo=…}` (on the same line)."""
    opening = text.rfind("[", 0, offset)
    closing = text.find("]", offset)
    if opening < 0 or closing < 0 or "\n" in text[opening:closing]:
        return False
    return ATTRIBUTE.match(text, closing + 1) is not None
