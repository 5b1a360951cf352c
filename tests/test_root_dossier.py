"""The repository is the dossier: `verzamel build` and `check` work at the root, with no options,
from any folder below it, and nothing around the dossier is taken for one of its sources."""

from __future__ import annotations

import subprocess
import sys

from conftest import (
    OUTPUT_NAMES,
    REPO,
    TERUGKEERBRIEF,
    VERZAMELBRIEF,
    copy_dossier,
    reports_moved_on_only,
    run_cli,
)
from verzamel.pipeline.render import RECORD


def test_check_in_the_repository_needs_no_options(monkeypatch):
    monkeypatch.chdir(REPO / "tests")
    result = run_cli("check")
    assert result.exit_code == 0 and reports_moved_on_only(result.stdout)
    letters = run_cli("letters").stdout.splitlines()
    assert [line.split()[0] for line in letters] == [VERZAMELBRIEF, TERUGKEERBRIEF]


def test_build_with_no_options_writes_every_letter_to_build(tmp_path):
    dossier = copy_dossier(tmp_path / "repo")
    (dossier / "src" / "verzamel").mkdir(parents=True)
    # A user types the command in whatever folder of the dossier they are in.
    for cwd in (dossier, dossier / "sections" / "beslisnota", dossier / "src" / "verzamel"):
        result = subprocess.run(
            [sys.executable, "-m", "verzamel", "build"], cwd=cwd, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        for letter in (VERZAMELBRIEF, TERUGKEERBRIEF):
            assert sorted(p.name for p in (dossier / "build" / letter).iterdir()) == sorted(
                (*OUTPUT_NAMES, RECORD)
            )
        assert sorted(p.name for p in (dossier / "build").iterdir()) == [
            ".verzamel-cache",  # what the next build may reuse
            VERZAMELBRIEF,
            TERUGKEERBRIEF,
        ]


LOOK_ALIKES = {
    # Files in the code, tests, docs, tools and benchmarks that look like dossier sources, and
    # would break the check (or add a letter) if verzamel read them.
    "src/verzamel/starter/letters/kapot.yaml": "betreft: [kapot\n",
    "tests/data/letters/extra-brief.yaml": "betreft: Extra\ndatum: 2025-01-01\nkenmerk: '1'\n",
    "tests/data/sections/kapot.md": "---\nid: terugkeer\n---\nDubbel.[^bestaat-niet]\n",
    "docs/sections/voorbeeld.md": "---\ntitle: [\n---\n",
    "docs/footnotes/dubbel.yaml": "rtb-asielaanvraag: dubbel\n",
    "tools/letters/x.yaml": "- niet: een manifest\n",
    "benchmarks/sections/y.md": "Tekst zonder front matter.[^bestaat-niet]\n",
}


def test_nothing_around_the_dossier_is_read_as_a_source(tmp_path):
    dossier = copy_dossier(tmp_path / "repo")
    clean = run_cli("refs", "--root", str(dossier), "--format", "json").stdout
    for name, text in LOOK_ALIKES.items():
        (dossier / name).parent.mkdir(parents=True, exist_ok=True)
        (dossier / name).write_text(text, encoding="utf-8")
    checked = run_cli("check", "--root", str(dossier))
    assert (checked.exit_code, checked.stderr) == (0, "")
    assert run_cli("refs", "--root", str(dossier), "--format", "json").stdout == clean
    assert len(run_cli("letters", "--root", str(dossier)).stdout.splitlines()) == 2
