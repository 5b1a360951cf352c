"""Applying the safe fixes of `verzamel check --fix` to the source files.

A fix replaces a stretch of text at an exact position, so everything else in the file (YAML
comments and key order, Markdown layout) stays byte for byte as it was. A YAML file is read again
after its edits; if it would no longer read as the same shape of data, it is left untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from ..write import write_atomic


@dataclass(frozen=True)
class AppliedFix:
    diagnostic: Diagnostic
    before: str
    after: str


def _offset(text: str, line: int, column: int) -> int:
    starts = [0]
    for piece in text.split("\n"):
        starts.append(starts[-1] + len(piece) + 1)
    return starts[line - 1] + column - 1


def apply_fixes(root: Path, texts: dict[str, str], diagnostics: list[Diagnostic]) -> list[AppliedFix]:
    """Apply every fix that does not overlap an earlier one; returns what was changed."""
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.fix is not None and diagnostic.fix.span.path in texts:
            by_path.setdefault(diagnostic.fix.span.path, []).append(diagnostic)
    applied: list[AppliedFix] = []
    for path, pending in sorted(by_path.items()):
        text = texts[path]
        edits = []
        for diagnostic in pending:
            span = diagnostic.fix.span
            start = _offset(text, span.line, span.column)
            end = _offset(text, span.end_line or span.line, span.end_column or span.column)
            edits.append((start, end, diagnostic))
        new_text, done, last_start = text, [], len(text) + 1
        for start, end, diagnostic in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
            if end > last_start:
                continue  # overlaps an edit already made: the next run of --fix takes it
            done.append(AppliedFix(diagnostic, new_text[start:end], diagnostic.fix.replacement))
            new_text = new_text[:start] + diagnostic.fix.replacement + new_text[end:]
            last_start = start
        if not done or not _still_reads_the_same(path, text, new_text):
            continue
        write_atomic(root / path, new_text.encode("utf-8"))
        applied.extend(reversed(done))
    return applied


def _still_reads_the_same(path: str, before: str, after: str) -> bool:
    """The YAML of a file (a fragment's front matter) has the same shape after the edits."""
    from ..sources.fragments import split_front_matter
    from ..sources.yamlfile import parse_yaml

    if path.endswith(".md"):
        before, after = split_front_matter(before)[0] or "", split_front_matter(after)[0] or ""
    old, _ = parse_yaml(before, path)
    new, problems = parse_yaml(after, path)
    if old is None:
        return True
    return new is not None and not problems and _shape(old.data) == _shape(new.data)


def _shape(data):
    if isinstance(data, dict):
        return {key: _shape(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_shape(value) for value in data]
    return type(data).__name__
