"""Quotes and apostrophes in the house style (`house_style: quotes:`): an apostrophe in a word
(risico's, zo'n, 's-Gravenhage) is written as the quotes are, and is never taken for a quote."""

from __future__ import annotations

import json

import pytest

from conftest import edit, run_cli
from verzamel.checks.regions import region_from_lines
from verzamel.checks.style import check_text

# (house style, text, what is reported: (rule, the text it is about, the fix))
CASES = [
    ("typographic", "de risico's", [("STYLE004", "risico's", "risico’s")]),
    ("typographic", "zo'n 100 auto's", [("STYLE004", "zo'n", "zo’n"), ("STYLE004", "auto's", "auto’s")]),
    ("typographic", "naar 's-Gravenhage", [("STYLE004", "'s-Gravenhage", "’s-Gravenhage")]),
    ("typographic", "'s avonds en 't jaar '25", [("STYLE004", "'s", "’s"), ("STYLE004", "'t", "’t"),
                                                  ("STYLE004", "'25", "’25")]),
    ("typographic", "het rapport 'Geen weg terug?' en de risico's",
     [("STYLE002", "'Geen weg terug?'", "‘Geen weg terug?’"), ("STYLE004", "risico's", "risico’s")]),
    ("typographic", "de risico's en 'Geen weg terug?'",
     [("STYLE004", "risico's", "risico’s"), ("STYLE002", "'Geen weg terug?'", "‘Geen weg terug?’")]),
    ("typographic", "'s-Gravenhage en 'Geen weg'",
     [("STYLE004", "'s-Gravenhage", "’s-Gravenhage"), ("STYLE002", "'Geen weg'", "‘Geen weg’")]),
    ("typographic", "het rapport 'Over risico's' verscheen",  # the quote's fix sets the apostrophe too
     [("STYLE002", "'Over risico's'", "‘Over risico’s’")]),
    ("typographic", 'hij zei "de auto\'s" toen', [("STYLE002", '"de auto\'s"', "“de auto’s”")]),
    ("typographic", "het rapport ‘Over risico’s’ en ’s-Gravenhage", []),
    ("typographic", "het rapport ‘Over risico's’", [("STYLE004", "risico's", "risico’s")]),
    ("straight", "de risico's van 's-Gravenhage en 'Geen weg terug?'", []),
    ("straight", "de risico’s", [("STYLE004", "risico’s", "risico's")]),
    ("straight", "het rapport ‘Over risico’s’ verscheen",
     [("STYLE002", "‘Over risico’s’", "'Over risico's'")]),
    ("any", "de risico's en risico’s, 'a' en ‘b’", []),
]  # fmt: skip


@pytest.mark.parametrize(("style", "text", "reported"), CASES, ids=[f"{c[0]}: {c[1]}" for c in CASES])
def test_apostrophes_follow_the_quotes_and_are_no_quotes(style, text, reported):
    region = region_from_lines("sections/x.md", [(3, 1, text)])
    found = sorted(check_text(region, {"quotes": style}), key=lambda d: d.sort_key())
    assert [
        (d.rule, text[d.span.column - 1 : d.span.end_column - 1], d.fix.replacement) for d in found
    ] == reported


def test_check_fix_writes_typographic_apostrophes_and_leaves_straight_ones_in_a_straight_house_style(dossier):
    fragment = dossier / "sections" / "terugkeer.md"
    edit(
        fragment,
        "Sindsdien is",
        "Het rapport 'Geen weg terug?' noemt de risico's van zo'n stap. Sindsdien is",
    )
    checked = run_cli("check", "--root", str(dossier))
    assert "sections/terugkeer.md:" in checked.stdout and " STYLE004 risico's has a straight apostrophe" in (
        checked.stdout
    )
    run_cli("check", "--root", str(dossier), "--fix")
    assert "Het rapport ‘Geen weg terug?’ noemt de risico’s van zo’n stap." in fragment.read_text(
        encoding="utf-8"
    )

    edit(dossier / "verzamel.yaml", "quotes: typographic", "quotes: straight")
    edit(
        fragment,
        "‘Geen weg terug?’ noemt de risico’s van zo’n",
        "'Geen weg terug?' noemt de risico's van zo'n",
    )
    checked = json.loads(run_cli("check", "--root", str(dossier), "--format", "json").stdout)
    assert [row for row in checked if row["file"] == "sections/terugkeer.md"] == []
