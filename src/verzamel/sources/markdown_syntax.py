"""The Markdown verzamel reads, as one markdown-it parser and its own inline rules.

CommonMark plus tables, footnotes (`[^id]`, matched even when the definition lives in the
registry), block attributes (`{.StyleName}`), layout containers (`:::: kolommen` holding `::: kolom`
blocks), citations by id (`[@kst-19637-3451, p. 3]`) and what the Woo withholds: `[words]{woo=…}`
and a `::: {woo=…}` … `:::` block. sources/markdown.py turns its tokens into blocks and inlines.
"""

from __future__ import annotations

import re
from functools import cache

from ..woo.grounds import ATTRIBUTE, attribute_value

LAYOUT_CONTAINERS = ("kolommen", "kolom")
MAX_DEPTH = 9
"""Lists and quotes inside each other: Word numbers list levels 1 to 9."""
MAX_COLUMNS = 63
"""Columns of one table (or `kolommen`) in a Word document: Word makes no more."""
WIDTH = re.compile(r"[0-9]{1,3}%?")
"""A column width in `:::: kolommen 68 32`: a whole percentage of the text width."""
PARSER_NESTING = 4 * MAX_DEPTH + 20
"""markdown-it silently drops what lies deeper than its nesting limit; with this one, anything that
deep is far past MAX_DEPTH and so reported (MD003) before the limit can drop a word."""
WOO_SPAN_START = re.compile(r"\[(?![\^@])")


@cache
def parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_block_plugin
    from mdit_py_plugins.container import container_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": False, "maxNesting": PARSER_NESTING}).enable("table")
    footnote_plugin(md, inline=False, move_to_end=False, always_match_refs=True)
    attrs_block_plugin(md)
    md.inline.ruler.before("link", "cite", _cite_rule)
    md.inline.ruler.before("link", "woo", _woo_span_rule)
    container_plugin(
        md, "layout", validate=lambda params, *_: params.strip().split(" ", 1)[0] in LAYOUT_CONTAINERS
    )
    container_plugin(md, "woo", validate=lambda params, *_: params.strip().startswith("{woo"))
    return md


def _woo_span_rule(state, silent: bool) -> bool:
    """`[words]{woo=5.1.2e}`: words withheld on a Woo ground (the ground is checked later)."""
    if state.src[state.pos] != "[" or state.src.startswith(("[^", "[@"), state.pos):
        return False
    label_end = state.md.helpers.parseLinkLabel(state, state.pos, False)
    if label_end < 0:
        return False
    attribute = ATTRIBUTE.match(state.src, label_end + 1)
    if attribute is None:
        return False
    if not silent:
        maximum = state.posMax
        token = state.push("woo_open", "", 1)
        token.meta = {"grounds": attribute_value(attribute), "attribute": attribute[0]}
        state.pos, state.posMax = state.pos + 1, label_end
        state.md.inline.tokenize(state)
        state.push("woo_close", "", -1)
        state.posMax = maximum
    state.pos = attribute.end()
    return True


CITE = re.compile(r"\[@(?P<id>[A-Za-z0-9][A-Za-z0-9:.\-]*)(?:\s*,\s*(?P<locator>[^\]\n]+?))?\s*\]")


def _cite_rule(state, silent: bool) -> bool:
    """`[@kst-19637-3451]` or `[@kst-19637-3451, p. 3]`: a citation by id."""
    if not state.src.startswith("[@", state.pos):
        return False
    match = CITE.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        token = state.push("cite", "", 0)
        token.meta = {"id": match["id"], "locator": match["locator"], "raw": match[0]}
    state.pos = match.end()
    return True


CLOSING_FENCE = re.compile(r"[ \t>]*:{3,}[ \t]*")


def closed(lines: list[str], end: int) -> bool:
    """Whether a `::: {woo}` block whose token ends at line `end` ends on a closing fence there
    (the container plugin closes a block without one at the end of the text, or of its parent)."""
    return end < len(lines) and CLOSING_FENCE.fullmatch(lines[end]) is not None
