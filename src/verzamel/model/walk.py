"""The one walk over blocks and inlines: what each kind of block holds is said here and nowhere else.

A block holds sequences of blocks (a list's items, the columns of a row, the children of a quote,
a withheld or a revised block) or runs of inlines (a paragraph's or heading's words, each cell of
a table, the header first); an inline holds its `children`, if any. `_SHAPES` says which, per kind:
a new kind of block is one entry there, and every walk below knows it.

- `iter_blocks`, `leaf_inlines`, `iter_inlines`: read, in reading order;
- `visit(nodes, fn, context)`: `fn(node, context)` for every block and inline, top down, with a
  context each node passes on to what it holds (or `SKIP`: do not enter it);
- `map_blocks(blocks, block=, inline=)`, `map_inlines`: rebuild, bottom up, only what changed. A
  function answers a node (the same or another), None (drop it) or a tuple (unwrap: its items
  take the node's place).

No closures that call themselves: such a function is a cycle only the garbage collector frees,
and the checks walk thousands of times.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from operator import is_not
from typing import NamedTuple

from .nodes import (
    Block,
    BlockQuote,
    Columns,
    Heading,
    ListBlock,
    Paragraph,
    Revised,
    Table,
    WithheldBlock,
)


class _Shape(NamedTuple):
    blocks: Callable  # block -> its sequences of blocks
    inlines: Callable  # block -> its runs of inlines
    rebuilt: Callable  # (block, sequences of blocks, runs of inlines) -> the block holding those


def _none(block) -> tuple:
    return ()


def _children(block) -> tuple:
    return (block.children,)


def _with_children(block, blocks, runs):
    return replace(block, children=blocks[0])


def _words(block) -> tuple:
    return (block.inlines,)


def _with_words(block, blocks, runs):
    return replace(block, inlines=runs[0])


def _cells(table: Table) -> tuple:
    return (*(table.header or ()), *(cell for row in table.rows for cell in row))


def _with_cells(table: Table, blocks, cells) -> Table:
    cells = iter(cells)
    header = tuple(next(cells) for _ in table.header) if table.header else table.header
    return replace(table, header=header, rows=tuple(tuple(next(cells) for _ in row) for row in table.rows))


_SHAPES: dict[type, _Shape] = {
    Paragraph: _Shape(_none, _words, _with_words),
    Heading: _Shape(_none, _words, _with_words),
    Table: _Shape(_none, _cells, _with_cells),
    ListBlock: _Shape(lambda b: b.items, _none, lambda b, blocks, runs: replace(b, items=blocks)),
    Columns: _Shape(lambda b: b.columns, _none, lambda b, blocks, runs: replace(b, columns=blocks)),
    BlockQuote: _Shape(_children, _none, _with_children),
    WithheldBlock: _Shape(_children, _none, _with_children),
    Revised: _Shape(_children, _none, _with_children),
}


def child_blocks(block) -> tuple[tuple[Block, ...], ...]:
    """The sequences of blocks directly inside `block`: its list items, its columns, or its
    children (a quote, a withheld block, a revised block); none for a paragraph, heading or table."""
    return _SHAPES[type(block)].blocks(block)


def own_inlines(block) -> tuple:
    """The runs of inlines directly in `block`: a paragraph's or heading's, each cell of a table
    (the header's first); none for a block that holds blocks."""
    return _SHAPES[type(block)].inlines(block)


def with_parts(block, blocks: tuple | None = None, inlines: tuple | None = None):
    """`block` holding `blocks` instead of its child_blocks, `inlines` instead of its own_inlines
    (the same number of each, in the same order)."""
    shape = _SHAPES[type(block)]
    blocks = shape.blocks(block) if blocks is None else blocks
    return shape.rebuilt(block, blocks, shape.inlines(block) if inlines is None else inlines)


# ---- reading ------------------------------------------------------------------------------------


def iter_blocks(blocks, skip: type | tuple = ()):
    """Every block in `blocks`, nested ones included (after the block holding them), in reading
    order; not those inside a block of a kind in `skip`."""
    for block in blocks:
        yield block
        if not isinstance(block, skip):
            for children in _SHAPES[type(block)].blocks(block):
                yield from iter_blocks(children, skip)


def leaf_inlines(blocks):
    """The runs of inlines of every paragraph, heading and table cell in `blocks`, in reading order."""
    for block in blocks:
        shape = _SHAPES[type(block)]
        yield from shape.inlines(block)
        for children in shape.blocks(block):
            yield from leaf_inlines(children)


def flat_inlines(inlines):
    """Every inline in `inlines`, nested ones included (after the inline holding them)."""
    for inline in inlines:
        yield inline
        children = getattr(inline, "children", None)
        if children:
            yield from flat_inlines(children)


def iter_inlines(blocks):
    """Every inline in `blocks`, nested ones included, in reading order."""
    for inlines in leaf_inlines(blocks):
        yield from flat_inlines(inlines)


SKIP = object()
"""What a `visit` function answers for a node whose contents are not to be visited."""


def visit(nodes, fn, context=None) -> None:
    """`fn(node, context)` for every block and inline in `nodes` (blocks or inlines), top down in
    reading order. Its answer is the context of what the node holds (give `context` back to keep
    it), or SKIP to leave that unvisited. (A bound method is called faster than an object's
    __call__, and it is called for every word.)"""
    for node in nodes:
        inner = fn(node, context)
        if inner is SKIP:
            continue
        shape = _SHAPES.get(type(node))
        if shape is None:  # an inline
            children = getattr(node, "children", None)
            if children:
                _visit_inlines(children, fn, inner)
            continue
        for children in shape.blocks(node):
            visit(children, fn, inner)
        for inlines in shape.inlines(node):
            _visit_inlines(inlines, fn, inner)


def _visit_inlines(inlines, fn, context) -> None:
    for inline in inlines:
        inner = fn(inline, context)
        if inner is not SKIP:
            children = getattr(inline, "children", None)
            if children:
                _visit_inlines(children, fn, inner)


# ---- rebuilding ---------------------------------------------------------------------------------


def map_inlines(inlines, fn) -> tuple:
    """`inlines` with `fn` applied to every inline, nested ones included (children first), in
    reading order. `fn` answers an inline, None (drop it) or a tuple of inlines (in its place)."""
    out: list = []
    changed = type(inlines) is not tuple
    for inline in inlines:
        new = inline
        children = getattr(inline, "children", None)
        if children is not None:
            mapped = map_inlines(children, fn)
            if mapped is not children:
                new = replace(inline, children=mapped)
        new = fn(new)
        if new is inline:
            out.append(new)
            continue
        changed = True
        if type(new) is tuple:
            out.extend(new)
        elif new is not None:
            out.append(new)
    return tuple(out) if changed else inlines


def map_blocks(blocks, block: Callable | None = None, inline: Callable | None = None) -> tuple:
    """`blocks` with `inline` applied to every inline in them (as map_inlines does) and `block` to
    every block, nested ones included (children first), in reading order. Each answers a node,
    None (drop it) or a tuple of nodes (in its place). Only what changed is built anew."""
    out: list = []
    changed = type(blocks) is not tuple
    for old in blocks:
        new = _map_block(old, block, inline)
        if new is old:
            out.append(new)
            continue
        changed = True
        if type(new) is tuple:
            out.extend(new)
        elif new is not None:
            out.append(new)
    return tuple(out) if changed else blocks


def _map_block(old, block_fn, inline_fn):
    shape = _SHAPES[type(old)]
    new = old
    sequences = shape.blocks(old)
    if sequences:
        blocks = tuple([map_blocks(children, block_fn, inline_fn) for children in sequences])
        if _changed(blocks, sequences):
            new = shape.rebuilt(old, blocks, shape.inlines(old))
    elif inline_fn is not None:
        runs = shape.inlines(old)
        inlines = tuple([map_inlines(run, inline_fn) for run in runs])
        if _changed(inlines, runs):
            new = shape.rebuilt(old, sequences, inlines)
    return block_fn(new) if block_fn is not None else new


def _changed(mapped: tuple, parts: tuple) -> bool:
    return any(map(is_not, mapped, parts))


def map_block(block, inline_fn, block_fn=None):
    """One block through map_blocks, when the functions answer one node each."""
    return _map_block(block, block_fn, inline_fn)


def marked_all(blocks, wrapper) -> tuple:
    """Every paragraph's words (every cell's) wrapped in `wrapper` (Inserted or Deleted): blocks
    added or removed whole, as a redline shows them word by word."""
    return map_blocks(blocks, block=_Marker(wrapper))


class _Marker:
    def __init__(self, wrapper) -> None:
        self.wrapper = wrapper

    def __call__(self, block):
        runs = own_inlines(block)
        if not any(runs):
            return block
        return with_parts(block, inlines=tuple((self.wrapper(run),) if run else run for run in runs))
