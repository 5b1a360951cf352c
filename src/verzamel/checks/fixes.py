"""Applying the safe fixes of `verzamel check --fix` to the source files.

A fix replaces a stretch of text at an exact position, so everything else in the file (YAML
comments and key order, Markdown layout) stays byte for byte as it was. A YAML file is read again
after its edits; if it would no longer read as the same shape of data, it is left untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from ..messages import t
from ..sources.reading import SourceText, decode_source, raw_offset
from ..write import write_atomic


@dataclass(frozen=True)
class AppliedFix:
    diagnostic: Diagnostic
    before: str
    after: str

    @property
    def place(self) -> tuple[str, int, int]:
        span = self.diagnostic.fix.span
        return span.path, span.line, span.column

    def sentence(self) -> str:
        """What was changed where, as `check --fix` tells it: `sections/x.md:12: …` (the place of the
        edit, the sentence of the rule that made it)."""
        fix = self.diagnostic.fix
        said = t(
            f"fixed.{fix.kind or self.diagnostic.rule}", before=_shown(self.before), after=_shown(self.after)
        )
        return t("check.fixed", path=fix.span.path, line=fix.span.line, said=said)


_SHOWN_LENGTH = 80


def _shown(text: str) -> str:
    """A replaced text as a sentence can show it: on one line, a character that cannot be shown
    (a control character) by its code, and a long text shortened."""
    text = "".join(char if char.isprintable() or char in " \t\r\n" else f"U+{ord(char):04X}" for char in text)
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_LENGTH else text[: _SHOWN_LENGTH - 1] + "…"


def apply_fixes(root: Path, files: dict[str, SourceText], diagnostics: list[Diagnostic]) -> list[AppliedFix]:
    """Apply every fix that does not overlap an earlier one; returns what was changed.

    The edits are made in the file's own text, so its line ends (CRLF stays CRLF), a byte-order
    mark and every character no fix is about stay as they were."""
    by_path: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.fix is not None and diagnostic.fix.span.path in files:
            by_path.setdefault(diagnostic.fix.span.path, []).append(diagnostic)
    applied: list[AppliedFix] = []
    for path, pending in sorted(by_path.items()):
        source = files[path]
        edits = []
        for diagnostic in pending:
            span = diagnostic.fix.span
            start = raw_offset(source, span.line, span.column)
            end = raw_offset(source, span.end_line or span.line, span.end_column or span.column)
            if diagnostic.fix.expected is not None and source.raw[start:end] != diagnostic.fix.expected:
                continue  # the file does not say there what the fix was made for
            edits.append((start, end, diagnostic))
        new_raw, done, last_start = source.raw, [], len(source.raw) + 1
        for start, end, diagnostic in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
            if end > last_start:
                continue  # overlaps an edit already made: the next run of --fix takes it
            done.append(AppliedFix(diagnostic, new_raw[start:end], diagnostic.fix.replacement))
            new_raw = new_raw[:start] + diagnostic.fix.replacement + new_raw[end:]
            last_start = start
        reshaped = any(applied_fix.diagnostic.fix.reshapes for applied_fix in done)
        if not done or not _still_reads_the_same(path, source.text, new_raw, reshaped):
            continue
        try:
            write_atomic(root / path, new_raw.encode("utf-8"))
        except OSError as exc:
            raise FixNotWritten(path, exc, applied) from exc
        applied.extend(reversed(done))
    return applied


class FixNotWritten(Exception):
    """A source file could not be written back (read-only dossier, disk full)."""

    def __init__(self, path: str, error: OSError, applied: list[AppliedFix]):
        self.path = path
        self.error = error
        self.applied = applied
        """The fixes written to other files before this one failed."""
        super().__init__(f"{path}: {error.strerror or error}")


def _still_reads_the_same(path: str, before: str, after_raw: str, reshaped: bool = False) -> bool:
    """The YAML of a file (a fragment's front matter) has the same shape after the edits; or, for
    a fix that reshapes on purpose, still reads without problems and keeps every key."""
    from ..sources.fragments import split_front_matter
    from ..sources.yamlfile import parse_yaml

    after = decode_source(after_raw.encode("utf-8"), path)
    if not isinstance(after, SourceText):
        return False
    after = after.text

    if path.endswith(".md"):
        before, after = split_front_matter(before)[0] or "", split_front_matter(after)[0] or ""
    old, _ = parse_yaml(before, path)
    new, problems = parse_yaml(after, path)
    if old is None:
        return True
    if new is None or problems:
        return False
    if reshaped:
        return isinstance(new.data, dict) and isinstance(old.data, dict) and set(old.data) <= set(new.data)
    return _shape(old.data) == _shape(new.data)


def _shape(data):
    if isinstance(data, dict):  # a key may be renamed (KEY001), never added, dropped or moved
        return [("key", _shape(value)) for value in data.values()]
    if isinstance(data, list):
        return [_shape(value) for value in data]
    return "value"  # a fix may turn a number into text (MAN002), never a value into a list
