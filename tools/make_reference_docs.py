"""Make the house-style reference documents shipped with verzamel.

    python tools/make_reference_docs.py

writes templates/kamerbrief.docx and beslisnota.docx (the shipped house style, packaged into
the wheel from there). They are ordinary Word
documents: a ministry may open them in Word, change the styles (RO Sans instead of Verdana,
its own logo in the header) and drop its own copies in a dossier's templates/ folder.

Rijkshuisstijl-like: Verdana (RO Sans is not freely available), body 9 pt on 12 pt leading,
return address 6.5 pt on 9 pt, footnotes 7 pt, footer `Pagina X van Y`, and on the first page a
stand-in for the logo (a blue band, not the Rijkslogo) with its alternative text. Dutch (nl-NL) is
the language of the whole document: in the document defaults, so every style and run has it.
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from verzamel.render.docx.oxml import simple_field  # noqa: E402
from verzamel.render.docx.package import normalize_zip  # noqa: E402

FONT = "Verdana"
OUT = Path(__file__).resolve().parents[1] / "templates"
BLACK = RGBColor(0, 0, 0)
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
LANGUAGE = "nl-NL"
LOGO_TEXT = "Logo Rijksoverheid"
"""The logo's alternative text: what a screen reader says, and what a PDF carries for it."""
LINT_BLUE = (0x15, 0x42, 0x73)  # Rijkshuisstijl lintblauw
BOLD_HEADINGS = {"kamerbrief": 1, "beslisnota": 2}
"""The heading levels in bold, the deeper ones italic: the Kamerbrief inserts its fragments' titles
at level 1, the beslisnota at level 2 under its numbered sections; so in both a fragment's title is
bold and its own headings are italic."""


def set_fonts(rpr_owner, name: str = FONT) -> None:
    """Set all four font slots and drop theme fonts, which would win over them."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.lower().endswith("theme"):
            del fonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), name)


def typeset(
    style,
    size: float,
    leading: float,
    before: float = 0,
    after: float = 0,
    bold: bool = False,
    italic: bool = False,
) -> None:
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = BLACK
    set_fonts(style.element)
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(leading)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    ppr = style.element.pPr
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def paragraph_style(doc, name: str, base: str = "Normal"):
    styles = doc.styles
    style = (
        styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    style.base_style = styles[base] if name != base else None
    style.quick_style = True
    return style


def label_value(style, label_width_cm: float) -> None:
    """`Label<TAB>value` lines whose wrapped value lines up under the first; a block of them
    keeps together and is followed by a blank line (contextual spacing)."""
    typeset(style, 9, 12, after=12)
    style.element.get_or_add_pPr().append(OxmlElement("w:contextualSpacing"))
    fmt = style.paragraph_format
    fmt.left_indent = Cm(label_width_cm)
    fmt.first_line_indent = Cm(-label_width_cm)
    fmt.tab_stops.add_tab_stop(Cm(label_width_cm), WD_TAB_ALIGNMENT.LEFT)


def builtin(style, word_name: str):
    """Give a style Word's own (lower-case) name, so Word and LibreOffice treat it as theirs."""
    style.element.name_val = word_name
    style.element.attrib.pop(qn("w:customStyle"), None)
    return style


def footnote_styles(doc) -> None:
    text = builtin(doc.styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH), "footnote text")
    text.base_style = doc.styles["Normal"]
    typeset(text, 7, 9)
    reference = builtin(
        doc.styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER), "footnote reference"
    )
    reference.font.superscript = True
    link = builtin(doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER), "Hyperlink")
    link.font.underline = True
    link.font.color.rgb = RGBColor(0x01, 0x68, 0x9B)  # Rijkshuisstijl hemelblauw


def house_defaults(doc) -> None:
    """The document defaults in the house font and black: a style that sets neither (a character
    style, a style Word adds later) then never falls back to the theme's Calibri or colours."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), FONT)
    rpr.find(qn("w:lang")).set(qn("w:val"), LANGUAGE)  # a style that names none is Dutch too
    settings = doc.settings.element.find(qn("w:themeFontLang"))
    settings.set(qn("w:val"), LANGUAGE)
    for owner in doc.styles.element.findall(qn("w:style")):
        style_rpr = owner.find(qn("w:rPr"))
        if style_rpr is None:
            continue
        for child in list(style_rpr):
            if child.tag == qn("w:color") and child.get(qn("w:themeColor")):
                child.attrib.pop(qn("w:themeColor"))
                child.set(qn("w:val"), "000000")
                for attr in ("themeShade", "themeTint"):
                    child.attrib.pop(qn(f"w:{attr}"), None)
            if child.tag == qn("w:rFonts") and any(a.lower().endswith("theme") for a in child.attrib):
                style_rpr.remove(child)


def logo_png(width: int = 66, height: int = 120) -> bytes:
    """The stand-in logo: a lintblauw band with a white ring, as a PNG (no imaging library needed)."""
    rows = []
    for y in range(height):
        row = bytearray(b"\0")  # filter type: none
        for x in range(width):
            distance = ((x - width / 2) ** 2 + (y - height * 0.62) ** 2) ** 0.5
            row += bytes((255, 255, 255)) if width * 0.22 < distance < width * 0.3 else bytes(LINT_BLUE)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def letterhead(section) -> None:
    """The logo, centred at the top of the first page only, with its alternative text (`descr` of
    the drawing and of the picture: Word shows the first, LibreOffice and PDF readers read both)."""
    section.different_first_page_header_footer = True
    section.header_distance = Cm(0)
    paragraph = section.first_page_header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(logo_png()), width=Cm(1.1), height=Cm(2.0))
    for properties in run._r.xpath(".//wp:docPr | .//pic:cNvPr"):
        properties.set("name", "Logo")
        properties.set("descr", LOGO_TEXT)


def page_numbers(footer, style) -> None:
    """`Pagina X van Y`, right-aligned."""
    paragraph = footer.paragraphs[0]
    paragraph.style = style
    paragraph.add_run("Pagina ")
    paragraph._p.append(simple_field("PAGE", "1"))
    paragraph.add_run(" van ")
    paragraph._p.append(simple_field("NUMPAGES", "1"))


def make(kind: str) -> bytes:
    doc = docx.Document()
    core = doc.core_properties
    core.title, core.author, core.last_modified_by, core.comments = "", "", "", ""
    core.subject, core.keywords, core.category = "", "", ""  # the writer sets them, language too
    core.revision = 1
    core.created = core.modified = datetime(2025, 1, 1)

    normal = doc.styles["Normal"]
    typeset(normal, 9, 12, after=12)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "nl-NL")
    rpr.append(lang)
    normal.paragraph_format.widow_control = True

    house_defaults(doc)
    # A fragment's title bold, its own headings below it italic (BOLD_HEADINGS), all in the house
    # font, never Word's blue theme headings.
    for level in range(1, 10):
        heading = paragraph_style(doc, f"Heading {level}")
        bold = level <= BOLD_HEADINGS[kind]
        typeset(heading, 9, 12, after=0, bold=bold, italic=not bold)
        heading.paragraph_format.keep_with_next = True
    title = paragraph_style(doc, "Title")
    typeset(title, 12, 15, after=18, bold=True)
    lists = [f"List {kind}{suffix}" for kind in ("Bullet", "Number") for suffix in ("", " 2", " 3")]
    for name in (*lists, "Quote"):
        style = paragraph_style(doc, name)
        typeset(style, 9, 12, after=12, italic=name == "Quote")
        # no space between the items of a list, a blank line after it
        style.element.get_or_add_pPr().append(OxmlElement("w:contextualSpacing"))
    typeset(paragraph_style(doc, "Tabeltekst"), 9, 12, after=0)
    typeset(paragraph_style(doc, "Woordmerk"), 9, 12, after=24, bold=True)
    rubricering = paragraph_style(doc, "Rubricering")
    typeset(rubricering, 9, 12, after=12, bold=True)
    retour = paragraph_style(doc, "Retouradres")
    typeset(retour, 6.5, 9, after=9)
    typeset(paragraph_style(doc, "Adres"), 9, 12, after=24)
    typeset(paragraph_style(doc, "Referentiekop"), 6.5, 9, after=9, bold=True)
    typeset(paragraph_style(doc, "Referentiegegevens"), 6.5, 9, after=9)
    label_value(paragraph_style(doc, "Kenmerkregel"), 2.0)
    label_value(paragraph_style(doc, "Kopgegevens"), 2.5)
    aanhef = paragraph_style(doc, "Aanhef")
    typeset(aanhef, 9, 12, before=36, after=12)
    ondertekening = paragraph_style(doc, "Ondertekening")
    typeset(ondertekening, 9, 12, before=12, after=48)
    ondertekening.paragraph_format.keep_with_next = True
    page = paragraph_style(doc, "Paginanummer")
    typeset(page, 6.5, 9)
    page.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footnote_styles(doc)

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
    section.left_margin, section.right_margin = Cm(2.4), Cm(2.4)
    section.footer_distance = Cm(1.2)
    letterhead(section)
    page_numbers(section.footer, page)
    page_numbers(section.first_page_footer, page)

    doc.add_paragraph(
        f"Referentiedocument {kind}: de opmaak van dit document is de huisstijl; "
        "de inhoud wordt door verzamel vervangen."
    )
    # python-docx's own template carries a thumbnail and custom XML: not ours to ship.
    for owner in (doc.part.package, doc.part):
        for rel_id, rel in list(owner.rels.items()):
            if rel.reltype in (RT.THUMBNAIL, RT.CUSTOM_XML, STYLES_WITH_EFFECTS):
                del owner.rels[rel_id]
    out = io.BytesIO()
    doc.save(out)
    return normalize_zip(out.getvalue())


if __name__ == "__main__":
    for kind in ("kamerbrief", "beslisnota"):
        (OUT / f"{kind}.docx").write_bytes(make(kind))
        print(f"wrote {OUT / f'{kind}.docx'}")
