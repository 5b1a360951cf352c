"""What changed in a merged document, paragraph by paragraph and footnote by footnote.

A paragraph is numbered as a reader counts it (headings, list items, table rows and paragraphs in
reading order, from 1): in the newer document, or for a removed one in the older. A paragraph
removed in one place and added unchanged in another is `moved`; a footnote with the same text
under another number is `renumbered`, not changed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from ..model import (
    Deleted,
    Heading,
    Inserted,
    NoteRef,
    Paragraph,
    Revised,
    Table,
    Text,
    child_blocks,
    flat_inlines,
    map_inlines,
)
from ..model.text import inline_text, word_diff_marks
from .compare import Merged, unit_text


@dataclass(frozen=True)
class Change:
    kind: str
    """added, removed, changed, moved (a paragraph) or renumbered (a footnote)."""
    paragraph: int | None = None
    """The paragraph's number in the newer document (removed: in the older one)."""
    old_paragraph: int | None = None
    """Moved: where the paragraph was."""
    footnote: int | None = None
    """The footnote's number in the newer document (removed: in the older one)."""
    old_footnote: int | None = None
    """Renumbered or changed: the footnote's number in the older document."""
    old: str | None = None
    new: str | None = None
    marked: tuple | None = None
    """The inlines with both revisions' words, for showing the change in place."""
    section: str | None = None
    """The heading the paragraph falls under."""

    def as_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None and k != "marked"}


def _units(blocks, change=None):
    """(inlines, change of the whole block or None, is a heading) of every paragraph-like unit."""
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield block.inlines, change, isinstance(block, Heading)
        elif isinstance(block, Table):
            rows = ((block.header,) if block.header else ()) + block.rows
            for index, row in enumerate(rows):
                cells: list = []
                for n, cell in enumerate(row):
                    cells.extend(((Text(" | "),) if n else ()) + tuple(cell))
                row_change = block.row_changes[index] if block.row_changes else None
                yield tuple(cells), change or row_change, False
        else:
            inner = block.change if isinstance(block, Revised) else change
            for children in child_blocks(block):
                yield from _units(children, inner)


def _has_marks(inlines) -> bool:
    return any(isinstance(inline, Inserted | Deleted) for inline in flat_inlines(inlines))


class _Numbers:
    """Footnote references shown with their number in the older or the newer revision."""

    def __init__(self, numbers: dict[int, tuple[int | None, int | None]]):
        self.numbers = numbers

    def of(self, inlines, side: int | None) -> tuple:
        def number(inline):
            if isinstance(inline, NoteRef) and inline.number in self.numbers:
                old, new = self.numbers[inline.number]
                chosen = (new if new is not None else old) if side is None else (old, new)[side]
                return replace(inline, number=chosen)
            return inline

        return map_inlines(inlines, number)


def _same_words(inlines) -> str:
    return inline_text(map_inlines(inlines, lambda i: Text("[*]") if isinstance(i, NoteRef) else i))


def paragraph_changes(merged: Merged) -> list[Change]:
    numbers = _Numbers(merged.numbers)
    found: list[Change] = []
    keys: dict[int, str] = {}
    old_index = new_index = 0
    section = None
    for inlines, change, heading in _units(merged.document.blocks):
        if change != "inserted":
            old_index += 1
        if change != "deleted":
            new_index += 1
        old = unit_text(numbers.of(inlines, 0), accept=False)
        new = unit_text(numbers.of(inlines, 1), accept=True)
        if change == "inserted":
            keys[len(found)] = _same_words(numbers.of(inlines, 1))
            found.append(Change("added", new_index, new=new, section=section))
        elif change == "deleted":
            keys[len(found)] = _same_words(numbers.of(inlines, 0))
            found.append(Change("removed", old_index, old=old, section=section))
        elif _has_marks(inlines):
            found.append(
                Change(
                    "changed", new_index, old=old, new=new, marked=numbers.of(inlines, None), section=section
                )
            )
        if heading and change != "deleted":
            section = new
    return _moves(found, keys)


def _moves(found: list[Change], keys: dict[int, str]) -> list[Change]:
    """A removed paragraph that comes back unchanged elsewhere is one `moved` change."""
    removed = {}
    for n, change in enumerate(found):
        if change.kind == "removed" and keys[n].strip():
            removed.setdefault(keys[n], []).append(n)
    gone: set[int] = set()
    for n, change in enumerate(found):
        if change.kind == "added" and removed.get(keys[n]):
            origin = removed[keys[n]].pop(0)
            gone.add(origin)
            found[n] = replace(change, kind="moved", old_paragraph=found[origin].paragraph)
    return [change for n, change in enumerate(found) if n not in gone]


def footnote_changes(merged: Merged) -> list[Change]:
    """Footnotes compared by their text: renumbered, changed, added, removed."""
    older = {}
    newer = {}
    marked = {}
    for note in merged.document.notes:
        old_number, new_number = merged.numbers.get(note.number, (None, None))
        old_text = _note_text(note.blocks, False)
        new_text = _note_text(note.blocks, True)
        if old_number is not None:
            older[old_number] = old_text
        if new_number is not None:
            newer[new_number] = new_text
            if old_number is not None and old_text != new_text:
                marked[new_number] = (old_number, note.blocks)
    found: list[Change] = []
    unmatched_old = dict(older)
    for number, text in sorted(newer.items()):
        same = next((o for o, t in sorted(unmatched_old.items()) if t == text), None)
        if same is not None:
            del unmatched_old[same]
            if same != number:
                found.append(Change("renumbered", footnote=number, old_footnote=same, new=text))
    matched_new = {c.footnote for c in found} | {n for n, t in newer.items() if t in older.values()}
    for number, (old_number, blocks) in sorted(marked.items()):
        if number in matched_new or old_number not in unmatched_old:
            continue
        del unmatched_old[old_number]
        marks = tuple(i for b in blocks if hasattr(b, "inlines") for i in (*b.inlines, Text(" ")))
        found.append(
            Change("changed", footnote=number, old_footnote=old_number, old=older[old_number],
                   new=newer[number], marked=marks[:-1])
        )  # fmt: skip
        matched_new.add(number)
    for number, text in sorted(newer.items()):
        if number not in matched_new:
            found.append(Change("added", footnote=number, new=text))
    for number, text in sorted(unmatched_old.items()):
        found.append(Change("removed", footnote=number, old=text))
    return found


def _note_text(blocks, accept: bool) -> str:
    return " ".join(unit_text(b.inlines, accept) for b in blocks if hasattr(b, "inlines")).strip()


def marked_text(change: Change, mark=word_diff_marks) -> str:
    """The change in place: both revisions' words, marked."""
    if change.marked is not None:
        return inline_text(change.marked, mark)
    if change.kind == "added":
        return mark(change.new or "", "inserted")
    if change.kind == "removed":
        return mark(change.old or "", "deleted")
    return change.new or ""
