"""Citations in real published parliamentary texts, checked by hand (tests/corpus/).

The texts were collected from public pages (source addresses in `sources.tsv`); every citation
a careful reader finds in them is a row of `citations.tsv`. `benchmarks/citation_recall.py`
prints the same comparison per form.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus"))

from evaluate import TEXTS, evaluate, kind_of, sources, table  # noqa: E402


def test_the_corpus_is_real_varied_and_documented():
    rows = sources()
    assert len(rows) >= 30
    assert {row["file"] for row in rows} == {p.name for p in TEXTS.glob("*.txt")}
    assert all(row["source"].startswith(("https://", "http://")) for row in rows)
    assert not any("19637" in row["source"] for row in rows)  # the example's own dossier is not used
    assert len({row["year"] for row in rows}) >= 10 and len({row["kind"].split()[0] for row in rows}) >= 4


@pytest.mark.parametrize("row", table(), ids=lambda row: f"{row['file'][:2]}:{row['line']}:{row['expected']}")
def test_each_hand_checked_citation_stands_on_its_line(row):
    lines = (TEXTS / row["file"]).read_text(encoding="utf-8").split("\n")
    assert row["text"] in lines[int(row["line"]) - 1]


def test_recall_and_precision_on_the_corpus():
    result = evaluate()
    assert result.precision == 1.0, f"wrong finds: {sorted(result.wrong)}"
    assert result.recall >= 0.98, f"missed: {sorted(result.missed)}"
    assert sum(result.expected.values()) >= 250


@pytest.mark.parametrize("kind", sorted({kind_of(row["expected"]) for row in table()}))
def test_recall_per_kind_and_no_false_ids(kind):
    found, expected, wrong = evaluate().by_kind()[kind]
    assert found / expected >= 0.98
    assert wrong == 0


def test_the_widened_corpus_has_its_own_groups():
    groups = Counter(row["group"] for row in sources())
    assert groups["ronde-1"] == 38 and sum(groups.values()) - 38 >= 30
    assert {"eu", "eerste-kamer", "ministeries", "bladen", "rechtspraak"} <= set(groups)
