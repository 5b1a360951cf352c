"""The reviewer's tracked changes written into the source texts, paragraph by paragraph.

A paragraph's changes are made together or not at all: after the edits the file is read again
(as `build` reads it) and the edits are kept only when that paragraph now reads as the reviewer
left it and every other paragraph of the file as before. Where the file withholds words under the
Woo, every withheld passage must still be there, on the same grounds and not emptied, and every
way of making the edits that reads back right must withhold the same words: the document shows a
passage's mark after it, not where it starts, so words typed at its start could belong in it or
before it, and are not guessed at. Nothing is written here: the caller writes the new texts, all
of them or none.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ..model import SourceSpan, Withheld, flat_inlines
from ..sources import read_text_as_source
from ..sources.origins import paragraphs_in
from .merge import Conflict, applied, reviewed_text, source_edits, to_current, where_in
from .reviewed import Change
from .trace import Traced, shown, shown_inlines


@dataclass
class NotApplied:
    traced: Traced
    change: Change
    reason: str
    """"conflict" (the source moved on there), "markup" (it would cut through markup or does not
    read back as reviewed), "structure" (a paragraph split or joined, a line break, a footnote
    reference added), "woo" (it would change what is withheld, or might), "move" (the other end
    of moved text cannot go back), "template", "value", "citation", "unmarked", "gone",
    "ambiguous"."""
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
                    change, others = item.paragraph.changes[0], len(item.paragraph.changes) - 1
                    at = place_built(item, change.start)
                    refused.append(NotApplied(item, change, "conflict", at, others))
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
        expected, moved = reviewed_text(item.current, paragraph.built, changes, item.moved_on)
        places = [place_built(item, c.start) for c in changes]
        read = partial(_read_back, project, path)
        now = read(text)
        wanted = [_words(expected) if at == item.span else _words(shown(i)) for at, i in now]
        withheld = _withheld(now)
        right: list[tuple[str, list]] = []  # the new text, what it withholds
        for edits in source_edits(item.current, item.lines, moved, path.endswith(".md")):
            new = _with_lines(text, item.span, applied(item.lines, edits))
            back = read(new)
            if [_words(shown(i)) for _, i in back] == wanted:
                right.append((new, _withheld(back)))
                if not any(withheld):
                    break
        at = moved[0].start if moved else 0
        if not right:
            raise Conflict("markup", changes[0], at)
        new, withholds = right[0]
        if not _kept(withheld, withholds) or any(other != withholds for _, other in right[1:]):
            raise Conflict("woo", changes[0], at)
        return new, list(zip(changes, places, strict=True))
    except Conflict as conflict:
        at = place(item, min(conflict.at, len(item.current)))
        return NotApplied(item, conflict.change, conflict.reason, at, len(changes) - 1)


def _held(item: Traced) -> NotApplied:
    """A paragraph held back because the other end of text moved into or out of it is."""
    changes = item.paragraph.changes
    change = next(c for c in changes if c.move)
    return NotApplied(item, change, "move", place_built(item, change.start), len(changes) - 1)


def place_built(item: Traced, at: int) -> SourceSpan:
    """Where character `at` of the paragraph as built (and reviewed) stands in its source file now."""
    return place(item, to_current(item.paragraph.built, item.current, at))


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


def _read_back(project, path: str, text: str) -> list:
    """Each paragraph, heading and title of the file read from `text`, as `build` reads it."""
    fragments, notes = read_text_as_source(project, path, text)
    return paragraphs_in(path, fragments, notes)


def _words(text: str) -> str:
    """Spaces at its ends and runs of them do not count: Markdown and Word each make their own."""
    return " ".join(text.split())


def _withheld(paragraphs) -> list[tuple]:
    """For each paragraph, the grounds and words of each passage it withholds."""
    return [
        tuple(
            (inline.grounds, _words(shown_inlines(inline.children)))
            for inline in flat_inlines(getattr(item, "inlines", ()))
            if isinstance(inline, Withheld)
        )
        for _, item in paragraphs
    ]


def _kept(before: list[tuple], after: list[tuple]) -> bool:
    """Every passage withheld before is withheld still, on the same grounds, and not emptied."""
    if [[grounds for grounds, _ in p] for p in before] != [[grounds for grounds, _ in p] for p in after]:
        return False
    pairs = (pair for p, q in zip(before, after, strict=True) for pair in zip(p, q, strict=True))
    return all(words or not was for (_, was), (_, words) in pairs)
