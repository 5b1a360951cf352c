"""Sent letters frozen: `verzamel freeze`, the lock file, and how `build`, `check`, `show`, `diff`
and `agenda` treat a sent letter while the fragments it used go on changing for the next letter.

Most tests work in a git repository made from the example dossier with its sent letter frozen,
because the locked versions are read back from git; a copy outside git shows what happens when
they cannot be.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from conftest import (
    MOVED_ON,
    REPO,
    TERUGKEERBRIEF,
    VERZAMELBRIEF,
    besides_moved_on,
    commit,
    copy_dossier,
    dossier_in_git,
    edit,
    finish_sending,
    git,
    run_cli,
)
from verzamel.render import GENERATION
from verzamel.review.textconv import docx_text
from verzamel.sources.lockfile import read_lock

LOCK = f"letters/{VERZAMELBRIEF}.lock"
SHARED = "sections/terugkeer.md"  # used by both letters
WORD = ("ontwikkelt terugkeerbeleid", "ontwikkelt nieuw terugkeerbeleid")


def recorded(dossier: Path) -> dict[str, str]:
    """The documents and their SHA-256 as the dossier's lock records them."""
    lock, problems = read_lock((dossier / LOCK).read_text(encoding="utf-8"), LOCK, VERZAMELBRIEF)
    assert lock is not None, problems
    return lock.outputs


def made(out: Path, letter: str = VERZAMELBRIEF) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((out / letter).glob("*.docx"))}


def check_json(dossier: Path) -> tuple[int, list[dict]]:
    result = run_cli("check", "--root", str(dossier), "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def build(dossier: Path, out: Path, *args: str):
    return run_cli("build", "--root", str(dossier), "--out", str(out), *args)


@pytest.fixture
def repo(tmp_path) -> Path:
    """The example dossier, its sent letter frozen, as a git repository with one commit."""
    return dossier_in_git(tmp_path / "repo", "het voorbeelddossier, de Verzamelbrief verzonden", frozen=True)


def test_the_example_is_frozen_and_builds_the_bytes_it_records(tmp_path):
    result = build(REPO, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"{VERZAMELBRIEF}: made from its lock, the same bytes as sent" in result.stdout
    assert made(tmp_path / "out") == recorded(REPO)
    assert set(recorded(REPO)) == {"kamerbrief.docx", "beslisnota.docx", "beslisnota-openbaar.docx"}


# What may change for the next letter, and the source `check` then names.
MOVES = [
    ("a word in a shared fragment", SHARED, WORD, "nieuw terugkeerbeleid"),
    (
        "the house style of citations",
        "verzamel.yaml",
        ("citations: voluit", "citations: aanwijzingen"),
        "Kamerstukken II 2024/25, 19637, nr. 3451",
    ),
    (
        "the letter template",
        "templates/kamerbrief.md.j2",
        ("Geachte voorzitter,", "Geachte voorzitter van de Kamer,"),
        "Geachte voorzitter van de Kamer,",
    ),
]


@pytest.mark.parametrize(("what", "source", "change", "new_text"), MOVES, ids=[m[0] for m in MOVES])
def test_the_sources_move_on_and_the_sent_letter_stays_as_sent(
    repo, tmp_path, what, source, change, new_text
):
    edit(repo / source, *change)
    commit(repo, what)

    code, found = check_json(repo)
    assert code == 0, found
    [moved] = [d for d in found if d["rule"] == "LOCK004"]  # one notice, naming each moved source
    assert (moved["file"], moved["severity"]) == (f"letters/{VERZAMELBRIEF}.lock", "info")
    assert besides_moved_on(found, source) == [] and VERZAMELBRIEF in moved["message"]

    out = tmp_path / "out"
    result = build(repo, out)
    assert result.exit_code == 0, result.output
    assert made(out) == recorded(repo)
    assert new_text in docx_text(out / TERUGKEERBRIEF / "kamerbrief.docx")
    assert new_text not in docx_text(out / VERZAMELBRIEF / "kamerbrief.docx")
    shown = run_cli("show", VERZAMELBRIEF, "--root", str(repo)).stdout
    assert new_text not in shown and "Geachte voorzitter," in shown


def test_diff_and_agenda_see_the_sent_letter_as_sent(repo):
    edit(repo / SHARED, *WORD)
    commit(repo, "voor de volgende brief")
    result = run_cli("diff", "HEAD~1", "HEAD", "--root", str(repo), "--format", "json")
    changed = {(d["letter"], d["document"]) for d in json.loads(result.stdout) if d["status"] != "unchanged"}
    assert changed == {(TERUGKEERBRIEF, "kamerbrief")}
    [item] = json.loads(
        run_cli("agenda", "--mr", "2025-11-28", "--root", str(repo), "--format", "json").stdout
    )
    assert item["letter"] == VERZAMELBRIEF and item["besluit"] and item["errors"] == 0


def test_an_uncommitted_change_is_read_past_as_well(repo, tmp_path):
    edit(repo / SHARED, *WORD)
    code, found = check_json(repo)
    assert code == 0 and besides_moved_on(found, SHARED) == []
    assert build(repo, tmp_path / "out").exit_code == 0
    assert made(tmp_path / "out") == recorded(repo)


def test_freeze_keeps_the_versions_in_git_before_they_are_committed(repo, tmp_path):
    """A sent letter corrected and frozen again before a commit: its versions are in git at once."""
    finish_sending(repo)
    edit(repo / SHARED, *WORD)
    result = run_cli("freeze", VERZAMELBRIEF, "--force", "--root", str(repo))
    assert result.exit_code == 0, result.output
    assert "commit it together with the sources" in result.stdout
    edit(repo / SHARED, "nieuw terugkeerbeleid", "ander terugkeerbeleid")
    code, found = check_json(repo)
    assert code == 0 and [(d["rule"], d["file"]) for d in found] == [("LOCK004", SHARED)]  # at the one file
    assert build(repo, tmp_path / "out").exit_code == 0
    assert made(tmp_path / "out") == recorded(repo)
    assert "nieuw terugkeerbeleid" in docx_text(tmp_path / "out" / VERZAMELBRIEF / "kamerbrief.docx")


def test_a_locked_version_that_cannot_be_found_is_an_error_at_the_lock(tmp_path):
    dossier = copy_dossier(tmp_path / "dossier", frozen=True)  # not in git
    edit(dossier / SHARED, *WORD)
    code, found = check_json(dossier)
    assert code == 1
    [lost] = [d for d in found if d["rule"] == "LOCK002"]
    line = next(n for n, x in enumerate((dossier / LOCK).read_text().splitlines(), 1) if SHARED in x)
    assert (lost["file"], lost["line"], lost["column"]) == (LOCK, line, 3)
    result = build(dossier, tmp_path / "out")
    assert result.exit_code == 1
    assert f"not written: {VERZAMELBRIEF}" in result.stderr
    assert not (tmp_path / "out" / VERZAMELBRIEF).exists()
    assert "nieuw terugkeerbeleid" in docx_text(tmp_path / "out" / TERUGKEERBRIEF / "kamerbrief.docx")


def test_documents_that_no_longer_come_out_as_recorded_are_not_written(tmp_path):
    dossier = copy_dossier(tmp_path / "dossier", frozen=True)
    digest = recorded(dossier)["kamerbrief.docx"]
    edit(dossier / LOCK, digest, "f" * 64)
    result = build(dossier, tmp_path / "out")
    assert result.exit_code == 1
    line = next(n for n, x in enumerate((dossier / LOCK).read_text().splitlines(), 1) if "f" * 64 in x)
    assert f"{LOCK}:{line}:3: error LOCK003 kamerbrief.docx of letter {VERZAMELBRIEF}" in result.stderr
    assert not (tmp_path / "out" / VERZAMELBRIEF).exists()
    assert (tmp_path / "out" / TERUGKEERBRIEF / "kamerbrief.docx").exists()


def test_freeze_writes_the_same_lock_again_and_never_changes_what_was_sent_unasked(tmp_path):
    dossier, other = (copy_dossier(tmp_path / name, frozen=True) for name in ("dossier", "other"))
    lock = dossier / LOCK
    for copy in (dossier, other):
        shutil.rmtree(copy / ".git")  # outside git: the versions it keeps are not needed for a new lock
        (copy / LOCK).unlink()
        finish_sending(copy)
        result = run_cli("freeze", VERZAMELBRIEF, "--root", str(copy))
        assert result.exit_code == 0, result.output
        assert "froze letters/" in result.stdout and "not in a git repository" in result.stdout
    assert lock.read_bytes() == (other / LOCK).read_bytes()  # the same lock, whoever makes it
    # a new lock: today's house style (MOVED_ON) and writers (`writer:`), so other documents too
    finished = ("verzamel.yaml", f"letters/{VERZAMELBRIEF}.yaml", ".docx", "writer", *MOVED_ON)
    assert f"\nwriter: {GENERATION}\n" in lock.read_text()
    changed = set(lock.read_text().splitlines()) ^ set((REPO / LOCK).read_text().splitlines())
    assert changed and all(any(name in line for name in finished) for line in changed), changed
    first = lock.read_bytes()

    result = run_cli("freeze", VERZAMELBRIEF, "--root", str(dossier))
    assert result.exit_code == 0 and "is up to date" in result.stdout

    manifest = dossier / "letters" / f"{VERZAMELBRIEF}.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "# gepubliceerd\n", encoding="utf-8")
    outputs = recorded(dossier)
    result = run_cli("freeze", VERZAMELBRIEF, "--root", str(dossier))
    assert result.exit_code == 0 and "now records the current sources" in result.stdout
    assert lock.read_bytes() != first and recorded(dossier) == outputs

    edit(dossier / SHARED, *WORD)
    before = lock.read_bytes()
    result = run_cli("freeze", VERZAMELBRIEF, "--root", str(dossier))
    assert result.exit_code == 2
    assert "would change what was sent" in result.stderr and "--force" in result.stderr
    assert lock.read_bytes() == before
    assert run_cli("freeze", VERZAMELBRIEF, "--force", "--root", str(dossier)).exit_code == 0
    assert recorded(dossier)["kamerbrief.docx"] != outputs["kamerbrief.docx"]


def test_a_letter_is_made_again_by_the_writers_its_lock_records(tmp_path, monkeypatch):
    """A letter frozen by the first generation (no `writer:`) keeps it when frozen again, and is made
    by it: without language in its properties. `--force` takes today's writers, and their bytes."""
    import verzamel.pipeline.freeze

    dossier = copy_dossier(tmp_path / "dossier", frozen=True)
    (dossier / LOCK).unlink()
    finish_sending(dossier)
    monkeypatch.setattr(verzamel.pipeline.freeze, "GENERATION", 1)  # a verzamel of before
    assert run_cli("freeze", VERZAMELBRIEF, "--root", str(dossier)).exit_code == 0
    monkeypatch.undo()
    first = (dossier / LOCK).read_text(encoding="utf-8")
    assert "writer" not in first and read_lock(first, LOCK, VERZAMELBRIEF)[0].writer == 1

    result = run_cli("freeze", VERZAMELBRIEF, "--root", str(dossier))
    assert result.exit_code == 0 and "is up to date" in result.stdout
    assert build(dossier, tmp_path / "out").exit_code == 0
    assert made(tmp_path / "out") == recorded(dossier)
    assert b"dc:language" not in _core(tmp_path / "out" / VERZAMELBRIEF / "kamerbrief.docx")
    assert b"<dc:language>nl-NL</dc:language>" in _core(tmp_path / "out" / TERUGKEERBRIEF / "kamerbrief.docx")

    edit(dossier / LOCK, "verzamel: ", f"writer: {GENERATION}\nverzamel: ")  # the bytes say otherwise
    result = build(dossier, tmp_path / "other")
    assert result.exit_code == 1 and result.stderr.count(" LOCK003 ") == 3

    (dossier / LOCK).write_text(first, encoding="utf-8")
    assert run_cli("freeze", VERZAMELBRIEF, "--force", "--root", str(dossier)).exit_code == 0
    assert f"\nwriter: {GENERATION}\n" in (dossier / LOCK).read_text(encoding="utf-8")
    assert (
        recorded(dossier)["kamerbrief.docx"]
        != read_lock(first, LOCK, VERZAMELBRIEF)[0].outputs["kamerbrief.docx"]
    )


@pytest.mark.parametrize("writer", ["0", "twee", "1.5", "true", "[2]"])
def test_a_lock_whose_writers_are_no_generation_cannot_be_read(writer):
    text = (REPO / LOCK).read_text(encoding="utf-8").replace("verzamel: ", f"writer: {writer}\nverzamel: ")
    lock, problems = read_lock(text, LOCK, VERZAMELBRIEF)
    assert lock is None and [(d.rule, d.span.line) for d in problems] == [("LOCK001", 5)]


def test_a_lock_by_writers_newer_than_these_is_reported_by_check_not_only_by_build(tmp_path):
    """A colleague's newer verzamel froze the letter: this one cannot make it as sent, and says so
    at the lock's `writer:` line when checking, instead of passing the check and then failing the
    build on three documents that differ (LOCK003)."""
    dossier = copy_dossier(tmp_path / "dossier", frozen=True)
    edit(dossier / LOCK, "verzamel: ", f"writer: {GENERATION + 1}\nverzamel: ")
    code, found = check_json(dossier)
    errors = [(d["rule"], d["file"], d["line"]) for d in found if d["severity"] == "error"]
    assert (code, errors) == (1, [("LOCK001", LOCK, 5)])
    (error,) = [d for d in found if d["rule"] == "LOCK001"]
    assert f"generation {GENERATION + 1}" in error["message"] and f"up to {GENERATION}" in error["message"]
    result = build(dossier, tmp_path / "out")
    assert result.exit_code == 1 and " LOCK001 " in result.stderr and " LOCK003 " not in result.stderr
    assert not (tmp_path / "out" / VERZAMELBRIEF).exists()


def _core(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return package.read("docProps/core.xml")


def test_only_a_sent_letter_of_the_dossier_is_frozen(tmp_path):
    dossier = copy_dossier(tmp_path / "dossier", frozen=True)
    result = run_cli("freeze", TERUGKEERBRIEF, "--root", str(dossier))
    assert result.exit_code == 2
    assert "only a sent letter is frozen" in result.stderr
    assert not (dossier / "letters" / f"{TERUGKEERBRIEF}.lock").exists()
    assert run_cli("freeze", "2025-11-27-bestaat-niet", "--root", str(dossier)).exit_code == 2


def test_a_letter_with_errors_is_not_frozen(tmp_path):
    dossier = copy_dossier(tmp_path / "dossier")
    edit(dossier / SHARED, "Sindsdien", "Sindsdien[^nergens]")
    result = run_cli("freeze", VERZAMELBRIEF, "--root", str(dossier))
    assert result.exit_code == 1 and "FN001" in result.stderr
    assert not (dossier / LOCK).exists()


def test_build_at_a_revision_makes_the_letters_as_they_were(repo, tmp_path):
    edit(repo / SHARED, *WORD)
    commit(repo, "voor de volgende brief")
    out = tmp_path / "out"
    result = build(repo, out, "--at", "HEAD~1", TERUGKEERBRIEF)
    assert result.exit_code == 0, result.output
    assert "the letters as they were at HEAD~1" in result.stderr
    assert "nieuw terugkeerbeleid" not in docx_text(out / TERUGKEERBRIEF / "kamerbrief.docx")
    assert git(repo, "status", "--porcelain") == ""
    assert build(repo, out, "--at", "HEAD~5").exit_code == 2


SHA = "a" * 40
BROKEN_LOCKS = [
    ("not a mapping", "- een lijst\n", 1, 1),
    ("another letter", f"letter: {TERUGKEERBRIEF}\n", 1, 9),
    ("no sources", f"letter: {VERZAMELBRIEF}\noutputs:\n  kamerbrief.docx: '{'b' * 64}'\n", 1, 1),
    ("a hash that is none", f"letter: {VERZAMELBRIEF}\nsources:\n  verzamel.yaml: zie git\n", 3, 18),
    ("a path out of the dossier", f"letter: {VERZAMELBRIEF}\nsources:\n  ../../etc/passwd: '{SHA}'\n", 3, 3),
    ("an absolute path", f"letter: {VERZAMELBRIEF}\nsources:\n  /etc/passwd: '{SHA}'\n", 3, 3),
]


@pytest.mark.parametrize(("what", "text", "line", "column"), BROKEN_LOCKS, ids=[b[0] for b in BROKEN_LOCKS])
def test_a_lock_that_is_not_what_freeze_wrote_is_refused_where_it_goes_wrong(
    tmp_path, what, text, line, column
):
    dossier = copy_dossier(tmp_path / "dossier")
    (dossier / LOCK).write_text(text, encoding="utf-8")
    code, found = check_json(dossier)
    assert code == 1
    assert [(d["rule"], d["file"], d["line"], d["column"]) for d in found if d["rule"] == "LOCK001"] == [
        ("LOCK001", LOCK, line, column)
    ]
    assert build(dossier, tmp_path / "out").exit_code == 1
    assert not (tmp_path / "out" / VERZAMELBRIEF).exists()


def test_many_moved_sources_are_one_notice_that_names_the_first_and_counts_the_rest(repo):
    fragments = ["sections/eu-exit-strategie.md", "sections/transitiedocument.md", "sections/terugkeer.md"]
    for fragment in fragments:
        path = repo / fragment
        path.write_text(path.read_text() + "\nEen zin voor de volgende brief.\n")
    code, found = check_json(repo)
    [moved] = [d for d in found if d["rule"] == "LOCK004"]
    assert code == 0 and moved["message"].startswith(f"7 sources have changed since letter {VERZAMELBRIEF}")
    named = sorted([*fragments, *MOVED_ON])[:3]
    assert f"({', '.join(named)} and 4 others)" in moved["message"]


SENT_HOUSE_STYLE = REPO / "tests" / "data" / "sent-house-style"


def test_the_tree_keeps_the_house_style_the_example_was_sent_with_by_the_ids_its_lock_records():
    lock, _ = read_lock((REPO / LOCK).read_text(encoding="utf-8"), LOCK, VERZAMELBRIEF)
    for name in MOVED_ON:
        kept = SENT_HOUSE_STYLE / Path(name).name
        assert git(REPO, "hash-object", str(kept)).strip() == lock.sources[name], name


def test_a_clone_without_history_builds_the_sent_letter_as_sent(tmp_path):
    if not (REPO / ".git").exists():
        pytest.skip("the repository is not a git clone here")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{REPO}", str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    result = build(clone, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert made(tmp_path / "out") == recorded(clone)
