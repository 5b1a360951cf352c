"""Where a document's paragraphs come from: each source file, with a digest of the lines each
of its paragraphs is written on. The .docx of a draft carries them (render/docx/provenance.py), so
that a reviewed copy can be traced back to the sources (`verzamel feedback`, feedback/trace.py).

Digests of paragraphs, not of files and no line numbers: a source edited where no reader sees
it (a comment, a line added above, lines wrapped anew) makes the same document, byte for byte,
as `freeze` expects of a sent letter."""

from __future__ import annotations

import hashlib
import re

from ..model import Heading, Origin, Paragraph, SourceSpan
from ..model.walk import iter_blocks
from . import Sources

_WITHHOLDS = re.compile(r"\bwoo\s*[=:]", re.IGNORECASE)
"""A Woo mark (`{woo=5.1.2e}`, `::: {woo=…}`) or a fragment withheld whole (`woo: 5.1.2i`),
read on the raw lines: it errs towards withholding."""


def origins(sources: Sources, blocks, notes) -> tuple[Origin, ...]:
    """An Origin for each source file a paragraph, heading or footnote (`blocks`, `notes`) comes from."""
    fragments = {f.path: f.id for f in sources.fragments.values()}
    every = [*blocks, *(b for note in notes for b in note.blocks)]
    spans = [*_spans(every), *(note.span for note in notes)]
    digests: dict[str, dict[int, tuple[str, bool]]] = {}
    for span in spans:
        text = sources.texts.get(span.path)
        if text is None:
            continue
        lines = lines_of(text, span)
        digests.setdefault(span.path, {})[span.line] = (digest(lines), any(map(_WITHHOLDS.search, lines)))
    return tuple(Origin(path, fragments.get(path), digests[path]) for path in sorted(digests))


def paragraphs_of(sources: Sources, path: str) -> list[tuple[SourceSpan, Heading | Paragraph | str]]:
    """`paragraphs_in` the file `path` as the sources read it."""
    fragments = [f for f in sources.all_fragments() if f.path == path]
    notes = [n for n in sources.registry.values() if n.span.path == path]
    return paragraphs_in(path, fragments, notes)


def paragraphs_in(path: str, fragments, notes) -> list[tuple[SourceSpan, Heading | Paragraph | str]]:
    """Each paragraph and heading of `fragments` and footnotes (theirs and `notes`) written in
    `path`, with where; a fragment's title (its heading in a letter) as its text, and a citation
    the house style writes from a registry entry as its key with "" ."""
    notes = [*notes, *(n for f in fragments for n in f.notes.values())]
    found: list[tuple[SourceSpan, Heading | Paragraph | str]] = []
    for fragment in fragments:
        if fragment.title and "title" in fragment.meta_spans:
            found.append((fragment.meta_spans["title"], fragment.title))
        found += [(b.span, b) for b in _blocks(fragment.blocks)]
    for note in notes:
        blocks = _blocks(note.blocks)
        found += [(b.span, b) for b in blocks] if blocks else [(note.span, "")]  # "": a citation
    return sorted((item for item in found if item[0].path == path), key=lambda item: item[0])


def _blocks(blocks) -> list:
    return [b for b in iter_blocks(blocks) if isinstance(b, Paragraph | Heading) and b.span]


def _spans(blocks) -> list[SourceSpan]:
    return [b.span for b in _blocks(blocks)]


def lines_of(text: str, span: SourceSpan) -> list[str]:
    """The lines a paragraph is written on (a heading, a registry entry: its one line or more)."""
    return text.split("\n")[span.line - 1 : span.end_line or span.line]


def digest(lines: list[str]) -> str:
    """What the .docx carries of a paragraph's source lines: their words, however wrapped."""
    words = " ".join(" ".join(lines).split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]
