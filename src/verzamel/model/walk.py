"""Walks over blocks and inlines."""

from __future__ import annotations

from dataclasses import replace

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


def _from_inlines(inlines):
    # not a closure in iter_inlines: a function that calls itself from its own cell is a cycle
    # that only the garbage collector frees, and the checks call iter_inlines thousands of times
    for inline in inlines:
        yield inline
        yield from _from_inlines(getattr(inline, "children", ()))


def iter_inlines(blocks):
    """Every inline in `blocks`, nested ones included, in reading order."""
    for inlines in leaf_inlines(blocks):
        yield from _from_inlines(inlines)


def child_blocks(block) -> tuple[tuple[Block, ...], ...]:
    """The sequences of blocks directly inside `block`: its columns, its list items, or its
    children (a quote, a withheld block, a revised block); none for a paragraph, heading or table."""
    if isinstance(block, Columns):
        return block.columns
    if isinstance(block, ListBlock):
        return block.items
    if isinstance(block, BlockQuote | WithheldBlock | Revised):
        return (block.children,)
    return ()


def leaf_inlines(blocks):
    """The inlines of every paragraph, heading and table cell in `blocks`, in reading order."""
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            yield block.inlines
        elif isinstance(block, Table):
            for row in ((block.header,) if block.header else ()) + block.rows:
                yield from row
        else:
            for children in child_blocks(block):
                yield from leaf_inlines(children)


def iter_blocks(blocks):
    """Every block in `blocks`, nested ones included (after the block holding them), in reading order."""
    for block in blocks:
        yield block
        if isinstance(block, Columns):
            for column in block.columns:
                yield from iter_blocks(column)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from iter_blocks(item)
        elif isinstance(block, BlockQuote | WithheldBlock | Revised):
            yield from iter_blocks(block.children)


def map_inlines(inlines, fn) -> tuple:
    """`fn` applied to every inline, nested ones included (children first), in reading order."""
    out = []
    for inline in inlines:
        if hasattr(inline, "children"):
            inline = replace(inline, children=map_inlines(inline.children, fn))
        out.append(fn(inline))
    return tuple(out)


def map_block(block, inline_fn, block_fn=None):
    """`block` with `inline_fn` applied to every inline in it and `block_fn` (if given) to every
    block, nested ones included (children first): the one walk that rewrites a Document."""
    if isinstance(block, Paragraph | Heading):
        block = replace(block, inlines=map_inlines(block.inlines, inline_fn))
    elif isinstance(block, Columns):
        columns = tuple(tuple(map_block(b, inline_fn, block_fn) for b in c) for c in block.columns)
        block = replace(block, columns=columns)
    elif isinstance(block, ListBlock):
        items = tuple(tuple(map_block(b, inline_fn, block_fn) for b in i) for i in block.items)
        block = replace(block, items=items)
    elif isinstance(block, BlockQuote | WithheldBlock | Revised):
        block = replace(block, children=tuple(map_block(b, inline_fn, block_fn) for b in block.children))
    elif isinstance(block, Table):

        def cells(row):
            return tuple(map_inlines(cell, inline_fn) for cell in row)

        header = cells(block.header) if block.header else None
        block = replace(block, header=header, rows=tuple(cells(r) for r in block.rows))
    return block_fn(block) if block_fn else block


def marked_all(blocks, wrapper) -> tuple:
    """Every paragraph's words wrapped in `wrapper` (Inserted or Deleted): blocks added or removed
    whole, as a redline shows them word by word."""

    def mark(block):
        if isinstance(block, Paragraph | Heading) and block.inlines:
            return replace(block, inlines=(wrapper(block.inlines),))
        if isinstance(block, Table):

            def cells(row):
                return tuple((wrapper(cell),) for cell in row)

            return replace(block, header=cells(block.header) if block.header else None,
                           rows=tuple(cells(row) for row in block.rows))  # fmt: skip
        return block

    return tuple(map_block(b, lambda inline: inline, mark) for b in blocks)
