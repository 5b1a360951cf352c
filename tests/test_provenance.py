"""Every .docx made by the writers of generation 3 says where each paragraph comes from
(render/docx/provenance.py), changes nothing a reader sees, and stays the same bytes when its
sources change where no reader sees it; a sent letter is made as its lock says, without it."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from conftest import OUTPUT_NAMES, REPO, TERUGKEERBRIEF, VERZAMELBRIEF, edit, run_cli
from provenance_reading import bookmarked, carrier, lines_digest, properties

KAMERBRIEF = f"{TERUGKEERBRIEF}/kamerbrief.docx"


def _entry_of(path, part, words, whole=False):
    marks = bookmarked(path, part)
    names = [name for name, text in marks.items() if (words == text if whole else words in text)]
    assert len(names) == 1, (words, marks)
    return carrier(path)[names[0]]


@pytest.mark.parametrize("name", OUTPUT_NAMES)
def test_the_sent_letter_carries_nothing_its_lock_did_not(built, name):
    path = built / VERZAMELBRIEF / name
    assert carrier(path) == {} and properties(path) == {}
    assert bookmarked(path, "word/document.xml") == {}


def test_each_paragraph_names_its_source_and_a_digest_of_its_lines(built):
    path = built / KAMERBRIEF
    fragment = REPO / "sections" / "terugkeer.md"
    paragraph = _entry_of(path, "word/document.xml", "Het kabinet ontwikkelt terugkeerbeleid")
    assert paragraph == {
        "name": paragraph["name"],
        "path": "sections/terugkeer.md",
        "digest": lines_digest(fragment, 7, 9),
    }
    heading = _entry_of(path, "word/document.xml", "Terugkeer", whole=True)
    assert heading["path"] == "sections/terugkeer.md" and heading["digest"] == lines_digest(fragment, 3, 3)
    greeting = _entry_of(path, "word/document.xml", "Geachte voorzitter,")
    assert greeting == {"name": greeting["name"], "template": "kamerbrief.md.j2"}
    note = _entry_of(path, "word/footnotes.xml", "Het terugkeerbeleid omvat")
    assert (note["part"], note["note"], note["path"]) == ("footnote", "2", "footnotes/toelichtingen.yaml")
    assert note["digest"] == lines_digest(REPO / "footnotes" / "toelichtingen.yaml", 14, 21)
    citation = _entry_of(path, "word/footnotes.xml", "19637, nr. 9999")
    assert (citation["note"], citation["made"]) == ("1", "citation")
    # every entry has its bookmark, and every bookmark its entry
    marks = bookmarked(path, "word/document.xml") | bookmarked(path, "word/footnotes.xml")
    assert sorted(marks) == sorted(carrier(path)) and all(n.startswith("_vz") and len(n) <= 40 for n in marks)
    said = properties(path)
    assert said["verzamel-brief"] == TERUGKEERBRIEF and said["verzamel-document"] == "kamerbrief"
    assert re.fullmatch(r"[0-9a-f]{16}", said["verzamel-revisie"])


def test_nothing_a_reader_sees_changes(built, tmp_path):
    """The parts a reader sees are generation 2's, but for the bookmarks."""
    from verzamel.pipeline.render import document_files
    from verzamel.pipeline.run import run as run_letters
    from verzamel.project import open_project
    from verzamel.sources import load_sources

    project = open_project(REPO)
    documents = (
        run_letters(project, load_sources(project), [TERUGKEERBRIEF]).letters[TERUGKEERBRIEF].documents
    )
    second = dict(document_files(project, documents, generation=2))
    for name, data in document_files(project, documents, generation=3):
        assert data == (built / TERUGKEERBRIEF / name).read_bytes()  # what build wrote
        for part in ("word/document.xml", "word/footnotes.xml"):
            now, before = (_part(data, part), _part(second[name], part))
            assert re.sub(rb"<w:bookmark(Start|End) [^>]*/>", b"", now) == before, (name, part)


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def test_a_source_edited_where_no_reader_sees_it_makes_the_same_bytes(dossier):
    out = dossier / "out"
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(dossier), "--out", str(out)).exit_code == 0
    before = (out / KAMERBRIEF).read_bytes()
    fragment = dossier / "sections" / "terugkeer.md"
    edit(fragment, "wanneer dat kan.\nOver", "wanneer\ndat kan. Over")  # wrapped anew
    edit(fragment, "---\nHet kabinet", "---\n\n\nHet kabinet")  # lines added above
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(dossier), "--out", str(out)).exit_code == 0
    assert (out / KAMERBRIEF).read_bytes() == before
    edit(fragment, "wanneer\ndat kan.", "zodra\ndat kan.")  # a word a reader sees
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(dossier), "--out", str(out)).exit_code == 0
    assert (out / KAMERBRIEF).read_bytes() != before


def _carries_nothing(path) -> bool:
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        everything = b"".join(package.read(n) for n in names)
    return not [n for n in names if n.startswith("customXml/") or n == "docProps/custom.xml"] and (
        b"_vz" not in everything
    )


def test_only_drafts_for_review_say_where_their_text_comes_from(dossier):
    """A draft's Kamerbrief and beslisnota carry it; the public beslisnota never does, and no
    document of a letter past `ter-besluitvorming` (here the sent one, made from its sources)."""
    fragment = dossier / "sections" / "beslisnota" / "toelichting-terugkeer.md"
    fragment.write_text(fragment.read_text(encoding="utf-8") + "\nContact: [mr. P. Kuiper]{woo=5.1.2e}.\n")
    edit(dossier / "letters" / f"{TERUGKEERBRIEF}.yaml", "status: concept", "status: ter-besluitvorming")
    out = dossier / "out"
    result = run_cli("build", "--root", str(dossier), "--out", str(out))
    assert result.exit_code == 0, result.output
    draft = out / TERUGKEERBRIEF
    assert carrier(draft / "kamerbrief.docx") and _entry_of(
        draft / "kamerbrief.docx", "word/document.xml", "Terugkeer", True
    )
    assert "digest" in _entry_of(draft / "beslisnota.docx", "word/document.xml", "Contact: mr. P. Kuiper")
    public = draft / "beslisnota-openbaar.docx"
    assert _carries_nothing(public)
    with zipfile.ZipFile(public) as package:
        assert b"Kuiper" not in b"".join(package.read(n) for n in package.namelist())
    for name in OUTPUT_NAMES:
        assert _carries_nothing(out / VERZAMELBRIEF / name), name
