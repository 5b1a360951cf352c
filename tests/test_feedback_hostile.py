"""`verzamel feedback` on reviewed documents made by hand to break it (issue 26): a tampered map of
sources, odd or broken XML, the same file twice, and reviews that must not be written back as they
stand (a paragraph mark alone, half a move, one of two identical paragraphs, the edge of a
withheld passage). Never exit 3; `--apply` writes only the source files it loaded, and only the
paragraph the reviewer changed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import TERUGKEERBRIEF, commit, dossier_in_git, edit, run_cli
from word_package import W, read_parts, write_parts
from word_review import comment, delete, insert, move, replace, reply, review_like_word

MAP, BODY, COMMENTS = "customXml/item1.xml", "word/document.xml", "word/comments.xml"
CHANGED = "wanneer dat kan"
COMMENTED = "Sindsdien is het terugkeerbeleid verder uitgewerkt."
MOVED = "De volgende publicatie van Clingendael over ontheemden uit Oekraïne wordt begin 2026 verwacht."
DATED = 'w:author="X" w:date="2025-11-20T10:00:00Z"'


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The dossier in git and its draft built: the Kamerbrief and the beslisnota, kept aside."""
    root = dossier_in_git(tmp_path_factory.mktemp("hostile") / "dossier")
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(root)).exit_code == 0
    documents = tmp_path_factory.mktemp("built")
    for name in ("kamerbrief.docx", "beslisnota.docx"):
        shutil.copy(root / "build" / TERUGKEERBRIEF / name, documents / name)
    shutil.rmtree(root / "build")
    return root, documents


@pytest.fixture
def dossier(built, tmp_path):
    root, documents = built
    shutil.copytree(root, tmp_path / "dossier")
    return tmp_path / "dossier", documents


def _reviewed(documents: Path, tmp_path: Path, edits, name="kamerbrief.docx") -> Path:
    return review_like_word(documents / name, tmp_path / f"nagekeken-{name}", edits)


def _altered(source: Path, target: Path, part: str, change) -> Path:
    parts = read_parts(source)
    parts[part] = change(parts[part])
    write_parts(target, parts)
    return target


def _name_of(docx: Path, words: str) -> str:
    """The provenance bookmark of the body paragraph that holds `words`."""
    root = etree.fromstring(read_parts(docx)[BODY])
    for p in root.iter(f"{{{W}}}p"):
        if words in "".join(p.itertext()):
            return p.find(f".//{{{W}}}bookmarkStart").get(f"{{{W}}}name")
    raise LookupError(words)


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts}


def _feedback(root: Path, *files: Path, apply: bool = True):
    """Exit code, output and the files --apply wrote; none may lie outside the source folders."""
    before = _files(root)
    more = ["--apply"] if apply else []
    result = run_cli("feedback", *map(str, files), "--root", str(root), *more)
    after = _files(root)
    written = sorted(p.relative_to(root).as_posix() for p in after if after[p] != before.get(p))
    assert set(after) == set(before), "a file was added or removed"
    assert all(p.split("/")[0] in ("sections", "footnotes", "letters") for p in written), written
    return result.exit_code, result.output + (result.stderr or ""), written


# -- a map of sources that names what is not a source ------------------------------------------

TAMPERED = {
    "a path up out of the dossier": 'path="../../etc/passwd"',
    "an absolute path": 'path="/etc/passwd"',
    "a path through ..": 'path="sections/../verzamel.yaml"',
    "a path with backslashes": 'path="sections\\terugkeer.md"',
    "a lock file": 'path="letters/2025-11-28-verzamelbrief-oekraine.lock"',
    "a template up out of the templates": 'template="../../../../../../../../../../etc/passwd"',
    "an absolute template": 'template="/etc/passwd"',
    "a template verzamel does not write from": 'template="kamerbrief.docx"',
}


@pytest.mark.parametrize("attributes", TAMPERED.values(), ids=TAMPERED.keys())
def test_a_map_entry_that_names_no_source_refuses_the_file(dossier, tmp_path, attributes):
    root, documents = dossier
    reviewed = _reviewed(documents, tmp_path, [replace(CHANGED, "zodra dat kan")])
    name = _name_of(reviewed, CHANGED)
    entry = re.compile(rf'<paragraph name="{name}"[^>]*/>'.encode())
    tampered = _altered(
        reviewed,
        tmp_path / "veranderd.docx",
        MAP,
        lambda data: entry.sub(f'<paragraph name="{name}" {attributes}/>'.encode(), data),
    )
    code, output, written = _feedback(root, tampered)
    assert (code, written) == (2, []), output
    assert "was altered where it records where its text comes from" in output


# -- odd and broken XML: a clear answer, never a crash ---------------------------------------------


def _around(words: str, before: str, after: str):
    """The first run that holds `words` wrapped in `before` … `after` (XML)."""

    def change(data: bytes) -> bytes:
        text = data.decode("utf-8")
        start = text.rindex("<w:r>", 0, text.index(words))
        end = text.index("</w:r>", start) + len("</w:r>")
        return (text[:start] + before + text[start:end] + after + text[end:]).encode("utf-8")

    return change


def _without(pattern: bytes):
    return lambda data: re.sub(pattern, b"", data)


def _sub(old: str, new: str):
    def change(data: bytes) -> bytes:
        assert old.encode() in data, old
        return data.replace(old.encode(), new.encode(), 1)

    return change


DTD = b'<!DOCTYPE x [<!ENTITY a "b">]>'
ODD = {
    "a comment range end without its start": (BODY, _without(rb"<w:commentRangeStart [^>]*/>"), 0),
    "a comment range start without its end": (BODY, _without(rb"<w:commentRangeEnd [^>]*/>"), 0),
    "comments whose ids the body does not have": (COMMENTS, _sub('w:id="', 'w:id="9'), 0),
    "comments that are no XML": (COMMENTS, lambda d: d[:40], 2),
    "a map that is no XML": (MAP, lambda d: b"\x00\x01 geen xml", 2),
    "an empty map": (MAP, lambda d: b"", 2),
    "an empty body": (BODY, lambda d: b"", 2),
    "a body with a DTD": (BODY, lambda d: DTD + d[d.index(b"<w:document") :], 2),
    "no bookmarks at all": (BODY, _without(rb"<w:bookmarkStart [^>]*/>"), 0),
    # the changed paragraph named like the heading before it: traced there, it is a conflict
    "a bookmark twice": (BODY, lambda d: d.replace(b'w:name="_vz14"', b'w:name="_vz13"'), 1),
    "a digest that matches nothing": (MAP, lambda d: re.sub(rb'digest="[0-9a-f]+"', b'digest="0"', d), 0),
    "an insertion inside a deletion": (
        BODY,
        _around(COMMENTED, f'<w:del w:id="90" {DATED}><w:ins w:id="91" {DATED}>', "</w:ins></w:del>"),
        0,
    ),
    "a comment with control characters": (COMMENTS, _sub("Klopt dit?", "Klopt\u009b31m dit\u202e?"), 0),
}


@pytest.mark.parametrize(("part", "change", "code"), ODD.values(), ids=ODD.keys())
def test_odd_documents_get_an_answer_and_nothing_is_written_outside_the_sources(
    dossier, tmp_path, part, change, code
):
    root, documents = dossier
    edits = [replace(CHANGED, "zodra dat kan"), comment(COMMENTED, "Klopt dit?")]
    odd = _altered(_reviewed(documents, tmp_path, edits), tmp_path / "vreemd.docx", part, change)
    found, output, _ = _feedback(root, odd)
    assert found == code, output


def test_a_deleted_footnote_reference_is_taken_out_of_the_source(dossier, tmp_path):
    root, documents = dossier
    reference = (
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>'
    )
    reviewed = _altered(
        documents / "kamerbrief.docx",
        tmp_path / "zonder-noot.docx",
        BODY,
        _sub(reference, f'<w:del w:id="90" {DATED}>{reference}</w:del>'),
    )
    code, output, written = _feedback(root, reviewed)
    assert (code, written) == (0, ["sections/terugkeer.md"]), output
    assert "[^terugkeerbeleid-onderdelen]" not in (root / "sections" / "terugkeer.md").read_text("utf-8")


def test_files_that_are_no_document_are_refused(dossier, tmp_path):
    root, _ = dossier
    empty = tmp_path / "leeg.docx"
    empty.write_bytes(b"")
    folder = tmp_path / "map.docx"
    folder.mkdir()
    for path, said in ((empty, "not a Word document"), (folder, "is a directory")):
        code, output, written = _feedback(root, path)
        assert (code, written) == (2, []) and said in output, output


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
    reviewed = _altered(
        documents / "kamerbrief.docx", tmp_path / "samen.docx", BODY, _mark_changed("Terugkeer</w:t>", kind)
    )
    code, output, written = _feedback(root, reviewed, apply=False)
    assert (code, written) == (1, []), output
    assert "FEEDBACK002" in output and "¶" in output


def test_moved_text_goes_back_at_both_places_or_at_neither(dossier, tmp_path):
    """A sentence moved to another fragment, whose old place the officer edited since: putting it
    in at the new place alone would have the sentence twice."""
    root, documents = dossier
    reviewed = _reviewed(documents, tmp_path, [move(f" {MOVED}", " Sindsdien is het")])
    edit(root / "sections" / "appreciatie-clingendael.md", "begin 2026 verwacht", "in 2026 verwacht")
    code, output, written = _feedback(root, reviewed)
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

    return _altered(built, tmp_path / "tweeling.docx", BODY, second)


def test_of_two_identical_paragraphs_the_one_the_reviewer_changed_is_changed(dossier, tmp_path):
    root, _ = dossier
    reviewed = _twins(root, tmp_path)
    code, output, written = _feedback(root, reviewed)
    assert (code, written) == (0, ["sections/terugkeer.md"]), output
    lines = (root / "sections" / "terugkeer.md").read_text("utf-8").split("\n")
    assert lines[-7:] == ["", TWIN, "", "Meer tekst.", "", "Zie ook bijlage 2.", ""]


def test_a_paragraph_written_once_more_since_the_build_is_not_guessed_at(dossier, tmp_path):
    root, _ = dossier
    reviewed = _twins(root, tmp_path)
    fragment = root / "sections" / "terugkeer.md"
    fragment.write_text(fragment.read_text("utf-8") + f"\n{TWIN}\n", "utf-8")
    code, output, written = _feedback(root, reviewed)
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
    code, output, written = _feedback(root, reviewed)
    now = (root / BESLISNOTA_FRAGMENT).read_text("utf-8")
    if after is None:
        assert (code, now) == (1, before), output
        assert "FEEDBACK002" in output
    else:
        assert (code, written) == (0, [BESLISNOTA_FRAGMENT]), output
        assert after in now


# -- what the text output says -------------------------------------------------------------------

EXTENDED = "word/commentsExtended.xml"


def _range_start(at: bytes):
    """The comment's range made to start right before the first match of `at`, or after its `|`."""
    before, bar, after = at.partition(b"|")

    def change(data: bytes) -> bytes:
        start = re.search(rb"<w:commentRangeStart [^>]*/>", data)
        data = data[: start.start()] + data[start.end() :]
        where = data.index(before + after) + (len(before) if bar else 0)
        return data[:where] + start[0] + data[where:]

    return change


def _each_other(data: bytes) -> bytes:
    """The comment made a reply to its own reply: neither is the first of the thread."""
    first, second = re.findall(rb'w15:paraId="([0-9A-F]+)"', data)[:2]
    return data.replace(
        b'w15:paraId="' + first + b'" w15:done',
        b'w15:paraId="' + first + b'" w15:paraIdParent="' + second + b'" w15:done',
    )


def _reply_to_reply(data: bytes) -> bytes:
    """The second reply made an answer to the first."""
    _, first, second = re.findall(rb'w15:paraId="([0-9A-F]+)"', data)[:3]
    ours = rb'(w15:paraId="' + second + rb'" w15:paraIdParent=")[0-9A-F]+'
    return re.sub(ours, rb"\g<1>" + first, data)


SAID = {  # edits, a change to the document, what the output says, what it must not say
    "a comment anchored on no words": (
        [comment(COMMENTED, "Klopt dit?")],
        (BODY, _range_start(rb"<w:commentRangeEnd ")),
        "comment A. Jansen (20 nov 2025): Klopt dit?",
        "on “”",
    ),
    "a comment anchored on a footnote reference": (
        [comment(COMMENTED, "Welke brief?")],
        (BODY, _range_start(b'w:name="_vz14"/>|')),
        "meerd.* Sindsdien is het terugkeerbeleid verder uitgewerkt.”: Welke brief?",
        "\ufffc",
    ),
    "a comment Word anchors by its mark only": (
        [comment(COMMENTED, "Klopt dit?")],
        (BODY, _without(rb"<w:commentRange(?:Start|End) [^>]*/>")),
        "on “Sindsdien is het terugkeerbeleid verder uitgewerkt.”: Klopt dit?",
        "geïnformeerd",
    ),
    "control characters in a comment": (
        [comment(COMMENTED, "Klopt dit?")],
        (COMMENTS, _sub("Klopt dit?", "Klopt\u009b31m dit\u202e?")),
        ": KloptU+009B31m ditU+202E?",
        "\u009b",
    ),
    "a comment of two paragraphs": (
        [comment(COMMENTED, "Klopt dit?\nEn dit?")],
        None,
        ": Klopt dit?\n    En dit?",
        "\nEn dit?",
    ),
    "a change without a date": (
        [replace(CHANGED, "zodra dat kan")],
        (BODY, lambda d: re.sub(rb' w:date="[^"]*"', b"", d)),
        "change A. Jansen: “wanneer dat kan” → “zodra dat kan”",
        "()",
    ),
    "a thread whose comments answer each other": (
        [comment(COMMENTED, "Klopt dit?", replies=[reply("B. de Vries", "BV", "Ja.")])],
        (EXTENDED, _each_other),
        "Klopt dit?",
        "0 comment(s)",
    ),
    "a reply to a reply": (
        [comment(COMMENTED, "Klopt dit?", replies=[reply("B", "B", "Ja."), reply("C", "C", "Zeker?")])],
        (EXTENDED, _reply_to_reply),
        "\n    reply B (20 nov 2025): Ja.\n    reply C (20 nov 2025): Zeker?",
        "2 comment(s)",
    ),
    "two changes in a paragraph, one that cannot go back": (
        [replace(CHANGED, "zodra dat kan"), insert("Sindsdien", "\t")],
        None,
        "“U+0009” inserted; a paragraph split or joined",
        "sections/terugkeer.md The other",
    ),
    "the change held back with it is listed at its own place": (
        [replace(CHANGED, "zodra dat kan"), insert("Sindsdien", "\t")],
        None,
        "sections/terugkeer.md:7:110: change A. Jansen (20 nov 2025): “wanneer dat kan” → “zodra dat kan”",
        "1 change(s)",
    ),
    "which of them are not made": (
        [replace(CHANGED, "zodra dat kan"), insert("Sindsdien", "\t")],
        None,
        "by hand in sections/terugkeer.md; the other change in this paragraph was therefore not made either",
        "other 1 change",
    ),
}


@pytest.mark.parametrize(("edits", "altered", "said", "unsaid"), SAID.values(), ids=SAID.keys())
def test_the_text_output_reads_well(dossier, tmp_path, edits, altered, said, unsaid):
    root, documents = dossier
    reviewed = _reviewed(documents, tmp_path, edits)
    if altered is not None:
        reviewed = _altered(reviewed, tmp_path / "veranderd.docx", *altered)
    _, output, _ = _feedback(root, reviewed, apply=False)
    assert said in output and unsaid not in output, output


def test_a_file_given_twice_is_read_once(dossier, tmp_path):
    root, documents = dossier
    reviewed = _reviewed(documents, tmp_path, [comment(COMMENTED, "Klopt dit?")])
    code, output, _ = _feedback(root, reviewed, tmp_path / ".." / tmp_path.name / reviewed.name, apply=False)
    assert code == 0 and output.count("Klopt dit?") == 1, output


def test_the_kamerbrief_and_the_beslisnota_of_a_letter_come_back_together(dossier, tmp_path):
    root, documents = dossier
    kamerbrief = _reviewed(documents, tmp_path, [replace(CHANGED, "zodra dat kan")])
    beslisnota = _reviewed(documents, tmp_path, [replace("korte brief", "beknopte brief")], "beslisnota.docx")
    code, output, written = _feedback(root, kamerbrief, beslisnota)
    assert (code, written) == (0, [f"letters/{TERUGKEERBRIEF}.yaml", "sections/terugkeer.md"]), output


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
    code, output, written = _feedback(root, reviewed)
    assert (code, written) == (0, ["sections/terugkeer.md"]), output
    text = (root / "sections" / "terugkeer.md").read_text("utf-8")
    assert f"[^noot-a]: {TWIN}" in text and "[^noot-b]: Zie ook bijlage 2." in text


def test_of_two_registry_footnotes_of_the_same_words_none_is_guessed_at(dossier, tmp_path):
    """Footnotes are numbered as the text refers to them, not as the registry defines them: the
    one the reviewer changed cannot be told from its twin by its place."""
    root, _ = dossier
    definitions = "".join(f"\n{label}:\n  text: >-\n    {TWIN}\n" for label in ("noot-a", "noot-b"))
    reviewed = _footnotes_alike(root, tmp_path, "footnotes/toelichtingen.yaml", definitions)
    code, output, written = _feedback(root, reviewed)
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
    code, output, _ = _feedback(root, reviewed)
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
    reviewed = _reviewed(documents, tmp_path, [replace(CHANGED, "zodra dat kan")])
    result = run_cli("feedback", str(reviewed), "--root", str(root), "--apply")
    assert result.exit_code == 0, result.output
    assert fragment.is_symlink() and "zodra dat kan" in shared.read_text("utf-8")
    assert shared.stat().st_mode & 0o777 == 0o664


def test_a_comment_on_a_paragraph_the_reviewer_added_is_placed_after_the_one_before_it(dossier, tmp_path):
    root, documents = dossier
    reviewed = _reviewed(documents, tmp_path, [comment(COMMENTED, "Klopt dit?")])

    def added(data: bytes) -> bytes:  # the comment moved into a new paragraph after its own
        text = data.decode("utf-8")
        start, end = (
            re.search(r"<w:commentRangeStart [^>]*/>", text),
            re.search(r"<w:commentRangeEnd [^>]*/>", text),
        )
        reference = re.search(r"<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr>.*?</w:r>", text)
        text = text.replace(start[0], "").replace(end[0], "").replace(reference[0], "")
        new = "<w:r><w:t>Een nieuwe alinea.</w:t></w:r>"
        paragraph = (
            f'<w:p><w:pPr><w:rPr><w:ins w:id="90" {DATED}/></w:rPr></w:pPr>{start[0]}'
            f'<w:ins w:id="91" {DATED}>{new}</w:ins>{end[0]}{reference[0]}</w:p>'
        )
        at = text.index("</w:p>", text.index(COMMENTED)) + len("</w:p>")
        return (text[:at] + paragraph + text[at:]).encode("utf-8")

    code, output, _ = _feedback(root, _altered(reviewed, tmp_path / "nieuw.docx", BODY, added), apply=False)
    assert "sections/terugkeer.md:9:1: comment A. Jansen (20 nov 2025): Klopt dit?" in output, output
