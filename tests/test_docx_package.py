"""The .docx package: written in one pass, as zipfile would write it, from a reference read once."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from verzamel.project import open_project
from verzamel.render.docx.package import FIXED_TIME, Member, write_zip
from verzamel.render.docx.reference import CHANGED_PARTS, load_reference

MEMBERS = [
    ("[Content_Types].xml", b"<Types/>"),
    ("word/document.xml", b"<w:document>" + b"tekst " * 2000 + b"</w:document>"),
    ("word/media/afbeelding-\u00e9\u00e9n.png", bytes(range(256)) * 8),
    ("docProps/app.xml", b""),
]


def _as_zipfile_writes(members) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, data)
    return out.getvalue()


def test_the_zip_is_what_zipfile_writes_byte_for_byte():
    written = write_zip([Member.of(name, data) for name, data in MEMBERS])
    assert written == _as_zipfile_writes(MEMBERS)
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        assert archive.testzip() is None
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == MEMBERS


@pytest.fixture()
def reference(tmp_path):
    project = open_project()
    copy = tmp_path / "kamerbrief.docx"
    copy.write_bytes(project.find_template("kamerbrief.docx").read_bytes())
    return copy


def test_the_reference_is_read_once_and_again_when_it_changes(reference):
    first = load_reference(reference)
    assert load_reference(reference) is first
    stat = reference.stat()
    os.utime(reference, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert load_reference(reference) is not first


def test_unchanged_parts_are_the_references_own_and_the_skeleton_holds_none_of_them(reference):
    from xml.etree import ElementTree

    prepared = load_reference(reference)
    assert "word/styles.xml" in prepared.unchanged
    assert not CHANGED_PARTS & set(prepared.unchanged)
    with zipfile.ZipFile(reference) as original, zipfile.ZipFile(io.BytesIO(prepared.skeleton)) as skeleton:
        for name, member in prepared.unchanged.items():
            stand_in = skeleton.read(name)  # nothing, or an empty root element
            assert not stand_in or len(ElementTree.fromstring(stand_in)) == 0, name
            data = zipfile.ZipFile(io.BytesIO(write_zip([member]))).read(name)
            assert b"w:rsid" not in data  # cleaned of Word's editing-session ids
            if name.endswith(".xml"):
                ours, theirs = ElementTree.fromstring(data), ElementTree.fromstring(original.read(name))
                assert [e.tag for e in ours.iter()] == [e.tag for e in theirs.iter() if "rsid" not in e.tag]
            else:
                assert data == original.read(name)
    assert prepared.style_ids["Heading 1"] == prepared.style_ids[prepared.style_ids["Heading 1"]]
    assert prepared.list_numbering  # the list styles of the house style are numbered
