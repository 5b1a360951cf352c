"""Splicing: the markers a template's `fragment()` left replaced by the fragments' blocks, in
paragraphs at any depth; text around a marker joins the fragment's first or last paragraph."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..model import Block, BlockQuote, Columns, Inline, ListBlock, Paragraph, Text
from ..templating import MARKER_RE

BlocksAt = Callable[[int], list[Block]]
"""The blocks that go where marker number n is."""


def splice(blocks, blocks_at: BlocksAt) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        out.extend(_splice(block, blocks_at))
    return out


def _splice(block: Block, blocks_at: BlocksAt) -> list[Block]:
    if isinstance(block, Paragraph):
        return _splice_paragraph(block, blocks_at)
    if isinstance(block, Columns):
        return [replace(block, columns=tuple(tuple(splice(c, blocks_at)) for c in block.columns))]
    if isinstance(block, ListBlock):
        return [replace(block, items=tuple(tuple(splice(i, blocks_at)) for i in block.items))]
    if isinstance(block, BlockQuote):
        return [replace(block, children=tuple(splice(block.children, blocks_at)))]
    return [block]


def _splice_paragraph(paragraph: Paragraph, blocks_at: BlocksAt) -> list[Block]:
    out: list[Block] = []
    current: list[Inline] = []
    style, span = paragraph.style, paragraph.span

    def flush():
        nonlocal current
        if any(not isinstance(i, Text) or i.text.strip() for i in current):
            out.append(Paragraph(tuple(_strip_ends(current)), style, span))
        current = []

    for inline in paragraph.inlines:
        if not (isinstance(inline, Text) and MARKER_RE.search(inline.text)):
            current.append(inline)
            continue
        for n, part in enumerate(MARKER_RE.split(inline.text)):
            if n % 2 == 0:
                if part:
                    current.append(Text(part))
                continue
            blocks = blocks_at(int(part))
            if blocks and isinstance(blocks[0], Paragraph) and current:
                first = blocks.pop(0)
                current.extend(first.inlines)
                if blocks:
                    flush()
            elif blocks:
                flush()
            if blocks and isinstance(blocks[-1], Paragraph):
                last = blocks.pop()
                out.extend(blocks)
                current, style, span = list(last.inlines), last.style or style, last.span
            else:
                out.extend(blocks)
    flush()
    return out


def _strip_ends(inlines: list[Inline]) -> list[Inline]:
    if inlines and isinstance(inlines[0], Text):
        inlines[0] = Text(inlines[0].text.lstrip())
    if inlines and isinstance(inlines[-1], Text):
        inlines[-1] = Text(inlines[-1].text.rstrip())
    return [i for i in inlines if not (isinstance(i, Text) and not i.text)]
