"""The LibreOffice review (tests/libreoffice_review.py) does what a reviewer in Writer does: a
built Kamerbrief edited with change recording on, a comment added, saved as .docx."""

from __future__ import annotations

import pytest

from conftest import TERUGKEERBRIEF, require_tool
from docx_reading import NS, W, anchored, part_xml, text_of
from libreoffice_review import ReviewFailed, comment, delete_in_footnote, replace, review
from provenance_reading import bookmarked, carrier, properties

FOOTNOTE_SENTENCE = (
    "Ook de verkenning naar een Unity Hub, zoals ontwikkeld door de Oekraïense autoriteiten "
    "wordt hierbij verkend. "
)
COMMENTED = "Sindsdien is het terugkeerbeleid verder uitgewerkt."
EDITS = [
    replace("wanneer dat kan", "zodra dat kan"),
    delete_in_footnote(FOOTNOTE_SENTENCE),
    comment(COMMENTED, 'Klopt dit nog? Graag "bron" erbij.'),
]


@pytest.fixture(scope="module")
def reviewed(built, tmp_path_factory):
    """The terugkeer Kamerbrief as A. Jansen sends it back from LibreOffice."""
    soffice = require_tool("soffice")
    work = tmp_path_factory.mktemp("lo-review")
    target = work / "reviewed.docx"
    review(soffice, built / TERUGKEERBRIEF / "kamerbrief.docx", target, EDITS, work)
    return target


def test_a_replaced_word_is_a_tracked_deletion_and_insertion_by_the_reviewer(reviewed):
    body = part_xml(reviewed, "word/document.xml")
    deleted = body.findall(".//w:del", NS)
    inserted = [e for e in body.findall(".//w:ins", NS) if text_of(e, "t")]
    assert [text_of(e, "delText") for e in deleted] == ["wanneer dat kan"]
    assert [text_of(e, "t") for e in inserted] == ["zodra dat kan"]
    assert {e.get(f"{{{W}}}author") for e in deleted + inserted} == {"A. Jansen"}


def test_a_deleted_sentence_in_a_footnote_is_tracked_there(reviewed):
    notes = part_xml(reviewed, "word/footnotes.xml")
    assert [text_of(e, "delText") for e in notes.findall(".//w:del", NS)] == [FOOTNOTE_SENTENCE]


def test_a_comment_is_anchored_on_its_sentence_with_author_and_date(reviewed):
    comments = part_xml(reviewed, "word/comments.xml").findall("w:comment", NS)
    assert [(c.get(f"{{{W}}}author"), c.get(f"{{{W}}}date"), text_of(c, "t")) for c in comments] == [
        ("A. Jansen", "2025-11-20T10:00:00Z", 'Klopt dit nog? Graag "bron" erbij.')
    ]
    body = part_xml(reviewed, "word/document.xml")
    assert anchored(body, comments[0].get(f"{{{W}}}id")) == COMMENTED


def test_words_that_are_not_there_fail_the_review_instead_of_hanging(built, tmp_path):
    soffice = require_tool("soffice")
    with pytest.raises(ReviewFailed, match="not found in body: geen zulke woorden"):
        review(
            soffice,
            built / TERUGKEERBRIEF / "kamerbrief.docx",
            tmp_path / "out.docx",
            [replace("geen zulke woorden", "x")],
            tmp_path,
        )
    assert not (tmp_path / "out.docx").exists()


def test_the_provenance_carrier_survives_the_review(built, reviewed):
    """The map and the properties come back as written, and every bookmark with its name: in
    footnotes LibreOffice renames all but the first (`_vz20_Copy_1`), which a reader undoes."""
    built_docx = built / TERUGKEERBRIEF / "kamerbrief.docx"
    assert carrier(reviewed) == carrier(built_docx) != {}
    assert properties(reviewed) == properties(built_docx) != {}
    for part in ("word/document.xml", "word/footnotes.xml"):
        assert sorted(bookmarked(reviewed, part)) == sorted(bookmarked(built_docx, part)) != []
    edited = [
        name for name, text in bookmarked(reviewed, "word/document.xml").items() if "zodra dat kan" in text
    ]
    assert carrier(reviewed)[edited[0]]["path"] == "sections/terugkeer.md"
