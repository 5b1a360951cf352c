"""Citations in any text file, with line and column: for reviewing letters not made with verzamel."""

from __future__ import annotations

from .find import find
from .models import Citation


def scan(text: str, path: str) -> list[dict]:
    """One row per citation or refusal: file, line, column, text, id, kind and the parsed fields."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)

    def position(offset: int) -> tuple[int, int]:
        line = max(n for n, start in enumerate(starts) if start <= offset)
        return line + 1, offset - starts[line] + 1

    rows = []
    for item in find(text):
        line, column = position(item.start)
        row = {"file": path, "line": line, "column": column, "text": " ".join(item.text.split())}
        if isinstance(item, Citation):
            row |= {"id": item.id, **item.fields()}
            if item.url:
                row["url"] = item.url
        else:
            row |= {"id": None, "kind": "refused", "rule": item.rule, "reason": item.reason}
        rows.append(row)
    return rows
