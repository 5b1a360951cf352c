"""The preview's web server: 127.0.0.1 only, a fixed set of addresses, pages that reload.

    /                           every letter, with its date, MR date, status and check state
    /<letter-id>/<document>     kamerbrief, beslisnota or beslisnota-openbaar
    /<letter-id>                to /<letter-id>/kamerbrief
    /events                     Server-Sent Events: the version of the dossier, on every change

Nothing else is served: no file is ever looked up by the path asked for, so `/../` or an
absolute path is a 404 like any other unknown address. A request that names another host than
this machine is refused too (a web page elsewhere cannot read the preview through DNS tricks).
"""

from __future__ import annotations

import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from .pages import KINDS, document_page, index_page
from .state import PreviewState

HOST = "127.0.0.1"
POLL = 0.2
"""Seconds between two looks at the sources: a saved change shows well within a second."""
KEEPALIVE = 15.0
PORTS_TRIED = 50


class Preview:
    """A running preview: its server, the thread that watches the sources, and their state."""

    def __init__(self, root: Path, port: int):
        self.state = PreviewState(root)
        self.state.refresh()
        self.server = _bind(port, self.state)
        self.stopping = threading.Event()
        self.watcher = threading.Thread(target=self._watch, name="verzamel-watch", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}/"

    def _watch(self) -> None:
        while not self.stopping.wait(POLL):
            self.state.refresh()

    def serve_forever(self) -> None:
        """Serve until Ctrl-C (KeyboardInterrupt reaches the caller, after the server is closed)."""
        self.watcher.start()
        try:
            self.server.serve_forever(poll_interval=0.2)
        finally:
            self._stop()

    def start_in_background(self) -> None:
        """For tests and tools: serve from a thread of its own; `close()` ends it."""
        self.watcher.start()
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        """End a preview started with `start_in_background`."""
        self.server.shutdown()
        self._thread.join(timeout=5)
        self._stop()

    def _stop(self) -> None:
        self.stopping.set()
        self.state.close()  # the event streams end
        self.server.server_close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A browser that went away (a reload, a closed tab) is normal: no traceback for it."""
        if isinstance(sys.exc_info()[1], ConnectionError):  # reset, aborted, a broken pipe
            return
        super().handle_error(request, client_address)


def _bind(port: int, state: PreviewState) -> ThreadingHTTPServer:
    """The server on `port`, or on the next free one (port 0: any free one)."""
    handler = type("Handler", (_Handler,), {"state": state})
    last_error: OSError | None = None
    for candidate in [0] if port == 0 else range(port, port + PORTS_TRIED):
        try:
            return _Server((HOST, candidate), handler)
        except OSError as exc:
            last_error = exc
    raise last_error or OSError("no free port")


class _Handler(BaseHTTPRequestHandler):
    state: PreviewState
    server_version = "verzamel-preview"

    def log_message(self, format, *args) -> None:  # noqa: A002 - the name http.server uses
        pass  # the terminal shows the address and the problems, not every request

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if not self._from_this_machine():
            self._send(HTTPStatus.FORBIDDEN, b"")
            return
        path = urlsplit(self.path).path
        if path == "/events":
            self._events()
            return
        if path == "/":
            self._send(HTTPStatus.OK, index_page(self.state))
            return
        parts = path.split("/")
        letter = (
            parts[1] if len(parts) in (2, 3) and parts[0] == "" and parts[1] in self.state.letters else None
        )
        if letter is not None and parts[2:] in ([], [""]):  # the letter alone: its Kamerbrief
            self._redirect(f"/{letter}/{KINDS[0]}")
            return
        if letter is not None and parts[2] in KINDS:
            self._send(HTTPStatus.OK, document_page(self.state, letter, parts[2]))
            return
        self._send(HTTPStatus.NOT_FOUND, b"404\n", "text/plain; charset=utf-8")

    def _from_this_machine(self) -> bool:
        host = (self.headers.get("Host") or HOST).rsplit(":", 1)[0].strip("[]").lower()
        return host in (HOST, "localhost", "::1")

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def _send(self, status: HTTPStatus, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                         "script-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:")  # fmt: skip
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """The dossier's version now and after every change, until the page or the server goes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        version = self.state.version
        try:
            self.wfile.write(f"data: {version}\n\n".encode())
            self.wfile.flush()
            while True:
                now = self.state.wait(version, KEEPALIVE)
                if now is None:  # the preview is ending
                    return
                self.wfile.write(f"data: {now}\n\n".encode() if now != version else b": wait\n\n")
                self.wfile.flush()
                version = now
        except ConnectionError:  # the page went away
            return
