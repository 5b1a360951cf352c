"""`verzamel diff`, the Word redline, `textconv` and `git-setup`, in a git repository made from the
example dossier: revisions are real commits, and every check reads the outputs back."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from conftest import (
    TERUGKEERBRIEF,
    VERZAMELBRIEF,
    commit,
    copy_dossier,
    dossier_in_git,
    edit,
    git,
    require_tool,
    run_cli,
)
from docx_reading import NS, W, footnote_reference_ids, footnotes, part_xml, resolve_tracked_changes
from verzamel.pipeline.run import run as run_letters
from verzamel.project import open_project
from verzamel.review.textconv import docx_text
from verzamel.sources import load_sources

KINDS = ("kamerbrief", "beslisnota", "beslisnota-openbaar")


@pytest.fixture
def repo(tmp_path) -> Path:
    """The example dossier as a git repository with one commit."""
    return dossier_in_git(tmp_path / "repo")


def diff(repo: Path, *args: str):
    return run_cli("diff", "--root", str(repo), *args)


def diff_json(repo: Path, *args: str) -> tuple[int, list[dict]]:
    result = diff(repo, "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def git_state(repo: Path) -> tuple[str, str, str]:
    """What diff must leave alone: the status, the index file and the branch."""
    index = hashlib.sha256((repo / ".git" / "index").read_bytes()).hexdigest()
    return git(repo, "status", "--porcelain"), index, git(repo, "rev-parse", "HEAD")


def users_of(repo: Path, source: str) -> set[tuple[str, str]]:
    """The (letter, document) pairs whose documents are made from `source`."""
    project = open_project(repo)
    run = run_letters(project, load_sources(project))
    return {(i, d.kind) for i, c in run.letters.items() for d in c.documents if source in d.source_paths}


# ---- the text and json forms -----------------------------------------------------------------


def test_one_word_in_a_shared_fragment_shows_in_every_document_that_uses_it(repo):
    edit(repo / "sections" / "terugkeer.md", "verder uitgewerkt", "nader uitgewerkt")
    commit(repo, "een woord")
    before = git_state(repo)
    result = diff(repo, "HEAD~1", "HEAD")
    assert result.exit_code == 1, result.output
    assert git_state(repo) == before
    code, documents = diff_json(repo, "HEAD~1", "HEAD")
    assert code == 1
    changed = {(d["letter"], d["document"]) for d in documents if d["status"] == "changed"}
    expected = users_of(repo, "sections/terugkeer.md")
    assert changed == expected and len(expected) == 2
    for document in documents:
        if (document["letter"], document["document"]) in expected:
            [change] = document["changes"]
            assert change["kind"] == "changed"
            assert "verder uitgewerkt" in change["old"] and "nader uitgewerkt" in change["new"]
            assert change["old"].replace("verder", "nader") == change["new"]
        else:
            assert document["status"] == "unchanged" and document["changes"] == []
    # The text form: the old and the new word in context, each changed document named.
    assert result.stdout.count("[-verder-]{+nader+} uitgewerkt") == 2
    for letter, kind in expected:
        assert f"{letter} · {kind}" in result.stdout
    assert "Unchanged: " in result.stdout


def test_a_changed_figure_shows_whole_in_the_text_and_the_redline(repo, tmp_path):
    edit(repo / "sections" / "transitiedocument.md", "ongeveer 150.000 mensen", "ruim 148.500 mensen")
    commit(repo, "een getal")
    result = diff(repo, "HEAD~1", "HEAD", "--docx", str(tmp_path))
    assert result.exit_code == 1, result.output
    assert "naar verwachting [-ongeveer-]{+ruim+} [-150.000-]{+148.500+} mensen" in result.stdout
    assert "000" not in result.stdout.replace("150.000", "").replace("148.500", "")
    (redline,) = tmp_path.glob("*/kamerbrief.redline.docx")
    root = part_xml(redline, "word/document.xml")
    deleted = ["".join(t.text for t in d.iter(f"{{{W}}}delText")) for d in root.iter(f"{{{W}}}del")]
    inserted = ["".join(t.text for t in i.iter(f"{{{W}}}t")) for i in root.iter(f"{{{W}}}ins")]
    assert deleted == ["ongeveer", "150.000"] and inserted == ["ruim", "148.500"]


def test_nothing_changed_exits_0(repo):
    before = git_state(repo)
    for args in ((), ("HEAD",), ("HEAD", "HEAD"), ("main", "HEAD", TERUGKEERBRIEF)):
        result = diff(repo, *args)
        assert result.exit_code == 0, (args, result.output)
        assert "Unchanged: " in result.stdout
    assert git_state(repo) == before


def test_the_working_tree_is_the_default_newer_revision(repo):
    edit(repo / "sections" / "terugkeer.md", "verder uitgewerkt", "nader uitgewerkt")
    before = git_state(repo)
    code, documents = diff_json(repo, TERUGKEERBRIEF, "--document", "kamerbrief")
    assert code == 1
    assert [(d["letter"], d["document"], d["status"]) for d in documents] == [
        (TERUGKEERBRIEF, "kamerbrief", "changed")
    ]
    assert git_state(repo) == before


def test_a_reordered_manifest_is_moves_and_renumbered_footnotes_not_changes(repo):
    edit(
        repo / "letters" / f"{VERZAMELBRIEF}.yaml",
        "    - eu-exit-strategie\n    - transitiedocument\n",
        "    - transitiedocument\n    - eu-exit-strategie\n",
    )
    commit(repo, "volgorde")
    code, documents = diff_json(repo, "HEAD~1", "HEAD", VERZAMELBRIEF, "--document", "kamerbrief")
    assert code == 1
    [document] = documents
    kinds = {c["kind"] for c in document["changes"]}
    assert kinds == {"moved", "renumbered"}
    renumbered = {
        (c["old_footnote"], c["footnote"]) for c in document["changes"] if c["kind"] == "renumbered"
    }
    assert renumbered and all(old != new for old, new in renumbered)
    text = diff(repo, "HEAD~1", "HEAD", VERZAMELBRIEF, "--document", "kamerbrief").stdout
    assert "renumbered, same text" in text and "[-" not in text and "{+" not in text


def test_a_changed_footnote_shows_in_the_footnote_not_in_the_body(repo):
    edit(repo / "footnotes" / "toelichtingen.yaml", "informatiecampagne", "voorlichtingscampagne")
    commit(repo, "voetnoot")
    code, documents = diff_json(repo, "HEAD~1", "HEAD")
    assert code == 1
    changed = [d for d in documents if d["status"] == "changed"]
    assert {(d["letter"], d["document"]) for d in changed} == users_of(repo, "footnotes/toelichtingen.yaml")
    for document in changed:
        assert [c["kind"] for c in document["changes"]] == ["changed"]
        [change] = document["changes"]
        assert "paragraph" not in change and change["footnote"] == change["old_footnote"]
        assert "informatiecampagne" in change["old"] and "voorlichtingscampagne" in change["new"]
    text = diff(repo, "HEAD~1", "HEAD", TERUGKEERBRIEF, "--document", "kamerbrief").stdout
    assert "footnote 2: " in text and "[-informatiecampagne-]{+voorlichtingscampagne+}" in text


def test_a_letter_in_one_revision_only_is_added_or_removed_whole(repo):
    (repo / "letters" / f"{TERUGKEERBRIEF}.yaml").rename(repo / "letters" / "2026-01-09-kopie.yaml")
    commit(repo, "hernoemd")
    code, documents = diff_json(repo, "HEAD~1", "HEAD")
    assert code == 1
    status = {(d["letter"], d["document"]): d["status"] for d in documents}
    for kind in KINDS:
        assert status[(TERUGKEERBRIEF, kind)] == "removed"
        assert status[("2026-01-09-kopie", kind)] == "added"
        assert status[(VERZAMELBRIEF, kind)] == "unchanged"
    removed = next(d for d in documents if d["letter"] == TERUGKEERBRIEF and d["document"] == "kamerbrief")
    assert {c["kind"] for c in removed["changes"]} == {"removed"}
    text = diff(repo, "HEAD~1", "HEAD", TERUGKEERBRIEF).stdout
    assert f"{TERUGKEERBRIEF} · kamerbrief (gone in this revision)" in text


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("HEAD~5", "HEAD"), "git knows no revision 'HEAD~5'"),
        (("HEAD", "geen-revisie"), "git knows no revision 'geen-revisie'"),
        (("HEAD", "HEAD", "2099-01-01-geen-brief"), "no letter called 2099-01-01-geen-brief"),
    ],
)
def test_an_unknown_letter_or_revision_exits_2(repo, args, says):
    result = diff(repo, *args)
    assert result.exit_code == 2
    assert says in result.output


def test_sources_with_errors_at_a_revision_exit_2_with_the_diagnostics(repo):
    edit(repo / "sections" / "terugkeer.md", "[^terugkeerbeleid-onderdelen]", "[^bestaat-niet]")
    commit(repo, "kapot")
    result = diff(repo, "HEAD~1", "HEAD")
    assert result.exit_code == 2
    assert "sections/terugkeer.md:" in result.stderr and "FN001" in result.stderr
    assert "the sources at HEAD have errors" in result.stderr


def test_outside_a_git_repository_diff_says_so(dossier):
    result = diff(dossier)
    assert result.exit_code == 2
    assert "not in a git repository" in result.stderr


# ---- the Word redline ----------------------------------------------------------------------


def _many_changes(repo: Path) -> None:
    """A revision that changes every document of the example: words, a paragraph added and one
    removed, a footnote's text, the beslisnota's own prose."""
    edit(repo / "sections" / "terugkeer.md", "verder uitgewerkt", "nader uitgewerkt")
    clingendael = repo / "sections" / "appreciatie-clingendael.md"
    clingendael.write_text(clingendael.read_text(encoding="utf-8") + "\nEen nieuwe alinea aan het eind.\n")
    edit(repo / "footnotes" / "toelichtingen.yaml", "informatiecampagne", "voorlichtingscampagne")
    for letter in (VERZAMELBRIEF, TERUGKEERBRIEF):
        edit(repo / "letters" / f"{letter}.yaml", "Verzamelbrief", "verzamelbrief")
    transitie = repo / "sections" / "transitiedocument.md"
    paragraphs = transitie.read_text(encoding="utf-8").split("\n\n")
    kept = [p for p in paragraphs if not p.startswith("Aan het transitiedocument is een pakket")]
    assert len(kept) == len(paragraphs) - 1
    transitie.write_text("\n\n".join(kept), encoding="utf-8")


def _paragraph_count(path: Path) -> int:
    return len(list(part_xml(path, "word/document.xml").iter(f"{{{W}}}p")))


def test_the_redline_tracks_every_change_and_resolves_to_either_revision(repo, tmp_path):
    old_build, new_build, redlines = tmp_path / "old", tmp_path / "new", tmp_path / "redlines"
    assert run_cli("build", "--root", str(repo), "--out", str(old_build), "-q").exit_code == 0
    _many_changes(repo)
    commit(repo, "veel")
    assert run_cli("build", "--root", str(repo), "--out", str(new_build), "-q").exit_code == 0
    before = git_state(repo)
    result = diff(repo, "HEAD~1", "HEAD", "--docx", str(redlines))
    assert result.exit_code == 1, result.output
    assert git_state(repo) == before
    for letter in (VERZAMELBRIEF, TERUGKEERBRIEF):
        for kind in KINDS:
            redline = redlines / letter / f"{kind}.redline.docx"
            assert redline.exists(), redline
            for accept, build in ((True, new_build), (False, old_build)):
                resolved = resolve_tracked_changes(redline, tmp_path / "resolved.docx", accept)
                built = build / letter / f"{kind}.docx"
                assert docx_text(resolved) == docx_text(built), (letter, kind, accept)
                # Empty paragraphs too: a paragraph added or removed whole takes its mark with it.
                assert _paragraph_count(resolved) == _paragraph_count(built), (letter, kind, accept)


def test_the_redline_holds_old_words_in_deltext_and_new_ones_in_ins_signed_by_the_commit(repo, tmp_path):
    edit(repo / "sections" / "terugkeer.md", "verder uitgewerkt", "nader uitgewerkt")
    edit(repo / "footnotes" / "toelichtingen.yaml", "informatiecampagne", "voorlichtingscampagne")
    commit(repo, "woorden")
    assert diff(repo, "HEAD~1", "HEAD", "--docx", str(tmp_path)).exit_code == 1
    redline = tmp_path / TERUGKEERBRIEF / "kamerbrief.redline.docx"
    users = users_of(repo, "sections/terugkeer.md") | users_of(repo, "footnotes/toelichtingen.yaml")
    written = {
        (p.parent.name, p.name.removesuffix(".redline.docx")) for p in tmp_path.glob("*/*.redline.docx")
    }
    assert written == users != set()  # a redline for each changed document, none for the others
    for part, old, new in (
        ("word/document.xml", "verder", "nader"),
        ("word/footnotes.xml", "informatiecampagne", "voorlichtingscampagne"),
    ):
        root = part_xml(redline, part)
        deleted = ["".join(t.text for t in d.iter(f"{{{W}}}delText")) for d in root.iter(f"{{{W}}}del")]
        inserted = ["".join(t.text for t in i.iter(f"{{{W}}}t")) for i in root.iter(f"{{{W}}}ins")]
        assert old in deleted and new in inserted, (part, deleted, inserted)
        for change in [*root.iter(f"{{{W}}}del"), *root.iter(f"{{{W}}}ins")]:
            assert change.get(f"{{{W}}}author") == "A. Beleidsmedewerker"
            assert change.get(f"{{{W}}}date") == "2025-11-20T09:00:00Z"
        assert not list(root.iterfind(".//w:del//w:t", NS))  # deleted words only as w:delText
    ids = [int(c.get(f"{{{W}}}id")) for p in ("word/document.xml", "word/footnotes.xml")
           for c in part_xml(redline, p).iter(f"{{{W}}}ins", f"{{{W}}}del")]  # fmt: skip
    assert len(ids) == len(set(ids))
    # Same sources, same bytes: a second redline is identical.
    again = tmp_path / "again"
    diff(repo, "HEAD~1", "HEAD", "--docx", str(again))
    assert (again / TERUGKEERBRIEF / "kamerbrief.redline.docx").read_bytes() == redline.read_bytes()


def test_the_working_tree_redline_is_signed_by_the_ministry_on_the_letters_date(repo, tmp_path):
    edit(repo / "sections" / "terugkeer.md", "verder uitgewerkt", "nader uitgewerkt")
    assert diff(repo, TERUGKEERBRIEF, "--docx", str(tmp_path)).exit_code == 1
    root = part_xml(tmp_path / TERUGKEERBRIEF / "kamerbrief.redline.docx", "word/document.xml")
    [change, *_] = root.iter(f"{{{W}}}ins")
    assert change.get(f"{{{W}}}author") == "Ministerie van Asiel en Migratie"
    assert change.get(f"{{{W}}}date") == "2025-12-12T00:00:00Z"


def test_libreoffice_opens_the_redline(repo, tmp_path):
    soffice = require_tool("soffice")
    edit(repo / "sections" / "terugkeer.md", "verder uitgewerkt", "nader uitgewerkt")
    commit(repo, "een woord")
    diff(repo, "HEAD~1", "HEAD", TERUGKEERBRIEF, "--docx", str(tmp_path))
    redline = tmp_path / TERUGKEERBRIEF / "kamerbrief.redline.docx"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
         "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(redline)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    text = (tmp_path / "kamerbrief.redline.txt").read_text(encoding="utf-8-sig")
    assert "nader" in text and "Terugkeer" in text


# ---- textconv and git-setup ------------------------------------------------------------------


def test_textconv_prints_the_beslisnota_with_its_footnotes(built):
    path = built / VERZAMELBRIEF / "beslisnota.docx"
    result = run_cli("textconv", str(path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "1. Aanleiding" in lines and "---" in lines
    notes = lines[lines.index("---") + 1 :]
    texts = footnotes(path)
    expected = [f"[{n}] {texts[i]}" for n, i in enumerate(footnote_reference_ids(path), start=1)]
    assert notes == expected and len(notes) >= 5
    assert any("19637, nr. 3346" in n for n in notes)


def test_textconv_reads_a_document_verzamel_did_not_make(tmp_path):
    pandoc = require_tool("pandoc")
    source = tmp_path / "elders.md"
    source.write_text(
        "# Kop\n\nEen alinea met een noot.[^1]\n\n[^1]: De tekst van de noot.\n", encoding="utf-8"
    )
    subprocess.run([pandoc, str(source), "-o", str(tmp_path / "elders.docx")], check=True)
    result = run_cli("textconv", str(tmp_path / "elders.docx"))
    assert result.stdout == "Kop\nEen alinea met een noot.[1]\n---\n[1] De tekst van de noot.\n"


def test_textconv_refuses_what_is_not_a_docx(tmp_path):
    (tmp_path / "brief.docx").write_text("geen zip", encoding="utf-8")
    result = run_cli("textconv", str(tmp_path / "brief.docx"))
    assert result.exit_code == 2 and "not a Word document" in result.stderr


def test_after_git_setup_git_diff_shows_built_documents_as_text(repo):
    build = repo / "gebouwd"
    assert run_cli("build", "--root", str(repo), "--out", str(build), TERUGKEERBRIEF).exit_code == 0
    commit(repo, "gebouwd")
    edit(repo / "sections" / "terugkeer.md", "verder uitgewerkt", "nader uitgewerkt")
    assert run_cli("build", "--root", str(repo), "--out", str(build), TERUGKEERBRIEF).exit_code == 0
    commit(repo, "opnieuw gebouwd")
    result = run_cli("git-setup", "--root", str(repo))
    assert result.exit_code == 0
    assert "*.docx diff=verzamel" in (repo / ".gitattributes").read_text()
    again = run_cli("git-setup", "--root", str(repo))
    assert (repo / ".gitattributes").read_text().count("*.docx diff=verzamel") == 1
    assert "already has" in again.stdout
    shown = git(repo, "diff", "HEAD~1", "HEAD", "--", f"gebouwd/{TERUGKEERBRIEF}/kamerbrief.docx")
    assert "-Het kabinet" in shown and "verder uitgewerkt" in shown
    assert "+Het kabinet" in shown and "nader uitgewerkt" in shown
    assert "Binary files" not in shown


def test_a_dossier_in_a_subfolder_of_the_repository(tmp_path):
    require_tool("git")
    top = tmp_path / "repo"
    dossier = copy_dossier(top / "dossiers" / "oekraine")
    (top / "README.md").write_text("Meer dan één dossier.\n", encoding="utf-8")
    git(top, "init", "-q", "-b", "main")
    commit(top, "twee mappen diep")
    edit(dossier / "sections" / "terugkeer.md", "verder uitgewerkt", "nader uitgewerkt")
    commit(top, "een woord")
    code, documents = diff_json(dossier, "HEAD~1", "HEAD", TERUGKEERBRIEF, "--document", "kamerbrief")
    assert code == 1 and documents[0]["status"] == "changed"
