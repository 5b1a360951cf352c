"""Recall and false ids of citation finding on real published texts, per kind and per source group.

    python benchmarks/citation_recall.py

Reads the corpus in `tests/corpus/` (texts collected from public pages, each with its source
address and group in `sources.tsv`, and every citation in them checked by hand into
`citations.tsv`), runs the same finder `verzamel refs scan` uses, and prints recall and the ids
found that the table does not have (false ids), overall, per kind of document, per source group
(`ronde-1` is the first corpus of 38 parliamentary texts) and per written form, with every miss
and every wrong find, so a change to the parser shows what it gains and loses.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "corpus"))

from evaluate import evaluate, sources  # noqa: E402


def _table(title: str, rows: dict[str, tuple[int, int, int]]) -> None:
    print(f"\n{title:<18}{'found':>7}{'of':>5}{'recall':>9}{'false ids':>11}")
    for name, (hit, total, wrong) in rows.items():
        recall = f"{hit / total:.3f}" if total else "-"
        print(f"{name:<18}{hit:>7}{total:>5}{recall:>9}{wrong:>11}")


def main() -> None:
    result = evaluate()
    expected = sum(result.expected.values())
    found = sum(result.found.values())
    matched = sum(result.matched.values())
    print(f"corpus: {len(sources())} texts, {expected} citations checked by hand")
    print(f"recall    {result.recall:.3f}  ({matched} of {expected})")
    print(f"precision {result.precision:.3f}  ({matched} of {found} finds)")
    _table("kind", result.by_kind())
    _table("source group", result.by_group())
    _table("form", result.by_form())
    for title, items in (("missed", result.missed), ("wrong finds", result.wrong)):
        if items:
            print(f"\n{title}:")
            for (file, line, identifier), count in sorted(items.items()):
                print(f"  {file}:{line}  {identifier}" + (f"  ×{count}" if count > 1 else ""))


if __name__ == "__main__":
    main()
