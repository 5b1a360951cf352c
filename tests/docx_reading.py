"""Reading built .docx files back, independently of the writer: zip parts and python-docx."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part_xml(path: Path, name: str):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def all_part_bytes(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def footnote_reference_ids(path: Path) -> list[int]:
    """The w:id of every footnote reference in the body, in reading order."""
    body = part_xml(path, "word/document.xml")
    return [int(e.get(f"{{{W}}}id")) for e in body.iter(f"{{{W}}}footnoteReference")]


def footnotes(path: Path) -> dict[int, str]:
    """Every real footnote (not the separators): id -> its text."""
    root = part_xml(path, "word/footnotes.xml")
    notes = {}
    for note in root.findall("w:footnote", NS):
        if note.get(f"{{{W}}}type") in ("separator", "continuationSeparator"):
            continue
        text = "".join(t.text or "" for t in note.iter(f"{{{W}}}t"))
        notes[int(note.get(f"{{{W}}}id"))] = text.strip()
    return notes


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, table cells included, in reading order."""
    document = docx.Document(str(path))
    out = []
    body = document.element.body
    for p in body.iter(f"{{{W}}}p"):
        paragraph = docx.text.paragraph.Paragraph(p, document)
        out.append((paragraph.style.name if paragraph.style is not None else "", paragraph.text))
    return out


def words(text: str) -> list[str]:
    """Lower-case words and numbers; a footnote number glued to a word becomes its own token."""
    return re.findall(r"[^\W\d_]+|\d+", text.lower())


def text_before_references(path: Path, length: int = 30) -> dict[int, str]:
    """For each footnote reference: the last `length` characters of its paragraph before it."""
    body = part_xml(path, "word/document.xml")
    found = {}
    for paragraph in body.iter(f"{{{W}}}p"):
        text = ""
        for element in paragraph.iter(f"{{{W}}}t", f"{{{W}}}footnoteReference", f"{{{W}}}tab"):
            if element.tag == f"{{{W}}}footnoteReference":
                found[int(element.get(f"{{{W}}}id"))] = " ".join(text.split())[-length:]
            elif element.tag == f"{{{W}}}tab":
                text += " "
            else:
                text += element.text or ""
    return found


def text_of(element, *names: str) -> str:
    """The text of the w:NAME elements (w:t unless named: "delText") inside `element`."""
    return "".join(e.text or "" for e in element.iter(*(f"{{{W}}}{n}" for n in names or ("t",))))


def anchored(root, comment_id: str) -> str:
    """The text (w:t) between the w:commentRangeStart and w:commentRangeEnd of one comment."""
    inside, text = False, []
    for element in root.iter():
        if element.tag in (f"{{{W}}}commentRangeStart", f"{{{W}}}commentRangeEnd"):
            if element.get(f"{{{W}}}id") == comment_id:
                inside = element.tag == f"{{{W}}}commentRangeStart"
        elif inside and element.tag == f"{{{W}}}t":
            text.append(element.text or "")
    return "".join(text)


def resolve_tracked_changes(path: Path, target: Path, accept: bool) -> Path:
    """A copy of a redline with every tracked change accepted (or rejected), done on the XML as
    Word does it: the kept side unwrapped, the other removed, a paragraph whose mark goes joined
    to the next one, a table row that goes removed. Moved text is a deletion (w:moveFrom) and an
    insertion (w:moveTo); the move's range marks stay, empty."""
    inserted, deleted = ("ins", "moveTo"), ("del", "moveFrom")
    keeps, drops = (inserted, deleted) if accept else (deleted, inserted)
    parts = all_part_bytes(path)
    for name in ("word/document.xml", "word/footnotes.xml"):
        if name not in parts:
            continue
        root = etree.fromstring(parts[name])
        for keep, drop in zip(keeps, drops, strict=True):
            _resolve(root, keep, drop)
        if not accept:
            for text in root.iter(f"{{{W}}}delText"):
                text.tag = f"{{{W}}}t"
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(target, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return target


def _resolve(root, keep: str, drop: str) -> None:
    """One kind of tracked change in a part resolved: `keep` (ins, del, moveTo or moveFrom)
    unwrapped, `drop` removed."""
    for row in list(root.iter(f"{{{W}}}tr")):
        properties = row.find("w:trPr", NS)
        if properties is not None and properties.find(f"w:{drop}", NS) is not None:
            row.getparent().remove(row)
        elif properties is not None:
            for mark in properties.findall(f"w:{keep}", NS):
                properties.remove(mark)
    for paragraph in list(root.iter(f"{{{W}}}p")):
        mark = paragraph.find(f"w:pPr/w:rPr/w:{drop}", NS)
        for kept in paragraph.findall(f"w:pPr/w:rPr/w:{keep}", NS):
            kept.getparent().remove(kept)
        if mark is None:
            continue
        following = paragraph.getnext()
        content = [c for c in paragraph if c.tag != f"{{{W}}}pPr"]
        if following is not None and following.tag == f"{{{W}}}p":
            anchor = following.find("w:pPr", NS)
            for child in reversed(content):
                if anchor is not None:
                    anchor.addnext(child)
                else:
                    following.insert(0, child)
            paragraph.getparent().remove(paragraph)
        else:
            mark.getparent().remove(mark)
    for element in list(root.iter(f"{{{W}}}{drop}")):
        if element.getparent() is not None and element.getparent().tag != f"{{{W}}}rPr":
            element.getparent().remove(element)
    for element in list(root.iter(f"{{{W}}}{keep}")):
        parent = element.getparent()
        if parent.tag == f"{{{W}}}rPr":
            continue
        index = parent.index(element)
        for child in reversed(list(element)):
            parent.insert(index, child)
        parent.remove(element)
