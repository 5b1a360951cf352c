"""The mistakes a policy officer makes in the first hour (issue 14), each started from the mistake.

Every mistake ends in an error or a fix at the file and line where it was made, or in a document
that shows what was meant; never in a document that silently says something else.
"""

from __future__ import annotations

import json

import pytest

from conftest import KENMERK, SIGNED_BY, copy_dossier, run_cli
from docx_reading import footnotes, paragraphs

LETTER = "2025-11-28-verzamelbrief-oekraine"
MANIFEST = f"letters/{LETTER}.yaml"
FRAGMENT = "sections/terugkeer.md"
REGISTRY = "footnotes/kamerstukken.yaml"


@pytest.fixture
def dossier(tmp_path):
    return copy_dossier(tmp_path / "dossier")


def edit(dossier, path, old, new):
    target = dossier / path
    text = target.read_text(encoding="utf-8")
    assert old in text, old
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(dossier, *args):
    """Exit code and diagnostics; not LOCK005, which every copy has (conftest.copy_dossier)."""
    result = run_cli("check", "--root", str(dossier), "--format", "json", *args)
    return result.exit_code, [d for d in json.loads(result.stdout) if d["rule"] != "LOCK005"]


# mistake, file, text as it was, text with the mistake, rule, line, column
MISTAKES = [
    ("kenmerk without quotes", MANIFEST, KENMERK, "kenmerk: 0000123", "MAN002", 6, 10),
    ("fragment id as a number", FRAGMENT, "id: terugkeer", "id: 2025", "FM005", 2, 5),
    ("misspelt manifest key", MANIFEST, "ministerraad: 2025", "ministeraad: 2025", "KEY001", 7, 1),
    ("misspelt front-matter key", FRAGMENT, "title: Terugkeer", "titel: Terugkeer", "KEY001", 3, 1),
    ("mistyped citation id", FRAGMENT, "dat kan.", "dat kan.[@kst-36512-4]", "CIT003", 7, 126),
    ("beslisnota without a date", MANIFEST, "  datum: 2025-11-21\n", "", "MR003", 7, 15),
    ("a tab in a manifest", MANIFEST, "\n    - inleiding", "\n\t- inleiding", "YAML001", 15, 1),
    ("': ' in a title", MANIFEST, "betreft: Verzamelbrief", "betreft: Verzamelbrief:", "YAML001", 4, 10),
    ("list item indented unlike the others", MANIFEST, "    - eu-exit", "   - eu-exit", "YAML001", 16, 4),
    ("unclosed quote", MANIFEST, KENMERK, 'kenmerk: "0000000', "YAML001", 6, 10),
    ("unclosed bracket", MANIFEST, "status: verzonden", "status: [verzonden", "YAML001", 8, 9),
]


@pytest.mark.parametrize(("path", "old", "new", "rule", "line", "column"), [m[1:] for m in MISTAKES],
                         ids=[m[0] for m in MISTAKES])  # fmt: skip
def test_the_mistake_is_an_error_at_its_place(dossier, path, old, new, rule, line, column):
    edit(dossier, path, old, new)
    code, found = check(dossier)
    places = [(d["rule"], d["file"], d["line"], d["column"]) for d in found]
    assert (rule, path, line, column) in places, places
    severity = next(d["severity"] for d in found if d["rule"] == rule)
    assert (code, severity) == ((0, "info") if rule == "MR003" else (1, "error"))
    built = run_cli("build", "--root", str(dossier), LETTER)
    assert built.exit_code == (0 if rule == "MR003" else 1)


def test_front_matter_never_closed_is_named_as_such(dossier):
    target = dossier / "sections/appreciatie-seo.md"
    lines = target.read_text(encoding="utf-8").split("\n")
    closing = lines.index("---", 1)
    target.write_text("\n".join(lines[:closing] + lines[closing + 1 :]), encoding="utf-8")
    _, found = check(dossier)
    fm001 = [d for d in found if d["rule"] == "FM001"]
    assert fm001 and "never closed" in fm001[0]["message"]


@pytest.mark.parametrize(
    ("path", "old", "new", "fixed"),
    [
        (MANIFEST, KENMERK, "kenmerk: 0000123", 'kenmerk: "0000123"'),
        (MANIFEST, "ministerraad: 2025", "ministeraad: 2025", "ministerraad: 2025"),
        (FRAGMENT, "title: Terugkeer", "titel: Terugkeer", "title: Terugkeer"),
        (
            MANIFEST,
            "betreft: Verzamelbrief opvang",
            "betreft: Verzamelbrief: opvang",
            'betreft: "Verzamelbrief: opvang',
        ),
    ],
    ids=["kenmerk", "manifest key", "front-matter key", "colon in a value"],
)
def test_fix_writes_what_was_meant(dossier, path, old, new, fixed):
    edit(dossier, path, old, new)
    result = run_cli("check", "--root", str(dossier), "--fix")
    assert result.exit_code == 0, result.output
    assert fixed in (dossier / path).read_text(encoding="utf-8")


def test_a_really_unknown_key_stays_a_warning(dossier):
    edit(dossier, MANIFEST, "bijlagen: 0", "bijlagen: 0\nopmerking: voor de DG")
    code, found = check(dossier)
    assert code == 0
    assert [(d["rule"], d["severity"]) for d in found] == [("MAN003", "warning")]


def test_a_mistyped_citation_id_names_the_ids_it_may_have_meant(dossier):
    edit(dossier, FRAGMENT, "wanneer dat kan.", "wanneer dat kan.[@kst-19637-3452]")
    _, found = check(dossier)
    cit003 = next(d for d in found if d["rule"] == "CIT003")
    assert "kst-19637-3451" in cit003["hint"]
    assert "kst-19637-3452: {date: YYYY-MM-DD}" in cit003["hint"]


def test_attachment_titles_are_listed_after_the_signature_and_in_the_beslisnota(dossier):
    edit(dossier, MANIFEST, "bijlagen: 0", "bijlagen:\n  - Transitiedocument\n  - Rapport SEO")
    assert run_cli("build", "--root", str(dossier), LETTER).exit_code == 0
    out = dossier / "build" / LETTER
    letter = [text for _, text in paragraphs(out / "kamerbrief.docx")]
    signed = letter.index(SIGNED_BY)
    assert letter[signed + 1 :][:3] == ["Bijlagen", "Transitiedocument", "Rapport SEO"]
    assert "Bijlage(n)\n2" in "\n".join(letter)
    nota = [(style, text) for style, text in paragraphs(out / "beslisnota.docx")]
    heading = nota.index(("Heading 1", "6. Bijlagen"))
    assert [text for _, text in nota[heading + 1 : heading + 3]] == ["Transitiedocument", "Rapport SEO"]
    assert {style for style, _ in nota[heading + 1 : heading + 3]} == {"List Number"}


@pytest.mark.parametrize("setting", [None, False])
def test_registry_footnotes_end_with_a_full_stop_unless_the_house_style_says_not(dossier, setting):
    if setting is not None:
        edit(
            dossier,
            "verzamel.yaml",
            "  quotes: typographic",
            "  quotes: typographic\n  footnote_full_stop: false",
        )
    assert run_cli("build", "--root", str(dossier), LETTER).exit_code == 0
    first = footnotes(dossier / "build" / LETTER / "kamerbrief.docx")[1]
    assert first == "Kamerstukken II, 2024-2025, 19637, nr. 3451" + ("." if setting is None else "")


def test_a_broken_registry_file_is_one_message(dossier):
    edit(
        dossier,
        REGISTRY,
        "  title: Verzamelbrief opvang ontheemden uit Oekraïne\n",
        "  title: [Verzamelbrief\n",
    )
    code, found = check(dossier)
    assert code == 1
    assert [(d["rule"], d["file"]) for d in found] == [("YAML001", REGISTRY)]


def test_letters_with_a_broken_manifest_exits_1_and_points_to_check(dossier):
    (dossier / "letters/kapot.yaml").write_text("betreft: x\n\tdatum: 2025-11-28\n", encoding="utf-8")
    result = run_cli("letters", "--root", str(dossier))
    assert result.exit_code == 1
    assert "kapot  (the manifest has errors: run `verzamel check kapot`)" in result.stdout


def test_show_without_an_id_lists_the_letters(dossier):
    result = run_cli("show", "--root", str(dossier))
    assert result.exit_code == 2
    assert LETTER in result.stdout
    assert "verzamel show LETTER-ID" in result.stderr
