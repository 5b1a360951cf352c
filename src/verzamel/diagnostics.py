"""Diagnostics as values: what is wrong, where in which source, and how to fix it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from .model import SourceSpan


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Fix:
    """Replace the text from `span` (line, column) up to (end_line, end_column), exclusive."""

    span: SourceSpan
    replacement: str
    expected: str | None = None
    """The text the fix replaces; when the file says something else there, the fix is not applied."""
    reshapes: bool = False
    """The fix adds or removes YAML keys or list items on purpose (a fragment's `references:`):
    the file must still read without problems, but need not keep its shape."""
    kind: str | None = None
    """Which sentence under `fixed.` in the messages tells what the fix did, when the rule makes
    more than one kind of fix (MAN002 quotes a number, or writes a date as JJJJ-MM-DD); None: the
    rule's own (`fixed.<RULE>`)."""


@dataclass(frozen=True)
class Diagnostic:
    rule: str
    severity: Severity
    span: SourceSpan
    message: str
    hint: str | None = None
    fix: Fix | None = None
    detail: str | None = None
    """For experts: what the parser itself said, shown as a second line."""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple:
        return (self.span.path, self.span.line, self.span.column, self.rule, self.message)


def report(
    rule: str,
    span: SourceSpan,
    message: str,
    hint: str | None = None,
    fix: Fix | None = None,
    detail: str | None = None,
) -> Diagnostic:
    """A diagnostic of `rule`, with the rule's default severity (verzamel.yaml may change it later)."""
    from .rules import RULES

    return Diagnostic(rule, Severity(RULES[rule].severity), span, message, hint, fix, detail)


def close_matches(word: str, known, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The `n` words of `known` nearest to `word` (for a "did you mean" hint), best first."""
    from difflib import get_close_matches  # only when there is something to hint at

    return get_close_matches(word, list(known), n, cutoff)


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def _plain(text: str, role: str) -> str:
    return text


def format_text(d: Diagnostic, style=_plain) -> str:
    """`path:line:col: severity RULE message`, the form editors and CI logs understand.

    `style(text, role)` may decorate the parts (roles: location, error, warning, info)."""
    from .messages import printable, t

    severity = style(t(f"severity.{d.severity.value}"), d.severity.value)
    line = printable(f"{style(f'{d.span}:', 'location')} {severity} {d.rule} {d.message}")
    if d.hint:
        line += "\n    " + t("diagnostic.hint", hint=d.hint)
    if d.detail:
        line += f"\n    {d.detail}"
    return line


def format_json(diagnostics: list[Diagnostic]) -> str:
    return to_json(json_rows(diagnostics))


def to_json(value, indent: int | None = 2) -> str:
    """What a command prints in JSON mode: UTF-8 as it is, and valid JSON whatever a file name holds."""
    from .messages import printable

    return printable(json.dumps(value, ensure_ascii=False, indent=indent))


def json_rows(diagnostics: list[Diagnostic]) -> list[dict]:
    rows = []
    for d in diagnostics:
        row = {
            "rule": d.rule,
            "severity": d.severity.value,
            "file": d.span.path,
            "line": d.span.line,
            "column": d.span.column,
            "message": d.message,
        }
        if d.span.end_line is not None:
            row["end_line"] = d.span.end_line
            row["end_column"] = d.span.end_column
        if d.hint:
            row["hint"] = d.hint
        if d.detail:
            row["detail"] = d.detail
        rows.append(row)
    return rows
