"""Citation strings as real letters write them, each with the ids it must give or its refusal.

`!CIT004` means: refused as a zaak number posing as a kamerstuk; `!CIT008`: refused as unreadable.
An empty list means: no citation at all.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verzamel.citations.find import find
from verzamel.citations.models import Citation, Refusal
from verzamel.citations.render import STYLES, render
from verzamel.citations.resolve import parse_id
from verzamel.citations.vergaderjaar import prinsjesdag, vergaderjaar_of

WRITTEN = [
    # the seed and the forms DOMAIN.md lists
    ("Kamerstukken II, 2024-2025, 19637, nr. 3451", ["kst-19637-3451"]),
    ("Kamerstukken II, 2024-2025, 19637, nr. 3464.", ["kst-19637-3464"]),
    ("Kamerstuk 19637, nr. 3346", ["kst-19637-3346"]),
    ("Kamerstuk 19 637, nr. 3093", ["kst-19637-3093"]),
    ("Kamerstukken 19 637 en 36 045, nr. 2834", ["kst-19637-2834"]),
    ("Kamerstukken 19637 en 36045, nr. 2834", ["kst-19637-2834"]),
    ("Kamerstukken II 2001/02 28 000 VI nr. 46", ["kst-28000-VI-46"]),
    ("Kamerstukken II 2016-2017, 34 550 VI, nr. 12", ["kst-34550-VI-12"]),
    ("Kamerstukken II 2016–2017, 34 550 VI, nr. 12", ["kst-34550-VI-12"]),
    ("Kamerstukken II 2024/25, 19637, nr. 3451", ["kst-19637-3451"]),
    ("Kamerstukken II 2015/16, 34300 VII, nr. 60", ["kst-34300-VII-60"]),
    ("Kamerstukken I 2009/10, 32217, A", ["kst-32217-A"]),
    ("Kamerstukken II 2012/2013, 33 400 VI, nr. 5", ["kst-33400-VI-5"]),
    ("Kamerstuk 19637, nr 3451", ["kst-19637-3451"]),
    # case, spacing, line breaks
    ("kamerstukken II 2024/25, 19637, nr. 3451", ["kst-19637-3451"]),
    ("kamerstuk 19 637, nr. 3093", ["kst-19637-3093"]),
    ("Kamerstukken II\n2024/25, 19637, nr. 3451", ["kst-19637-3451"]),
    ("Kamerstukken II 2024/25,\n19637, nr. 3451", ["kst-19637-3451"]),
    ("Kamerstukken II 2024/25, 19637,\nnr. 3451", ["kst-19637-3451"]),
    ("Kamerstuk 19\u00a0637, nr. 3093", ["kst-19637-3093"]),
    ("Kamerstukken II  2024/25,  19637,  nr.  3451", ["kst-19637-3451"]),
    ("Kamerstukken II 2024/25 19637 nr. 3451", ["kst-19637-3451"]),
    # several numbers, lists, continuations
    ("Kamerstukken II 2024/25, 19637, nrs. 12 en 14", ["kst-19637-12", "kst-19637-14"]),
    ("Kamerstukken II 2024/25, 19637, nrs. 12, 13 en 14", ["kst-19637-12", "kst-19637-13", "kst-19637-14"]),
    ("Kamerstukken II 2024/25, 19637, nrs. 12-14", ["kst-19637-12", "kst-19637-13", "kst-19637-14"]),
    ("Kamerstuk 19637, nr. 3346 en 19637, nr. 3500", ["kst-19637-3346", "kst-19637-3500"]),
    ("Kamerstukken II 2024/25, 19637, nr. 3451; 19637, nr. 3464", ["kst-19637-3451", "kst-19637-3464"]),
    ("Kamerstukken II 2024/25, 19637, nr. 3451 en 36 045, nr. 210", ["kst-19637-3451", "kst-36045-210"]),
    ("Kamerstuk 19637, nr. 3346 en Kamerstuk 19637, nr. 3451", ["kst-19637-3346", "kst-19637-3451"]),
    (
        "Zie ook: Verzamelbrief Opvang Oekraïne d.d. 31 januari 2025, Kamerstuk 19637, nr. 3346 en "
        "Verzamelbrief Opvang Oekraïne d.d. 4 juli 2025, Kamerstuk 19637, nr. 3451.",
        ["kst-19637-3346", "kst-19637-3451"],
    ),
    # dossier suffixes
    ("Kamerstukken II 2015/16, 34 300-VII, nr. 60", ["kst-34300-VII-60"]),
    ("Kamerstuk 21 501-20, nr. 1234", ["kst-21501-20-1234"]),
    ("Kamerstuk 21501-20, nr. 1234", ["kst-21501-20-1234"]),
    ("Kamerstukken II 2024/25, 21 501-07, nr. 2001", ["kst-21501-07-2001"]),
    ("Kamerstukken II 2024/25, 36 600-J, nr. 3", ["kst-36600-J-3"]),
    ("Kamerstukken II 2024/25, 36600 J, nr. 3", ["kst-36600-J-3"]),
    ("Kamerstukken II 2021/22, 35925 XVII, nr. 14", ["kst-35925-XVII-14"]),
    ("Kamerstukken II 2023/24, 36410 VI, nr. 99", ["kst-36410-VI-99"]),
    # Eerste Kamer
    ("Kamerstukken I 2019/20, 35 300, C", ["kst-35300-C"]),
    ("Kamerstukken I 2022/23, 36 200, AB", ["kst-36200-AB"]),
    ("Kamerstukken I 2009/10, 32217, nr. A", ["kst-32217-A"]),
    ("Kamerstukken I 2015/16, 34 300 VI, B", ["kst-34300-VI-B"]),
    # page-title and id forms
    ("Kamerstuk 19637-3100", ["kst-19637-3100"]),
    ("Kamerstuk 34300-VII-60", ["kst-34300-VII-60"]),
    ("zie kst-19637-3300 voor de brief", ["kst-19637-3300"]),
    ("kst-32217-A", ["kst-32217-A"]),
    ("https://zoek.officielebekendmakingen.nl/kst-19637-3451.html", ["kst-19637-3451"]),
    ("kst-21501-20-1234", ["kst-21501-20-1234"]),
    # whole dossiers, attachments, locators
    ("Kamerstukken II 2024/25, 19637", ["kst-19637"]),
    ("Kamerstuk 36 045", ["kst-36045"]),
    ("Bijlage bij Kamerstukken II 2024/25, 19637, nr. 3451", ["kst-19637-3451"]),
    ("bijlage bij kamerstuk 19637, nr. 3451", ["kst-19637-3451"]),
    ("Kamerstukken II 2023/24, 19637, nr. 3200, p. 3", ["kst-19637-3200"]),
    ("Kamerstukken II 2023/24, 19637, nr. 3200, blz. 3-5", ["kst-19637-3200"]),
    ("Kamerstukken II 2023/24, 19637, nr. 3200, pag. 12", ["kst-19637-3200"]),
    # refusals and things that are no citation
    ("Kamerstuk 2023Z01234", ["!CIT004"]),
    ("Kamerstukken II 2023Z01234", ["!CIT004"]),
    ("Kamerstuk nr. 2023Z01234", ["!CIT004"]),
    ("kst-2023Z01234", ["!CIT004"]),
    ("Kamerstuk nr. 3451", ["!CIT008"]),
    ("Kamerstukken II, nr. 3451", ["!CIT008"]),
    ("de motie (2023Z01234) is aangenomen", ["zaak-2023Z01234"]),
    ("het kamerstuk over de opvang", []),
    ("Kamerstukken", []),
    ("19637, nr. 3500", ["kst-19637-3500"]),
    ("nr. 3451", []),
    ("artikel 5.1.2e Woo", []),
    ("de brief van 4 juli 2025", []),
    ("Stb.", []),
    ("1 - 3 jaar", []),
    # without the word kamerstuk, as committee reports and agendas write them
    ("(36410, nr. 12)", ["kst-36410-12"]),
    ("(21501-20, nr. 2101);", ["kst-21501-20-2101"]),
    ("(21501–20, nr. 1597)", ["kst-21501-20-1597"]),
    ("(21 501-10, 21 501-18, nr. 63)", ["kst-21501-10-63"]),
    ("(36600-A, nr. 65)", ["kst-36600-A-65"]),
    ("(35300-X, nr. 21)", ["kst-35300-X-21"]),
    ("de motie opnieuw aan te houden: 29544, nr. 959.", ["kst-29544-959"]),
    ("(36410, nrs. 12 en 14)", ["kst-36410-12", "kst-36410-14"]),
    ("in 2024, nr. 5 van de reeks", []),
    ("(2023, nr. 12)", []),
    ("€ 12.500, nr. 3", []),
    ("tabel 3, nr. 4", []),
    ("artikel 12, nr. 4", []),
    # the number without nr.: read with the intended id, and reported (CIT010)
    ("Kamerstuk 21 501-20, 2105", ["kst-21501-20-2105"]),
    ("Kamerstuk 21501-20, 2105", ["kst-21501-20-2105"]),
    ("Kamerstukken II 2024/25, 19637, 3451", ["kst-19637-3451"]),
    # Eerste Kamer documents as the EK writes them
    ("EK 36 410 VII, B", ["kst-36410-VII-B"]),
    ("(EK 35 925, C)", ["kst-35925-C"]),
    ("(EK 36 600 B, A en EK 36 600 C, A)", ["kst-36600-B-A", "kst-36600-C-A"]),
    ("(32 123-VI, M)", ["kst-32123-VI-M"]),
    ("Kamerstuk 29 277, A en nr. 1", ["kst-29277-A", "kst-29277-1"]),
    ("Kamerstukken I 2023/24, 36410 VII, B", ["kst-36410-VII-B"]),
    ("de EK 12, A is gesloten", []),
    ("(zie bijlage 2, A)", []),
    ("(2024, A)", []),
    # semicolon lists of page-title ids, as the Handelingen write them
    ("29911-226; 2012Z14476; 21501-08-765", ["kst-29911-226", "zaak-2012Z14476", "kst-21501-08-765"]),
    ("35315-(R2137)-1; 35313-(R2135)-1", ["kst-35315-1", "kst-35313-1"]),
    ("33000-A-65; 33400-V-4.", ["kst-33000-A-65", "kst-33400-V-4"]),
    ("19637-3100", []),
    ("bel 070-1234; 071-5678", []),
    # zaak numbers: their own kind, never a kamerstuk
    ("2025Z01234", ["zaak-2025Z01234"]),
    ("vragen van het lid Podt (2025Z01234)", ["zaak-2025Z01234"]),
    ("kenmerk 2025Z012345X", []),
    # bijlagen
    ("blg-1116044", ["blg-1116044"]),
    ("zie https://zoek.officielebekendmakingen.nl/blg-1116044.html", ["blg-1116044"]),
    # Handelingen and Aanhangsel
    ("Handelingen II 2010/11, nr. 108, item 5", ["h-tk-20102011-108-5"]),
    ("Handelingen II 2010/2011, nr. 108, item 5", ["h-tk-20102011-108-5"]),
    ("Handelingen II 2010-2011, nr. 108, item 5", ["h-tk-20102011-108-5"]),
    ("Handelingen II 2023/24, nr. 60, item 9", ["h-tk-20232024-60-9"]),
    ("Handelingen I 2014/15, nr. 12, item 3", ["h-ek-20142015-12-3"]),
    ("Handelingen II 2009/10, nr. 45, p. 3456-3478", ["h-tk-20092010-45"]),
    ("Handelingen II 2009/10, nr. 45, blz. 3456", ["h-tk-20092010-45"]),
    ("Handelingen II 2010/11, 108, item 5", ["h-tk-20102011-108-5"]),
    ("h-tk-20102011-108-5", ["h-tk-20102011-108-5"]),
    ("Aanhangsel Handelingen II 2014/15, nr. 1241", ["ah-tk-20142015-1241"]),
    ("Aanhangsel van de Handelingen II 2014/15, nr. 1241", ["ah-tk-20142015-1241"]),
    ("Aanhangsel Handelingen II 2024/25, nr. 2519", ["ah-tk-20242025-2519"]),
    ("ah-tk-20142015-1241", ["ah-tk-20142015-1241"]),
    ("Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2217", ["ah-tk-20232024-2217"]),
    ("Aanhangsel Handelingen, vergaderjaar\n2023–2024, nr. 2217", ["ah-tk-20232024-2217"]),
    ("Zie ook Aanhangsel\nHandelingen, vergaderjaar 2023-2024, nr. 2217.", ["ah-tk-20232024-2217"]),
    ("Aanhangsel Handelingen II, vergaderjaar 2023–2024, nr. 2217", ["ah-tk-20232024-2217"]),
    ("Aanhangsel Handelingen I 2023/24, nr. 12", ["ah-ek-20232024-12"]),
    ("Handelingen I 2023/24, nr. 8, item 1", ["h-ek-20232024-8-1"]),
    ("Handelingen I 2019/20, nr. 30", ["h-ek-20192020-30"]),
    ("Handelingen II 2021/22, nr. 18", ["h-tk-20212022-18"]),
    ("in de Handelingen van deze vergadering", []),
    # Staatsblad, Staatscourant, Tractatenblad
    ("Stb. 2011, 35", ["stb-2011-35"]),
    ("Staatsblad 2011, 35", ["stb-2011-35"]),
    ("Stb 2011, 35", ["stb-2011-35"]),
    ("Stb. 2011, nr. 35", ["stb-2011-35"]),
    ("Stb. 2022, 216", ["stb-2022-216"]),
    ("Stcrt. 2015, 10247", ["stcrt-2015-10247"]),
    ("Staatscourant 2015, nr. 10247", ["stcrt-2015-10247"]),
    ("Stcrt. 2024, 12345", ["stcrt-2024-12345"]),
    ("Trb. 2008, 175", ["trb-2008-175"]),
    ("(Trb. 2000, 66 en Trb. 2001, 164)", ["trb-2000-66", "trb-2001-164"]),
    ("Tractatenblad 2008, 175", ["trb-2008-175"]),
    ("stb-2011-35", ["stb-2011-35"]),
    ("stcrt-2015-10247", ["stcrt-2015-10247"]),
    # EU acts and the Publicatieblad
    ("Richtlijn 2001/55/EG", ["celex-32001L0055"]),
    ("Richtlijn 2013/32/EU", ["celex-32013L0032"]),
    ("Richtlijn 93/13/EEG", ["celex-31993L0013"]),
    ("Verordening (EU) 2024/1347", ["celex-32024R1347"]),
    ("Verordening (EU) nr. 604/2013", ["celex-32013R0604"]),
    ("Verordening (EG) nr. 343/2003", ["celex-32003R0343"]),
    ("Uitvoeringsbesluit (EU) 2022/382", ["celex-32022D0382"]),
    ("Besluit 2008/615/JBZ", ["celex-32008D0615"]),
    ("richtlijn nr. 2008/115/EG", ["celex-32008L0115"]),
    ("verordening (EU) 2024/1347", ["celex-32024R1347"]),
    ("Besluit 2012/1 wijzigt bijlage I bij het Protocol", []),
    ("Kaderbesluit 2002/584/JBZ", ["celex-32002F0584"]),
    ("Richtlijn 2001/55/EG (PbEU 2001, L 212)", ["celex-32001L0055", "pbeu-2001-L-212"]),
    ("(PbEU 2010, L 180)", ["pbeu-2010-L-180"]),
    ("PbEU 2024, C 1234", ["pbeu-2024-C-1234"]),
    # ECLI
    ("ECLI:NL:RVS:2024:1234", ["ECLI:NL:RVS:2024:1234"]),
    ("ECLI:NL:HR:2019:2007.", ["ECLI:NL:HR:2019:2007"]),
    ("ECLI:EU:C:2022:123", ["ECLI:EU:C:2022:123"]),
    ("zie ECLI:NL:RBDHA:2023:12345, r.o. 5", ["ECLI:NL:RBDHA:2023:12345"]),
]

# A matrix of real-looking documents, each written in the forms letters use.
DOCUMENTS = [
    ("19637", None, "3451", 2024),
    ("19637", None, "3346", 2024),
    ("36045", None, "12", 2021),
    ("34300", "VII", "60", 2015),
    ("36600", "VI", "7", 2024),
    ("21501", "20", "2112", 2024),
    ("32317", None, "912", 2024),
    ("29614", None, "250", 2024),
    ("35925", "XVII", "14", 2021),
    ("36200", "J", "5", 2022),
    ("33400", "VI", "5", 2012),
    ("30196", None, "804", 2022),
]


def _written_forms(dossier, suffix, number, start):
    spaced = f"{dossier[:2]} {dossier[2:]}"
    sfx = "" if not suffix else (f" {suffix}" if set(suffix) <= set("IVXL") else f"-{suffix}")
    dash_sfx = f"-{suffix}" if suffix else ""
    short, full = f"{start}/{(start + 1) % 100:02d}", f"{start}-{start + 1}"
    return [
        f"Kamerstukken II {short}, {dossier}{sfx}, nr. {number}",
        f"Kamerstukken II, {full}, {dossier}{sfx}, nr. {number}",
        f"Kamerstuk {spaced}{sfx}, nr. {number}",
        f"Kamerstukken II {short} {spaced}{sfx} nr. {number}",
        f"kamerstukken II {start}–{start + 1}, {dossier}{sfx}, nr {number}",
        f"Kamerstukken II {start}/{start + 1}, {dossier}{sfx}, nr. {number}, p. 4",
        f"Kamerstuk {dossier}{dash_sfx}-{number}",
        f"kst-{dossier}{dash_sfx}-{number}",
    ]


MATRIX = [
    (text, [f"kst-{d}{'-' + s if s else ''}-{n}"])
    for d, s, n, start in DOCUMENTS
    for text in _written_forms(d, s, n, start)
]
TABLE = WRITTEN + [row for row in MATRIX if row[0] not in {text for text, _ in WRITTEN}]


def _outcome(text: str) -> list[str]:
    return [f"!{item.rule}" if isinstance(item, Refusal) else item.id for item in find(text)]


def test_the_table_is_big_and_distinct():
    assert len({text for text, _ in TABLE}) == len(TABLE) >= 150


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[t[:50] for t, _ in TABLE])
def test_citation(text, expected):
    assert _outcome(text) == expected


def test_a_found_citation_knows_where_it_stands():
    text = "Zoals gemeld (Kamerstuk 19637, nr. 3346) en elders."
    (citation,) = find(text)
    assert text[citation.start : citation.end] == "Kamerstuk 19637, nr. 3346"
    assert citation.url == "https://zoek.officielebekendmakingen.nl/kst-19637-3346.html"


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "Kamerstukken II 2015/16, 34300 VII, nr. 60, p. 3",
            {
                "chamber": "II",
                "vergaderjaar": "2015-2016",
                "dossier": "34300",
                "suffix": "VII",
                "number": "60",
                "page": "3",
            },
        ),
        ("Kamerstukken 19 637 en 36 045, nr. 2834", {"dossier": "19637", "co_dossiers": ["36045"]}),
        ("Kamerstukken I 2009/10, 32217, A", {"chamber": "I", "number": "A"}),
        ("Handelingen II 2010/11, nr. 108, item 5", {"kind": "handelingen", "number": "108", "item": "5"}),
        ("Bijlage bij Kamerstuk 19637, nr. 3451", {"attachment": True}),
    ],
)
def test_parsed_fields(text, fields):
    (citation,) = find(text)
    assert fields.items() <= citation.fields().items()


@pytest.mark.parametrize(
    ("identifier", "url"),
    [
        ("kst-19637-3451", "https://zoek.officielebekendmakingen.nl/kst-19637-3451.html"),
        ("kst-34300-VII-60", "https://zoek.officielebekendmakingen.nl/kst-34300-VII-60.html"),
        ("kst-32217-A", "https://zoek.officielebekendmakingen.nl/kst-32217-A.html"),
        ("h-tk-20102011-108-5", "https://zoek.officielebekendmakingen.nl/h-tk-20102011-108-5.html"),
        ("ah-tk-20142015-1241", "https://zoek.officielebekendmakingen.nl/ah-tk-20142015-1241.html"),
        ("stb-2011-35", "https://zoek.officielebekendmakingen.nl/stb-2011-35.html"),
        ("stcrt-2015-10247", "https://zoek.officielebekendmakingen.nl/stcrt-2015-10247.html"),
    ],
)
def test_ids_and_urls(identifier, url):
    citation = parse_id(identifier)
    assert citation is not None and citation.id == identifier and citation.url == url


# -- the vergaderjaar ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "day"),
    [(2019, 17), (2020, 15), (2021, 21), (2022, 20), (2023, 19), (2024, 17), (2025, 16), (2026, 15)],
)
def test_prinsjesdag_is_the_third_tuesday_of_september(year, day):
    assert prinsjesdag(year) == date(year, 9, day)
    assert prinsjesdag(year).weekday() == 1


@pytest.mark.parametrize(
    ("day", "vergaderjaar"),
    [
        (date(2024, 9, 5), (2023, 2024)),  # DOMAIN.md
        (date(2024, 9, 23), (2024, 2025)),
        (date(2024, 9, 16), (2023, 2024)),  # the day before Prinsjesdag 2024
        (date(2024, 9, 17), (2024, 2025)),  # Prinsjesdag itself starts the year
        (date(2025, 9, 4), (2024, 2025)),  # the motie Podt of the seed
        (date(2025, 9, 16), (2025, 2026)),
        (date(2025, 1, 31), (2024, 2025)),
        (date(2020, 9, 14), (2019, 2020)),
        (date(2020, 9, 15), (2020, 2021)),
        (date(2021, 9, 20), (2020, 2021)),
        (date(2021, 12, 31), (2021, 2022)),
    ],
)
def test_vergaderjaar_turns_on_prinsjesdag(day, vergaderjaar):
    assert vergaderjaar_of(day) == vergaderjaar


# -- rendering and parsing back -----------------------------------------------------------------

ROMANS = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
]
tk_citations = st.builds(
    lambda dossier, suffix, number, start, page: Citation(
        "kamerstuk",
        chamber="II",
        vergaderjaar=(start, start + 1),
        dossier=str(dossier),
        suffix=suffix,
        number=str(number),
        page=page,
    ),
    st.integers(10000, 99999),
    st.one_of(
        st.none(),
        st.sampled_from(ROMANS),
        st.sampled_from("ABJKLM"),
        st.integers(1, 99).map(lambda n: f"{n:02d}"),
    ),
    st.integers(1, 9999),
    st.integers(1995, 2030),
    st.one_of(st.none(), st.integers(1, 400).map(str)),
)
ek_citations = st.builds(
    lambda dossier, letter, start: Citation(
        "kamerstuk", chamber="I", vergaderjaar=(start, start + 1), dossier=str(dossier), number=letter
    ),
    st.integers(10000, 99999),
    st.sampled_from(["A", "B", "C", "D", "AA", "AB"]),
    st.integers(1995, 2030),
)


@given(citation=st.one_of(tk_citations, ek_citations), style=st.sampled_from(STYLES))
def test_rendering_in_any_house_style_parses_back_to_the_same_id(citation, style):
    text = render(citation, style)
    (found,) = find(f"Zie {text}.")
    assert found.id == citation.id
    if style != "kort":
        assert found.vergaderjaar == citation.vergaderjaar


@given(day=st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_falls_in_the_vergaderjaar_that_began_on_the_last_prinsjesdag(day):
    start, end = vergaderjaar_of(day)
    assert end == start + 1
    assert prinsjesdag(start) <= day < prinsjesdag(end)
