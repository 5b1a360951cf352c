"""The plain text of the model's inlines, for the stages below the writers (assembly): the same
text the text writer (render/text.py) gives, which a stage must not import."""

from __future__ import annotations

from .model import (
    Code,
    Deleted,
    Emphasis,
    Inserted,
    LineBreak,
    Link,
    NoteRef,
    Paragraph,
    Redaction,
    Strong,
    Text,
    Withheld,
)


def woo_marks(grounds) -> str:
    """What stands in a public document where text was withheld: its grounds."""
    return f"[{', '.join(grounds) or 'woo'}]"


def word_diff_marks(text: str, change: str) -> str:
    """`git diff --word-diff` marks: `[-removed-]`, `{+added+}`."""
    return f"{{+{text}+}}" if change == "inserted" else f"[-{text}-]"


def inline_text(inlines, mark=word_diff_marks) -> str:
    """The text of `inlines`; words a later revision added or removed marked by `mark(text, change)`."""
    parts = []
    for inline in inlines:
        if isinstance(inline, Text | Code):
            parts.append(inline.text)
        elif isinstance(inline, Emphasis | Strong | Link):
            parts.append(inline_text(inline.children, mark))
        elif isinstance(inline, Inserted | Deleted):
            change = "inserted" if isinstance(inline, Inserted) else "deleted"
            parts.append(mark(inline_text(inline.children, mark), change))
        elif isinstance(inline, LineBreak):
            parts.append("\n")
        elif isinstance(inline, NoteRef):
            parts.append(f"[{inline.number}]" if inline.number else f"[^{inline.label}]")
        elif isinstance(inline, Withheld):  # the internal beslisnota: marked, with its ground
            parts.append(f"[woo {', '.join(inline.grounds)}: {inline_text(inline.children, mark)}]")
        elif isinstance(inline, Redaction):
            parts.append(woo_marks(inline.grounds))
    return "".join(parts)


def title_of(blocks) -> str | None:
    """A document's title as its template words it: the text of its `Title` paragraph."""
    titles = [b for b in blocks if isinstance(b, Paragraph) and b.style == "Title"]
    return inline_text(titles[0].inlines) if titles else None
