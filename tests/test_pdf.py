"""`build --format pdf`: tagged, accessible and archivable PDFs, read back with pypdf.

What is read: the structure tree (headings in reading order, no figure: the logo an artifact),
MarkInfo, the document language, the XMP identification as PDF/A-2b and PDF/UA-1, the embedded fonts
and output intent PDF/A needs, the title (in the Info dictionary, the XMP metadata and shown in the
window bar), and the bookmarks against the headings of the document model. pypdf, a test dependency
already, reads all of it; pikepdf would need qpdf and add nothing here. No PDF/A or PDF/UA validator
can be installed here (veraPDF is on neither PyPI nor Debian): docs/publication.md says what is
checked and what is not.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject

import verzamel.render.pdf
from conftest import REPO, TERUGKEERBRIEF, VERZAMELBRIEF, require_tool, run_cli
from verzamel.model import Heading, visit
from verzamel.model.text import inline_text
from verzamel.pipeline.render import RECORD
from verzamel.pipeline.run import run as run_letters
from verzamel.pipeline.sent import letter_documents
from verzamel.project import open_project
from verzamel.sources import load_sources

LETTERS = (VERZAMELBRIEF, TERUGKEERBRIEF)
KINDS = ("kamerbrief", "beslisnota", "beslisnota-openbaar")
XMP = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> Path:
    """The example dossier built as PDF (the sent letter from its lock)."""
    require_tool("soffice")
    out = tmp_path_factory.mktemp("pdf")
    result = run_cli("build", "--root", str(REPO), "--out", str(out), "--format", "pdf", "-q")
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def documents() -> dict[tuple[str, str], object]:
    """Each letter's documents as the model has them (the sent one as made from its lock)."""
    project = open_project(REPO)
    checked = run_letters(project, load_sources(project), list(LETTERS))
    found = {}
    for letter in LETTERS:
        made, problems = letter_documents(project, checked.letters[letter])
        assert not problems
        found.update({(letter, d.kind): d for d in made})
    return found


CASES = [(letter, kind) for letter in LETTERS for kind in KINDS]


def _open(pdfs: Path, letter: str, kind: str) -> PdfReader:
    return PdfReader(pdfs / letter / f"{kind}.pdf")


def _xmp(reader: PdfReader) -> ET.Element:
    return ET.fromstring(reader.trailer["/Root"]["/Metadata"].get_object().get_data())


def _headings(document) -> list[tuple[int, str]]:
    found = []

    def heading(node, context):
        if isinstance(node, Heading):
            found.append((node.level, inline_text(node.inlines)))
        return context

    visit(document.blocks, heading)
    return found


def _structure(node, found: list[DictionaryObject]) -> list[DictionaryObject]:
    """Every structure element under `node`, in reading order."""
    node = node.get_object()
    kids = node.get("/K") if isinstance(node, DictionaryObject) else None
    if isinstance(node, DictionaryObject) and "/S" in node:
        found.append(node)
    for kid in kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []:
        if isinstance(kid.get_object(), DictionaryObject):
            _structure(kid, found)
    return found


def _pictures_drawn(page) -> list[list[str]]:
    """For each picture drawn on `page`, the marked content it is drawn in (innermost last)."""
    marked: list[str] = []
    drawn = []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator in (b"BMC", b"BDC"):
            marked.append(str(operands[0]))
        elif operator == b"EMC" and marked:
            marked.pop()
        elif operator == b"Do" and page["/Resources"]["/XObject"][operands[0]]["/Subtype"] == "/Image":
            drawn.append(list(marked))
    return drawn


def _outline(items, depth: int = 0) -> list[tuple[int, str]]:
    found = []
    for item in items:
        found += _outline(item, depth + 1) if isinstance(item, list) else [(depth, item.title)]
    return found


@pytest.mark.parametrize(("letter", "kind"), CASES)
def test_the_pdf_is_tagged_with_the_headings_in_reading_order_and_bookmarked(pdfs, documents, letter, kind):
    reader = _open(pdfs, letter, kind)
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True  # a BooleanObject: bool() of it is always True
    elements = _structure(catalog["/StructTreeRoot"], [])
    roles = [element["/S"] for element in elements]
    assert roles[0] == "/Document"
    headings = _headings(documents[(letter, kind)])
    assert headings
    assert [r for r in roles if r in ("/H", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6")] == [
        f"/H{level}" for level, _ in headings
    ]
    assert roles.count("/Note") == len(documents[(letter, kind)].notes)  # each footnote, tagged as one
    # PDF/UA: a picture in the text says what it is; verzamel puts none there (a Markdown image
    # becomes its alternative text), so the one picture, the letterhead's logo, must be an artifact
    # that is not read out on every page (the sent letter's house style had no logo)
    assert [e for e in elements if e["/S"] == "/Figure"] == []
    logo = [["/Artifact"]] if letter == TERUGKEERBRIEF else []
    assert _pictures_drawn(reader.pages[0]) == logo
    top = min(level for level, _ in headings)
    assert _outline(reader.outline) == [(level - top, text) for level, text in headings]


@pytest.mark.parametrize(("letter", "kind"), CASES)
def test_the_pdf_says_it_is_pdfa_2b_and_pdfua_1_and_has_what_pdfa_asks(pdfs, letter, kind):
    reader = _open(pdfs, letter, kind)
    xmp = _xmp(reader)
    assert xmp.findtext(".//pdfaid:part", namespaces=XMP) == "2"
    assert xmp.findtext(".//pdfaid:conformance", namespaces=XMP) == "B"
    assert xmp.findtext(".//pdfuaid:part", namespaces=XMP) == "1"
    catalog = reader.trailer["/Root"]
    [intent] = catalog["/OutputIntents"]
    assert intent.get_object()["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent.get_object()
    assert not reader.is_encrypted
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        described = font if "/FontDescriptor" in font else font["/DescendantFonts"][0].get_object()
        descriptor = described["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]  # embedded


@pytest.mark.parametrize(("letter", "kind"), CASES)
def test_the_pdf_has_the_documents_title_and_shows_it(pdfs, documents, letter, kind):
    reader = _open(pdfs, letter, kind)
    title = documents[(letter, kind)].title
    assert reader.metadata.title == title
    assert _xmp(reader).findtext(".//dc:title/rdf:Alt/rdf:li", namespaces=XMP) == title
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"].value is True


@pytest.mark.parametrize("kind", KINDS)
def test_the_pdf_is_in_dutch(pdfs, kind):
    """The language is the .docx's (its default run properties); LibreOffice gives it to the PDF."""
    assert _open(pdfs, TERUGKEERBRIEF, kind).trailer["/Root"]["/Lang"] == "nl-NL"


@pytest.mark.parametrize("kind", KINDS)
def test_a_sent_letters_pdf_has_the_language_of_the_docx_as_sent(pdfs, built, kind):
    """A sent letter's .docx keeps the bytes it was sent with (its lock), language included; its
    PDF, which the lock does not record, says what that .docx says."""
    with zipfile.ZipFile(built / VERZAMELBRIEF / f"{kind}.docx") as docx:
        styles = docx.read("word/styles.xml").decode("utf-8")
    sent = re.search(r"<w:docDefaults>.*?<w:lang w:val=\"([^\"]+)\"", styles, re.S)[1]
    assert _open(pdfs, VERZAMELBRIEF, kind).trailer["/Root"]["/Lang"] == sent


def test_the_record_describes_the_pdfs_of_the_public_documents(pdfs):
    record = (pdfs / TERUGKEERBRIEF / RECORD).read_text(encoding="utf-8")
    assert "<loc>kamerbrief.pdf</loc>" in record and "<loc>beslisnota-openbaar.pdf</loc>" in record
    assert "file-type/PDF" in record and ".docx" not in record
    lock = (REPO / "letters" / f"{VERZAMELBRIEF}.lock").read_text(encoding="utf-8")
    assert ".pdf" not in lock  # the sent letter was built from its lock, which names its .docx only


def test_a_libreoffice_that_ignores_the_export_options_is_refused(tmp_path, monkeypatch):
    """An older LibreOffice (before 7.4) does not read the options: its plain PDF is no PDF/A."""
    require_tool("soffice")
    monkeypatch.setattr(verzamel.render.pdf, "FILTER", "pdf")
    out = tmp_path / "out"
    result = run_cli("build", TERUGKEERBRIEF, "--root", str(REPO), "--out", str(out), "--format", "pdf")
    assert result.exit_code == 1
    assert (
        "OUT001" in result.stderr and "kamerbrief.pdf is no PDF/A: LibreOffice 7.4 or later" in result.stderr
    )
    assert not (out / TERUGKEERBRIEF).exists()
