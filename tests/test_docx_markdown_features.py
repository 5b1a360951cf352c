"""Headings, emphasis, lists, links and tables in a fragment come out as Word users expect."""

from __future__ import annotations

import docx
import pytest

from conftest import TERUGKEERBRIEF, run_cli
from docx_reading import NS, W, footnote_reference_ids, footnotes, part_xml

FRAGMENT = """---
id: opmaak
title: Opmaak
---
Een zin met *nadruk*, **vet** en een [koppeling](https://www.rijksoverheid.nl).[^lokaal]

## Tussenkop

- eerste punt
- tweede punt
  - ingesprongen punt

1. stap een
2. stap twee

Tussen twee lijsten.

1. opnieuw een
2. opnieuw twee

| Regeling | Afloop |
|---|---|
| RTB | maart 2027 |
| HAR+ | *onbekend* |

Nog een verwijzing.[^lokaal]

[^lokaal]: Een voetnoot met een [koppeling](https://zoek.officielebekendmakingen.nl/kst-19637-3451.html).
"""


@pytest.fixture(scope="module")
def built_doc(tmp_path_factory):

    from conftest import copy_dossier

    dossier = tmp_path_factory.mktemp("features") / "dossier"
    copy_dossier(dossier)
    (dossier / "sections" / "opmaak.md").write_text(FRAGMENT)
    manifest = dossier / "letters" / f"{TERUGKEERBRIEF}.yaml"
    manifest.write_text(
        manifest.read_text().replace("    - terugkeer\n", "    - opmaak\n    - terugkeer\n", 1)
    )
    result = run_cli("build", TERUGKEERBRIEF, "--root", str(dossier), "--out", str(dossier / "out"))
    assert result.exit_code == 0, result.output
    return dossier / "out" / TERUGKEERBRIEF / "kamerbrief.docx"


def _paragraph(document, start):
    return next(p for p in document.paragraphs if p.text.startswith(start))


def test_emphasis_and_bold_runs(built_doc):
    paragraph = _paragraph(docx.Document(str(built_doc)), "Een zin met")
    assert [r.text for r in paragraph.runs if r.italic] == ["nadruk"]
    assert [r.text for r in paragraph.runs if r.bold] == ["vet"]


def test_links_are_hyperlinks_in_body_and_footnotes(built_doc):
    document = docx.Document(str(built_doc))
    body_links = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert "https://www.rijksoverheid.nl" in body_links
    paragraph = _paragraph(document, "Een zin met")
    assert [h.text for h in paragraph.hyperlinks] == ["koppeling"]
    notes_xml = part_xml(built_doc, "word/footnotes.xml")
    assert notes_xml.findall(".//w:hyperlink", NS)
    import zipfile

    with zipfile.ZipFile(built_doc) as package:
        rels = package.read("word/_rels/footnotes.xml.rels").decode()
    assert 'Target="https://zoek.officielebekendmakingen.nl/kst-19637-3451.html"' in rels
    assert 'TargetMode="External"' in rels


def test_fragment_headings_sit_below_the_fragment_title(built_doc):
    document = docx.Document(str(built_doc))
    assert _paragraph(document, "Opmaak").style.name == "Heading 1"  # the Kamerbrief's top level
    assert _paragraph(document, "Tussenkop").style.name == "Heading 2"


def test_lists_use_list_styles_and_ordered_lists_restart(built_doc):
    document = docx.Document(str(built_doc))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["eerste punt"] == "List Bullet"
    assert styles["ingesprongen punt"] == "List Bullet 2"
    assert styles["stap een"] == "List Number"

    def num_id(text):
        paragraph = _paragraph(document, text)
        return paragraph._p.pPr.numPr.numId.val

    assert num_id("stap een") == num_id("stap twee")
    assert num_id("opnieuw een") != num_id("stap een"), "the second list starts again at 1"


def test_table_with_header_row(built_doc):
    document = docx.Document(str(built_doc))
    table = next(t for t in document.tables if t.cell(0, 0).text == "Regeling")
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Regeling", "Afloop"],
        ["RTB", "maart 2027"],
        ["HAR+", "onbekend"],
    ]
    assert table.rows[0]._tr.find(f"{{{W}}}trPr/{{{W}}}tblHeader") is not None
    assert all(r.bold for r in table.cell(0, 0).paragraphs[0].runs)


def test_second_reference_to_a_note_makes_a_new_note_with_the_same_text(built_doc):
    notes = footnotes(built_doc)
    assert footnote_reference_ids(built_doc) == [1, 2, 3, 4]  # 1: the letter's introduction cites
    assert notes[2] == notes[3] == "Een voetnoot met een koppeling."
