"""Compare what verzamel finds in the corpus texts with the hand-checked table `citations.tsv`.

Used by `tests/test_citation_corpus.py` (which asserts the table) and by
`benchmarks/citation_recall.py` (which prints recall, precision and the misses per form).
A row of the table is one citation a careful reader finds: the file, the line it starts on, the id
it must get (or `!RULE` for a refusal) and its form. Matching is by (file, line, id).
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from verzamel.citations.scan import scan

CORPUS = Path(__file__).parent
TEXTS = CORPUS / "texts"


@dataclass
class Result:
    expected: Counter = field(default_factory=Counter)  # (file, line, id) -> count
    found: Counter = field(default_factory=Counter)
    forms: dict = field(default_factory=dict)  # (file, line, id) -> form

    @property
    def matched(self) -> Counter:
        return self.expected & self.found

    @property
    def missed(self) -> Counter:
        return self.expected - self.found

    @property
    def wrong(self) -> Counter:
        return self.found - self.expected

    @property
    def recall(self) -> float:
        return sum(self.matched.values()) / max(1, sum(self.expected.values()))

    @property
    def precision(self) -> float:
        return sum(self.matched.values()) / max(1, sum(self.found.values()))

    def by_form(self) -> dict[str, tuple[int, int]]:
        """form -> (found, expected)."""
        out: dict[str, list[int]] = {}
        matched = self.matched
        for key, count in self.expected.items():
            row = out.setdefault(self.forms[key], [0, 0])
            row[0] += min(count, matched[key])
            row[1] += count
        return {form: (a, b) for form, (a, b) in sorted(out.items())}


def table() -> list[dict]:
    with open(CORPUS / "citations.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def sources() -> list[dict]:
    with open(CORPUS / "sources.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def evaluate() -> Result:
    result = Result()
    for row in table():
        key = (row["file"], int(row["line"]), row["expected"])
        result.expected[key] += 1
        result.forms[key] = row["form"]
    for source in sources():
        path = TEXTS / source["file"]
        for found in scan(path.read_text(encoding="utf-8"), source["file"]):
            identifier = found["id"] or f"!{found['rule']}"
            result.found[(source["file"], found["line"], identifier)] += 1
    return result
