"""Comparing two Documents, one kind of change at a time: the merged document gives back either
revision (as a model and as a Word redline resolved on its XML), and marks what changed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import TERUGKEERBRIEF, copy_dossier
from docx_reading import resolve_tracked_changes
from test_docx_markdown_features import FRAGMENT
from verzamel.pipeline.run import run as run_letters
from verzamel.project import open_project
from verzamel.render.docx import render_docx
from verzamel.render.text import render_text
from verzamel.review.changes import paragraph_changes
from verzamel.review.compare import compare, view
from verzamel.review.diff import Stamp, compare_documents
from verzamel.review.textconv import docx_text
from verzamel.sources import load_sources

# (what the case is, text in the fragment, what it becomes, the change kinds expected)
CASES = [
    ("emphasis becomes bold", "*nadruk*", "**nadruk**", {"changed"}),
    ("words in a link", "[koppeling](https://www.rijksoverheid.nl)", "[de koppeling](https://www.rijksoverheid.nl)",
     {"changed"}),
    ("a list item added", "  - ingesprongen punt\n", "  - ingesprongen punt\n- derde punt\n", {"added"}),
    ("an item taking over a nested list", "- tweede punt\n", "- tweede punt\n- derde punt\n",
     {"added", "moved"}),
    ("a list item removed", "- eerste punt\n", "", {"removed"}),
    ("a nested item changed", "ingesprongen punt", "ingesprongen regel", {"changed"}),
    ("a table cell", "maart 2027", "maart 2028", {"changed"}),
    ("a table row added", "| HAR+ | *onbekend* |\n", "| HAR+ | *onbekend* |\n| Nieuw | 2029 |\n",
     {"added"}),
    ("a table row removed", "| RTB | maart 2027 |\n", "", {"removed"}),
    ("a footnote reference added", "Tussen twee lijsten.", "Tussen twee lijsten.[^lokaal]", {"changed"}),
    ("a footnote reference removed", "Nog een verwijzing.[^lokaal]", "Nog een verwijzing.", {"changed"}),
    ("a heading", "## Tussenkop", "## Tussenkop twee", {"changed"}),
    ("a paragraph rewritten", "Tussen twee lijsten.", "Volkomen andere woorden staan hier nu.",
     {"added", "removed"}),
    ("a paragraph added", "Tussen twee lijsten.\n", "Tussen twee lijsten.\n\nEen nieuwe alinea.\n",
     {"added"}),
    ("a line break", "Tussen twee lijsten.", "Tussen twee  \nlijsten.", {"changed"}),
]  # fmt: skip


def _kamerbrief(dossier: Path, fragment: str):
    (dossier / "sections" / "opmaak.md").write_text(fragment, encoding="utf-8")
    project = open_project(dossier)
    run = run_letters(project, load_sources(project), [TERUGKEERBRIEF])
    check = run.letters[TERUGKEERBRIEF]
    assert not check.failed, run.diagnostics
    return project, next(d for d in check.documents if d.kind == "kamerbrief")


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> Path:
    root = copy_dossier(tmp_path_factory.mktemp("compare") / "dossier")
    manifest = root / "letters" / f"{TERUGKEERBRIEF}.yaml"
    manifest.write_text(
        manifest.read_text().replace("    - terugkeer\n", "    - opmaak\n    - terugkeer\n", 1)
    )
    return root


@pytest.mark.parametrize(("case", "old", "new", "kinds"), CASES, ids=[c[0] for c in CASES])
def test_a_change_is_marked_and_either_revision_comes_back(dossier, tmp_path, case, old, new, kinds):
    assert old in FRAGMENT
    project, before = _kamerbrief(dossier, FRAGMENT)
    _, after = _kamerbrief(dossier, FRAGMENT.replace(old, new, 1))
    merged = compare(before, after)
    assert render_text(view(merged.document, accept=True)) == render_text(after)
    assert render_text(view(merged.document, accept=False)) == render_text(before)
    assert {c.kind for c in paragraph_changes(merged)} == kinds
    shown = render_text(merged.document).decode()
    assert "[-" in shown or "{+" in shown
    # The same in Word: the redline, resolved on its XML, is the document of either revision.
    reference = project.find_template("kamerbrief.docx")
    redline = tmp_path / "redline.docx"
    redline.write_bytes(render_docx(merged.document, reference, Stamp("Tester", datetime(2025, 12, 12))))
    for accept, document in ((True, after), (False, before)):
        plain = tmp_path / "plain.docx"
        plain.write_bytes(render_docx(document, reference))
        resolved = resolve_tracked_changes(redline, tmp_path / "resolved.docx", accept)
        assert docx_text(resolved) == docx_text(plain), (case, accept)


def test_identical_documents_have_no_changes(dossier):
    _, document = _kamerbrief(dossier, FRAGMENT)
    result = compare_documents(document, document)
    assert result.status == "unchanged" and result.changes == []
    assert result.merged.document.blocks == document.blocks


# ---- any two documents: either comes back from the merge ---------------------------------------

WORDS = ["de", "Kamer", "brief", "nr.", "3451", ",", "RTB", "ontheemden"]


def _paragraph(draw_words):
    from verzamel.model import Paragraph, Strong, Text

    inlines = [Strong((Text(w),)) if bold else Text(w) for w, bold in draw_words]
    spaced = []
    for n, inline in enumerate(inlines):
        spaced.extend([Text(" ")] if n else [])
        spaced.append(inline)
    return Paragraph(tuple(spaced))


def _words(paragraphs):
    from verzamel.review.tokens import tokens

    return [[t.key for t in tokens(p.inlines)] for p in paragraphs]


paragraphs = st.lists(
    st.lists(st.tuples(st.sampled_from(WORDS), st.booleans()), min_size=1, max_size=8).map(_paragraph),
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(old=paragraphs, new=paragraphs)
def test_any_two_documents_come_back_from_their_merge(old, new):
    from verzamel.model import Document

    def document(blocks):
        return Document(
            "kamerbrief", "brief", tuple(blocks), (), "", "", "", "", datetime(2025, 1, 1).date(), True
        )

    merged = compare(document(old), document(new)).document
    assert _words(view(merged, accept=True).blocks) == _words(new)
    assert _words(view(merged, accept=False).blocks) == _words(old)


# (old sentence, new sentence, the words changed as `verzamel diff` shows them)
FIGURES = [
    ("er zijn ruim 82.000 mensen opgevangen", "er zijn ongeveer 81.500 mensen opgevangen",
     "er zijn [-ruim-]{+ongeveer+} [-82.000-]{+81.500+} mensen opgevangen"),
    ("circa 82.000 mensen", "circa 81.500 mensen", "circa [-82.000-]{+81.500+} mensen"),
    ("een stijging van 12,5%.", "een stijging van 12,75%.", "een stijging van [-12,5%-]{+12,75%+}."),
    ("een stijging van 12,5 %.", "een stijging van 13 %.", "een stijging van [-12,5 %-]{+13 %+}."),
    ("kost € 1,5 mln per jaar", "kost € 2,25 mln per jaar", "kost [-€ 1,5 mln-]{+€ 2,25 mln+} per jaar"),
    ("kost € 1,5 mln per jaar", "kost € 1,5 mld per jaar", "kost [-€ 1,5 mln-]{+€ 1,5 mld+} per jaar"),
    ("ruim 2,3 miljard euro", "ruim 2,4 miljard euro", "ruim [-2,3 miljard-]{+2,4 miljard+} euro"),
    ("1.234.567,89 euro", "1.234.568,01 euro", "[-1.234.567,89-]{+1.234.568,01+} euro"),
    ("om 10.30 uur", "om 11.00 uur", "om [-10.30-]{+11.00+} uur"),
    ("in 2025 en 2026", "in 2025 en 2027", "in 2025 en [-2026-]{+2027+}"),
    ("vergaderjaar 2024-2025", "vergaderjaar 2025-2026", "vergaderjaar [-2024-]{+2025+}-[-2025-]{+2026+}"),
    ("stuk 19637, nr. 3451.", "stuk 19637, nr. 3480.", "stuk 19637, nr. [-3451-]{+3480+}."),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "shown"), FIGURES, ids=[case[1] for case in FIGURES])
def test_a_figure_is_one_word_in_the_comparison(old, new, shown):
    from verzamel.model import Document, Paragraph, Text
    from verzamel.model.text import inline_text

    def document(text):
        blocks = (Paragraph((Text(text),)),)
        return Document("kamerbrief", "brief", blocks, (), "", "", "", "", datetime(2025, 1, 1).date(), True)

    (merged,) = compare(document(old), document(new)).document.blocks
    assert inline_text(merged.inlines) == shown
