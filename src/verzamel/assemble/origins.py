"""Where a document's paragraphs come from: each source file, with a digest of the lines each
of its paragraphs is written on. The .docx carries them (render/docx/provenance.py), so that a
reviewed copy can be traced back to the sources (issue 26).

Digests of paragraphs, not of files and no line numbers: a source edited where no reader sees
it (a comment, a line added above, lines wrapped anew) makes the same document, byte for byte,
as `freeze` expects of a sent letter."""

from __future__ import annotations

import hashlib
import re

from ..model import Heading, Origin, Paragraph
from ..model.walk import iter_blocks
from ..sources import Sources

_WITHHOLDS = re.compile(r"\bwoo\s*[=:]", re.IGNORECASE)
"""A Woo mark (`{woo=5.1.2e}`, `::: {woo=…}`) or a fragment withheld whole (`woo: 5.1.2i`),
read on the raw lines: it errs towards withholding."""


def origins(sources: Sources, blocks, notes) -> tuple[Origin, ...]:
    """An Origin for each source file a paragraph, heading or footnote (`blocks`, `notes`) comes from."""
    fragments = {f.path: f.id for f in sources.fragments.values()}
    every = [*blocks, *(b for note in notes for b in note.blocks)]
    spans = [b.span for b in iter_blocks(every) if isinstance(b, Paragraph | Heading) and b.span]
    spans += [note.span for note in notes]
    digests: dict[str, dict[int, tuple[str, bool]]] = {}
    for span in spans:
        text = sources.texts.get(span.path)
        if text is None:
            continue
        lines = text.split("\n")[span.line - 1 : span.end_line or span.line]
        digests.setdefault(span.path, {})[span.line] = (digest(lines), any(map(_WITHHOLDS.search, lines)))
    return tuple(Origin(path, fragments.get(path), digests[path]) for path in sorted(digests))


def digest(lines: list[str]) -> str:
    """What the .docx carries of a paragraph's source lines: their words, however wrapped."""
    words = " ".join(" ".join(lines).split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]
