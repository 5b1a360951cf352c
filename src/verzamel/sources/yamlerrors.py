"""YAML syntax errors in plain words: what a policy officer typed, where, and how to write it.

The parser says where it got stuck ("mapping values are not allowed here", line 1 column 23);
the user needs the cause, which is often earlier on the line or lines above: a tab used to
indent, a title with ': ' in it, a list item indented unlike its neighbours, a quote or bracket
opened and never closed. `explain` finds that cause; the parser's own words stay as the detail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..messages import t

_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?(?P<quote>["'])""")
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?(?P<key>[^\s#'\"{\[][^:#]*?):\s+(?P<value>[^\s'\"{\[|>].*)$")


@dataclass(frozen=True)
class Explained:
    line: int
    column: int
    message: str
    hint: str
    fix: tuple[int, int, int, str, str] | None = None
    """(line, column, end column, text replaced, replacement), when the correction is certain."""


def explain(text: str, line: int, column: int, problem: str) -> Explained | None:
    """The cause of a YAML syntax error the parser reported at (line, column), 1-based; None when
    it is none of the known mistakes."""
    lines = text.split("\n")
    for finder in (_tab, _unclosed_quote, _unclosed_bracket, _colon_in_value, _indentation, _duplicate):
        found = finder(lines, line, column, problem)
        if found is not None:
            return found
    return None


def _tab(lines, line, column, problem):
    if "'\\t'" not in problem:
        return None
    for number in range(line, 0, -1):
        indent = re.match(r"^[ \t]*", lines[number - 1])[0]
        if "\t" in indent:
            return Explained(
                number,
                indent.index("\t") + 1,
                t("yaml.tab"),
                t("yaml.tab_hint"),
            )
    return None


def _unclosed_quote(lines, line, column, problem):
    """The first value up to the error that opens a quote and does not close it on its line."""
    for number, text in enumerate(lines[:line], start=1):
        match = _QUOTED_VALUE.match(text)
        if match is None:
            continue
        quote = match["quote"]
        rest = text[match.end() :]
        closed = re.search(r'(?<!\\)"' if quote == '"' else r"'(?!')", rest.replace("''", ""))
        if closed is None:
            return Explained(
                number,
                match.start("quote") + 1,
                t("yaml.unclosed_quote"),
                t("yaml.unclosed_quote_hint", quote=quote),
            )
    return None


def _unclosed_bracket(lines, line, column, problem):
    if not re.search(r"expected ',' or '[\]}]'", problem):
        return None
    for number in range(min(line, len(lines)), 0, -1):
        depth = []
        for index, char in enumerate(lines[number - 1]):
            if char in "[{":
                depth.append(index)
            elif char in "]}" and depth:
                depth.pop()
        if depth:
            closer = "]" if lines[number - 1][depth[0]] == "[" else "}"
            return Explained(
                number,
                depth[0] + 1,
                t("yaml.unclosed_bracket", bracket=lines[number - 1][depth[0]]),
                t("yaml.unclosed_bracket_hint", closer=closer),
            )
    return None


def _colon_in_value(lines, line, column, problem):
    if "mapping values are not allowed" not in problem or not 0 < line <= len(lines):
        return None
    match = _KEY_VALUE.match(lines[line - 1])
    if match is None:
        return None
    key, value = match["key"], match["value"].rstrip()
    value, comment = (value.split(" #", 1)[0].rstrip(), True) if " #" in value else (value, False)
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    start = match.start("value")
    follows = line < len(lines) and _indent(lines[line]) > _indent(lines[line - 1]) and lines[line].strip()
    fix = None if follows or comment else (line, start + 1, start + 1 + len(value), value, quoted)
    return Explained(
        line,
        start + 1,
        t("yaml.colon_in_value", key=key.strip()),
        t("yaml.colon_in_value_hint", key=key.strip(), quoted=quoted),
        fix,
    )


def _indentation(lines, line, column, problem):
    if "expected <block end>" not in problem and "did not find expected" not in problem:
        return None
    return Explained(
        line,
        column,
        t("yaml.indentation"),
        t("yaml.indentation_hint"),
    )


def _duplicate(lines, line, column, problem):
    match = re.match(r'found duplicate key "(?P<key>[^"]*)"', problem)
    if match is None:
        return None
    return Explained(
        line,
        column,
        t("yaml.duplicate_key", key=match["key"]),
        t("yaml.duplicate_key_hint"),
    )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))
