"""`verzamel feedback` on reviews made the way Word makes them (tests/word_review.py): replies to
a comment, inserted words, moved text, and what cannot go back word for word (FEEDBACK002-004)."""

from __future__ import annotations

import json
import zipfile

import pytest

from conftest import REPO, TERUGKEERBRIEF, dossier_in_git, edit, run_cli
from word_review import comment, delete, insert, move, replace, reply, review_like_word

KAMERBRIEF = f"{TERUGKEERBRIEF}/kamerbrief.docx"
COMMENTED = "Sindsdien is het terugkeerbeleid verder uitgewerkt."


@pytest.fixture
def dossier(tmp_path):
    root = dossier_in_git(tmp_path / "dossier")
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    return root


def _review(root, tmp_path, edits):
    target = tmp_path / "nagekeken.docx"
    review_like_word(root / "build" / KAMERBRIEF, target, edits)
    return target


def _feedback(root, target, *more):
    result = run_cli("feedback", str(target), "--root", str(root), "--format", "json", *more)
    return result.exit_code, json.loads(result.output)


def test_a_comment_with_its_reply_and_an_insertion(dossier, tmp_path):
    target = _review(
        dossier,
        tmp_path,
        [
            comment(COMMENTED, "Klopt dit nog?", replies=[reply("B. de Vries", "BV", "Ja, tot oktober.")]),
            insert("wanneer dat kan", " en veilig is"),
        ],
    )
    code, found = _feedback(dossier, target)
    assert code == 0
    (said,) = [r for r in found["remarks"] if r["kind"] == "comment"]
    assert (said["file"], said["line"], said["column"], said["words"]) == (
        "sections/terugkeer.md",
        9,
        1,
        COMMENTED,
    )
    assert [(r["author"], r["text"]) for r in said["replies"]] == [("B. de Vries", "Ja, tot oktober.")]
    text = run_cli("feedback", str(target), "--root", str(dossier)).output
    assert "\n    reply B. de Vries (20 nov 2025): Ja, tot oktober." in text
    code, found = _feedback(dossier, target, "--apply")
    assert code == 0 and found["written"] == ["sections/terugkeer.md"]
    assert "wanneer dat kan en veilig is." in (dossier / "sections" / "terugkeer.md").read_text(
        encoding="utf-8"
    )


def test_moved_text_goes_from_its_old_place_to_its_new_one(dossier, tmp_path):
    sentence = "Sindsdien is het terugkeerbeleid verder uitgewerkt."
    target = _review(dossier, tmp_path, [move(sentence, "Het kabinet ontwikkelt")])
    code, found = _feedback(dossier, target, "--apply")
    assert code == 0, found
    lines = (dossier / "sections" / "terugkeer.md").read_text(encoding="utf-8").split("\n")
    body = " ".join(lines[6:9])
    assert body.startswith(sentence) and body.count(sentence) == 1


def test_template_text_is_reported_where_it_must_be_changed(dossier, tmp_path):
    target = _review(dossier, tmp_path, [replace("Geachte voorzitter,", "Geachte Voorzitter,")])
    code, found = _feedback(dossier, target, "--apply")
    assert code == 0 and found["written"] == []  # a warning: nothing to write, nothing lost
    (problem,) = found["diagnostics"]
    assert problem["rule"] == "FEEDBACK003" and problem["file"] == "templates/kamerbrief.md.j2"
    template = (REPO / "templates" / "kamerbrief.md.j2").read_text(encoding="utf-8").split("\n")  # shipped
    assert "Geachte voorzitter," in template[problem["line"] - 1]


def test_a_change_that_would_break_markup_is_not_made(tmp_path):
    root = dossier_in_git(tmp_path / "dossier")
    fragment = root / "sections" / "terugkeer.md"
    edit(fragment, "verder uitgewerkt.", "verder uitgewerkt, *zeer belangrijk* voor de Kamer.")
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    before = fragment.read_bytes()
    target = _review(root, tmp_path, [delete("belangrijk voor")])
    code, found = _feedback(root, target, "--apply")
    assert code == 1
    assert [d["rule"] for d in found["diagnostics"]] == ["FEEDBACK002"]
    assert fragment.read_bytes() == before


def test_a_paragraph_no_longer_in_its_source_is_reported(dossier, tmp_path):
    target = _review(dossier, tmp_path, [replace("wanneer dat kan", "zodra dat kan")])
    fragment = dossier / "sections" / "terugkeer.md"
    text = fragment.read_text(encoding="utf-8")
    start = text.index("Het kabinet ontwikkelt")
    fragment.write_text(text[:start] + "Een heel andere alinea over iets anders.\n", encoding="utf-8")
    code, found = _feedback(dossier, target, "--apply")
    assert code == 1 and [d["rule"] for d in found["diagnostics"]] == ["FEEDBACK004"]
    assert "heel andere alinea" in fragment.read_text(encoding="utf-8")


def test_a_footnote_deletion_made_like_word(dossier, tmp_path):
    words = (
        "Ook de verkenning naar een Unity Hub, zoals ontwikkeld door de Oekraïense autoriteiten "
        "wordt hierbij verkend. "
    )
    target = _review(dossier, tmp_path, [delete(words, where="footnote")])
    code, found = _feedback(dossier, target, "--apply")
    assert code == 0 and found["written"] == ["footnotes/toelichtingen.yaml"]
    assert "Unity Hub" not in (dossier / "footnotes" / "toelichtingen.yaml").read_text(encoding="utf-8")


def test_a_value_of_the_letter_is_reported_at_its_manifest_line(dossier, tmp_path):
    target = _review(dossier, tmp_path, [replace("Terugkeer van ontheemden", "Terugkeer van mensen")])
    code, found = _feedback(dossier, target, "--apply")
    assert code == 0 and found["written"] == []
    (problem,) = found["diagnostics"]
    manifest = f"letters/{TERUGKEERBRIEF}.yaml"
    assert (problem["rule"], problem["file"]) == ("FEEDBACK003", manifest)
    line = (dossier / manifest).read_text(encoding="utf-8").split("\n")[problem["line"] - 1]
    assert line.startswith("betreft: Terugkeer van ontheemden")


def test_a_comment_in_a_footnote_is_placed_at_the_sentence_before_its_mark(dossier, tmp_path):
    sentence = "Ook de verkenning naar een Unity Hub, zoals ontwikkeld door de Oekraïense autoriteiten"
    target = _review(dossier, tmp_path, [comment(sentence, "Welke autoriteiten?", where="footnote")])
    code, found = _feedback(dossier, target)
    (said,) = found["remarks"]
    assert (said["file"], said["line"]) == ("footnotes/toelichtingen.yaml", 16)
    assert said["words"].startswith("Ook de verkenning") and said["text"] == "Welke autoriteiten?"


def test_the_beslisnota_s_prose_in_the_manifest_is_written_back(dossier, tmp_path):
    target = tmp_path / "beslisnota-nagekeken.docx"
    review_like_word(
        dossier / "build" / TERUGKEERBRIEF / "beslisnota.docx",
        target,
        [replace("korte brief", "beknopte brief")],
    )
    code, found = _feedback(dossier, target, "--apply")
    assert code == 0 and found["written"] == [f"letters/{TERUGKEERBRIEF}.yaml"], found
    manifest = (dossier / "letters" / f"{TERUGKEERBRIEF}.yaml").read_text(encoding="utf-8")
    assert "een beknopte brief die fragmenten" in manifest


def test_a_citation_the_house_style_wrote_in_a_footnote_is_changed_in_the_registry(dossier, tmp_path):
    target = _review(dossier, tmp_path, [replace("19637, nr. 3346", "19637, nr. 3347", where="footnote")])
    code, found = _feedback(dossier, target, "--apply")
    (problem,) = found["diagnostics"]
    assert problem["rule"] == "FEEDBACK003" and problem["file"] == "footnotes/toelichtingen.yaml"
    assert code == 0 and found["written"] == []


def _second_draft(root):
    """A second draft letter using the same fragments as the terugkeer letter."""
    manifest = root / "letters" / f"{TERUGKEERBRIEF}.yaml"
    other = root / "letters" / "2025-12-19-terugkeer-tweede.yaml"
    other.write_text(
        manifest.read_text(encoding="utf-8").replace("2025-12-12", "2025-12-19"), encoding="utf-8"
    )
    assert run_cli("build", "2025-12-19-terugkeer-tweede", "--root", str(root)).exit_code == 0
    return root / "build" / "2025-12-19-terugkeer-tweede" / "kamerbrief.docx"


def test_a_shared_fragment_is_changed_once_and_the_other_letters_are_named(dossier, tmp_path):
    second = _second_draft(dossier)
    edits = [replace("wanneer dat kan", "zodra dat kan")]
    first = _review(dossier, tmp_path, edits)
    again = tmp_path / "tweede-nagekeken.docx"
    review_like_word(second, again, edits)
    result = run_cli("feedback", str(first), str(again), "--root", str(dossier), "--apply")
    assert result.exit_code == 0, result.output
    text = (dossier / "sections" / "terugkeer.md").read_text(encoding="utf-8")
    assert text.count("zodra dat kan") == 1 and "wanneer dat kan" not in text
    alone = run_cli("feedback", str(first), "--root", str(dossier), "--format", "json")
    assert json.loads(alone.output)["reaches"] == {}  # nothing written, nothing reached
    (dossier / "sections" / "terugkeer.md").write_text(text.replace("zodra dat kan", "wanneer dat kan"))
    found = json.loads(
        run_cli("feedback", str(first), "--root", str(dossier), "--apply", "--format", "json").output
    )
    assert "2025-12-19-terugkeer-tweede" in found["reaches"]["sections/terugkeer.md"]


def test_two_reviewers_who_changed_the_same_words_differently_conflict(dossier, tmp_path):
    second = _second_draft(dossier)
    first = _review(dossier, tmp_path, [replace("wanneer dat kan", "zodra dat kan")])
    other = tmp_path / "tweede-nagekeken.docx"
    review_like_word(second, other, [replace("wanneer dat kan", "als het kan")])
    result = run_cli(
        "feedback", str(first), str(other), "--root", str(dossier), "--apply", "--format", "json"
    )
    assert result.exit_code == 1
    assert [d["rule"] for d in json.loads(result.output)["diagnostics"]] == ["FEEDBACK001"]
    text = (dossier / "sections" / "terugkeer.md").read_text(encoding="utf-8")
    assert ("zodra dat kan" in text) != ("als het kan" in text)  # one of them, the other reported


def test_a_redline_says_nothing_of_its_sources_and_is_refused(dossier, tmp_path):
    """Its own tracked changes are not a reviewer's: they must never be written back."""
    edit(dossier / "sections" / "terugkeer.md", "wanneer dat kan", "zodra dat kan")
    redlines = tmp_path / "redlines"
    assert run_cli("diff", "--root", str(dossier), "--docx", str(redlines), TERUGKEERBRIEF).exit_code == 1
    redline = redlines / TERUGKEERBRIEF / "kamerbrief.redline.docx"
    with zipfile.ZipFile(redline) as package:
        assert not [n for n in package.namelist() if n.startswith("customXml/") or n == "docProps/custom.xml"]
    result = run_cli("feedback", str(redline), "--root", str(dossier), "--apply")
    assert result.exit_code == 2 and "not made by verzamel as a draft" in result.output
