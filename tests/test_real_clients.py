"""Other programs read what verzamel writes: pandoc parses the .docx, LibreOffice lays it out.

In CI (CI=true) a missing pandoc or LibreOffice fails these tests; elsewhere they are skipped.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import OUTPUT_NAMES, TERUGKEERBRIEF, VERZAMELBRIEF, require_tool
from docx_reading import footnotes, text_before_references, words

LETTERS = (VERZAMELBRIEF, TERUGKEERBRIEF)


def _pandoc_notes(path) -> list[str]:
    """The text of every footnote pandoc finds, in order."""
    pandoc = require_tool("pandoc")
    ast = json.loads(
        subprocess.run(
            [pandoc, "-f", "docx", "-t", "json", str(path)], check=True, capture_output=True, text=True
        ).stdout
    )
    notes: list[str] = []

    def text_of(node) -> str:
        if isinstance(node, dict):
            if node.get("t") == "Str":
                return node["c"]
            if node.get("t") in ("Space", "SoftBreak", "LineBreak"):
                return " "
            return text_of(node.get("c", []))
        if isinstance(node, list):
            return "".join(text_of(n) for n in node)
        return ""

    def walk(node):
        if isinstance(node, dict):
            if node.get("t") == "Note":
                notes.append(" ".join(text_of(node["c"]).split()))
                return
            walk(node.get("c", []))
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(ast["blocks"])
    return notes


@pytest.mark.parametrize("letter", LETTERS)
@pytest.mark.parametrize("name", OUTPUT_NAMES)
def test_pandoc_reads_the_footnotes(built, letter, name):
    path = built / letter / name
    expected = [" ".join(text.split()) for _, text in sorted(footnotes(path).items())]
    assert expected, "every example document has footnotes"
    assert _pandoc_notes(path) == expected


@pytest.mark.parametrize("letter", LETTERS)
@pytest.mark.parametrize("name", OUTPUT_NAMES)
def test_libreoffice_puts_footnotes_at_the_foot_of_their_page(built, pdf_text, letter, name):
    pages = [" ".join(page.split()) for page in pdf_text[(letter, name)]]
    assert any("Pagina 1 van" in page for page in pages)
    notes = footnotes(built / letter / name)
    contexts = text_before_references(built / letter / name)
    note_words = set(words(" ".join(notes.values())))
    for number, text in sorted(notes.items()):
        start = " ".join(text.split())[:60]
        on_pages = [page for page in pages if start in page]
        assert on_pages, f"footnote {number} is not in the PDF"
        page = on_pages[0]
        assert contexts[number] in page, f"footnote {number} is not on the page of its reference"
        # Between the note and the page number stand only footnotes: it is at the foot.
        below = page[page.index(start) : page.index("Pagina ")]
        stray = {w for w in words(below) if w not in note_words and not w.isdigit()}
        assert not stray, f"footnote {number} has body text below it: {sorted(stray)[:5]}"
