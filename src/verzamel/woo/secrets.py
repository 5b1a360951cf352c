"""What a letter withholds, as text: the passages the leak guard (woo.guard) and WOO004 look for.

Taken from the complete documents: each withheld passage (a withheld fragment without its title,
which 5.1 publishes), and the text of a footnote that only withheld text refers to. A redacted
document holds only marks, so it adds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import (
    Code,
    Document,
    Heading,
    LineBreak,
    Link,
    NoteRef,
    Paragraph,
    SourceSpan,
    Text,
    Withheld,
    WithheldBlock,
    child_blocks,
    leaf_inlines,
)


@dataclass(frozen=True)
class Secret:
    """One withheld passage as text, and where it is written in the sources."""

    text: str
    grounds: tuple[str, ...]
    span: SourceSpan | None


def secrets(documents: list[Document]) -> list[Secret]:
    """Everything `documents` withhold, as text (a redacted document withholds nothing: it holds
    only the marks)."""
    found: dict[tuple, Secret] = {}
    for document in documents:
        walk = _Walk()
        walk.blocks(document.blocks, None)
        for note in document.notes:
            walk.blocks(note.blocks, None)
            context = walk.notes_inside.get(note.number)
            if context is not None and note.number not in walk.notes_outside:
                walk.add(plain_text(note.blocks), context[0], note.span)
        for secret in walk.found:
            found.setdefault((secret.text, secret.grounds, secret.span), secret)
    return list(found.values())


class _Walk:
    """What `secrets` gathers from one document (a class, not nested functions: see model)."""

    def __init__(self) -> None:
        self.found: list[Secret] = []
        self.notes_inside: dict[int, tuple[tuple[str, ...], SourceSpan | None]] = {}
        self.notes_outside: set[int] = set()

    def add(self, text: str, grounds, span) -> None:
        if text.strip():
            self.found.append(Secret(" ".join(text.split()), tuple(grounds), span))

    def blocks(self, blocks, context) -> None:
        for block in blocks:
            if isinstance(block, WithheldBlock):
                children = block.children
                if block.title and children and isinstance(children[0], Heading):
                    children = children[1:]  # a withheld fragment's title is published in 5.1
                self.add(plain_text(children), block.grounds, block.span)
                self.blocks(block.children, (block.grounds, block.span))
            elif isinstance(block, Heading) or not child_blocks(block):
                for inlines in leaf_inlines((block,)):
                    self.inlines(inlines, context)
            else:
                for children in child_blocks(block):
                    self.blocks(children, context)

    def inlines(self, inlines, context) -> None:
        for inline in inlines:
            if isinstance(inline, Withheld):
                self.add(_plain(inline.children), inline.grounds, inline.span)
                self.inlines(inline.children, (inline.grounds, inline.span))
            elif isinstance(inline, NoteRef) and inline.number is not None:
                if context is None:
                    self.notes_outside.add(inline.number)
                else:
                    self.notes_inside.setdefault(inline.number, context)
            elif isinstance(inline, Link) and context is not None:
                # the address of a withheld link is withheld too (an e-mail address names its owner)
                self.add(SCHEME.sub("", inline.href), *context)
                self.inlines(inline.children, context)
            elif hasattr(inline, "children"):
                self.inlines(inline.children, context)


SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(?://)?", re.IGNORECASE)
"""`mailto:`, `https://`: the part of an address that says nothing of what it points at."""


def plain_text(blocks) -> str:
    """The words of `blocks`, withheld ones included, without marks or note numbers."""
    return " ".join(_plain(inlines) for inlines in leaf_inlines(blocks))


def _plain(inlines) -> str:
    parts = []
    for inline in inlines:
        if isinstance(inline, Text | Code):
            parts.append(inline.text)
        elif isinstance(inline, LineBreak | NoteRef):
            parts.append(" ")
        elif hasattr(inline, "children"):
            parts.append(_plain(inline.children))
    return "".join(parts)


def template_text(documents: list[Document]) -> str:
    """What the templates print around the sources (headings, letterhead, addresses, the Woo's
    articles in 5.1), without anything withheld: one word of it says nothing of a passage."""
    parts = []
    for document in documents:
        for block in _leaves(document.blocks):
            if block.span is not None and block.span.path.startswith("<"):
                parts.append(_plain(i for i in block.inlines if not isinstance(i, Withheld)))
    return " ".join(parts)


def _leaves(blocks):
    for block in blocks:
        if isinstance(block, WithheldBlock):
            continue
        if isinstance(block, Paragraph | Heading):
            yield block
        for children in child_blocks(block):
            yield from _leaves(children)
