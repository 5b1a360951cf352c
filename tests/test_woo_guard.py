"""The leak guard: the last step before a public file is written reads its bytes back.

Redaction leaves no withheld text for a writer to print, so the guard finds nothing in a normal
build. These tests break a writer on purpose, or make a file the redaction never saw (a redline
of a public document), and check that the guard refuses it at the passage's source line.
"""

from __future__ import annotations

import sys

import pytest

import verzamel.pipeline.build
from conftest import (
    REPO,
    TERUGKEERBRIEF,
    VERZAMELBRIEF,
    dossier_in_git,
    run_cli,
)
from verzamel.model import SourceSpan
from verzamel.pipeline.run import run as run_letters
from verzamel.project import open_project
from verzamel.sources import load_sources
from verzamel.woo import guard
from verzamel.woo.needles import needles as needles_of
from verzamel.woo.secrets import Secret, secrets

CONTACT = f"letters/{VERZAMELBRIEF}.yaml:29:20"  # [J. de Vries]{woo=5.1.2e} (M. Bakker in a copy)
EU_FRAGMENT = f"letters/{VERZAMELBRIEF}.yaml:62:7"  # niet-openbaar-eu-inzet, withheld whole
ITS_NOTE = "sections/beslisnota/niet-openbaar-eu-inzet.md:13:1"  # the footnote only it refers to


def test_a_writer_that_prints_withheld_text_is_stopped_and_nothing_is_written(dossier, monkeypatch):
    """A writer bug is simulated: the public beslisnota gets the bytes of the internal one."""
    real = verzamel.pipeline.build.document_files

    def leaking(*args, **kwargs):
        files = dict(real(*args, **kwargs))
        if "beslisnota-openbaar.docx" in files and "beslisnota.docx" in files:
            files["beslisnota-openbaar.docx"] = files["beslisnota.docx"]
        return list(files.items())

    monkeypatch.setattr(verzamel.pipeline.build, "document_files", leaking)
    out = dossier / "out"
    result = run_cli("build", "--root", str(dossier), "--out", str(out))
    assert result.exit_code == 1
    refused = [line for line in result.stderr.splitlines() if " WOO008 " in line]
    assert [line.split(" error ")[0] for line in refused] == [
        f"{CONTACT}:",
        f"{EU_FRAGMENT}:",
        f"{ITS_NOTE}:",
    ]
    assert "beslisnota-openbaar.docx (word/document.xml): 'M. Bakker'" in refused[0]
    assert not (out / VERZAMELBRIEF).exists()  # all or nothing: not even the Kamerbrief
    assert (out / TERUGKEERBRIEF / "beslisnota-openbaar.docx").is_file()  # it withholds nothing


def test_every_part_of_a_file_is_read_and_text_split_over_runs_is_found():
    project = open_project(REPO)
    check = run_letters(project, load_sources(project), [TERUGKEERBRIEF]).letters[TERUGKEERBRIEF]
    internal = next(d for d in check.documents if d.kind == "beslisnota")
    secret = Secret("Jantje Geheimstra 82.000", ("5.1.2e",), SourceSpan("x.md", 3, 1))
    needles = needles_of([secret])
    assert {n.words for n in needles} == {
        ("jantje", "geheimstra", "82000"),  # the passage, in any case, its figure's digits joined
        ("82000",),
        ("Jantje",),
        ("JANTJE",),
        ("Geheimstra",),
        ("GEHEIMSTRA",),
    }
    data = verzamel.pipeline.build.document_files(project, [internal])[0][1]
    assert guard.find_leaks([("b.docx", data)], needles) == []
    split = _edited(
        data,
        "word/document.xml",
        b"<w:t>Het kabinet",
        b'<w:t>Jantje</w:t></w:r><w:r><w:t xml:space="preserve"> Geheim&#173;stra 82.000',
    )
    found = {(leak.part, leak.needle.shown) for leak in guard.find_leaks([("b.docx", split)], needles)}
    assert found == {("word/document.xml", "Jantje Geheimstra 82.000")}  # one leak per secret and part
    for text, expected in [
        (b"<cp:keywords>Geheimstra</cp:keywords>", True),  # metadata
        (b'<wp:docPr id="1" descr="foto van Jantje"/>', True),  # an attribute
        (b'<wp:docPr id="1" descr="foto van \'t huis van Jantje"/>', True),  # an apostrophe in it
        (b"<a title='het \"dossier\" Geheimstra'>x</a>", True),  # quotes of the other kind in it
        (b"<p>82.000</p>", True),
        (b"<!-- Jantje Geheimstra --><p>x</p>", True),  # a comment, read by whoever opens the file
        (b"<p>geheimstra</p>", False),  # a name in another case is another word
        (b"<p>JANTJE GEHEIMSTRA 82,000</p>", True),  # the whole passage, in any case and separator
        (b"<p>82.0001</p>", False),
        (b"<p>Geheimstraat</p>", False),
    ]:
        assert bool(guard.find_leaks([("x.html", text)], needles)) is expected, text


def _edited(data: bytes, part: str, old: bytes, new: bytes) -> bytes:
    """A .docx with one part edited, as a writer bug could have written it."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            target.writestr(name, content.replace(old, new) if name == part else content)
    return out.getvalue()


def test_a_pdf_that_cannot_be_read_back_is_not_written(monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdf", None)  # as if it were not installed
    secret = Secret("Geheimstra", ("5.1.2e",), SourceSpan("x.md"))
    found = guard.guard([], [("kamerbrief.pdf", b"%PDF-1.7")], SourceSpan("letters/x.yaml"))
    assert found == []  # nothing withheld: nothing to look for
    found = guard.guard(_withholding(secret), [("kamerbrief.pdf", b"%PDF-1.7")], SourceSpan("letters/x.yaml"))
    assert [(d.rule, str(d.span)) for d in found] == [("WOO008", "letters/x.yaml:1:1")]
    assert "pypdf" in found[0].message


def _pdf(where: str, text: str) -> bytes:
    """A one-page PDF with `text` only in one place outside the page's text: a link's address, a
    bookmark, or a picture's alternative text in the structure tree."""
    import io

    from pypdf import PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    if where == "link":
        writer.add_annotation(0, Link(rect=(10, 10, 50, 20), url=text))
    elif where == "bookmark":
        writer.add_outline_item(title=text, page_number=0)
    else:
        figure = DictionaryObject(
            {NameObject("/S"): NameObject("/Figure"), NameObject("/Alt"): TextStringObject(text)}
        )
        tree = DictionaryObject(
            {NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): ArrayObject([figure])}
        )
        writer.root_object[NameObject("/StructTreeRoot")] = tree
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("where", ["link", "bookmark", "alt"])
def test_a_pdf_is_read_beyond_its_pages_and_metadata(where):
    """What a reader of a PDF sees or follows besides its page text: a writer bug that put a withheld
    name there is found like one on the page."""
    needles = needles_of([Secret("Jantje Geheimstra", ("5.1.2e",), SourceSpan("x.md", 3, 1))])
    assert guard.find_leaks([("x.pdf", _pdf(where, "Nog niet bekend"))], needles) == []
    text = "mailto:jantje.geheimstra@minaenm.nl" if where == "link" else "Brief aan Jantje Geheimstra"
    assert guard.find_leaks([("x.pdf", _pdf(where, text))], needles) != []


def _withholding(secret):
    """A complete document that withholds `secret`'s text."""
    from datetime import date

    from verzamel.model import Document, Paragraph, Text, Withheld

    blocks = (Paragraph((Withheld((Text(secret.text),), secret.grounds, secret.span),)),)
    return [Document("beslisnota", "x", blocks, (), "t", "s", "a", "k", date(2025, 1, 1), False)]


def test_section_5_1_names_the_fragment_never_the_withheld_words(dossier):
    fragment = dossier / "sections/beslisnota/toelichting-terugkeer.md"
    text = fragment.read_text(encoding="utf-8")
    fragment.write_text(text + "\n## Overleg met [Gemeente Geheimstad]{woo=5.1.2i}\n\nTekst.\n", "utf-8")
    out = dossier / "out"
    result = run_cli("build", TERUGKEERBRIEF, "--root", str(dossier), "--out", str(out))
    assert result.exit_code == 0, result.output
    for name in ("beslisnota", "beslisnota-openbaar"):
        shown = run_cli("show", TERUGKEERBRIEF, "--root", str(dossier), "--document", name).stdout
        listed = next(line for line in shown.splitlines() if line.startswith("- 5.1.2i, "))
        assert listed.endswith("(artikel 5.1, tweede lid, onder i, Woo): een passage in ‘Terugkeer’.")
        assert "Geheimstad" not in listed
    assert (
        "Geheimstad" not in run_cli("textconv", str(out / TERUGKEERBRIEF / "beslisnota-openbaar.docx")).stdout
    )


def test_a_redline_of_a_public_document_that_would_show_withheld_text_is_not_written(tmp_path):
    """Withholding a sentence that was public: the public redline would show it as deleted."""
    root = dossier_in_git(tmp_path / "dossier")
    fragment = root / "sections/beslisnota/toelichting-terugkeer.md"
    sentence = "Over de hoofdlijnen van het terugkeerbeleid is de Kamer eerder geïnformeerd."
    text = fragment.read_text(encoding="utf-8")
    fragment.write_text(text.replace(sentence, f"[{sentence}]{{woo=5.1.2i}}"), "utf-8")
    out = tmp_path / "redlines"
    result = run_cli("diff", TERUGKEERBRIEF, "--root", str(root), "--docx", str(out))
    assert result.exit_code == 1, result.output
    assert (out / TERUGKEERBRIEF / "beslisnota.redline.docx").is_file()  # internal: it shows all
    assert not (out / TERUGKEERBRIEF / "beslisnota-openbaar.redline.docx").exists()
    line = text[: text.index(sentence)].count("\n") + 1
    assert f"sections/beslisnota/toelichting-terugkeer.md:{line}:1: error WOO008" in result.stderr
    assert "beslisnota-openbaar.redline.docx (word/document.xml)" in result.stderr


@pytest.mark.parametrize("letter", [VERZAMELBRIEF, TERUGKEERBRIEF])
def test_the_example_passes_the_guard_as_it_is(built, letter):
    """No false alarm on the example: its public files hold nothing it withholds."""
    project = open_project(REPO)
    check = run_letters(project, load_sources(project), [letter]).letters[letter]
    from verzamel.pipeline.sent import letter_documents

    documents, _ = letter_documents(project, check)
    files = [
        (p.name, p.read_bytes()) for p in sorted((built / letter).glob("*.docx")) if p.stem != "beslisnota"
    ]
    assert guard.guard(documents, files, SourceSpan("x")) == []
    looked_for = needles_of(secrets(documents))
    assert bool(looked_for) is (letter == VERZAMELBRIEF)
