"""Regular expressions for kamerstukken in the forms seen in real letters (see docs/citations.md).

The other kinds have their patterns next to their reading: handelingen.py, journals.py, eu.py,
courts.py."""

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
    rf"\s*,?\s*(?P<dossier>{DOSSIER}|C[LXVI]{{2,6}}\b)(?![\d/])"
    rf"{SUFFIX.format(n='sfx')}?"
    r"(?P<co>(?:\s*(?:en|,|&)\s*(?:\d{2,3}[ .\u00a0]\d{3}|\d{5,6})(?![\d/])"
    r"(?:\s+[IVXL]{1,6}\b|\s*-\s*[A-Z\d]{1,4}\b)?)*)"
    rf"(?:\s*,?\s*(?P<nrkw>nrs?\.?|nummers?)\s*(?P<nrs>{NUMBER_LIST})"
    r"|\s*,\s*(?:letters?\s+)?(?P<letter>[A-Z]{1,2}(?:\s*(?:,|en)\s*[A-Z]{1,2})*)\b(?![a-z])"
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
    r"\bkst-(?P<dossier>\d{4,6}|C[LXVI]{1,7})(?:-(?P<suffix>[A-Z]{1,4}|\d{1,3}))?-(?P<nr>\d+|[A-Z]{1,2})\b"
)
BIJLAGE_ID = re.compile(r"\bblg-(?P<nr>\d{4,8})\b")  # a parliamentary attachment: blg-1116044
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
# Eerste Kamer documents as the EK writes them: "(EK 36 410 VII, B)", "(EK 35 925, C)", and
# inside parentheses a bare "(32 123-VI, M)", "(36.259, J)", or a dossier of the EK's own with a
# Roman number: "(CLX, A)".
EK_DOSSIER = r"\d{2}\.\d{3}|C[LXVI]{2,6}"
EK_LETTER = re.compile(
    r"(?:\bEK\s+|(?<=\())"
    rf"(?P<dossier>{BARE_DOSSIER}|{EK_DOSSIER})(?![\d/])"
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
# The word letter, as the EK's reports name moties and stukken: "(35788, letter D)",
# "35925-VI, letter T", "motie CLVI, letter M", "(36350-IX, 36350-XV, letter F)", "CLVI, letters AA".
EK_LETTER_WORD = re.compile(
    rf"(?<![\w/.,-])(?P<dossier>\d{{5}}|{EK_DOSSIER})(?:-(?P<sfxh>[A-Z]{{1,4}}|\d{{1,3}}))?"
    r"(?P<co>(?:\s*,\s*\d{5}(?:-(?:[A-Z]{1,4}|\d{1,3}))?)*)"
    r"\s*,\s*letters?\s+(?P<letter>[A-Z]{1,2})\b(?![a-z])"
)
# A dossier with a dot and a number, as the EK's EU pages cite kamerstukken: "(21.501-33, 875)".
EK_DOTTED = re.compile(r"\((?P<dossier>\d{2}\.\d{3})-(?P<sfxh>[A-Z]{1,4}|\d{1,3}),\s*(?P<nr>\d{1,4})\)")
