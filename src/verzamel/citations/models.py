"""Typed citations: what a citation says, where it was found, and its canonical id and URL."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import vergaderjaar as vj_forms

OFFICIAL = "https://zoek.officielebekendmakingen.nl/"
EURLEX = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri="
CONSILIUM = "https://data.consilium.europa.eu/doc/document/"

KAMERSTUK = "kamerstuk"
HANDELINGEN = "handelingen"
AANHANGSEL = "aanhangsel"
STAATSBLAD = "staatsblad"
STAATSCOURANT = "staatscourant"
TRACTATENBLAD = "tractatenblad"
GEMEENTEBLAD = "gemeenteblad"
PROVINCIAAL_BLAD = "provinciaalblad"
WATERSCHAPSBLAD = "waterschapsblad"
EU_ACT = "eu"  # an EU act by its CELEX number: celex-32013R0604, or another EU document, celex-52021AE2534
PUBLICATIEBLAD = "pbeu"
COMMISSION = "commissiedocument"  # COM, SWD, SEC, JOIN: com-2022-457
COUNCIL = "raadsdocument"  # a Council document: st-14185-2023
ECLI = "ecli"
BIJLAGE = "bijlage"  # a parliamentary attachment, by its officielebekendmakingen id (blg-1116044)
ZAAK = "zaak"  # a Tweede Kamer zaak number (2025Z01234): written questions, moties; no kamerstuk
BLAD_PREFIX = {
    STAATSBLAD: "stb",
    STAATSCOURANT: "stcrt",
    TRACTATENBLAD: "trb",
    GEMEENTEBLAD: "gmb",
    PROVINCIAAL_BLAD: "prb",
    WATERSCHAPSBLAD: "wsb",
}


@dataclass(frozen=True)
class Citation:
    """One cited document. Offsets are into the text it was found in (end exclusive)."""

    kind: str
    text: str = ""
    start: int = 0
    end: int = 0
    chamber: str | None = None  # "I" (Eerste Kamer) or "II" (Tweede Kamer)
    vergaderjaar: tuple[int, int] | None = None
    dossier: str | None = None
    suffix: str | None = None  # VII, J, 20 …
    co_dossiers: tuple[str, ...] = ()
    number: str | None = None  # ondernummer, or an Eerste Kamer letter (A, B, …)
    number_keyword: bool = False  # written with `nr.`
    page: str | None = None
    item: str | None = None
    year: int | None = None  # Staatsblad, Staatscourant, Tractatenblad, EU acts
    series: str | None = None  # PbEU: L or C; EU acts: the CELEX type letter; COM, SWD, SEC, JOIN
    attachment: bool = False  # "Bijlage bij …"
    ecli: str | None = None
    continuation: bool = False  # "…, nr. 3346 en 19637, nr. 3500": the second one
    form: str = "full"  # full | id (kst-19637-3451) | title (Kamerstuk 19637-3100) | bare | list
    missing_nr: bool = False  # "Kamerstuk 21 501-20, 2105": read, and reported (CIT010)
    zaak: str | None = None
    document: str | None = None  # an EU document that is no act, by its CELEX number (52021AE2534)
    court: str | None = None  # "ABRvS 12 juli 2023, ECLI:…": the court and the date as written
    date: str | None = None

    @property
    def is_ek_letter(self) -> bool:
        return self.number is not None and self.number.isalpha()

    @property
    def id(self) -> str:
        if self.kind == KAMERSTUK:
            parts = ["kst", self.dossier or ""]
            if self.suffix:
                parts.append(self.suffix)
            if self.number:
                parts.append(self.number)
            return "-".join(parts)
        if self.kind in (HANDELINGEN, AANHANGSEL):
            house = "ek" if self.chamber == "I" else "tk"
            prefix = "ah" if self.kind == AANHANGSEL else "h"
            parts = [
                prefix,
                house,
                vj_forms.compact(self.vergaderjaar) if self.vergaderjaar else "",
                self.number or "",
            ]
            if self.item:
                parts.append(self.item)
            return "-".join(parts)
        if self.kind in BLAD_PREFIX:
            return f"{BLAD_PREFIX[self.kind]}-{self.year}-{self.number}"
        if self.kind == EU_ACT:
            return f"celex-{self.celex}"
        if self.kind == PUBLICATIEBLAD:
            return f"pbeu-{self.year}-{self.series}-{self.number}"
        if self.kind == COMMISSION:
            return f"{(self.series or '').lower()}-{self.year}-{self.number}"
        if self.kind == COUNCIL:
            return f"st-{self.number}-{self.year}"
        if self.kind == ZAAK:
            return f"zaak-{self.zaak}"
        if self.kind == BIJLAGE:
            return f"blg-{self.number}"
        return self.ecli or ""

    @property
    def celex(self) -> str:
        return self.document or f"3{self.year}{self.series}{int(self.number or 0):04d}"

    @property
    def url(self) -> str | None:
        if self.kind == KAMERSTUK:
            if not self.number:
                return f"{OFFICIAL}dossier/{self.dossier}"
            return f"{OFFICIAL}{self.id}.html"
        if self.kind in (HANDELINGEN, AANHANGSEL, BIJLAGE, *BLAD_PREFIX):
            return f"{OFFICIAL}{self.id}.html"
        if self.kind == EU_ACT:
            return f"{EURLEX}CELEX:{self.celex}"
        if self.kind == PUBLICATIEBLAD:
            return f"{EURLEX}OJ:{self.series}:{self.year}:{self.number}:TOC"
        if self.kind == COMMISSION:
            return f"{EURLEX}{self.series}:{self.year}:{self.number}:FIN"
        if self.kind == COUNCIL:
            return f"{CONSILIUM}ST-{self.number}-{self.year}-INIT/nl/pdf"
        if self.kind == ECLI and (self.ecli or "").startswith("ECLI:NL:"):
            return f"https://uitspraken.rechtspraak.nl/details?id={self.ecli}"
        if self.kind == ECLI and (self.ecli or "").startswith("ECLI:EU:"):
            return f"{EURLEX}ecli:{self.ecli}"
        return None

    def fields(self) -> dict:
        """The parsed facts, for JSON."""
        out = {"kind": self.kind}
        for name in (
            "chamber",
            "dossier",
            "suffix",
            "number",
            "page",
            "item",
            "year",
            "series",
            "ecli",
            "zaak",
            "document",
            "court",
            "date",
        ):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.vergaderjaar:
            out["vergaderjaar"] = vj_forms.long(self.vergaderjaar)
        if self.co_dossiers:
            out["co_dossiers"] = list(self.co_dossiers)
        if self.attachment:
            out["attachment"] = True
        return out


@dataclass(frozen=True)
class Refusal:
    """Text that looks like a citation but is not one verzamel may read as such."""

    rule: str
    reason: str
    text: str
    start: int
    end: int
    details: dict = field(default_factory=dict)
