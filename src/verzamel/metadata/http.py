"""The one way verzamel goes on the network: an HTTP GET with a timeout and a clear User-Agent.

`TRANSPORT` is the seam: None means urllib; a test puts a transport there that replays recorded
answers (tests/recorded.py). Whatever goes wrong on the way (no network, a timeout, an HTTP error,
an answer too large) becomes a `FetchProblem` with a Dutch sentence, never an exception a user sees.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Protocol

from .. import __version__
from ..messages import t

TIMEOUT = 20
"""Seconds to wait for a service before giving up on it."""
MAX_BYTES = 5_000_000
"""The largest answer read: one document's metadata is a few kilobytes."""
USER_AGENT = f"verzamel/{__version__} (officiele gegevens voor voetnoten; python-urllib)"


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str = ""
    date: str | None = None
    """The HTTP Date header: the day the service answered."""

    @property
    def day(self):
        """The date of the Date header, or None."""
        try:
            return parsedate_to_datetime(self.date).date() if self.date else None
        except (TypeError, ValueError):
            return None


class Transport(Protocol):
    def get(self, url: str, accept: str) -> Reply:
        """The answer to a GET of `url` (any HTTP status); OSError when there is none."""


class Urllib:
    """The network, through the standard library."""

    def __init__(self, timeout: float = TIMEOUT):
        self.timeout = timeout

    def get(self, url: str, accept: str) -> Reply:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return _reply(response.status, response.headers, response.read(MAX_BYTES + 1))
        except urllib.error.HTTPError as error:
            with error:
                return _reply(error.code, error.headers, error.read(MAX_BYTES + 1))
        except http.client.HTTPException as error:  # a connection cut off halfway: no answer
            raise OSError(str(error) or type(error).__name__) from error


def _reply(status: int, headers, body: bytes) -> Reply:
    headers = headers or {}
    return Reply(status, body, headers.get("Content-Type", ""), headers.get("Date"))


TRANSPORT: Transport | None = None
"""The seam: None for the network (Urllib), or a transport a test gives."""


class FetchProblem(Exception):
    """A service that gave no usable answer: which, for which address, and why (in Dutch)."""

    def __init__(self, service: str, url: str, reason: str, offline: bool = False):
        self.service = service
        self.url = url
        self.reason = reason
        self.offline = offline
        """No answer at all (no network, a name not found, a timeout): the next address will not
        answer either, so asking more is pointless."""
        super().__init__(reason)

    @property
    def sentence(self) -> str:
        return t("official.fetch_problem", service=t(f"official.service.{self.service}"), reason=self.reason)


def get(service: str, url: str, accept: str, missing: tuple[int, ...] = ()) -> Reply:
    """The answer of `service` at `url`: status 200, or one in `missing` (the service's way of
    saying it does not know the document). Raises FetchProblem for anything else."""
    transport = TRANSPORT or Urllib()
    try:
        reply = transport.get(url, accept)
    except OSError as error:
        reason = getattr(error, "reason", None) or error  # urllib wraps what the socket said
        if isinstance(reason, TimeoutError):
            raise FetchProblem(service, url, t("official.timeout", seconds=TIMEOUT), offline=True) from None
        said = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
        raise FetchProblem(service, url, t("official.unreachable", reason=said), offline=True) from None
    if reply.status in missing:
        return reply
    if reply.status != 200:
        raise FetchProblem(service, url, t("official.http_status", status=reply.status))
    if len(reply.body) > MAX_BYTES:
        raise FetchProblem(service, url, t("official.too_large", limit=MAX_BYTES // 1_000_000))
    return reply
