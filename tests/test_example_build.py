"""End to end on the example dossier: the built .docx files, read back part by part."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import pytest

from conftest import OUTPUT_NAMES, REPO, SEED, TERUGKEERBRIEF, VERZAMELBRIEF
from docx_reading import all_part_bytes, footnote_reference_ids, footnotes, paragraphs, words
from verzamel.pipeline.render import RECORD

SEED_HEADINGS = [
    "1. Aanleiding",
    "2. Geadviseerd besluit",
    "3. Kernpunten",
    "4. Toelichting",
    "EU-Exit-strategie uit Tijdelijke Bescherming",
    "Transitiedocument",
    "Doelgroepflexibele regeling",
    "Terugkeer",
    "Appreciatie SEO-rapport",
    "Appreciatie WODC-rapport",
    "Appreciatie Rapport instituut Clingendael “Geen weg terug? Oekraïense ontheemden tussen hoop "
    "en realiteit”",
    "5. Informatie die niet openbaar gemaakt kan worden",
    "5.1. Toelichting",
]


def split_seed() -> tuple[str, list[str]]:
    """The seed's body text and its footnotes. In the PDF text each page's footnotes follow a
    whitespace-only line, each starting with the next note number; the page after resumes with
    a line that starts with a space."""
    body: list[str] = []
    notes: list[str] = []
    in_notes = False
    previous_blank = False
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        number, _, rest = line.partition(" ")
        starts_next_note = number == str(len(notes) + 1) and rest.strip()
        if starts_next_note and (in_notes or previous_blank):
            in_notes = True
            notes.append(rest)
        elif in_notes and line.startswith(" ") and line.strip():
            in_notes = False
            body.append(line)
        elif in_notes:
            notes[-1] += " " + line
        else:
            body.append(line)
        previous_blank = not line.strip()
    return "\n".join(body), [" ".join(n.split()) for n in notes]


def in_order_share(expected: list[str], actual: list[str]) -> float:
    matcher = SequenceMatcher(None, expected, actual, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(expected)


def test_seed_splitter_finds_the_five_footnotes():
    _, notes = split_seed()
    assert len(notes) == 5
    assert notes[0].startswith("Kamerstukken II, 2024-2025, 19637, nr. 3451")
    assert notes[4].endswith("Kamerstuk 19637, nr. 3451.")


def test_every_letter_gets_three_documents(built):
    for letter in (VERZAMELBRIEF, TERUGKEERBRIEF):
        for name in OUTPUT_NAMES:
            assert (built / letter / name).stat().st_size > 5000


@pytest.mark.parametrize("letter", [VERZAMELBRIEF, TERUGKEERBRIEF])
@pytest.mark.parametrize("name", OUTPUT_NAMES)
def test_footnote_references_and_definitions_match(built, letter, name):
    path = built / letter / name
    referenced = footnote_reference_ids(path)
    defined = footnotes(path)
    assert referenced == sorted(referenced), "notes are numbered in order of reference"
    assert referenced == list(range(1, len(referenced) + 1))
    assert set(referenced) == set(defined)
    assert all(defined.values()), "no empty footnote"


@pytest.mark.parametrize("name", ["beslisnota.docx", "beslisnota-openbaar.docx"])
def test_beslisnota_reproduces_the_seed(built, name):
    path = built / VERZAMELBRIEF / name
    seed_body, seed_notes = split_seed()
    doc_paragraphs = paragraphs(path)
    doc_words = words(" ".join(text for _, text in doc_paragraphs))
    assert in_order_share(words(seed_body), doc_words) >= 0.95

    headings = [text for style, text in doc_paragraphs if style.startswith("Heading")]
    positions = [headings.index(h) for h in SEED_HEADINGS]
    assert positions == sorted(positions), headings

    notes = footnotes(path)
    # The internal version adds the example's non-public fragment, with its own footnote, last.
    assert len(notes) == (5 if name == "beslisnota-openbaar.docx" else 6)
    for number, seed_note in enumerate(seed_notes, start=1):
        assert in_order_share(words(seed_note), words(notes[number])) >= 0.95, number


def test_geadviseerd_besluit_comes_from_the_mr_date(built):
    texts = [text for _, text in paragraphs(built / VERZAMELBRIEF / "beslisnota-openbaar.docx")]
    assert "A. Agenderen voor MR van 28 november" in texts
    assert (
        "B. Na instemming van de MR op vrijdag 28 november de Verzamelbrief ‘opvang ontheemden uit "
        "Oekraïne’ verzenden aan de Tweede Kamer." in texts
    )


def test_kernpunten_names_the_appraised_reports_of_the_letter(built):
    texts = [text for _, text in paragraphs(built / VERZAMELBRIEF / "beslisnota.docx")]
    kernpunten = next(t for t in texts if t.startswith("In de voorliggende Verzamelbrief"))
    assert kernpunten.endswith(
        "De brief bevat een appreciatie van het SEO-rapport over de economische bijdrage van "
        "ontheemden uit Oekraïne in Nederland, WODC-rapport ‘Meer dan een dak’ en Rapport instituut "
        "Clingendael “Geen weg terug? Oekraïense ontheemden tussen hoop en realiteit”."
    )
    # The second letter appraises only the Clingendael report, and has no MR.
    texts = [text for _, text in paragraphs(built / TERUGKEERBRIEF / "beslisnota.docx")]
    assert any(
        t.endswith(
            "De brief bevat een appreciatie van het Rapport instituut Clingendael "
            "“Geen weg terug? Oekraïense ontheemden tussen hoop en realiteit”."
        )
        for t in texts
    )
    assert not any("Agenderen voor MR" in t for t in texts)


def test_kamerbrief_has_the_letterhead_fields(built):
    texts = [text for _, text in paragraphs(built / VERZAMELBRIEF / "kamerbrief.docx")]
    joined = "\n".join(texts)
    assert "> Retouradres Postbus 20011 2500 EA Den Haag" in texts
    assert (
        "Aan de Voorzitter van de Tweede Kamer\nder Staten-Generaal\nPostbus 20018\n2500 EA Den Haag"
        in joined
    )
    assert "Ons kenmerk\n0000000" in joined
    assert "Datum\t28 november 2025" in texts
    assert "Betreft\tVerzamelbrief opvang ontheemden uit Oekraïne" in texts
    assert texts.index("Geachte voorzitter,") < texts.index("Inleiding")
    assert "De Minister van Asiel en Migratie," in texts


def test_footer_has_page_x_of_y_fields(built):
    parts = all_part_bytes(built / VERZAMELBRIEF / "kamerbrief.docx")
    footer = b"".join(v for k, v in parts.items() if k.startswith("word/footer"))
    assert b"Pagina " in footer and b" PAGE " in footer and b" NUMPAGES " in footer


def test_each_document_numbers_its_own_footnotes(built):
    """The return-policy fragment is used by both letters: its note is 5 in one and 2 in the other
    (whose note 1 cites the first letter)."""
    verzamel_notes = footnotes(built / VERZAMELBRIEF / "kamerbrief.docx")
    terugkeer_notes = footnotes(built / TERUGKEERBRIEF / "kamerbrief.docx")
    assert verzamel_notes[5].startswith("Het terugkeerbeleid omvat")
    assert terugkeer_notes[2].startswith("Het terugkeerbeleid omvat")
    assert len(terugkeer_notes) == 2


def test_the_next_letter_cites_the_sent_one_with_its_betreft_and_date(built):
    """The second letter cites the first by its kamerstuk id, never retyped."""
    first = footnotes(built / TERUGKEERBRIEF / "kamerbrief.docx")[1]
    assert first == (
        "Verzamelbrief opvang ontheemden uit Oekraïne d.d. 28 november 2025, "
        "Kamerstukken II, 2025-2026, 19637, nr. 9999."
    )


NOT_PUBLIC = (
    "aandringen op één gezamenlijke einddatum",
    "Deze onderhandelingsruimte is ambtelijk afgestemd",
    "J. de Vries",
    "niet-openbaar-eu-inzet",
)


def test_non_public_text_only_in_the_internal_beslisnota(built):
    internal = b"".join(all_part_bytes(built / VERZAMELBRIEF / "beslisnota.docx").values())
    assert all(marker.encode() in internal for marker in NOT_PUBLIC[:3])
    for name in ("kamerbrief.docx", "beslisnota-openbaar.docx"):
        for part, data in all_part_bytes(built / VERZAMELBRIEF / name).items():
            for marker in NOT_PUBLIC:
                assert marker.encode() not in data, f"{marker!r} leaked into {name}:{part}"


def test_two_builds_give_the_same_bytes(built, tmp_path):
    """Also in another process with another hash seed: nothing depends on set order or the clock."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    command = [sys.executable, "-m", "verzamel", "build", "--root", str(REPO), "--out", str(tmp_path)]
    subprocess.run(command, check=True, env=env)
    for letter in (VERZAMELBRIEF, TERUGKEERBRIEF):
        for name in (*OUTPUT_NAMES, RECORD):  # the documents and the publication record
            assert (tmp_path / letter / name).read_bytes() == (built / letter / name).read_bytes()


def test_metadata_is_from_the_manifest_not_the_machine(built):
    core = all_part_bytes(built / VERZAMELBRIEF / "kamerbrief.docx")["docProps/core.xml"].decode()
    assert "<dc:title>Verzamelbrief opvang ontheemden uit Oekraïne</dc:title>" in core
    assert "2025-11-28T00:00:00Z" in core
    assert "<cp:lastModifiedBy>Ministerie van Asiel en Migratie</cp:lastModifiedBy>" in core
    app = all_part_bytes(built / VERZAMELBRIEF / "kamerbrief.docx")["docProps/app.xml"].decode()
    assert "<Company>Ministerie van Asiel en Migratie</Company>" in app
    assert "Application" not in app and "Template" not in app


def _model_paragraph_texts(blocks) -> list[str]:
    """What each paragraph of the Document model says, in reading order, without note marks."""
    from verzamel.model import BlockQuote, Columns, Heading, ListBlock, Paragraph, Table, WithheldBlock
    from verzamel.model.text import inline_text

    texts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            text = re.sub(r"\[\d+\]", "", inline_text(block.inlines))
            # Withheld words: `[woo 5.1.2e: words]` as text, shaded `words [5.1.2e]` in Word.
            texts.append(re.sub(r"\[woo ([^:\]]+): ([^\]]*)\]", r"\2 [\1]", text))
        elif isinstance(block, Columns):
            for column in block.columns:
                texts.extend(_model_paragraph_texts(column))
        elif isinstance(block, ListBlock):
            for item in block.items:
                texts.extend(_model_paragraph_texts(item))
        elif isinstance(block, BlockQuote):
            texts.extend(_model_paragraph_texts(block.children))
        elif isinstance(block, WithheldBlock):  # a label paragraph, then the withheld blocks
            texts.append(f"Niet openbaar [{', '.join(block.grounds)}]")
            texts.extend(_model_paragraph_texts(block.children))
        elif isinstance(block, Table):
            for row in ((block.header,) if block.header else ()) + block.rows:
                texts.extend(inline_text(cell) for cell in row)
            texts.append("")  # the writer puts a blank line after a table
    return texts


@pytest.mark.parametrize("letter", [VERZAMELBRIEF, TERUGKEERBRIEF])
def test_the_word_file_holds_every_paragraph_of_the_document_model(built, letter):
    from verzamel.pipeline.run import run as run_letters
    from verzamel.pipeline.sent import letter_documents
    from verzamel.project import open_project
    from verzamel.sources import load_sources

    project = open_project(REPO)
    checked = run_letters(project, load_sources(project), [letter]).letters[letter]
    documents, problems = letter_documents(project, checked)  # the sent one: as made from its lock
    assert [d for d in checked.diagnostics + problems if d.is_error] == []
    assert [d.kind for d in documents] == [name.removesuffix(".docx") for name in OUTPUT_NAMES]
    for document in documents:
        in_word = [text for _, text in paragraphs(built / letter / f"{document.kind}.docx")]
        assert in_word == _model_paragraph_texts(document.blocks)
        assert sorted(footnotes(built / letter / f"{document.kind}.docx")) == [
            n.number for n in document.notes
        ]
