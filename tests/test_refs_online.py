"""The real services, over the network: are they still what the recordings in tests/data/recorded/
say they are? Left out by default (pyproject: `-m "not online"`); run them with

    .venv/bin/python -m pytest -m online

Without a network they are skipped, not failed."""

from __future__ import annotations

from datetime import date

import pytest

from verzamel.citations.resolve import parse_id
from verzamel.metadata import http
from verzamel.metadata.lookup import fetch

pytestmark = pytest.mark.online


@pytest.mark.parametrize(
    ("identifier", "day"),
    [
        ("kst-19637-3451", date(2025, 7, 4)),
        ("stb-2019-143", None),
        ("celex-32001L0055", date(2001, 7, 20)),
        ("ECLI:NL:RBDHA:2023:12919", date(2023, 8, 30)),
    ],
)
def test_the_services_describe_documents_verzamel_knows(identifier, day):
    assert http.TRANSPORT is None  # the network itself
    try:
        official = fetch(parse_id(identifier), date.today())
    except http.FetchProblem as problem:
        if problem.offline:
            pytest.skip(f"no network: {problem.sentence}")
        raise
    assert official.found, official
    assert official.house_title, official
    if day is not None:
        assert official.date == day, official
