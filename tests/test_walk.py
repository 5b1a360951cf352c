"""The one walk over blocks and inlines (model.walk): every kind known, drop and unwrap, reading order."""

from __future__ import annotations

import typing
from datetime import date

import pytest

from verzamel.model import (
    SKIP,
    Block,
    BlockQuote,
    Columns,
    Deleted,
    Document,
    Emphasis,
    Heading,
    Inserted,
    ListBlock,
    Note,
    NoteRef,
    Paragraph,
    Revised,
    SourceSpan,
    Table,
    Text,
    Withheld,
    WithheldBlock,
    iter_blocks,
    iter_inlines,
    map_blocks,
    map_inlines,
    visit,
)
from verzamel.model.walk import _SHAPES
from verzamel.render.text import render_text
from verzamel.woo.passages import withheld_passages


def words(*texts):
    return tuple(Text(t) for t in texts)


TREE = (
    Heading(1, words("h")),
    Columns(((Paragraph(words("c1")),), (Paragraph(words("c2")),))),
    ListBlock(False, ((Paragraph((Emphasis(words("i1")),)),), (BlockQuote((Paragraph(words("q")),)),))),
    Table((words("th"),), ((words("a"), words("b")),)),
    WithheldBlock((Paragraph(words("w")),), ("5.1.2e",)),
    Revised("inserted", (Paragraph(words("r")),)),
)
READING_ORDER = ["h", "c1", "c2", "i1", "q", "th", "a", "b", "w", "r"]


def test_every_kind_of_block_has_its_shape():
    """A new kind of block is added to model.walk._SHAPES, or no walk would know what it holds."""
    assert set(typing.get_args(Block)) == set(_SHAPES)
    assert {type(b) for b in iter_blocks(TREE)} == set(_SHAPES)


def test_reading_order_is_the_same_for_every_walk():
    assert [i.text for i in iter_inlines(TREE) if isinstance(i, Text)] == READING_ORDER
    seen = []
    visit(TREE, lambda node, context: seen.append(node.text) if isinstance(node, Text) else context)
    assert seen == READING_ORDER
    mapped = []
    map_blocks(TREE, inline=lambda i: mapped.append(i.text) or i if isinstance(i, Text) else i)
    assert mapped == READING_ORDER


def test_nothing_changed_is_nothing_rebuilt():
    assert map_blocks(TREE, block=lambda b: b, inline=lambda i: i) is TREE


@pytest.mark.parametrize(
    ("inline", "expected"),
    [
        (lambda i: i, ["a", "b", "c"]),
        (lambda i: None if isinstance(i, Inserted) else i, ["a", "c"]),  # dropped, children and all
        (lambda i: i.children if isinstance(i, Inserted) else i, ["a", "b", "c"]),  # unwrapped
        (lambda i: Text(i.text.upper()) if isinstance(i, Text) else i, ["A", "B", "C"]),
    ],
)
def test_map_inlines_keeps_drops_unwraps_or_replaces(inline, expected):
    run = (Text("a"), Inserted((Text("b"),)), Text("c"))
    result = map_inlines(run, inline)
    assert [i.text for i in iter_inlines((Paragraph(result),)) if isinstance(i, Text)] == expected


def test_unwrapped_blocks_take_their_place_in_a_list_item():
    tree = (ListBlock(True, ((Revised("deleted", (Paragraph(words("x")),)), Paragraph(words("y"))),)),)
    unwrapped = map_blocks(tree, block=lambda b: b.children if isinstance(b, Revised) else b)
    assert unwrapped == (ListBlock(True, ((Paragraph(words("x")), Paragraph(words("y"))),)),)
    dropped = map_blocks(tree, block=lambda b: None if isinstance(b, Revised) else b)
    assert dropped == (ListBlock(True, ((Paragraph(words("y")),),)),)


def test_visit_passes_a_context_down_and_skips():
    found = []

    def fn(node, inside):
        if isinstance(node, Deleted):
            return SKIP
        if isinstance(node, WithheldBlock):
            return node.grounds
        if isinstance(node, Text):
            found.append((node.text, inside))
        return inside

    visit((*TREE, Paragraph((Deleted(words("gone")),))), fn)
    assert ("w", ("5.1.2e",)) in found and ("h", None) in found
    assert "gone" not in [text for text, _ in found]


def _document(notes):
    span = SourceSpan("sections/a.md", 3)
    body = (Paragraph((Text("zie"), NoteRef("n", span, number=1))),)
    return Document("kamerbrief", "l", body, notes, "t", "s", "a", "k", date(2025, 1, 1), False)


def test_a_footnote_is_read_whole_not_only_its_paragraphs():
    """Withheld words in a list inside a footnote are a passage of section 5.1, and the text of
    the footnote (what WOO004 searches for leaks) holds the list's words."""
    secret = Withheld(words("J. de Vries"), ("5.1.2e",), SourceSpan("footnotes/n.yaml", 2))
    item = (Paragraph((Text("gesprek met "), secret)),)
    note = Note(1, "n", (Paragraph(words("Zie:")), ListBlock(False, (item,))), SourceSpan("footnotes/n.yaml"))
    document = _document((note,))
    passages = withheld_passages(document)
    assert [(p.text, p.kind) for p in passages] == [("J. de Vries", "voetnoot")]
    assert "gesprek met" in render_text(document).decode()
