"""Citations in any file a reviewer receives (plain text, .docx, PDF), with where each stands:
line and column in text, paragraph or footnote number in a .docx, page in a PDF."""

from __future__ import annotations

from pathlib import Path

from .find import find, missing_nr_reason
from .models import Citation
from .readers import Part, read_parts


def scan_file(path: Path) -> list[dict]:
    """Every citation and refusal in the file (raises readers.Unreadable)."""
    rows = []
    for part in read_parts(path):
        rows += _rows(part, str(path))
    return rows


def scan(text: str, path: str) -> list[dict]:
    """One row per citation or refusal in a text: file, line, column, text, id, kind and the
    parsed fields."""
    return _rows(Part(text, {}), path)


def _rows(part: Part, path: str) -> list[dict]:
    starts = [0]
    for line in part.text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)

    def position(offset: int) -> tuple[int, int]:
        line = max(n for n, start in enumerate(starts) if start <= offset)
        return line + 1, offset - starts[line] + 1

    rows = []
    for item in find(part.text):
        row = {"file": path, **part.place}
        if not part.place:
            row["line"], row["column"] = position(item.start)
        row["text"] = " ".join(item.text.split())
        if isinstance(item, Citation):
            row |= {"id": item.id, **item.fields()}
            if item.url:
                row["url"] = item.url
            if item.missing_nr:
                row |= {"rule": "CIT010", "reason": missing_nr_reason(row["text"], item.number)}
        else:
            row |= {"id": None, "kind": "refused", "rule": item.rule, "reason": item.reason}
        rows.append(row)
    return rows
