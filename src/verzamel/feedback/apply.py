"""The reviewer's tracked changes written into the source texts, paragraph by paragraph.

A paragraph's changes are made together or not at all: after the edits the file is read again
(as `build` reads it) and the edits are kept only when that paragraph now reads as the reviewer
left it and every other paragraph of the file as before. Nothing is written here: the caller
writes the new texts, all of them or none.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import SourceSpan
from ..sources import read_text_as_source
from ..sources.origins import paragraphs_in
from .merge import Conflict, applied, reviewed_text, source_edits, to_current, where_in
from .reviewed import Change
from .trace import Traced, shown


@dataclass
class NotApplied:
    traced: Traced
    change: Change
    reason: str
    """"conflict" (the source moved on there), "markup" (it would cut through markup or does not
    read back as reviewed), "structure" (a paragraph split or joined, a line break, a footnote
    reference added), "move" (the other end of moved text cannot go back), "template", "value",
    "citation", "unmarked", "gone"."""
    span: SourceSpan
    others: int = 0
    """How many other changes of the same paragraph were left with it."""


@dataclass
class Written:
    texts: dict[str, str]
    """The new text of every source file that changes."""
    applied: list[tuple[Traced, Change, SourceSpan]]
    not_applied: list[NotApplied]


def apply_changes(project, sources, traced: list[Traced]) -> Written:
    """A move goes back whole: when a paragraph that holds one end of it is refused, the paragraphs
    that hold its other end are held back too (else the text would stand at both places)."""
    held: set[int] = set()
    while True:
        written = _written(project, sources, traced, held)
        refused = {c.move for r in written.not_applied for c in r.traced.paragraph.changes if c.move}
        more = {
            id(item) for item, _, _ in written.applied if refused & {c.move for c in item.paragraph.changes}
        }
        if not more:
            return written
        held |= more


def _written(project, sources, traced: list[Traced], held: set[int]) -> Written:
    """The changes written into the source texts; the paragraphs in `held` (by id) are not."""
    texts: dict[str, str] = {}
    done: list[tuple[Traced, Change, SourceSpan]] = []
    refused: list[NotApplied] = []
    by_path: dict[str, list[Traced]] = {}
    for item in traced:
        if not item.paragraph.changes:
            continue
        if item.kind != "source":
            span = item.span or SourceSpan(item.path or "?")
            refused += [NotApplied(item, change, item.kind, span) for change in item.paragraph.changes]
        else:
            by_path.setdefault(item.path, []).append(item)
    for path, items in sorted(by_path.items()):
        text = sources.texts[path]
        seen: dict[SourceSpan, str] = {}
        for item in sorted(items, key=lambda i: i.span.line, reverse=True):  # lines above stay put
            if item.span in seen:  # the same text reviewed in two documents (a shared fragment)
                if seen[item.span] != item.paragraph.reviewed:
                    change = item.paragraph.changes[0]
                    refused.append(NotApplied(item, change, "conflict", place(item, change.start)))
                continue
            seen[item.span] = item.paragraph.reviewed
            outcome = _held(item) if id(item) in held else _paragraph(project, path, text, item)
            if isinstance(outcome, NotApplied):
                refused.append(outcome)
                continue
            text, places = outcome
            done += [(item, change, place) for change, place in places]
        if text != sources.texts[path]:
            texts[path] = text
    return Written(texts, sorted(done, key=lambda d: d[2]), refused)


def _paragraph(project, path: str, text: str, item: Traced):
    paragraph = item.paragraph
    changes = paragraph.changes
    try:
        if paragraph.split:  # the paragraph mark is its last change
            raise Conflict("structure", changes[-1], changes[-1].start)
        expected, moved = reviewed_text(item.current, paragraph.built, changes)
        places = [place(item, to_current(paragraph.built, item.current, c.start)) for c in changes]
        for edits in source_edits(item.current, item.lines, moved, path.endswith(".md")):
            new = _with_lines(text, item.span, applied(item.lines, edits))
            if _reads_as(project, path, new, _expected(project, path, text, item.span, expected)):
                return new, list(zip(changes, places, strict=True))
        raise Conflict("markup", changes[0], moved[0].start if moved else 0)
    except Conflict as conflict:
        at = place(item, min(conflict.at, len(item.current)))
        return NotApplied(item, conflict.change, conflict.reason, at, len(changes) - 1)


def _held(item: Traced) -> NotApplied:
    """A paragraph held back because the other end of text moved into or out of it is."""
    changes = item.paragraph.changes
    change = next(c for c in changes if c.move)
    at = place(item, to_current(item.paragraph.built, item.current, change.start))
    return NotApplied(item, change, "move", at, len(changes) - 1)


def place(item: Traced, at: int) -> SourceSpan:
    """Where character `at` of the paragraph's current text is written in its source file."""
    offset = where_in(item.current, item.lines, at)
    before = item.lines[:offset]
    line = item.span.line + before.count("\n")
    column = offset - before.rfind("\n") if "\n" in before else offset + 1
    return SourceSpan(item.path, line, column)


def _with_lines(text: str, span: SourceSpan, lines: str) -> str:
    all_lines = text.split("\n")
    end = span.end_line or span.line
    return "\n".join([*all_lines[: span.line - 1], lines, *all_lines[end:]])


def _shown_paragraphs(project, path: str, text: str) -> list[tuple[SourceSpan, str]]:
    """Each paragraph of the file read from `text`, its words as the .docx shows them (spaces at
    its ends and runs of them do not count: Markdown and Word each make their own)."""
    fragments, notes = read_text_as_source(project, path, text)
    return [(span, _words(shown(item))) for span, item in paragraphs_in(path, fragments, notes)]


def _words(text: str) -> str:
    return " ".join(text.split())


def _expected(project, path: str, text: str, span: SourceSpan, words: str) -> list[str]:
    return [_words(words) if at == span else now for at, now in _shown_paragraphs(project, path, text)]


def _reads_as(project, path: str, text: str, expected: list[str]) -> bool:
    return [words for _, words in _shown_paragraphs(project, path, text)] == expected
