"""The shipped reference documents define every style the writer can emit, in the house font and colour.

A style the reference document lacks, or one that falls back to Word's theme (Calibri, the blue
of 'Heading 4'), shows up in a letter as text out of house style: Word's defaults win silently.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree

from conftest import REPO
from docx_reading import NS, W
from verzamel.render.docx import writer

REFERENCE_DOCS = sorted((REPO / "templates").glob("*.docx"))
TEMPLATE_STYLES = sorted(
    {
        name
        for path in (REPO / "templates").glob("*.md.j2")
        for name in re.findall(r"^\{\.(\w+)\}$", path.read_text(), re.M)
    }
)
LIST_STYLES = [
    f"List {kind}{'' if level == 1 else f' {level}'}"
    for kind in ("Bullet", "Number")
    for level in range(1, writer.LIST_STYLE_LEVELS + 1)
]
PARAGRAPH_STYLES = [
    "Normal",
    "Title",
    "Quote",
    writer.TABLE_TEXT,
    writer.FOOTNOTE_TEXT,
    *(f"Heading {level}" for level in range(1, 10)),
    *LIST_STYLES,
    *TEMPLATE_STYLES,
]
CHARACTER_STYLES = [writer.FOOTNOTE_REFERENCE, writer.HYPERLINK]


def _styles(path):
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/styles.xml"))
    by_key = {}
    for style in root.findall("w:style", NS):
        name = style.find("w:name", NS)
        by_key[style.get(f"{{{W}}}styleId")] = style
        if name is not None:
            by_key[name.get(f"{{{W}}}val").lower()] = style
    return root, by_key


def _effective(style, by_key, tag):
    """The first `w:rPr/tag` on the chain of basedOn styles, or None."""
    seen = set()
    while style is not None and id(style) not in seen:
        seen.add(id(style))
        found = style.find(f"w:rPr/{tag}", NS)
        if found is not None:
            return found
        based = style.find("w:basedOn", NS)
        style = by_key.get(based.get(f"{{{W}}}val")) if based is not None else None
    return None


def _theme_attributes(element) -> list[str]:
    return [a for a in element.attrib if "theme" in a.lower()] if element is not None else []


@pytest.mark.parametrize("path", REFERENCE_DOCS, ids=[p.name for p in REFERENCE_DOCS])
def test_every_style_the_writer_emits_is_defined_in_the_house_font_and_colour(path):
    root, by_key = _styles(path)
    defaults = root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert _theme_attributes(defaults.find("w:rFonts", NS)) == []
    assert _theme_attributes(defaults.find("w:color", NS)) == []
    problems = []
    for name in PARAGRAPH_STYLES + CHARACTER_STYLES:
        style = by_key.get(name, by_key.get(name.lower()))
        if style is None:
            problems.append(f"{name}: not defined")
            continue
        for tag in ("w:rFonts", "w:color"):
            if _theme_attributes(_effective(style, by_key, tag)):
                problems.append(f"{name}: {tag} from the theme")
        if name in PARAGRAPH_STYLES:
            fonts = _effective(style, by_key, "w:rFonts")
            if fonts is None or fonts.get(f"{{{W}}}ascii") != "Verdana":
                problems.append(f"{name}: not in Verdana")
    assert problems == []


def test_the_list_covers_what_the_templates_and_writer_name():
    assert {"Woordmerk", "Kenmerkregel", "Ondertekening", "Kopgegevens"} <= set(TEMPLATE_STYLES)
    assert "Heading 4" in PARAGRAPH_STYLES and "List Number 3" in PARAGRAPH_STYLES


def test_a_heading_in_a_fragment_comes_out_one_level_under_its_title(tmp_path):
    from conftest import copy_dossier, run_cli
    from docx_reading import paragraphs

    dossier = copy_dossier(tmp_path / "d")
    fragment = dossier / "sections/terugkeer.md"
    fragment.write_text(
        fragment.read_text(encoding="utf-8") + "\n### Tussenkop\n\nTekst.\n\n### Ernaast\n\nMeer tekst.\n",
        encoding="utf-8",
    )
    result = run_cli("build", "--root", str(dossier), "2025-11-28-verzamelbrief-oekraine")
    assert result.exit_code == 0, result.output
    styles = dict(
        (text, style)
        for style, text in paragraphs(dossier / "build/2025-11-28-verzamelbrief-oekraine/kamerbrief.docx")
    )
    assert styles["Terugkeer"] == "Heading 1"  # the Kamerbrief's fragments at its top level
    assert styles["Tussenkop"] == styles["Ernaast"] == "Heading 2"


def test_the_house_style_has_the_heading_levels_its_reference_documents_show():
    from verzamel.checks.headings import heading_levels

    for path in REFERENCE_DOCS:
        assert heading_levels(path.read_bytes()) == (1, 2, 3), path.name


def test_a_heading_deeper_than_the_house_style_is_an_error_at_its_line_with_the_levels_there_are(tmp_path):
    from conftest import copy_dossier, run_cli

    dossier = copy_dossier(tmp_path / "d")
    fragment = dossier / "sections/terugkeer.md"
    text = fragment.read_text(encoding="utf-8") + "\n## Tussenkop\n\nTekst.\n\n##### Diep\n\nMeer tekst.\n"
    fragment.write_text(text, encoding="utf-8")
    line = text.split("\n").index("##### Diep") + 1
    result = run_cli("build", "--root", str(dossier))
    assert result.exit_code == 1
    expected = (
        f"sections/terugkeer.md:{line}:1: error MD004 this heading becomes heading 5 in kamerbrief.docx, "
        "and its house style only has headings of level 1, 2, 3"
    )
    assert expected in result.stderr
    assert not (dossier / "build" / "2025-11-28-verzamelbrief-oekraine").exists()


def test_heading_levels_are_read_from_what_the_reference_document_defines_and_shows():
    import io

    from verzamel.checks.headings import heading_levels

    def reference(styles: str, prefix: str = "w") -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as package:
            package.writestr(
                "word/styles.xml", f'<{prefix}:styles xmlns:{prefix}="{W}">{styles}</{prefix}:styles>'
            )
        return out.getvalue()

    def style(level: int, hidden: str = "") -> str:
        return f'<w:style w:type="paragraph"><w:name w:val="heading {level}"/>{hidden}</w:style>'

    shown_four = "".join(style(n) for n in range(1, 5)) + style(5, "<w:semiHidden/>")
    assert heading_levels(reference(shown_four)) == (1, 2, 3, 4)
    assert heading_levels(reference(style(1) + style(2, '<w:semiHidden w:val="false"/>'))) == (1, 2)
    assert (
        heading_levels(reference('<w:style w:type="character"><w:name w:val="heading 1"/></w:style>')) == ()
    )
    assert (
        heading_levels(reference(style(1, "<w:semiHidden/>") + style(2, "<w:semiHidden w:val='1'/>"))) == ()
    )
    other_prefix = "<x:style x:type='paragraph'>\n<x:name x:val='Heading 2'/></x:style><x:style x:type='x'/>"
    assert heading_levels(reference(other_prefix, "x")) == (2,)
    assert heading_levels(b"not a zip") is None
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    assert heading_levels(empty.getvalue()) is None


@pytest.mark.parametrize(("name", "bold"), [("kamerbrief.docx", 1), ("beslisnota.docx", 2)])
def test_a_fragments_title_is_bold_and_its_own_headings_italic(name, bold):
    """The Kamerbrief inserts its fragments at level 1, the beslisnota at 2: the same look in both."""
    _, by_key = _styles(REPO / "templates" / name)

    def on(level, tag):
        found = _effective(by_key[f"heading {level}"], by_key, tag)
        return found is not None and found.get(f"{{{W}}}val") not in ("0", "false")

    assert [on(level, "w:b") for level in range(1, 5)] == [level <= bold for level in range(1, 5)]
    assert [on(level, "w:i") for level in range(1, 5)] == [level > bold for level in range(1, 5)]
