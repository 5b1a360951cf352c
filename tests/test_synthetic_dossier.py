"""The synthetic dossier the scale benchmark measures is a real one: it checks clean, and each
synthetic letter is built with its own fragments and cites its own kamerstuk."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import moved_on_only, run_cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synthetic_dossier import generate, letter_id  # noqa: E402


def test_the_synthetic_dossier_checks_clean_and_each_letter_cites_its_own_kamerstuk(tmp_path):
    dossier = generate(3, tmp_path / "dossier")
    assert len(list((dossier / "letters").glob("*.yaml"))) == 5
    check = run_cli("check", "--root", str(dossier), "--format", "json")
    assert check.exit_code == 0 and moved_on_only(json.loads(check.stdout))  # as the example's
    out = tmp_path / "out"
    result = run_cli("build", letter_id(2), "--root", str(dossier), "--out", str(out), "-q")
    assert result.exit_code == 0, result.output
    scanned = run_cli("refs", "scan", str(out / letter_id(2) / "kamerbrief.docx"), "--format", "json")
    assert "kst-40000-2" in {row["id"] for row in json.loads(scanned.stdout)}
    own = run_cli("refs", "--by-fragment", "--root", str(dossier), "--format", "json")
    uses = {row["fragment"]: row["letters"] for row in json.loads(own.stdout)}
    assert uses["terugkeer-0002"] == [letter_id(2)]
