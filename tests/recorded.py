"""Recorded answers of the official services (tests/data/recorded/), replayed through the one seam
verzamel has for the network: verzamel.metadata.http.TRANSPORT. Nothing else is replaced."""

from __future__ import annotations

import errno
import shutil
import urllib.error
from contextlib import contextmanager
from pathlib import Path

from ruamel.yaml import YAML

from conftest import REPO
from verzamel.metadata import http
from verzamel.metadata.cache import NAME as CACHE_NAME

RECORDED = Path(__file__).parent / "data" / "recorded"
INDEX = YAML(typ="safe").load((RECORDED / "index.yaml").read_text(encoding="utf-8"))


def recorded_reply(row: dict) -> http.Reply:
    body = (RECORDED / row["body"]).read_bytes()
    return http.Reply(row["status"], body, row["content_type"], row["date"])


def address(identifier: str, service: str) -> str:
    return next(row["url"] for row in INDEX if row["id"] == identifier and row["service"] == service)


class Replay:
    """Answers every recorded address as recorded; `answers` (address -> Reply or OSError) go
    first. An address nobody recorded fails the test: the asked list says what was asked."""

    def __init__(self, answers: dict | None = None):
        self.answers = {row["url"]: recorded_reply(row) for row in INDEX} | (answers or {})
        self.asked: list[str] = []

    def get(self, url: str, accept: str) -> http.Reply:
        self.asked.append(url)
        assert url in self.answers, f"not recorded: {url}"
        answer = self.answers[url]
        if isinstance(answer, BaseException):
            raise answer
        return answer


class Offline:
    """No network at all, as urllib says it."""

    def __init__(self):
        self.asked: list[str] = []

    def get(self, url: str, accept: str) -> http.Reply:
        self.asked.append(url)
        raise urllib.error.URLError(OSError(errno.ENETUNREACH, "Network is unreachable"))


@contextmanager
def transport(chosen):
    """`chosen` as verzamel's way to the network for the duration."""
    before = http.TRANSPORT
    http.TRANSPORT = chosen
    try:
        yield chosen
    finally:
        http.TRANSPORT = before


def with_cache(dossier: Path) -> Path:
    """The example's cache file copied into a copy of the dossier (copy_dossier takes the sources)."""
    shutil.copyfile(REPO / CACHE_NAME, dossier / CACHE_NAME)
    return dossier
