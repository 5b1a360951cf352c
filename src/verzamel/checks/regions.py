"""Prose regions: the running text of the sources, with a map back to file, line and column.

Text rules (dates, house style) search a region's text with regular expressions; a match becomes
a span in the source file, exactly, so diagnostics point at it and fixes can edit it in place.
A region's lines are joined with newlines, so a phrase wrapped over two lines is still found.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from ..model import SourceSpan
from ..sources import Sources
from ..sources.yamltext import value_lines


@dataclass(frozen=True)
class Region:
    path: str
    text: str
    line_starts: tuple[tuple[int, int, int], ...]
    """Per line of `text`: (offset in text, line in the file, column in the file), all 1-based but offset."""
    footnote_text: bool = False
    """The text of a registry footnote: a citation by id in it is written out, not a marker."""

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right([start for start, _, _ in self.line_starts], offset) - 1
        start, line, column = self.line_starts[max(index, 0)]
        return line, column + offset - start

    def span(self, start: int, end: int) -> SourceSpan:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return SourceSpan(self.path, line, column, end_line, end_column)


def region_from_lines(path: str, lines: list[tuple[int, int, str]]) -> Region | None:
    """A region from (line, column, text) triples; None when there is no text."""
    if not lines:
        return None
    starts = []
    offset = 0
    for line, column, text in lines:
        starts.append((offset, line, column))
        offset += len(text) + 1
    return Region(path, "\n".join(text for _, _, text in lines), tuple(starts))


def yaml_value_region(path: str, file_text: str, value: SourceSpan) -> Region | None:
    """The text of a YAML scalar value: plain, quoted, or a `|`/`>` block over following lines."""
    return region_from_lines(path, [line for line in value_lines(file_text, value) if line[2]])


Place = tuple[str, int, int]
"""Where a file's prose is, in plain values: ("body", first line, 1) for a fragment's Markdown
body, ("value", line, column) for a printed YAML value, ("note", line, column) for a registry
footnote's text. A file's places and its text decide its regions, so results computed from the
regions can be kept by the text and the places, without making the regions."""


def fragment_places(fragment) -> list[Place]:
    """A fragment's Markdown body, and the front-matter values that are printed (title, appraises)."""
    places: list[Place] = [("body", fragment.body_line, 1)]
    for key in ("title", "appraises"):
        span = fragment.meta_spans.get(key)
        if span is not None:
            places.append(("value", span.line, span.column))
    return places


def regions_at(path: str, text: str, places) -> list[Region]:
    """The regions of prose at `places` in a file's `text`."""
    regions = []
    lines = None
    for kind, line, column in places:
        if kind == "body":
            lines = text.split("\n") if lines is None else lines
            region = region_from_lines(path, [(n + 1, 1, lines[n]) for n in range(line - 1, len(lines))])
        else:
            region = yaml_value_region(path, text, SourceSpan(path, line, column))
            if region is not None and kind == "note":
                region = replace(region, footnote_text=True)
        if region is not None:
            regions.append(region)
    return regions


class ProseRegions(Mapping[str, list[Region]]):
    """Every region of running text in the dossier, by source path, made when first asked for:
    a rule whose result for a file is kept (by its text and `places`) never needs them."""

    def __init__(self, sources: Sources):
        from ..sources.letters import PROSE_FIELDS

        self.texts = sources.texts
        found: dict[str, list[Place]] = {}
        for fragment in sources.fragments.values():
            if fragment.path in sources.texts:
                found.setdefault(fragment.path, []).extend(fragment_places(fragment))
        for note in sources.registry.values():
            value = note.text_span
            if value is not None and note.span.path in sources.texts:
                found.setdefault(note.span.path, []).append(("note", value.line, value.column))
        for letter in sources.letters.values():
            if letter.path not in sources.texts:
                continue
            for key in ("betreft", *PROSE_FIELDS):
                span = letter.spans.get(key)
                if span is not None and span.path == letter.path:
                    found.setdefault(letter.path, []).append(("value", span.line, span.column))
        self.places: dict[str, tuple[Place, ...]] = {path: tuple(p) for path, p in found.items()}
        """The places of prose in each file, by path (only files with prose)."""
        self._made: dict[str, list[Region]] = {}

    def __getitem__(self, path: str) -> list[Region]:
        if path not in self._made:
            self._made[path] = regions_at(path, self.texts[path], self.places[path])
        return self._made[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.places)
