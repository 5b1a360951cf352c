"""The text of a YAML value as it stands in its file, line by line, with each line's place.

Prose in a manifest or the registry (`aanleiding: >-`, a footnote's `text:`) is Markdown: it is
parsed from these lines, not from the loaded value, so every character keeps its line and column
and a diagnostic or a fix points into the file.
"""

from __future__ import annotations

import re

from ..model import SourceSpan
from .reading import replace_references, replace_unsafe


def value_lines(file_text: str, value: SourceSpan) -> list[tuple[int, int, str]]:
    """The lines of a YAML scalar value as (line, column, text), without its quotes, its `|`/`>`
    indicator or a comment after it: consecutive lines, blank ones included, so Markdown in it
    keeps its paragraphs and every character its place in the file.

    Escapes in a quoted value are read as YAML reads them (`\\"` is `"`, `''` is `'`); the
    columns after an escape on its line are then off by the escape's length."""
    lines = file_text.split("\n")
    first = value.line - 1
    if first >= len(lines):
        return []
    key_line = lines[first]
    key_indent = len(key_line) - len(key_line.lstrip(" "))
    rest = key_line[value.column - 1 :]
    quote = rest[:1] if rest[:1] in ("'", '"') else ""
    if quote:
        return _quoted_lines(lines, value, quote)
    picked: list[tuple[int, int, str]] = []
    block = rest[:1] in ("|", ">")
    if not block and rest.strip():
        text, commented = _without_comment(rest)
        picked.append((value.line, value.column, text))
        if commented:
            return picked
    for number in range(first + 1, len(lines)):
        line = lines[number]
        indent = len(line) - len(line.lstrip(" "))
        if line.strip() and indent <= key_indent:
            break
        text, commented = (line[indent:].rstrip(), False) if block else _without_comment(line[indent:])
        picked.append((number + 1, indent + 1, text))
        if commented:
            break
    while picked and not picked[-1][2]:
        picked.pop()
    return picked


def _without_comment(text: str) -> tuple[str, bool]:
    """A line of a plain (unquoted) value without a `# comment` after it, and whether it had one."""
    match = re.search(r"(^|[ \t])#", text)
    if match is None:
        return text.rstrip(), False
    return text[: match.start()].rstrip(), True


_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def _read(code: str) -> str | None:
    """The character an escape (without its backslash) stands for; None for one YAML does not know."""
    if code[0] in "xuU" and len(code) > 1:
        number = int(code[1:], 16)
        return chr(number) if number <= 0x10FFFF else None
    return _ESCAPES.get(code)


def _unescape(match: re.Match) -> str:
    char = _read(match[1])
    return match[0] if char is None else replace_unsafe(char)  # as the loaded value has it (yamlfile)


def _read_quoted(content: str) -> str:
    """A line of a double-quoted value as the loaded value has it (sources.yamlfile): escapes read,
    and what they write that a document cannot hold replaced as in a file."""
    return replace_references(_ESCAPE.sub(_unescape, content))


def escapes(file_text: str, value: SourceSpan) -> list[tuple[SourceSpan, str, str]]:
    """The escapes of a double-quoted YAML scalar that starts at `value`: (place, as written, the
    character YAML reads), in order. Empty for a value that is not double-quoted."""
    lines = file_text.split("\n")
    if value.line - 1 >= len(lines) or lines[value.line - 1][value.column - 1 : value.column] != '"':
        return []
    found: list[tuple[SourceSpan, str, str]] = []
    _quoted_lines(lines, value, '"', found)
    return found


def _quoted_lines(
    lines: list[str], value: SourceSpan, quote: str, escaped: list | None = None
) -> list[tuple[int, int, str]]:
    """The lines of a quoted value up to its closing quote, with its escapes read (and, when
    `escaped` is given, each escape's place, text and character added to it)."""
    picked: list[tuple[int, int, str]] = []
    number, start = value.line - 1, value.column  # just after the opening quote
    while number < len(lines):
        line = lines[number]
        index, text = start, []
        while index < len(line):
            char = line[index]
            if quote == '"' and char == "\\":
                if escaped is not None and (match := _ESCAPE.match(line, index)):
                    place = SourceSpan(value.path, number + 1, index + 1, number + 1, match.end() + 1)
                    escaped.append((place, match[0], _read(match[1]) or ""))
                text.append(line[index : index + 2])
                index += 2
                continue
            if char == quote:
                if quote == "'" and line[index + 1 : index + 2] == "'":
                    text.append("'")
                    index += 2
                    continue
                content = "".join(text)
                picked.append((number + 1, start + 1, _read_quoted(content) if quote == '"' else content))
                return picked
            text.append(char)
            index += 1
        content = "".join(text)
        if quote == '"' and content.endswith("\\") and not content.endswith("\\\\"):
            content = content[:-1]  # an escaped line break: the lines join without a space
        picked.append((number + 1, start + 1, _read_quoted(content) if quote == '"' else content.rstrip()))
        number += 1
        if number < len(lines):
            start = len(lines[number]) - len(lines[number].lstrip(" "))
    return picked
