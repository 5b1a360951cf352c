"""Write docs/rules/, in Dutch, from the rule catalogue (src/verzamel/rules.py and the messages).

    python tools/make_rule_docs.py

tests/test_rules.py fails when the pages and the catalogue disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
from verzamel.checks.docs import pages  # noqa: E402

if __name__ == "__main__":
    folder = REPO / "docs" / "rules"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (folder / name).write_text(text, encoding="utf-8")
        print(f"wrote {folder / name}")
