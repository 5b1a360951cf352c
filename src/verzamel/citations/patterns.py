"""Regular expressions for the citation forms seen in real letters (see docs/citations.md)."""

from __future__ import annotations

import re

DOSSIER = r"\d{1,3}(?:[ .\u00a0]\d{3})+|\d{4,6}"
SUFFIX = (
    r"(?:\s*[-–]\s*(?P<{n}h>[A-Z]{{1,4}}|\d{{1,3}})\b"
    r"|\s+(?P<{n}s>[IVXL]{{1,6}}|[A-Z])(?=[\s,;.)]|$))"
)
VERGADERJAAR = r"(?P<vj1>\d{4})\s*[/\-–]\s*(?P<vj2>\d{4}|\d{2})(?!\d)"
# More numbers after the first ("12 en 14"), but not the dossier of the next citation ("en 36 045, nr. 2").
NUMBER_LIST = (
    r"(?:\d+|[A-Z]{1,2})\b"
    r"(?:\s*(?:,|en|&|[-–])\s*(?:\d+|[A-Z]{1,2})\b(?![ .\u00a0]\d{3}\b)(?!\s*,?\s*nrs?\b))*"
)
PAGE = r"(?:\s*,?\s*(?:p\.|pp\.|blz\.|pag\.)\s*(?P<page>\d+(?:\s*[-–]\s*\d+)?))?"

KAMERSTUK = re.compile(
    r"(?P<bijlage>\b[Bb]ijlage\s+(?:\d+\s+)?bij\s+(?:de\s+)?)?"
    r"\b(?P<kw>[Kk]amerstuk(?:ken)?)"
    r"(?:\s+(?P<chamber>II|I)\b)?"
    rf"(?:\s*,?\s*{VERGADERJAAR})?"
    rf"\s*,?\s*(?P<dossier>{DOSSIER})(?![\d/])"
    rf"{SUFFIX.format(n='sfx')}?"
    r"(?P<co>(?:\s*(?:en|,|&)\s*(?:\d{2,3}[ .\u00a0]\d{3}|\d{5,6})(?![\d/])"
    r"(?:\s+[IVXL]{1,6}\b|\s*-\s*[A-Z\d]{1,4}\b)?)*)"
    rf"(?:\s*,?\s*(?P<nrkw>nrs?\.?|nummers?)\s*(?P<nrs>{NUMBER_LIST})"
    r"|\s*,\s*(?P<letter>[A-Z]{1,2}(?:\s*(?:,|en)\s*[A-Z]{1,2})*)\b(?![a-z])"
    rf"(?:\s*(?:,|en)\s*nrs?\.\s*(?P<nrs2>{NUMBER_LIST}))?"
    # "Kamerstuk 21 501-20, 2105": the number without `nr.`, read and reported (CIT010)
    r"|\s*,\s*(?P<barenr>\d{1,5})\b(?![\d/.,:]\d|\s*[-–/]))?"
    rf"{PAGE}"
)
TITLE_FORM = re.compile(
    r"\b[Kk]amerstuk(?:ken)?\s+(?P<dossier>\d{4,6})(?:-(?P<suffix>[A-Z]{1,4}|\d{1,3}))?-(?P<nr>\d+|[A-Z]{1,2})\b"
    r"(?!\s*,?\s*nrs?\b)(?!\s*,\s*\d)"
)
ID_FORM = re.compile(
    r"\bkst-(?P<dossier>\d{4,6})(?:-(?P<suffix>[A-Z]{1,4}|\d{1,3}))?-(?P<nr>\d+|[A-Z]{1,2})\b"
)
HANDELINGEN_ID = re.compile(
    r"\b(?P<prefix>h|ah)-(?P<house>tk|ek)-(?P<vj>\d{8})-(?P<nr>\d+)(?:-(?P<item>\d+))?\b"
)
BIJLAGE_ID = re.compile(r"\bblg-(?P<nr>\d{4,8})\b")  # a parliamentary attachment: blg-1116044
BLAD_ID = re.compile(r"\b(?P<prefix>stb|stcrt|trb)-(?P<year>\d{4})-(?P<nr>\d+)\b")
# Without the word kamerstuk, as committee reports and agendas write them: "(36410, nr. 12)",
# "(21 501-10, 21 501-18, nr. 63)". Five digits (spaced or not) or four that are not a year.
BARE_DOSSIER = r"\d{2}[ \u00a0]\d{3}|\d{4,5}"
BARE = re.compile(
    r"(?<![\w/.,\u00a0-])(?<!\d[ \u00a0])"
    rf"(?P<dossier>{BARE_DOSSIER})(?![\d/])"
    rf"{SUFFIX.format(n='sfx')}?"
    r"(?P<co>(?:\s*(?:en|,|&)\s*(?:\d{2}[ \u00a0]\d{3}|\d{5})(?![\d/])"
    r"(?:\s+[IVXL]{1,6}\b|\s*[-–]\s*[A-Z\d]{1,4}\b)?)*)"
    rf"\s*,\s*(?P<nrkw>nrs?\.?)\s*(?P<nrs>{NUMBER_LIST}){PAGE}"
)
# Eerste Kamer documents as the EK writes them: "(EK 36 410 VII, B)", "(EK 35 925, C)", and a
# bare "(32 123-VI, M)" inside parentheses.
EK_LETTER = re.compile(
    r"(?:\bEK\s+|(?<=\())"
    rf"(?P<dossier>{BARE_DOSSIER})(?![\d/])"
    rf"{SUFFIX.format(n='sfx')}?"
    r"\s*,\s*(?P<letter>[A-Z]{1,2})\b(?![a-z])(?=\s*(?:\)|;|,|\.|en\b|$))"
)
# A semicolon list of page-title ids, as the Handelingen list moties and stukken:
# "29911-226; 21501-08-765; 35315-(R2137)-1; 2012Z14476".
LIST_ITEM = (
    r"(?:(?:19|20)\d{2}Z\d{4,5}|\d{5}(?:-(?:[A-Z]{1,5}|\d{2}))?(?:-\(R\d{3,4}\))?-(?:\d{1,4}|[A-Z]{1,2}))"
)
ID_LIST = re.compile(rf"(?<![\w-]){LIST_ITEM}(?:\s*;\s*{LIST_ITEM})+(?![\w-])")
ID_LIST_ITEM = re.compile(
    r"(?P<dossier>\d{5})(?:-(?P<suffix>[A-Z]{1,5}|\d{2}))?(?:-\(R\d{3,4}\))?-(?P<nr>\d{1,4}|[A-Z]{1,2})\b"
)
# A Tweede Kamer zaak number (written questions, moties): its own kind, never a kamerstuk.
ZAAK_NUMBER = re.compile(r"(?<![\w-])(?P<zaak>(?:19|20)\d{2}Z\d{4,5})(?!\w)")
CONTINUATION = re.compile(
    r"\s*(?:;|,|en|&)\s*(?:[Kk]amerstuk(?:ken)?\s+)?"
    rf"(?P<dossier>{DOSSIER}){SUFFIX.format(n='sfx')}?"
    rf"\s*,\s*(?P<nrkw>nrs?\.?)\s*(?P<nrs>{NUMBER_LIST}){PAGE}"
)
ZAAK = re.compile(
    r"(?:\b[Kk]amerstuk(?:ken)?(?:\s+(?:II|I)\b)?\s*,?\s*(?:nr\.?\s*)?|\bkst-)"
    r"(?P<zaak>(?:19|20)\d{2}Z\d{4,5})\b"
)
HANDELINGEN = re.compile(
    r"(?P<aanhangsel>\bAanhangsel\s+(?:van\s+de\s+|bij\s+de\s+)?)?"
    r"\b(?P<kw>Handelingen)(?:\s+(?P<chamber>II|I)\b)?\s*,?\s*(?:vergaderjaar\s+)?"
    rf"{VERGADERJAAR}"
    r"\s*,?\s*(?:nr\.?\s*)?(?P<nr>\d+)\b"
    r"(?:\s*,\s*item\s+(?P<item>\d+))?"
    rf"{PAGE}"
)
BLAD = re.compile(
    r"\b(?P<blad>Stb|Staatsblad|Stcrt|Staatscourant|Trb|Tractatenblad)\.?\s+"
    r"(?P<year>\d{4})\s*,?\s*(?:nr\.?\s*)?(?P<nr>\d+)\b"
)
EU_ACT = re.compile(
    r"\b(?P<type>[Rr]ichtlijn|[Vv]erordening|[Uu]itvoeringsverordening|[Gg]edelegeerde verordening|"
    r"[Uu]itvoeringsbesluit|[Bb]esluit|[Kk]aderbesluit)\s+"
    r"(?:\((?P<org>EU|EG|EEG|Euratom)\)\s+)?(?:(?P<nrkw>nr\.?)\s*)?"
    r"(?P<a>\d{2,4})/(?P<b>\d{1,4})(?:/(?P<org2>EU|EG|EEG|GBVB|JBZ))?\b"
)
PUBLICATIEBLAD = re.compile(
    r"\b(?:PbEU|Pb\s?EU|PB\s?EU|PB)\s+(?P<year>\d{4})\s*,?\s*(?P<series>[LC])\s*(?P<nr>\d+)\b"
)
ECLI = re.compile(r"\bECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Za-z0-9.]*[A-Za-z0-9]")
