"""rechtspraak.nl, for a court ruling by its ECLI: the open data service of the Rechtspraak.

    https://data.rechtspraak.nl/uitspraken/content?id=ECLI:NL:RBDHA:2023:12919&return=META

The answer is XML, `open-rechtspraak` holding an RDF description of the ruling: `dcterms:`
identifier, creator (the court), date (of the ruling), type (Uitspraak or Conclusie), title, and
`psi:zaaknummer`. An ECLI it does not know is HTTP 404. Documented in "Technische documentatie
Open Data van de Rechtspraak" (rechtspraak.nl, Uitspraken, Open Data).
"""

from __future__ import annotations

from urllib.parse import quote

from ..citations import models
from ..citations.models import Citation
from ..messages import t
from .parse import Malformed, iso_date, text, xml
from .record import Official

NAME = "rechtspraak"
ENDPOINT = "https://data.rechtspraak.nl/uitspraken/content"
ACCEPT = "application/xml"
MISSING = (404,)
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS = {"rdf": RDF, "dcterms": "http://purl.org/dc/terms/", "psi": "http://psi.rechtspraak.nl/"}


def address(citation: Citation) -> str | None:
    if citation.kind != models.ECLI or not (citation.ecli or "").startswith("ECLI:NL:"):
        return None  # the rulings of Dutch courts only: it answers 404 for ECLI:EU:C:2019:1001
    return f"{ENDPOINT}?id={quote(citation.ecli, safe=':')}&return=META"


def read(body: bytes, identifier: str) -> Official:
    root = xml(body)
    if root.tag != "open-rechtspraak":
        raise Malformed(
            t("official.malformed_root", found=root.tag.rsplit("}", 1)[-1], wanted="open-rechtspraak")
        )
    descriptions = list(root.iter(f"{{{RDF}}}Description"))
    ruling = next((d for d in descriptions if _first(d, "dcterms:identifier") == identifier), None)
    if ruling is None:
        return Official(identifier, found=False)
    title = next((v for d in descriptions if (v := _first(d, "dcterms:title"))), None)
    return Official(
        identifier,
        found=True,
        date=iso_date(_first(ruling, "dcterms:date")),
        title=title,
        kind=_first(ruling, "dcterms:type"),
        submitter=_first(ruling, "dcterms:creator"),
        case_number=_first(ruling, "psi:zaaknummer"),
        url=f"https://uitspraken.rechtspraak.nl/details?id={identifier}",
    )


def _first(description, name: str) -> str | None:
    return text(description.find(name, NS))
