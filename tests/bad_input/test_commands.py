"""Commands given places and names they cannot use: every path a command writes to fails with OUT001
(the file and the reason, never exit 3), every JSON mode answers in JSON, every name prints safely."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import (
    GIT_ENV,
    VERZAMELBRIEF,
    commit,
    dossier_in_git,
    edit,
    git,
    run_cli,
)

MR = "2025-11-28"


@pytest.fixture
def repo(tmp_path) -> Path:
    """The example dossier in git, with a second commit that changes one sentence."""
    root = dossier_in_git(tmp_path / "repo")
    edit(root / "sections" / "terugkeer.md", "verder uitgewerkt", "nader uitgewerkt")
    commit(root, "een woord")
    return root


def writes_into(blocked: Path, repo: Path) -> dict[str, list[str]]:
    """Each command that writes a file, told to write below `blocked` (a file, not a folder)."""
    root = ["--root", str(repo)]
    return {
        "agenda --out": ["agenda", *root, "--mr", MR, "--out", str(blocked / "agenda.md")],
        "agenda --format docx": [
            "agenda",
            *root,
            "--mr",
            MR,
            "--format",
            "docx",
            "--out",
            str(blocked / "a.docx"),
        ],
        "agenda --format json": [
            "agenda",
            *root,
            "--mr",
            MR,
            "--format",
            "json",
            "--out",
            str(blocked / "a.json"),
        ],
        "diff --docx": ["diff", *root, "HEAD~1", "HEAD", "--docx", str(blocked / "redlines")],
        "init": ["init", str(blocked / "nieuw-dossier")],
    }


@pytest.mark.parametrize(
    "command", ["agenda --out", "agenda --format docx", "agenda --format json", "diff --docx", "init"]
)
def test_a_file_where_a_folder_must_be_is_out001_with_the_path_and_exit_2(repo, tmp_path, command):
    blocked = tmp_path / "een-bestand"
    blocked.write_text("in de weg\n")
    result = run_cli(*writes_into(blocked, repo)[command])
    assert result.exit_code == 2, result.output
    assert (
        f"error OUT001 cannot write {blocked}: a file of that name is where a folder must be" in result.stderr
    )
    assert blocked.read_text() == "in de weg\n"
    if "json" in command:
        error = json.loads(result.stdout)["error"]
        assert error["kind"] == "output" and error["rule"] == "OUT001" and error["file"] == str(blocked)


def test_a_pipe_or_device_in_the_way_is_never_replaced(repo, tmp_path):
    pipe = tmp_path / "agenda.md"
    os.mkfifo(pipe)
    result = run_cli("agenda", "--root", str(repo), "--mr", MR, "--out", str(pipe))
    assert result.exit_code == 2
    assert "which verzamel does not replace" in result.stderr and stat.S_ISFIFO(os.stat(pipe).st_mode)


@pytest.mark.parametrize(
    ("error", "words"), [(errno.EACCES, "Permission denied"), (errno.ENOSPC, "No space")]
)
def test_a_folder_that_may_not_be_written_or_a_full_disk_is_out001(repo, tmp_path, monkeypatch, error, words):
    def failing_fsync(fd):
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr("verzamel.write.os.fsync", failing_fsync)
    commands = (
        ["agenda", "--root", str(repo), "--mr", MR, "--out", str(tmp_path / "a.md")],
        ["init", str(tmp_path / "nieuw")],
        ["templates", "--root", str(repo), "--copy"],
    )
    for args in commands:
        result = run_cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "error OUT001 cannot write" in result.stderr and words in result.stderr
    assert not (tmp_path / "nieuw" / "verzamel.yaml").exists(), "init writes all its files or none"
    assert not list(tmp_path.rglob(".*.tmp"))


def test_templates_copy_into_a_file_named_templates_is_out001(dossier):
    (dossier / "templates").write_text("geen map\n")
    result = run_cli("templates", "--root", str(dossier), "--copy")
    assert result.exit_code == 2 and "error OUT001 cannot write" in result.stderr


def test_diff_in_json_mode_answers_in_json_when_it_cannot_compare(repo):
    result = run_cli("diff", "--root", str(repo), "--format", "json", "geen-revisie", "HEAD")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["kind"] == "usage"
    (repo / "verzamel.yaml").write_text("kapot: [\n")
    commit(repo, "kapot")
    result = run_cli("diff", "--root", str(repo), "--format", "json", "HEAD~1", "HEAD")
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["kind"] == "sources" and "YAML001" in {d["rule"] for d in error["diagnostics"]}


def test_a_commit_author_with_a_control_character_signs_the_redline_readably(repo, tmp_path):
    edit(repo / "sections" / "terugkeer.md", "nader uitgewerkt", "verder uitgewerkt")
    git(repo, "add", "-A")
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_NAME": "Bel\x07 Naam"}  # git takes any name
    subprocess.run(["git", "commit", "-q", "-m", "terug"], cwd=repo, env=env, check=True)
    result = run_cli("diff", "--root", str(repo), "HEAD~1", "HEAD", "--docx", str(tmp_path / "red"))
    assert result.exit_code == 1, result.output
    redline = tmp_path / "red" / VERZAMELBRIEF / "kamerbrief.redline.docx"
    with zipfile.ZipFile(redline) as package:
        assert 'w:author="Bel\ufffd Naam"' in package.read("word/document.xml").decode()


def test_a_file_name_that_is_not_utf8_prints_as_utf8_in_text_and_json(dossier):
    os.close(os.open(os.fsencode(dossier / "letters") + b"/brief\xe9.yaml", os.O_CREAT | os.O_WRONLY))
    for args in ([], ["--format", "json"]):
        result = run_cli("check", "--root", str(dossier), *args)
        assert result.exit_code == 1
        shown = result.stdout_bytes.decode("utf-8")  # strictly
        assert "letters/brief\ufffd.yaml" in shown
    assert {row["file"] for row in json.loads(shown)} >= {"letters/brief\ufffd.yaml"}


def test_ctrl_c_in_json_mode_is_a_json_error_object_too(dossier, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("verzamel.pipeline.run.assemble", interrupted)
    result = run_cli("check", "--root", str(dossier), "--format", "json")
    assert result.exit_code == 130
    assert json.loads(result.stdout)["error"]["kind"] == "interrupted"


LONG = "x" * 300  # one name longer than any file system takes (255 bytes)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--root", f"/tmp/{LONG}"],
        ["init", f"{{tmp}}/{LONG}"],
        ["diff", "--root", "{repo}", LONG],
        ["new", "letter", LONG, "--root", "{repo}", "--betreft", "x", "--datum", "2025-01-01"],
        ["new", "section", LONG, "--root", "{repo}", "--title", "x"],
        ["agenda", "--root", "{repo}", "--mr", MR, "--out", f"{{tmp}}/{LONG}.md"],
        ["build", "--root", "{repo}", "--out", f"{{tmp}}/{LONG}"],
        ["textconv", f"{{tmp}}/{LONG}.docx"],
    ],
    ids=lambda args: " ".join(a for a in args[:2] if "x" * 20 not in a),
)
def test_a_name_too_long_for_the_system_is_a_message_not_a_bug(repo, tmp_path, args):
    result = run_cli(*(a.format(repo=repo, tmp=tmp_path) for a in args))
    assert result.exit_code in (1, 2), result.output
    assert "verzamel stopped" not in result.stderr  # the line of a bug (exit 3)
