"""A date written the Dutch way where a date belongs (`datum: 18-12-2026`): the date meant is
suggested, and `check --fix` writes it as JJJJ-MM-DD when it can be read one way only."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import TERUGKEERBRIEF, edit, run_cli
from verzamel.dutch import read_date

MANIFEST = f"letters/{TERUGKEERBRIEF}.yaml"
DATUM = "datum: 2025-12-12"


@pytest.mark.parametrize(
    ("written", "meant", "certain"),
    [
        ("18-12-2026", date(2026, 12, 18), True),
        ("18/12/2026", date(2026, 12, 18), True),
        ("18.12.2026", date(2026, 12, 18), True),
        ("8-1-2026", date(2026, 1, 8), True),
        ("18 december 2026", date(2026, 12, 18), True),
        ("18 December 2026", date(2026, 12, 18), True),
        ("18 dec. 2026", date(2026, 12, 18), True),
        ("1 mrt 2026", date(2026, 3, 1), True),
        ("vrijdag 18 december 2026", date(2026, 12, 18), True),
        ("donderdag 18 december 2026", date(2026, 12, 18), False),  # the weekday says otherwise
        ("2026/12/18", date(2026, 12, 18), True),
        ("2026-12-8", date(2026, 12, 8), True),
        ("2026-12-18", date(2026, 12, 18), True),  # in quotes YAML reads it as text
        ("18-12-26", date(2026, 12, 18), False),  # two digits: 2026 likely, not certain
        ("31-02-2026", None, False),
        ("18-13-2026", None, False),
        ("18-00-2026", None, False),  # no month 0: explained, not a crash
        ("2026/0/18", None, False),
        ("00-12-2026", None, False),
        ("29-02-2028", date(2028, 2, 29), True),
    ],
)
def test_dutch_dates_are_read(written, meant, certain):
    found = read_date(written)
    assert found is not None
    assert (found.meant, found.certain) == (meant, certain)


@pytest.mark.parametrize("written", ["volgende week", "18-12/2026", "18122026", "1.5", "18 decembre 2026"])
def test_other_text_is_no_date(written):
    assert read_date(written) is None


def _check(dossier, *args):
    return run_cli("check", TERUGKEERBRIEF, "--root", str(dossier), *args)


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("datum: 12-12-2025", "datum: 2025-12-12"),
        ('datum: "12/12/2025"', "datum: 2025-12-12"),
        ("datum: 12 december 2025   # getekend", "datum: 2025-12-12   # getekend"),
        ("datum: '2025-12-12'", "datum: 2025-12-12"),
    ],
)
def test_a_dutch_date_is_suggested_and_fixed(dossier, written, fixed):
    manifest = dossier / MANIFEST
    edit(manifest, DATUM, written)
    result = _check(dossier)
    assert result.exit_code == 1
    message = "error MAN002 'datum:' must be a date as YYYY-MM-DD; did you mean 2025-12-12?"
    assert f"{MANIFEST}:6:8: {message}" in result.stdout
    assert "hint: write 'datum: 2025-12-12'" in result.stdout
    assert _check(dossier, "--fix").exit_code == 0
    assert fixed in manifest.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        ("31-02-2025", "must be a date, and 31-02-2025 does not exist: February 2025 has 28 days", "correct"),
        ("12-13-2025", "must be a date, and 12-13-2025 does not exist: there is no month 13", "correct"),
        ("12-00-2025", "must be a date, and 12-00-2025 does not exist: there is no month 0", "correct"),
        ("12-12-25", "did you mean 2025-12-12?", "write the year in full: 'datum: 2025-12-12'"),
        ("donderdag 12 december 2025", "12 December 2025 is a Friday, not a donderdag", "check which date"),
    ],
)
def test_a_date_that_is_not_certain_is_explained_and_left_alone(dossier, written, message, hint):
    manifest = dossier / MANIFEST
    edit(manifest, DATUM, f"datum: {written}")
    result = _check(dossier, "--fix")
    assert result.exit_code == 1
    (line,) = [line for line in result.stdout.splitlines() if " MAN002 " in line]
    assert line.startswith(f"{MANIFEST}:6:8:") and message in line
    assert f"hint: {hint}" in result.stdout
    assert f"datum: {written}" in manifest.read_text(encoding="utf-8")


def test_a_dutch_date_in_the_letter_defaults_is_fixed_in_verzamel_yaml(dossier):
    settings = dossier / "verzamel.yaml"
    edit(settings, "letter_defaults:\n", "letter_defaults:\n  akkoord_op: 1-12-2025\n")
    result = _check(dossier)
    message = "error MAN002 'akkoord_op:' must be a date as YYYY-MM-DD; did you mean 2025-12-01?"
    assert f"verzamel.yaml:15:15: {message}" in result.stdout
    _check(dossier, "--fix")
    assert "  akkoord_op: 2025-12-01\n" in settings.read_text(encoding="utf-8")


def test_a_dutch_date_in_the_registry_is_suggested_and_fixed(dossier):
    registry = dossier / "footnotes" / "kamerstukken.yaml"
    edit(registry, "date: 2025-07-04", "date: 4-7-2025")
    result = run_cli("check", "--root", str(dossier))
    message = (
        "error FN007 'date:' of [^kst-19637-3451] must be a date as YYYY-MM-DD; did you mean 2025-07-04?"
    )
    assert f"footnotes/kamerstukken.yaml:13:9: {message}" in result.stdout
    run_cli("check", "--root", str(dossier), "--fix")
    assert "date: 2025-07-04" in registry.read_text(encoding="utf-8")
