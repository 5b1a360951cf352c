"""Footnote references in a block tree: mapped in reading order, and scoped to their fragment."""

from __future__ import annotations

from dataclasses import replace

from ..model import Block, NoteRef, map_block


def map_refs(block: Block, fn) -> Block:
    """Apply `fn` to every NoteRef in `block`, in reading order."""
    return map_block(block, lambda inline: fn(inline) if isinstance(inline, NoteRef) else inline)


def scoped(block: Block, fragment_id: str) -> Block:
    """`block` of fragment `fragment_id`, its references looked up in that fragment's notes."""
    return map_refs(block, lambda ref: replace(ref, scope=fragment_id))
