"""What a found citation knows: where it stands, its parsed fields, its canonical id and URL, and
how it is written in each house style; and the vergaderjaar. The written forms themselves are
the table in test_citations_table.py."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verzamel.citations import models
from verzamel.citations.find import find
from verzamel.citations.models import Citation
from verzamel.citations.render import STYLES, render
from verzamel.citations.resolve import parse_id
from verzamel.citations.vergaderjaar import prinsjesdag, vergaderjaar_of

EURLEX = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri="


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
        ("(36350-IX, 36350-XV, letter F)", {"chamber": "I", "suffix": "IX", "co_dossiers": ["36350-XV"]}),
        (
            "ABRvS 12 juli 2023, ECLI:NL:RVS:2023:2695",
            {"kind": "ecli", "court": "ABRvS", "date": "12 juli 2023", "ecli": "ECLI:NL:RVS:2023:2695"},
        ),
        ("COM (2022) 457", {"kind": "commissiedocument", "series": "COM", "year": 2022, "number": "457"}),
        ("Raadsdocument 14185/23", {"kind": "raadsdocument", "year": 2023, "number": "14185"}),
        ("PB L 180 van 29.6.2013", {"kind": "pbeu", "year": 2013, "series": "L", "number": "180"}),
        ("Document 52021AE2534", {"kind": "eu", "document": "52021AE2534"}),
        ("Gmb. 2023, 12345", {"kind": "gemeenteblad", "year": 2023, "number": "12345"}),
        ("Verslag van de vergadering van 4 oktober 2022 (2022/2023 nr. 2)", {"chamber": "I", "number": "2"}),
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
        ("h-ek-20212022-28-9", "https://zoek.officielebekendmakingen.nl/h-ek-20212022-28-9.html"),
        ("kst-CLVI-M", "https://zoek.officielebekendmakingen.nl/kst-CLVI-M.html"),
        ("gmb-2023-266546", "https://zoek.officielebekendmakingen.nl/gmb-2023-266546.html"),
        ("prb-2018-9359", "https://zoek.officielebekendmakingen.nl/prb-2018-9359.html"),
        ("wsb-2020-4567", "https://zoek.officielebekendmakingen.nl/wsb-2020-4567.html"),
        ("trb-2021-87", "https://zoek.officielebekendmakingen.nl/trb-2021-87.html"),
        ("celex-32013R0604", f"{EURLEX}CELEX:32013R0604"),
        ("celex-52021AE2534", f"{EURLEX}CELEX:52021AE2534"),
        ("pbeu-2013-L-180", f"{EURLEX}OJ:L:2013:180:TOC"),
        ("com-2022-457", f"{EURLEX}COM:2022:457:FIN"),
        ("swd-2021-32", f"{EURLEX}SWD:2021:32:FIN"),
        ("join-2020-5", f"{EURLEX}JOIN:2020:5:FIN"),
        ("sec-2018-268", f"{EURLEX}SEC:2018:268:FIN"),
        ("st-14185-2023", "https://data.consilium.europa.eu/doc/document/ST-14185-2023-INIT/nl/pdf"),
        ("ECLI:NL:RVS:2023:2695", "https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:RVS:2023:2695"),
        ("ECLI:EU:C:2022:123", f"{EURLEX}ecli:ECLI:EU:C:2022:123"),
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


# -- the other kinds: one house style each, and each parses back --------------------------------


@pytest.mark.parametrize(
    ("identifier", "written"),
    [
        ("celex-32004L0038", "Richtlijn 2004/38/EG"),
        ("celex-32011L0095", "Richtlijn 2011/95/EU"),
        ("celex-31993L0013", "Richtlijn 93/13/EEG"),
        ("celex-32013R0604", "Verordening (EU) nr. 604/2013"),
        ("celex-32003R0343", "Verordening (EG) nr. 343/2003"),
        ("celex-31968R1612", "Verordening (EEG) nr. 1612/68"),
        ("celex-32024R1347", "Verordening (EU) 2024/1347"),
        ("celex-32019L1024", "Richtlijn (EU) 2019/1024"),
        ("celex-32002F0584", "Kaderbesluit 2002/584/JBZ"),
        ("celex-52021AE2534", "CELEX 52021AE2534"),
        ("com-2022-457", "COM(2022) 457"),
        ("swd-2021-32", "SWD(2021) 32"),
        ("join-2020-5", "JOIN(2020) 5"),
        ("st-14185-2023", "Raadsdocument 14185/23"),
        ("pbeu-2013-L-180", "PbEU 2013, L 180"),
        ("gmb-2023-266546", "Gmb. 2023, 266546"),
        ("prb-2018-9359", "Prb. 2018, 9359"),
        ("wsb-2020-4567", "Wsb. 2020, 4567"),
        ("h-ek-20212022-28-9", "Handelingen I 2021/22, nr. 28, item 9"),
        ("kst-CLVI-M", "Kamerstukken I, CLVI, M"),
        ("ECLI:NL:RVS:2023:2695", "ECLI:NL:RVS:2023:2695"),
    ],
)
def test_each_kind_has_its_house_style_and_parses_back(identifier, written):
    citation = parse_id(identifier)
    assert citation is not None and render(citation) == written
    (found,) = find(f"Zie {written}.")
    assert found.id == identifier


eu_acts = st.builds(
    lambda series, year, number: Citation(models.EU_ACT, series=series, year=year, number=str(number)),
    st.sampled_from("LRDF"),
    st.integers(1958, 2030),
    st.integers(1, 3999),
)
other_documents = st.one_of(
    st.builds(
        lambda series, year, number: Citation(
            models.COMMISSION, series=series, year=year, number=str(number)
        ),
        st.sampled_from(["COM", "SWD", "SEC", "JOIN"]),
        st.integers(1990, 2040),
        st.integers(1, 9999),
    ),
    st.builds(
        lambda year, number: Citation(models.COUNCIL, year=year, number=str(number)),
        st.integers(2000, 2049),
        st.integers(1000, 99999),
    ),
    st.builds(
        lambda kind, year, number: Citation(kind, year=year, number=str(number)),
        st.sampled_from(sorted(models.BLAD_PREFIX)),
        st.integers(1900, 2040),
        st.integers(1, 999999),
    ),
)


@given(citation=st.one_of(eu_acts, other_documents))
def test_every_other_kind_written_in_house_style_parses_back_to_the_same_id(citation):
    (found,) = find(f"Zie {render(citation)}.")
    assert found.id == citation.id
    assert parse_id(citation.id) is not None and parse_id(citation.id).id == citation.id
