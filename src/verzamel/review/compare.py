"""Two Documents -> one Document with every change marked: the stage behind `verzamel diff`.

Blocks are aligned first (a block is the same when its text, formatting and the text of its
footnotes are), then the blocks that changed are compared word by word. What was added is wrapped
in `Inserted`/`Revised('inserted')`, what was removed in `Deleted`/`Revised('deleted')`, so the
result holds both revisions: `view(merged, accept=True)` is the newer document, `accept=False` the
older one. Footnotes are compared by their text, not their number: a footnote whose reference
merely moved keeps its text unmarked.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import partial

from ..model import (
    Columns,
    Deleted,
    Document,
    Inserted,
    ListBlock,
    Note,
    NoteRef,
    Paragraph,
    Revised,
    Table,
    Text,
    Withheld,
    WithheldBlock,
    child_blocks,
    iter_inlines,
    map_block,
    map_blocks,
    map_inlines,
    marked_all,
    own_inlines,
    with_parts,
)
from ..model.text import block_lines, inline_text, word_diff_marks
from .tokens import Token, rebuild, tokens

SIMILAR = 0.4
"""How alike two blocks must be (share of words) to be compared word by word, not replaced."""


def note_text(note: Note | None) -> str:
    if note is None:
        return ""
    return "\n".join(line for block in note.blocks for line in block_lines(block)).strip()


@dataclass
class Merged:
    """The merged document, and for each of its footnote numbers the numbers in the two revisions."""

    document: Document
    numbers: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)


class _Merger:
    def __init__(self, old_notes: dict[int, Note], new_notes: dict[int, Note]):
        self.old_notes = old_notes
        self.new_notes = new_notes
        self.pairs: dict[int, int] = {}
        """New footnote number -> old footnote number, for references found in the same place."""

    # -- keys: what makes two blocks the same --

    def _key(self, block, notes):
        def inline(item):
            if isinstance(item, NoteRef):
                return Text(f"\0{note_text(notes.get(item.number))}\0")
            if isinstance(item, Withheld):
                return replace(item, span=None)
            return item

        def strip(item):
            return replace(item, span=None) if hasattr(item, "span") else item

        return map_block(block, inline, strip)

    # -- blocks --

    def blocks(self, old: tuple, new: tuple) -> tuple:
        old_keys = [self._key(b, self.old_notes) for b in old]
        new_keys = [self._key(b, self.new_notes) for b in new]
        out: list = []
        matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                    self._pair_refs(a, b)
                    out.append(b)
                continue
            i, j = i1, j1
            for pi, pj in self._paired(old[i1:i2], new[j1:j2]):
                out.extend(self._removed(old[i : i1 + pi]) + self._added(new[j : j1 + pj]))
                out.append(self._merge(old[i1 + pi], new[j1 + pj]))
                i, j = i1 + pi + 1, j1 + pj + 1
            out.extend(self._removed(old[i:i2]) + self._added(new[j:j2]))
        return tuple(out)

    def _pair_refs(self, old_block, new_block) -> None:
        """Blocks found the same: their references are the same notes."""
        for a, b in zip(_refs([old_block]), _refs([new_block]), strict=False):
            self.pairs[b.number] = a.number

    def _paired(self, old: tuple, new: tuple) -> list[tuple[int, int]]:
        """Which changed blocks to compare word by word: alike in kind and in most words, in order."""
        pairs, start = [], 0
        for i, a in enumerate(old):
            for j in range(start, len(new)):
                if _comparable(a, new[j]) and _similarity(a, new[j]) >= SIMILAR:
                    pairs.append((i, j))
                    start = j + 1
                    break
        return pairs

    def _removed(self, blocks) -> list:
        if not blocks:
            return []
        return [Revised("deleted", map_blocks(blocks, inline=_from_old))]

    @staticmethod
    def _added(blocks) -> list:
        return [Revised("inserted", tuple(blocks))] if blocks else []

    def _merge(self, a, b):
        """Two blocks of one kind (see _comparable): what they hold compared, part by part."""
        if isinstance(b, ListBlock):
            return replace(b, items=self._items(a.items, b.items))
        if isinstance(b, Table):
            return self._table(a, b)
        blocks = tuple(self.blocks(x, y) for x, y in zip(child_blocks(a), child_blocks(b), strict=True))
        inlines = tuple(self.inlines(x, y) for x, y in zip(own_inlines(a), own_inlines(b), strict=True))
        return with_parts(b, blocks, inlines)

    def _table(self, a: Table, b: Table) -> Table:
        """Rows aligned as paragraphs are; a row added or removed is marked as one."""
        header = (
            tuple(self.inlines(x, y) for x, y in zip(a.header, b.header, strict=True)) if b.header else None
        )
        key_a = [self._key(_as_paragraph(row), self.old_notes) for row in a.rows]
        key_b = [self._key(_as_paragraph(row), self.new_notes) for row in b.rows]
        rows: list = []
        changes: list = [None] if header else []
        for op, i1, i2, j1, j2 in SequenceMatcher(None, key_a, key_b, autojunk=False).get_opcodes():
            if op == "equal":
                for x, y in zip(a.rows[i1:i2], b.rows[j1:j2], strict=True):
                    self._pair_refs(_as_paragraph(x), _as_paragraph(y))
                    rows.append(y)
                    changes.append(None)
                continue
            both = min(i2 - i1, j2 - j1)
            for k in range(both):
                rows.append(
                    tuple(self.inlines(x, y) for x, y in zip(a.rows[i1 + k], b.rows[j1 + k], strict=True))
                )
                changes.append(None)
            for row in a.rows[i1 + both : i2]:
                rows.append(tuple((Deleted(map_inlines(cell, _from_old)),) for cell in row))
                changes.append("deleted")
            for row in b.rows[j1 + both : j2]:
                rows.append(tuple((Inserted(cell),) for cell in row))
                changes.append("inserted")
        row_changes = tuple(changes) if any(changes) else ()
        return replace(b, header=header, rows=tuple(rows), row_changes=row_changes)

    def _items(self, old: tuple, new: tuple) -> tuple:
        old_keys = [tuple(self._key(b, self.old_notes) for b in item) for item in old]
        new_keys = [tuple(self._key(b, self.new_notes) for b in item) for item in new]
        out: list = []
        for op, i1, i2, j1, j2 in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
            if op == "equal":
                for a, b in zip(old[i1:i2], new[j1:j2], strict=True):
                    for x, y in zip(a, b, strict=True):
                        self._pair_refs(x, y)
                    out.append(b)
                continue
            both = min(i2 - i1, j2 - j1)
            out.extend(self.blocks(old[i1 + k], new[j1 + k]) for k in range(both))
            out.extend(tuple(self._removed(item)) for item in old[i1 + both : i2])
            out.extend(tuple(self._added(item)) for item in new[j1 + both : j2])
        return tuple(out)

    # -- words --

    def inlines(self, old: tuple, new: tuple) -> tuple:
        a, b = tokens(old), tokens(new)
        marked: list[tuple[str | None, Token]] = []
        matcher = SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
                    if not isinstance(y.piece, str):
                        self._pair_refs(Paragraph((x.piece,)), Paragraph((y.piece,)))
                    marked.append((None, y))
                continue
            marked.extend(("deleted", _token_from_old(t)) for t in a[i1:i2])
            marked.extend(("inserted", t) for t in b[j1:j2])
        return rebuild(marked)

    # -- footnotes --

    def notes(self, blocks: tuple) -> tuple[tuple, tuple[Note, ...], dict]:
        """Number the merged document's references in reading order, and give each its note:
        both revisions' texts compared, or the one revision's text added or removed whole."""
        numbers: dict[int, tuple[int | None, int | None]] = {}
        notes: list[Note] = []

        def renumber(inline):
            if not isinstance(inline, NoteRef) or inline.number is None:
                return inline
            merged = len(numbers) + 1
            old_number = -inline.number if inline.number < 0 else self.pairs.get(inline.number)
            new_number = inline.number if inline.number > 0 else None
            numbers[merged] = (old_number, new_number)
            old = self.old_notes.get(old_number) if old_number is not None else None
            new = self.new_notes.get(new_number) if new_number is not None else None
            if new is None:
                body = marked_all(old.blocks, Deleted) if old else ()
            elif old is None:
                body = marked_all(new.blocks, Inserted)
            else:
                body = _Merger({}, {}).blocks(old.blocks, new.blocks)
            notes.append(Note(merged, inline.label, body, (new or old or inline).span))
            return replace(inline, number=merged)

        merged_blocks = map_blocks(blocks, inline=renumber)
        return merged_blocks, tuple(notes), numbers


def _as_paragraph(row) -> Paragraph:
    """A table row's cells as one paragraph: what rows are aligned and paired by."""
    return Paragraph(tuple(inline for cell in row for inline in cell))


def _refs(blocks) -> list[NoteRef]:
    return [r for r in iter_inlines(blocks) if isinstance(r, NoteRef) and r.number is not None]


def _from_old(inline):
    """A reference of the older revision, told apart by its negative number until renumbered."""
    if isinstance(inline, NoteRef) and inline.number is not None and inline.number > 0:
        return replace(inline, number=-inline.number)
    return inline


def _token_from_old(token: Token) -> Token:
    if isinstance(token.piece, str):
        return token
    return replace(token, piece=map_inlines((token.piece,), _from_old)[0])


def _comparable(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, Paragraph):
        return a.style == b.style
    if isinstance(a, ListBlock):
        return a.ordered == b.ordered
    if isinstance(a, WithheldBlock):
        return a.grounds == b.grounds
    if isinstance(a, Columns):
        return len(a.columns) == len(b.columns)
    if isinstance(a, Table):
        return _shape(a) == _shape(b)
    return True


def _shape(table: Table) -> tuple:
    """Tables with the same header row and number of columns are compared row by row."""
    return (table.header is not None, {len(row) for row in ((table.header or ()), *table.rows)})


def _similarity(a, b) -> float:
    words_a = "\n".join(block_lines(a)).split()
    words_b = "\n".join(block_lines(b)).split()
    return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio() if words_a or words_b else 1.0


def compare(old: Document, new: Document) -> Merged:
    """`new` with what changed since `old` marked."""
    merger = _Merger({n.number: n for n in old.notes}, {n.number: n for n in new.notes})
    blocks = merger.blocks(old.blocks, new.blocks)
    blocks, notes, numbers = merger.notes(blocks)
    # A redline says nothing of where its text comes from: `verzamel feedback` would take its own
    # tracked changes for a reviewer's.
    return Merged(replace(new, blocks=blocks, notes=notes, origins=()), numbers)


def empty_like(document: Document) -> Document:
    """The same document with no text: the other side of a letter that one revision lacks."""
    return replace(document, blocks=(), notes=())


# ---- the two revisions back out of a merged document ----------------------------------------


def _view_inline(accept: bool, inline):
    if isinstance(inline, Inserted | Deleted):
        return inline.children if isinstance(inline, Inserted) == accept else None
    return inline


def _view_block(accept: bool, block):
    if isinstance(block, Revised):
        return block.children if (block.change == "inserted") == accept else None
    if isinstance(block, ListBlock) and not all(block.items):
        return replace(block, items=tuple(item for item in block.items if item))
    if isinstance(block, Table) and block.row_changes:
        dropped = "deleted" if accept else "inserted"
        changes = block.row_changes[1:] if block.header else block.row_changes
        rows = tuple(row for row, change in zip(block.rows, changes, strict=True) if change != dropped)
        return replace(block, rows=rows, row_changes=())
    return block


def _view_blocks(blocks, accept: bool) -> tuple:
    return map_blocks(blocks, block=partial(_view_block, accept), inline=partial(_view_inline, accept))


def view(document: Document, accept: bool) -> Document:
    """The merged document with every change accepted (the newer revision) or rejected (the older)."""
    blocks = _view_blocks(document.blocks, accept)
    notes = {n.number: n for n in document.notes}
    kept: list[Note] = []

    def renumber(inline):
        if isinstance(inline, NoteRef) and inline.number in notes:
            note = notes[inline.number]
            kept.append(Note(len(kept) + 1, note.label, _view_blocks(note.blocks, accept), note.span))
            return replace(inline, number=len(kept))
        return inline

    return replace(document, blocks=map_blocks(blocks, inline=renumber), notes=tuple(kept))


def unit_text(inlines, accept: bool | None, mark=word_diff_marks) -> str:
    """A paragraph's text as one revision has it, or (accept None) with both, marked by `mark`."""
    if accept is None:
        return inline_text(inlines, mark)
    return inline_text(map_inlines(inlines, partial(_view_inline, accept)))
