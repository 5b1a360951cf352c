"""Any word-level insertions, deletions and replacements a reviewer makes in the fragment
paragraphs of the draft Kamerbrief, written back with `verzamel feedback --apply` and built
again, give the reviewed text with every change accepted, word for word (issue 26)."""

from __future__ import annotations

import shutil

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import TERUGKEERBRIEF, dossier_in_git, run_cli
from word_review import delete, insert, replace, review_like_word

KAMERBRIEF = f"{TERUGKEERBRIEF}/kamerbrief.docx"
NEW_WORDS = ("snel", "ook", "niet", "de", "Kamer", "2026", "zo’n", "(zie", "bijlage)", "€ 3,5", "mln", "en")


def _setting_up(tmp_path_factory):
    root = dossier_in_git(tmp_path_factory.mktemp("feedback-property") / "dossier")
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    built = root / "build" / KAMERBRIEF
    text = run_cli("textconv", str(built)).output
    paragraphs = [
        line
        for line in text.split("\n")
        if line.startswith(("Het kabinet ontwikkelt", "In de Verzamelbrief", "Op 7 november 2025"))
    ]
    assert len(paragraphs) == 3
    return root, built, text, paragraphs


_STATE: dict = {}


@st.composite
def reviews(draw):
    """Up to three paragraphs, one edit each: a stretch of 2 to 5 words deleted, replaced, or
    with new words inserted after it."""
    _, _, text, paragraphs = _STATE["dossier"]
    chosen = draw(st.lists(st.sampled_from(range(len(paragraphs))), min_size=1, max_size=3, unique=True))
    edits = []
    for index in chosen:
        words = paragraphs[index].replace("\ufffc", " ").split()
        length = draw(st.integers(2, 5))
        start = draw(st.integers(0, len(words) - length))
        stretch = " ".join(words[start : start + length])
        assume(text.count(stretch) == 1 and "[" not in stretch)
        new = " ".join(draw(st.lists(st.sampled_from(NEW_WORDS), min_size=1, max_size=3)))
        kind = draw(st.sampled_from(("delete", "replace", "insert")))
        edits.append(
            delete(stretch)
            if kind == "delete"
            else replace(stretch, new)
            if kind == "replace"
            else insert(stretch, " " + new)
        )
    return edits


def test_any_word_changes_applied_and_built_again_give_the_reviewed_text(tmp_path_factory):
    _STATE["dossier"] = _setting_up(tmp_path_factory)
    work = tmp_path_factory.mktemp("examples")

    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
    @given(reviews())
    def check(edits):
        root, built, _, _ = _STATE["dossier"]
        copy = work / "dossier"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns("build", ".git"))
        reviewed = work / "nagekeken.docx"
        review_like_word(built, reviewed, edits)
        result = run_cli("feedback", str(reviewed), "--root", str(copy), "--apply")
        assert result.exit_code == 0, result.output
        assert run_cli("build", TERUGKEERBRIEF, "--root", str(copy)).exit_code == 0
        again = run_cli("textconv", str(copy / "build" / KAMERBRIEF)).output
        accepted = run_cli("textconv", str(reviewed)).output  # tracked changes shown accepted
        assert again.split() == accepted.split()

    check()
