"""Every case in cases.py, through `check` (text and JSON), `build` and `check --fix`.

For each: the expected rule at the expected file and line, the expected exit codes (never the
bug exit 3), `check`'s JSON valid and UTF-8 whatever a file name holds, what check passes written
by build (promise.py), nothing written outside the output folder, no source changed by check or
build, no output file changed that build did not say it wrote, no temporary file left, and the
words a correct document must (not) hold.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from cases import CASES, Case
from promise import assert_kept

from conftest import REPO, copy_dossier, run_cli
from docx_reading import footnotes, paragraphs

EXIT_BUG = 3


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Path:
    """The example dossier with its own copy of the house style, built once."""
    root = copy_dossier(tmp_path_factory.mktemp("baseline") / "dossier")
    shutil.copytree(REPO / "templates", root / "templates")
    result = run_cli("build", "--root", str(root), "-q")
    assert result.exit_code == 0, result.output
    return root


def snapshot(folder: Path, skip: str | None = None) -> dict[str, str]:
    """Every entry under `folder` (links not followed) with a hash of what it is."""
    found = {}
    for current, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = Path(current) / name
            rel = path.relative_to(folder).as_posix()
            if skip and (rel == skip or rel.startswith(skip + "/")):
                continue
            if path.is_symlink():
                found[rel] = "link:" + os.readlink(path)
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            elif path.is_dir():
                found[rel] = "dir"
            else:
                found[rel] = "other"
    return found


def apply(dossier: Path, path: str, edit: tuple) -> None:
    target = dossier / path
    kind = edit[0]
    target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "sub":
        old, new = edit[1], edit[2]
        if isinstance(old, bytes):
            data = target.read_bytes()
            assert old in data, (path, old)
            target.write_bytes(
                data.replace(old, new) if new in (b"\r\n", b"\r") else data.replace(old, new, 1)
            )
        else:
            text = target.read_text(encoding="utf-8")
            assert old in text, (path, old)
            target.write_bytes(text.replace(old, new, 1).encode("utf-8", "surrogatepass"))
    elif kind == "text":
        content = edit[1]
        if target.is_dir():
            shutil.rmtree(target)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    elif kind == "append":
        with target.open("a", encoding="utf-8") as handle:
            handle.write(edit[1])
    elif kind == "link":
        target.symlink_to(edit[1])
    elif kind == "dir":
        if target.is_file():
            target.unlink()
        target.mkdir(parents=True)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "zip-without":
        source = zipfile.ZipFile(io.BytesIO(target.read_bytes()))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as package:
            for info in source.infolist():
                if info.filename != edit[1]:
                    package.writestr(info, source.read(info.filename))
        target.write_bytes(out.getvalue())
    else:  # pragma: no cover - a mistake in cases.py
        raise ValueError(kind)


def document_text(folder: Path) -> str:
    """All text of all built documents: paragraphs and footnotes."""
    texts = []
    for path in sorted(folder.rglob("*.docx")):
        texts.extend(text for _, text in paragraphs(path))
        texts.extend(footnotes(path).values())
    return "\n".join(texts)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(case: Case, baseline: Path, tmp_path: Path):
    dossier = tmp_path / "dossier"
    shutil.copytree(baseline, dossier, symlinks=True)
    for path, edit in case.more:
        apply(dossier, path, edit)
    apply(dossier, case.path, case.edit)
    root = str(dossier)
    sources_before = snapshot(tmp_path, skip="dossier/build")
    outputs_before = snapshot(dossier / "build")

    checked = run_cli("check", "--root", root, "--format", "json")
    assert checked.exit_code != EXIT_BUG, checked.stderr
    assert checked.exit_code == case.check, checked.output
    found = json.loads(checked.stdout_bytes.decode("utf-8"))  # strictly: a file name may not break it
    if case.rule is not None and case.stage == "check":
        places = [(d["rule"], d["file"], d["line"]) for d in found]
        assert (case.rule, case.file or case.path, case.line) in places, places
    for row in found:
        assert row["line"] >= 1 and row["column"] >= 1 and row["rule"], row
    as_text = run_cli("check", "--root", root)
    assert as_text.exit_code == case.check, as_text.output

    built = run_cli("build", "--root", root)
    if case.stage == "check":  # a build-stage case fails where it writes, which check cannot see
        assert_kept(dossier, checked, built)
    assert built.exit_code != EXIT_BUG, built.stderr
    assert built.exit_code == case.build, built.output
    if case.stage == "build":
        place = f"{case.file or case.path}:{case.line}:"
        assert any(
            line.startswith(place) and f" {case.rule} " in line for line in built.stderr.splitlines()
        ), built.stderr
    assert snapshot(tmp_path, skip="dossier/build") == sources_before, "check or build changed a source"
    written = {line.split(" ", 1)[1] for line in built.stdout.splitlines() if line.startswith("wrote ")}
    outputs_after = snapshot(dossier / "build")
    for rel, digest in outputs_before.items():
        if outputs_after.get(rel) != digest and rel.endswith(".docx"):
            assert any(name.endswith(rel) for name in written), f"{rel} changed but was not reported written"
    assert not [rel for rel in outputs_after if rel.endswith(".tmp")], "a temporary file was left behind"
    if case.present or case.absent:
        text = document_text(dossier / "build")
        for words in case.present:
            assert words in text, words
        for words in case.absent:
            assert words not in text, words

    fixed = run_cli("check", "--root", root, "--fix")
    assert fixed.exit_code in (0, 1), fixed.output


def test_the_suite_covers_the_classes_of_the_issue():
    assert len(CASES) >= 60
    assert len({case.name for case in CASES}) == len(CASES)
