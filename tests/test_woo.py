"""What the Woo withholds never reaches a public document, in any part of the file.

Withheld passages are looked for as word n-grams in the text of every zip part with the XML
stripped, so a passage that Word splits over several runs is still found."""

from __future__ import annotations

import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import OUTPUT_NAMES, REPO, TERUGKEERBRIEF, VERZAMELBRIEF, copy_dossier, moved_on_only, run_cli
from verzamel.pipeline.run import run as run_letters
from verzamel.pipeline.sent import letter_documents
from verzamel.project import open_project
from verzamel.sources import load_sources
from verzamel.woo.grounds import grounds, parse_grounds
from verzamel.woo.passages import withheld_passages

N = 6  # words per n-gram; a shorter passage (a name: "J. de Vries") is looked for whole


def part_words(path) -> dict[str, list[str]]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: re.sub(r"<[^>]+>", " ", archive.read(name).decode("utf-8", "replace")).split()
            for name in archive.namelist()
        }


def ngrams(words: list[str], n: int = N) -> set[tuple[str, ...]]:
    words = [w.strip(".,;:()[]‘’“”") for w in words]
    words = [w for w in words if w]
    return {tuple(words[i : i + n]) for i in range(max(len(words) - n + 1, 1))}


def joined(path) -> str:
    return " ".join(" ".join(words) for words in part_words(path).values())


@pytest.mark.parametrize("letter", [VERZAMELBRIEF, TERUGKEERBRIEF])
def test_withheld_passages_reach_no_part_of_a_public_document(built, letter):
    project = open_project(REPO)
    checked = run_letters(project, load_sources(project), [letter]).letters[letter]
    documents, problems = letter_documents(project, checked)  # the sent one: as made from its lock
    assert problems == [] and (checked.diagnostics == [] or moved_on_only(checked.diagnostics))
    internal = next(d for d in documents if d.kind == "beslisnota")  # never redacted
    passages = withheld_passages(internal)
    expected = {("5.1.2e",), ("5.1.2i",)} if letter == VERZAMELBRIEF else set()
    assert {p.grounds for p in passages} == expected
    internal_text = joined(built / letter / "beslisnota.docx")
    for passage in passages:
        words = re.sub(r"\[\d+\]", " ", passage.text).split()  # without note numbers
        n = min(len(words), N)
        grams = ngrams(words, n)
        # In the internal beslisnota, complete and marked with its ground.
        assert grams <= ngrams(internal_text.split(), n), passage.text
        assert f"[{', '.join(passage.grounds)}]" in internal_text
        for name in ("kamerbrief.docx", "beslisnota-openbaar.docx"):
            for part, part_text in part_words(built / letter / name).items():
                assert not grams & ngrams(part_text, n), f"{passage.text!r} leaked into {name}:{part}"


def test_the_public_beslisnota_shows_marks_and_names_the_grounds(built):
    from docx_reading import footnotes, paragraphs

    public = built / VERZAMELBRIEF / "beslisnota-openbaar.docx"
    texts = [text for _, text in paragraphs(public)]
    assert "Contactpersoon\t[5.1.2e], Directie Migratiebeleid" in texts
    assert "[5.1.2i]" in texts
    generated = [t for t in texts if t.startswith(("5.1.2e, ", "5.1.2i, "))]
    assert generated == [
        "5.1.2e, de eerbiediging van de persoonlijke levenssfeer (artikel 5.1, tweede lid, onder e, Woo): "
        "een passage in de kop van de nota.",
        "5.1.2i, het goed functioneren van de Staat, andere publiekrechtelijke lichamen of bestuursorganen "
        "(artikel 5.1, tweede lid, onder i, Woo): het onderdeel ‘Nederlandse inzet in het EU-overleg over "
        "de overgang uit de tijdelijke bescherming’.",
    ]
    # The withheld fragment's own footnote goes with it; the others keep numbers 1-5, no gap.
    assert sorted(footnotes(public)) == [1, 2, 3, 4, 5]
    assert sorted(footnotes(built / VERZAMELBRIEF / "beslisnota.docx")) == [1, 2, 3, 4, 5, 6]
    # A letter that withholds nothing says so in one sentence.
    other = [text for _, text in paragraphs(built / TERUGKEERBRIEF / "beslisnota-openbaar.docx")]
    assert "In deze nota is geen informatie weggelaten; zij wordt in haar geheel openbaar gemaakt." in other


PROVENANCE = ("customXml/", "docProps/custom.xml")
"""The parts that say where the text comes from: only in a draft's Kamerbrief and beslisnota, for
its reviewers (render/docx/provenance.py, tests/test_provenance.py)."""
DRAFT_FOR_REVIEW = {(TERUGKEERBRIEF, "kamerbrief.docx"), (TERUGKEERBRIEF, "beslisnota.docx")}


def test_metadata_of_every_output_names_the_ministry_and_nothing_else(built):
    """No part names a person, a machine, verzamel or a source; a draft's documents for review
    name source files in their provenance parts, and nothing else there."""
    for letter in (VERZAMELBRIEF, TERUGKEERBRIEF):
        for name in OUTPUT_NAMES:
            with zipfile.ZipFile(built / letter / name) as archive:
                names = archive.namelist()
                parts = {n: archive.read(n).decode("utf-8", "replace") for n in names}
            assert not [n for n in names if "comments" in n]
            provenance = [n for n in names if n.startswith(PROVENANCE)]
            assert bool(provenance) == ((letter, name) in DRAFT_FOR_REVIEW), (letter, name)
            assert not [n for n, text in parts.items() if "rsid" in text], name
            core, app = parts["docProps/core.xml"], parts["docProps/app.xml"]
            for field in ("dc:creator", "cp:lastModifiedBy"):
                assert f"<{field}>Ministerie van Asiel en Migratie</{field}>" in core
            assert "<Company>Ministerie van Asiel en Migratie</Company>" in app
            everything = "".join(text for n, text in parts.items() if n not in provenance)
            assert "verzamel" not in everything.lower().replace("verzamelbrief", "")
            assert "sections/" not in everything and ".md" not in everything


def test_a_withheld_passage_in_a_kamerbrief_fragment_stops_the_build(dossier):
    fragment = dossier / "sections" / "terugkeer.md"
    fragment.write_text(fragment.read_text() + "Contact: [mr. A.B. Jansen]{woo=5.1.2e}.\n")
    line = fragment.read_text().count("\n")
    result = run_cli("build", TERUGKEERBRIEF, "--root", str(dossier), "--out", str(dossier / "out"))
    assert result.exit_code == 1
    assert f"sections/terugkeer.md:{line}:10: error CONF001 text withheld under 5.1.2e" in result.stderr
    assert not (dossier / "out" / TERUGKEERBRIEF).exists()


@pytest.mark.parametrize(
    ("written", "codes"),
    [
        ("5.1.2e", ["5.1.2e"]),
        ("5.1.2.e", ["5.1.2e"]),
        ("5.1.2 e", ["5.1.2e"]),
        ("art. 5.1 lid 2 sub e", ["5.1.2e"]),
        ("artikel 5.1, tweede lid, onder e", ["5.1.2e"]),
        ("Art. 5.1 lid 2 sub i Woo", ["5.1.2i"]),
        ("5.1.1c", ["5.1.1c"]),
        ("5.1, eerste lid, onder c", ["5.1.1c"]),
        ("5.1.5", ["5.1.5"]),
        ("5.2", ["5.2"]),
        ("5.1.2e 5.1.2i", ["5.1.2e", "5.1.2i"]),
        ("5.1.2e, 5.1.2.i", ["5.1.2e", "5.1.2i"]),
        ("5.1.2e en 5.1.2i", ["5.1.2e", "5.1.2i"]),
        ("5.1.2E", ["5.1.2e"]),
    ],
)
def test_grounds_are_read_in_every_form_and_written_as_one(written, codes):
    assert parse_grounds(written) == (codes, [])


@pytest.mark.parametrize("written", ["5.1.2z", "5.1.3a", "5.1.2", "5.1.1", "geheim", "5.3"])
def test_what_is_not_a_ground_is_refused(written):
    known, unknown = parse_grounds(written)
    assert known == [] and unknown


def test_the_grounds_data_is_complete():
    expected = [f"5.1.1{c}" for c in "abcde"] + [f"5.1.2{c}" for c in "abcdefghi"] + ["5.1.5", "5.2"]
    assert list(grounds()) == expected
    assert all(g.description and g.article.endswith("Woo") for g in grounds().values())


WORDS = st.lists(
    st.sampled_from(["ambt", "bericht", "inzet", "raad", "termijn", "overleg", "positie"]),
    min_size=1,
    max_size=4,
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    target=st.sampled_from(
        [
            "sections/beslisnota/toelichting-terugkeer.md",  # in the beslisnota of this letter
            "footnotes/toelichtingen.yaml",  # a footnote of the Kamerbrief and the beslisnota
        ]
    ),
    before=WORDS,
    after=WORDS,
    ground=st.sampled_from(sorted(set(grounds()) - {"5.2"})),
    secret=st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=8, max_size=12),
    as_block=st.booleans(),
)
def test_random_withheld_spans_never_leak(tmp_path_factory, target, before, after, ground, secret, as_block):
    from verzamel.render.docx import render_docx

    dossier = copy_dossier(tmp_path_factory.mktemp("leak") / "d")
    path = dossier / target
    secret = f"Geheim{secret}woord"
    span = f"{' '.join(before)} [{secret} {' '.join(after)}]{{woo={ground}}} einde."
    text = path.read_text(encoding="utf-8")
    if target.endswith(".yaml"):
        text = text.replace(
            "terugkeerbeleid-onderdelen:\n  text: >-\n",
            f"terugkeerbeleid-onderdelen:\n  text: >-\n    {span}\n",
            1,
        )
    elif as_block:
        text += f"\n::: {{woo={ground}}}\n{' '.join(before)} {secret}.\n:::\n"
    else:
        text += f"\n{span}\n"
    path.write_text(text, encoding="utf-8")
    project = open_project(dossier)
    checked = run_letters(project, load_sources(project), [TERUGKEERBRIEF]).letters[TERUGKEERBRIEF]
    if target.endswith(".yaml"):  # the registry footnote is also in the Kamerbrief: refused
        assert any(d.rule == "CONF001" for d in checked.diagnostics)
    else:
        assert [d for d in checked.diagnostics if d.is_error] == [], checked.diagnostics
    for document in checked.documents:
        data = render_docx(document, project.find_template("beslisnota.docx"))
        out = tmp_path_factory.mktemp("out") / "x.docx"
        out.write_bytes(data)
        present = secret in joined(out)
        assert present == (not document.public), (document.kind, secret)
