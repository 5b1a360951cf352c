"""`verzamel feedback` on the example (issue 26): a review made in LibreOffice comes back to the
source lines, and with --apply into the sources, so that the draft built again is the reviewed
one with every change accepted; what cannot be read is refused with nothing written."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import pytest

from conftest import TERUGKEERBRIEF, dossier_in_git, require_tool, run_cli
from libreoffice_review import comment, delete_in_footnote, replace, review

FOOTNOTE_SENTENCE = (
    "Ook de verkenning naar een Unity Hub, zoals ontwikkeld door de Oekraïense autoriteiten "
    "wordt hierbij verkend. "
)
COMMENTED = "Sindsdien is het terugkeerbeleid verder uitgewerkt."
KAMERBRIEF = f"{TERUGKEERBRIEF}/kamerbrief.docx"


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """A dossier in git, its draft built, and the Kamerbrief as A. Jansen sends it back from
    LibreOffice: one word group replaced, a footnote sentence deleted, a sentence commented."""
    soffice = require_tool("soffice")
    root = dossier_in_git(tmp_path_factory.mktemp("feedback") / "dossier")
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    work = tmp_path_factory.mktemp("lo")
    target = work / "nagekeken.docx"
    edits = [
        replace("wanneer dat kan", "zodra dat kan"),
        delete_in_footnote(FOOTNOTE_SENTENCE),
        comment(COMMENTED, "Klopt dit nog?"),
    ]
    review(soffice, root / "build" / KAMERBRIEF, target, edits, work)
    return root, target


def _copy(root, tmp_path):
    copy = tmp_path / "dossier"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("build"))
    return copy


def test_comments_and_changes_are_shown_at_their_source_lines(reviewed):
    root, target = reviewed
    result = run_cli("feedback", str(target), "--root", str(root))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        "sections/terugkeer.md:9:1: comment A. Jansen (20 nov 2025) on “" + COMMENTED + "”: Klopt dit nog?"
        in lines
    )
    assert any(line.startswith("sections/terugkeer.md:7:110: change A. Jansen (") for line in lines)
    assert any(line.startswith("footnotes/toelichtingen.yaml:16:41: change A. Jansen (") for line in lines)
    assert "1 comment(s), 2 change(s), 0 cannot be written back." in lines
    assert (
        subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True, text=True
        ).stdout
        == ""
    )


def test_json_names_every_remark_with_its_place(reviewed):
    root, target = reviewed
    result = run_cli("feedback", str(target), "--root", str(root), "--format", "json")
    found = json.loads(result.output)
    comment_row = next(r for r in found["remarks"] if r["kind"] == "comment")
    assert (comment_row["file"], comment_row["line"], comment_row["column"]) == (
        "sections/terugkeer.md",
        9,
        1,
    )
    assert (comment_row["author"], comment_row["date"], comment_row["text"]) == (
        "A. Jansen",
        "2025-11-20T10:00:00Z",
        "Klopt dit nog?",
    )
    changes = [(r["file"], r["deleted"], r["inserted"]) for r in found["remarks"] if r["kind"] == "change"]
    assert (
        changes
        == [
            ("footnotes/toelichtingen.yaml", FOOTNOTE_SENTENCE, ""),
            ("sections/terugkeer.md", "wanneer dat kan", "zodra dat kan"),
        ]
        and found["written"] == []
    )


def test_apply_writes_exactly_the_changes_and_the_draft_built_again_is_the_reviewed_one(reviewed, tmp_path):
    root, target = reviewed
    root = _copy(root, tmp_path)
    fragment, registry = root / "sections" / "terugkeer.md", root / "footnotes" / "toelichtingen.yaml"
    expected = {
        fragment: fragment.read_text(encoding="utf-8").replace("wanneer dat kan", "zodra dat kan"),
        registry: registry.read_text(encoding="utf-8").replace(
            "Ook de verkenning naar een Unity Hub, zoals\n"
            "    ontwikkeld door de Oekraïense autoriteiten wordt hierbij verkend. ",
            "",
        ),
    }
    result = run_cli("feedback", str(target), "--root", str(root), "--apply")
    assert result.exit_code == 0, result.output
    # the sent letter of this copy is not frozen: it uses both files and changes with them
    assert "sections/terugkeer.md is also in 2025-11-28-verzamelbrief-oekraine" in result.output
    for path, text in expected.items():
        assert path.read_text(encoding="utf-8") == text
    changed = subprocess.run(["git", "diff", "--name-only"], cwd=root, capture_output=True, text=True).stdout
    assert changed.split() == ["footnotes/toelichtingen.yaml", "sections/terugkeer.md"]
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    rebuilt = run_cli("textconv", str(root / "build" / KAMERBRIEF)).output
    accepted = run_cli("textconv", str(target)).output  # textconv shows tracked changes accepted
    assert rebuilt == accepted
    assert "zodra dat kan" in rebuilt and "Unity Hub" not in rebuilt


def test_applied_again_nothing_changes(reviewed, tmp_path):
    root, target = reviewed
    root = _copy(root, tmp_path)
    assert run_cli("feedback", str(target), "--root", str(root), "--apply").exit_code == 0
    sources = [
        *(root / "sections").rglob("*.md"),
        *(root / "footnotes").glob("*.yaml"),
        *(root / "letters").glob("*"),
    ]
    once = {p: p.read_bytes() for p in sources}
    again = run_cli("feedback", str(target), "--root", str(root), "--apply")
    assert again.exit_code == 0, again.output
    assert {p: p.read_bytes() for p in sources} == once


def test_a_change_where_the_source_moved_on_is_a_conflict_and_nothing_else_is_lost(reviewed, tmp_path):
    root, target = reviewed
    root = _copy(root, tmp_path)
    fragment = root / "sections" / "terugkeer.md"
    text = fragment.read_text(encoding="utf-8")
    fragment.write_text(text.replace("wanneer dat kan", "als dat mogelijk is"), encoding="utf-8")
    result = run_cli("feedback", str(target), "--root", str(root), "--apply")
    assert result.exit_code == 1
    assert "sections/terugkeer.md:7:" in result.output and "FEEDBACK001" in result.output
    assert "als dat mogelijk is" in fragment.read_text(encoding="utf-8")  # the officer's words stay
    assert "Unity Hub" not in (root / "footnotes" / "toelichtingen.yaml").read_text(encoding="utf-8")


def test_a_source_that_moved_on_elsewhere_is_merged_three_ways(reviewed, tmp_path):
    root, target = reviewed
    root = _copy(root, tmp_path)
    fragment = root / "sections" / "terugkeer.md"
    text = fragment.read_text(encoding="utf-8")
    fragment.write_text(text.replace("verder uitgewerkt", "verder en beter uitgewerkt"), encoding="utf-8")
    result = run_cli("feedback", str(target), "--root", str(root), "--apply")
    assert result.exit_code == 0, result.output
    now = fragment.read_text(encoding="utf-8")
    assert "zodra dat kan" in now and "verder en beter uitgewerkt" in now


def _refused(root, path, tmp_path):
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts}
    result = run_cli("feedback", str(path), "--root", str(root), "--apply")
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts}
    assert after == before
    return result


def test_what_cannot_be_read_is_refused_with_nothing_written(reviewed, tmp_path):
    root, target = reviewed
    root = _copy(root, tmp_path)
    corrupt = tmp_path / "kapot.docx"
    corrupt.write_bytes(target.read_bytes()[:2000])
    encrypted = tmp_path / "wachtwoord.docx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    not_ours = tmp_path / "ander.docx"
    with zipfile.ZipFile(target) as source, zipfile.ZipFile(not_ours, "w") as copy:
        for item in source.infolist():
            if not item.filename.startswith("customXml/"):
                copy.writestr(item, source.read(item.filename))
    other = tmp_path / "ander-dossier.docx"
    with zipfile.ZipFile(target) as source, zipfile.ZipFile(other, "w") as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            copy.writestr(item, data.replace(TERUGKEERBRIEF.encode(), b"2024-01-05-iets-anders"))
    sent = root / "build" / "2025-11-28-verzamelbrief-oekraine" / "kamerbrief.docx"
    assert run_cli("build", "--root", str(root)).exit_code == 0
    cases = {
        corrupt: "not a Word document",
        encrypted: "encrypted",
        not_ours: "not made by verzamel as a draft",
        other: "another dossier",
        sent: "not made by verzamel as a draft",
        tmp_path / "er-niet.docx": "cannot read",
    }
    for path, said in cases.items():
        result = _refused(root, path, tmp_path)
        assert result.exit_code == 2, (path, result.output)
        assert said in result.output, (path, result.output)
