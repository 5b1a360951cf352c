"""EUR-Lex, for an EU act by its CELEX number: the SPARQL endpoint of the Publications Office's
repository (Cellar), which EUR-Lex itself is made from.

    https://publications.europa.eu/webapi/rdf/sparql?query=…&format=application/sparql-results+json

The query asks for the work with that CELEX number (`cdm:resource_legal_id_celex`), its date
(`cdm:work_date_document`) and the title of its Dutch expression (`cdm:expression_title`). The
answer is the W3C "SPARQL 1.1 Query Results JSON Format"; the endpoint and the CDM ontology are
documented at op.europa.eu (Cellar, "Knowledge graph").
"""

from __future__ import annotations

from urllib.parse import quote

from ..citations import models
from ..citations.models import Citation
from ..messages import t
from .parse import Malformed, iso_date, json_object
from .record import Official

NAME = "eurlex"
ENDPOINT = "https://publications.europa.eu/webapi/rdf/sparql"
ACCEPT = "application/sparql-results+json"
MISSING: tuple[int, ...] = ()
QUERY = (
    "PREFIX cdm: <http://publications.europa.eu/ontology/cdm#> "
    "SELECT ?date ?title WHERE {{ "
    '?work cdm:resource_legal_id_celex "{celex}"^^<http://www.w3.org/2001/XMLSchema#string> . '
    "OPTIONAL {{ ?work cdm:work_date_document ?date }} "
    "OPTIONAL {{ ?expression cdm:expression_belongs_to_work ?work ; "
    "cdm:expression_uses_language <http://publications.europa.eu/resource/authority/language/NLD> ; "
    "cdm:expression_title ?title }} }}"
)


def address(citation: Citation) -> str | None:
    if citation.kind != models.EU_ACT:
        return None
    query = QUERY.format(celex=citation.celex)
    return f"{ENDPOINT}?query={quote(query, safe='')}&format={quote(ACCEPT, safe='')}"


def read(body: bytes, identifier: str) -> Official:
    results = json_object(body).get("results")
    rows = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise Malformed(t("official.malformed_shape"))
    if not rows:
        return Official(identifier, found=False)
    return Official(
        identifier,
        found=True,
        date=next((d for row in rows if (d := iso_date(_value(row, "date")))), None),
        title=next((v for row in rows if (v := _value(row, "title"))), None),
        url=models.EURLEX + identifier.removeprefix("celex-"),
    )


def _value(row: dict, name: str) -> str | None:
    cell = row.get(name)
    value = cell.get("value") if isinstance(cell, dict) else None
    return " ".join(value.split()) or None if isinstance(value, str) else None
