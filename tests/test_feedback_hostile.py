"""`verzamel feedback` on reviewed documents made by hand to break it (issue 26): a map of sources
that names what is no source, odd or broken XML, files that are no document or are named twice,
and what the text output says of odd comments and changes. Never exit 3, and `--apply` writes only
source files it loaded (tests/feedback_hostile.py checks each run). What must not be written back
as it stands: tests/test_feedback_wrong_writes.py."""

from __future__ import annotations

import re

import pytest

from conftest import TERUGKEERBRIEF
from feedback_hostile import (
    BODY,
    CHANGED,
    COMMENTED,
    COMMENTS,
    DATED,
    MAP,
    alter,
    bookmark_of,
    built,
    dossier,
    feedback,
    replaced,
    review,
    without,
)
from word_review import comment, insert, replace, reply

__all__ = ["built", "dossier"]  # the fixtures the tests use

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
    reviewed = review(documents, tmp_path, [replace(CHANGED, "zodra dat kan")])
    name = bookmark_of(reviewed, CHANGED)
    entry = re.compile(rf'<paragraph name="{name}"[^>]*/>'.encode())
    tampered = alter(
        reviewed,
        tmp_path / "veranderd.docx",
        MAP,
        lambda data: entry.sub(f'<paragraph name="{name}" {attributes}/>'.encode(), data),
    )
    code, output, written = feedback(root, tampered)
    assert (code, written) == (2, []), output
    assert "was altered where it records where its text comes from" in output


# -- odd and broken XML: a clear answer, never a crash ---------------------------------------------


def _around(words: str, before: str, after: str):
    """The first run that holds `words` wrapped in `before` … `after` (XML)."""

    def change(data: bytes) -> bytes:
        text = data.decode("utf-8")
        start = text.rindex("<w:r>", 0, text.index(words))
        end = text.index("</w:r>", start) + len("</w:r>")
        return (text[:start] + before + text[start:end] + after + text[end:]).encode("utf-8")

    return change


DTD = b'<!DOCTYPE x [<!ENTITY a "b">]>'
ODD = {
    "a comment range end without its start": (BODY, without(rb"<w:commentRangeStart [^>]*/>"), 0),
    "a comment range start without its end": (BODY, without(rb"<w:commentRangeEnd [^>]*/>"), 0),
    "comments whose ids the body does not have": (COMMENTS, replaced('w:id="', 'w:id="9'), 0),
    "comments that are no XML": (COMMENTS, lambda d: d[:40], 2),
    "a map that is no XML": (MAP, lambda d: b"\x00\x01 geen xml", 2),
    "an empty map": (MAP, lambda d: b"", 2),
    "an empty body": (BODY, lambda d: b"", 2),
    "a body with a DTD": (BODY, lambda d: DTD + d[d.index(b"<w:document") :], 2),
    "no bookmarks at all": (BODY, without(rb"<w:bookmarkStart [^>]*/>"), 0),
    # the changed paragraph named like the heading before it: traced there, it is a conflict
    "a bookmark twice": (BODY, lambda d: d.replace(b'w:name="_vz14"', b'w:name="_vz13"'), 1),
    "a digest that matches nothing": (MAP, lambda d: re.sub(rb'digest="[0-9a-f]+"', b'digest="0"', d), 0),
    "an insertion inside a deletion": (
        BODY,
        _around(COMMENTED, f'<w:del w:id="90" {DATED}><w:ins w:id="91" {DATED}>', "</w:ins></w:del>"),
        0,
    ),
    "a comment with control characters": (COMMENTS, replaced("Klopt dit?", "Klopt\u009b31m dit\u202e?"), 0),
}


@pytest.mark.parametrize(("part", "change", "code"), ODD.values(), ids=ODD.keys())
def test_odd_documents_get_an_answer_and_nothing_is_written_outside_the_sources(
    dossier, tmp_path, part, change, code
):
    root, documents = dossier
    edits = [replace(CHANGED, "zodra dat kan"), comment(COMMENTED, "Klopt dit?")]
    odd = alter(review(documents, tmp_path, edits), tmp_path / "vreemd.docx", part, change)
    found, output, _ = feedback(root, odd)
    assert found == code, output


def test_a_deleted_footnote_reference_is_taken_out_of_the_source(dossier, tmp_path):
    root, documents = dossier
    reference = (
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>'
    )
    reviewed = alter(
        documents / "kamerbrief.docx",
        tmp_path / "zonder-noot.docx",
        BODY,
        replaced(reference, f'<w:del w:id="90" {DATED}>{reference}</w:del>'),
    )
    code, output, written = feedback(root, reviewed)
    assert (code, written) == (0, ["sections/terugkeer.md"]), output
    assert "[^terugkeerbeleid-onderdelen]" not in (root / "sections" / "terugkeer.md").read_text("utf-8")


def test_files_that_are_no_document_are_refused(dossier, tmp_path):
    root, _ = dossier
    empty = tmp_path / "leeg.docx"
    empty.write_bytes(b"")
    folder = tmp_path / "map.docx"
    folder.mkdir()
    for path, said in ((empty, "not a Word document"), (folder, "is a directory")):
        code, output, written = feedback(root, path)
        assert (code, written) == (2, []) and said in output, output


# -- what the text output says -------------------------------------------------------------------

EXTENDED = "word/commentsExtended.xml"


def _range_start(at: bytes):
    """The comment's range made to start right before the first match of `at`, or after its `|`."""
    before, bar, after = at.partition(b"|")

    def change(data: bytes) -> bytes:
        start = re.search(rb"<w:commentRangeStart [^>]*/>", data)
        data = data[: start.start()] + data[start.end() :]
        where = data.index(before + after) + (len(before) if bar else 0)
        return data[:where] + start[0] + data[where:]

    return change


def _each_other(data: bytes) -> bytes:
    """The comment made a reply to its own reply: neither is the first of the thread."""
    first, second = re.findall(rb'w15:paraId="([0-9A-F]+)"', data)[:2]
    return data.replace(
        b'w15:paraId="' + first + b'" w15:done',
        b'w15:paraId="' + first + b'" w15:paraIdParent="' + second + b'" w15:done',
    )


def _reply_to_reply(data: bytes) -> bytes:
    """The second reply made an answer to the first."""
    _, first, second = re.findall(rb'w15:paraId="([0-9A-F]+)"', data)[:3]
    ours = rb'(w15:paraId="' + second + rb'" w15:paraIdParent=")[0-9A-F]+'
    return re.sub(ours, rb"\g<1>" + first, data)


SAID = {  # edits, a change to the document, what the output says, what it must not say
    "a comment anchored on no words": (
        [comment(COMMENTED, "Klopt dit?")],
        (BODY, _range_start(rb"<w:commentRangeEnd ")),
        "comment A. Jansen (20 nov 2025): Klopt dit?",
        "on “”",
    ),
    "a comment anchored on a footnote reference": (
        [comment(COMMENTED, "Welke brief?")],
        (BODY, _range_start(b'w:name="_vz14"/>|')),
        "meerd.* Sindsdien is het terugkeerbeleid verder uitgewerkt.”: Welke brief?",
        "\ufffc",
    ),
    "a comment Word anchors by its mark only": (
        [comment(COMMENTED, "Klopt dit?")],
        (BODY, without(rb"<w:commentRange(?:Start|End) [^>]*/>")),
        "on “Sindsdien is het terugkeerbeleid verder uitgewerkt.”: Klopt dit?",
        "geïnformeerd",
    ),
    "control characters in a comment": (
        [comment(COMMENTED, "Klopt dit?")],
        (COMMENTS, replaced("Klopt dit?", "Klopt\u009b31m dit\u202e?")),
        ": KloptU+009B31m ditU+202E?",
        "\u009b",
    ),
    "a comment of two paragraphs": (
        [comment(COMMENTED, "Klopt dit?\nEn dit?")],
        None,
        ": Klopt dit?\n    En dit?",
        "\nEn dit?",
    ),
    "a change without a date": (
        [replace(CHANGED, "zodra dat kan")],
        (BODY, lambda d: re.sub(rb' w:date="[^"]*"', b"", d)),
        "change A. Jansen: “wanneer dat kan” → “zodra dat kan”",
        "()",
    ),
    "a thread whose comments answer each other": (
        [comment(COMMENTED, "Klopt dit?", replies=[reply("B. de Vries", "BV", "Ja.")])],
        (EXTENDED, _each_other),
        "Klopt dit?",
        "0 comment(s)",
    ),
    "a reply to a reply": (
        [comment(COMMENTED, "Klopt dit?", replies=[reply("B", "B", "Ja."), reply("C", "C", "Zeker?")])],
        (EXTENDED, _reply_to_reply),
        "\n    reply B (20 nov 2025): Ja.\n    reply C (20 nov 2025): Zeker?",
        "2 comment(s)",
    ),
    "two changes in a paragraph, one that cannot go back": (
        [replace(CHANGED, "zodra dat kan"), insert("Sindsdien", "\t")],
        None,
        "“U+0009” inserted; a paragraph split or joined",
        "sections/terugkeer.md The other",
    ),
    "the change held back with it is listed at its own place": (
        [replace(CHANGED, "zodra dat kan"), insert("Sindsdien", "\t")],
        None,
        "sections/terugkeer.md:7:110: change A. Jansen (20 nov 2025): “wanneer dat kan” → “zodra dat kan”",
        "1 change(s)",
    ),
    "which of them are not made": (
        [replace(CHANGED, "zodra dat kan"), insert("Sindsdien", "\t")],
        None,
        "by hand in sections/terugkeer.md; the other change in this paragraph was therefore not made either",
        "other 1 change",
    ),
}


@pytest.mark.parametrize(("edits", "altered", "said", "unsaid"), SAID.values(), ids=SAID.keys())
def test_the_text_output_reads_well(dossier, tmp_path, edits, altered, said, unsaid):
    root, documents = dossier
    reviewed = review(documents, tmp_path, edits)
    if altered is not None:
        reviewed = alter(reviewed, tmp_path / "veranderd.docx", *altered)
    _, output, _ = feedback(root, reviewed, apply=False)
    assert said in output and unsaid not in output, output


def test_a_file_given_twice_is_read_once(dossier, tmp_path):
    root, documents = dossier
    reviewed = review(documents, tmp_path, [comment(COMMENTED, "Klopt dit?")])
    code, output, _ = feedback(root, reviewed, tmp_path / ".." / tmp_path.name / reviewed.name, apply=False)
    assert code == 0 and output.count("Klopt dit?") == 1, output


def test_the_kamerbrief_and_the_beslisnota_of_a_letter_come_back_together(dossier, tmp_path):
    root, documents = dossier
    kamerbrief = review(documents, tmp_path, [replace(CHANGED, "zodra dat kan")])
    beslisnota = review(documents, tmp_path, [replace("korte brief", "beknopte brief")], "beslisnota.docx")
    code, output, written = feedback(root, kamerbrief, beslisnota)
    assert (code, written) == (0, [f"letters/{TERUGKEERBRIEF}.yaml", "sections/terugkeer.md"]), output


def test_a_comment_on_a_paragraph_the_reviewer_added_is_placed_after_the_one_before_it(dossier, tmp_path):
    root, documents = dossier
    reviewed = review(documents, tmp_path, [comment(COMMENTED, "Klopt dit?")])

    def added(data: bytes) -> bytes:  # the comment moved into a new paragraph after its own
        text = data.decode("utf-8")
        start, end = (
            re.search(r"<w:commentRangeStart [^>]*/>", text),
            re.search(r"<w:commentRangeEnd [^>]*/>", text),
        )
        reference = re.search(r"<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr>.*?</w:r>", text)
        text = text.replace(start[0], "").replace(end[0], "").replace(reference[0], "")
        new = "<w:r><w:t>Een nieuwe alinea.</w:t></w:r>"
        paragraph = (
            f'<w:p><w:pPr><w:rPr><w:ins w:id="90" {DATED}/></w:rPr></w:pPr>{start[0]}'
            f'<w:ins w:id="91" {DATED}>{new}</w:ins>{end[0]}{reference[0]}</w:p>'
        )
        at = text.index("</w:p>", text.index(COMMENTED)) + len("</w:p>")
        return (text[:at] + paragraph + text[at:]).encode("utf-8")

    code, output, _ = feedback(root, alter(reviewed, tmp_path / "nieuw.docx", BODY, added), apply=False)
    assert "sections/terugkeer.md:9:1: comment A. Jansen (20 nov 2025): Klopt dit?" in output, output
