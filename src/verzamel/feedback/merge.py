"""A reviewer's changes to one paragraph, written into the lines of its source.

Three texts meet: the paragraph as built (what the reviewer saw), the paragraph as its source
reads now (the same, unless the source moved on since the build) and the source lines with their
markup. Both steps are alignments, not guesses at the Markdown:

1. the reviewer's changes are moved from the built text onto the current text; a change where the
   source itself changed since the build (or right beside it) is a conflict, reported and not
   applied (a three-way merge: built, reviewed, current);
2. each character of the current text is found in the source lines (a footnote reference is its
   `[^…]` or `[@…]`), so that words are replaced in place and the markup around them stays.

A change that would cut through markup (half an emphasis, a link's address, a Woo mark) is not
made. The caller reads the file back after the edits and keeps them only when the paragraph then
reads as the reviewer left it (feedback/apply.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from .reviewed import NOTE, Change

REFERENCE = re.compile(r"\[\^[^\]\s]+\]|\[@[^\]]+\]")
"""A footnote reference or a citation by id in the source: one NOTE in the text."""
LOOSE = frozenset(" \t\n*_")
"""Source characters a deletion may take along although no reader sees them: line ends and
indentation, and emphasis marks (the paragraph is read back after the edit to be sure)."""
MARKDOWN_SPECIAL = re.compile(r"([\\*_`\[\]<])")


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str


class Conflict(Exception):
    """A change that cannot be written into the source; `at`: its place in the current text."""

    def __init__(self, reason: str, change: Change, at: int):
        super().__init__(reason)
        self.reason = reason
        self.change = change
        self.at = at


def reviewed_text(
    current: str, built: str, changes: list[Change], moved_on: bool = True
) -> tuple[str, list[Change]]:
    """The current text with the reviewer's changes made, and those still to make in its
    coordinates (a change the source already has is made). Raises Conflict for a change where
    the source moved on since the build in another way; when it did not (`moved_on` False), what
    differs is what the source does not write itself: a citation the house style wrote in a
    footnote, a Woo mark."""
    moved = changes
    if current != built:
        ours = [op for op in _opcodes(built, current) if op[0] != "equal"]
        moved = []
        for change in changes:
            start, end = to_current(built, current, change.start), to_current(built, current, change.end)
            touching = [op for op in ours if op[1] <= change.end and change.start <= op[2]]
            if touching and not (
                all(change.start <= op[1] and op[2] <= change.end for op in touching)
                and current[start:end] == change.inserted
            ):
                if moved_on:
                    raise Conflict("conflict", change, start)
                cited = any(NOTE in current[op[3] : op[4]] for op in touching)
                raise Conflict("citation" if cited else "markup", change, start)
            if not touching:
                moved.append(Change(start, end, change.deleted, change.inserted, change.author, change.date))
    out, at = [], 0
    for change in moved:
        out += [current[at : change.start], change.inserted]
        at = change.end
    return "".join(out + [current[at:]]), moved


def to_current(built: str, current: str, position: int) -> int:
    for tag, i1, i2, j1, _ in _opcodes(built, current):
        if tag == "equal" and i1 <= position <= i2:
            return j1 + position - i1
    return position  # a place the source rewrote since: where it was


@lru_cache(maxsize=64)
def _opcodes(built: str, current: str) -> tuple[tuple[str, int, int, int, int], ...]:
    """How the paragraph as built became the paragraph as the source reads now (difflib's
    opcodes), made once for all its changes."""
    return tuple(SequenceMatcher(None, built, current, autojunk=False).get_opcodes())


def source_edits(current: str, source: str, changes: list[Change], markdown: bool) -> Iterator[list[Edit]]:
    """Ways to write `changes` (on `current`, the text the source lines `source` make) into the
    source, the likeliest first: the caller keeps the first that reads back right. Raises Conflict
    for a change that cannot be written at all."""
    where = _align(current, source)
    for change in changes:
        if "\n" in change.inserted or "\t" in change.inserted or NOTE in change.inserted:
            raise Conflict("structure", change, change.start)
    plans = [[_edit(change, where, source, second) for change in changes] for second in (False, True)]
    tried = []
    for plan in plans:
        for escape in (False, True) if markdown else (False,):
            edits = [Edit(e.start, e.end, _escaped(e.replacement) if escape else e.replacement) for e in plan]
            if edits not in tried:
                tried.append(edits)
                yield edits


def _escaped(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


@lru_cache(maxsize=64)
def _align(current: str, source: str) -> tuple[tuple[int, int] | None, ...]:
    """For each character of `current`, the stretch of `source` it is written as (None: not in
    the source, e.g. the mark after a withheld passage). Kept for the next call: each change and
    comment of a paragraph is placed by the same alignment."""
    flat = source.replace("\n", " ").replace("\t", " ")
    where: list[tuple[int, int] | None] = [None] * len(current)
    for a, b, size in SequenceMatcher(None, current, flat, autojunk=False).get_matching_blocks():
        for k in range(size):
            where[a + k] = (b + k, b + k + 1)
    for i, char in enumerate(current):  # a footnote reference: the next reference in the gap
        if char == NOTE and where[i] is None:
            left = next((where[k][1] for k in range(i - 1, -1, -1) if where[k]), 0)
            right = next((where[k][0] for k in range(i + 1, len(current)) if where[k]), len(source))
            found = REFERENCE.search(source, left, right)
            if found:
                where[i] = (found.start(), found.end())
    return tuple(where)


def _edit(change: Change, where, source: str, second: bool) -> Edit:
    if change.end > change.start:
        stretch = where[change.start : change.end]
        if any(w is None for w in stretch):
            raise Conflict("markup", change, change.start)
        start, end = stretch[0][0], stretch[-1][1]
        covered = {k for w in stretch for k in range(*w)}
        if any(source[k] not in LOOSE for k in range(start, end) if k not in covered):
            raise Conflict("markup", change, change.start)
        return Edit(start, end, change.inserted)
    left = where[change.start - 1][1] if change.start > 0 and where[change.start - 1] else None
    right = where[change.start][0] if change.start < len(where) and where[change.start] else None
    if left is None and right is None:
        raise Conflict("markup", change, change.start)
    if left is None or right is None or left == right:
        at = left if right is None else right
        return Edit(at, at, change.inserted)
    # markup between the words on either side (an emphasis, a link): words that lead into the next
    # word go before it, others after it; the other side is the second way to try
    to_left = change.inserted.endswith(" ") and not change.inserted.startswith(" ")
    at = left if to_left != second else right
    return Edit(at, at, change.inserted)


def applied(source: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        source = source[: edit.start] + edit.replacement + source[edit.end :]
    return source


def where_in(current: str, source: str, at: int) -> int:
    """The offset in `source` of character `at` of `current` (its end: after the last one)."""
    where = _align(current, source)
    if at < len(where) and where[at] is not None:
        return where[at][0]
    return next((where[k][1] for k in range(min(at, len(where)) - 1, -1, -1) if where[k]), 0)
