"""`verzamel preview`: the server in a test (a free port, the example dossier in git with its sent
letter frozen), the page reloading when a source is saved, a broken source shown while the server
stays up, nothing served but its pages, and a real browser (headless Chromium) reading a page."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import struct
import subprocess
import sys
import time
from urllib.parse import urlsplit

import pytest

from conftest import (
    MOVED_ON,
    TERUGKEERBRIEF,
    VERZAMELBRIEF,
    copy_dossier,
    dossier_in_git,
    require_tool,
    run_cli,
)
from verzamel.preview.server import Preview

FRAGMENT = "sections/eu-exit-strategie.md"  # of the sent Verzamelbrief
SENTENCE = "Deze zin is net opgeslagen."
BOUND = 10.0
"""Seconds a test waits at most for a change to show (it takes a fraction of a second)."""


@pytest.fixture
def served(tmp_path):
    root = dossier_in_git(tmp_path / "dossier", frozen=True)
    preview = Preview(root, 0)
    preview.start_in_background()
    yield root, preview
    preview.close()


def get(preview: Preview, path: str, host: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", preview.server.server_address[1], timeout=BOUND)
    connection.request("GET", path, headers={"Host": host} if host else {})
    response = connection.getresponse()
    body = response.read().decode("utf-8")
    connection.close()
    return response.status, body


class Events:
    """The page's view of /events: the versions the server announces."""

    def __init__(self, preview: Preview):
        self.connection = http.client.HTTPConnection(
            "127.0.0.1", preview.server.server_address[1], timeout=BOUND
        )
        self.connection.request("GET", "/events")
        self.response = self.connection.getresponse()

    def next(self) -> str:
        while True:
            line = self.response.fp.readline().decode()
            if line.startswith("data: "):
                return line[len("data: ") :].strip()

    def close(self) -> None:
        self.connection.close()


def test_the_kamerbrief_is_served_with_its_footnotes_and_a_saved_sentence_shows(served):
    root, preview = served
    status, index = get(preview, "/")
    assert status == 200 and VERZAMELBRIEF in index and TERUGKEERBRIEF in index and "verzonden" in index
    status, page = get(preview, f"/{VERZAMELBRIEF}/kamerbrief")
    assert status == 200 and page.count('role="doc-footnote"') == 5
    assert 'new EventSource("/events")' in page and "No problems." not in page
    assert "LOCK004" in page and all(path in page for path in MOVED_ON)  # its house style moved on since sent

    events = Events(preview)
    shown = events.next()
    fragment = root / FRAGMENT
    fragment.write_text(fragment.read_text(encoding="utf-8") + f"\n{SENTENCE}\n", encoding="utf-8")
    assert events.next() != shown  # the page is told to reload, without anyone asking
    events.close()
    status, page = get(preview, f"/{VERZAMELBRIEF}/kamerbrief")
    assert SENTENCE in page
    assert "has been sent and its sources have changed since" in page  # build writes it as sent
    assert "LOCK004" in page


def page_once(preview: Preview, path: str, condition) -> str:
    """The page at `path` as soon as `condition(page)` holds (at most BOUND seconds from now)."""
    deadline = time.monotonic() + BOUND
    while True:
        status, page = get(preview, path)
        if status == 200 and condition(page) or time.monotonic() > deadline:
            return page
        time.sleep(0.05)


def test_a_broken_source_is_shown_and_the_last_good_page_kept(served):
    root, preview = served
    fragment = root / FRAGMENT
    good = fragment.read_text(encoding="utf-8")
    fragment.write_text(good.replace("title: ", "title: [", 1), encoding="utf-8")
    page = page_once(preview, f"/{VERZAMELBRIEF}/kamerbrief", lambda page: "YAML001" in page)
    assert f"{FRAGMENT}:3:" in page and "YAML001" in page
    assert "this is the last version without errors" in page
    assert "In juni 2025 heeft de Europese Commissie" in page  # the last good text
    assert get(preview, "/")[0] == 200
    fragment.write_text(good, encoding="utf-8")
    page = page_once(preview, f"/{VERZAMELBRIEF}/kamerbrief", lambda page: "YAML001" not in page)
    assert "YAML001" not in page and "last version without errors" not in page


@pytest.mark.parametrize(
    "path",
    ["/../verzamel.yaml", "/%2e%2e/verzamel.yaml", "//etc/passwd", f"/{FRAGMENT}",
     f"/{VERZAMELBRIEF}/../../verzamel.yaml", f"/{VERZAMELBRIEF}/kamerbrief.docx", "/verzamel.yaml",
     f"/{VERZAMELBRIEF}/nota"],
)  # fmt: skip
def test_nothing_but_its_pages_is_served(served, path):
    _, preview = served
    status, body = get(preview, path)
    assert status == 404 and "betreft" not in body


@pytest.mark.parametrize("path", [f"/{VERZAMELBRIEF}", f"/{VERZAMELBRIEF}/", f"/{VERZAMELBRIEF}?x=1"])
def test_a_letter_alone_goes_to_its_kamerbrief(served, path):
    _, preview = served
    connection = http.client.HTTPConnection("127.0.0.1", preview.server.server_address[1], timeout=BOUND)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 302 and response.getheader("Location") == f"/{VERZAMELBRIEF}/kamerbrief"
    assert get(preview, f"/{VERZAMELBRIEF}x")[0] == 404  # not a letter: nothing to go to


def test_a_request_for_another_host_is_refused(served):
    _, preview = served
    assert get(preview, "/", host="evil.example")[0] == 403
    assert get(preview, "/", host="localhost")[0] == 200


def reset_at_once(preview: Preview, path: str) -> None:
    """A browser that asks for `path` and goes away before the answer (a reload, a closed tab)."""
    with socket.create_connection(("127.0.0.1", preview.server.server_address[1])) as client:
        client.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close = reset


def test_a_browser_that_goes_away_early_is_no_error(served, capsys):
    _, preview = served
    for path in (f"/{VERZAMELBRIEF}/beslisnota", "/", "/events", f"/{VERZAMELBRIEF}/kamerbrief"):
        reset_at_once(preview, path)
    assert get(preview, "/")[0] == 200  # still serving
    for gone in (
        BrokenPipeError(32, "Broken pipe"),
        ConnectionResetError(104, "reset"),
        ConnectionAbortedError(),
    ):
        try:
            raise gone
        except ConnectionError:
            preview.server.handle_error(None, ("127.0.0.1", 1))
    assert "Traceback" not in capsys.readouterr().err
    try:
        raise RuntimeError("a bug in a handler")
    except RuntimeError:
        preview.server.handle_error(None, ("127.0.0.1", 1))
    assert "RuntimeError: a bug in a handler" in capsys.readouterr().err  # what is not a client gone


def test_a_taken_port_means_the_next_one(tmp_path):
    root = copy_dossier(tmp_path / "dossier")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        preview = Preview(root, port)
        try:
            assert preview.server.server_address[1] > port
        finally:
            preview.server.server_close()


def test_an_unknown_letter_is_refused(tmp_path):
    root = copy_dossier(tmp_path / "dossier")
    result = run_cli("preview", "2025-01-01-bestaat-niet", "--port", "0", "--root", str(root))
    assert result.exit_code == 2 and "no letter called 2025-01-01-bestaat-niet" in result.stderr


def test_chromium_loads_a_preview_page_with_its_footnotes(served, tmp_path):
    chromium = require_tool("chromium")
    _, preview = served
    url = f"{preview.url}{TERUGKEERBRIEF}/kamerbrief"
    flags = [
        *("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"),
        *("--disable-background-networking", "--disable-component-update"),
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    started = time.monotonic()
    dumped = subprocess.run(
        [chromium, *flags, "--timeout=5000", "--dump-dom", url], capture_output=True, text=True, timeout=120
    )
    dom = dumped.stdout
    assert dom.count('role="doc-footnote"') == 2, time.monotonic() - started
    assert "d.d. 28 november 2025" in dom and "No problems." in dom
    shot = tmp_path / "preview.png"
    window = "--window-size=1400,1000"
    subprocess.run(
        [chromium, *flags, "--timeout=5000", f"--screenshot={shot}", window, url],
        capture_output=True,
        timeout=120,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_the_command_prints_its_address_and_ends_cleanly_on_ctrl_c(tmp_path):
    root = copy_dossier(tmp_path / "dossier", frozen=True)
    env = {**os.environ, "VERZAMEL_TAAL": "en", "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable,
        "-m",
        "verzamel",
        "preview",
        TERUGKEERBRIEF,
        "--port",
        "0",
        "--root",
        str(root),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        first = process.stdout.readline()
        assert first.startswith("Preview: http://127.0.0.1:") and first.strip().endswith(
            f"/{TERUGKEERBRIEF}/kamerbrief"
        )
        url = urlsplit(first.split(" ", 1)[1].strip())
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=BOUND)
        connection.request("GET", url.path)
        assert connection.getresponse().status == 200
        connection.close()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=BOUND)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "Preview stopped." in out and "Traceback" not in err
