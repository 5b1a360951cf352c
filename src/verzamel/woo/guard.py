"""The leak guard: the last step before a public file is written.

Redaction makes the public documents from a model without the withheld text, so no writer can
print it. The guard does not trust that: it reads the bytes that are about to be written (every
part of a .docx, an HTML page, the text of a PDF and every text string of its objects) and looks
in them for what the letter withholds (woo.secrets), in the forms woo.needles describes. A match
refuses the file (WOO008 at the passage's source line), and so the whole letter.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import Document, SourceSpan
from .needles import WORD, Needle, needles, normal
from .secrets import secrets, template_text

XML_BREAK = re.compile(r"</w:p>|<w:(?:br|cr|tab)\b[^>]*>|</(?:p|h\d|li|td|th|div|title)>|<br\b[^>]*>", re.I)
TAG = re.compile(r"<[^>]*>")
COMMENT = re.compile(r"<!--(.*?)-->", re.S)
"""A comment in XML or HTML: not shown, but read by anyone who opens the file."""
TEXT_ATTRIBUTE = re.compile(
    r"""\s(?:descr|title|alt|Target|href|content|name)\s*=\s*(?:"([^"]*)"|'([^']*)')"""
)
"""Attributes whose value a reader of the file sees or follows: to the quote that closes it, so an
apostrophe inside (descr="het huis van d'Ancona") does not end it."""


@dataclass(frozen=True)
class Leak:
    needle: Needle
    file: str
    part: str


# -- where to look -------------------------------------------------------------------------------


def file_parts(name: str, data: bytes) -> dict[str, bytes]:
    """A file as it is about to be written, per part (a .docx's zip parts; one part otherwise)."""
    if name.endswith((".docx", ".zip")):
        import zipfile

        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return {part: package.read(part) for part in package.namelist()}
    return {"": data}


class _Part:
    """One part of a file in its normal form, split into words only when a needle's longest word
    is in its text at all (most needles are ruled out by that one search)."""

    def __init__(self, pdf: bool, data: bytes) -> None:
        text = normal(_pdf_text(data) if pdf else _markup_text(data))
        self.texts = (text, text.casefold())

    @cached_property
    def words(self) -> tuple[list[str], list[str]]:
        """The words of the part, as written and casefolded."""
        return WORD.findall(self.texts[0]), WORD.findall(self.texts[1])

    def holds(self, needle: Needle) -> bool:
        """Whether the needle's words stand in the part, in a row."""
        run, anchor, form = needle.words, needle.anchor, 0 if needle.exact else 1
        if run[anchor] not in self.texts[form]:
            return False
        words = self.words[form]
        starts = [i - anchor for i, word in enumerate(words) if word == run[anchor]]
        return any(i >= 0 and tuple(words[i : i + len(run)]) == run for i in starts)


@lru_cache(maxsize=256)
def _part(pdf: bool, data: bytes) -> _Part:
    """Kept: the parts that come from the house style (styles, theme, fonts) are the same in many
    documents of a build."""
    return _Part(pdf, data)


def _markup_text(data: bytes) -> str:
    """XML or HTML: the text between the tags (runs joined as Word joins them) and in comments,
    then the values of the attributes that hold text a reader sees (alt texts, titles, link
    addresses). Attributes of layout (sizes, fonts, colours) are not text: `w:after="120"` is no
    figure of a letter."""
    raw = data.decode("utf-8", "replace")
    between = TAG.sub("", XML_BREAK.sub(" ", COMMENT.sub(lambda comment: f" {comment[1]} ", raw)))
    shown = " ".join(match[1] or match[2] or "" for match in TEXT_ATTRIBUTE.finditer(raw))
    return html.unescape(between) + " \n " + html.unescape(shown)


class Unreadable(Exception):
    """A public file whose text cannot be read back (a PDF without pypdf)."""


def _pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:
        raise Unreadable("pypdf") from None
    reader = PdfReader(io.BytesIO(data))  # pypdf reads the stream with limits of its own
    parts = [page.extract_text() or "" for page in reader.pages]
    parts += _pdf_strings(reader.trailer)
    xmp = reader.trailer["/Root"].get("/Metadata")
    if xmp is not None:
        parts.append(_markup_text(xmp.get_object().get_data()))
    return "\n".join(parts)


def _pdf_strings(trailer) -> list[str]:
    """Every text string of the PDF's objects, besides the page text: its metadata, the address of
    each link, its bookmarks, the alternative texts and titles in its structure tree."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, TextStringObject

    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    waiting = [trailer]
    while waiting:
        item = waiting.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, TextStringObject):
            found.append(str(item))
        elif isinstance(item, DictionaryObject):  # a stream's dictionary, not its data
            waiting.extend(item.values())
        elif isinstance(item, ArrayObject):
            waiting.extend(item)
    return found


def find_leaks(files: list[tuple[str, bytes]], looked_for: list[Needle]) -> list[Leak]:
    """Where in `files` the needles are: one leak per secret, file and part."""
    if not looked_for:
        return []
    leaks: dict[tuple, Leak] = {}
    for name, data in files:
        for part_name, part_data in file_parts(name, data).items():
            part = _part(name.endswith(".pdf"), part_data)
            for needle in looked_for:
                if part.holds(needle):
                    leak = Leak(needle, name, part_name or t("woo.the_text"))
                    leaks.setdefault((needle.secret, name, part_name), leak)
    return list(leaks.values())


# -- the guard -----------------------------------------------------------------------------------


def guard(documents: list[Document], files: list[tuple[str, bytes]], letter: SourceSpan) -> list[Diagnostic]:
    """WOO008 for every withheld passage of `documents` (a letter's, complete ones among them)
    found in `files` (the public files about to be written): nothing may be written then."""
    looked_for = needles(secrets(documents), template_text(documents))
    found: list[Diagnostic] = []
    for name, data in files:
        try:
            leaks = find_leaks([(name, data)], looked_for)
        except Unreadable as exc:
            found.append(
                report(
                    "WOO008",
                    letter,
                    t("woo.leak_unchecked", file=name, reason=exc),
                    t("woo.leak_unchecked_hint"),
                )
            )
            continue
        for leak in leaks:
            secret = leak.needle.secret
            message = t(
                "woo.leak",
                grounds=", ".join(secret.grounds) or t("woo.unknown_ground"),
                file=name,
                part=leak.part,
                text=leak.needle.shown,
            )
            found.append(report("WOO008", secret.span or letter, message, t("woo.leak_hint")))
    return sorted(dict.fromkeys(found), key=Diagnostic.sort_key)
