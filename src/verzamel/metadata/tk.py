"""The Tweede Kamer's open data: the OData v4 API of its Gegevensmagazijn.

    https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document
        ?$filter=Volgnummer eq 3451 and Kamerstukdossier/any(d:d/Nummer eq 19637)
        &$expand=Kamerstukdossier,DocumentActor

The answer is OData JSON: `value` lists the Documents, each with Soort, DocumentNummer, Onderwerp,
Datum, Vergaderjaar, Verwijderd, its Kamerstukdossier (Nummer, Toevoeging, Titel) and its
DocumentActors (ActorNaam, Functie, Relatie: "Eerste ondertekenaar", …). Documented at
opendata.tweedekamer.nl/documentatie (entity Document, Kamerstukdossier, DocumentActor). Only the
Tweede Kamer's kamerstukken are there; officielebekendmakingen.nl has the rest.
"""

from __future__ import annotations

from urllib.parse import quote

from ..citations import models
from ..citations.models import Citation
from ..messages import t
from .parse import Malformed, iso_date, json_object
from .record import Official

NAME = "tweedekamer"
ENDPOINT = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document"
ACCEPT = "application/json"
MISSING: tuple[int, ...] = ()
SIGNERS = ("Eerste ondertekenaar", "Indiener")
"""Who a document is from, in the order looked for among its DocumentActors."""


def address(citation: Citation) -> str | None:
    dossier, number = citation.dossier or "", citation.number or ""
    if citation.kind != models.KAMERSTUK or not (dossier.isdigit() and number.isdigit()):
        return None  # an Eerste Kamer document (numbered with a letter) is not in the Tweede Kamer's data
    within = f"d/Nummer eq {int(dossier)}"
    if citation.suffix:
        within += f" and d/Toevoeging eq '{citation.suffix}'"
    parameters = {
        "$filter": f"Volgnummer eq {int(number)} and Kamerstukdossier/any(d:{within})",
        "$expand": "Kamerstukdossier,DocumentActor",
    }
    return ENDPOINT + "?" + "&".join(f"{key}={quote(value, safe=',:/')}" for key, value in parameters.items())


def read(body: bytes, identifier: str) -> Official:
    documents = json_object(body).get("value")
    if not isinstance(documents, list) or not all(isinstance(d, dict) for d in documents):
        raise Malformed(t("official.malformed_shape"))
    kept = [d for d in documents if d.get("Soort") != "Bijlage"] or documents
    if not kept:
        return Official(identifier, found=False)
    document = next((d for d in kept if not d.get("Verwijderd")), kept[0])
    dossiers = _expanded(document, "Kamerstukdossier")
    return Official(
        identifier,
        found=True,
        date=iso_date(document.get("Datum")),
        title=_string(document.get("Onderwerp")),
        dossier_title=_string(dossiers[0].get("Titel")) if dossiers else None,
        kind=_string(document.get("Soort")),
        submitter=_signer(_expanded(document, "DocumentActor")),
        vergaderjaar=_string(document.get("Vergaderjaar")),
        chamber="II",
        url=None,
        status="verwijderd" if document.get("Verwijderd") is True else None,
        tk_number=_string(document.get("DocumentNummer")),
    )


def _expanded(document: dict, name: str) -> list[dict]:
    """The entities `$expand` put in the document: a list (or nothing), never another shape."""
    entities = document.get(name) or []
    if not isinstance(entities, list):
        raise Malformed(t("official.malformed_shape"))
    return [entity for entity in entities if isinstance(entity, dict)]


def _signer(actors: list[dict]) -> str | None:
    for relation in SIGNERS:
        for actor in actors:
            if actor.get("Relatie") == relation and _string(actor.get("ActorNaam")):
                return ", ".join(
                    p for p in (_string(actor.get("ActorNaam")), _string(actor.get("Functie"))) if p
                )
    return None


def _string(value) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
