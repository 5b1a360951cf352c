"""Reading sources keeps positions: footnote references, fragments and manifest values."""

from __future__ import annotations

import pytest

from verzamel import dutch
from verzamel.model import NoteRef, Paragraph
from verzamel.sources.fragments import load_fragment
from verzamel.sources.markdown import parse_markdown
from verzamel.sources.registry import load_registry_file


def refs(blocks):
    return [i for b in blocks if isinstance(b, Paragraph) for i in b.inlines if isinstance(i, NoteRef)]


@pytest.mark.parametrize(
    ("text", "line_offset", "column_offset", "expected"),
    [
        ("Zin.[^a]", 0, 0, [("a", 1, 5)]),
        ("Eerste regel\ntweede[^b] en[^c].", 0, 0, [("b", 2, 7), ("c", 2, 14)]),
        ("Twee keer[^a] dezelfde[^a].", 0, 0, [("a", 1, 10), ("a", 1, 23)]),
        ("Zin.[^a]", 5, 0, [("a", 6, 5)]),
        ("Zin.[^a]", 5, 4, [("a", 6, 9)]),
        ("- punt[^x]\n- punt", 0, 0, []),  # lists: refs inside items are not top-level paragraphs
        ("Géén ëxtra[^ü]", 0, 0, [("ü", 1, 11)]),
    ],
)
def test_footnote_reference_positions(text, line_offset, column_offset, expected):
    parsed = parse_markdown(text, "f.md", line_offset, column_offset)
    assert [(r.label, r.span.line, r.span.column) for r in refs(parsed.blocks)] == expected


def test_fragment_positions_count_the_front_matter():
    text = "---\nid: x\ntitle: X\n---\nEerste zin.\nTweede zin.[^n]\n\n[^n]: Noot.\n"
    fragment, diagnostics = load_fragment(text, "sections/x.md", "x")
    assert diagnostics == []
    (ref,) = refs(fragment.blocks)
    assert (ref.span.line, ref.span.column) == (6, 12)
    assert fragment.notes["n"].span.line == 8


def test_fragment_without_title_is_an_error_at_the_top():
    fragment, diagnostics = load_fragment("---\nid: x\n---\nTekst.\n", "sections/x.md", "x")
    assert [(d.rule, d.span.line) for d in diagnostics] == [("FM002", 1)]


def test_fragment_with_broken_front_matter():
    _, diagnostics = load_fragment("---\nid: [x\ntitle: X\n---\nTekst.\n", "sections/x.md", "x")
    assert diagnostics[0].rule == "YAML001"
    assert diagnostics[0].span.line in (2, 3)


def test_public_must_be_a_boolean_and_doubt_keeps_it_private():
    fragment, diagnostics = load_fragment(
        "---\nid: x\ntitle: X\npublic: nee\n---\nTekst.\n", "sections/x.md", "x"
    )
    # Not public: so it also has to say on which ground of the Woo.
    assert [(d.rule, d.span.line) for d in diagnostics] == [("FM003", 4), ("WOO001", 4)]
    assert fragment.public is False


def test_local_footnote_defined_twice():
    parsed = parse_markdown("Zin.[^n]\n\n[^n]: Een.\n\n[^n]: Twee.\n", "f.md")
    assert [(d.rule, d.span.line) for d in parsed.diagnostics] == [("FN003", 5)]


def test_registry_entries_short_and_long_form():
    text = "kort: Kamerstuk 19637, nr. 3346\nlang:\n  text: >-\n    Een lange\n    noot.\nleeg:\n"
    notes, diagnostics = load_registry_file(text, "footnotes/f.yaml")
    assert sorted(notes) == ["kort", "lang"]
    assert [(d.rule, d.span.line) for d in diagnostics] == [("FN004", 6)]


@pytest.mark.parametrize(
    ("items", "joined"),
    [([], ""), (["a"], "a"), (["a", "b"], "a en b"), (["a", "b", "c"], "a, b en c")],
)
def test_join_list(items, joined):
    assert dutch.join_list(items) == joined


@pytest.mark.parametrize(
    ("iso", "long", "weekday"),
    [
        ("2025-11-28", "28 november 2025", "vrijdag"),
        ("2026-05-01", "1 mei 2026", "vrijdag"),
        ("2024-02-29", "29 februari 2024", "donderdag"),
        ("2025-09-16", "16 september 2025", "dinsdag"),
    ],
)
def test_dutch_dates(iso, long, weekday):
    from datetime import date

    d = date.fromisoformat(iso)
    assert dutch.long_date(d) == long
    assert dutch.weekday(d) == weekday
    assert dutch.day_month(d) == long.rsplit(" ", 1)[0]


def test_source_files_are_listed_in_path_order_with_links_and_look_alike_folders(tmp_path):
    from verzamel.sources.reading import list_sources

    names = ["b.md", "a-b.md", "a/b.md", "a/c/d.md", "a.b.md", ".hidden.md", "a/.lock.md", "notes.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.md").mkdir()
    (tmp_path / "link.md").symlink_to(tmp_path / "a")  # a link to a folder: read (and refused) as a file
    files, folders = list_sources(tmp_path, ".md", recursive=True)
    expected = ["a-b.md", "a.b.md", "a/b.md", "a/c/d.md", "b.md", "link.md"]
    assert files == sorted(tmp_path / name for name in expected)  # Path order: a/… before a-b.md
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "a/b.md",
        "a/c/d.md",
        *expected[:2],
        "b.md",
        "link.md",
    ]
    assert folders == [tmp_path / "folder.md"]
    assert list_sources(tmp_path, ".md", recursive=False)[0] == sorted(
        tmp_path / name for name in ["a-b.md", "a.b.md", "b.md", "link.md"]
    )
