"""Citation strings as real letters write them, each with the ids it must give or its refusal.

`!CIT004` means: refused as a zaak number posing as a kamerstuk; `!CIT008`: refused as unreadable.
An empty list means: no citation at all. Ids, URLs, parsed fields and the house style are tested
in test_citations_ids.py.
"""

from __future__ import annotations

import pytest

from verzamel.citations.find import find
from verzamel.citations.models import Refusal

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

# Kinds beyond the Tweede Kamer's kamerstukken (issue 31), as other ministries, the Eerste Kamer,
# the EU and the courts write them (tests/corpus/ has them in real texts).
OTHER_KINDS = [
    # EU acts, also several after one plural noun, in Dutch and in English
    (
        "Richtlijnen 2004/38/EG, 2011/95/EU en 2013/33/EU",
        ["celex-32004L0038", "celex-32011L0095", "celex-32013L0033"],
    ),
    ("Verordeningen (EU) nr. 604/2013 en 603/2013", ["celex-32013R0604", "celex-32013R0603"]),
    (
        "Verordeningen (EG) nr. 1071/2009, (EG) nr. 1072/2009 en (EU) 1024/2012",
        ["celex-32009R1071", "celex-32009R1072", "celex-32012R1024"],
    ),
    (
        "tot intrekking van Richtlijnen 64/221/EEG, 68/360/EEG en 93/96/EEG (PB L 158 van 30.4.2004)",
        ["celex-31964L0221", "celex-31968L0360", "celex-31993L0096", "pbeu-2004-L-158"],
    ),
    ("Verordening (EEG) nr. 1612/68", ["celex-31968R1612"]),
    ("Besluit 2014/335/EU, Euratom (Trb. 2021, 5)", ["celex-32014D0335", "trb-2021-5"]),
    (
        "Regulations (EU) 2016/1679,\n(EU) 2018/1725 and Directive (EU) 2019/1024",
        ["celex-32016R1679", "celex-32018R1725", "celex-32019L1024"],
    ),
    ("Directives 2002/58/EC and (EU) 2022/2555", ["celex-32002L0058", "celex-32022L2555"]),
    ("Council Regulation (EC) No 343/2003", ["celex-32003R0343"]),
    ("Verordening (EU) 2024/1347, 12/3", ["celex-32024R1347"]),  # a singular noun lists no more
    ("Richtlijnen 2004/38/EG en 12/3", ["celex-32004L0038"]),  # 12/3 is no act: no year, no EG
    ("Besluiten 2012/1 en 2013/4 van het verdragscomité", []),
    ("celex-32001L0055", ["celex-32001L0055"]),
    # CELEX numbers: an act, a Commission document, another EU document
    ("CELEX:32013R0604", ["celex-32013R0604"]),
    ("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A52016PC0491", ["com-2016-491"]),
    ("EUR-Lex – 52022DC0518 – EN – EUR-Lex (europa.eu)", ["com-2022-518"]),
    ("Document 52021AE2534", ["celex-52021AE2534"]),
    # documents of the Commission
    ("COM (2022) 457", ["com-2022-457"]),
    ("COM(2022)457 final", ["com-2022-457"]),
    ("SWD(2021) 32", ["swd-2021-32"]),
    ("JOIN(2020) 5", ["join-2020-5"]),
    ("{SEC(2018) 268 final} - {SWD(2018) 282 final}", ["sec-2018-268", "swd-2018-282"]),
    ("/* COM/2014/0382 final - 2014/0202 (COD) */", ["com-2014-382"]),
    ("COM(2021)205PDF-document, d.d. 21 april 2021", ["com-2021-205"]),
    ("COM(2025) 836 en COM(2025) 837", ["com-2025-836", "com-2025-837"]),
    ("com-2022-457", ["com-2022-457"]),
    ("2018/0198 (COD)", []),  # a procedure number
    # documents of the Council
    ("Raadsdocument 14185/23", ["st-14185-2023"]),
    ("raadsdocument nr. 9099/23", ["st-9099-2023"]),
    ("ST 14185/23 REV 1", ["st-14185-2023"]),
    ("ST-14185-2023-INIT", ["st-14185-2023"]),
    ("st-14185-2023", ["st-14185-2023"]),
    # the Publicatieblad, by year or by the date of the issue; without a year no id
    ("PbEU 2019, L 186/57", ["pbeu-2019-L-186"]),
    ("PB L 180 van 29.6.2013", ["pbeu-2013-L-180"]),
    ("PB C 517 van 22.12.2021, p. 86–90", ["pbeu-2021-C-517"]),
    ("Publicatieblad L 158 van 30 april 2004", ["pbeu-2004-L-158"]),
    ("pbeu-2013-L-180", ["pbeu-2013-L-180"]),
    ("PbEU L 348/98", []),
    ("(2021/C 517/13)", []),
    # Handelingen of the Eerste Kamer and the Aanhangsel
    ("Handelingen I 2021/22, nr. 28, item 9", ["h-ek-20212022-28-9"]),
    ("Verslag van de vergadering van 4 oktober 2022 (2022/2023 nr. 2)", ["h-ek-20222023-2"]),
    (
        "Verslag van de plenaire vergadering van dinsdag 17 april 2018"
        "Parlementair jaar 2017/2018, 27e vergadering",
        ["h-ek-20172018-27"],
    ),
    ("(2021/2022 nr. 28)", []),  # no heading: a vergaderjaar and a number of what, of which chamber?
    ("Verslag van de vergadering van 4 oktober 2022 (2021/2022 nr. 2)", []),  # date outside it
    ("het verslag (2022/2023 nr. 2) van de commissie", []),
    ("Aanhangsel der Handelingen, vergaderjaar 2006–2007, nr. 520", ["ah-tk-20062007-520"]),
    ("Handelingen der Kamer II, vergaderjaar 2005–2006, nr. 95, blz. 5892", ["h-tk-20052006-95"]),
    ("strafbare handelingen 2019-2020, 15 procent", []),
    # Eerste Kamer documents as the EK's own reports write them
    ("Kamerstukken I 2020/21, 35 570 VII, C", ["kst-35570-VII-C"]),
    ("(35788, letter D)", ["kst-35788-D"]),
    ("35925-VI, letter T", ["kst-35925-VI-T"]),
    ("de motie CLVI, letter M", ["kst-CLVI-M"]),
    ("het amendement CLVI, letters AA", ["kst-CLVI-AA"]),
    ("(36350-IX, 36350-XV, letter F)", ["kst-36350-IX-F"]),
    ("(CLX, A)", ["kst-CLX-A"]),
    ("Kamerstukken I 2017/18, CXXIV, G", ["kst-CXXIV-G"]),
    ("Kamerstukken I 2021/22, 35788, letters D en E", ["kst-35788-D", "kst-35788-E"]),
    ("(36.259, J)", ["kst-36259-J"]),
    ("(21.501-33, 875)", ["kst-21501-33-875"]),
    ("(21.501-20, BZ)", []),  # the ministry, not a letter
    ("(36.259)", []),
    ("artikel 12, letter a", []),
    ("(CV, A)", []),
    # the official journals
    ("Stcrt. 2023, 12345", ["stcrt-2023-12345"]),
    ("Stb. 2019, 123", ["stb-2019-123"]),
    ("Staatsblad 2016, 478", ["stb-2016-478"]),
    ("Staatsblad van het Koninkrijk der Nederlanden, jaargang 2019, nr. 123", ["stb-2019-123"]),
    ("Staatsblad van 2019, nummer 123", ["stb-2019-123"]),
    ("Trb. 2021, 87", ["trb-2021-87"]),
    ("Gmb. 2023, 12345", ["gmb-2023-12345"]),
    ("Gemeenteblad 2023, 266546", ["gmb-2023-266546"]),
    ("Prb. 2022, 1234", ["prb-2022-1234"]),
    ("Provinciaal blad 2018, 9359", ["prb-2018-9359"]),
    # A comma after the journal's name, as the provincie Utrecht lists a withdrawal
    # (provincie-utrecht.nl, Subsidieverordening … ILG 2008: "zie Provinciaal blad, 2010, 85").
    ("zie Provinciaal blad, 2010, 85", ["prb-2010-85"]),
    ("(Stcrt., 2021, 22714)", ["stcrt-2021-22714"]),
    ("Wsb. 2020, 4567", ["wsb-2020-4567"]),
    ("gmb-2023-266546", ["gmb-2023-266546"]),
    ("Gemeenteblad van Ridderkerk", []),
    ("zie doc. 2023/45 van de werkgroep", []),  # a document number of anyone, not the Council's
    ("in het Staatsblad 2013 geplaatst", []),
    ("Staatscourant van 29 april 2013", []),
    ("in het Gemeenteblad 2023, 12 december bekendgemaakt", []),  # a day, not a number
    ("Stcrt. 2019, 5 maart 2019", []),
    # rulings
    ("ABRvS 12 juli 2023, ECLI:NL:RVS:2023:2695", ["ECLI:NL:RVS:2023:2695"]),
    ("HR 20 december 2019, ECLI:NL:HR:2019:2007", ["ECLI:NL:HR:2019:2007"]),
    ("ABRS 28 februari 2024, no. 202106805/1/R3", []),  # no ECLI: no id
    # numbers that look like citations and are none: zaak and document numbers, kenmerken,
    # articles, amounts, dates, ISBNs, phone numbers
    ("zaaknummer: ROT 10/5159", []),
    ("22/3688 AKW", []),
    ("kenmerk BOUWB 01/1956 KRD", []),
    ("nr. 2024-0000129720", []),
    ("nr. IENW/BSK-2023/165877", []),
    ("No.W12.16.0305/III", []),
    ("PS nummer 2018-699; zaaknummer 2018-007080", []),
    ("registratienummer z/24/555677", []),
    ("EESC 2021/02534", []),
    ("E210019", []),
    ("2021D25732", []),
    ("artikel 5.1.2 Woo", []),
    ("artikel 5:12, tweede lid, van de Arbeidstijdenwet", []),
    ("Artikel 78(3) VWEU", []),
    ("€ 1.674,-", []),
    ("€ 6.015,8 miljoen", []),
    ("18-07-2014", []),
    ("29.6.2013", []),
    ("ISBN 978-90-12-34567-8", []),
    ("ISBN 9789012345678", []),
    ("tel. 070-3456789", []),
    ("bel 0570-657417", []),
    ("+31 (0)70 426 6426", []),
    ("219/1/4", []),
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
TABLE = WRITTEN + OTHER_KINDS + [row for row in MATRIX if row[0] not in {text for text, _ in WRITTEN}]


def _outcome(text: str) -> list[str]:
    return [f"!{item.rule}" if isinstance(item, Refusal) else item.id for item in find(text)]


def test_the_table_is_big_and_distinct():
    assert len({text for text, _ in TABLE}) == len(TABLE) >= 250


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[t[:50] for t, _ in TABLE])
def test_citation(text, expected):
    assert _outcome(text) == expected
