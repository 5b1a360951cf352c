"""The publication record: a letter's public documents described as the Woo's publication metadata
standard asks (DiWoo 0.9.8, KOOP: https://standaarden.overheid.nl/diwoo/metadata).

DiWoo extends the sitemap protocol: a `urlset` with a `url` per published file, its address in
`loc` and a `diwoo:Document` that describes it. A letter's record lists the files of its public
documents in the formats the build writes; `loc` is the file's name, a reference relative to the
record beside it (the platform that publishes the files gives them their https addresses).

Each file is described by what the document is (title, date, kind, language, format), who is
responsible (the ministry: its name from the letter's sender, its TOOI identifier from the
dossier's settings when they give one), its information category under the Woo, its relation to
the letter's other public documents, and, where text is redacted, how many passages on each Woo
ground. It is read from the public documents only, as published (redacted); build reads the
record back with the leak guard as it does every public file.

The URIs and labels below are those of TOOI's value lists as diwoo-metadata-lijsten.xsd 0.9.8
has them (tests/test_publication.py checks each against a copy). The record is a Dutch
publication, as the documents are: its words do not follow the language of verzamel's messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Document
from ..woo.grounds import grounds
from ..woo.passages import redactions_by_ground

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO = "https://standaarden.overheid.nl/diwoo/metadata/"
KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
EU = "http://publications.europa.eu/resource/authority/"


@dataclass(frozen=True)
class Term:
    """A value from a value list: its label and its URI (the `resource` attribute)."""

    label: str
    uri: str


DOCUMENTSOORT = {
    "kamerbrief": Term("Kamerbrief", KERN + "c_49599e6c"),
    "beslisnota-openbaar": Term("beslisnota", KERN + "c_2977c34f"),
}
"""The kind of each public document (TOOI ccw_plooi_documentsoorten)."""
INFORMATIECATEGORIE = Term("bij vertegenwoordigende organen ingekomen stukken", KERN + "c_8c840238")
"""TOOI scw_woo_informatiecategorieen, Woo article 3.3, second paragraph, under a: documents sent
to the Staten-Generaal to be dealt with. The Kamerbrief is, and so is the beslisnota published
with it, as its annex."""
VASTSTELLING = Term("vaststelling", KERN + "c_641ecd76")
HEEFT_BIJLAGE = Term("heeft bijlage", KERN + "c_05f4a5f3")
VERWIJST_NAAR = Term("verwijst naar", KERN + "c_75fac459")
NEDERLANDS = Term("Nederlands", EU + "language/NLD")
FORMAT = {
    "docx": Term("Word DOCX", EU + "file-type/DOCX"),
    "html": Term("HTML", EU + "file-type/HTML"),
    "pdf": Term("PDF", EU + "file-type/PDF"),
}
"""Each format build writes (EU file types, as in the DiWoo list of formats)."""
REDACTED = "weggelakte passages op grond van {article}"
"""The name of the extra field that gives how many passages a ground redacted."""
LOC_NOTE = (
    " Publicatierecord (DiWoo 0.9.8), gemaakt door verzamel. In <loc> staat de bestandsnaam naast"
    " dit record: vervang die door het https-adres waarop het document gepubliceerd wordt. "
)


def render_record(documents: list[Document], formats: list[str], organisation: str | None) -> bytes:
    """The record of a letter's public `documents` (its others are passed over), one `url` per
    document and format (in the order given); `organisation` the TOOI URI of the ministry, if known."""
    from lxml import etree  # with python-docx: only when writing

    public = [d for d in documents if d.public]
    urlset = etree.Element(f"{{{SITEMAP}}}urlset", nsmap={None: SITEMAP, "diwoo": DIWOO})
    urlset.append(etree.Comment(LOC_NOTE))
    for document in public:
        others = [d for d in public if d is not document]
        redacted = redactions_by_ground(document)
        for fmt in formats:
            url = _element(urlset, f"{{{SITEMAP}}}url")
            _element(url, f"{{{SITEMAP}}}loc", _file(document, fmt))
            described = _element(url, "Document")
            _describe(_element(described, "DiWoo"), document, others, fmt, organisation)
            if redacted:
                _redactions(described, redacted)
    etree.indent(urlset, space="  ")
    return etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _describe(diwoo, document: Document, others: list[Document], fmt: str, organisation: str | None) -> None:
    if document.keywords:
        _element(_element(diwoo, "identifiers"), "identifier", document.keywords)  # the kenmerk
    ministry = Term(document.author, organisation or "")
    _term(diwoo, "publisher", ministry)
    _term(diwoo, "verantwoordelijke", ministry)
    _element(_element(diwoo, "titelcollectie"), "officieleTitel", document.title)
    classes = _element(diwoo, "classificatiecollectie")
    _term(_element(classes, "informatiecategorieen"), "informatiecategorie", INFORMATIECATEGORIE)
    if document.kind in DOCUMENTSOORT:
        _term(_element(classes, "documentsoorten"), "documentsoort", DOCUMENTSOORT[document.kind])
    _element(diwoo, "creatiedatum", document.created.isoformat())
    _term(diwoo, "language", NEDERLANDS)
    if fmt in FORMAT:
        _term(diwoo, "format", FORMAT[fmt])
    _element(diwoo, "aggregatiekenmerk", document.letter_id)  # what the letter's documents share
    handling = _element(_element(diwoo, "documenthandelingen"), "documenthandeling")
    _term(handling, "soortHandeling", VASTSTELLING)
    _element(handling, "atTime", f"{document.created.isoformat()}T00:00:00")  # the day is known, not the hour
    _term(handling, "wasAssociatedWith", ministry)
    if document.kind == "kamerbrief":
        related = [(HEEFT_BIJLAGE, other) for other in others]
    else:
        related = [(VERWIJST_NAAR, other) for other in others if other.kind == "kamerbrief"]
    if related:
        relations = _element(diwoo, "documentrelaties")
        for role, other in related:
            relation = _element(relations, "documentrelatie")
            _term(relation, "role", role)
            _term(relation, "relation", Term(other.title, _file(other, fmt)))


def _redactions(described, redacted: dict[str, int]) -> None:
    """An extra field per Woo ground with the number of passages it redacted (DiWoo has no field
    of its own for the grounds)."""
    known = grounds()
    fields = _element(_element(described, "extraMetadata"), "extraMetadatavelden")
    for code, number in redacted.items():
        article = known[code].article if code in known else code
        field = _element(fields, "extraMetadataveld")
        _element(field, "key", REDACTED.format(article=article))
        _element(_element(field, "values"), "value", str(number))


def _file(document: Document, fmt: str) -> str:
    return f"{document.kind}.{fmt}"


def _element(parent, name: str, text: str | None = None):
    """A child element (a bare name is in the DiWoo namespace)."""
    from lxml import etree

    child = etree.SubElement(parent, name if name.startswith("{") else f"{{{DIWOO}}}{name}")
    if text is not None:
        child.text = text
    return child


def _term(parent, name: str, term: Term) -> None:
    element = _element(parent, name, term.label)
    if term.uri:
        element.set("resource", term.uri)
