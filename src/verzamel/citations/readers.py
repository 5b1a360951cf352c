"""The text reviewers receive, in parts with a place each: for `verzamel refs scan`.

A plain-text file is one part (places are line and column). A `.docx` is read with the standard
library (no python-docx, so `refs` stays light): one part per body paragraph, numbered in reading
order, and one per footnote, numbered as Word shows it (by the order of its reference in the body).
A PDF is one part per page, read with pypdf (the optional `pdf` extra).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from ..archive import MAX_PART, ArchiveRefused, open_zip, read_part
from ..messages import t

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Part:
    text: str
    place: dict  # {"paragraph": 3} | {"footnote": 2} | {"page": 1} | {} for a text file


class Unreadable(Exception):
    """The file cannot be read as the kind its name says; the message says why, for the user."""


def read_parts(path: Path) -> list[Part]:
    if not path.is_file():  # a pipe or a device (/dev/zero) would never end
        raise Unreadable(t("refs.not_plain_file", file=str(path)))
    if path.stat().st_size > MAX_PART:
        raise Unreadable(t("refs.too_large", file=str(path), limit=MAX_PART // 2**20))
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_parts(path)
    if suffix == ".pdf":
        return pdf_parts(path)
    return [Part(path.read_text(encoding="utf-8", errors="replace"), {})]


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    out = []
    for node in paragraph.iter():
        if node.tag == f"{W}t" and node.text:
            out.append(node.text)
        elif node.tag == f"{W}tab":
            out.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
    return "".join(out)


def docx_parts(path: Path) -> list[Part]:
    try:
        with open_zip(path) as archive:  # raises ArchiveRefused for a zip bomb
            body = ElementTree.fromstring(read_part(archive, "word/document.xml"))
            names = set(archive.namelist())
            notes = (
                ElementTree.fromstring(read_part(archive, "word/footnotes.xml"))
                if "word/footnotes.xml" in names
                else None
            )
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ArchiveRefused) as error:
        raise Unreadable(t("refs.not_docx", file=str(path), error=str(error))) from error
    parts = []
    shown: dict[str, int] = {}  # footnote id -> the number Word shows
    paragraphs = body.iter(f"{W}p")
    for number, paragraph in enumerate(paragraphs, start=1):
        for ref in paragraph.iter(f"{W}footnoteReference"):
            shown.setdefault(ref.get(f"{W}id"), len(shown) + 1)
        text = _paragraph_text(paragraph)
        if text.strip():
            parts.append(Part(text, {"paragraph": number}))
    if notes is not None:
        by_number = []
        for note in notes.iter(f"{W}footnote"):
            if note.get(f"{W}id") in shown:
                text = "\n".join(_paragraph_text(p) for p in note.iter(f"{W}p"))
                by_number.append(Part(text, {"footnote": shown[note.get(f"{W}id")]}))
        parts += sorted(by_number, key=lambda part: part.place["footnote"])
    return parts


def pdf_parts(path: Path) -> list[Part]:
    try:
        import pypdf
    except ImportError as error:
        raise Unreadable(t("refs.pdf_needs_pypdf")) from error
    try:
        reader = pypdf.PdfReader(path)
        return [
            Part(page.extract_text() or "", {"page": number})
            for number, page in enumerate(reader.pages, start=1)
        ]
    except pypdf.errors.PyPdfError as error:  # a broken file, or one past pypdf's own limits (a bomb)
        raise Unreadable(t("refs.not_pdf", file=str(path), error=str(error))) from error
