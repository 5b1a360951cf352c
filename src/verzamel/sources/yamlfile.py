"""YAML with positions: every value keeps the line and column it was written at."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, report
from ..model import SourceSpan


@dataclass(frozen=True)
class PositionedYaml:
    """Plain data (dicts, lists, scalars) plus the span of every value, keyed by dotted path."""

    data: Any
    spans: dict[str, SourceSpan]
    """Where each value is written; `path@key` where its key is."""


def _yaml():
    from ruamel.yaml import YAML

    return YAML(typ="rt")


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[PositionedYaml | None, list[Diagnostic]]:
    """Parse YAML text from `path`; lines are shifted by `line_offset` (for front matter)."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        node = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + 1 + line_offset
        column = (mark.column if mark else 0) + 1
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [
            report(
                "YAML001",
                SourceSpan(path, line, column),
                f"YAML syntax: {problem}",
                "check indentation, colons and quotes on this line or the one above",
            )
        ]
    except ValueError as exc:  # a date that does not exist, such as 2025-13-45
        return None, [_impossible_date(text, path, line_offset, exc)]
    except YAMLError as exc:  # pragma: no cover - ruamel reports nearly everything as marked
        return None, [report("YAML001", SourceSpan(path, 1 + line_offset, 1), f"YAML: {exc}")]
    spans: dict[str, SourceSpan] = {}
    data = _walk(node, "", path, line_offset, spans)
    return PositionedYaml(data, spans), []


def _impossible_date(text: str, path: str, line_offset: int, exc: ValueError) -> Diagnostic:
    import re
    from datetime import date

    for number, line in enumerate(text.split("\n"), start=1):
        for match in re.finditer(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", line):
            try:
                date(*map(int, match.groups()))
            except ValueError:
                return report(
                    "YAML001",
                    SourceSpan(path, number + line_offset, match.start() + 1),
                    f"{match[0]} is not a date that exists",
                    "write the date as YYYY-MM-DD",
                )
    return report("YAML001", SourceSpan(path, 1 + line_offset, 1), f"YAML: {exc}")


def _walk(node, prefix, path, line_offset, spans):
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def record(key_path, position):
        line, column = position
        spans[key_path] = SourceSpan(path, line + 1 + line_offset, column + 1)

    if isinstance(node, CommentedMap):
        result = {}
        for key, value in node.items():
            key_path = f"{prefix}{key}"
            record(key_path, node.lc.value(key))
            spans[f"{key_path}@key"] = SourceSpan(
                path, node.lc.key(key)[0] + 1 + line_offset, node.lc.key(key)[1] + 1
            )
            result[str(key)] = _walk(value, key_path + ".", path, line_offset, spans)
        return result
    if isinstance(node, CommentedSeq):
        result = []
        for index, value in enumerate(node):
            key_path = f"{prefix}{index}"
            record(key_path, node.lc.item(index))
            result.append(_walk(value, key_path + ".", path, line_offset, spans))
        return result
    if isinstance(node, str):
        return str(node)
    return node


def unknown_key(key: str, known, span: SourceSpan, rule: str) -> Diagnostic:
    """`rule` for a key verzamel does not know, with the closest known key as a hint."""
    import difflib

    close = difflib.get_close_matches(str(key), list(known), 1, 0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"
    return report(rule, span, f"unknown key '{key}'", hint)


def value_lines(file_text: str, value: SourceSpan) -> list[tuple[int, int, str]]:
    """The raw lines of a YAML scalar value as (line, column, text), without its quotes or its
    `|`/`>` indicator: consecutive lines, blank ones included, so Markdown in it keeps its
    paragraphs and every character its place in the file."""
    lines = file_text.split("\n")
    first = value.line - 1
    if first >= len(lines):
        return []
    key_line = lines[first]
    key_indent = len(key_line) - len(key_line.lstrip(" "))
    rest = key_line[value.column - 1 :]
    picked: list[tuple[int, int, str]] = []
    quote = rest[:1] if rest[:1] in ("'", '"') else ""
    if rest[:1] not in ("|", ">") and rest.strip():
        picked.append((value.line, value.column + len(quote), rest[len(quote) :].rstrip()))
    for number in range(first + 1, len(lines)):
        line = lines[number]
        indent = len(line) - len(line.lstrip(" "))
        if line.strip() and indent <= key_indent:
            break
        picked.append((number + 1, indent + 1, line[indent:].rstrip()))
    while picked and not picked[-1][2]:
        picked.pop()
    if quote and picked:
        line, column, text = picked[-1]
        picked[-1] = (line, column, text[: text.rfind(quote)] if quote in text else text)
    return picked
