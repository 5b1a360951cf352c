"""Incremental and parallel builds: only what changed is made again, on every core, and the
documents are the same bytes however they were made (one job or two, from the cache or not)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from conftest import TERUGKEERBRIEF, VERZAMELBRIEF, copy_dossier, edit, run_cli
from verzamel.cache.store import FOLDER

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synthetic_dossier import generate, letter_id  # noqa: E402


def documents(out: Path) -> dict[str, str]:
    """Every document under `out` (not the cache) by path, as a hash of its bytes."""
    return {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*.docx"))
        if FOLDER not in p.parts
    }


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """Each document's inode and modification time: unchanged when it was not written."""
    return {
        p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in out.rglob("*.docx")
        if FOLDER not in p.parts
    }


def build(dossier: Path, out: Path, *args: str):
    result = run_cli("build", "--root", str(dossier), "--out", str(out), *args)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """The example dossier with four more letters, each with fragments of its own."""
    return generate(4, tmp_path_factory.mktemp("synthetic") / "dossier")


def test_the_same_bytes_with_one_job_and_two_cached_and_uncached(synthetic, tmp_path):
    build(synthetic, tmp_path / "one", "-j", "1")
    build(synthetic, tmp_path / "two", "-j", "2")
    made = documents(tmp_path / "one")
    assert len(made) == 18 and documents(tmp_path / "two") == made
    build(synthetic, tmp_path / "two", "-j", "2")  # from the cache: nothing made
    assert documents(tmp_path / "two") == made

    fragment = synthetic / "sections" / "terugkeer-0003.md"
    before = fragment.read_text(encoding="utf-8")
    try:
        edit(fragment, "wanneer dat kan", "wanneer dat mogelijk is")
        build(synthetic, tmp_path / "two", "-j", "2")  # cached, one letter made again
        build(synthetic, tmp_path / "fresh", "-j", "1", "--force")  # uncached
        changed = documents(tmp_path / "two")
        assert changed == documents(tmp_path / "fresh")
        assert {k for k in made if made[k] != changed[k]} == {f"{letter_id(3)}/kamerbrief.docx"}
    finally:
        fragment.write_text(before, encoding="utf-8")


def test_a_build_with_nothing_changed_writes_nothing_and_says_so(dossier, tmp_path):
    out = tmp_path / "out"
    first = build(dossier, out)
    assert "8 documents written" in first.stderr  # 6 documents, 2 publication records
    before = stamps(out)
    again = build(dossier, out)
    assert stamps(out) == before
    assert "0 documents written, 8 already up to date" in again.stderr
    assert "wrote" not in again.stdout
    # what the letters withhold is still said, as the first build said it
    assert [line for line in again.stdout.splitlines() if "Woo" in line] == [
        line for line in first.stdout.splitlines() if "Woo" in line
    ]


def test_one_changed_fragment_makes_only_the_documents_that_use_it(dossier, tmp_path, monkeypatch):
    import verzamel.render.docx as docx_writer

    out = tmp_path / "out"
    build(dossier, out)
    before = stamps(out)
    rendered = []
    real = docx_writer.render_docx
    monkeypatch.setattr(
        docx_writer, "render_docx", lambda d, *a, **k: rendered.append(d.kind) or real(d, *a, **k)
    )
    # only the return-policy letter's kamerbrief has this fragment; the Verzamelbrief does not
    edit(dossier / "sections" / "inleiding-terugkeer.md", "op een rij", "nog eens op een rij")
    result = build(dossier, out, "-j", "1")
    assert rendered == ["kamerbrief"]  # not even rendered: the letter's beslisnota did not change
    changed = {name for name, stamp in stamps(out).items() if stamp != before[name]}
    assert changed == {f"{TERUGKEERBRIEF}/kamerbrief.docx"}
    assert "1 document written, 7 already up to date" in result.stderr  # the record says the same
    text = "\n".join(p.text for p in Document(out / TERUGKEERBRIEF / "kamerbrief.docx").paragraphs)
    assert "nog eens op een rij" in text


def test_a_document_that_reads_another_documents_fragments_is_made_again_when_they_change(dossier, tmp_path):
    # The beslisnota names the reports its letter's kamerbrief fragments appraise (their
    # `appraises:`), without inserting those fragments: it is made from them all the same.
    out = tmp_path / "out"
    build(dossier, out)
    edit(dossier / "sections" / "appreciatie-clingendael.md", "appraises: Rapport", "appraises: Het rapport")
    build(dossier, out)
    build(dossier, tmp_path / "fresh", "--force")
    assert documents(out) == documents(tmp_path / "fresh")
    text = "\n".join(p.text for p in Document(out / TERUGKEERBRIEF / "beslisnota.docx").paragraphs)
    assert "appreciatie van het Het rapport instituut Clingendael" in text


def test_warnings_are_reported_again_from_the_cache(dossier, tmp_path):
    out = tmp_path / "out"
    edit(dossier / "sections" / "terugkeer.md", "wanneer dat kan", 'wanneer dat "kan"')
    first = build(dossier, out)
    second = build(dossier, out)  # nothing changed: the report is the last build's
    edit(dossier / "sections" / "inleiding-terugkeer.md", "op een rij", "nog eens op een rij")
    third = build(dossier, out)  # one letter made again, the other from the cache
    warnings = [line for line in first.stderr.splitlines() if ": warning " in line]
    assert len(warnings) == 2 and "terugkeer.md" in "".join(warnings)
    for later in (second, third):
        assert later.stderr.splitlines()[:-1] == first.stderr.splitlines()[:-1]
        assert later.stderr.splitlines()[-1].endswith("0 errors, 2 warnings.")


def test_a_document_changed_or_removed_by_hand_is_made_again(dossier, tmp_path):
    out = tmp_path / "out"
    build(dossier, out)
    made = documents(out)
    kamerbrief = out / VERZAMELBRIEF / "kamerbrief.docx"
    kamerbrief.write_bytes(b"opened and saved by hand")
    (out / TERUGKEERBRIEF / "beslisnota.docx").unlink()
    result = build(dossier, out)
    assert documents(out) == made
    assert "2 documents written, 6 already up to date" in result.stderr


def test_a_damaged_cache_is_ignored_and_written_anew(dossier, tmp_path):
    out = tmp_path / "out"
    build(dossier, out)
    made = documents(out)
    cache_files = [p for p in (out / FOLDER).iterdir() if p.name != ".gitignore"]
    assert cache_files
    for path in cache_files:
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])  # cut off halfway
    edit(dossier / "sections" / "terugkeer.md", "wanneer dat kan", "wanneer dat mogelijk is")
    build(dossier, out)
    fresh = tmp_path / "fresh"
    build(dossier, fresh, "--force")
    assert documents(out) == documents(fresh) != made
    assert "already up to date" in build(dossier, out).stderr  # the cache works again


def test_force_makes_and_writes_everything_again(dossier, tmp_path):
    out = tmp_path / "out"
    build(dossier, out)
    before = stamps(out)
    result = build(dossier, out, "--force")
    assert "8 documents written" in result.stderr
    assert all(stamps(out)[name] != stamp for name, stamp in before.items())


def test_the_cache_stays_out_of_git_and_out_of_the_dossier(tmp_path):
    from conftest import git

    dossier = copy_dossier(tmp_path / "dossier")
    git(dossier, "init", "-q")
    before = sorted(p.relative_to(dossier) for p in dossier.rglob("*") if ".git" not in p.parts)
    build(dossier, dossier / "build")
    assert (dossier / "build" / FOLDER).is_dir()
    assert not (dossier / FOLDER).exists()
    untracked = git(dossier, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert not [line for line in untracked if FOLDER in line]
    after = sorted(
        p.relative_to(dossier) for p in dossier.rglob("*") if ".git" not in p.parts and "build" not in p.parts
    )
    assert after == before


@pytest.mark.parametrize("frozen", [False, True], ids=["without its lock", "its sent letter from its lock"])
def test_a_build_with_nothing_changed_does_not_import_python_docx(tmp_path, frozen):
    dossier = copy_dossier(tmp_path / "dossier", frozen=frozen)
    out = tmp_path / "out"
    build(dossier, out)
    code = (
        "import sys\n"
        "from verzamel.cli import main\n"
        "try:\n"
        f"    main(['build', '--root', {str(dossier)!r}, '--out', {str(out)!r}, '-q'])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'docx', 'lxml', 'jinja2', 'markdown_it'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_building_some_letters_and_then_all_shares_one_cache(dossier, tmp_path):
    out = tmp_path / "out"
    assert "4 documents written" in build(dossier, out, TERUGKEERBRIEF).stderr  # with its record
    assert "4 documents written, 4 already up to date" in build(dossier, out).stderr
    assert "0 documents written, 4 already up to date" in build(dossier, out, VERZAMELBRIEF).stderr
    assert "0 documents written, 4 already up to date" in build(dossier, out, TERUGKEERBRIEF).stderr


def _square_and_worker(n: int) -> tuple[int, int]:
    import os

    return n * n, os.getpid()


@pytest.mark.parametrize(("jobs", "items", "workers"), [(1, 5, 0), (2, 1, 0), (2, 5, 2), (4, 3, 3)])
def test_work_on_several_processes_comes_back_in_order(jobs, items, workers):
    import os

    from verzamel.jobs import map_in_order

    results = list(map_in_order(_square_and_worker, list(range(items)), jobs))
    assert [square for square, _ in results] == [n * n for n in range(items)]
    pids = {pid for _, pid in results}
    assert (pids == {os.getpid()}) if workers == 0 else (os.getpid() not in pids and len(pids) <= workers)


def test_check_reads_the_builds_cache_and_says_the_same(dossier):
    edit(dossier / "sections" / "terugkeer.md", "wanneer dat kan", 'wanneer dat "kan"')
    cold = run_cli("check", "--root", str(dossier))
    assert not (dossier / "build").exists()  # check makes no output folder for its cache
    build(dossier, dossier / "build")
    warm = run_cli("check", "--root", str(dossier))
    assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout)
    assert "STYLE002" in warm.stdout
    edit(dossier / "sections" / "terugkeer.md", 'wanneer dat "kan"', "wanneer dat kan")
    assert "STYLE002" not in run_cli("check", "--root", str(dossier)).stdout


def test_templates_are_kept_compiled_and_never_stale(dossier, tmp_path):
    from verzamel.project import PACKAGE_TEMPLATES

    out = tmp_path / "out"
    own = dossier / "templates" / "kamerbrief.md.j2"
    own.parent.mkdir()
    own.write_text((PACKAGE_TEMPLATES / own.name).read_text(encoding="utf-8"), encoding="utf-8")
    build(dossier, out)
    again = [sys.executable, "-m", "verzamel", "build", "--root", str(dossier), "--out", str(out), "--force"]
    subprocess.run(again, check=True, capture_output=True)  # a process of its own: nothing compiled yet
    assert (out / FOLDER / "compiled-templates").is_file()  # compiled once, kept for the next build
    text = own.read_text(encoding="utf-8")
    own.write_text(text + "\nEen zin die alleen de nieuwe template schrijft.\n", encoding="utf-8")
    build(dossier, out)
    kamerbrief = Document(out / TERUGKEERBRIEF / "kamerbrief.docx")
    assert "Een zin die alleen de nieuwe template schrijft." in "\n".join(
        p.text for p in kamerbrief.paragraphs
    )


def test_a_first_build_keeps_the_prepared_house_style_and_compiled_templates(dossier, tmp_path):
    """The output folder of a first build exists only once its documents are written; what was
    prepared before that is kept then, so the second build need not prepare it again."""
    out = tmp_path / "out"
    first = [sys.executable, "-m", "verzamel", "build", "--root", str(dossier), "--out", str(out)]
    subprocess.run(first, check=True, capture_output=True)  # a process of its own: nothing compiled yet
    kept = {path.name for path in (out / FOLDER).iterdir()}
    assert "compiled-templates" in kept
    assert len([name for name in kept if name.startswith("reference-")]) == 2  # kamerbrief, beslisnota


def test_reading_and_checking_make_no_garbage_in_cycles(synthetic):
    """A build holds Python's cyclic garbage collector while it reads and checks the sources
    (verzamel.collector): only safe while what they throw away has no cycles, which the
    collector alone could free (a YAML parser per file had them, and functions nested in
    themselves)."""
    import gc

    from verzamel.pipeline.run import run as run_letters
    from verzamel.project import open_project
    from verzamel.sources import load_sources

    project = open_project(synthetic)
    run_letters(project, load_sources(project))  # what is made once per process is made now
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        checked = run_letters(project, load_sources(project))
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
    made = [letter_id for letter_id, c in checked.letters.items() if c.documents]
    assert len(checked.letters) == 6 and checked.letters.keys() - made == {VERZAMELBRIEF}  # from its lock


def test_a_build_leaves_the_garbage_collector_as_it_found_it(dossier, tmp_path):
    import gc

    build(dossier, tmp_path / "out")
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
