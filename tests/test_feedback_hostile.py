"""`verzamel feedback` on reviewed documents made by hand to break it (issue 26): a tampered map of
sources, odd or broken XML, the same file twice, and reviews that must not be written back as they
stand (a paragraph mark alone, half a move, one of two identical paragraphs, the edge of a
withheld passage). Never exit 3; `--apply` writes only the source files it loaded, and only the
paragraph the reviewer changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import TERUGKEERBRIEF, dossier_in_git, run_cli
from word_package import W, read_parts, write_parts
from word_review import replace, review_like_word

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


def _reviewed(documents: Path, tmp_path: Path, edits, name="kamerbrief.docx") -> Path:
    return review_like_word(documents / name, tmp_path / f"nagekeken-{name}", edits)


def _altered(source: Path, target: Path, part: str, change) -> Path:
    parts = read_parts(source)
    parts[part] = change(parts[part])
    write_parts(target, parts)
    return target


def _name_of(docx: Path, words: str) -> str:
    """The provenance bookmark of the body paragraph that holds `words`."""
    root = etree.fromstring(read_parts(docx)[BODY])
    for p in root.iter(f"{{{W}}}p"):
        if words in "".join(p.itertext()):
            return p.find(f".//{{{W}}}bookmarkStart").get(f"{{{W}}}name")
    raise LookupError(words)


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts}


def _feedback(root: Path, *files: Path, apply: bool = True):
    """Exit code, output and the files --apply wrote; none may lie outside the source folders."""
    before = _files(root)
    more = ["--apply"] if apply else []
    result = run_cli("feedback", *map(str, files), "--root", str(root), *more)
    after = _files(root)
    written = sorted(p.relative_to(root).as_posix() for p in after if after[p] != before.get(p))
    assert set(after) == set(before), "a file was added or removed"
    assert all(p.split("/")[0] in ("sections", "footnotes", "letters") for p in written), written
    return result.exit_code, result.output + (result.stderr or ""), written


# -- a map of sources that names what is not a source ------------------------------------------

TAMPERED = {
    "a path up out of the dossier": 'path="../../etc/passwd"',
    "an absolute path": 'path="/etc/passwd"',
    "a path through ..": 'path="sections/../verzamel.yaml"',
    "a path with backslashes": 'path="sections\\terugkeer.md"',
    "a lock file": 'path="letters/2025-11-28-verzamelbrief-oekraine.lock"',
    "a template up out of the templates": 'template="../../../../../../../../../../etc/passwd"',
    "an absolute template": 'template="/etc/passwd"',
    "a template verzamel does not write from": 'template="kamerbrief.docx"',
}


@pytest.mark.parametrize("attributes", TAMPERED.values(), ids=TAMPERED.keys())
def test_a_map_entry_that_names_no_source_refuses_the_file(dossier, tmp_path, attributes):
    root, documents = dossier
    reviewed = _reviewed(documents, tmp_path, [replace(CHANGED, "zodra dat kan")])
    name = _name_of(reviewed, CHANGED)
    entry = re.compile(rf'<paragraph name="{name}"[^>]*/>'.encode())
    tampered = _altered(
        reviewed,
        tmp_path / "veranderd.docx",
        MAP,
        lambda data: entry.sub(f'<paragraph name="{name}" {attributes}/>'.encode(), data),
    )
    code, output, written = _feedback(root, tampered)
    assert (code, written) == (2, []), output
    assert "was altered where it records where its text comes from" in output
