"""`verzamel refs verify`: the registry against the official metadata, at the registry's lines, from
the cache file and the recorded answers of the services; a broken answer is a clear message."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, copy_dossier, run_cli
from recorded import CACHE_NAME, RECORDED, Offline, Replay, address, transport, with_cache
from verzamel.metadata import http

REGISTRY = "footnotes/kamerstukken.yaml"
DATE = "Mon, 07 Dec 2026 02:30:00 GMT"


def edit(dossier, old: str, new: str) -> None:
    registry = dossier / REGISTRY
    text = registry.read_text(encoding="utf-8")
    assert old in text
    registry.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(dossier, text: str) -> int:
    return (dossier / REGISTRY).read_text(encoding="utf-8").splitlines().index(text) + 1


def verify(dossier, *args, chosen=None):
    with transport(chosen or Replay()) as used:
        result = run_cli("refs", "verify", "--root", str(dossier), *args)
    return result, used


def test_a_wrong_date_a_wrong_title_and_a_number_that_does_not_exist_are_reported_at_their_lines(tmp_path):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    edit(dossier, "  date: 2025-01-31\n", "  date: 2025-02-01\n")  # kst-19637-3346
    edit(dossier, "opvang ontheemden uit Oekraïne\n\nkst-19637-3464", "asielketen\n\nkst-19637-3464")  # 3451
    with (dossier / REGISTRY).open("a", encoding="utf-8") as registry:
        registry.write("\nkst-19637-99999:\n  date: 2025-07-04\n")
    result, replay = verify(dossier, "--format", "json")
    assert result.exit_code == 1, result.output
    found = [(d["rule"], d["file"], d["line"], d["column"]) for d in json.loads(result.stdout)]
    assert found == [
        ("REF003", REGISTRY, line_of(dossier, "  date: 2025-02-01"), 9),
        ("REF002", REGISTRY, line_of(dossier, "  title: Verzamelbrief asielketen"), 10),
        ("REF001", REGISTRY, line_of(dossier, "kst-19637-99999:"), 1),
    ]
    assert replay.asked == [  # the rest is in the cache file
        address("kst-19637-99999", "officielebekendmakingen"),
        address("kst-19637-99999", "tweedekamer"),
    ]
    text, _ = verify(dossier, chosen=Offline())  # what was fetched is kept: no network needed now
    assert text.exit_code == 1
    assert (
        f"{REGISTRY}:{line_of(dossier, '  date: 2025-02-01')}:9: error REF003 the date of kst-19637-3346 is"
        " 1 February 2025, but officielebekendmakingen.nl says 31 January 2025"
    ) in text.stdout
    assert "    hint: write 'date: 2025-01-31', or does the number point to another document" in text.stdout
    assert "REF002 the title of kst-19637-3451 is 'Verzamelbrief asielketen', but" in text.stdout
    assert "REF001 officielebekendmakingen.nl does not know kst-19637-99999" in text.stdout
    assert '"kst-19637-99999":\n  fetched: 2026-12-07\n  found: false\n' in (dossier / CACHE_NAME).read_text()


def test_the_example_registry_agrees_with_its_cache_file_without_a_network(tmp_path):
    result, offline = verify(with_cache(copy_dossier(tmp_path / "dossier")), chosen=Offline())
    assert (result.exit_code, offline.asked) == (0, [])
    assert result.stdout == "Compared with the official metadata: 3 documents.\nAll checks passed.\n"


def test_the_example_cache_file_is_what_verify_makes_of_the_recorded_answers(tmp_path):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    result, replay = verify(dossier, "--refresh")
    assert result.exit_code == 0, result.output
    assert len(replay.asked) == 6  # each document again, at both services
    assert (dossier / CACHE_NAME).read_bytes() == (REPO / CACHE_NAME).read_bytes()


def test_a_title_may_be_the_beginning_of_the_official_one(tmp_path):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    edit(dossier, "title: Motie van het lid Podt", "title: Motie van het lid")
    assert verify(dossier, chosen=Offline())[0].exit_code == 0
    edit(dossier, "title: Motie van het lid", "title: Motie van het li")  # not a whole word
    result, _ = verify(dossier, chosen=Offline())
    assert result.exit_code == 0 and "warning REF002" in result.stdout  # REF002 is a warning


def test_without_a_network_verify_says_what_it_could_not_check_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("VERZAMEL_TAAL", "nl")
    dossier = copy_dossier(tmp_path / "dossier")
    result, offline = verify(dossier, chosen=Offline())
    assert result.exit_code == 2
    assert "Niet opgehaald: kst-19637-3346, kst-19637-3451, kst-19637-3464." in result.stderr
    assert len(offline.asked) == 1 and not (dossier / CACHE_NAME).exists()
    json_result, _ = verify(dossier, "--format", "json", chosen=Offline())
    error = json.loads(json_result.stdout)["error"]  # one JSON object on standard output
    assert json_result.exit_code == 2 and error["kind"] == "official"
    assert "geen verbinding" in error["message"]


@pytest.mark.parametrize(
    ("variant", "said"),
    [
        ("kst-19637-3346-herdruk.xml", "no longer the document as it first appeared: Herdruk"),
        (
            "kst-19637-3346-vervangen.xml",
            "no longer the document as it first appeared: replaced; replaced by kst-19637-3350",
        ),
    ],
)
def test_a_reprinted_or_replaced_document_is_reported_where_the_metadata_says_so(tmp_path, variant, said):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    body = (RECORDED / "variants" / variant).read_bytes()
    answers = {
        address("kst-19637-3346", "officielebekendmakingen"): http.Reply(200, body, "application/xml", DATE)
    }
    result, _ = verify(dossier, "kst-19637-3346", "--refresh", chosen=Replay(answers))
    assert result.exit_code == 0, result.output  # a warning
    assert f"{REGISTRY}:8:1: warning REF004 kst-19637-3346 is, says officielebekendmakingen.nl, {said}" in (
        result.stdout
    )


def _answer(name: str, status: int = 200) -> http.Reply:
    return http.Reply(status, (RECORDED / "broken" / name).read_bytes(), "", DATE)


BROKEN = [
    ("officielebekendmakingen", _answer("truncated.xml"), "the answer is not readable XML (no element found"),
    ("officielebekendmakingen", _answer("diagnostic.xml"), "the service says: Query syntax error"),
    ("officielebekendmakingen", _answer("entities.xml"), "the answer has a DOCTYPE declaration"),
    ("officielebekendmakingen", _answer("unavailable.html", 503), "HTTP status 503"),
    ("officielebekendmakingen", http.Reply(200, b"", "", DATE), "the answer is not readable XML"),
    ("tweedekamer", _answer("not-json.json"), "the answer is not readable JSON"),
    (
        "tweedekamer",
        http.Reply(200, b'{"value": {"Soort": "Motie"}}', "", DATE),
        "the answer does not have the shape the service describes",
    ),
    (
        "tweedekamer",
        http.Reply(200, b"[]", "", DATE),
        "the answer does not have the shape the service describes",
    ),
    ("tweedekamer", http.Reply(200, b"\xff\xfe", "", DATE), "the answer is not readable JSON"),
    (
        "tweedekamer",
        http.Reply(200, b'{"value": [{"Soort": "Motie", "Kamerstukdossier": 19637}]}', "", DATE),
        "the answer does not have the shape the service describes",
    ),
    (
        "tweedekamer",
        http.Reply(200, b'{"value": [{"Soort": "Motie", "DocumentActor": true}]}', "", DATE),
        "the answer does not have the shape the service describes",
    ),
    ("tweedekamer", http.Reply(200, b"[" * 100_000, "", DATE), "the answer is not readable JSON"),
    ("tweedekamer", http.Reply(200, b" " * (http.MAX_BYTES + 1), "", DATE), "the answer is larger than 5 MB"),
    ("tweedekamer", TimeoutError("timed out"), "no answer within 20 seconds"),
    ("tweedekamer", ConnectionResetError(104, "Connection reset by peer"), "no connection (Connection reset"),
]


@pytest.mark.parametrize(("service", "answer", "reason"), BROKEN, ids=[r for _, _, r in BROKEN])
def test_a_broken_answer_is_a_clear_message_exit_2_and_nothing_written(tmp_path, service, answer, reason):
    dossier = copy_dossier(tmp_path / "dossier")
    registry = (dossier / REGISTRY).read_bytes()
    result, _ = verify(dossier, "kst-19637-3451", chosen=Replay({address("kst-19637-3451", service): answer}))
    assert result.exit_code == 2, result.output
    name = {
        "officielebekendmakingen": "officielebekendmakingen.nl",
        "tweedekamer": "the Tweede Kamer's open data",
    }
    assert result.stderr.startswith(f"{name[service]} gave no usable answer: {reason}"), result.stderr
    assert "Nothing was written" in result.stderr
    assert (dossier / REGISTRY).read_bytes() == registry and not (dossier / CACHE_NAME).exists()


def test_a_broken_cache_file_is_named_with_its_line_and_left_alone(tmp_path):
    dossier = copy_dossier(tmp_path / "dossier")
    (dossier / CACHE_NAME).write_text('"kst-19637-3451":\n  found: [\n', encoding="utf-8")
    result, offline = verify(dossier, chosen=Offline())
    assert result.exit_code == 2 and offline.asked == []
    assert f"{CACHE_NAME}:3:1: error YAML001" in result.stderr
    assert f"Repair {CACHE_NAME}, or delete it" in result.stderr
    assert (dossier / CACHE_NAME).read_text(encoding="utf-8") == '"kst-19637-3451":\n  found: [\n'


def hand_edited(cache, edit) -> None:
    """The cache file with the entry of kst-19637-3451 changed by `edit` (old, new), as by hand."""
    text = cache.read_text(encoding="utf-8")
    start = text.index('"kst-19637-3451":\n')
    end = text.index('\n"', start + 1)
    old, new = edit
    assert old in text[start:end]
    cache.write_text(text[:start] + text[start:end].replace(old, new, 1) + text[end:], encoding="utf-8")


HAND_EDITS = {
    "date as text": ("  date: 2025-07-04\n", '  date: "4 juli"\n'),
    "no sources": ("  sources:\n", "  asked:\n"),
    "no day fetched": ("  fetched: 2026-12-07\n", ""),
    "a service verzamel does not know": ("    tweedekamer:", "    kamer:"),
}


@pytest.mark.parametrize("edit", HAND_EDITS.values(), ids=HAND_EDITS)
def test_an_entry_the_cache_file_does_not_read_is_fetched_again(tmp_path, edit):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    cache = dossier / CACHE_NAME
    hand_edited(cache, edit)
    result, replay = verify(dossier)
    assert result.exit_code == 0, result.output
    assert replay.asked == [address("kst-19637-3451", s) for s in ("officielebekendmakingen", "tweedekamer")]
    assert cache.read_bytes() == (REPO / CACHE_NAME).read_bytes()


def test_severities_of_verzamel_yaml_apply(tmp_path):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    edit(dossier, "  date: 2025-01-31\n", "  date: 2025-02-01\n")
    with (dossier / "verzamel.yaml").open("a", encoding="utf-8") as settings:
        settings.write("rules:\n  REF003: warning\n")
    result, _ = verify(dossier, chosen=Offline())
    assert result.exit_code == 0 and "warning REF003" in result.stdout


def test_verify_names_ids_it_cannot_find_in_the_registry(tmp_path):
    result, offline = verify(copy_dossier(tmp_path / "dossier"), "kst-19637-3500", chosen=Offline())
    assert result.exit_code == 2 and offline.asked == []
    assert "not in footnotes/, or not to be looked up: kst-19637-3500" in result.stderr


def test_a_ruling_of_a_court_outside_the_netherlands_is_not_asked_at_rechtspraak_nl(tmp_path):
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    with (dossier / "footnotes" / "uitspraken.yaml").open("w", encoding="utf-8") as registry:
        registry.write('"ECLI:EU:C:2019:1001":\n  text: HvJ EU 3 december 2019, C-482/17\n')
    result, offline = verify(dossier, chosen=Offline())
    assert result.exit_code == 0, result.output
    assert offline.asked == []  # it would answer 404: REF001, a number that does not exist


def test_the_groups_format_and_root_reach_verify(tmp_path, monkeypatch):
    """`refs --format json --root D verify` is read as `refs verify --format json --root D`."""
    dossier = with_cache(copy_dossier(tmp_path / "dossier"))
    monkeypatch.chdir(tmp_path)
    with transport(Offline()):
        result = run_cli("refs", "--format", "json", "--root", str(dossier), "verify")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
