"""Helpers of the tests that feed `verzamel feedback` documents made by hand to break it
(tests/test_feedback_hostile.py, tests/test_feedback_wrong_writes.py): the example draft built
once, reviewed the way Word does it (tests/word_review.py) and then altered at the XML level."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import TERUGKEERBRIEF, dossier_in_git, run_cli
from word_package import W, read_parts, write_parts
from word_review import review_like_word

MAP, BODY, COMMENTS = "customXml/item1.xml", "word/document.xml", "word/comments.xml"
CHANGED = "wanneer dat kan"
COMMENTED = "Sindsdien is het terugkeerbeleid verder uitgewerkt."
MOVED = "De volgende publicatie van Clingendael over ontheemden uit Oekraïne wordt begin 2026 verwacht."
DATED = 'w:author="X" w:date="2025-11-20T10:00:00Z"'


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The dossier in git and its draft built: the Kamerbrief and the beslisnota, kept aside."""
    root = dossier_in_git(tmp_path_factory.mktemp("hostile") / "dossier")
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    documents = tmp_path_factory.mktemp("built")
    for name in ("kamerbrief.docx", "beslisnota.docx"):
        shutil.copy(root / "build" / TERUGKEERBRIEF / name, documents / name)
    shutil.rmtree(root / "build")
    return root, documents


@pytest.fixture
def dossier(built, tmp_path):
    root, documents = built
    shutil.copytree(root, tmp_path / "dossier")
    return tmp_path / "dossier", documents


def review(documents: Path, tmp_path: Path, edits, name="kamerbrief.docx") -> Path:
    return review_like_word(documents / name, tmp_path / f"nagekeken-{name}", edits)


def alter(source: Path, target: Path, part: str, change) -> Path:
    parts = read_parts(source)
    parts[part] = change(parts[part])
    write_parts(target, parts)
    return target


def bookmark_of(docx: Path, words: str) -> str:
    """The provenance bookmark of the body paragraph that holds `words`."""
    root = etree.fromstring(read_parts(docx)[BODY])
    for p in root.iter(f"{{{W}}}p"):
        if words in "".join(p.itertext()):
            return p.find(f".//{{{W}}}bookmarkStart").get(f"{{{W}}}name")
    raise LookupError(words)


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts}


def feedback(root: Path, *files: Path, apply: bool = True):
    """Exit code, output and the files --apply wrote; none may lie outside the source folders."""
    before = _files(root)
    more = ["--apply"] if apply else []
    result = run_cli("feedback", *map(str, files), "--root", str(root), *more)
    after = _files(root)
    written = sorted(p.relative_to(root).as_posix() for p in after if after[p] != before.get(p))
    assert set(after) == set(before), "a file was added or removed"
    assert all(p.split("/")[0] in ("sections", "footnotes", "letters") for p in written), written
    return result.exit_code, result.output + (result.stderr or ""), written


def without(pattern: bytes):
    return lambda data: re.sub(pattern, b"", data)


def replaced(old: str, new: str):
    def change(data: bytes) -> bytes:
        assert old.encode() in data, old
        return data.replace(old.encode(), new.encode(), 1)

    return change
