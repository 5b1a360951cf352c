"""`verzamel refs`, `verzamel refs scan`, and citations by id in the built documents."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, TERUGKEERBRIEF, VERZAMELBRIEF, require_tool, run_cli
from docx_reading import footnotes, paragraphs

LETTER_TEXT = Path(__file__).parent / "data" / "kamerbrief-platte-tekst.txt"


def test_refs_lists_every_cited_document_with_url_and_places():
    result = run_cli("refs", "--root", str(REPO), "--format", "json")
    assert result.exit_code == 0
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert sorted(rows) == ["kst-19637-3346", "kst-19637-3451", "kst-19637-3464", "kst-19637-9999"]
    row = rows["kst-19637-3451"]
    assert row["text"] == "Kamerstukken II, 2024-2025, 19637, nr. 3451"
    assert row["url"] == "https://zoek.officielebekendmakingen.nl/kst-19637-3451.html"
    assert "sections/eu-exit-strategie.md:7" in row["used_at"]
    assert all(r["registered"] for r in rows.values())
    sent = rows["kst-19637-9999"]  # the example's sent letter, cited by the next one
    assert sent["text"] == "Kamerstukken II, 2025-2026, 19637, nr. 9999"
    assert sent["used_at"] == ["sections/inleiding-terugkeer.md:7"]


def test_refs_text_form():
    result = run_cli("refs", "--root", str(REPO))
    assert result.stdout.splitlines()[:2] == [
        "kst-19637-3346  Kamerstukken II, 2024-2025, 19637, nr. 3346",
        "    https://zoek.officielebekendmakingen.nl/kst-19637-3346.html",
    ]


def test_scan_finds_the_citations_of_a_letter_and_refuses_the_zaak_number():
    result = run_cli("refs", "scan", str(LETTER_TEXT), "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["line"], r["id"]) for r in rows] == [
        (15, "celex-32001L0055"),
        (16, "celex-32022D0382"),
        (18, None),
        (19, "h-tk-20242025-60-9"),
        (20, "stcrt-2024-12345"),
        (20, "stb-2022-216"),
        (23, "kst-19637-2834"),
        (27, "kst-19637-3346"),
        (28, "kst-19637-3200"),
        (28, "kst-19637-3201"),
        (28, "kst-19637-3250"),
    ]
    refused = rows[2]
    assert refused["kind"] == "refused" and refused["rule"] == "CIT004"
    assert refused["text"] == "Kamerstuk 2025Z12345"
    first = next(r for r in rows if r["id"] == "kst-19637-2834")
    assert {"file", "line", "column", "text", "id", "kind", "dossier", "number", "co_dossiers"} <= set(first)
    assert first["co_dossiers"] == ["36045"] and first["column"] == 2


def test_scan_text_form_needs_no_dossier(tmp_path):
    result = run_cli("refs", "scan", str(LETTER_TEXT))
    assert result.exit_code == 0
    assert f"{LETTER_TEXT}:18:" in result.stdout and "refused CIT004" in result.stdout
    assert "10 citations, 1 refused." in result.stderr


def _citation_notes(out: Path) -> dict:
    notes = {}
    for letter in (VERZAMELBRIEF, TERUGKEERBRIEF):
        for name in ("kamerbrief.docx", "beslisnota.docx", "beslisnota-openbaar.docx"):
            notes[(letter, name)] = footnotes(out / letter / name)
    return notes


def test_changing_the_house_style_changes_every_rendered_citation_and_nothing_else(dossier):
    before, after = dossier / "before", dossier / "after"
    assert run_cli("build", "--root", str(dossier), "--out", str(before), "-q").exit_code == 0
    settings = dossier / "verzamel.yaml"
    settings.write_text(settings.read_text().replace("citations: voluit", "citations: aanwijzingen"))
    assert run_cli("build", "--root", str(dossier), "--out", str(after), "-q").exit_code == 0

    old, new = _citation_notes(before), _citation_notes(after)
    changed = 0
    for key in old:
        for number, text in old[key].items():
            rewritten = text.replace("Kamerstukken II, 2024-2025,", "Kamerstukken II 2024/25,").replace(
                "Kamerstukken II, 2025-2026,", "Kamerstukken II 2025/26,"
            )
            assert new[key][number] == rewritten
            changed += text != rewritten
        body_before = [t for _, t in paragraphs(before / key[0] / key[1])]
        body_after = [t for _, t in paragraphs(after / key[0] / key[1])]
        assert body_before == body_after
    assert changed >= 6  # notes 1, 2 and 5 of the beslisnota, in its two versions, and more


def test_a_citation_by_id_with_a_locator(dossier):
    fragment = dossier / "sections" / "terugkeer.md"
    fragment.write_text(fragment.read_text() + "Zie de brief van 4 juli.[@kst-19637-3451, p. 3]\n")
    out = dossier / "out"
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(dossier), "--out", str(out), "-q").exit_code == 0
    notes = footnotes(out / TERUGKEERBRIEF / "kamerbrief.docx")
    assert notes[3] == "Kamerstukken II, 2024-2025, 19637, nr. 3451, p. 3."  # 1: the sent letter


def test_citation_footnotes_can_link_to_the_official_publication(dossier):
    settings = dossier / "verzamel.yaml"
    settings.write_text(
        settings.read_text().replace("  quotes: typographic", "  quotes: typographic\n  citation_links: true")
    )
    out = dossier / "out"
    assert run_cli("build", VERZAMELBRIEF, "--root", str(dossier), "--out", str(out), "-q").exit_code == 0
    import zipfile

    with zipfile.ZipFile(out / VERZAMELBRIEF / "kamerbrief.docx") as package:
        rels = package.read("word/_rels/footnotes.xml.rels").decode()
    assert 'Target="https://zoek.officielebekendmakingen.nl/kst-19637-3451.html"' in rels
    first = footnotes(out / VERZAMELBRIEF / "kamerbrief.docx")[1]
    assert first == "Kamerstukken II, 2024-2025, 19637, nr. 3451."


FORMS_TEXT = Path(__file__).parent / "data" / "verwijzingen-vormen.txt"


def test_scan_reads_the_forms_committees_use_and_reports_a_number_without_nr():
    result = run_cli("refs", "scan", str(FORMS_TEXT), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["line"], r["id"]) for r in rows] == [
        (3, "kst-36410-12"),
        (4, "kst-21501-20-2101"),
        (5, "kst-21501-20-2105"),
        (7, "ah-tk-20232024-2217"),
        (7, "ah-tk-20232024-2218"),
        (11, "kst-36410-VII-B"),
        (11, "kst-35925-C"),
        (13, "zaak-2025Z01234"),
    ]
    malformed = rows[2]
    assert malformed["text"] == "Kamerstuk 21 501-20, 2105" and malformed["rule"] == "CIT010"
    assert "nr. 2105" in malformed["reason"]
    assert rows[-1]["kind"] == "zaak" and "dossier" not in rows[-1]
    assert all("rule" not in r for r in rows if r is not malformed)


def test_scan_says_in_text_what_it_reported():
    result = run_cli("refs", "scan", str(FORMS_TEXT))
    assert f"{FORMS_TEXT}:5:35: kst-21501-20-2105  reported CIT010:" in result.stdout
    assert "8 citations, 0 refused." in result.stderr


def test_scan_reads_a_built_kamerbrief_with_its_footnote_numbers(built):
    kamerbrief = built / TERUGKEERBRIEF / "kamerbrief.docx"
    result = run_cli("refs", "scan", str(kamerbrief), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r.get("footnote"), r["id"]) for r in rows] == [
        (1, "kst-19637-9999"),
        (2, "kst-19637-3346"),
        (2, "kst-19637-3451"),
    ]
    notes = footnotes(kamerbrief)  # read back with python-docx: the numbers Word shows
    assert all(r["id"].split("-")[-1] in notes[r["footnote"]] for r in rows)
    text = run_cli("refs", "scan", str(kamerbrief)).stdout
    assert f"{kamerbrief}:footnote 1: kst-19637-9999  Kamerstukken II, 2025-2026, 19637, nr. 9999" in text


def test_scan_reads_body_paragraphs_of_a_docx(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Inleiding zonder verwijzing.")
    document.add_paragraph("Zie de motie (36410, nr. 12) en Stb. 2011, 35.")
    path = tmp_path / "brief.docx"
    document.save(path)
    rows = json.loads(run_cli("refs", "scan", str(path), "--format", "json").stdout)
    assert [(r["paragraph"], r["id"]) for r in rows] == [(2, "kst-36410-12"), (2, "stb-2011-35")]


def test_scan_reads_a_pdf_page_by_page(tmp_path):
    require_tool("soffice")
    out = tmp_path / "out"
    result = run_cli("build", VERZAMELBRIEF, "--root", str(REPO), "--out", str(out), "--format", "pdf", "-q")
    assert result.exit_code == 0, result.output
    rows = json.loads(
        run_cli("refs", "scan", str(out / VERZAMELBRIEF / "kamerbrief.pdf"), "--format", "json").stdout
    )
    assert {r["id"] for r in rows} == {"kst-19637-3451", "kst-19637-3464", "kst-19637-3346"}
    assert all(r["page"] >= 1 for r in rows) and rows == sorted(rows, key=lambda r: r["page"])


def test_scan_refuses_a_file_that_is_not_what_its_name_says(tmp_path):
    fake = tmp_path / "brief.docx"
    fake.write_text("geen Word-bestand")
    result = run_cli("refs", "scan", str(fake))
    assert result.exit_code == 2 and "not a readable Word file" in result.stderr
    fake_pdf = tmp_path / "brief.pdf"
    fake_pdf.write_text("geen PDF")
    result = run_cli("refs", "scan", str(fake_pdf))
    assert result.exit_code == 2 and "not a readable PDF" in result.stderr


def test_refs_by_fragment_shows_what_each_fragment_relies_on():
    result = run_cli("refs", "--by-fragment", "--root", str(REPO), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {row["fragment"]: row for row in json.loads(result.stdout)}
    exit_strategy = rows["eu-exit-strategie"]
    assert [(c["id"], c["lines"], c["listed"]) for c in exit_strategy["cites"]] == [
        ("kst-19637-3451", [7], True),
        ("kst-19637-3464", [13], True),
    ]
    assert exit_strategy["letters"] == [VERZAMELBRIEF]
    # a registry footnote that cites two letters: the fragment relies on both, at the marker's line
    return_policy = rows["terugkeer"]
    assert [(c["id"], c["lines"]) for c in return_policy["cites"]] == [
        ("kst-19637-3346", [8]),
        ("kst-19637-3451", [8]),
    ]
    assert return_policy["letters"] == [VERZAMELBRIEF, TERUGKEERBRIEF]
    assert rows["appreciatie-seo"]["cites"] == [] and rows["appreciatie-seo"]["listed_not_cited"] == []
    text = run_cli("refs", "--by-fragment", "--root", str(REPO)).stdout
    assert "sections/eu-exit-strategie.md  EU-exitstrategie uit de tijdelijke bescherming" in text
    assert "    kst-19637-3464  Kamerstukken II, 2024-2025, 19637, nr. 3464  line 13" in text


def test_references_that_do_not_match_are_reported_and_fixed(dossier):
    fragment = dossier / "sections" / "eu-exit-strategie.md"
    fragment.write_text(
        fragment.read_text().replace("[kst-19637-3451, kst-19637-3464]", "[kst-19637-3451, kst-19637-3100]")
    )
    seo = dossier / "sections" / "appreciatie-seo.md"
    seo.write_text(seo.read_text() + "Zie ook de brief van 31 januari.[@kst-19637-3346]\n")
    result = run_cli("check", "--root", str(dossier), "--format", "json")
    found = [d for d in json.loads(result.stdout) if d["rule"] == "CIT011"]
    assert sorted(d["file"] for d in found) == [
        "sections/appreciatie-seo.md",
        "sections/eu-exit-strategie.md",
    ]
    result = run_cli("check", "--root", str(dossier), "--fix")
    assert "references: [kst-19637-3451, kst-19637-3464]" in fragment.read_text()
    assert "\nreferences: [kst-19637-3346]\n---\n" in seo.read_text()
    result = run_cli("check", "--root", str(dossier), "--format", "json")
    assert not [d for d in json.loads(result.stdout) if d["rule"] == "CIT011"]


def test_references_written_as_a_block_list_get_a_hint_and_are_left_alone(dossier):
    fragment = dossier / "sections" / "eu-exit-strategie.md"
    before = fragment.read_text().replace(
        "references: [kst-19637-3451, kst-19637-3464]", "references:\n  - kst-19637-3451"
    )
    fragment.write_text(before)
    run_cli("check", "--root", str(dossier), "--fix")
    assert fragment.read_text() == before
    assert "references: [kst-19637-3451, kst-19637-3464]" in run_cli("check", "--root", str(dossier)).stdout
