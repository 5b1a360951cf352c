"""Accessible documents (issue 28): the built example read back as XML, independently of the writer.

The Kamerbrief and the public beslisnota are published: they say their language (nl-NL) and
title, their headings are Word heading styles that start at level 1 and skip none, and the logo
of the letterhead has an alternative text. The sent letter keeps the bytes it was sent with.
"""

from __future__ import annotations

import hashlib
import zipfile

import pytest
from lxml import etree

from conftest import REPO, TERUGKEERBRIEF, VERZAMELBRIEF
from docx_reading import NS, W, part_xml
from verzamel.sources.lockfile import read_lock

PUBLISHED = ("kamerbrief.docx", "beslisnota-openbaar.docx")
CORE = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
DRAWING = {
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}


def core(path) -> dict[str, str]:
    root = part_xml(path, "docProps/core.xml")
    return {etree.QName(e).localname: e.text or "" for e in root}


def heading_levels(path) -> list[int]:
    """The outline level (1-9) of every body paragraph that has one, through its style's chain."""
    styles = part_xml(path, "word/styles.xml")
    by_id = {s.get(f"{{{W}}}styleId"): s for s in styles.findall("w:style", NS)}

    def level(style_id: str | None) -> int | None:
        seen = set()
        while style_id in by_id and style_id not in seen:
            seen.add(style_id)
            style = by_id[style_id]
            found = style.find("w:pPr/w:outlineLvl", NS)
            if found is not None:
                return int(found.get(f"{{{W}}}val")) + 1
            based = style.find("w:basedOn", NS)
            style_id = based.get(f"{{{W}}}val") if based is not None else None
        return None

    body = part_xml(path, "word/document.xml")
    levels = []
    for paragraph in body.iter(f"{{{W}}}p"):
        own = paragraph.find("w:pPr/w:outlineLvl", NS)
        style = paragraph.find("w:pPr/w:pStyle", NS)
        found = int(own.get(f"{{{W}}}val")) + 1 if own is not None else None
        found = found or level(style.get(f"{{{W}}}val") if style is not None else None)
        if found is not None and found <= 9:
            levels.append(found)
    return levels


def pictures(path) -> list[tuple[str, str, str]]:
    """(part, what the drawing says, what the picture says) of every picture, in every part."""
    found = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            root = etree.fromstring(package.read(name))
            for drawing in root.iter(f"{{{W}}}drawing"):
                frame = drawing.find(".//wp:docPr", DRAWING)
                picture = drawing.find(".//pic:cNvPr", DRAWING)
                found.append((name, frame.get("descr", ""), picture.get("descr", "")))
    return found


@pytest.mark.parametrize("name", PUBLISHED)
def test_a_published_document_says_it_is_dutch(built, name):
    path = built / TERUGKEERBRIEF / name
    assert core(path)["language"] == "nl-NL"
    defaults = part_xml(path, "word/styles.xml").find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert defaults.get(f"{{{W}}}val") == "nl-NL"  # every style and run that names no language
    languages = {e.get(f"{{{W}}}val") for e in part_xml(path, "word/document.xml").iter(f"{{{W}}}lang")}
    assert languages <= {"nl-NL"}, "no run in another language"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("kamerbrief.docx", "Terugkeer van ontheemden uit Oekraïne"),
        ("beslisnota-openbaar.docx", "Beslisnota bij Kamerbrief over Terugkeer van ontheemden uit Oekraïne"),
    ],
)
def test_the_title_is_the_letters_subject_or_the_notas_own(built, name, title):
    assert core(built / TERUGKEERBRIEF / name)["title"] == title


@pytest.mark.parametrize("letter", [VERZAMELBRIEF, TERUGKEERBRIEF])
@pytest.mark.parametrize("name", PUBLISHED)
def test_headings_are_heading_styles_from_level_1_skipping_none(built, letter, name):
    levels = heading_levels(built / letter / name)
    if letter == VERZAMELBRIEF and name == "kamerbrief.docx":
        assert set(levels) == {2}  # as it was sent: its fragments' titles at level 2, kept so
        return
    assert levels and levels[0] == 1, levels
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:], strict=False)), levels


@pytest.mark.parametrize("name", PUBLISHED)
def test_the_logo_of_the_letterhead_has_an_alternative_text(built, name):
    found = pictures(built / TERUGKEERBRIEF / name)
    assert [part for part, _, _ in found] == ["word/header1.xml"]
    assert all(frame == picture == "Logo Rijksoverheid" for _, frame, picture in found)


def test_the_sent_letter_keeps_its_bytes_and_its_writers(built):
    """Made by the writers its lock records (none: the first), from the versions it was sent with."""
    name = f"letters/{VERZAMELBRIEF}.lock"
    lock, _ = read_lock((REPO / name).read_text(encoding="utf-8"), name, VERZAMELBRIEF)
    assert lock.writer == 1
    made = {n: hashlib.sha256((built / VERZAMELBRIEF / n).read_bytes()).hexdigest() for n in lock.outputs}
    assert made == lock.outputs
    assert "language" not in core(built / VERZAMELBRIEF / "kamerbrief.docx")
    assert pictures(built / VERZAMELBRIEF / "kamerbrief.docx") == []  # its house style had no logo


def _heading(level: int, path: str, line: int):
    from verzamel.model import Heading, SourceSpan, Text

    return Heading(level, (Text(f"Kop {line}"),), SourceSpan(path, line))


FRAGMENT = "sections/x.md"
TEMPLATE = "<kamerbrief.md.j2>"


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        ([(1, TEMPLATE), (2, FRAGMENT), (3, FRAGMENT), (1, FRAGMENT)], []),  # down one at a time, up at will
        (
            [(1, TEMPLATE), (3, FRAGMENT)],
            [("ACC002", 2, "right after a heading of level 1: level 2 is skipped")],
        ),
        ([(2, FRAGMENT), (3, FRAGMENT)], [("ACC002", 1, "is the first heading of kamerbrief.docx")]),
        ([(1, TEMPLATE), (3, TEMPLATE), (3, FRAGMENT)], []),  # the template's own skip is not the fragment's
        ([(1, FRAGMENT), (4, FRAGMENT)], [("MD004", 2, "heading 4 in kamerbrief.docx")]),  # one of the two
        ([(1, FRAGMENT), (3, FRAGMENT), (2, FRAGMENT), (3, FRAGMENT)], [("ACC002", 2, "level 2 is skipped")]),
    ],
)
def test_a_skipped_heading_level_is_found_where_the_heading_is_written(headings, expected):
    from datetime import date

    from verzamel.checks.headings import check_document
    from verzamel.model import Document

    blocks = tuple(_heading(level, path, line) for line, (level, path) in enumerate(headings, start=1))
    document = Document("kamerbrief", "brief", blocks, (), "", "", "", "", date(2025, 12, 12), True)
    found = check_document(document, "kamerbrief.docx", (1, 2, 3))
    assert [(d.rule, d.span.line) for d in found] == [(rule, line) for rule, line, _ in expected]
    assert all(part in d.message for d, (_, _, part) in zip(found, expected, strict=True))


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Zie <https://www.rijksoverheid.nl>.", [("ACC004", 1, 6)]),
        ("Zie [www.rijksoverheid.nl](https://www.rijksoverheid.nl/).", [("ACC004", 1, 6)]),
        ("Zie [https://a.nl/x](https://b.nl/y).", [("ACC004", 1, 6)]),  # an address, if not its own
        ("Zie [de website](https://www.rijksoverheid.nl) of <info@minaenm.nl>.", []),  # e-mail reads well
        ("Tekst.\n\n- een punt met ![ ](x.png)", [("ACC001", 3, 16)]),
        ("![Grafiek van de opvang](x.png)", []),
        ("| Regeling |  |\n|---|---|\n| RTB | 2027 |", []),  # one column without a name: still a header
        ("Tekst.\n\n|  |  |\n|---|---|\n| RTB | 2027 |", [("ACC003", 3, 1)]),
        ("`![](x.png)` is code, ![](y.png) is not", [("ACC001", 1, 23)]),
    ],
)
def test_what_the_markdown_reader_finds_for_accessibility(markdown, expected):
    from verzamel.sources.markdown import parse_markdown

    found = parse_markdown(markdown, "sections/x.md").diagnostics
    assert [(d.rule, d.span.line, d.span.column) for d in found] == expected


DECORATIVE = (
    '<wp:docPr id="2" name="Lijn"><a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
    "</a:ext></a:extLst></wp:docPr>"
)


@pytest.mark.parametrize(
    ("header", "language", "expected"),
    [
        ('<wp:docPr id="1" name="Logo" descr="Logo Rijksoverheid"/>', "nl-NL", []),
        ('<wp:docPr id="1" name="Logo" descr=""/>', "nl-NL", ["ACC005"]),
        ('<wp:docPr id="1" name="Logo"/>' + DECORATIVE, "nl-BE", ["ACC005"]),  # the logo, not the line
        (DECORATIVE, "nl", []),
        ("", "en-US", ["ACC006"]),
        ("", None, ["ACC006"]),
    ],
)
def test_what_a_reference_document_lacks_for_accessible_documents(header, language, expected):
    import io

    from verzamel.archive import open_zip
    from verzamel.checks.accessibility import check_reference_accessibility

    lang = f'<w:lang w:val="{language}"/>' if language else ""
    defaults = f"<w:docDefaults><w:rPrDefault><w:rPr>{lang}</w:rPr></w:rPrDefault></w:docDefaults>"
    styles = f"<w:styles>{defaults}</w:styles>"
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as out:
        out.writestr("word/styles.xml", styles)
        out.writestr("word/header1.xml", f"<w:hdr>{header}</w:hdr>")
        out.writestr("word/document.xml", "<w:document/>")
    found = check_reference_accessibility(open_zip(package.getvalue()), "templates/kamerbrief.docx")
    assert [d.rule for d in found] == expected
    assert all(str(d.span) == "templates/kamerbrief.docx:1:1" for d in found)
