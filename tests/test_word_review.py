"""The Word review (tests/word_review.py) makes what Word makes: tracked changes and comments on a
built Kamerbrief, read back here independently of the helper (lxml, docx_reading's accept/reject,
python-docx, LibreOffice, pandoc)."""

from __future__ import annotations

import struct
import subprocess
import zipfile

import docx
import pytest
from lxml import etree

from conftest import TERUGKEERBRIEF, require_tool
from docx_reading import NS, W, anchored, part_xml, resolve_tracked_changes, text_of
from libreoffice_review import run_soffice
from provenance_reading import bookmarked, carrier, properties
from word_review import (
    WordsNotFound,
    comment,
    corrupt,
    delete,
    encrypted_like_word,
    insert,
    move,
    other_dossier,
    replace,
    reply,
    review_like_word,
)

W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
PARTS = ("word/document.xml", "word/footnotes.xml")
FOOTNOTE_SENTENCE = (
    "Ook de verkenning naar een Unity Hub, zoals ontwikkeld door de Oekraïense autoriteiten "
    "wordt hierbij verkend. "
)
MOVED = (
    "Het rapport maakt deel uit van een reeks onderzoeken naar de beschermingsopdracht van "
    "Nederland ten aanzien van ontheemden uit Oekraïne. "
)
SENTENCE = "In deze brief zet ik de stand van het terugkeerbeleid op een rij."
COMMENTED = "Sindsdien is het terugkeerbeleid verder uitgewerkt."
EDITS = [
    replace("wanneer dat kan", "zodra dat kan"),
    insert("de stand van het terugkeerbeleid", " voor 2026"),
    delete(FOOTNOTE_SENTENCE, where="footnote"),
    move(MOVED, "Sindsdien is het"),
    comment(
        COMMENTED,
        "Klopt dit nog?\nGraag een bron erbij.",
        replies=[reply("B. de Vries", "BV", "Ja, zie juli.")],
    ),
]
REVISIONS = ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart")


@pytest.fixture(scope="module")
def kamerbrief(built):
    return built / TERUGKEERBRIEF / "kamerbrief.docx"


@pytest.fixture(scope="module")
def reviewed(kamerbrief, tmp_path_factory):
    """The terugkeer Kamerbrief as A. Jansen sends it back from Word."""
    return review_like_word(kamerbrief, tmp_path_factory.mktemp("word") / "reviewed.docx", EDITS)


def _texts(path) -> dict[str, str]:
    """Bookmark name -> the text of its paragraph (body and footnotes)."""
    return {name: text for part in PARTS for name, text in bookmarked(path, part).items()}


def _resolved(path, tmp_path, accept: bool) -> dict[str, str]:
    """_texts with every tracked change accepted (or rejected)."""
    return _texts(resolve_tracked_changes(path, tmp_path / f"resolved-{accept}.docx", accept))


def _changed(kamerbrief, reviewed, tmp_path) -> list[str]:
    """The reviewed text of each paragraph that differs from the built one; rejecting every
    change gives back the built text exactly."""
    built = _texts(kamerbrief)
    assert _resolved(reviewed, tmp_path, accept=False) == built
    return sorted(
        text for name, text in _resolved(reviewed, tmp_path, accept=True).items() if text != built[name]
    )


def _paragraph_with(path, words: str) -> str:
    return next(text for text in _texts(path).values() if words in text)


def test_every_tracked_change_names_the_reviewer_and_the_time(reviewed):
    body, notes = (part_xml(reviewed, part) for part in PARTS)
    changes = [e for root in (body, notes) for name in REVISIONS for e in root.iter(f"{{{W}}}{name}")]
    assert len(changes) == 8
    assert {(e.get(f"{{{W}}}author"), e.get(f"{{{W}}}date")) for e in changes} == {
        ("A. Jansen", "2025-11-20T10:00:00Z")
    }
    assert [text_of(e, "delText") for e in body.iter(f"{{{W}}}del")] == ["wanneer dat kan"]
    assert [text_of(e, "delText") for e in notes.iter(f"{{{W}}}del")] == [FOOTNOTE_SENTENCE]
    assert [text_of(e, "t") for e in body.iter(f"{{{W}}}ins")] == [" voor 2026", "zodra dat kan"]
    assert part_xml(reviewed, "word/settings.xml").find("w:trackRevisions", NS) is not None


def test_ids_are_unique_across_the_parts_and_apart_from_the_bookmarks(reviewed):
    roots = [part_xml(reviewed, part) for part in PARTS]
    ids = [e.get(f"{{{W}}}id") for root in roots for name in REVISIONS for e in root.iter(f"{{{W}}}{name}")]
    ids += [c.get(f"{{{W}}}id") for c in part_xml(reviewed, "word/comments.xml").iter(f"{{{W}}}comment")]
    bookmarks = {e.get(f"{{{W}}}id") for root in roots for e in root.iter(f"{{{W}}}bookmarkStart")}
    assert len(ids) == len(set(ids)) == 10
    assert not set(ids) & bookmarks


def test_accepting_all_gives_the_reviewed_text_and_rejecting_all_the_built_text(
    kamerbrief, reviewed, tmp_path
):
    introduction = _paragraph_with(kamerbrief, "de stand van het terugkeerbeleid")
    terugkeer = _paragraph_with(kamerbrief, "wanneer dat kan")
    report = _paragraph_with(kamerbrief, MOVED)
    note = _paragraph_with(kamerbrief, FOOTNOTE_SENTENCE)
    assert _changed(kamerbrief, reviewed, tmp_path) == sorted(
        [
            introduction.replace("terugkeerbeleid op", "terugkeerbeleid voor 2026 op"),
            terugkeer.replace("wanneer", "zodra").replace("Sindsdien", MOVED + "Sindsdien"),
            report.replace(MOVED, ""),
            note.replace(FOOTNOTE_SENTENCE, ""),
        ]
    )


def _enclosed(root) -> dict[str, tuple[str, bool]]:
    """Bookmark name -> (the text between its start and its end, whether both are in one w:p)."""
    names = {e.get(f"{{{W}}}id"): e for e in root.iter(f"{{{W}}}bookmarkStart")}
    ends = {e.get(f"{{{W}}}id"): e for e in root.iter(f"{{{W}}}bookmarkEnd")}
    texts = {bookmark_id: [] for bookmark_id in names}
    open_ids: set[str] = set()
    for element in root.iter():
        if element.tag == f"{{{W}}}bookmarkStart":
            open_ids.add(element.get(f"{{{W}}}id"))
        elif element.tag == f"{{{W}}}bookmarkEnd":
            open_ids.discard(element.get(f"{{{W}}}id"))
        elif element.tag == f"{{{W}}}t":
            for bookmark_id in open_ids:
                texts[bookmark_id].append(element.text or "")
    return {
        start.get(f"{{{W}}}name"): ("".join(texts[i]), start.getparent() is ends[i].getparent())
        for i, start in names.items()
    }


def test_the_bookmarks_still_enclose_what_they_enclosed(kamerbrief, reviewed, tmp_path):
    rejected = resolve_tracked_changes(reviewed, tmp_path / "rejected.docx", accept=False)
    for part in PARTS:
        as_built = _enclosed(part_xml(kamerbrief, part))
        assert _enclosed(part_xml(rejected, part)) == as_built != {}
        assert all(together for _, together in _enclosed(part_xml(reviewed, part)).values())


def test_moved_text_leaves_one_paragraph_and_arrives_in_another_under_one_name(reviewed):
    body = part_xml(reviewed, "word/document.xml")
    (source,), (goal,) = body.iter(f"{{{W}}}moveFrom"), body.iter(f"{{{W}}}moveTo")
    assert text_of(source, "t") == text_of(goal, "t") == MOVED
    assert text_of(source.getparent(), "t").startswith("Op 7 november 2025")
    assert text_of(goal.getparent(), "t").startswith("Het kabinet ontwikkelt")
    (start_from,), (start_to,) = (
        body.iter(f"{{{W}}}moveFromRangeStart"),
        body.iter(f"{{{W}}}moveToRangeStart"),
    )
    assert start_from.get(f"{{{W}}}name") == start_to.get(f"{{{W}}}name")
    assert start_from.getnext() is source and start_to.getnext() is goal
    for start, end_tag in ((start_from, "moveFromRangeEnd"), (start_to, "moveToRangeEnd")):
        (end,) = body.iter(f"{{{W}}}{end_tag}")
        assert end.get(f"{{{W}}}id") == start.get(f"{{{W}}}id")


def test_a_comment_and_its_reply_are_anchored_on_the_words_and_linked(reviewed):
    comments = part_xml(reviewed, "word/comments.xml").findall("w:comment", NS)
    assert [
        (c.get(f"{{{W}}}author"), c.get(f"{{{W}}}initials"), c.get(f"{{{W}}}date"), text_of(c, "t"))
        for c in comments
    ] == [
        ("A. Jansen", "AJ", "2025-11-20T10:00:00Z", "Klopt dit nog?Graag een bron erbij."),
        ("B. de Vries", "BV", "2025-11-20T10:00:00Z", "Ja, zie juli."),
    ]
    body = part_xml(reviewed, "word/document.xml")
    for c in comments:
        number = c.get(f"{{{W}}}id")
        assert anchored(body, number) == COMMENTED
        (end,) = [e for e in body.iter(f"{{{W}}}commentRangeEnd") if e.get(f"{{{W}}}id") == number]
        assert end.getnext().find("w:commentReference", NS).get(f"{{{W}}}id") == number
    parent_last, reply_last = (c.findall("w:p", NS)[-1].get(f"{{{W14}}}paraId") for c in comments)
    extended = [
        {k.split("}")[1]: v for k, v in e.attrib.items()}
        for e in part_xml(reviewed, "word/commentsExtended.xml").iter(f"{{{W15}}}commentEx")
    ]
    assert extended == [
        {"paraId": parent_last, "done": "0"},
        {"paraId": reply_last, "paraIdParent": parent_last, "done": "0"},
    ]


def test_the_comment_parts_are_declared_and_related(reviewed):
    types = {e.get("PartName"): e.get("ContentType") for e in part_xml(reviewed, "[Content_Types].xml")}
    assert types["/word/comments.xml"].endswith(".wordprocessingml.comments+xml")
    assert types["/word/commentsExtended.xml"].endswith(".wordprocessingml.commentsExtended+xml")
    rels = {e.get("Target"): e.get("Type") for e in part_xml(reviewed, "word/_rels/document.xml.rels")}
    assert (
        rels["comments.xml"] == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    )
    assert (
        rels["commentsExtended.xml"]
        == "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
    )


def test_python_docx_opens_it_and_reads_the_comments(kamerbrief, reviewed):
    """(python-docx's paragraph text leaves out what is in a w:ins, as it leaves out w:del.)"""
    document = docx.Document(str(reviewed))
    assert [(c.author, c.initials, c.text) for c in document.comments] == [
        ("A. Jansen", "AJ", "Klopt dit nog?\nGraag een bron erbij."),
        ("B. de Vries", "BV", "Ja, zie juli."),
    ]
    assert len(document.paragraphs) == len(docx.Document(str(kamerbrief)).paragraphs)
    assert any(p.text.endswith(COMMENTED) for p in document.paragraphs)


def test_libreoffice_converts_it_to_text(reviewed, tmp_path):
    soffice = require_tool("soffice")
    profile = tmp_path / "profile"
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "txt"]
    run_soffice([*command, "--outdir", str(tmp_path), str(reviewed)], timeout=120)
    text = (tmp_path / "reviewed.txt").read_text(encoding="utf-8-sig")  # nothing there: not loaded
    assert "wanneer dat kanzodra dat kan" in text  # the redline: both sides shown
    assert "terugkeerbeleid voor 2026 op een rij" in text


def _pandoc(path, mode: str) -> str:
    pandoc = require_tool("pandoc")
    done = subprocess.run(
        [pandoc, f"--track-changes={mode}", "-t", "plain", "--wrap=none", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def test_pandoc_reads_the_inserted_and_deleted_words(reviewed):
    shown, accepted, rejected = (_pandoc(reviewed, mode) for mode in ("all", "accept", "reject"))
    assert "wanneer dat kanzodra dat kan" in shown
    assert "zodra dat kan" in accepted and "wanneer" not in accepted and "Unity Hub" not in accepted
    assert "wanneer dat kan" in rejected and "zodra" not in rejected and "Unity Hub" in rejected
    assert accepted.count(MOVED.strip()) == rejected.count(MOVED.strip()) == 1


@pytest.mark.parametrize(
    "edit, old, new",
    [
        (
            replace("nr. 3346 en Verzamelbrief", "nr. 3347 en de Verzamelbrief", where="footnote"),
            "3346 en",
            "3347 en de",
        ),
        (
            insert("human capital", " en onderwijs", where="footnote"),
            "human capital",
            "human capital en onderwijs",
        ),
        (delete(SENTENCE), SENTENCE, ""),
        (move(MOVED, "De volgende publicatie"), MOVED + "In deze reeks", "In deze reeks"),
    ],
    ids=["replace-over-runs-in-a-footnote", "insert-in-a-footnote", "delete-a-sentence", "move-within"],
)
def test_one_edit_changes_one_paragraph(kamerbrief, tmp_path, edit, old, new):
    reviewed = review_like_word(kamerbrief, tmp_path / "one.docx", [edit])
    paragraph = _paragraph_with(kamerbrief, old)
    expected = paragraph.replace(old, new)
    if edit.what == "move":
        expected = expected.replace("De volgende", MOVED + "De volgende")
    assert _changed(kamerbrief, reviewed, tmp_path) == [expected]


def test_words_over_several_runs_keep_each_runs_format(kamerbrief, tmp_path):
    reviewed = review_like_word(kamerbrief, tmp_path / "runs.docx", [delete("kenmerk\n0000001")])
    (deletion,) = part_xml(reviewed, "word/document.xml").iter(f"{{{W}}}del")
    runs = [
        (r.find("w:rPr/w:b", NS) is not None, text_of(r, "delText"), r.find("w:br", NS) is not None)
        for r in deletion
    ]
    assert runs == [(True, "kenmerk", False), (False, "", True), (False, "0000001", False)]
    kept = deletion.getprevious()
    assert (kept.find("w:rPr/w:b", NS) is not None, text_of(kept, "t")) == (True, "Ons ")


def test_a_comment_over_several_runs_spans_them_all(kamerbrief, tmp_path):
    words = "Tweede Kamer\nder Staten-Generaal"  # a line break between two runs of text
    reviewed = review_like_word(kamerbrief, tmp_path / "runs.docx", [comment(words, "Welke Kamer?")])
    (note,) = part_xml(reviewed, "word/comments.xml").findall("w:comment", NS)
    body = part_xml(reviewed, "word/document.xml")
    assert anchored(body, note.get(f"{{{W}}}id")) == "Tweede Kamerder Staten-Generaal"


def test_a_comment_in_a_footnote_is_a_point_right_after_the_words(kamerbrief, tmp_path):
    """Word ignores comment ranges in a footnote, so it writes only the reference there.
    (LibreOffice 7.4 does not load a document with a comment in a footnote at all.)"""
    edits = [comment("nr. 3346 en Verzamelbrief", "Nummer nagaan.", where="footnote")]
    reviewed = review_like_word(kamerbrief, tmp_path / "note.docx", edits)
    notes = part_xml(reviewed, "word/footnotes.xml")
    assert notes.find(".//w:commentRangeStart", NS) is None
    (reference,) = notes.iter(f"{{{W}}}commentReference")
    assert text_of(reference.getparent().getprevious(), "t").endswith("en Verzamelbrief")
    (note,) = part_xml(reviewed, "word/comments.xml").findall("w:comment", NS)
    assert (note.get(f"{{{W}}}id"), text_of(note, "t")) == (reference.get(f"{{{W}}}id"), "Nummer nagaan.")


def test_words_that_are_not_there_fail_before_anything_is_written(kamerbrief, tmp_path):
    target = tmp_path / "out.docx"
    with pytest.raises(WordsNotFound, match="not found in footnote: geen zulke woorden"):
        review_like_word(
            kamerbrief, target, [replace("wanneer dat kan", "x"), delete("geen zulke woorden", "footnote")]
        )
    assert not target.exists()


def test_an_encrypted_document_is_a_compound_file_with_the_encrypted_package(tmp_path):
    data = encrypted_like_word(tmp_path / "versleuteld.docx").read_bytes()
    assert data[:8] == bytes.fromhex("D0CF11E0A1B11AE1")
    assert not zipfile.is_zipfile(tmp_path / "versleuteld.docx")
    (directory_sector,) = struct.unpack_from("<I", data, 48)
    directory = data[512 * (directory_sector + 1) :][:512]
    names = [directory[i : i + 64].decode("utf-16-le").split("\0")[0] for i in range(0, 512, 128)]
    assert names == ["Root Entry", "EncryptionInfo", "EncryptedPackage", ""]


def test_a_corrupt_document_is_a_zip_cut_off(kamerbrief, tmp_path):
    broken = corrupt(kamerbrief, tmp_path / "kapot.docx")
    assert broken.read_bytes()[:2] == b"PK" and broken.stat().st_size < kamerbrief.stat().st_size
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(broken)


def test_a_document_from_another_dossier_names_another_letter_and_nothing_else_changes(kamerbrief, tmp_path):
    elsewhere = other_dossier(kamerbrief, tmp_path / "elders.docx", letter="2030-01-01-elders")
    assert properties(elsewhere) == {**properties(kamerbrief), "verzamel-brief": "2030-01-01-elders"}
    assert part_xml(elsewhere, "customXml/item1.xml").get("letter") == "2030-01-01-elders"
    assert carrier(elsewhere) == carrier(kamerbrief) != {}
    assert etree.tostring(part_xml(elsewhere, "word/document.xml")) == etree.tostring(
        part_xml(kamerbrief, "word/document.xml")
    )
