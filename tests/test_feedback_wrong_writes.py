"""`verzamel feedback --apply` never writes a change so that its paragraph no longer reads as the
reviewer left it, never into another paragraph, never loses what the officer wrote since the build,
and never makes withheld words public (issue 26): a paragraph mark alone, half a move, paragraphs
and footnotes written alike, the edge of a withheld passage, a file's own line ends, permissions
and links. Odd input: tests/test_feedback_hostile.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import TERUGKEERBRIEF, commit, dossier_in_git, edit, run_cli
from feedback_hostile import (
    BODY,
    CHANGED,
    DATED,
    MOVED,
    alter,
    built,
    dossier,
    feedback,
    review,
)
from word_review import delete, insert, move, replace, review_like_word

__all__ = ["built", "dossier"]  # the fixtures the tests use

# -- what must not go back as it stands ----------------------------------------------------------


def _mark_changed(words: str, kind: str):
    """The paragraph mark of the body paragraph holding `words` tracked as inserted or deleted:
    the reviewer split that paragraph there, or joined it to the next."""

    def change(data: bytes) -> bytes:
        text = data.decode("utf-8")
        start = text.rindex("<w:p>", 0, text.index(words))
        properties = text.index("</w:pPr>", start)
        mark = f'<w:rPr><w:{kind} w:id="90" {DATED}/></w:rPr>'
        return (text[:properties] + mark + text[properties:]).encode("utf-8")

    return change


@pytest.mark.parametrize("kind", ["del", "ins"])
def test_a_paragraph_joined_or_split_and_nothing_else_is_reported(dossier, tmp_path, kind):
    root, documents = dossier
    reviewed = alter(
        documents / "kamerbrief.docx", tmp_path / "samen.docx", BODY, _mark_changed("Terugkeer</w:t>", kind)
    )
    code, output, written = feedback(root, reviewed, apply=False)
    assert (code, written) == (1, []), output
    assert "FEEDBACK002" in output and "¶" in output


def test_moved_text_goes_back_at_both_places_or_at_neither(dossier, tmp_path):
    """A sentence moved to another fragment, whose old place the officer edited since: putting it
    in at the new place alone would have the sentence twice."""
    root, documents = dossier
    reviewed = review(documents, tmp_path, [move(f" {MOVED}", " Sindsdien is het")])
    edit(root / "sections" / "appreciatie-clingendael.md", "begin 2026 verwacht", "in 2026 verwacht")
    code, output, written = feedback(root, reviewed)
    assert (code, written) == (1, []), output
    assert "FEEDBACK001" in output and "FEEDBACK002" in output


TWIN = "Zie ook de bijlage."


def _twins(root: Path, tmp_path: Path) -> Path:
    """The draft built with a paragraph written twice in one fragment, the second one changed."""
    fragment = root / "sections" / "terugkeer.md"
    fragment.write_text(fragment.read_text("utf-8") + f"\n{TWIN}\n\nMeer tekst.\n\n{TWIN}\n", "utf-8")
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    built = root / "build" / TERUGKEERBRIEF / "kamerbrief.docx"

    def second(data: bytes) -> bytes:
        old = f"<w:t>{TWIN}</w:t>".encode()
        at = data.index(old, data.index(old) + 1)
        new = (
            f'<w:t>Zie ook </w:t></w:r><w:del w:id="90" {DATED}><w:r><w:delText>de bijlage</w:delText>'
            f'</w:r></w:del><w:ins w:id="91" {DATED}><w:r><w:t>bijlage 2</w:t></w:r></w:ins><w:r><w:t>.</w:t>'
        )
        return data[:at] + new.encode() + data[at + len(old) :]

    return alter(built, tmp_path / "tweeling.docx", BODY, second)


def test_of_two_identical_paragraphs_the_one_the_reviewer_changed_is_changed(dossier, tmp_path):
    root, _ = dossier
    reviewed = _twins(root, tmp_path)
    code, output, written = feedback(root, reviewed)
    assert (code, written) == (0, ["sections/terugkeer.md"]), output
    lines = (root / "sections" / "terugkeer.md").read_text("utf-8").split("\n")
    assert lines[-7:] == ["", TWIN, "", "Meer tekst.", "", "Zie ook bijlage 2.", ""]


def test_a_paragraph_written_once_more_since_the_build_is_not_guessed_at(dossier, tmp_path):
    root, _ = dossier
    reviewed = _twins(root, tmp_path)
    fragment = root / "sections" / "terugkeer.md"
    fragment.write_text(fragment.read_text("utf-8") + f"\n{TWIN}\n", "utf-8")
    code, output, written = feedback(root, reviewed)
    assert (code, written) == (1, []), output
    assert "FEEDBACK001" in output


# -- Woo: a withheld passage in the internal beslisnota ------------------------------------------

WITHHELD = "[gemeente Geheimstad]{woo=5.1.2e}"
BESLISNOTA_FRAGMENT = "sections/beslisnota/toelichting-terugkeer.md"


@pytest.fixture(scope="module")
def withholding(tmp_path_factory):
    """A dossier whose beslisnota fragment withholds a name, its draft built."""
    root = dossier_in_git(tmp_path_factory.mktemp("woo") / "dossier")
    edit(
        root / BESLISNOTA_FRAGMENT,
        "Over de hoofdlijnen van het terugkeerbeleid is de Kamer",
        f"Over de hoofdlijnen is {WITHHELD}",
    )
    commit(root, "een naam weggelaten")
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    built = tmp_path_factory.mktemp("woo-built") / "beslisnota.docx"
    shutil.copy(root / "build" / TERUGKEERBRIEF / "beslisnota.docx", built)
    shutil.rmtree(root / "build")
    return root, built


WOO_EDITS = {  # the reviewer's edit in "… is gemeente Geheimstad [5.1.2e] eerder …": the source after
    "a word inside": (replace("Geheimstad", "Anderstad"), "[gemeente Anderstad]{woo=5.1.2e}"),
    "words at its end, before the mark": (
        insert("Geheimstad", " en Jan"),
        "[gemeente Geheimstad en Jan]{woo",
    ),
    "words after the mark": (insert("[5.1.2e]", " en Jan"), f"{WITHHELD} en Jan eerder"),
    "words before it": (insert("hoofdlijnen", " nu"), f"hoofdlijnen nu is {WITHHELD}"),
    "words at its start": (insert("hoofdlijnen is ", "de "), None),
    "the mark deleted": (delete(" [5.1.2e]"), None),
    "the mark changed": (replace("[5.1.2e]", "[5.1.2i]"), None),
    "the passage and its mark deleted": (delete("gemeente Geheimstad [5.1.2e] "), None),
    "every word of it deleted": (delete("gemeente Geheimstad"), None),
    "words across its start": (replace("is gemeente", "is de gemeente"), None),
    "words across its end": (replace("Geheimstad [5.1.2e] eerder", "Geheimstad al eerder"), None),
}


@pytest.mark.parametrize(("change", "after"), WOO_EDITS.values(), ids=WOO_EDITS.keys())
def test_a_withheld_passage_stays_withheld_or_the_change_is_refused(withholding, tmp_path, change, after):
    root, built = withholding
    root = Path(shutil.copytree(root, tmp_path / "dossier"))
    reviewed = review_like_word(built, tmp_path / "nagekeken.docx", [change])
    before = (root / BESLISNOTA_FRAGMENT).read_text("utf-8")
    code, output, written = feedback(root, reviewed)
    now = (root / BESLISNOTA_FRAGMENT).read_text("utf-8")
    if after is None:
        assert (code, now) == (1, before), output
        assert "FEEDBACK002" in output
    else:
        assert (code, written) == (0, [BESLISNOTA_FRAGMENT]), output
        assert after in now


def _footnotes_alike(root: Path, tmp_path: Path, file: str, definitions: str) -> Path:
    """The draft built with two footnotes of the same words, the text referring to the second
    defined first; the reviewer changes the first footnote of the document (the second defined)."""
    fragment = root / "sections" / "terugkeer.md"
    edit(fragment, "verder uitgewerkt.", "verder uitgewerkt.[^noot-b] Zie ook hier.[^noot-a]")
    (root / file).write_text((root / file).read_text("utf-8") + definitions, "utf-8")
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    built = root / "build" / TERUGKEERBRIEF / "kamerbrief.docx"
    return review_like_word(
        built, tmp_path / "noot.docx", [replace("de bijlage", "bijlage 2", where="footnote")]
    )


def test_of_two_footnotes_of_the_same_words_in_a_fragment_the_changed_one_is_changed(dossier, tmp_path):
    root, _ = dossier
    definitions = f"\n[^noot-a]: {TWIN}\n\n[^noot-b]: {TWIN}\n"
    reviewed = _footnotes_alike(root, tmp_path, "sections/terugkeer.md", definitions)
    code, output, written = feedback(root, reviewed)
    assert (code, written) == (0, ["sections/terugkeer.md"]), output
    text = (root / "sections" / "terugkeer.md").read_text("utf-8")
    assert f"[^noot-a]: {TWIN}" in text and "[^noot-b]: Zie ook bijlage 2." in text


def test_of_two_registry_footnotes_of_the_same_words_none_is_guessed_at(dossier, tmp_path):
    """Footnotes are numbered as the text refers to them, not as the registry defines them: the
    one the reviewer changed cannot be told from its twin by its place."""
    root, _ = dossier
    definitions = "".join(f"\n{label}:\n  text: >-\n    {TWIN}\n" for label in ("noot-a", "noot-b"))
    reviewed = _footnotes_alike(root, tmp_path, "footnotes/toelichtingen.yaml", definitions)
    code, output, written = feedback(root, reviewed)
    assert (code, written) == (1, []), output
    assert "FEEDBACK001" in output


LINE_ENDS = {
    "every line ending in CR LF": lambda raw: raw.replace(b"\n", b"\r\n"),
    "some lines ending in CR LF": lambda raw: raw.replace(b"\n", b"\r\n", 3),
    "a byte-order mark": lambda raw: b"\xef\xbb\xbf" + raw,
    "no line end after the last line": lambda raw: raw.rstrip(b"\n"),
}


@pytest.mark.parametrize("written", LINE_ENDS.values(), ids=LINE_ENDS.keys())
def test_only_the_changed_words_change_in_the_file_s_bytes(built, tmp_path, written):
    root = Path(shutil.copytree(built[0], tmp_path / "dossier"))
    fragment = root / "sections" / "terugkeer.md"
    fragment.write_bytes(written(fragment.read_bytes()))
    commit(root, "anders opgeslagen")
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    reviewed = review_like_word(
        root / "build" / TERUGKEERBRIEF / "kamerbrief.docx",
        tmp_path / "nagekeken.docx",
        [replace(CHANGED, "zodra")],
    )
    before = fragment.read_bytes()
    code, output, _ = feedback(root, reviewed)
    assert code == 0, output
    assert fragment.read_bytes() == before.replace(CHANGED.encode(), b"zodra")


def test_a_source_keeps_its_permissions_and_a_link_stays_a_link(dossier, tmp_path):
    root, documents = dossier
    fragment = root / "sections" / "terugkeer.md"
    shared = root / "gedeeld" / "terugkeer.md"
    shared.parent.mkdir()
    fragment.rename(shared)
    fragment.symlink_to(Path("..") / "gedeeld" / "terugkeer.md")
    shared.chmod(0o664)
    reviewed = review(documents, tmp_path, [replace(CHANGED, "zodra dat kan")])
    result = run_cli("feedback", str(reviewed), "--root", str(root), "--apply")
    assert result.exit_code == 0, result.output
    assert fragment.is_symlink() and "zodra dat kan" in shared.read_text("utf-8")
    assert shared.stat().st_mode & 0o777 == 0o664


MORE = "bij de opvang van ontheemden in gemeenten, en bij de kosten daarvan voor het Rijk"
ALIKE = "De minister informeert de Kamer voor de zomer over de stand van zaken bij {}."


@pytest.mark.parametrize(
    "neighbour", [None, ("de terugkeer.", "de terugkeer van ontheemden.")], ids=["kept", "edited too"]
)
def test_a_paragraph_that_moved_on_is_not_taken_for_a_paragraph_like_it(dossier, tmp_path, neighbour):
    """The officer edited the paragraph since the build, so its words no longer match the document;
    the paragraph nearest in words is then its neighbour, as it was or as the officer edited it."""
    root, _ = dossier
    fragment = root / "sections" / "terugkeer.md"
    both = f"\n{ALIKE.format('de opvang')}\n\n{ALIKE.format('de terugkeer')}\n"
    fragment.write_text(fragment.read_text("utf-8") + both, "utf-8")
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    built = root / "build" / TERUGKEERBRIEF / "kamerbrief.docx"
    reviewed = review_like_word(
        built, tmp_path / "nagekeken.docx", [replace("De minister informeert", "Ik informeer")]
    )
    edit(fragment, "bij de opvang.", f"{MORE}.")
    if neighbour:
        edit(fragment, *neighbour)
    code, output, _ = feedback(root, reviewed)
    after = fragment.read_text("utf-8").split("\n")[-4:-1]
    assert after[0] == f"Ik informeer de Kamer voor de zomer over de stand van zaken {MORE}.", output
    assert after[2].startswith("De minister informeert"), output
