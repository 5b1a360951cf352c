"""Each paragraph of a reviewed document traced to where its text is written now.

The map of the document names a paragraph's source file and a digest of its lines as built
(sources/origins.py). The file is read as it is now: the paragraph whose lines have that digest
is where the reviewer's words stand (of paragraphs written alike, the one in the same place among
them as in the document); when none has (the source moved on since the build), the paragraph of
that file nearest in words that no other paragraph of the document still has as it was. Text the
template wrote, and a citation the house style wrote from a registry entry, are traced to the
template or the entry, where a change must be made by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model import Heading, LineBreak, NoteRef, Paragraph, Redaction, SourceSpan, Text, Withheld
from ..model.text import woo_marks
from ..sources.origins import digest, lines_of, paragraphs_of
from .reviewed import NOTE, Reviewed, ReviewedParagraph

NEAREST = 0.6
"""How alike (difflib's ratio) a paragraph of the file must be to the built one to be taken for it
once the file moved on."""


@dataclass
class Traced:
    paragraph: ReviewedParagraph
    kind: str
    """"source" (written back), "template", "value" (a manifest value the template printed),
    "citation" (made from a registry entry: changed by hand there), "unmarked" (no bookmark: a
    paragraph the reviewer added), "gone" (its source file no longer has it) or "ambiguous" (the
    file has it another number of times than when the document was made)."""
    path: str = ""
    span: SourceSpan | None = None
    """Where the paragraph is written now (the template or entry for the others)."""
    current: str = ""
    """Its text as the source reads now, as the document shows it."""
    lines: str = ""
    """The source lines it is written on, joined."""
    moved_on: bool = False
    """No paragraph of the file has the words it was built from: its source changed since."""


def trace(reviewed: Reviewed, sources, project) -> list[Traced]:
    document = _Document(reviewed, sources)
    traced: list[Traced] = []
    first: dict[str, Traced] = {}
    for paragraph in reviewed.paragraphs:
        if paragraph.name:
            item = _one(reviewed, sources, paragraph, project, document)
            first.setdefault(paragraph.name, item)
        else:
            item = Traced(paragraph, "unmarked", span=_after(first.get(paragraph.after)))
        traced.append(item)
    return traced


class _Document:
    """What tracing one paragraph needs to know of the others of the document, and of the source
    files they name, each read once."""

    def __init__(self, reviewed: Reviewed, sources):
        self.sources = sources
        self.alike = _alike(reviewed.entries)
        self._files: dict[str, tuple[list, dict[SourceSpan, str]]] = {}
        carried: dict[str, set[str]] = {}
        for entry in reviewed.entries.values():
            if entry.get("digest") and "path" in entry:
                carried.setdefault(entry["path"], set()).add(entry["digest"])
        self.claimed: dict[str, set[SourceSpan]] = {}
        """For each source file: its paragraphs that a paragraph of the document still matches by
        digest. A paragraph whose file moved on is never taken for one of those."""
        for path, digests in carried.items():
            self.claimed[path] = {span for span, lines in self.digests(path).items() if lines in digests}
        self.orphans: dict[str, list[ReviewedParagraph]] = {}
        """For each source file: the paragraphs of the document whose lines it no longer has as
        they were (the officer edited them since the build)."""
        for paragraph in reviewed.paragraphs:
            entry = reviewed.entries.get(paragraph.name, {})
            path = entry.get("path", "")
            if entry.get("digest") and entry["digest"] not in self.digests(path).values():
                self.orphans.setdefault(path, []).append(paragraph)

    def paragraphs(self, path: str) -> list:
        """The paragraphs of the file `path` (sources.origins.paragraphs_of)."""
        return self._file(path)[0]

    def digests(self, path: str) -> dict[SourceSpan, str]:
        """For each paragraph of the file `path`: the digest of the lines it is written on now."""
        return self._file(path)[1]

    def written_at(self, path: str, carried: str) -> list[SourceSpan]:
        """Where in the file a paragraph is written whose lines have the digest `carried`, in the
        order of the file (empty: the file moved on)."""
        return sorted(span for span, lines in self.digests(path).items() if lines == carried)

    def _file(self, path: str) -> tuple[list, dict[SourceSpan, str]]:
        if path not in self._files:
            text = self.sources.texts.get(path)
            found = paragraphs_of(self.sources, path) if text is not None else []
            self._files[path] = (found, {span: digest(lines_of(text, span)) for span, _ in found})
        return self._files[path]

    def nearest(self, paragraph: ReviewedParagraph, path: str, items) -> tuple[SourceSpan, str] | None:
        """The paragraph of the file (span, words) nearest in words to `paragraph` as built, of
        those no paragraph of the document still matches, and to which no other paragraph of the
        document that the file no longer has is nearer."""
        taken, others = self.claimed.get(path, set()), self.orphans.get(path, [])
        scored = sorted(
            ((_likeness(paragraph.built, words), at, words) for at, words in items if at not in taken),
            key=lambda s: s[0],
            reverse=True,
        )
        for score, at, words in scored:
            if score < NEAREST:
                return None
            if all(_likeness(o.built, words) <= score for o in others if o is not paragraph):
                return at, words
        return None


def _likeness(one: str, other: str) -> float:
    """How alike two texts are: difflib's ratio, 1.0 for the same."""
    return SequenceMatcher(None, one, other).ratio()


def _alike(entries: dict[str, dict[str, str]]) -> dict[str, tuple[int, int]]:
    """For each paragraph of the map: which of the paragraphs with its source and digest it is (in
    the order of the document, which is that of the file), and how many there are. Of footnotes
    written alike none is told: they are numbered as the text refers to them, which need not be
    the order the file defines them in (-1)."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for name, entry in entries.items():
        if entry.get("digest"):
            key = (entry.get("path", ""), entry["digest"], entry.get("part", "body"))
            groups.setdefault(key, []).append(name)
    return {
        name: (-1 if key[2] == "footnote" and len(names) > 1 else n, len(names))
        for key, names in groups.items()
        for n, name in enumerate(names)
    }


def _one(reviewed: Reviewed, sources, paragraph: ReviewedParagraph, project, document: _Document) -> Traced:
    entry = reviewed.entries.get(paragraph.name)
    if entry is None:
        return Traced(paragraph, "unmarked")
    if "template" in entry:
        return _value(reviewed, sources, paragraph) or _template(paragraph, entry["template"], project)
    path = entry.get("path", "")
    text = sources.texts.get(path)
    if text is None:
        return Traced(paragraph, "gone", path)
    found = document.written_at(path, entry["digest"]) if entry.get("digest") else []
    if entry.get("made") == "citation":
        return Traced(paragraph, "citation", path, found[0] if found else SourceSpan(path))
    items = [(span, shown(item)) for span, item in document.paragraphs(path) if item != ""]
    nth, count = document.alike.get(paragraph.name, (0, 1))
    if found and (len(found) != count or nth < 0):  # added or removed since, or footnotes alike
        return Traced(paragraph, "ambiguous", path, found[0])
    if found:
        span = found[nth]
        current = next((words for at, words in items if at == span), paragraph.built)
    else:
        nearest = document.nearest(paragraph, path, items)
        if nearest is None:
            return Traced(paragraph, "gone", path)
        span, current = nearest
    return Traced(paragraph, "source", path, span, current, "\n".join(lines_of(text, span)), not found)


def _template(paragraph: ReviewedParagraph, name: str, project) -> Traced:
    """Text the template wrote: at the template's line that holds its first words, if one does."""
    rel = f"templates/{name}"
    try:
        text = project.find_template(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, LookupError):
        return Traced(paragraph, "template", rel, SourceSpan(rel))
    words = " ".join(paragraph.built.split()[:4])
    line = next((n for n, written in enumerate(text.split("\n"), 1) if words and words in written), 1)
    return Traced(paragraph, "template", rel, SourceSpan(rel, line))


def _value(reviewed: Reviewed, sources, paragraph: ReviewedParagraph) -> Traced | None:
    """Words the template printed from the letter's manifest (betreft, kenmerk, a name): at the
    manifest's line that holds the words the reviewer changed."""
    letter = sources.letters.get(reviewed.letter)
    text = sources.texts.get(letter.path) if letter is not None else None
    changed = [c.deleted.strip() for c in paragraph.changes if len(c.deleted.strip()) > 2]
    if text is None or not changed:
        return None
    for number, line in enumerate(text.split("\n"), 1):
        if changed[0] in line and not line.lstrip().startswith("#"):
            return Traced(
                paragraph, "value", letter.path, SourceSpan(letter.path, number, line.index(changed[0]) + 1)
            )
    return None


def _after(before: Traced | None) -> SourceSpan | None:
    """Where a paragraph the reviewer added goes: after the marked one before it."""
    span = before.span if before is not None else None
    return SourceSpan(span.path, span.end_line or span.line) if span is not None else None


def shown(item) -> str:
    """A paragraph, heading or title as the .docx shows its text (render/docx/writer.py): a
    footnote reference as NOTE, a withheld passage with its mark after it."""
    if isinstance(item, str):
        return item
    if isinstance(item, Heading | Paragraph):
        return shown_inlines(item.inlines)
    return ""


def shown_inlines(inlines) -> str:
    out = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(inline.text)
        elif isinstance(inline, LineBreak):
            out.append("\n")
        elif isinstance(inline, NoteRef):
            out.append(NOTE)
        elif isinstance(inline, Withheld):
            out.append(f"{shown_inlines(inline.children)} {woo_marks(inline.grounds)}")
        elif isinstance(inline, Redaction):
            out.append(woo_marks(inline.grounds))
        elif hasattr(inline, "children"):
            out.append(shown_inlines(inline.children))
        elif hasattr(inline, "text"):  # code
            out.append(inline.text)
    return "".join(out)
