"""`verzamel init`: a new dossier that builds and checks clean, and never an overwritten file."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

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
