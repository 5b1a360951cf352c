"""`verzamel refs add` and `refs scan --add`: registry entries from the official metadata, from the
cache file first, from the (recorded) services for the rest; all or nothing."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, TERUGKEERBRIEF, VERZAMELBRIEF, copy_dossier, run_cli
from recorded import CACHE_NAME, Offline, Replay, address, transport, with_cache
from verzamel.metadata import http
from verzamel.project import open_project
from verzamel.sources import load_sources

REGISTRY = "footnotes/kamerstukken.yaml"
HAND_WRITTEN = (
    "kst-19637-3451:\n  date: 2025-07-04\n  title: Verzamelbrief opvang ontheemden uit Oekraïne\n\n"
)


def without_hand_written_entry(dossier):
    registry = dossier / REGISTRY
    text = registry.read_text(encoding="utf-8")
    assert HAND_WRITTEN in text
    registry.write_text(text.replace(HAND_WRITTEN, ""), encoding="utf-8")
    return dossier


def footnotes_and_cache(dossier) -> dict:
    files = sorted((dossier / "footnotes").iterdir()) + [dossier / CACHE_NAME]
    return {path.name: path.read_bytes() if path.exists() else None for path in files}


def rendered(dossier) -> dict:
    rows = json.loads(run_cli("refs", "--root", str(dossier), "--format", "json").stdout)
    return {row["id"]: row["text"] for row in rows}


def shown(dossier) -> list[str]:
    return [
        run_cli("show", letter, "--root", str(dossier)).stdout for letter in (VERZAMELBRIEF, TERUGKEERBRIEF)
    ]


def registry_facts(dossier, identifier: str) -> dict:
    return load_sources(open_project(dossier)).registry[identifier].facts


def test_add_writes_an_entry_that_renders_as_the_hand_written_one_from_the_cache(tmp_path):
    original = with_cache(copy_dossier(tmp_path / "original"))
    dossier = without_hand_written_entry(with_cache(copy_dossier(tmp_path / "dossier")))
    cache_before = (dossier / CACHE_NAME).read_bytes()
    with transport(Offline()) as offline:
        result = run_cli("refs", "add", "kst-19637-3451", "--root", str(dossier))
    assert result.exit_code == 0, result.output
    assert offline.asked == []  # the example's cache file has it: no network needed
    added = dossier / REGISTRY
    lines = added.read_text(encoding="utf-8").splitlines()
    key = lines.index("kst-19637-3451:") + 1
    assert result.stdout == f"kst-19637-3451 added: {REGISTRY}:{key}\n"
    assert lines[key - 2].startswith(
        "# Opgehaald op 7 december 2026 van officielebekendmakingen.nl en de open"
    )
    assert lines[key:] == ["  date: 2025-07-04", "  title: Verzamelbrief opvang ontheemden uit Oekraïne"]
    assert registry_facts(dossier, "kst-19637-3451") == registry_facts(original, "kst-19637-3451")
    assert rendered(dossier) == rendered(original)
    assert shown(dossier) == shown(original)  # the footnotes of both letters, word for word
    assert (dossier / CACHE_NAME).read_bytes() == cache_before


def test_add_fetches_what_the_cache_lacks_and_keeps_it(tmp_path):
    dossier = without_hand_written_entry(copy_dossier(tmp_path / "dossier"))
    with transport(Replay()) as replay:
        result = run_cli("refs", "add", "kst-19637-3451", "kst-19637-3464", "--root", str(dossier))
    assert result.exit_code == 0, result.output
    assert replay.asked == [
        address("kst-19637-3451", "officielebekendmakingen"),
        address("kst-19637-3451", "tweedekamer"),
    ]
    assert "kst-19637-3464 is in the registry already: footnotes/kamerstukken.yaml:12" in result.stdout
    cache = (dossier / CACHE_NAME).read_text(encoding="utf-8")
    assert '"kst-19637-3451":\n  fetched: 2026-12-07\n  found: true\n' in cache
    assert address("kst-19637-3451", "tweedekamer") in cache and "kst-19637-3464" not in cache
    assert 'tk_number: "2025D32571"' in cache
    with transport(Offline()):  # once fetched, never again
        again = run_cli("refs", "verify", "kst-19637-3451", "--root", str(dossier))
    assert again.exit_code == 0, again.output


def test_without_a_network_add_exits_2_says_so_in_dutch_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("VERZAMEL_TAAL", "nl")
    dossier = without_hand_written_entry(copy_dossier(tmp_path / "dossier"))
    before = footnotes_and_cache(dossier)
    with transport(Offline()) as offline:
        result = run_cli("refs", "add", "kst-19637-3451", "stb-2019-143", "--root", str(dossier))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "officielebekendmakingen.nl gaf geen bruikbaar antwoord: geen verbinding (Network is unreachable);"
        " is er netwerk?",
        "  gevraagd: " + address("kst-19637-3451", "officielebekendmakingen"),
        "Niet opgehaald: kst-19637-3451, stb-2019-143.",
        "Er is niets geschreven: footnotes/ en officiele-gegevens.yaml zijn ongewijzigd.",
    ]
    assert len(offline.asked) == 1  # no network: the rest is not tried
    assert footnotes_and_cache(dossier) == before


def test_an_entry_of_the_cache_file_without_its_sources_is_fetched_again_for_the_comment(tmp_path):
    dossier = without_hand_written_entry(copy_dossier(tmp_path / "dossier"))
    (dossier / CACHE_NAME).write_text(
        '"kst-19637-3451":\n  found: true\n  date: 2025-07-04\n  title: "Verzamelbrief"\n', encoding="utf-8"
    )  # by hand: no day, no sources
    with transport(Replay()):
        result = run_cli("refs", "add", "kst-19637-3451", "--root", str(dossier))
    assert result.exit_code == 0, result.output
    assert (
        "# Opgehaald op 7 december 2026 van officielebekendmakingen.nl en de open data van de Tweede Kamer"
        in (dossier / REGISTRY).read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("unknown", ["kst-19637-99999", "ECLI:NL:RBDHA:2023:99999"])  # rechtspraak.nl: 404
def test_a_number_the_sources_do_not_know_is_not_added(tmp_path, unknown):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    before = footnotes_and_cache(dossier)
    with transport(Replay()):
        result = run_cli("refs", "add", "stb-2019-143", unknown, "--root", str(dossier))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"The official source does not know this document: {unknown}.")
    assert footnotes_and_cache(dossier) == before


def test_add_takes_staatsblad_eu_acts_and_rulings_into_their_own_files(tmp_path):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    ids = ("stb-2019-143", "celex-32001L0055", "ECLI:NL:RBDHA:2023:12919")
    with transport(Replay()):
        result = run_cli("refs", "add", *ids, "--root", str(dossier))
    assert result.exit_code == 0, result.output
    assert (dossier / "footnotes/bekendmakingen.yaml").read_text(encoding="utf-8").splitlines()[1:] == [
        "stb-2019-143:",
        "  title: Besluit van 8 april 2019 tot wijziging van het Vreemdelingenbesluit 2000, in verband met"
        " de aanpassing van enkele regels voor de beoordeling van verblijfsaanvragen",
    ]
    eu = (dossier / "footnotes/eu.yaml").read_text(encoding="utf-8").splitlines()
    assert eu[1:3] == ["celex-32001L0055:", "  date: 2001-07-20"]
    assert eu[3].startswith("  text: Richtlijn 2001/55/EG van de Raad van 20 juli 2001 betreffende")
    assert (dossier / "footnotes/uitspraken.yaml").read_text(encoding="utf-8").splitlines()[1:] == [
        '"ECLI:NL:RBDHA:2023:12919":',
        "  date: 2023-08-30",
        "  title: Rechtbank Den Haag, 30-08-2023, NL23.21673",
    ]
    sources = load_sources(open_project(dossier))
    assert [d for d in sources.diagnostics if d.span.path.startswith("footnotes/")] == []
    assert set(ids) <= set(sources.registry)
    with transport(Offline()):
        verified = run_cli("refs", "verify", "--root", str(dossier))
    assert verified.exit_code == 0, verified.output
    assert "Compared with the official metadata: 6 documents." in verified.stdout


@pytest.mark.parametrize(
    "title",
    ["Brief regering; Reactie: de stand van zaken #2", "2025", "'Aan de slag' met Oekraïne", "yes"],
)
def test_titles_yaml_would_misread_are_quoted_and_read_back_as_sent(tmp_path, title):
    dossier = without_hand_written_entry(copy_dossier(tmp_path / "dossier"))
    record = (REPO / "tests/data/recorded/sru/kst-19637-3451.xml").read_text(encoding="utf-8")
    changed = record.replace("Brief regering; Verzamelbrief opvang ontheemden uit Oekraïne", title)
    answer = http.Reply(200, changed.encode("utf-8"), "application/xml", "Mon, 07 Dec 2026 02:30:00 GMT")
    with transport(Replay({address("kst-19637-3451", "officielebekendmakingen"): answer})):
        result = run_cli("refs", "add", "kst-19637-3451", "--root", str(dossier))
    assert result.exit_code == 0, result.output
    expected = title.split("; ")[-1]
    assert registry_facts(dossier, "kst-19637-3451")["title"] == expected


def test_a_registry_file_with_errors_gets_no_entries(tmp_path):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    registry = dossier / REGISTRY
    registry.write_text(registry.read_text(encoding="utf-8") + "kapot: [\n", encoding="utf-8")
    before = footnotes_and_cache(dossier)
    with transport(Offline()):
        result = run_cli("refs", "add", "stb-2019-143", "kst-19637-3500", "--root", str(dossier))
    assert result.exit_code == 1
    assert f"{REGISTRY}:" in result.stderr and "YAML001" in result.stderr
    assert footnotes_and_cache(dossier) == before


def test_file_option_names_a_file_in_footnotes(tmp_path):
    dossier = without_hand_written_entry(with_cache(copy_dossier(tmp_path / "dossier")))
    with transport(Offline()):
        result = run_cli("refs", "add", "kst-19637-3451", "--file", "brieven.yaml", "--root", str(dossier))
        outside = run_cli(
            "refs", "add", "kst-19637-3451", "--file", "../brieven.yaml", "--root", str(dossier)
        )
    assert result.exit_code == 0, result.output
    assert "kst-19637-3451:" in (dossier / "footnotes/brieven.yaml").read_text(encoding="utf-8")
    assert outside.exit_code == 2 and "name a .yaml file in footnotes/" in outside.stderr


def test_ids_verzamel_cannot_look_up_are_a_usage_error(tmp_path):
    dossier = copy_dossier(tmp_path / "dossier")
    with transport(Offline()) as offline:
        result = run_cli("refs", "add", "kst-19637", "pbeu-2010-L-180", "nonsense", "--root", str(dossier))
    assert result.exit_code == 2 and offline.asked == []
    assert "verzamel cannot look this up: kst-19637, pbeu-2010-L-180, nonsense" in result.stderr


def test_scan_add_adds_what_a_text_cites_that_the_registry_lacks(tmp_path):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "Zie Kamerstukken II 2024/25, 19637, nr. 3451, het Besluit (Stb. 2019, 143) en\n"
        "Richtlijn 2001/55/EG; zaak 2025Z01234.\n",
        encoding="utf-8",
    )
    with transport(Replay()) as replay:
        result = run_cli("refs", "scan", str(letter), "--add", "--root", str(dossier))
    assert result.exit_code == 0, result.output
    assert replay.asked == [
        address("stb-2019-143", "officielebekendmakingen")
    ]  # an EU act is no registry kind
    assert "stb-2019-143 added: footnotes/bekendmakingen.yaml:2" in result.stdout
    assert "kst-19637-3451 is in the registry already" in result.stdout
    assert "stb-2019-143" in load_sources(open_project(dossier)).registry


def test_a_file_from_windows_keeps_its_byte_order_mark_and_line_ends(tmp_path):
    dossier = without_hand_written_entry(with_cache(copy_dossier(tmp_path / "dossier")))
    registry = dossier / REGISTRY
    registry.write_bytes(b"\xef\xbb\xbf" + registry.read_bytes().replace(b"\n", b"\r\n"))
    with transport(Offline()):
        result = run_cli("refs", "add", "kst-19637-3451", "--root", str(dossier))
    assert result.exit_code == 0, result.output
    data = registry.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    entry = (
        "kst-19637-3451:\r\n  date: 2025-07-04\r\n  title: Verzamelbrief opvang ontheemden uit Oekraïne\r\n"
    )
    assert data.endswith(entry.encode("utf-8"))
    assert (
        registry_facts(dossier, "kst-19637-3451")["title"] == "Verzamelbrief opvang ontheemden uit Oekraïne"
    )


def test_scan_add_in_json_prints_the_rows_alone_on_standard_output(tmp_path):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    letter = tmp_path / "brief.txt"
    letter.write_text("Zie Stb. 2019, 143 en Kamerstukken II 2024/25, 19637, nr. 99999.\n", encoding="utf-8")
    with transport(Replay()):
        refused = run_cli("refs", "scan", str(letter), "--add", "--format", "json", "--root", str(dossier))
    assert refused.exit_code == 2  # nr. 99999 does not exist: nothing added, and no rows printed
    assert json.loads(refused.stdout)["error"]["kind"] == "official"
    assert not (dossier / "footnotes/bekendmakingen.yaml").exists()
    letter.write_text("Zie Stb. 2019, 143.\n", encoding="utf-8")
    with transport(Replay()):
        result = run_cli("refs", "scan", str(letter), "--add", "--format", "json", "--root", str(dossier))
    assert result.exit_code == 0, result.output
    assert [row["id"] for row in json.loads(result.stdout)] == ["stb-2019-143"]
    assert "stb-2019-143 added: footnotes/bekendmakingen.yaml:2" in result.stderr
