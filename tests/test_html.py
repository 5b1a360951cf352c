"""The HTML writer and `build --format docx,html,pdf`: every block and inline of the model, the
footnotes numbered exactly as in the .docx, nothing withheld in a public page, the same bytes
twice, a real browser (headless Chromium) reading the page, and the progress bar on a terminal."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, TERUGKEERBRIEF, VERZAMELBRIEF, require_tool, run_cli
from docx_reading import footnotes
from verzamel.model import (
    BlockQuote,
    Code,
    Columns,
    Deleted,
    Document,
    Emphasis,
    Heading,
    Inserted,
    LineBreak,
    Link,
    ListBlock,
    Note,
    NoteRef,
    Paragraph,
    Redaction,
    Revised,
    SourceSpan,
    Strong,
    Table,
    Text,
    Withheld,
    WithheldBlock,
)
from verzamel.pipeline.render import RECORD
from verzamel.render.html import render_html

KINDS = ("kamerbrief", "beslisnota", "beslisnota-openbaar")
NOT_PUBLIC = ("aandringen op één gezamenlijke einddatum", "Deze onderhandelingsruimte", "J. de Vries")
SPAN = SourceSpan("sections/x.md", 1, 1)


class Page(HTMLParser):
    """The elements of a page as (tag, attributes, text inside), and its footnotes by number."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict, list[str]]] = []
        self.open: list[tuple[str, dict, list[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = (tag, dict(attrs), [])
        self.elements.append(element)
        if tag not in ("br", "hr", "meta"):
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element[2].append(data)

    def find(self, tag: str, **attrs) -> list[tuple[dict, str]]:
        return [
            (a, "".join(text))
            for t, a, text in self.elements
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def footnotes(self) -> dict[int, str]:
        notes = {}
        for attributes, text in self.find("li", role="doc-footnote"):
            notes[int(attributes["value"])] = " ".join(text.replace("↩", "").split())
        return notes


def document(blocks, notes=(), public=False) -> Document:
    return Document("beslisnota", "brief", tuple(blocks), tuple(notes), "Titel <b>", "Betreft", "Ministerie",
                    "0000000", date(2025, 11, 28), public)  # fmt: skip


EVERY_KIND = [
    Heading(1, (Text("Kop"),)),
    Heading(2, (Text("Onderkop"),)),
    Paragraph(
        (
            Text("Tekst <script>alert(1)</script> & meer "),
            Emphasis((Text("nadruk"),)),
            Strong((Text("vet"),)),
            Code("code"),
            Link("https://zoek.officielebekendmakingen.nl/kst-19637-3451.html", (Text("koppeling"),)),
            Link("javascript:alert(1)", (Text("geen koppeling"),)),
            LineBreak(),
            NoteRef("n", SPAN, number=1),
            Withheld((Text("J. de Vries"),), ("5.1.2e",)),
            Redaction(("5.1.2i",)),
            Inserted((Text("erbij"),)),
            Deleted((Text("eraf"),)),
        ),
        style="Kenmerkregel",
    ),
    ListBlock(True, ((Paragraph((Text("een"),)),), (Paragraph((Text("twee"),)),)), start=3),
    ListBlock(False, ((Paragraph((Text("punt"),)),),)),
    Table(((Text("Regeling"),), (Text("Afloop"),)), (((Text("RTB"),), (Text("2027"),)),), ("inserted", None)),
    Columns(((Paragraph((Text("links"),)),), (Paragraph((Text("rechts"),)),)), (68, 32)),
    BlockQuote((Paragraph((Text("citaat"),)),)),
    WithheldBlock((Paragraph((Text("intern overleg"),)),), ("5.1.2i",)),
    Revised("deleted", (Paragraph((Text("weg"),)),)),
]


def test_every_block_and_inline_kind_has_its_element():
    note = Note(1, "n", (Paragraph((Text("Een noot."),)),), SPAN)
    html = render_html(document(EVERY_KIND, [note])).decode()
    page = Page(html)
    assert [text for _, text in page.find("h1")] == ["Kop"] and [t for _, t in page.find("h2")] == [
        "Onderkop"
    ]
    assert "<script>" not in html and "&lt;script&gt;" in html and "<title>Titel &lt;b&gt;</title>" in html
    assert [t for _, t in page.find("em")] == ["nadruk"] and [t for _, t in page.find("strong", class_="woo")]
    assert [t for _, t in page.find("code")] == ["code"]
    assert [a["href"] for a, _ in page.find("a") if a.get("href", "").startswith("http")] == [
        "https://zoek.officielebekendmakingen.nl/kst-19637-3451.html"
    ]
    assert "javascript:" not in html and "geen koppeling" in html
    assert page.find("p", class_="Kenmerkregel") and page.find("br")
    assert page.find("a", id="fnref-1", href="#fn-1") and page.find("a", href="#fnref-1", role="doc-backlink")
    assert page.footnotes() == {1: "Een noot."}
    assert [t for _, t in page.find("mark", class_="withheld")] == ["J. de Vries [5.1.2e]"]
    assert [t for _, t in page.find("span", class_="redaction")] == ["[5.1.2i]"]
    assert [t for _, t in page.find("ins")] == ["erbij"]
    assert [t for _, t in page.find("del")][0] == "eraf"
    assert page.find("ol", start="3") and [t for _, t in page.find("li")][:2] == ["een", "twee"]
    assert [t for _, t in page.find("ul")] == ["punt"]
    assert [t for _, t in page.find("th")] == ["Regeling", "Afloop"] and page.find("tr", class_="inserted")
    assert [a["style"] for a, _ in page.find("div", class_="column")] == [
        "flex-basis: 68%",
        "flex-basis: 32%",
    ]
    assert [t for _, t in page.find("blockquote")] == ["citaat"]
    [(_, withheld)] = page.find("section", class_="withheld")
    assert withheld.startswith("Niet openbaar [5.1.2i]") and "intern overleg" in withheld
    assert [t for _, t in page.find("del", class_="block")] == ["weg"]
    assert "http" not in html.replace("https://zoek.officielebekendmakingen.nl/kst-19637-3451.html", "")


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html")
    result = run_cli("build", "--root", str(REPO), "--out", str(out), "--format", "docx,html")
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("letter", [VERZAMELBRIEF, TERUGKEERBRIEF])
@pytest.mark.parametrize("kind", KINDS)
def test_footnotes_are_numbered_as_in_the_docx(pages, letter, kind):
    in_word = {n: " ".join(text.split()) for n, text in footnotes(pages / letter / f"{kind}.docx").items()}
    in_html = Page((pages / letter / f"{kind}.html").read_text(encoding="utf-8")).footnotes()
    assert in_html == in_word and in_html


def test_nothing_withheld_reaches_a_public_page(pages):
    internal = (pages / VERZAMELBRIEF / "beslisnota.html").read_text(encoding="utf-8")
    assert all(marker in internal for marker in NOT_PUBLIC)
    for kind in ("kamerbrief", "beslisnota-openbaar"):
        public = (pages / VERZAMELBRIEF / f"{kind}.html").read_text(encoding="utf-8")
        assert not [marker for marker in NOT_PUBLIC if marker in public], kind
    assert "[5.1.2e]" in (pages / VERZAMELBRIEF / "beslisnota-openbaar.html").read_text(encoding="utf-8")


def test_pages_are_self_contained_and_the_same_bytes_twice(pages, tmp_path):
    assert run_cli("build", "--root", str(REPO), "--out", str(tmp_path), "--format", "html").exit_code == 0
    for letter in (VERZAMELBRIEF, TERUGKEERBRIEF):
        for kind in KINDS:
            html = (tmp_path / letter / f"{kind}.html").read_bytes()
            assert html == (pages / letter / f"{kind}.html").read_bytes()
            assert not re.search(rb"<(link|script|img)\b|src=|@import|url\(", html), kind
        assert not list((tmp_path / letter).glob("*.docx"))


def test_chromium_renders_the_page_with_its_footnotes(pages, tmp_path):
    chromium = require_tool("chromium")
    page = pages / VERZAMELBRIEF / "kamerbrief.html"
    flags = [
        *("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"),
        *("--disable-background-networking", "--disable-component-update"),
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [chromium, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert Page(dom).footnotes() == Page(page.read_text(encoding="utf-8")).footnotes()
    assert len(Page(dom).footnotes()) == 5
    shot = tmp_path / "kamerbrief.png"
    subprocess.run(
        [chromium, *flags, f"--screenshot={shot}", "--window-size=1000,1400", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_pdf_is_made_by_libreoffice_or_refused_before_anything_is_done(tmp_path, monkeypatch):
    require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    out = tmp_path / "out"
    result = run_cli("build", TERUGKEERBRIEF, "--root", str(REPO), "--out", str(out), "--format", "pdf", "-q")
    assert result.exit_code == 0, result.output
    text = subprocess.run([pdftotext, str(out / TERUGKEERBRIEF / "kamerbrief.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "Terugkeer van ontheemden uit Oekraïne" in text and "d.d. 28 november 2025" in text
    assert {p.name for p in (out / TERUGKEERBRIEF).iterdir()} == {f"{k}.pdf" for k in KINDS} | {RECORD}
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    result = run_cli("build", "--root", str(REPO), "--out", str(tmp_path / "none"), "--format", "docx,pdf")
    assert result.exit_code == 2 and "LibreOffice" in result.stderr
    assert not (tmp_path / "none").exists()


def test_an_unknown_format_is_refused():
    result = run_cli("build", "--root", str(REPO), "--format", "docx,odt")
    assert result.exit_code == 2 and "'odt' is not a format" in result.stderr


def _on_a_terminal(*args: str) -> str:
    """What `verzamel ARGS` prints when its output is a terminal (a pseudo-terminal here)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "VERZAMEL_TAAL": "en", "COLUMNS": "100"}
    process = subprocess.Popen(
        [sys.executable, "-m", "verzamel", *args], stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=120) == 0, output
    return output.decode("utf-8", "replace")


def test_a_build_on_a_terminal_shows_a_progress_bar_and_piped_prints_lines(tmp_path):
    shown = _on_a_terminal("build", "--root", str(REPO), "--out", str(tmp_path / "tty"))
    assert re.search(r"Writing\s+\[#+\]\s+2/2", shown) and TERUGKEERBRIEF in shown
    assert "wrote " not in shown and "8 documents written" in shown  # 6 documents, 2 publication records
    piped = run_cli("build", "--root", str(REPO), "--out", str(tmp_path / "piped"))
    assert "Writing" not in piped.output and piped.stdout.count("wrote ") == 8
