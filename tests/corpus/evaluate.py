"""Compare what verzamel finds in the corpus texts with the hand-checked table `citations.tsv`.

Used by `tests/test_citation_corpus.py` (which asserts the table) and by
`benchmarks/citation_recall.py` (which prints recall and false ids per kind, per source group and
per form, with every miss and wrong find).
A row of the table is one citation a careful reader finds: the file, the line it starts on, the id
it must get (or `!RULE` for a refusal) and its form. Matching is by (file, line, id). The kind of a
citation is read from its id here, not from the parser, so a find of the wrong kind counts as wrong.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from verzamel.citations.scan import scan

CORPUS = Path(__file__).parent
TEXTS = CORPUS / "texts"
KINDS = (  # id prefix -> kind
    ("kst-", "kamerstuk"),
    ("h-", "handelingen"),
    ("ah-", "aanhangsel"),
    ("blg-", "bijlage"),
    ("zaak-", "zaak"),
    ("stb-", "staatsblad"),
    ("stcrt-", "staatscourant"),
    ("trb-", "tractatenblad"),
    ("gmb-", "gemeenteblad"),
    ("prb-", "provinciaal blad"),
    ("wsb-", "waterschapsblad"),
    ("celex-", "eu-besluit"),
    ("pbeu-", "publicatieblad"),
    ("com-", "commissie"),
    ("swd-", "commissie"),
    ("sec-", "commissie"),
    ("join-", "commissie"),
    ("st-", "raad"),
    ("ECLI:", "ecli"),
    ("!", "geweigerd"),
)


def kind_of(identifier: str) -> str:
    return next((kind for prefix, kind in KINDS if identifier.startswith(prefix)), "?")


@dataclass
class Result:
    expected: Counter = field(default_factory=Counter)  # (file, line, id) -> count
    found: Counter = field(default_factory=Counter)
    forms: dict = field(default_factory=dict)  # (file, line, id) -> form
    groups: dict = field(default_factory=dict)  # file -> source group

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

    def by(self, label) -> dict[str, tuple[int, int, int]]:
        """label(key) -> (found, expected, wrong), for keys (file, line, id)."""
        out: dict[str, list[int]] = {}
        for counter, column in ((self.matched, 0), (self.expected, 1), (self.wrong, 2)):
            for key, count in counter.items():
                out.setdefault(label(key), [0, 0, 0])[column] += count
        return {name: (a, b, c) for name, (a, b, c) in sorted(out.items())}

    def by_kind(self) -> dict[str, tuple[int, int, int]]:
        return self.by(lambda key: kind_of(key[2]))

    def by_group(self) -> dict[str, tuple[int, int, int]]:
        return self.by(lambda key: self.groups[key[0]])

    def by_form(self) -> dict[str, tuple[int, int, int]]:
        return self.by(lambda key: self.forms.get(key, "(geen rij)"))


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
        result.groups[source["file"]] = source["group"]
        path = TEXTS / source["file"]
        for found in scan(path.read_text(encoding="utf-8"), source["file"]):
            identifier = found["id"] or f"!{found['rule']}"
            result.found[(source["file"], found["line"], identifier)] += 1
    return result
