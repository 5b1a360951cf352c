"""`check` is a promise: no command ends in verzamel's bug exit (3), and what `check` passes, `build`
writes. test_bad_input.py holds every case of cases.py to it, test_fuzz.py every input it draws."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from verzamel.project import open_project

EXIT_BUG = 3
DOCUMENTS = ("kamerbrief.docx", "beslisnota.docx", "beslisnota-openbaar.docx")


def letters_of(root: Path) -> list[str]:
    """The letters of a dossier as `build` sees them: one per manifest (a hidden file is none)."""
    return sorted(path.stem for path in (root / "letters").glob("*.yaml") if not path.name.startswith("."))


def assert_kept(root: Path, checked, built) -> list[Path]:
    """Neither command ended in a bug; when `check` passed, `build` passed too and every letter has
    its three documents, each a Word package whose text reads. The documents, when it passed."""
    assert checked.exit_code != EXIT_BUG, checked.output
    assert built.exit_code != EXIT_BUG, built.output
    if checked.exit_code != 0:
        return []
    assert built.exit_code == 0, f"check passed, build did not:\n{built.output}"
    out = open_project(root).output_dir
    documents = [out / letter / name for letter in letters_of(root) for name in DOCUMENTS]
    for path in documents:
        with zipfile.ZipFile(path) as package:
            ElementTree.fromstring(package.read("word/document.xml"))
    return documents
