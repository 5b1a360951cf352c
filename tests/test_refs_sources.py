"""The parts under `refs add` and `refs verify`: which ids go to which service at which address,
the recorded answers read, the registry title derived, the cache file's text, and the HTTP layer
itself against a server on this machine (loopback: no network)."""

from __future__ import annotations

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from recorded import INDEX, RECORDED, recorded_reply, transport
from verzamel.citations.resolve import parse_id
from verzamel.metadata import cache, eurlex, http, rechtspraak, sru, tk
from verzamel.metadata.ids import addresses
from verzamel.metadata.record import Official, house_title, same_title

SERVICES_OF = [
    ("kst-19637-3451", ["officielebekendmakingen", "tweedekamer"]),
    ("kst-36410-VII-12", ["officielebekendmakingen", "tweedekamer"]),
    ("kst-32217-A", ["officielebekendmakingen"]),  # the Eerste Kamer: not in the Tweede Kamer's data
    ("h-tk-20102011-108-5", ["officielebekendmakingen"]),
    ("ah-tk-20142015-1241", ["officielebekendmakingen"]),
    ("stb-2011-35", ["officielebekendmakingen"]),
    ("stcrt-2015-10247", ["officielebekendmakingen"]),
    ("trb-2008-175", ["officielebekendmakingen"]),
    ("celex-32001L0055", ["eurlex"]),
    ("ECLI:NL:RBDHA:2023:12919", ["rechtspraak"]),
]


@pytest.mark.parametrize(("identifier", "services"), SERVICES_OF)
def test_each_kind_of_id_is_asked_at_its_services(identifier, services):
    citation = parse_id(identifier)
    assert citation is not None and citation.id == identifier
    asked = addresses(citation)
    assert [service.NAME for service, _ in asked] == services
    for service, url in asked:
        assert url.startswith(service.ENDPOINT + "?")


def test_addresses_say_what_they_ask_for():
    (_, sru_url), (_, tk_url) = addresses(parse_id("kst-36410-VII-12"))
    assert sru_url.endswith(
        "query=c.product-area%3D%3Dofficielepublicaties%20AND%20dt.identifier%3D%3D%22kst-36410-VII-12%22"
    )
    assert (
        "Volgnummer%20eq%2012%20and%20Kamerstukdossier/any%28d:d/Nummer%20eq%2036410%20and%20d/Toevoeging%20eq%20%27VII%27%29"
        in tk_url
    )
    [(_, ecli_url)] = addresses(parse_id("ECLI:NL:RBDHA:2023:12919"))
    assert (
        ecli_url == "https://data.rechtspraak.nl/uitspraken/content?id=ECLI:NL:RBDHA:2023:12919&return=META"
    )
    [(_, eu_url)] = addresses(parse_id("celex-32001L0055"))
    assert "%2232001L0055%22" in eu_url and eu_url.endswith("&format=application%2Fsparql-results%2Bjson")


@pytest.mark.parametrize(
    "identifier",
    ["kst-19637", "celex-32001L55", "celex-52020DC0690", "pbeu-2010-L-180", "x", "ECLI:EU:C:2019:1"],
)  # rechtspraak.nl has the rulings of Dutch courts only
def test_ids_that_cannot_be_looked_up(identifier):
    citation = parse_id(identifier)
    assert citation is None or addresses(citation) == []


def test_every_recorded_answer_is_for_an_address_verzamel_asks():
    for row in INDEX:
        asked = dict((s.NAME, url) for s, url in addresses(parse_id(row["id"])))
        assert asked[row["service"]] == row["url"], row["id"]
        assert (RECORDED / row["body"]).is_file()


READERS = {"officielebekendmakingen": sru, "tweedekamer": tk, "eurlex": eurlex, "rechtspraak": rechtspraak}


def _read(identifier: str, service: str) -> Official:
    row = next(r for r in INDEX if r["id"] == identifier and r["service"] == service)
    return READERS[service].read(recorded_reply(row).body, identifier)


def test_the_recorded_answers_read_as_the_documents_they_describe():
    kst = _read("kst-19637-3451", "officielebekendmakingen")
    assert (kst.date, kst.dossier_title, kst.vergaderjaar, kst.chamber) == (
        date(2025, 7, 4),
        "Vreemdelingenbeleid",
        "2024-2025",
        "II",
    )
    assert kst.house_title == "Verzamelbrief opvang ontheemden uit Oekraïne"
    assert kst.url == "https://zoek.officielebekendmakingen.nl/kst-19637-3451.html"
    tk_side = _read("kst-19637-3451", "tweedekamer")
    assert (tk_side.kind, tk_side.tk_number) == ("Brief regering", "2025D32571")
    assert tk_side.submitter == "M.C.G. Keijzer, minister voor Asiel en Migratie"
    ruling = _read("ECLI:NL:RBDHA:2023:12919", "rechtspraak")
    assert (ruling.date, ruling.submitter, ruling.case_number, ruling.kind) == (
        date(2023, 8, 30),
        "Rechtbank Den Haag",
        "NL23.21673",
        "Uitspraak",
    )
    assert ruling.house_title == "Rechtbank Den Haag, 30-08-2023, NL23.21673"
    act = _read("celex-32001L0055", "eurlex")
    assert act.date == date(2001, 7, 20) and act.title.startswith("Richtlijn 2001/55/EG van de Raad")
    for unknown, service in (
        ("kst-19637-99999", "officielebekendmakingen"),
        ("kst-19637-99999", "tweedekamer"),
    ):
        assert _read(unknown, service).found is False


@pytest.mark.parametrize(
    ("title", "dossier_title", "identifier", "house"),
    [
        (
            "Brief regering; Verzamelbrief opvang ontheemden uit Oekraïne",
            "Vreemdelingenbeleid",
            "kst-19637-3451",
            "Verzamelbrief opvang ontheemden uit Oekraïne",
        ),
        (
            "Vreemdelingenbeleid; Brief regering; Verzamelbrief",
            "Vreemdelingenbeleid",
            "kst-19637-3451",
            "Verzamelbrief",
        ),
        ("Vreemdelingenbeleid", "Vreemdelingenbeleid", "kst-19637-3451", "Vreemdelingenbeleid"),
        ("Motie van het lid Podt", None, "kst-19637-3464", "Motie van het lid Podt"),
        (
            "ECLI:NL:HR:2020:1, Hoge Raad, 10-01-2020, 19/01234",
            None,
            "ECLI:NL:HR:2020:1",
            "Hoge Raad, 10-01-2020, 19/01234",
        ),
        (None, None, "kst-1-1", None),
    ],
)
def test_the_registry_title_is_the_subject_of_the_official_one(title, dossier_title, identifier, house):
    assert house_title(title, dossier_title, identifier) == house


def test_a_registry_title_is_the_same_when_it_is_the_official_one_or_its_beginning_in_whole_words():
    official = "Motie van het lid Podt over het ‘tijdelijk’ verlengen"
    assert same_title("Motie van het lid Podt", official)
    assert same_title("motie van het  lid podt over het 'tijdelijk' verlengen", official)
    assert not same_title("Motie van het lid Po", official)
    assert not same_title("", official)


def test_the_cache_file_text_is_the_same_for_the_same_contents(tmp_path):
    one = Official(
        "kst-1-2",
        True,
        date(2026, 1, 2),
        {"tweedekamer": "https://b", "officielebekendmakingen": "https://a"},
        date(2025, 1, 1),
        'Een "titel": ja',
        dossiers=("1", "36045"),
    )
    two = Official("ECLI:NL:HR:2020:1", False, date(2026, 1, 2), {"rechtspraak": "https://c"})
    text = cache.text({"kst-1-2": one, "ECLI:NL:HR:2020:1": two}, None)
    assert text == cache.text({"ECLI:NL:HR:2020:1": two, "kst-1-2": one}, None)
    assert text.index('"ECLI:NL:HR:2020:1":') < text.index('"kst-1-2":')
    (tmp_path / cache.NAME).write_text(text, encoding="utf-8")
    assert cache.load(tmp_path) == {"kst-1-2": one, "ECLI:NL:HR:2020:1": two}


# -- the HTTP layer, against a server on this machine ------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    seen: list[dict] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        _Handler.seen.append(
            {"path": self.path, "agent": self.headers["User-Agent"], "accept": self.headers["Accept"]}
        )
        status, body = (200, b"<ok/>") if self.path == "/ok" else (404, b"not here")
        self.send_response(status)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_urllib_sends_a_user_agent_and_gives_every_status_as_an_answer(local_server):
    _Handler.seen.clear()
    with transport(http.Urllib(timeout=5)):
        ok = http.get("rechtspraak", f"{local_server}/ok", "application/xml")
        missing = http.get("rechtspraak", f"{local_server}/gone", "application/xml", missing=(404,))
        with pytest.raises(http.FetchProblem) as refused:
            http.get("rechtspraak", f"{local_server}/gone", "application/xml")
    assert (ok.status, ok.body, ok.content_type) == (200, b"<ok/>", "application/xml")
    assert isinstance(ok.day, date)  # from the Date header
    assert (missing.status, missing.body) == (404, b"not here")
    assert refused.value.reason == "HTTP status 404" and not refused.value.offline
    assert _Handler.seen[0] == {"path": "/ok", "agent": http.USER_AGENT, "accept": "application/xml"}
    assert http.USER_AGENT.startswith("verzamel/")


def test_no_server_at_the_address_is_no_connection():
    import socket

    with socket.socket() as probe:  # a port nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with transport(http.Urllib(timeout=5)), pytest.raises(http.FetchProblem) as refused:
        http.get("tweedekamer", f"http://127.0.0.1:{port}/x", "application/json")
    assert refused.value.offline and refused.value.reason.startswith("no connection (")


def test_every_kind_a_service_describes_has_its_registry_file():
    """`refs add` puts a new kind of document in the file named for its kind (docs/citations.md)."""
    from verzamel.citations import models
    from verzamel.metadata import sru
    from verzamel.metadata.entries import FILES

    described = {*sru.KINDS, models.KAMERSTUK, models.EU_ACT, models.ECLI}
    assert described - set(FILES) == set()
    assert {FILES[kind] for kind in models.BLAD_PREFIX} == {"bekendmakingen.yaml"}
