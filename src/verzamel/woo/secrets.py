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
    flat_inlines,
    iter_blocks,
    leaf_inlines,
    visit,
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
        visit(document.blocks, walk.node)
        for note in document.notes:
            visit(note.blocks, walk.node)
            context = walk.notes_inside.get(note.number)
            if context is not None and note.number not in walk.notes_outside:
                walk.add(plain_text(note.blocks), context[0], note.span)
        for secret in walk.found:
            found.setdefault((secret.text, secret.grounds, secret.span), secret)
    return list(found.values())


class _Walk:
    """What `secrets` gathers as it visits one document; the context is the grounds and place of
    the withheld block or words a node stands in, else None. (A class, not nested functions: see
    model.walk.)"""

    def __init__(self) -> None:
        self.found: list[Secret] = []
        self.notes_inside: dict[int, tuple[tuple[str, ...], SourceSpan | None]] = {}
        self.notes_outside: set[int] = set()

    def add(self, text: str, grounds, span) -> None:
        if text.strip():
            self.found.append(Secret(" ".join(text.split()), tuple(grounds), span))

    def node(self, node, context):
        if isinstance(node, WithheldBlock):
            children = node.children
            if node.title and children and isinstance(children[0], Heading):
                children = children[1:]  # a withheld fragment's title is published in 5.1
            self.add(plain_text(children), node.grounds, node.span)
            return (node.grounds, node.span)
        if isinstance(node, Withheld):
            self.add(_plain(node.children), node.grounds, node.span)
            return (node.grounds, node.span)
        if isinstance(node, NoteRef) and node.number is not None:
            if context is None:
                self.notes_outside.add(node.number)
            else:
                self.notes_inside.setdefault(node.number, context)
        elif isinstance(node, Link) and context is not None:
            # the address of a withheld link is withheld too (an e-mail address names its owner)
            self.add(SCHEME.sub("", node.href), *context)
        return context


SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(?://)?", re.IGNORECASE)
"""`mailto:`, `https://`: the part of an address that says nothing of what it points at."""


def plain_text(blocks) -> str:
    """The words of `blocks`, withheld ones included, without marks or note numbers."""
    return " ".join(_plain(inlines) for inlines in leaf_inlines(blocks))


def _plain(inlines) -> str:
    return "".join(_words(inline) for inline in flat_inlines(inlines))


def _words(inline) -> str:
    """What one inline adds to the plain text (one holding others adds what they hold)."""
    if isinstance(inline, Text | Code):
        return inline.text
    return " " if isinstance(inline, LineBreak | NoteRef) else ""


def template_text(documents: list[Document]) -> str:
    """What the templates print around the sources (headings, letterhead, addresses, the Woo's
    articles in 5.1), without anything withheld: one word of it says nothing of a passage."""
    parts = []
    for document in documents:
        for block in iter_blocks(document.blocks, skip=WithheldBlock):
            if isinstance(block, Paragraph | Heading) and block.span and block.span.path.startswith("<"):
                parts.append(_plain(i for i in block.inlines if not isinstance(i, Withheld)))
    return " ".join(parts)
