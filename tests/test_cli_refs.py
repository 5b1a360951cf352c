"""`verzamel refs`, `verzamel refs scan`, and citations by id in the built documents."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, TERUGKEERBRIEF, VERZAMELBRIEF, run_cli
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
    assert sent["used_at"] == ["sections/inleiding-terugkeer.md:6"]


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
