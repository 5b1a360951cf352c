"""`verzamel help`: the user guides from the package, by their file name or a Dutch name; and every
guide a message, the starter dossier, a skeleton or a template points a user at exists there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from verzamel import guides
from verzamel.init import STARTER
from verzamel.rules import RULES
from verzamel.scaffold import SKELETONS

MESSAGES = REPO / "src" / "verzamel" / "messages"
DOCS = REPO / "docs"


def test_without_a_topic_every_guide_is_listed_with_its_dutch_name_and_title():
    result = run_cli("help")
    assert result.exit_code == 0, result.output
    for path in sorted(DOCS.glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        title = next(line[2:] for line in lines if line.startswith("# "))
        (line,) = [line for line in result.stdout.splitlines() if line.endswith(title)]
        assert line.split()[0] == guides.NAMES[path.stem][0], line
    assert "docs/dev" not in result.stdout


# what a user types -> the file in docs/ it prints
TOPICS = [
    ("formats", "formats.md"),
    ("opmaak", "formats.md"),
    ("bestanden", "formats.md"),
    ("Opmaak", "formats.md"),
    ("formats.md", "formats.md"),
    ("controleren", "checking.md"),
    ("begrippen", "glossary.md"),
    ("woo", "woo.md"),
    ("verwijzingen", "citations.md"),
    ("regels", "rules/README.md"),
    ("rules", "rules/README.md"),
]


@pytest.mark.parametrize(("topic", "file"), TOPICS)
def test_a_topic_prints_its_guide_as_written(topic, file):
    result = run_cli("help", topic)
    assert result.exit_code == 0, result.output
    assert result.stdout == (DOCS / file).read_text(encoding="utf-8")


@pytest.mark.parametrize("topic", ["architecture", "dev", "decisions", "performance", "zzz", "../README"])
def test_an_unknown_topic_is_a_usage_error_that_lists_the_topics(topic):
    result = run_cli("help", topic)
    assert result.exit_code == 2
    assert f"'{topic}'" in result.stderr
    assert "opmaak, controleren, woo" in result.stderr
    assert result.stdout == ""


def test_a_rule_and_a_family_of_rules():
    rule = run_cli("help", "regels", "mr001")
    assert (rule.exit_code, rule.stdout) == (0, run_cli("rules", "MR001").stdout)
    family = run_cli("help", "regels", "ministerraad")
    assert family.stdout == (DOCS / "rules" / "ministerraad.md").read_text(encoding="utf-8")
    unknown = run_cli("help", "regels", "XX999")
    assert unknown.exit_code == 2 and "ministerraad" in unknown.stderr
    assert "a11y (Accessibility)" in unknown.stderr  # each family with what it is about
    assert rule.stdout.rstrip().endswith("\nSeverity can be changed in verzamel.yaml.")  # a sentence
    assert run_cli("help", "opmaak", "MR001").exit_code == 2


def test_every_user_guide_has_a_dutch_name_and_the_developer_notes_are_no_guide():
    assert {p.stem for p in DOCS.glob("*.md")} <= set(guides.NAMES)
    assert {g.path.parent for g in guides.guides()} <= {DOCS, DOCS / "rules"}
    names = [name for guide, dutch in guides.NAMES.items() for name in {guide, *dutch}]
    assert len(names) == len(set(names)), "a name that names two guides"
    assert not set(names) & {p.stem for p in (DOCS / "dev").glob("*.md")}


# Where a user reads a pointer to a guide: the messages, and what `init`, `new` and
# `templates --copy` write.
def pointing_files() -> list[Path]:
    found = [*MESSAGES.glob("*.toml"), *SKELETONS.iterdir(), *(REPO / "templates").glob("*.j2")]
    return sorted(found + [p for p in STARTER.rglob("*") if p.is_file()])


NAMED_FILE = re.compile(r"docs/((?:[a-z]+/)*[a-z-]*\.md|rules/)")
NAMED_TOPIC = re.compile(r"verzamel help ([a-z][a-z-]*(?:\.md)?)(?: ([A-Za-z][A-Za-z0-9-]*))?")


def guides_named(text: str) -> list[tuple[str, str | None]]:
    """Each guide the text names: ('docs/woo.md', None), or the words after `verzamel help`.
    A part in capitals (REGEL, FAMILIE) is a placeholder unless it is a rule id."""
    named: list[tuple[str, str | None]] = [(f"docs/{m}", None) for m in NAMED_FILE.findall(text)]
    for topic, part in NAMED_TOPIC.findall(text):
        keep = part and (part.islower() or re.fullmatch(r"[A-Z]+\d{3}", part))
        named.append((topic, part if keep else None))
    return named


def test_the_finder_sees_both_forms():
    text = "zie docs/woo.md en docs/rules/ en verzamel help opmaak, verzamel help regels MR001 of FAMILIE"
    assert guides_named(text) == [("docs/woo.md", None), ("docs/rules/", None), ("opmaak", None),
                                  ("regels", "MR001")]  # fmt: skip
    assert guides_named("verzamel help ONDERWERP, verzamel help regels FAMILIE") == [("regels", None)]


def test_every_guide_a_user_is_pointed_at_exists_in_the_package():
    named, missing = [], []
    for path in pointing_files():
        for name, part in guides_named(path.read_text(encoding="utf-8")):
            named.append(name)
            if name.startswith("docs/"):
                target = guides.GUIDE_FOLDER / name.removeprefix("docs/")
                exists = target.exists() and "dev" not in target.relative_to(guides.GUIDE_FOLDER).parts
            else:
                guide = guides.find(name)
                exists = guide is not None and (
                    part is None or part.upper() in RULES or part in guides.rule_pages()
                )
            if not exists:
                missing.append(f"{path.relative_to(REPO)}: {name} {part or ''}")
    assert missing == []
    # A user with only the installed package has no docs/ folder: a pointer says `verzamel help`.
    assert [name for name in named if name.startswith("docs/")] == []
    # the pointers are there: the starter's settings, a message about the Woo, the rules in help
    assert {"opmaak", "woo", "controleren", "regels"} <= set(named)
