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
