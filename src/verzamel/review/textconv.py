"""The text of any .docx, one paragraph per line, footnotes after the body: what `git diff` shows.

Reads the zip with the standard library only (no python-docx), so it is quick enough to run for
every file git compares, and works on documents verzamel did not make. Tracked changes are shown
as accepted (deleted words are left out); empty paragraphs are skipped.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ..archive import open_zip, read_part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = "word/document.xml"
FOOTNOTES = "word/footnotes.xml"


class NotADocx(Exception):
    """The file is not a Word document (no zip, or no word/document.xml in it)."""


def _paragraph_text(paragraph, numbers: dict[str, int]) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif node.tag == f"{W}footnoteReference" and node.get(f"{W}customMarkFollows") not in ("1", "true"):
            note_id = node.get(f"{W}id") or ""
            numbers.setdefault(note_id, len(numbers) + 1)
            parts.append(f"[{numbers[note_id]}]")
    return "".join(parts).strip()


def docx_text(path: Path) -> str:
    """Body paragraphs (table cells too) in reading order, then `---` and `[n] note` per footnote,
    numbered in order of reference as Word numbers them."""
    try:
        with open_zip(path) as package:  # raises ArchiveRefused for a zip bomb
            body = ElementTree.fromstring(read_part(package, BODY))
            names = set(package.namelist())
            notes_root = ElementTree.fromstring(read_part(package, FOOTNOTES)) if FOOTNOTES in names else None
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise NotADocx(str(exc)) from None
    numbers: dict[str, int] = {}
    lines = [text for p in body.iter(f"{W}p") if (text := _paragraph_text(p, numbers))]
    if numbers and notes_root is not None:
        notes = {n.get(f"{W}id"): n for n in notes_root.iter(f"{W}footnote")}
        lines.append("---")
        for note_id, number in numbers.items():
            note = notes.get(note_id)
            paragraphs = note.iter(f"{W}p") if note is not None else ()
            text = " ".join(t for p in paragraphs if (t := _paragraph_text(p, {})))
            lines.append(f"[{number}] {text}")
    return "\n".join(lines) + "\n"
