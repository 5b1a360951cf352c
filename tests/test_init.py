"""`verzamel init`: a new dossier that builds and checks clean, and never an overwritten file."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import run_cli
from docx_reading import paragraphs
from verzamel.init import start_dossier


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_new_dossier_builds_and_checks_clean(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    started = run_cli("init", "nieuw-dossier")
    assert started.exit_code == 0, started.output
    dossier = tmp_path / "nieuw-dossier"
    letter_id = f"{date.today().isoformat()}-voorbeeldbrief"
    assert sorted(tree(dossier)) == [
        ".gitignore",
        "footnotes/kamerstukken.yaml",
        f"letters/{letter_id}.yaml",
        "sections/inleiding.md",
        "verzamel.yaml",
    ]
    assert f"verzamel build {letter_id}" in started.stdout
    assert "build/" in (dossier / ".gitignore").read_text().splitlines()

    monkeypatch.chdir(dossier)
    checked = run_cli("check")
    assert (checked.exit_code, checked.stderr) == (0, "")
    built = run_cli("build")
    assert built.exit_code == 0, built.output
    kamerbrief = dossier / "build" / letter_id / "kamerbrief.docx"
    texts = [text for _, text in paragraphs(kamerbrief)]
    assert "Inleiding" in texts
    for name in ("beslisnota.docx", "beslisnota-openbaar.docx"):
        assert (dossier / "build" / letter_id / name).is_file()


def test_the_example_letter_cites_its_kamerstuk_in_the_house_style(tmp_path):
    start_dossier(tmp_path, date(2026, 3, 2))
    shown = run_cli("show", "2026-03-02-voorbeeldbrief", "--root", str(tmp_path))
    assert shown.exit_code == 0, shown.output
    assert "Datum\t2 maart 2026" in shown.stdout
    assert shown.stdout.rstrip().endswith("[1] Kamerstukken II 2020/21, 28362, nr. 56.")


def test_a_second_init_refuses_and_changes_nothing(tmp_path):
    assert run_cli("init", str(tmp_path / "d")).exit_code == 0
    (tmp_path / "d" / "verzamel.yaml").write_text("output: build\n")
    before = tree(tmp_path / "d")
    again = run_cli("init", str(tmp_path / "d"))
    assert again.exit_code == 2
    assert "already is a dossier" in again.stderr and "Nothing was written" in again.stderr
    assert tree(tmp_path / "d") == before


def test_init_refuses_a_folder_whose_files_it_would_overwrite(tmp_path):
    fragment = tmp_path / "sections" / "inleiding.md"
    fragment.parent.mkdir()
    fragment.write_text("mijn eigen tekst\n")
    result = run_cli("init", str(tmp_path))
    assert result.exit_code == 2
    assert "sections/inleiding.md" in result.stderr
    assert tree(tmp_path) == {"sections/inleiding.md": hashlib.sha256(b"mijn eigen tekst\n").hexdigest()}


def test_init_in_an_existing_repository_adds_build_to_its_gitignore(tmp_path):
    (tmp_path / ".gitignore").write_text("*.pyc")
    result = run_cli("init", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".gitignore").read_text() == "*.pyc\nbuild/\n"
    assert "added the line build/" in result.stdout
    (tmp_path / "verzamel.yaml").unlink()
    assert run_cli("init", str(tmp_path)).exit_code == 2  # the letter and fragment are there


# Words of English that Dutch does not use; keys such as `letter_defaults` or `house_style` are the
# file format and do not match (a word boundary does not fall inside them).
ENGLISH = re.compile(
    r"\b(the|and|with|which|this|that|these|from|your|you|when|where|what|every|only|here|its|it|are|be"
    r"|for|to|or|on|at|by|an|so|not|there|see|made|copy|write|writes|change|one|each|can|must|should)\b",
    re.IGNORECASE,
)


def test_a_new_dossier_and_what_new_adds_to_it_hold_no_english(tmp_path, monkeypatch):
    monkeypatch.setenv("VERZAMEL_TAAL", "nl")
    said = [run_cli("init", str(tmp_path / "d"))]
    root = ("--root", str(tmp_path / "d"))
    said.append(run_cli("new", "letter", "2026-03-06-nieuw", *root, "--betreft", "Nieuw", "--datum",
                        "2026-03-06", "--mr", "2026-03-06", "--fragments", "inleiding"))  # fmt: skip
    said.append(
        run_cli("new", "section", "nieuw", *root, "--title", "Nieuw", "--not-public", "--woo", "5.1.2i")
    )
    assert [r.exit_code for r in said] == [0, 0, 0], [r.output for r in said]
    found = [f"{p.relative_to(tmp_path)}: {line}" for p in sorted(tmp_path.rglob("*")) if p.is_file()
             for line in p.read_text(encoding="utf-8").splitlines() if ENGLISH.search(line)]  # fmt: skip
    found += [line for r in said for line in r.output.splitlines() if ENGLISH.search(line)]
    assert found == []
    assert len(list(tmp_path.rglob("*.*"))) == 7  # what was read: five from init, two from new


@pytest.mark.parametrize(
    ("today", "mr"),
    [
        (date(2026, 3, 1), date(2026, 2, 27)),  # a Sunday: the Friday before
        (date(2026, 3, 6), date(2026, 3, 6)),  # a Friday: that day
        (date(2026, 4, 5), date(2026, 3, 27)),  # Easter: Goede Vrijdag is no MR, the Friday before it is
        (date(2026, 12, 28), date(2026, 12, 18)),  # Christmas on a Friday: the week before
        (date(2027, 1, 1), date(2026, 12, 18)),  # Nieuwjaarsdag and Christmas both Fridays, another year
    ],
)
def test_the_example_mr_date_is_a_friday_the_mr_meets_and_checks_clean_uncommented(tmp_path, today, mr):
    started = start_dossier(tmp_path, today)
    manifest = tmp_path / "letters" / f"{started.letter_id}.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert f"\n# ministerraad: {mr.isoformat()} " in text
    manifest.write_text(text.replace("\n# ministerraad: ", "\nministerraad: "), encoding="utf-8")
    result = run_cli("check", "--root", str(tmp_path), "--format", "json")
    found = {(d["rule"], d["severity"]) for d in json.loads(result.stdout)}
    assert (result.exit_code, found) == (0, {("MR003", "info")})  # the beslisnota has no date of its own
