"""Markdown text -> blocks and inlines, with footnote references located in the source.

The tokens come from the one parser of sources/markdown_syntax.py (fragments, manifest prose,
registry footnotes and rendered templates alike). Here they become the model's blocks and inlines,
each footnote reference and Woo mark with its place in the file, and what the text holds that
verzamel does not read the way it looks (a Woo mark in another form: WOO006) is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic, report
from ..messages import t
from ..model import (
    Block,
    BlockQuote,
    Code,
    Columns,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    NoteDef,
    NoteRef,
    Paragraph,
    SourceSpan,
    Strong,
    Table,
    Text,
    Withheld,
    WithheldBlock,
    flat_inlines,
    merge_texts,
)
from ..woo.grounds import ATTRIBUTE, attribute_value, read_grounds
from ..woo.marks import lookalikes, stray
from .markdown_a11y import accessibility
from .markdown_layout import column_widths, too_wide
from .markdown_syntax import (
    MAX_DEPTH,
    WOO_SPAN_START,
    closed,
    parser,
)


@dataclass
class ParsedMarkdown:
    blocks: tuple[Block, ...]
    notes: dict[str, NoteDef]
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass
class _Source:
    """The text being parsed and where it sits in its file."""

    text: str
    path: str
    line_offset: int
    column_offset: int
    line_columns: list[int] | None = None

    def __post_init__(self):
        self.lines = self.text.split("\n")
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def span_at(self, offset: int, length: int = 0) -> SourceSpan:
        line = max(i for i, start in enumerate(self.starts) if start <= offset)
        line = min(line, len(self.lines) - 1)
        column = offset - self.starts[line]
        end_column = column + length
        indent = self.line_columns[line] - 1 if self.line_columns else self.column_offset
        return SourceSpan(
            self.path,
            line + 1 + self.line_offset,
            column + 1 + indent,
            line + 1 + self.line_offset,
            end_column + 1 + indent,
        )

    def line_span(self, token_map) -> SourceSpan:
        line = token_map[0] if token_map else 0
        column = self.line_columns[line] if self.line_columns else 1 + self.column_offset
        return SourceSpan(self.path, line + 1 + self.line_offset, column)

    def lines_span(self, token_map) -> SourceSpan:
        """Where a block starts, with the last line it is written on (end_line; no end_column)."""
        span = self.line_span(token_map)
        last = token_map[1] + self.line_offset if token_map else span.line
        return replace(span, end_line=max(last, span.line))


def parse_markdown(text: str, path: str, line_offset: int = 0, column_offset: int = 0) -> ParsedMarkdown:
    """Parse Markdown from `path`; `line_offset` lines precede `text` in the file (front matter),
    and every line of it is indented by `column_offset` there."""
    return _parse(_Source(text, path, line_offset, column_offset))


def parse_markdown_lines(lines: list[tuple[int, int, str]], path: str) -> ParsedMarkdown:
    """Parse Markdown written over consecutive (line, column, text) lines of a file, such as the
    lines of a YAML value (sources.yamltext.value_lines)."""
    if not lines:
        return ParsedMarkdown((), {})
    source = _Source("\n".join(t for _, _, t in lines), path, lines[0][0] - 1, 0, [c for _, c, _ in lines])
    return _parse(source)


def _parse(source: _Source) -> ParsedMarkdown:
    text = source.text
    tokens = parser().parse(text, {})
    too_deep = _too_deep(tokens, source)
    if too_deep is not None:
        return ParsedMarkdown((), {}, [too_deep])
    builder = _Builder(source)
    blocks, _ = builder.blocks(tokens, 0, None)
    strays = [source.span_at(start, end - start) for start, end in stray(text, builder.marks_read)]
    # a mark spelled with character references (`w&#111;o`) shows only in the text as read
    reported = {span.line for span in strays}
    strays += [span for span in builder.decoded_marks if span.line not in reported]
    for span in strays:
        builder.diagnostics.append(
            report("WOO006", span, t("woo.this_mark_not_read"), t("woo.mark_words_as_words"))
        )
    builder.diagnostics += accessibility(tokens, source)
    return ParsedMarkdown(tuple(blocks), builder.notes, builder.diagnostics)


NESTING = {"bullet_list_open", "ordered_list_open", "blockquote_open"}


def _too_deep(tokens, source: _Source) -> Diagnostic | None:
    """MD003 at the first list or quote more than MAX_DEPTH levels inside others."""
    depth = 0
    for token in tokens:
        if token.type in NESTING:
            depth += 1
            if depth > MAX_DEPTH:
                return report(
                    "MD003",
                    source.line_span(token.map),
                    t("markdown.lists_quotes_are_nested", max_depth=MAX_DEPTH),
                    t("markdown.word_document_shows_at"),
                )
        elif token.type.replace("_close", "_open") in NESTING:
            depth -= 1
    return None


class _Builder:
    def __init__(self, source: _Source):
        self.source = source
        self.notes: dict[str, NoteDef] = {}
        self.diagnostics: list[Diagnostic] = []
        self.marks_read: list[tuple[int, int]] = []
        """Where in the text the Woo marks are that were read as marks: (start, end) offsets."""
        self.decoded_marks: list[SourceSpan] = []
        """Lines whose text, as read (character references decoded), looks like a Woo mark."""

    def blocks(self, tokens, i, close_type):
        out: list[Block] = []
        while i < len(tokens):
            tok = tokens[i]
            if close_type and tok.type == close_type:
                return out, i + 1
            handler = getattr(self, "_" + tok.type, None)
            if handler is None:
                i += 1
                continue
            block, i = handler(tokens, i)
            if block is not None:
                out.append(block)
        return out, i

    # -- block handlers: each returns (block or None, index after the block) --

    def _paragraph_open(self, tokens, i):
        tok = tokens[i]
        style = (tok.attrs.get("class") or "").split(" ")[0] or None
        inlines = self.inlines(tokens[i + 1])
        return Paragraph(inlines, style, self.source.lines_span(tok.map)), i + 3

    def _heading_open(self, tokens, i):
        tok = tokens[i]
        return Heading(int(tok.tag[1]), self.inlines(tokens[i + 1]), self.source.line_span(tok.map)), i + 3

    def _bullet_list_open(self, tokens, i):
        return self._list(tokens, i, ordered=False)

    def _ordered_list_open(self, tokens, i):
        return self._list(tokens, i, ordered=True)

    def _list(self, tokens, i, ordered):
        start = int(tokens[i].attrs.get("start", 1)) if ordered else 1
        close = "ordered_list_close" if ordered else "bullet_list_close"
        items = []
        i += 1
        while tokens[i].type != close:
            item, i = self.blocks(tokens, i + 1, "list_item_close")
            items.append(tuple(item))
        return ListBlock(ordered, tuple(items), start), i + 1

    def _blockquote_open(self, tokens, i):
        children, i = self.blocks(tokens, i + 1, "blockquote_close")
        return BlockQuote(tuple(children)), i

    def _fence(self, tokens, i):
        return self._code_block(tokens, i)

    def _code_block(self, tokens, i):
        tok = tokens[i]
        lines = tok.content.rstrip("\n").split("\n")
        inlines: list[Inline] = []
        for n, line in enumerate(lines):
            if n:
                inlines.append(LineBreak())
            inlines.append(Code(line))
        return Paragraph(tuple(inlines), None, self.source.lines_span(tok.map)), i + 1

    def _table_open(self, tokens, i):
        header = None
        rows = []
        row: list = []
        span = self.source.line_span(tokens[i].map)
        i += 1
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "inline":
                row.append(self.inlines(tok))
            elif tok.type == "tr_close":
                if header is None and tokens[i + 1].type == "thead_close":
                    header = tuple(row)
                else:
                    rows.append(tuple(row))
                row = []
            i += 1
        self.diagnostics += too_wide(max((len(r) for r in (header or (), *rows)), default=0), span)
        return Table(header, tuple(rows)), i + 1

    def _container_layout_open(self, tokens, i):
        tok = tokens[i]
        name, *args = tok.info.split()
        if name != "kolommen":
            self.diagnostics.append(
                report(
                    "MD002",
                    self.source.line_span(tok.map),
                    t("markdown.may_only_stand_inside", name=name),
                )
            )
            _, i = self.blocks(tokens, i + 1, "container_layout_close")
            return None, i
        columns = []
        i += 1
        while tokens[i].type != "container_layout_close":
            if tokens[i].type == "container_layout_open":
                column, i = self.blocks(tokens, i + 1, "container_layout_close")
                columns.append(tuple(column))
                continue
            if tokens[i].map and tokens[i].level == tok.level + 1:  # text that would be lost
                self.diagnostics.append(
                    report(
                        "MD002",
                        self.source.line_span(tokens[i].map),
                        t("markdown.text_inside_kolommen_must"),
                        t("markdown.put_between_kolom_after"),
                    )
                )
            i += 1
        span = self.source.line_span(tok.map)
        self.diagnostics += too_wide(len(columns), span)
        widths, problems = column_widths(args, len(columns), span)
        self.diagnostics += problems
        return Columns(tuple(columns), widths), i + 1

    def _container_woo_open(self, tokens, i):
        tok = tokens[i]
        attribute = ATTRIBUTE.fullmatch(tok.info.strip())
        span = self.source.line_span(tok.map)
        if attribute is not None:  # the opening line is the mark; any other form is reported (WOO006)
            first = tok.map[0]
            self.marks_read.append((self.source.starts[first], self.source.starts[first + 1]))
            grounds = self._grounds(attribute_value(attribute), span)
        else:
            grounds = ()
        if not closed(self.source.lines, tok.map[1]):
            self.diagnostics.append(
                report("WOO009", span, t("woo.block_not_closed"), t("woo.block_not_closed_hint"))
            )
        children, i = self.blocks(tokens, i + 1, "container_woo_close")
        return WithheldBlock(tuple(children), grounds, span), i

    def _grounds(self, raw: str, span: SourceSpan) -> tuple[str, ...]:
        """The Woo grounds written in a mark; what is not a ground is reported (WOO002)."""
        codes, diagnostics = read_grounds(raw, span)
        self.diagnostics.extend(diagnostics)
        return codes

    def _footnote_reference_open(self, tokens, i):
        tok = tokens[i]
        label = tok.meta["label"]
        span = self.source.line_span(tok.map)
        children, i = self.blocks(tokens, i + 1, "footnote_reference_close")
        if label in self.notes:
            first = self.notes[label].span
            self.diagnostics.append(
                report(
                    "FN003",
                    span,
                    t("markdown.footnote_defined_twice_first", label=label, line=first.line),
                    t("markdown.give_one_two_definitions"),
                )
            )
        else:
            self.notes[label] = NoteDef(label, tuple(children), span)
        return None, i

    # -- inlines --

    def inlines(self, inline_token) -> tuple[Inline, ...]:
        self._search_from = self.source.starts[inline_token.map[0]] if inline_token.map else 0
        result, _ = self._inline_run(inline_token.children or [], 0, None)
        self._withheld_in_link(result)
        read = (i.text for i in flat_inlines(result) if isinstance(i, Text | Code))
        if lookalikes("".join(read)):
            self.decoded_marks.append(self.source.line_span(inline_token.map))
        return tuple(result)

    def _inline_run(self, children, i, close_type):
        out: list[Inline] = []
        while i < len(children):
            tok = children[i]
            kind = tok.type
            if close_type and kind == close_type:
                return merge_texts(out), i + 1
            if kind == "text":
                out.append(Text(tok.content))
            elif kind == "softbreak":
                out.append(Text(" "))
            elif kind == "hardbreak":
                out.append(LineBreak())
            elif kind == "code_inline":
                out.append(Code(tok.content))
            elif kind == "image":
                out.append(Text(tok.content))
            elif kind == "footnote_ref":
                out.append(self._note_ref(tok.meta["label"], f"[^{tok.meta['label']}]"))
            elif kind == "cite":
                ref = self._note_ref("@" + tok.meta["id"], tok.meta["raw"])
                out.append(NoteRef(ref.label, ref.span, locator=tok.meta["locator"]))
            elif kind == "woo_open":
                span = self._locate(WOO_SPAN_START)
                inner, i = self._inline_run(children, i + 1, "woo_close")
                self.marks_read.append(self._find(tok.meta["attribute"]))
                out.append(Withheld(tuple(inner), self._grounds(tok.meta["grounds"], span), span))
                continue
            elif kind in ("em_open", "strong_open", "link_open"):
                inner, i = self._inline_run(children, i + 1, kind.replace("_open", "_close"))
                if kind == "em_open":
                    out.append(Emphasis(tuple(inner)))
                elif kind == "strong_open":
                    out.append(Strong(tuple(inner)))
                else:
                    out.append(Link(tok.attrs.get("href", ""), tuple(inner)))
                continue
            i += 1
        return merge_texts(out), i

    def _withheld_in_link(self, inlines) -> None:
        """WOO007 at withheld words inside a link: markdown-it makes no link of `[[words]{woo=…}](address)`
        and prints the brackets and the address, which may say what is withheld (an e-mail address)."""
        found = list(flat_inlines(inlines))
        if any(isinstance(i, Text) and "](" in i.text for i in found):
            for inline in found:
                if isinstance(inline, Withheld):
                    self.diagnostics.append(
                        report("WOO007", inline.span, t("woo.not_in_link"), t("woo.not_in_link_hint"))
                    )

    def _note_ref(self, label: str, needle: str) -> NoteRef:
        return NoteRef(label, self._locate(needle))

    def _locate(self, needle: str | re.Pattern) -> SourceSpan:
        """Where `needle` (text or pattern) next occurs in the source (the parser found it there)."""
        start, end = self._find(needle)
        return self.source.span_at(start, end - start)

    def _find(self, needle: str | re.Pattern) -> tuple[int, int]:
        """The (start, end) offsets of the next `needle` in the source, searching on from there."""
        if isinstance(needle, str):
            offset, length = self.source.text.find(needle, self._search_from), len(needle)
        else:
            match = needle.search(self.source.text, self._search_from)
            offset, length = (match.start(), len(match[0])) if match else (-1, 0)
        if offset < 0:  # pragma: no cover - the parser only makes tokens it found in the text
            return self._search_from, self._search_from
        self._search_from = offset + length
        return offset, offset + length
