"""The publication record (`publicatie.xml`): a letter's public documents described as DiWoo asks.

Every record is validated against DiWoo 0.9.8's own schema and the sitemap schema it extends
(copies in tests/data/diwoo/, offline); the values it takes from TOOI's lists are checked against
those lists; and it is read back: what it says of each document, that it says nothing withheld
(the leak guard reads it as every public file), and that a sent letter still builds from its lock.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from lxml import etree

import verzamel.pipeline.build
from conftest import REPO, TERUGKEERBRIEF, VERZAMELBRIEF, edit, run_cli
from test_example_build import NOT_PUBLIC
from verzamel.pipeline.render import RECORD
from verzamel.pipeline.run import run as run_letters
from verzamel.project import open_project
from verzamel.render import diwoo
from verzamel.sources import load_sources

SCHEMAS = Path(__file__).parent / "data" / "diwoo"
MDTO = "https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"
NS = {"s": diwoo.SITEMAP, "d": diwoo.DIWOO}
AENM = "https://identifier.overheid.nl/tooi/id/ministerie/mnre1162"
ORGANISATION = f"\npublicatie:\n  organisatie: {AENM}\n"


class _Offline(etree.Resolver):
    """The one schema DiWoo imports from the network (MDTO) from its stand-in here."""

    def resolve(self, url, public_id, context):
        if url == MDTO:
            return self.resolve_filename(str(SCHEMAS / "mdto-stub.xsd"), context)
        return None


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """The sitemap protocol with DiWoo's extension, as the Woo harvester reads a sitemap."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Offline())
    both = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:import namespace="{diwoo.SITEMAP}" schemaLocation="{(SCHEMAS / "sitemap.xsd").as_uri()}"/>
      <xs:import namespace="{diwoo.DIWOO}" schemaLocation="{(SCHEMAS / "diwoo-metadata.xsd").as_uri()}"/>
    </xs:schema>"""
    return etree.XMLSchema(etree.fromstring(both, parser))


def _record(folder: Path, letter: str):
    return etree.parse(str(folder / letter / RECORD))


def _described(tree) -> dict[str, etree._Element]:
    """Each file the record describes (its `loc`) with its diwoo:DiWoo element."""
    return {
        url.findtext("s:loc", namespaces=NS): url.find("d:Document/d:DiWoo", NS)
        for url in tree.iterfind("s:url", NS)
    }


@pytest.mark.parametrize("letter", [VERZAMELBRIEF, TERUGKEERBRIEF])
def test_each_letters_record_validates_against_the_diwoo_schema(built, schema, letter):
    tree = _record(built, letter)
    assert schema.validate(tree), schema.error_log


@pytest.mark.parametrize(
    ("change", "broken"),
    [
        ("an element DiWoo does not have", lambda d: etree.SubElement(d, f"{{{diwoo.DIWOO}}}onbekend")),
        (
            "a documentsoort not in TOOI's list",
            lambda d: _first(d, "documentsoort").set("resource", diwoo.KERN + "c_0"),
        ),
        ("no publisher", lambda d: d.remove(_first(d, "publisher"))),
        ("a date that is no date", lambda d: setattr(_first(d, "creatiedatum"), "text", "28 november 2025")),
    ],
)
def test_the_schema_is_strict_so_a_valid_record_means_something(built, schema, change, broken):
    tree = copy.deepcopy(_record(built, VERZAMELBRIEF))
    broken(next(iter(_described(tree).values())))
    assert not schema.validate(tree), change


def _first(element, name: str):
    return element.find(f".//d:{name}", NS)


def test_the_record_describes_the_kamerbrief_and_the_public_beslisnota_and_how_they_relate(built):
    project = open_project(REPO)
    check = run_letters(project, load_sources(project), [TERUGKEERBRIEF]).letters[TERUGKEERBRIEF]
    titles = {d.kind: d.title for d in check.documents}
    described = _described(_record(built, TERUGKEERBRIEF))
    assert list(described) == ["kamerbrief.docx", "beslisnota-openbaar.docx"]  # not the internal one
    letter, memo = described.values()
    for diwoo_element, kind, soort in [
        (letter, "kamerbrief", "Kamerbrief"),
        (memo, "beslisnota-openbaar", "beslisnota"),
    ]:
        assert diwoo_element.findtext("d:titelcollectie/d:officieleTitel", namespaces=NS) == titles[kind]
        assert _first(diwoo_element, "documentsoort").text == soort
        assert (
            _first(diwoo_element, "informatiecategorie").text
            == "bij vertegenwoordigende organen ingekomen stukken"
        )
        assert diwoo_element.findtext("d:creatiedatum", namespaces=NS) == "2025-12-12"
        assert diwoo_element.findtext("d:publisher", namespaces=NS) == "Ministerie van Asiel en Migratie"
        assert diwoo_element.findtext("d:aggregatiekenmerk", namespaces=NS) == TERUGKEERBRIEF
        assert _first(diwoo_element, "format").text == "Word DOCX"
    assert _relations(letter) == [
        ("heeft bijlage", "beslisnota-openbaar.docx", titles["beslisnota-openbaar"])
    ]
    assert _relations(memo) == [("verwijst naar", "kamerbrief.docx", titles["kamerbrief"])]


def _relations(diwoo_element) -> list[tuple[str, str, str]]:
    return [
        (
            r.findtext("d:role", namespaces=NS),
            r.find("d:relation", NS).get("resource"),
            r.findtext("d:relation", namespaces=NS),
        )
        for r in diwoo_element.iterfind("d:documentrelaties/d:documentrelatie", NS)
    ]


def test_the_grounds_used_are_given_with_the_number_of_passages_and_nothing_withheld(built):
    record = (built / VERZAMELBRIEF / RECORD).read_text(encoding="utf-8")
    described = _described(etree.fromstring(record.encode()).getroottree())
    fields = {
        loc: [
            (f.findtext("d:key", namespaces=NS), [v.text for v in f.iterfind("d:values/d:value", NS)])
            for f in element.getparent().iterfind(
                "d:extraMetadata/d:extraMetadatavelden/d:extraMetadataveld", NS
            )
        ]
        for loc, element in described.items()
    }
    assert fields == {
        "kamerbrief.docx": [],  # it withholds nothing
        "beslisnota-openbaar.docx": [
            ("weggelakte passages op grond van artikel 5.1, tweede lid, onder e, Woo", ["1"]),  # the contact
            ("weggelakte passages op grond van artikel 5.1, tweede lid, onder i, Woo", ["1"]),  # a fragment
        ],
    }
    for marker in NOT_PUBLIC:  # what the internal beslisnota holds and the public one not
        assert marker not in record


def test_every_value_from_a_tooi_list_is_in_that_list_with_its_label():
    lists = etree.parse(str(SCHEMAS / "diwoo-metadata-lijsten.xsd"))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema", "dita": "http://dita.oasis-open.org/architecture/2005/"}
    labels = {  # a value's label is the first paragraph of its documentation
        e.get("value"): e.findtext("xs:annotation/xs:documentation/dita:p", namespaces=ns)
        for e in lists.iterfind(".//xs:enumeration", ns)
    }
    used = [
        *diwoo.DOCUMENTSOORT.values(),
        *diwoo.FORMAT.values(),
        diwoo.INFORMATIECATEGORIE,
        diwoo.VASTSTELLING,
        diwoo.HEEFT_BIJLAGE,
        diwoo.VERWIJST_NAAR,
        diwoo.NEDERLANDS,
    ]
    assert [(term.uri, labels.get(term.uri)) for term in used] == [(term.uri, term.label) for term in used]


def test_the_organisation_from_the_settings_is_named_by_its_tooi_uri(dossier, schema):
    edit(dossier / "verzamel.yaml", "house_style:", ORGANISATION.strip() + "\nhouse_style:")
    out = dossier / "out"
    assert run_cli("build", TERUGKEERBRIEF, "--root", str(dossier), "--out", str(out), "-q").exit_code == 0
    tree = _record(out, TERUGKEERBRIEF)
    assert schema.validate(tree), schema.error_log
    for element in _described(tree).values():
        for role in (
            "publisher",
            "verantwoordelijke",
            "documenthandelingen/d:documenthandeling/d:wasAssociatedWith",
        ):
            assert element.find(f"d:{role}", NS).get("resource") == AENM


@pytest.mark.parametrize(
    ("setting", "rule", "line"),
    [
        ("publicatie:\n  organisatie: ministerie van Asiel en Migratie\n", "CFG001", 2),
        ("publicatie:\n  organisatie: https://identifier.overheid.nl/tooi/id/ministerie/\n", "CFG001", 2),
        (f"publicatie:\n  organisaties: {AENM}\n", "KEY001", 2),  # misspelt: an error, with its fix
        (f"publicatie: {AENM}\n", "CFG001", 1),
    ],
)
def test_a_setting_that_names_no_tooi_organisation_is_reported_and_left_out(
    dossier, schema, setting, rule, line
):
    settings = dossier / "verzamel.yaml"
    end = settings.read_text(encoding="utf-8").count("\n")
    with settings.open("a", encoding="utf-8") as appended:
        appended.write(setting)
    result = run_cli("check", "--root", str(dossier), "--format", "json")
    found = [
        (d["rule"], d["file"], d["line"]) for d in json.loads(result.stdout) if d["file"] == "verzamel.yaml"
    ]
    assert found == [(rule, "verzamel.yaml", end + line)]
    out = dossier / "out"
    built = run_cli("build", TERUGKEERBRIEF, "--root", str(dossier), "--out", str(out), "-q")
    assert built.exit_code == (1 if rule == "KEY001" else 0)
    if rule == "KEY001":
        return
    tree = _record(out, TERUGKEERBRIEF)
    assert schema.validate(tree), schema.error_log
    assert "resource" not in _first(next(iter(_described(tree).values())), "publisher").attrib


def test_the_leak_guard_reads_the_record_and_stops_the_letter(dossier, monkeypatch):
    """A record writer bug is simulated: the record gets the name the beslisnota withholds."""
    real = verzamel.pipeline.build.publication_record

    def leaking(project, documents, formats):
        name, data = real(project, documents, formats)
        return name, data.replace(b"<diwoo:officieleTitel>", b"<diwoo:officieleTitel>M. Bakker, ")

    monkeypatch.setattr(verzamel.pipeline.build, "publication_record", leaking)
    out = dossier / "out"
    result = run_cli("build", "--root", str(dossier), "--out", str(out))
    assert result.exit_code == 1
    refused = [line for line in result.stderr.splitlines() if " WOO008 " in line]
    assert len(refused) == 1 and f"{RECORD} (the text): 'M. Bakker'" in refused[0], result.stderr
    assert not (out / VERZAMELBRIEF).exists()
    assert (out / TERUGKEERBRIEF / RECORD).is_file()  # it withholds nothing


def test_the_sent_letter_is_made_from_its_lock_with_a_record_the_lock_does_not_name(tmp_path, schema):
    out = tmp_path / "out"
    result = run_cli("build", VERZAMELBRIEF, "--root", str(REPO), "--out", str(out), "--format", "docx,html")
    assert result.exit_code == 0, result.output
    assert f"{VERZAMELBRIEF}: made from its lock" in result.stdout
    tree = _record(out, VERZAMELBRIEF)
    assert schema.validate(tree), schema.error_log
    assert list(_described(tree)) == [
        "kamerbrief.docx",
        "kamerbrief.html",
        "beslisnota-openbaar.docx",
        "beslisnota-openbaar.html",
    ]
    lock = (REPO / "letters" / f"{VERZAMELBRIEF}.lock").read_text(encoding="utf-8")
    outputs = lock.split("outputs:\n", 1)[1]
    assert [line.split('"')[1] for line in outputs.splitlines()] == [
        "beslisnota-openbaar.docx",
        "beslisnota.docx",
        "kamerbrief.docx",
    ]
