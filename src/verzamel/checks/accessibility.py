"""What a dossier's reference document lacks for accessible documents: every document made with it
would lack it too, and only its author can add it (in Word).

- ACC005: a picture (the letterhead's logo) without an alternative text, unless marked decorative;
- ACC006: a document language (the document defaults' `w:lang`) that is not Dutch, or none.

Read with zip and a scan of the parts, as checks/templates.py reads a reference (it is well-formed
by then: TPL003 comes first).
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import SourceSpan

PICTURE = re.compile(rb"<(?:\w+:)?docPr\b([^>]*?)(/?)>")
"""A drawing's non-visual properties (`wp:docPr`): its name and alternative text (`descr`)."""
DECORATIVE = re.compile(rb"<(?:\w+:)?decorative\b[^>]*?\bval=([\"'])(1|true)\1")
DEFAULTS = re.compile(rb"<(?:\w+:)?rPrDefault\b.*?</(?:\w+:)?rPrDefault>", re.DOTALL)
LANGUAGE = re.compile(rb"<(?:\w+:)?lang\b[^>]*?\bval=([\"'])(.*?)\1")
PARTS = re.compile(r"word/(?:document|header\d*|footer\d*)\.xml")


def _attribute(name: bytes, attributes: bytes) -> str:
    found = re.search(rb"\b" + name + rb"=([\"'])(.*?)\1", attributes)
    return found[2].decode("utf-8", "replace").strip() if found else ""


def check_reference_accessibility(package, rel: str) -> list[Diagnostic]:
    """ACC005 for each picture of reference document `package` (an open zip) without an alternative
    text, ACC006 when its language is not Dutch; at the reference document `rel`."""
    from ..archive import read_part

    found = []
    for name in sorted(n for n in package.namelist() if PARTS.fullmatch(n)):
        part = read_part(package, name)
        for picture in PICTURE.finditer(part):
            if _attribute(b"descr", picture[1]) or _decorative(part, picture):
                continue
            label = _attribute(b"name", picture[1]) or "?"
            message = t("a11y.reference_picture_without_text", name=label)
            found.append(
                report("ACC005", SourceSpan(rel), message, t("a11y.reference_picture_without_text_hint"))
            )
    defaults = DEFAULTS.search(read_part(package, "word/styles.xml"))
    language = LANGUAGE.search(defaults[0]) if defaults else None
    value = language[2].decode("utf-8", "replace") if language else ""
    if value.lower().partition("-")[0] != "nl":
        message = t("a11y.reference_not_dutch", language=value) if value else t("a11y.reference_no_language")
        found.append(report("ACC006", SourceSpan(rel), message, t("a11y.reference_not_dutch_hint")))
    return found


def _decorative(part: bytes, picture: re.Match) -> bool:
    """Whether the picture is marked decorative (Word 365: an `adec:decorative` in its docPr)."""
    if picture[2]:  # <wp:docPr …/>: nothing inside
        return False
    end = part.find(b"docPr>", picture.end())
    return DECORATIVE.search(part, picture.end(), end if end >= 0 else len(part)) is not None
