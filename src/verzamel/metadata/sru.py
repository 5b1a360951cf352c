"""officielebekendmakingen.nl: the SRU 2.0 search service of KOOP, collection officielepublicaties.

    https://repository.overheid.nl/sru?operation=searchRetrieve&version=2.0&recordSchema=gzd
        &query=c.product-area==officielepublicaties AND dt.identifier=="kst-19637-3451"

The answer is an SRU searchRetrieveResponse whose records hold the document's metadata in the
`gzd` schema: OWMS (`dcterms:` title, type, creator, date, …) and `overheidwetgeving:` fields
(documenttitel, dossiertitel, dossiernummer, ondernummer, vergaderjaar, indiener, …), and the
official page in `gzd:preferredUrl`. Documented in KOOP's "Handleiding SRU 2.0" (data.overheid.nl)
and "Uitvragen Officiële Publicaties"; tests/data/recorded/ keeps answers in that form.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ..citations import models
from ..citations.models import Citation
from ..messages import t
from .parse import Malformed, iso_date, text, xml
from .record import Official

NAME = "officielebekendmakingen"
ENDPOINT = "https://repository.overheid.nl/sru"
ACCEPT = "application/xml"
MISSING: tuple[int, ...] = ()
KINDS = (
    models.KAMERSTUK,
    models.HANDELINGEN,
    models.AANHANGSEL,
    models.BIJLAGE,
    *models.BLAD_PREFIX,
)
NS = {
    "sru": "http://docs.oasis-open.org/ns/search-ws/sruResponse",
    "diag": "http://docs.oasis-open.org/ns/search-ws/diagnostic",
    "gzd": "http://standaarden.overheid.nl/sru",
    "dcterms": "http://purl.org/dc/terms/",
    "ow": "http://standaarden.overheid.nl/wetgeving/",
}
WITHDRAWN = re.compile(r"\b(herdruk|ingetrokken|vervallen|vervangen)\b", re.IGNORECASE)
"""Words in a document's status that say it is not the document as first published."""
HERDRUK = re.compile(r"\bherdruk\b", re.IGNORECASE)
"""A reprint says so in its title too."""
CHAMBERS = {"eerste kamer der staten-generaal": "I", "tweede kamer der staten-generaal": "II"}


def address(citation: Citation) -> str | None:
    if citation.kind not in KINDS or (citation.kind == models.KAMERSTUK and not citation.number):
        return None
    query = f'c.product-area==officielepublicaties AND dt.identifier=="{citation.id}"'
    parameters = {
        "operation": "searchRetrieve",
        "version": "2.0",
        "recordSchema": "gzd",
        "maximumRecords": "10",
        "httpAccept": ACCEPT,
        "query": query,
    }
    return ENDPOINT + "?" + "&".join(f"{key}={quote(value, safe='')}" for key, value in parameters.items())


def read(body: bytes, identifier: str) -> Official:
    root = xml(body)
    if root.tag != f"{{{NS['sru']}}}searchRetrieveResponse":
        raise Malformed(t("official.malformed_root", found=_local(root.tag), wanted="searchRetrieveResponse"))
    said = [text(d.find("diag:message", NS)) or "" for d in root.iter(f"{{{NS['diag']}}}diagnostic")]
    if said:
        raise Malformed(t("official.service_said", said="; ".join(said)))
    for record in root.iterfind("sru:records/sru:record/sru:recordData/gzd:gzd", NS):
        if _first(record, "dcterms:identifier") == identifier:
            return _official(record, identifier)
    return Official(identifier, found=False)


def _official(record, identifier: str) -> Official:
    title, document_title = _first(record, "dcterms:title"), _first(record, "ow:documenttitel")
    status = _first(record, "ow:documentstatus")
    if not (status and WITHDRAWN.search(status)):
        status = "herdruk" if any(HERDRUK.search(x or "") for x in (document_title, title)) else None
    dates = (iso_date(_first(record, f"dcterms:{name}")) for name in ("date", "issued", "available"))
    creator = (_first(record, "dcterms:creator") or "").lower()
    return Official(
        identifier,
        found=True,
        date=next((d for d in dates if d), None),
        title=title,
        document_title=document_title,
        dossier_title=_first(record, "ow:dossiertitel"),
        kind=_first(record, "ow:subrubriek") or _first(record, "dcterms:type"),
        submitter=", ".join(_all(record, "ow:indiener")) or None,
        vergaderjaar=_first(record, "ow:vergaderjaar"),
        chamber=CHAMBERS.get(creator),
        dossiers=tuple(_all(record, "ow:dossiernummer")),
        url=_first(record, "gzd:preferredUrl"),
        status=status,
        replaced_by=_first(record, "dcterms:isReplacedBy"),
    )


def _all(record, name: str) -> list[str]:
    return [value for element in record.iterfind(f".//{name}", NS) if (value := text(element))]


def _first(record, name: str) -> str | None:
    found = _all(record, name)
    return found[0] if found else None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
