"""The leak guard: the last step before a public file is written.

Redaction makes the public documents from a model without the withheld text, so no writer can
print it. The guard does not trust that: it reads the bytes that are about to be written (every
part of a .docx, an HTML page, the text and metadata of a PDF) and looks in them for every
withheld passage of the letter, taken from the complete documents:

- the passage itself, word for word (case, quotes, dashes and spacing aside), or every run of
  `WINDOW` words of a longer one;
- single words that carry the secret on their own: in a short passage (a name, a place, an
  amount), every name-like word and every figure; in a longer one, every figure (a year aside)
  and the surname of every name written with initials;
- the text of a footnote that only withheld text refers to.

A match refuses the file (WOO008 at the passage's source line), and so the whole letter.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import (
    Code,
    Document,
    Heading,
    LineBreak,
    NoteRef,
    SourceSpan,
    Text,
    Withheld,
    WithheldBlock,
    child_blocks,
    leaf_inlines,
)
from .names import PERSON

WINDOW = 8
"""Words per run looked for from a longer withheld passage."""
SHORT = 4
"""A passage of at most this many words (a name, a place, an amount) gives itself away by each of
its names and figures; a longer one (a sentence) by its figures and the surnames in it."""
_COMMON = """de het een en of van in op te ten ter voor met aan door dat die deze dit er is zijn was waren
    wordt worden werd heeft hebben had niet ook als bij naar om uit tot over onder maar dan wel nog
    al zo zal zullen kan kunnen moet moeten mag wij we ik u uw hij zij ze hun haar hem mijn ons
    onze the and of to"""
STOPWORDS = frozenset(_COMMON.split())
"""Words too common to say anything on their own, in whatever case."""
_ONE_FORM = {
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"),
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033"), '"'),
    **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff")),
}
"""Dashes, quotes and invisible characters, each in one form."""
WORD = re.compile(r"\w+")
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
YEAR = re.compile(r"(?:19|20)\d\d")
XML_BREAK = re.compile(r"</w:p>|<w:(?:br|cr|tab)\b[^>]*>|</(?:p|h\d|li|td|th|div|title)>|<br\b[^>]*>", re.I)
TAG = re.compile(r"<[^>]*>")
OTHER_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)")
"""A character reference other than XML's five, which could spell a word in other characters."""


@dataclass(frozen=True)
class Secret:
    """One withheld passage as text, and where it is written in the sources."""

    text: str
    grounds: tuple[str, ...]
    span: SourceSpan | None


@dataclass(frozen=True)
class Needle:
    words: tuple[str, ...]
    """The words looked for, in a row: casefolded, or as written when `exact`."""
    exact: bool
    secret: Secret
    shown: str
    """The words as the secret writes them."""

    @cached_property
    def anchor(self) -> int:
        """Its longest word (most often a rare one), where looking for it starts."""
        return max(range(len(self.words)), key=lambda k: len(self.words[k]))


@dataclass(frozen=True)
class Leak:
    needle: Needle
    file: str
    part: str


def normal(text: str) -> str:
    """`text` as the guard compares it: one form of each character, quote and dash."""
    return unicodedata.normalize("NFKC", text).translate(_ONE_FORM)


# -- what is withheld ----------------------------------------------------------------------------


def secrets(documents: list[Document]) -> list[Secret]:
    """Everything `documents` withhold, as text (a redacted document withholds nothing: it holds
    only the marks)."""
    found: dict[tuple, Secret] = {}
    for document in documents:
        walk = _Walk()
        walk.blocks(document.blocks, None)
        for note in document.notes:
            walk.blocks(note.blocks, None)
            context = walk.notes_inside.get(note.number)
            if context is not None and note.number not in walk.notes_outside:
                walk.add(plain_text(note.blocks), context[0], note.span)
        for secret in walk.found:
            found.setdefault((secret.text, secret.grounds, secret.span), secret)
    return list(found.values())


class _Walk:
    """What `secrets` gathers from one document (a class, not nested functions: see model)."""

    def __init__(self) -> None:
        self.found: list[Secret] = []
        self.notes_inside: dict[int, tuple[tuple[str, ...], SourceSpan | None]] = {}
        self.notes_outside: set[int] = set()

    def add(self, text: str, grounds, span) -> None:
        if text.strip():
            self.found.append(Secret(" ".join(normal(text).split()), tuple(grounds), span))

    def blocks(self, blocks, context) -> None:
        for block in blocks:
            if isinstance(block, WithheldBlock):
                children = block.children
                if block.title and children and isinstance(children[0], Heading):
                    children = children[1:]  # a withheld fragment's title is published in 5.1
                self.add(plain_text(children), block.grounds, block.span)
                self.blocks(block.children, (block.grounds, block.span))
            elif isinstance(block, Heading) or not child_blocks(block):
                for inlines in leaf_inlines((block,)):
                    self.inlines(inlines, context)
            else:
                for children in child_blocks(block):
                    self.blocks(children, context)

    def inlines(self, inlines, context) -> None:
        for inline in inlines:
            if isinstance(inline, Withheld):
                self.add(_plain(inline.children), inline.grounds, inline.span)
                self.inlines(inline.children, (inline.grounds, inline.span))
            elif isinstance(inline, NoteRef) and inline.number is not None:
                if context is None:
                    self.notes_outside.add(inline.number)
                else:
                    self.notes_inside.setdefault(inline.number, context)
            elif hasattr(inline, "children"):
                self.inlines(inline.children, context)


def plain_text(blocks) -> str:
    """The words of `blocks`, withheld ones included, without marks or note numbers."""
    return " ".join(_plain(inlines) for inlines in leaf_inlines(blocks))


def _plain(inlines) -> str:
    parts = []
    for inline in inlines:
        if isinstance(inline, Text | Code):
            parts.append(inline.text)
        elif isinstance(inline, LineBreak | NoteRef):
            parts.append(" ")
        elif hasattr(inline, "children"):
            parts.append(_plain(inline.children))
    return "".join(parts)


# -- what to look for ----------------------------------------------------------------------------


def needles(found: list[Secret]) -> list[Needle]:
    out: dict[tuple, Needle] = {}
    for secret in found:
        spans = [match.span() for match in WORD.finditer(secret.text)]
        words = tuple(secret.text[a:b].casefold() for a, b in spans)
        if not any(_telling(w) for w in words):
            continue
        for i in range(max(len(words) - WINDOW, 0) + 1):
            run = words[i : i + WINDOW]
            shown = secret.text[spans[i][0] : spans[i + len(run) - 1][1]]
            out.setdefault((run, False), Needle(run, False, secret, shown))
        for single, shown in _singles(secret, short=len(words) <= SHORT):
            out.setdefault((single, True), Needle(single, True, secret, shown))
    return list(out.values())


def _telling(word: str) -> bool:
    return any(c.isdigit() for c in word) or (len(word) >= 3 and word.casefold() not in STOPWORDS)


def _singles(secret: Secret, short: bool) -> list[tuple[tuple[str, ...], str]]:
    """The words of a secret that give it away on their own, as written (and as shown): in a
    short one every figure and name-like word, in a longer one figures (a year aside) and the
    surnames of names written with initials."""
    found = []
    for match in FIGURE.finditer(secret.text):
        digits = sum(c.isdigit() for c in match[0])
        if short and digits >= 2 or digits >= 3 and not YEAR.fullmatch(match[0]):
            found.append((tuple(WORD.findall(match[0])), match[0]))
    if short:
        found += [((w,), w) for w in WORD.findall(secret.text) if _name_like(w)]
    else:
        found += [
            ((surname,), surname)
            for surname in (WORD.findall(m[0])[-1] for m in PERSON.finditer(secret.text))
        ]
    return found


def _name_like(word: str) -> bool:
    return len(word) >= 4 and word[0].isupper() and word.casefold() not in STOPWORDS


# -- where to look -------------------------------------------------------------------------------


def file_parts(name: str, data: bytes) -> dict[str, bytes]:
    """A file as it is about to be written, per part (a .docx's zip parts; one part otherwise)."""
    if name.endswith((".docx", ".zip")):
        import zipfile

        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return {part: package.read(part) for part in package.namelist()}
    return {"": data}


class _Part:
    """One part of a file, read as far as the needles need: most needles are ruled out by a look
    for their longest word in the raw text, and only a part that may hold one is read word by word."""

    def __init__(self, pdf: bool, data: bytes) -> None:
        self.pdf, self.data = pdf, data
        raw = "" if pdf else data.decode("utf-8", "replace")
        plain = not pdf and raw.isascii() and not OTHER_ENTITY.search(raw)
        # ASCII with no character references: its normal form and its words are its own
        self.quick = (raw, raw.lower()) if plain else None

    @cached_property
    def words(self) -> tuple[tuple[list[str], frozenset[str]], ...]:
        """The words of the part, as written and casefolded, each with the set of them."""
        text = normal(_pdf_text(self.data) if self.pdf else _markup_text(self.data))
        return tuple(
            (words, frozenset(words)) for words in (WORD.findall(text), WORD.findall(text.casefold()))
        )

    def holds(self, needle: Needle) -> bool:
        """Whether the needle's words stand in the part, in a row."""
        run, anchor, exact = needle.words, needle.anchor, needle.exact
        if self.quick is not None and run[anchor] not in self.quick[not exact]:
            return False
        words, present = self.words[not exact]
        if run[anchor] not in present:
            return False
        starts = [i - anchor for i, word in enumerate(words) if word == run[anchor]]
        return any(i >= 0 and tuple(words[i : i + len(run)]) == run for i in starts)


@lru_cache(maxsize=256)
def _part(pdf: bool, data: bytes) -> _Part:
    """Kept: the parts that come from the house style (styles, theme, fonts) are the same in many
    documents of a build."""
    return _Part(pdf, data)


def _markup_text(data: bytes) -> str:
    """XML or HTML: the text between the tags (runs joined as Word joins them), then the markup
    itself with its tags opened up, so attribute values (alt texts, properties) are read too."""
    raw = data.decode("utf-8", "replace")
    between = TAG.sub("", XML_BREAK.sub(" ", raw))
    return html.unescape(between) + " \n " + html.unescape(re.sub(r"[<>=\"/]", " ", raw))


class Unreadable(Exception):
    """A public file whose text cannot be read back (a PDF without pypdf)."""


def _pdf_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:
        raise Unreadable("pypdf") from None
    reader = PdfReader(io.BytesIO(data))  # pypdf reads the stream with limits of its own
    parts = [page.extract_text() or "" for page in reader.pages]
    parts += [str(value) for value in (reader.metadata or {}).values()]
    xmp = reader.trailer["/Root"].get("/Metadata")
    if xmp is not None:
        parts.append(_markup_text(xmp.get_object().get_data()))
    return "\n".join(parts)


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
                    leak = Leak(needle, name, part_name or "tekst")
                    leaks.setdefault((needle.secret, name, part_name), leak)
    return list(leaks.values())


# -- the guard -----------------------------------------------------------------------------------


def guard(documents: list[Document], files: list[tuple[str, bytes]], letter: SourceSpan) -> list[Diagnostic]:
    """WOO008 for every withheld passage of `documents` (a letter's, complete ones among them)
    found in `files` (the public files about to be written): nothing may be written then."""
    looked_for = needles(secrets(documents))
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
                grounds=", ".join(secret.grounds) or "woo",
                file=name,
                part=leak.part,
                text=leak.needle.shown,
            )
            found.append(report("WOO008", secret.span or letter, message, t("woo.leak_hint")))
    return sorted(dict.fromkeys(found), key=Diagnostic.sort_key)
