"""What happens when the world fails, not the sources: interrupts, a full disk, a bug in verzamel."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import OUTPUT_NAMES, TERUGKEERBRIEF, VERZAMELBRIEF, copy_dossier, run_cli
from verzamel.cache.store import FOLDER

LETTERS = (VERZAMELBRIEF, TERUGKEERBRIEF)


def outputs(out: Path) -> dict[str, bytes]:
    """The documents in `out` (the build's cache is not one of them)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and FOLDER not in p.parts
    }


def build_into(dossier: Path, out: Path):
    return run_cli("build", "--root", str(dossier), "--out", str(out), "-q")


@pytest.fixture
def changed(tmp_path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A dossier built once (the old documents), then changed: and what the new documents are."""
    dossier = copy_dossier(tmp_path / "dossier")
    assert build_into(dossier, dossier / "build").exit_code == 0
    old = outputs(dossier / "build")
    for name in ("terugkeer.md", "eu-exit-strategie.md"):
        path = dossier / "sections" / name
        path.write_text(path.read_text().rstrip("\n") + "\nEen nieuwe zin voor de nieuwe versie.\n")
    assert build_into(dossier, tmp_path / "new").exit_code == 0
    new = outputs(tmp_path / "new")
    assert all(old[name] != new[name] for name in old if "kamerbrief" in name)
    return dossier, old, new


@pytest.mark.parametrize("delay", [0.05, 0.15, 0.22, 0.28, 0.34, 0.4, 0.46, 0.6])
def test_ctrl_c_at_any_moment_leaves_whole_documents_and_no_temporary_file(changed, delay):
    dossier, old, new = changed
    process = subprocess.Popen(
        [sys.executable, "-m", "verzamel", "build", "--root", str(dossier), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode in (0, 130, -signal.SIGINT), stderr.decode()
    assert "Traceback" not in stderr.decode() or process.returncode == -signal.SIGINT
    after = outputs(dossier / "build")
    assert set(after) == set(old), "a temporary or stray file was left behind"
    assert not list((dossier / "build").rglob("*.tmp")), "a temporary file of the cache was left behind"
    for name, data in after.items():
        assert data in (old[name], new[name]), f"{name} is neither the old nor the new document"


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (errno.ENOSPC, "No space left on device"),
        (errno.EACCES, "Permission denied"),
        (errno.EROFS, "Read-only"),
    ],
)
def test_a_full_disk_or_a_read_only_folder_is_out001_and_keeps_the_old_documents(
    changed, monkeypatch, error, words
):
    dossier, old, _ = changed

    def failing_fsync(fd):
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr("verzamel.write.os.fsync", failing_fsync)
    result = run_cli("build", "--root", str(dossier))
    assert result.exit_code == 1
    assert "error OUT001 cannot write" in result.stderr and words in result.stderr
    assert f"letters/{VERZAMELBRIEF}.yaml:1:1:" in result.stderr
    assert outputs(dossier / "build") == old


def test_fix_in_a_read_only_dossier_says_so_and_exits_1(dossier, monkeypatch):
    path = dossier / "sections" / "terugkeer.md"
    path.write_text(path.read_text().replace("Sindsdien is", "Sindsdien  is"))
    before = path.read_bytes()

    def failing_fsync(fd):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("verzamel.write.os.fsync", failing_fsync)
    result = run_cli("check", "--root", str(dossier), "--fix")
    assert result.exit_code == 1
    assert "could not write the corrections to sections/terugkeer.md" in result.stderr
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*.tmp"))


@pytest.fixture
def bug(monkeypatch):
    """A bug in verzamel: assembling a document raises what no source can explain."""

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero inside verzamel")

    monkeypatch.setattr("verzamel.pipeline.run.assemble", broken)


def test_a_bug_is_one_line_that_says_so_and_exit_3(dossier, bug):
    result = run_cli("check", "--root", str(dossier))
    assert result.exit_code == 3
    assert "verzamel stopped: ZeroDivisionError: division by zero inside verzamel" in result.stderr
    assert "bug in verzamel, not a problem in your sources" in result.stderr
    assert "Traceback" not in result.output


def test_a_bug_in_json_mode_is_a_json_error_object(dossier, bug):
    result = run_cli("check", "--root", str(dossier), "--format", "json")
    assert result.exit_code == 3
    assert json.loads(result.stdout)["error"]["kind"] == "bug"


def test_debug_shows_the_traceback(dossier, bug):
    with pytest.raises(ZeroDivisionError):
        run_cli("--debug", "check", "--root", str(dossier))


def test_a_usage_error_in_json_mode_is_a_json_error_object(dossier):
    result = run_cli("check", "--root", str(dossier), "--format", "json", "no-such-letter")
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["kind"] == "usage" and "no letter called no-such-letter" in error["message"]


@pytest.mark.parametrize(
    "shared", ["verzamel.yaml", "footnotes/kamerstukken.yaml", "templates/kamerbrief.md.j2"]
)
def test_an_error_in_a_shared_source_writes_no_document_at_all(dossier, shared):
    target = dossier / shared
    if shared.startswith("templates/"):
        target.parent.mkdir()
        from verzamel.project import PACKAGE_TEMPLATES

        target.write_text((PACKAGE_TEMPLATES / target.name).read_text() + "\n{{ 1 / 0 }}\n")
    else:
        target.write_text(target.read_text() + "\nkapot: [\n")
    result = build_into(dossier, dossier / "out")
    assert result.exit_code == 1
    assert not (dossier / "out").exists(), result.stderr
    for letter in LETTERS:
        assert f"not written: {letter}" in result.stderr
    assert not [name for name in OUTPUT_NAMES if (dossier / "out" / VERZAMELBRIEF / name).exists()]
