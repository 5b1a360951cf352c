"""The send gate (issue 29): from `akkoord` on nothing still to be replaced goes out, from
`ter-besluitvorming` on the MR date is a day the ministerraad meets, and the beslisnota never
writes a weekday its date does not have.

tests/bad_input/cases.py has a case per place a letter's text comes from; here the gate's data is
held against what `init` and `new` really write, and the statuses, the MR calendar and the weekday
are read back from what verzamel reports and builds.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import REPO, TERUGKEERBRIEF, VERZAMELBRIEF, copy_dossier, edit, moved_on_only, run_cli
from docx_reading import paragraphs
from verzamel.checks import ministerraad, send
from verzamel.checks.status import STATUSES
from verzamel.init import start_dossier
from verzamel.project import open_project
from verzamel.sources import load_sources

BRACKETED = re.compile(r"\([^()\n]+\)")
AGREED = ("status: concept", "status: akkoord\nakkoord_op: 2026-03-02")
SEND = ("SEND001", "SEND002", "SEND003", "SEND004")


def placeholders() -> list[str]:
    return YAML(typ="safe").load(send.DATA.read_text(encoding="utf-8"))["placeholders"]


def check_json(root: Path) -> tuple[int, list[dict]]:
    result = run_cli("check", "--root", str(root), "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def written_texts(root: Path) -> list[str]:
    """What the files of a dossier write into its documents: YAML values, front matter and
    Markdown bodies; not their comments."""
    texts: list[str] = []

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            texts.append(value)

    for path in sorted(root.rglob("*")):
        if path.suffix == ".yaml":
            walk(YAML(typ="safe").load(path.read_text(encoding="utf-8")))
        elif path.suffix == ".md":
            _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
            walk(YAML(typ="safe").load(front))
            texts.append(body)
    return texts


def lines_with(root: Path, words: list[str]) -> set[tuple[str, int]]:
    """The (file, line) of every line of the dossier's sources that holds one of `words` outside
    a comment."""
    found = set()
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".yaml", ".md"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            text = re.sub(r"(^|\s)#(?!#).*", "", line) if path.suffix == ".yaml" else line
            if any(word in text for word in words):
                found.add((path.relative_to(root).as_posix(), number))
    return found


# -- the placeholders: the gate's data keeps up with what init and new write ---------------------------


@pytest.fixture
def started(tmp_path) -> Path:
    """A dossier as `verzamel init` starts it, with a fragment and a letter from `verzamel new`."""
    root = tmp_path / "nieuw"
    start_dossier(root, date(2026, 3, 2))
    assert run_cli("new", "section", "stand", "--root", str(root), "--title", "De stand").exit_code == 0
    result = run_cli(
        "new", "letter", "2026-03-06-stand", "--root", str(root), "--betreft", "De stand van zaken",
        "--datum", "2026-03-06", "--fragments", "inleiding, stand",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return root


def test_every_bracketed_text_init_and_new_write_is_a_placeholder_of_the_gate(started):
    written = {match for text in written_texts(started) for match in BRACKETED.findall(text)}
    assert written, "init and new write placeholders: the test must see them"
    assert written <= set(placeholders())
    assert set(placeholders()) - written == set(), "a placeholder neither init nor new writes any more"


def test_letters_started_by_init_and_new_are_stopped_at_every_placeholder_until_filled_in(started):
    letters = sorted((started / "letters").glob("*.yaml"))
    assert len(letters) == 2
    assert check_json(started)[0] == 0  # in concept, placeholders are what a dossier starts with
    for letter in letters:
        edit(letter, *AGREED)
    code, found = check_json(started)
    assert code == 1
    reported = {(d["file"], d["line"]) for d in found if d["rule"] in ("SEND001", "SEND004")}
    assert reported == lines_with(started, placeholders())
    kenmerken = {(d["file"], d["line"]) for d in found if d["rule"] == "SEND002"}
    assert kenmerken == lines_with(started, ['kenmerk: "0000000"'])
    examples = [d for d in found if d["rule"] == "SEND003"]
    example = "'Schrijf in een fragment één zin per regel' comes from verzamel's examples"
    assert [(d["file"], d["message"]) for d in examples] == [
        ("sections/inleiding.md", f"{example}, and the letter has status akkoord")
    ]
    assert all(d["severity"] == "error" for d in found if d["rule"] in SEND)

    for path in sorted(started.rglob("*")):
        if path.suffix in (".yaml", ".md"):
            text = path.read_text(encoding="utf-8").replace('"0000000"', '"4123456"')
            text = text.replace("Schrijf in een fragment", "In een fragment staat")
            for placeholder in placeholders():
                text = text.replace(placeholder, "Ingevuld")
            path.write_text(text, encoding="utf-8")
    code, found = check_json(started)
    assert code == 0 and [d for d in found if d["rule"] in SEND] == [], found


FOUND = [
    ("(naam minister)", "SEND001"),
    ("De Minister, (Naam Minister)", "SEND001"),
    ("( naam  minister )", "SEND001"),
    ("[naam minister]", "SEND001"),
    ("<naam minister>", "SEND001"),
    ("{naam minister}", "SEND001"),
    ("\\(naam minister\\)", "SEND001"),
    ("(Waarom deze brief nu\n    naar de Kamer gaat.)", "SEND001"),
    ("Postbus (nummer) 2500 EA", "SEND001"),
    ("TODO: nog doen", "SEND001"),
    ("zie FIXME", "SEND001"),
    ("XXX", "SEND001"),
    ("J. de Vries", "SEND003"),
    ("[J.de Vries]{woo=5.1.2e}", "SEND003"),
    ("mr. j. de  vries", "SEND003"),
    ("A. B. Jansen", "SEND003"),
    ("A.B.Jansen", "SEND003"),
    ("de Voorbeeldbrief", "SEND003"),
    ("het voorbeelddossier", "SEND003"),
    ("Schrijf in een fragment\néén zin per regel.", "SEND003"),
]
NOT_FOUND = [
    "naam minister",
    "(naam ministerie)",
    "(naam)",
    "(nummers)",
    "todo",
    "TODOs",
    "XXXL",
    "J. de Vriesland",
    "Jan de Vries",
    "AB Jansen",
    "bijvoorbeeld",
    "een voorbeeld van beleid",
    "voorbeeldbrieven",
]


@pytest.mark.parametrize(("text", "rule"), FOUND)
def test_a_placeholder_is_found_however_it_is_written(text, rule):
    assert [found for found, _ in send.find(text)] == [rule]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_text_that_only_looks_like_a_placeholder_is_not_one(text):
    assert send.find(text) == []


@pytest.mark.parametrize(
    ("kenmerk", "filler"),
    [("0000000", True), ("0", True), ("000 0000", True), ("000-0000", True), ("xxxxxxx", True),
     ("XXX.XXX", True), ("???", True), ("   ", True), ("0000001", False), ("4123456", False),
     ("2025-0001234", False), ("ABC0000", False)],
)  # fmt: skip
def test_a_kenmerk_that_only_holds_its_place(kenmerk, filler):
    assert send.is_filler(kenmerk) is filler


# -- which letters the gate judges -----------------------------------------------------------------------


def test_the_gate_judges_a_letter_from_each_step_on():
    project = open_project(REPO)
    letter = load_sources(project).letters[TERUGKEERBRIEF]

    def at(status: str) -> dict[str, bool]:
        agreed = replace(letter, data={**letter.data, "status": status})
        return {step: send.judges(agreed, step) for step in (send.MINISTERRAAD_FROM, send.PLACEHOLDERS_FROM)}

    assert {status: at(status) for status in (*STATUSES, "onbekend")} == {
        "concept": {"ter-besluitvorming": False, "akkoord": False},
        "ter-besluitvorming": {"ter-besluitvorming": True, "akkoord": False},
        "akkoord": {"ter-besluitvorming": True, "akkoord": True},
        "verzonden": {"ter-besluitvorming": True, "akkoord": True},
        "onbekend": {"ter-besluitvorming": False, "akkoord": False},
    }


def test_freeze_refuses_a_letter_the_gate_stops_even_with_force(tmp_path):
    dossier = copy_dossier(tmp_path / "dossier", frozen=True)
    lock = dossier / "letters" / f"{VERZAMELBRIEF}.lock"
    before = lock.read_bytes()
    code, found = check_json(dossier)
    assert code == 0 and moved_on_only(found)  # frozen: what was sent, not judged again
    for args in ((), ("--force",)):
        result = run_cli("freeze", VERZAMELBRIEF, "--root", str(dossier), *args)
        assert result.exit_code == 1, result.output
        output = result.stdout + result.stderr
        manifest = f"letters/{VERZAMELBRIEF}.yaml"
        for place in (
            f"{manifest}:6:10: error SEND002",
            f"{manifest}:29:",
            "verzamel.yaml:21:12: error SEND004",
        ):
            assert place in output, output
        assert f"not frozen: {VERZAMELBRIEF}" in output
        assert lock.read_bytes() == before


# -- the MR date -----------------------------------------------------------------------------------------

# (MR date, status) -> the rule about its day; 2025-04-18 is Goede Vrijdag, 2025-05-29 Hemelvaartsdag,
# 2026-12-25 Eerste Kerstdag and 2027-01-01 Nieuwjaarsdag (Fridays).
MR_DAYS = [
    (date(2025, 11, 28), "ter-besluitvorming", None),
    (date(2025, 11, 27), "concept", "MR001"),
    (date(2025, 11, 27), "ter-besluitvorming", "MR004"),
    (date(2025, 11, 27), "akkoord", "MR004"),
    (date(2025, 11, 27), "verzonden", "MR004"),
    (date(2025, 11, 29), "ter-besluitvorming", "MR004"),
    (date(2025, 11, 30), "akkoord", "MR004"),
    (date(2025, 4, 18), "concept", "MR001"),
    (date(2025, 4, 18), "ter-besluitvorming", "MR004"),
    (date(2025, 4, 17), "ter-besluitvorming", "MR005"),
    (date(2025, 4, 14), "akkoord", "MR005"),
    (date(2025, 4, 17), "concept", "MR005"),
    (date(2025, 4, 19), "ter-besluitvorming", "MR004"),
    (date(2025, 5, 29), "ter-besluitvorming", "MR004"),
    (date(2026, 12, 24), "ter-besluitvorming", "MR005"),
    (date(2026, 12, 31), "ter-besluitvorming", "MR005"),
    (date(2025, 12, 30), "ter-besluitvorming", "MR004"),
]


@pytest.mark.parametrize(("mr", "status", "rule"), MR_DAYS, ids=[f"{d}-{s}" for d, s, _ in MR_DAYS])
def test_the_mr_date_is_a_day_the_ministerraad_meets(mr, status, rule):
    project = open_project(REPO)
    letter = load_sources(project).letters[TERUGKEERBRIEF]
    letter = replace(letter, ministerraad=mr, data={**letter.data, "status": status})
    strict = send.judges(letter, send.MINISTERRAAD_FROM)
    found = [
        d.rule for d in ministerraad.check_letter(letter, strict) if d.rule in ("MR001", "MR004", "MR005")
    ]
    assert found == ([rule] if rule else [])


# -- the weekday the beslisnota writes -------------------------------------------------------------------

WEEK = dict(
    zip(
        (date(2025, 11, 24) + timedelta(days=n) for n in range(7)),
        ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
        strict=True,
    )
)
MONTHS = {11: "november"}


def test_the_beslisnota_writes_the_weekday_of_the_mr_date_on_every_day_of_the_week(tmp_path):
    dossier = copy_dossier(tmp_path / "dossier")
    manifest = (dossier / "letters" / f"{TERUGKEERBRIEF}.yaml").read_text(encoding="utf-8")
    ids = []
    for day in WEEK:
        letter_id = f"2025-12-12-mr-{day.isoformat()}"
        text = manifest.replace("datum: 2025-12-12", f"datum: 2025-12-12\nministerraad: {day.isoformat()}")
        (dossier / "letters" / f"{letter_id}.yaml").write_text(text, encoding="utf-8")
        ids.append(letter_id)
    result = run_cli("build", "--root", str(dossier), *ids)
    assert result.exit_code == 0, result.output
    for day, weekday in WEEK.items():
        texts = [
            text for _, text in paragraphs(dossier / "build" / f"2025-12-12-mr-{day}" / "beslisnota.docx")
        ]
        [decision] = [text for text in texts if text.startswith("B. Na instemming van de MR op")]
        assert decision.startswith(f"B. Na instemming van de MR op {weekday} {day.day} {MONTHS[day.month]} ")
        [agenda] = [text for text in texts if text.startswith("A. Agenderen voor MR van")]
        assert agenda == f"A. Agenderen voor MR van {day.day} {MONTHS[day.month]}"


def test_the_templates_derive_every_weekday_from_a_date():
    for path in sorted((REPO / "templates").glob("*.j2")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        typed = re.findall(r"\b(" + "|".join(WEEK.values()) + r")\b", text, re.IGNORECASE)
        assert typed == [], f"{path.name} types a weekday: {typed}"
        assert "| weekday" in text or path.name == "kamerbrief.md.j2"
