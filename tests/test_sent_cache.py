"""A sent letter made from its lock (its house style moved on since it was sent, as the example's
has: MOVED_ON) is kept by the build cache as any other letter is. It is made again only when its
lock, what its publication record reads (verzamel.yaml's `publicatie:`) or its files in the output
folder changed, and then as a build from nothing makes it; its report is given again only while
git still holds the versions it is made from."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import verzamel.pipeline.sent as sent
from conftest import VERZAMELBRIEF, copy_dossier, edit, git, run_cli
from test_publication import ORGANISATION
from verzamel.cache.store import FOLDER


def files(out: Path) -> dict[str, bytes]:
    """Every file a build wrote under `out` (not its cache), by path."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*.*"))
        if FOLDER not in p.parts
    }


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """Each file's inode and modification time: the same while it is not written."""
    return {name: ((out / name).stat().st_ino, (out / name).stat().st_mtime_ns) for name in files(out)}


def written(out: Path, before: dict[str, tuple[int, int]], letter: str = "") -> set[str]:
    """The files (of `letter`, or all) written since `before` was taken."""
    return {n for n, stamp in stamps(out).items() if stamp != before.get(n) and n.startswith(letter)}


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def changed(root: Path, name: str, old: str, new: str) -> None:
    """A source the sent letter was sent with edited, its sent version kept in git first (as a
    commit would): the letter is still made from it."""
    git(root, "hash-object", "-w", name)
    if old:
        edit(root / name, old, new)
    else:
        append(root / name, new)


def build(dossier: Path, out: Path, *args: str, code: int = 0):
    result = run_cli("build", "--root", str(dossier), "--out", str(out), "-j", "1", *args)
    assert result.exit_code == code, result.output
    return result


def as_from_nothing(dossier: Path, out: Path, *args: str) -> dict[str, bytes]:
    """The files a build with no cache writes, into a folder of its own beside `out`."""
    fresh = out.parent / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    build(dossier, fresh, "--force", *args)
    return files(fresh)


@pytest.fixture
def frozen(tmp_path) -> Path:
    return copy_dossier(tmp_path / "dossier", frozen=True)


@pytest.fixture
def remade(monkeypatch) -> list[str]:
    """The letters made from their locks since, one entry each time (builds with -j 1)."""
    made: list[str] = []
    real = sent.remake

    def counted(project, state, *args, **kwargs):
        made.append(state.lock.letter_id)
        return real(project, state, *args, **kwargs)

    monkeypatch.setattr(sent, "remake", counted)
    return made


def test_a_build_with_nothing_changed_writes_nothing_of_the_sent_letter(frozen, tmp_path, remade):
    out = tmp_path / "out"
    first = build(frozen, out)
    assert remade == [VERZAMELBRIEF] and "made from its lock" in first.stdout
    before = stamps(out)
    again = build(frozen, out)
    assert remade == [VERZAMELBRIEF]  # not made again
    assert written(out, before) == set()
    assert "0 documents written, 8 already up to date" in again.stderr
    assert again.stderr.splitlines()[:-1] == first.stderr.splitlines()[:-1]  # the lock's notes again
    woo = [line for line in first.stdout.splitlines() if "Woo" in line]
    assert len(woo) == 2 and [line for line in again.stdout.splitlines() if "Woo" in line] == woo
    assert files(out) == as_from_nothing(frozen, out)


KEPT = {
    "a fragment of the other letter": lambda root, out: edit(
        root / "sections" / "inleiding-terugkeer.md", "op een rij", "nog eens op een rij"
    ),
    "a fragment only the sent letter used": lambda root, out: changed(
        root, "sections/eu-exit-strategie.md", "In juni 2025", "In juni van 2025"
    ),
    "verzamel.yaml besides publicatie:": lambda root, out: changed(
        root, "verzamel.yaml", '"(naam minister)"', '"(de minister)"'
    ),
    "a .docx touched, its bytes as the lock records them": lambda root, out: os.utime(
        out / VERZAMELBRIEF / "kamerbrief.docx", ns=(1_000_000_000, 1_000_000_000)
    ),
}


@pytest.mark.parametrize("change", KEPT, ids=list(KEPT))
def test_what_the_sent_letter_is_not_made_of_leaves_it_as_it_is(frozen, tmp_path, remade, change):
    """Its outputs are made of its lock's versions, not of the files as they are now."""
    out = tmp_path / "out"
    build(frozen, out)
    KEPT[change](frozen, out)
    before = stamps(out)
    build(frozen, out)
    assert remade == [VERZAMELBRIEF]
    assert written(out, before, VERZAMELBRIEF) == set()
    assert files(out) == as_from_nothing(frozen, out)


def _unlink(path: Path) -> None:
    path.unlink()


MADE_AGAIN = {
    # (the change, the files of the sent letter it writes)
    "the lock edited": (
        lambda root, out: append(root / "letters" / f"{VERZAMELBRIEF}.lock", "# nagekeken\n"),
        set(),  # made again, to the bytes it has
    ),
    "publicatie: in verzamel.yaml": (
        lambda root, out: changed(root, "verzamel.yaml", "", ORGANISATION),
        {f"{VERZAMELBRIEF}/publicatie.xml"},
    ),
    "a .docx removed": (
        lambda root, out: _unlink(out / VERZAMELBRIEF / "kamerbrief.docx"),
        {f"{VERZAMELBRIEF}/kamerbrief.docx"},
    ),
    "a .docx edited": (
        lambda root, out: (out / VERZAMELBRIEF / "beslisnota.docx").write_bytes(b"opened and saved by hand"),
        {f"{VERZAMELBRIEF}/beslisnota.docx"},
    ),
    "the publication record edited": (
        lambda root, out: (out / VERZAMELBRIEF / "publicatie.xml").write_bytes(b"<urlset/>"),
        {f"{VERZAMELBRIEF}/publicatie.xml"},
    ),
}


@pytest.mark.parametrize("change", MADE_AGAIN, ids=list(MADE_AGAIN))
def test_what_the_sent_letter_is_made_of_makes_it_again(frozen, tmp_path, remade, change):
    out = tmp_path / "out"
    build(frozen, out)
    build(frozen, out)
    assert remade == [VERZAMELBRIEF]  # kept while nothing changed
    make_change, rewritten = MADE_AGAIN[change]
    make_change(frozen, out)
    before = stamps(out)
    build(frozen, out)
    assert remade == [VERZAMELBRIEF, VERZAMELBRIEF]
    assert written(out, before, VERZAMELBRIEF) == rewritten
    build(frozen, out)
    assert len(remade) == 2  # and kept again after
    assert files(out) == as_from_nothing(frozen, out)


def test_force_makes_and_writes_the_sent_letter_again(frozen, tmp_path, remade):
    out = tmp_path / "out"
    build(frozen, out)
    build(frozen, out)
    before = stamps(out)
    result = build(frozen, out, "--force")
    assert remade == [VERZAMELBRIEF, VERZAMELBRIEF]
    assert written(out, before) == set(before) and "8 documents written" in result.stderr


def test_other_formats_of_the_sent_letter_are_kept_too(frozen, tmp_path, remade):
    out = tmp_path / "out"
    build(frozen, out, "--format", "docx,html")
    before = stamps(out)
    build(frozen, out, "--format", "docx,html")
    assert remade == [VERZAMELBRIEF] and written(out, before) == set()
    assert f"{VERZAMELBRIEF}/kamerbrief.html" in before
    (out / VERZAMELBRIEF / "kamerbrief.html").write_text("<p>bewerkt</p>", encoding="utf-8")
    build(frozen, out, "--format", "docx,html")
    assert remade == [VERZAMELBRIEF, VERZAMELBRIEF]
    assert files(out) == as_from_nothing(frozen, out, "--format", "docx,html")


def test_a_lock_whose_documents_no_longer_come_out_is_found_when_it_changes(frozen, tmp_path, remade):
    """LOCK003 is compared on every letter that is made: a lock edited is made again and compared."""
    out = tmp_path / "out"
    build(frozen, out)
    build(frozen, out)
    assert remade == [VERZAMELBRIEF]  # kept while nothing changed
    lock = frozen / "letters" / f"{VERZAMELBRIEF}.lock"
    recorded = lock.read_text(encoding="utf-8").split('"kamerbrief.docx": "')[1][:64]
    edit(lock, recorded, "0" * 64)
    result = build(frozen, out, code=1)
    assert remade == [VERZAMELBRIEF, VERZAMELBRIEF]
    assert f"letters/{VERZAMELBRIEF}.lock" in result.stderr and "LOCK003" in result.stderr


def test_the_sent_letter_is_kept_only_while_git_holds_the_versions_it_is_made_from(frozen, tmp_path, remade):
    out = tmp_path / "out"
    build(frozen, out)
    build(frozen, out)
    assert remade == [VERZAMELBRIEF]
    objects = frozen / ".git" / "objects"
    for folder in objects.iterdir():  # the copy's git holds nothing but the versions its lock needs
        if len(folder.name) == 2:
            shutil.rmtree(folder)
    result = build(frozen, out, code=1)  # not the last build's report: LOCK002, as a first build says
    assert "LOCK002" in result.stderr
