"""The kinds beyond kamerstukken in a dossier: `verzamel refs` lists each with its house style and
URL, `check` asks a registry entry only for what the registry describes (a blad, a kamerstuk), and
a document cited by id is written in the house style in the built letter."""

from __future__ import annotations

import json

from conftest import VERZAMELBRIEF, run_cli
from docx_reading import footnotes

WRITTEN_OUT = (
    "Zie ook Richtlijnen 2004/38/EG en 2011/95/EU, COM (2022) 457, Raadsdocument 14185/23,\n"
    "PB L 180 van 29.6.2013 en ABRvS 12 juli 2023, ECLI:NL:RVS:2023:2695.\n"
    "De Eerste Kamer nam de motie aan (35788, letter D); zie ook Gmb. 2023, 266546.\n"
)


def _with_other_kinds(dossier):
    fragment = dossier / "sections" / "terugkeer.md"
    fragment.write_text(fragment.read_text() + WRITTEN_OUT)
    return fragment


def test_refs_lists_every_kind_in_its_house_style_with_its_url(dossier):
    _with_other_kinds(dossier)
    result = run_cli("refs", "--root", str(dossier), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {row["id"]: (row["kind"], row["text"], row["url"]) for row in json.loads(result.stdout)}
    eurlex = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri="
    assert {key: rows[key] for key in rows if not key.startswith("kst-19637")} == {
        "celex-32004L0038": ("eu", "Richtlijn 2004/38/EG", f"{eurlex}CELEX:32004L0038"),
        "celex-32011L0095": ("eu", "Richtlijn 2011/95/EU", f"{eurlex}CELEX:32011L0095"),
        "com-2022-457": ("commissiedocument", "COM(2022) 457", f"{eurlex}COM:2022:457:FIN"),
        "st-14185-2023": (
            "raadsdocument",
            "Raadsdocument 14185/23",
            "https://data.consilium.europa.eu/doc/document/ST-14185-2023-INIT/nl/pdf",
        ),
        "pbeu-2013-L-180": ("pbeu", "PbEU 2013, L 180", f"{eurlex}OJ:L:2013:180:TOC"),
        "ECLI:NL:RVS:2023:2695": (
            "ecli",
            "ABRvS 12 juli 2023, ECLI:NL:RVS:2023:2695",
            "https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RVS:2023:2695",
        ),
        "kst-35788-D": (
            "kamerstuk",
            "Kamerstukken I, 35788, D",
            "https://zoek.officielebekendmakingen.nl/kst-35788-D.html",
        ),
        "gmb-2023-266546": (
            "gemeenteblad",
            "Gmb. 2023, 266546",
            "https://zoek.officielebekendmakingen.nl/gmb-2023-266546.html",
        ),
    }


def test_check_asks_a_registry_entry_only_for_what_the_registry_describes(dossier):
    before = {json.dumps(d, sort_keys=True) for d in _diagnostics(dossier)}
    _with_other_kinds(dossier)
    new = [d for d in _diagnostics(dossier) if json.dumps(d, sort_keys=True) not in before]
    assert all(d["severity"] == "warning" for d in new)
    missing = sorted(d["message"].split()[0] for d in new if d["rule"] == "CIT009")
    assert missing == ["gmb-2023-266546", "kst-35788-D"]  # an EU act, a ruling: no entry needed


def _diagnostics(dossier) -> list[dict]:
    result = run_cli("check", "--root", str(dossier), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_document_of_another_kind_cited_by_id_is_written_in_the_house_style(dossier):
    fragment = dossier / "sections" / "inleiding-verzamelbrief.md"
    fragment.write_text(fragment.read_text() + "Zie de Dublinverordening.[@celex-32013R0604]\n")
    (dossier / "footnotes" / "eu.yaml").write_text("celex-32013R0604:\n  title: Dublinverordening\n")
    out = dossier / "out"
    result = run_cli("build", VERZAMELBRIEF, "--root", str(dossier), "--out", str(out), "-q")
    assert result.exit_code == 0, result.output
    assert "Verordening (EU) nr. 604/2013." in footnotes(out / VERZAMELBRIEF / "kamerbrief.docx").values()
