"""`verzamel new letter|section`: what it makes checks clean and builds; it never overwrites."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

from conftest import copy_dossier, run_cli
from verzamel.cli import main

LETTER = "2026-01-30-verzamelbrief-oekraine"


@pytest.fixture
def dossier(tmp_path):
    """The example with its sent letter frozen: new files leave what it was made from as it was."""
    return copy_dossier(tmp_path / "dossier", frozen=True)


def check(dossier) -> list[dict]:
    result = run_cli("check", "--root", str(dossier), "--format", "json")
    assert result.exit_code == 0, result.output
    return [d for d in json.loads(result.stdout) if d["severity"] != "info"]


def test_a_new_letter_from_options_checks_clean_and_builds(dossier, tmp_path):
    result = run_cli(
        "new", "letter", LETTER, "--root", str(dossier), "--betreft", "Verzamelbrief: opvang ontheemden",
        "--datum", "2026-01-30", "--mr", "2026-01-30", "--fragments", "inleiding-verzamelbrief, terugkeer",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"letters/{LETTER}.yaml" in result.stdout
    assert check(dossier) == []
    built = run_cli("build", LETTER, "--root", str(dossier), "--out", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    shown = run_cli("show", LETTER, "--root", str(dossier)).stdout
    assert "Verzamelbrief: opvang ontheemden" in shown and "Terugkeer" in shown


def test_new_sections_public_and_withheld_check_clean(dossier):
    assert (
        run_cli("new", "section", "wederopbouw", "--root", str(dossier), "--title", "Wederopbouw").exit_code
        == 0
    )
    result = run_cli(
        "new", "section", "intern-overleg", "--root", str(dossier), "--title", "Intern: overleg",
        "--not-public", "--woo", "art. 5.1, tweede lid, onder i",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (dossier / "sections" / "intern-overleg.md").read_text(encoding="utf-8")
    assert "public: false\nwoo: 5.1.2i\n" in text
    assert check(dossier) == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("section", "terugkeer", "--title", "Nog eens"), "sections/terugkeer.md already exists"),
        (("letter", "2025-12-12-terugkeer-oekraine", "--betreft", "x", "--datum", "2026-01-01"),
         "already exists"),
        (("letter", LETTER, "--betreft", "x", "--datum", "2026-01-01", "--fragments", "bestaat-niet"),
         "no fragment called bestaat-niet"),
        (("section", "Hoofd Letters", "--title", "x"), "cannot be an id"),
        (("section", "geheim", "--title", "x", "--not-public", "--woo", "5.9.9"), "not a Woo ground"),
    ],
)  # fmt: skip
def test_what_cannot_be_made_is_refused_and_nothing_changes(dossier, args, says):
    before = {p: p.read_bytes() for p in dossier.rglob("*") if p.is_file()}
    result = run_cli("new", *args, "--root", str(dossier))
    assert result.exit_code == 2
    assert says in result.output
    assert {p: p.read_bytes() for p in dossier.rglob("*") if p.is_file()} == before


def test_without_a_terminal_a_missing_value_is_a_usage_error(dossier):
    result = run_cli("new", "letter", LETTER, "--root", str(dossier), "--datum", "2026-01-30")
    assert result.exit_code == 2 and "--betreft" in result.output
    assert not (dossier / "letters" / f"{LETTER}.yaml").exists()


def test_in_a_terminal_what_is_missing_is_asked(dossier, monkeypatch):
    monkeypatch.setattr(sys.modules["verzamel.cli.new"], "interactive", lambda: True)
    answers = "Verzamelbrief opvang ontheemden uit Oekraïne\n2026-01-30\n0001234\n"
    result = CliRunner().invoke(main, ["new", "letter", LETTER, "--root", str(dossier)], input=answers)
    assert result.exit_code == 0, result.output
    text = (dossier / "letters" / f"{LETTER}.yaml").read_text(encoding="utf-8")
    assert 'betreft: "Verzamelbrief opvang ontheemden uit Oekraïne"' in text and 'kenmerk: "0001234"' in text
    assert check(dossier) == []
