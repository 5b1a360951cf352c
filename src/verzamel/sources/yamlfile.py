"""YAML with positions: every value keeps the line and column it was written at."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from ..diagnostics import Diagnostic, Fix, close_matches, report
from ..messages import t
from ..model import SourceSpan
from .reading import (
    character_diagnostic,
    fix_text,
    replace_references,
    replace_unsafe,
    unsafe_characters,
    unsafe_references,
)
from .yamlerrors import explain
from .yamltext import escapes


@dataclass(frozen=True)
class PositionedYaml:
    """Plain data (dicts, lists, scalars) plus the span of every value, keyed by dotted path."""

    data: Any
    spans: dict[str, SourceSpan]
    """Where each value is written; `path@key` where its key is."""
    refused: frozenset[str] = frozenset()
    """The values reported as a kind verzamel does not use (YAML002), which read as absent: no
    second message says that they are missing."""


@cache
def _yaml():
    """One parser for the process: a YAML() instance is a knot of objects that refer to each
    other, which only the cyclic garbage collector frees (and a thousand files made a thousand).
    ruamel resets it after every load, failed ones included."""
    from ruamel.yaml import YAML

    return YAML(typ="rt")


MAX_VALUES = 100_000
"""Values one YAML file may hold once its aliases are expanded (the example's largest holds 60)."""
MAX_DEPTH = 50
"""Levels of nesting one YAML file may have (verzamel's own files use three)."""
DATE_RANGE = (1800, 2200)
"""The years a date in a source may have: dates outside cannot be calculated with safely."""


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[PositionedYaml | None, list[Diagnostic]]:
    """Parse YAML text from `path`; lines are shifted by `line_offset` (for front matter)."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        node = _yaml().load(text)
    except RecursionError:
        line, column = _deepest(text)
        return None, [
            report(
                "YAML002",
                SourceSpan(path, line + line_offset, column),
                t("yaml.yaml_nested_more_than", max_depth=MAX_DEPTH),
                t("yaml.write_values_as_flat"),
            )
        ]
    except MarkedYAMLError as exc:
        # An unclosed quote is found lines later; where the quoted text starts is the place to fix.
        opened = exc.context and "quoted scalar" in exc.context
        mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + 1
        column = (mark.column if mark else 0) + 1
        problem = exc.problem or exc.context or t("yaml.invalid")
        explained = explain(text, line, column, problem)
        if explained is None:
            return None, [
                report(
                    "YAML001",
                    SourceSpan(path, line + line_offset, column),
                    t("yaml.yaml_syntax", problem=problem),
                    t("yaml.check_indentation_colons_quotes"),
                )
            ]
        fix = None
        if explained.fix is not None:
            fix_line, begin, end, old, new = explained.fix
            fixed = text.split("\n")
            fixed[fix_line - 1] = fixed[fix_line - 1][: begin - 1] + new + fixed[fix_line - 1][end - 1 :]
            if _parses("\n".join(fixed)):
                span = SourceSpan(path, fix_line + line_offset, begin, fix_line + line_offset, end)
                fix = Fix(span, new, expected=old)
        return None, [
            report(
                "YAML001",
                SourceSpan(path, explained.line + line_offset, explained.column),
                explained.message,
                explained.hint + (t("yaml.fix_does") if fix else ""),
                fix,
                detail=t("yaml.parser_said", line=line + line_offset, column=column, problem=problem),
            )
        ]
    except ValueError as exc:  # a date that does not exist, such as 2025-13-45
        return None, [_impossible_date(text, path, line_offset, exc)]
    except (YAMLError, TypeError, AttributeError, OverflowError) as exc:  # what ruamel raises unmarked
        return None, [report("YAML001", SourceSpan(path, 1 + line_offset, 1), t("yaml.yaml", exc=exc))]
    walk = _Walk(path, line_offset, text)
    try:
        data = walk.value(node, "", SourceSpan(path, 1 + line_offset, 1), 0)
    except _Refused as refused:
        return None, [refused.diagnostic]
    return PositionedYaml(data, walk.spans, frozenset(walk.refused)), walk.diagnostics


def _impossible_date(text: str, path: str, line_offset: int, exc: ValueError) -> Diagnostic:
    from datetime import date

    for number, line in enumerate(text.split("\n"), start=1):
        for match in re.finditer(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", line):
            try:
                date(*map(int, match.groups()))
            except ValueError:
                return report(
                    "YAML001",
                    SourceSpan(path, number + line_offset, match.start() + 1),
                    t("yaml.not_date_that_exists", text=match[0]),
                    t("yaml.write_date_as_yyyy"),
                )
    return report("YAML001", SourceSpan(path, 1 + line_offset, 1), t("yaml.yaml", exc=exc))


class _Refused(Exception):
    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic


class _Walk:
    """Loaded YAML to plain data and spans, refusing what verzamel does not use (YAML002).

    Aliases are expanded as the walk goes, so the number of values walked is bounded: an alias
    bomb ("billion laughs") stops at MAX_VALUES instead of filling the memory."""

    def __init__(self, path: str, line_offset: int, text: str):
        self.path = path
        self.line_offset = line_offset
        self.text = text
        self.spans: dict[str, SourceSpan] = {}
        self.diagnostics: list[Diagnostic] = []
        self.refused: set[str] = set()
        self.count = 0
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        self.containers = (CommentedMap, CommentedSeq)
        self.top_span: SourceSpan | None = None
        """The top-level key being walked: where an expansion that grows too large is reported."""

    def span(self, position) -> SourceSpan:
        line, column = position
        return SourceSpan(self.path, line + 1 + self.line_offset, column + 1)

    def value(self, node, prefix: str, span: SourceSpan, depth: int):
        CommentedMap, CommentedSeq = self.containers  # noqa: N806 - ruamel's class names

        self.count += 1
        if self.count > MAX_VALUES:
            raise _Refused(
                report(
                    "YAML002",
                    self.top_span or span,
                    t("yaml.file_holds_more_than", max_values=MAX_VALUES),
                    t("yaml.write_values_out_instead"),
                )
            )
        if depth > MAX_DEPTH:
            raise _Refused(report("YAML002", span, t("yaml.yaml_nested_more_than", max_depth=MAX_DEPTH)))
        tag = getattr(getattr(node, "tag", None), "value", None)
        if type(node) is CommentedMap and tag is None:
            result = {}
            for key, value in node.items():
                key_path = f"{prefix}{key}"
                key_span = self.span(node.lc.key(key))
                self.spans[f"{key_path}@key"] = key_span
                if depth == 0:
                    self.top_span = key_span
                value_span = self.span(node.lc.value(key))
                if value is None:  # ruamel places an empty value at the next token, often a line on
                    value_span = SourceSpan(self.path, key_span.line, key_span.column + len(str(key)) + 1)
                self.spans[key_path] = value_span
                if not isinstance(key, str | int) or isinstance(key, bool):
                    self._refuse(key, key_span)
                elif isinstance(key, str) and unsafe_characters(key):
                    key = self._escaped(key, key_span)
                result[str(key)] = self.value(value, key_path + ".", value_span, depth + 1)
            return result
        if type(node) is CommentedSeq and tag is None:
            result = []
            for index, value in enumerate(node):
                key_path = f"{prefix}{index}"
                value_span = self.span(node.lc.item(index))
                self.spans[key_path] = value_span
                result.append(self.value(value, key_path + ".", value_span, depth + 1))
            return result
        if isinstance(node, str) and tag is None and unsafe_characters(node):
            node = self._escaped(node, span)
        if isinstance(node, str) and tag is None and "&#" in node and unsafe_references(node):
            node = self._referenced(node, span)
        if node is None or isinstance(node, str | bool | int | float) and tag is None:
            return node
        if type(node) is date:
            if not DATE_RANGE[0] <= node.year <= DATE_RANGE[1]:
                self.diagnostics.append(
                    report(
                        "YAML002",
                        span,
                        t(
                            "yaml.outside_years",
                            date=node.isoformat(),
                            first=DATE_RANGE[0],
                            last=DATE_RANGE[1],
                        ),
                        t("yaml.check_year"),
                    )
                )
                self.refused.add(prefix[:-1])
                return None  # read as absent, as any refused value: no calculation ever sees it
            return node
        self.refused.add(prefix[:-1])
        return self._refuse(node, span)

    def _escaped(self, value: str, span: SourceSpan) -> str:
        """A text with characters a document cannot hold, which only a double-quoted value's escapes
        (`"\\x07"`, `"\\e"`, `"\\ue000"`) can write (the file's own ones are reported as they are read):
        each reported at its escape, as in a file (TXT001, TXT002), and replaced as there."""
        shift = self.line_offset
        here = SourceSpan("", span.line - shift, span.column)
        written = [found for found in escapes(self.text, here) if unsafe_characters(found[2])]
        for place, escape, char in written:
            at = SourceSpan(self.path, place.line + shift, place.column, place.line + shift, place.end_column)
            instead = fix_text(char)
            fix = None if instead is None else Fix(at, instead, expected=escape)
            self.diagnostics.append(character_diagnostic(char, at, fix, written=escape))
        if not written:  # an alias (`*name`) of such a value: reported where the alias is too
            self.diagnostics.append(character_diagnostic(unsafe_characters(value)[0], span, None))
        return replace_unsafe(value)

    def _referenced(self, value: str, span: SourceSpan) -> str:
        """A text whose escapes write a character reference Markdown reads as a character a
        document cannot hold (`"\\x26#12;"` is `&#12;`): reported at the value, and read as in a file."""
        for reference, char in unsafe_references(value):
            self.diagnostics.append(character_diagnostic(char, span, None, written=reference[0]))
        return replace_references(value)

    def _refuse(self, node, span: SourceSpan) -> None:
        """Report a value verzamel does not use; the value reads as absent (the file fails anyway)."""
        if isinstance(node, datetime):
            message, hint = t("yaml.date_with_time"), t("yaml.only_the_date")
        elif getattr(getattr(node, "tag", None), "value", None):
            message, hint = t("yaml.tag", tag=node.tag.value), t("yaml.leave_tag_out")
        else:
            message, hint = t("yaml.unused_kind"), t("yaml.plain_values")
        self.diagnostics.append(report("YAML002", span, message, hint))
        return None


def _parses(text: str) -> bool:
    try:
        _yaml().load(text)
    except Exception:  # any failure means: do not offer the fix
        return False
    return True


def _deepest(text: str) -> tuple[int, int]:
    """Where brackets in `text` first nest deeper than MAX_DEPTH: (line, column), 1-based."""
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        for column, char in enumerate(line, start=1):
            depth += (char in "[{") - (char in "]}")
            if depth > MAX_DEPTH:
                return number, column
    return 1, 1


def normalize_id(value) -> str:
    """An id as text in one Unicode form (NFC), so 'é' typed two ways is the same id."""
    import unicodedata

    return unicodedata.normalize("NFC", str(value).strip())


NEAR_MISS = 0.8
"""How alike an unknown key and a known one must be to count as a misspelling (difflib ratio):
'ministeraad'/'ministerraad' 0.96, 'titel'/'title' 0.8; a key of the dossier's own stays a warning."""


def unknown_key(key: str, known, span: SourceSpan, rule: str) -> Diagnostic:
    """A key verzamel does not know: an error with the fix when it is a near miss of a known key
    (KEY001: a misspelt key silently drops what it holds), otherwise `rule` (a warning) with a hint."""
    key = str(key)
    close = close_matches(key, [str(k) for k in known], cutoff=NEAR_MISS)
    if close:
        end = SourceSpan(span.path, span.line, span.column, span.line, span.column + len(key))
        return report(
            "KEY001",
            span,
            t("yaml.unknown_key_misspelling", key=key, known=close[0]),
            t("yaml.write_fix_does", known=close[0]),
            Fix(end, close[0], expected=key),
        )
    close = close_matches(key, known)
    hint = t("yaml.did_you_mean", known=close[0]) if close else t("yaml.known_keys", keys=", ".join(known))
    return report(rule, span, t("yaml.unknown_key", key=key), hint)
