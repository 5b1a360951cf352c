"""`verzamel check`, `verzamel rules` and the docs generated from the rule catalogue."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO, TERUGKEERBRIEF, VERZAMELBRIEF, copy_dossier, edit, reports_moved_on_only, run_cli
from verzamel import messages
from verzamel.checks.docs import pages

FRAGMENT = "sections/eu-exit-strategie.md"
MANIFEST = f"letters/{VERZAMELBRIEF}.yaml"
PROBLEMS = [
    ("Een zin met een onbekende voetnoot.[^bestaat-niet]", "error FN001"),
    ("Het overleg was op donderdag 28 november 2025.", "error DATE001"),
    ("De regeling gaat op 1 mei 2026 jl. in.", "error DATE002"),
    ("Het rapport verscheen op 1 mei 2025 a.s.", "error DATE002"),
    ("De regeling gaat in op 1 mei as dus.", "warning DATE003"),
    ("[^ongebruikt]: Een noot die niemand gebruikt.", "warning FN002"),
]


def _break(dossier):
    fragment = dossier / FRAGMENT
    start = fragment.read_text().count("\n") + 1
    fragment.write_text(fragment.read_text() + "\n".join(text for text, _ in PROBLEMS) + "\n")
    manifest = dossier / MANIFEST
    manifest.write_text(manifest.read_text().replace("ministerraad: 2025-11-28", "ministerraad: 2025-11-27"))
    return start


def test_check_reports_each_problem_at_its_file_and_line(dossier):
    start = _break(dossier)
    result = run_cli("check", "--root", str(dossier))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    for offset, (_, what) in enumerate(PROBLEMS):
        prefix = f"{FRAGMENT}:{start + offset}:"
        assert any(line.startswith(prefix) and what in line for line in lines), (prefix, what)
    assert any(line.startswith(f"{MANIFEST}:7:15: error MR004") for line in lines)  # a sent letter
    assert any(line.startswith(f"{MANIFEST}:8:9: warning LOCK005") for line in lines)  # a copy: no lock
    assert lines[-1] == "Found 5 errors, 3 warnings, 1 info. (1 can be corrected with --fix)"


def test_json_is_one_array_and_nothing_else(dossier):
    _break(dossier)
    result = run_cli("check", "--root", str(dossier), "--format", "json")
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert {"rule", "severity", "file", "line", "column", "message"} <= set(rows[0])
    fn001 = next(r for r in rows if r["rule"] == "FN001")
    assert fn001["end_column"] - fn001["column"] == len("[^bestaat-niet]")
    assert fn001["hint"]


def test_fix_corrects_in_place_and_keeps_the_rest(tmp_path):
    # The next letter's sources: the sent letter and its lock stay as they are.
    dossier = copy_dossier(tmp_path / "dossier", frozen=True)
    fragment = dossier / "sections" / "inleiding-terugkeer.md"
    fragment.write_text(
        fragment.read_text()
        + 'Vanaf 1 mei as geldt  dit, zie "het rapport" en grondslag[^rtb-asielaanvraag].\n'
    )
    manifest = dossier / "letters" / f"{TERUGKEERBRIEF}.yaml"
    manifest.write_text(manifest.read_text().replace("een korte brief", "een  korte brief"))
    before_manifest = manifest.read_text()

    result = run_cli("check", "--root", str(dossier), "--fix")

    assert result.exit_code == 0, result.output
    assert fragment.read_text().endswith(
        "Vanaf 1 mei a.s. geldt dit, zie “het rapport” en grondslag.[^rtb-asielaanvraag]\n"
    )
    assert manifest.read_text() == before_manifest.replace("een  korte brief", "een korte brief")
    assert "# Een kortere voorbeeldbrief" in manifest.read_text(), "comments survive"
    assert result.stdout.splitlines()[:6] == [
        "5 corrections made:",
        f"  letters/{TERUGKEERBRIEF}.yaml:18: double space replaced by one space",
        "  sections/inleiding-terugkeer.md:9: 'as' after a date written as 'a.s.'",
        "  sections/inleiding-terugkeer.md:9: double space replaced by one space",
        "  sections/inleiding-terugkeer.md:9: quotes set in the house style: “het rapport”",
        "  sections/inleiding-terugkeer.md:9: footnote marker moved: .[^rtb-asielaanvraag]",
    ]
    assert reports_moved_on_only("\n".join(result.stdout.splitlines()[6:]))  # as the repository


def test_fix_says_in_dutch_what_it_changed_by_file_and_line_then_what_is_left(dossier, monkeypatch):
    monkeypatch.setenv("VERZAMEL_TAAL", "nl")
    manifest = dossier / "letters" / f"{TERUGKEERBRIEF}.yaml"
    edit(manifest, "datum: 2025-12-12", "datum: 12-12-2025")  # the letter is checked in full only once fixed
    edit(manifest, "status: concept", "status: Concept")
    edit(dossier / "verzamel.yaml", "letter_defaults:\n", "letter_defaults:\n  akkoord_op: 1-12-2025\n")
    fragment = dossier / "sections" / "inleiding-terugkeer.md"
    fragment.write_text(fragment.read_text() + "De risico's van 28-11-2025 en 'Geen weg terug?'.\n")
    result = run_cli("check", TERUGKEERBRIEF, "--root", str(dossier), "--fix")
    assert result.stdout.splitlines()[:7] == [
        "6 correcties aangebracht:",
        f"  letters/{TERUGKEERBRIEF}.yaml:6: datum 12-12-2025 herschreven als 2025-12-12",
        f"  letters/{TERUGKEERBRIEF}.yaml:8: status 'Concept' verbeterd tot 'concept'",
        "  sections/inleiding-terugkeer.md:9: apostrof in de huisstijl gezet: risico’s",
        "  sections/inleiding-terugkeer.md:9: datum 28-11-2025 voluit geschreven: 28 november 2025",
        "  sections/inleiding-terugkeer.md:9: aanhalingstekens in de huisstijl gezet: ‘Geen weg terug?’",
        "  verzamel.yaml:15: datum 1-12-2025 herschreven als 2025-12-01",
    ]
    left = result.stdout.splitlines()[7:]  # what --fix cannot do: an akkoord_op while in concept
    rules = [line.split(" ")[2] for line in left if not line.startswith((" ", "Gevonden"))]
    assert rules == ["LOCK005", "STATUS004"]  # and the copy's sent letter without its lock
    assert left[-1] == "Gevonden: 2 waarschuwingen." and result.stderr == ""


def test_fix_in_json_mode_says_what_it_changed_on_standard_error(dossier):
    fragment = dossier / "sections" / "inleiding-terugkeer.md"
    fragment.write_text(fragment.read_text() + "Dit is de  Kamer.\n")
    result = run_cli("check", TERUGKEERBRIEF, "--root", str(dossier), "--fix", "--format", "json")
    assert [row["rule"] for row in json.loads(result.stdout)] == ["LOCK005"]  # a copy: no lock
    assert result.stderr.splitlines() == [
        "1 correction made:",
        "  sections/inleiding-terugkeer.md:9: double space replaced by one space",
    ]


def test_every_rule_that_fixes_says_what_it_fixed():
    from verzamel.messages import catalogue
    from verzamel.rules import RULES

    for language in ("nl", "en"):
        sentences = catalogue(language)
        assert [rule for rule in RULES.values() if rule.fixable and f"fixed.{rule.id}" not in sentences] == []


def test_check_of_one_letter_leaves_out_the_other_letters_sources(dossier):
    fragment = dossier / "sections" / "inleiding-terugkeer.md"  # only the second letter uses it
    fragment.write_text(fragment.read_text() + "Zin.[^nergens]\n")
    assert run_cli("check", VERZAMELBRIEF, "--root", str(dossier)).exit_code == 0
    assert run_cli("check", TERUGKEERBRIEF, "--root", str(dossier)).exit_code == 1


def test_build_runs_the_same_checks(dossier):
    _break(dossier)
    result = run_cli("build", VERZAMELBRIEF, "--root", str(dossier), "--out", str(dossier / "out"))
    assert result.exit_code == 1
    assert "error DATE002" in result.stderr
    assert not (dossier / "out" / VERZAMELBRIEF).exists()


def test_rules_lists_and_explains():
    listing = run_cli("rules")
    assert listing.exit_code == 0
    assert any(line.startswith("DATE003") and "(fixable)" in line for line in listing.stdout.splitlines())
    one = run_cli("rules", "mr001")
    assert one.stdout.startswith("MR001 (warning")
    assert "ministerraad: 2025-11-27" in one.stdout
    assert run_cli("rules", "XYZ1").exit_code == 2


def test_rule_docs_are_generated_from_the_catalogue():
    folder = REPO / "docs" / "rules"
    for name, text in pages().items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"run tools/make_rule_docs.py ({name})"
    assert sorted(p.name for p in folder.glob("*.md")) == sorted(pages())


def test_rule_pages_are_dutch_every_word_from_the_catalogue():
    """docs/rules/ is a Dutch user guide whatever language the tests read; its furniture is messages."""
    dutch, english = pages("nl"), pages("en")
    nl, en = messages.catalogue("nl"), messages.catalogue("en")
    assert nl["rules_page.intro"] in dutch["README.md"]
    assert nl["rules.DATE001.summary"] in dutch["dates.md"]
    for name, text in dutch.items():
        for key in ("rules_page.bad", "rules_page.good", "rules_page.finds", "rules_page.changeable"):
            assert en[key].split("{")[0] not in text, (name, key)
        assert text != english[name]
    # the terminal keeps the user's language (the tests read English)
    assert run_cli("rules", "DATE001").stdout.startswith("DATE001 (error, ")


@pytest.mark.parametrize("command", ["check", "letters", "refs"])
def test_commands_that_write_no_document_do_not_import_python_docx_or_lxml(command):
    code = (
        "import sys\n"
        "from verzamel.cli import main\n"
        "try:\n"
        f"    main([{command!r}, '--root', {str(REPO)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'lxml')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_pre_commit_hook_runs_verzamel_check():
    from ruamel.yaml import YAML

    (hook,) = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "verzamel-check"
    assert hook["entry"] == "verzamel check"
    assert hook["pass_filenames"] is False
    import re

    assert re.search(hook["files"], "sections/terugkeer.md")
    assert re.search(hook["files"], "verzamel.yaml")
    assert not re.search(hook["files"], "README.md")
