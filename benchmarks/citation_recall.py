"""Recall and precision of citation finding on real published parliamentary texts.

    python benchmarks/citation_recall.py

Reads the corpus in `tests/corpus/` (texts collected from public pages, each with its source
address in `sources.tsv`, and every citation in them checked by hand into `citations.tsv`),
runs the same finder `verzamel refs scan` uses, and prints recall and precision overall and per
form, with every miss and every wrong find, so a change to the parser shows what it gains and
loses.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "corpus"))

from evaluate import evaluate, sources  # noqa: E402


def main() -> None:
    result = evaluate()
    expected = sum(result.expected.values())
    found = sum(result.found.values())
    print(f"corpus: {len(sources())} texts, {expected} citations checked by hand")
    print(f"recall    {result.recall:.3f}  ({sum(result.matched.values())} of {expected})")
    print(f"precision {result.precision:.3f}  ({sum(result.matched.values())} of {found} finds)")
    print()
    print(f"{'form':<14}{'found':>7}{'of':>5}{'recall':>9}")
    for form, (hit, total) in result.by_form().items():
        print(f"{form:<14}{hit:>7}{total:>5}{hit / total:>9.3f}")
    for title, items in (("missed", result.missed), ("wrong finds", result.wrong)):
        if items:
            print(f"\n{title}:")
            for (file, line, identifier), count in sorted(items.items()):
                print(f"  {file}:{line}  {identifier}" + (f"  ×{count}" if count > 1 else ""))


if __name__ == "__main__":
    main()
