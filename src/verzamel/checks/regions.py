"""Prose regions: the running text of the sources, with a map back to file, line and column.

Text rules (dates, house style) search a region's text with regular expressions; a match becomes
a span in the source file, exactly, so diagnostics point at it and fixes can edit it in place.
A region's lines are joined with newlines, so a phrase wrapped over two lines is still found.
"""

from __future__ import annotations

from bisect import bisect_right
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


def fragment_regions(sources: Sources, fragment) -> list[Region]:
    """A fragment's Markdown body, and the front-matter values that are printed (title, appraises)."""
    text = sources.texts.get(fragment.path)
    if text is None:
        return []
    lines = text.split("\n")
    body = [(n + 1, 1, lines[n]) for n in range(fragment.body_line - 1, len(lines))]
    regions = [region_from_lines(fragment.path, body)]
    for key in ("title", "appraises"):
        span = fragment.meta_spans.get(key)
        if span is not None:
            regions.append(yaml_value_region(fragment.path, text, span))
    return [r for r in regions if r is not None]


def prose_regions(sources: Sources) -> dict[str, list[Region]]:
    """Every region of running text in the dossier, by source path."""
    from ..sources.letters import PROSE_FIELDS

    regions: dict[str, list[Region]] = {}

    def add(region: Region | None) -> None:
        if region is not None:
            regions.setdefault(region.path, []).append(region)

    for fragment in sources.fragments.values():
        for region in fragment_regions(sources, fragment):
            add(region)
    for note in sources.registry.values():
        if note.text_span is not None and note.span.path in sources.texts:
            region = yaml_value_region(note.span.path, sources.texts[note.span.path], note.text_span)
            add(replace(region, footnote_text=True) if region else None)
    for letter in sources.letters.values():
        text = sources.texts.get(letter.path)
        if text is None:
            continue
        for key in ("betreft", *PROSE_FIELDS):
            span = letter.spans.get(key)
            if span is not None and span.path == letter.path:
                add(yaml_value_region(letter.path, text, span))
    return regions
