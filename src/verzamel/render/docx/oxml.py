"""The WordprocessingML elements python-docx has no API for: footnotes, hyperlinks, fields."""

from __future__ import annotations

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

# Children of w:settings that must come after w:footnotePr (ECMA-376 Part 1, 17.15.1.78).
SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
SEPARATOR_ID = -1
CONTINUATION_SEPARATOR_ID = 0


def footnotes_root():
    """A `w:footnotes` element holding the separator and continuation-separator notes."""
    separator = (
        '<w:footnote w:type="{kind}" w:id="{id}"><w:p><w:pPr>'
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "<w:r><w:{kind}/></w:r></w:p></w:footnote>"
    )
    return parse_xml(
        f"<w:footnotes {nsdecls('w', 'r')}>"
        + separator.format(kind="separator", id=SEPARATOR_ID)
        + separator.format(kind="continuationSeparator", id=CONTINUATION_SEPARATOR_ID)
        + "</w:footnotes>"
    )


def footnote(note_id: int):
    element = OxmlElement("w:footnote")
    element.set(qn("w:id"), str(note_id))
    return element


def styled_run(style_id: str, child_tag: str, **attributes):
    """`<w:r><w:rPr><w:rStyle/></w:rPr><child/></w:r>`, e.g. a footnote reference mark."""
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), style_id)
    properties.append(style)
    run.append(properties)
    child = OxmlElement(child_tag)
    for name, value in attributes.items():
        child.set(qn(name), value)
    run.append(child)
    return run


def hyperlink(relationship_id: str):
    element = OxmlElement("w:hyperlink")
    element.set(qn("r:id"), relationship_id)
    return element


def footnote_settings():
    """`w:footnotePr` for settings.xml: which notes are the separators."""
    element = OxmlElement("w:footnotePr")
    for note_id in (SEPARATOR_ID, CONTINUATION_SEPARATOR_ID):
        child = OxmlElement("w:footnote")
        child.set(qn("w:id"), str(note_id))
        element.append(child)
    return element


def simple_field(instruction: str, placeholder: str):
    """A `w:fldSimple` such as PAGE or NUMPAGES, with a placeholder result."""
    return parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} ">'
        f"<w:r><w:t>{placeholder}</w:t></w:r></w:fldSimple>"
    )


# What follows `w:shd` in run and in paragraph properties (ECMA-376 element order).
_AFTER_SHD = {
    "w:rPr": ("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
              "w:specVanish", "w:oMath"),
    "w:pPr": ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
              "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
              "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
              "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
}  # fmt: skip


def shading(properties, fill: str) -> None:
    """A solid background (`w:shd`) on run (`w:rPr`) or paragraph (`w:pPr`) properties."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    kind = "w:rPr" if properties.tag == qn("w:rPr") else "w:pPr"
    properties.insert_element_before(shd, *_AFTER_SHD[kind])


def strip_revision_ids(element) -> None:
    """Remove Word's editing-session ids (`w:rsid…` attributes and `w:rsids`/`w:rsid` elements)."""
    rsid = qn("w:rsid")
    for node in element.xpath("//w:rsids | //w:rsid"):
        node.getparent().remove(node)
    for node in element.xpath("//*[@*[starts-with(local-name(), 'rsid')]]"):
        for name in [a for a in node.attrib if a.startswith(rsid)]:
            del node.attrib[name]


def app_properties(company: str) -> bytes:
    """docProps/app.xml with the ministry as company and nothing about the machine or the tool."""
    from html import escape  # &, < and > as XML needs (xml.sax.saxutils would import urllib)

    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<DocSecurity>0</DocSecurity><Company>{escape(company, quote=False)}</Company>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


def tracked_change(tag: str, change_id: int, author: str, when: str | None):
    """A `w:ins` or `w:del` (ECMA-376 Part 1, 17.13.5): who made the change and when."""
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(change_id))
    element.set(qn("w:author"), author)
    if when:
        element.set(qn("w:date"), when)
    return element


def as_deleted_text(element) -> None:
    """Runs inside a `w:del` hold their words as `w:delText`, not `w:t`."""
    for text in list(element.iter(qn("w:t"))):
        text.tag = qn("w:delText")


def mark_paragraph_mark(properties, change) -> None:
    """The paragraph mark itself inserted or deleted (`w:pPr/w:rPr/w:ins`): the whole paragraph is."""
    run_properties = properties.find(qn("w:rPr"))
    if run_properties is None:
        run_properties = OxmlElement("w:rPr")
        properties.insert_element_before(run_properties, "w:sectPr", "w:pPrChange")
    run_properties.insert(0, change)


def mark_row(row, change) -> None:
    """A table row inserted or deleted (`w:trPr/w:ins`, after the row's other properties)."""
    row.get_or_add_trPr().append(change)
