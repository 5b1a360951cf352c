"""Inlines as a flat run of words, and back: the unit the word-level comparison aligns.

A word carries the formatting around it (bold, italic, a link) as its `chain`, so that
`**oude**` and `oude` differ; a figure (NUMBER), a footnote reference, a withheld passage, a
redaction mark, code and a line break are one token each. `rebuild` puts tokens back into nested
inlines, the changed ones wrapped in `Inserted` or `Deleted`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from ..model import Deleted, Emphasis, Inserted, Link, NoteRef, Strong, Text
from ..model.text import inline_text

_SPACE = "[ \u00a0\u202f]"
NUMBER = (
    rf"(?:€{_SPACE}?)?\d+(?:[.,]\d+|[\u00a0\u202f]\d{{3}}(?!\d))*"
    rf"(?:{_SPACE}?%|{_SPACE}?(?:mln|mld|miljoen|miljard|procent)(?!\w)|(?!\w))"
)
"""A figure as a reviewer reads it, one token: `82.000`, `1.234,56`, `12,5%`, `€ 1,5 mln`,
`2,3 miljard`. A changed figure then shows whole (`[-82.000-]{+81.500+}`), never digit group by
digit group (`[-82-]{+81+}.[-000-]{+500+}`). The euro sign and the scale belong to it, because they
make its size; a unit written after it as a word (`euro`, `mensen`) does not."""
WORD = re.compile(rf"{NUMBER}|\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class Token:
    chain: tuple[tuple[str, ...], ...]
    """The formatting around the token, outermost first: ('strong',), ('link', href), …"""
    piece: object
    """A piece of text (str), or an inline kept whole (a NoteRef, Withheld, Redaction, …)."""

    @property
    def key(self) -> tuple:
        """What makes two tokens the same word: all footnote references are alike here (their
        texts are compared as footnotes), other whole inlines by their text and kind."""
        if isinstance(self.piece, str):
            return (self.chain, self.piece)
        if isinstance(self.piece, NoteRef):
            return (self.chain, "note")
        return (self.chain, type(self.piece).__name__, inline_text((self.piece,)), repr(_grounds(self.piece)))


def _grounds(inline) -> tuple:
    return getattr(inline, "grounds", ())


def tokens(inlines, chain: tuple = ()) -> list[Token]:
    out: list[Token] = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.extend(Token(chain, word) for word in WORD.findall(inline.text))
        elif isinstance(inline, Strong):
            out.extend(tokens(inline.children, (*chain, ("strong",))))
        elif isinstance(inline, Emphasis):
            out.extend(tokens(inline.children, (*chain, ("emphasis",))))
        elif isinstance(inline, Link):
            out.extend(tokens(inline.children, (*chain, ("link", inline.href))))
        else:
            out.append(Token(chain, inline))
    return out


def _wrap(head: tuple[str, ...], children: tuple):
    if head[0] == "strong":
        return Strong(children)
    if head[0] == "emphasis":
        return Emphasis(children)
    return Link(head[1], children)


def _nest(items: list[tuple[tuple, object]]) -> tuple:
    """(chain, piece) pairs as nested inlines: neighbours with the same formatting share it."""
    out: list = []
    for head, group in groupby(items, key=lambda item: item[0][:1]):
        group = list(group)
        if head:
            out.append(_wrap(head[0], _nest([(chain[1:], piece) for chain, piece in group])))
            continue
        for is_text, run in groupby(group, key=lambda item: isinstance(item[1], str)):
            if is_text:
                out.append(Text("".join(piece for _, piece in run)))
            else:
                out.extend(piece for _, piece in run)
    return tuple(out)


def rebuild(marked: list[tuple[str | None, Token]]) -> tuple:
    """Tokens with their change (None, 'inserted' or 'deleted') as inlines."""
    out: list = []
    for change, group in groupby(marked, key=lambda item: item[0]):
        inlines = _nest([(token.chain, token.piece) for _, token in group])
        if change is None:
            out.extend(inlines)
        else:
            out.append((Inserted if change == "inserted" else Deleted)(inlines))
    return tuple(out)
