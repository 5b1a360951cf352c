"""The parts of a .docx package a review in Word adds or changes besides the text: the comments
with their replies (word/comments.xml, word/commentsExtended.xml), their styles, Track Changes
switched on in the settings, the content types and relationships. Used by tests/word_review.py,
whose docstring says where each form was read."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
PRESERVE = "{http://www.w3.org/XML/1998/namespace}space"
COMMENTS = (
    "word/comments.xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
)
COMMENTS_EXTENDED = (
    "word/commentsExtended.xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
    "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
)


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def element(tag: str, **attributes: str) -> etree._Element:
    """A w: element with w: attributes."""
    return etree.Element(w(tag), {w(k): v for k, v in attributes.items()})


def sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, w(tag), {w(k): v for k, v in attributes.items()})


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def read_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def write_parts(target: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            package.writestr(entry, data, zipfile.ZIP_DEFLATED)


def highest_id(parts: dict[str, bytes]) -> int:
    """The highest w:id in the document's XML parts (bookmarks, notes, annotations)."""
    highest = 0
    for name, data in parts.items():
        if name.startswith("word/") and name.endswith(".xml"):
            ids = etree.fromstring(data).xpath("//@w:id", namespaces={"w": W})
            highest = max([highest] + [int(v) for v in ids if v.lstrip("-").isdigit()])
    return highest


@dataclass(frozen=True)
class Note:
    """One comment: its w:id, who wrote it, its text (a line break starts a paragraph), and the
    w:id of the comment it replies to."""

    id: str
    author: str
    initials: str
    text: str
    date: str
    parent: str | None = None


def add_comments(parts: dict[str, bytes], notes: list[Note]) -> None:
    """word/comments.xml and word/commentsExtended.xml for `notes`, declared and related, and
    the comment styles."""
    comments = etree.Element(w("comments"), nsmap={"w": W, "w14": W14, "mc": MC})
    comments.set(f"{{{MC}}}Ignorable", "w14")
    extended = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15, "mc": MC})
    extended.set(f"{{{MC}}}Ignorable", "w15")
    last_paragraph: dict[str, str] = {}
    for note in notes:
        entry = sub(comments, "comment", id=note.id, author=note.author, date=note.date)
        entry.set(w("initials"), note.initials)
        for index, line in enumerate(note.text.split("\n")):
            para_id = f"{0x10000000 + int(note.id) * 16 + index:08X}"  # < 0x80000000, unique
            paragraph = sub(entry, "p")
            paragraph.set(f"{{{W14}}}paraId", para_id)
            paragraph.set(f"{{{W14}}}textId", "77777777")
            sub(sub(paragraph, "pPr"), "pStyle", val="CommentText")
            if index == 0:
                mark = sub(paragraph, "r")
                sub(sub(mark, "rPr"), "rStyle", val="CommentReference")
                sub(mark, "annotationRef")
            sub(sub(paragraph, "r"), "t").text = line
        last_paragraph[note.id] = para_id
        extension = etree.SubElement(extended, f"{{{W15}}}commentEx")
        extension.set(f"{{{W15}}}paraId", para_id)
        if note.parent is not None:
            extension.set(f"{{{W15}}}paraIdParent", last_paragraph[note.parent])
        extension.set(f"{{{W15}}}done", "0")
    parts[COMMENTS[0]], parts[COMMENTS_EXTENDED[0]] = serialize(comments), serialize(extended)
    for name, content_type, relationship in (COMMENTS, COMMENTS_EXTENDED):
        _declare(parts, name, content_type, relationship)
    parts["word/styles.xml"] = _comment_styles(parts["word/styles.xml"])


SETTINGS_BEFORE_TRACKING = {
    w(name)
    for line in (
        "writeProtection view zoom removePersonalInformation removeDateAndTime",
        "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText",
        "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts",
        "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors",
        "activeWritingStyle proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter",
        "stylePaneSortMethod documentType mailMerge revisionView",
    )
    for name in line.split()
}
"""What comes before w:trackRevisions in w:settings (ECMA-376 Part 1, 17.15.1.78, CT_Settings)."""


def track_revisions(parts: dict[str, bytes]) -> None:
    """Word's settings with Track Changes on: w:trackRevisions, in its place in the sequence."""
    root = etree.fromstring(parts["word/settings.xml"])
    if root.find(w("trackRevisions")) is None:
        before = [i for i, child in enumerate(root) if child.tag in SETTINGS_BEFORE_TRACKING]
        root.insert(before[-1] + 1 if before else 0, element("trackRevisions"))
    parts["word/settings.xml"] = serialize(root)


def _comment_styles(data: bytes) -> bytes:
    """The two styles Word adds with the first comment, when the document lacks them."""
    root = etree.fromstring(data)
    present = {s.get(w("styleId")) for s in root.iter(w("style"))}
    for kind, style_id, name, size in (
        ("paragraph", "CommentText", "annotation text", "20"),
        ("character", "CommentReference", "annotation reference", "16"),
    ):
        if style_id not in present:
            style = sub(root, "style", type=kind, styleId=style_id)
            sub(style, "name", val=name)
            sub(style, "uiPriority", val="99")
            sub(style, "unhideWhenUsed")
            properties = sub(style, "rPr")
            sub(properties, "sz", val=size)
            sub(properties, "szCs", val=size)
    return serialize(root)


def _declare(parts: dict[str, bytes], name: str, content_type: str, relationship: str) -> None:
    """Part `name` in [Content_Types].xml and related from the main document."""
    types = etree.fromstring(parts["[Content_Types].xml"])
    etree.SubElement(types, f"{{{TYPES}}}Override", PartName=f"/{name}", ContentType=content_type)
    parts["[Content_Types].xml"] = serialize(types)
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    taken = [int(r.get("Id")[3:]) for r in rels if r.get("Id", "").removeprefix("rId").isdigit()]
    etree.SubElement(
        rels,
        f"{{{RELS}}}Relationship",
        Id=f"rId{max(taken, default=0) + 1}",
        Type=relationship,
        Target=name.removeprefix("word/"),
    )
    parts["word/_rels/document.xml.rels"] = serialize(rels)
