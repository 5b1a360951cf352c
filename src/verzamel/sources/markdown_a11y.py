"""What in a source's Markdown makes a published document less accessible, at its place in the file.

Read from the parser's tokens (sources/markdown_syntax.py) as the text is parsed: a picture
without an alternative text (ACC001), a table whose header row is empty (ACC003: Markdown always
has one, so an empty one is the way to write a table without), a link whose text is a web address
(ACC004). A skipped heading level depends on where a fragment goes: checks/headings.py (ACC002).
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, report
from ..messages import t

ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)


def accessibility(tokens, source) -> list[Diagnostic]:
    """ACC001, ACC003 and ACC004 in `tokens`, the parse of `source` (markdown._Source)."""
    found: list[Diagnostic] = []
    for i, token in enumerate(tokens):
        if token.type == "table_open" and _header_empty(tokens, i):
            found.append(report("ACC003", source.line_span(token.map), t("a11y.table_without_header"),
                                t("a11y.table_without_header_hint")))  # fmt: skip
        elif token.type == "inline" and token.children:
            found.extend(_inline(token, source))
    return found


def _header_empty(tokens, start: int) -> bool:
    cells = []
    for token in tokens[start + 1 :]:
        if token.type == "thead_close":
            break
        if token.type == "inline":
            cells.append(token.content)
    return bool(cells) and not any(cell.strip() for cell in cells)


def _inline(token, source) -> list[Diagnostic]:
    found = []
    cursor = source.starts[token.map[0]] if token.map else 0
    children = token.children
    for i, child in enumerate(children):
        if child.type == "code_inline":  # code may show what looks like a picture or a link
            _, cursor = _find(source.text, child.content, cursor)
        elif child.type == "image":
            at, cursor = _find(source.text, "![", cursor)
            if not child.content.strip():
                span = source.span_at(at, len("!["))
                found.append(
                    report("ACC001", span, t("a11y.image_without_text"), t("a11y.image_without_text_hint"))
                )
        elif child.type == "link_open":
            text = "".join(
                c.content for c in _link_children(children, i + 1) if c.type in ("text", "code_inline")
            )
            if _is_address(text.strip(), child.attrs.get("href", "")):
                at, cursor = _find(source.text, text.strip(), cursor)
                span = source.span_at(at, len(text.strip()))
                message = t("a11y.link_text_is_address", address=text.strip())
                found.append(report("ACC004", span, message, t("a11y.link_text_is_address_hint")))
    return found


def _link_children(children, start: int):
    depth = 1
    for child in children[start:]:
        depth += 1 if child.type == "link_open" else -1 if child.type == "link_close" else 0
        if depth == 0:
            return
        yield child


def _is_address(text: str, href: str) -> bool:
    """A link text that is a web address, its own or another: a reader hears it letter by letter."""
    if not text:
        return False
    bare = SCHEME.sub("", text).rstrip("/").casefold()
    return ADDRESS.fullmatch(text) is not None or bare == SCHEME.sub("", href).rstrip("/").casefold()


def _find(text: str, needle: str, cursor: int) -> tuple[int, int]:
    """Where `needle` next stands in `text` from `cursor`, and the cursor after it (the parser found
    it there; a needle spelled with character references is placed at the cursor)."""
    at = text.find(needle, cursor)
    if at < 0:
        return cursor, cursor
    return at, at + len(needle)
