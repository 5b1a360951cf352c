"""Every rule, on a failing and a passing source: rule id, file, line and column.

Each case edits a fresh copy of the example dossier. `{L}` in an expected position is the first
line the case appended to the file.
"""

from __future__ import annotations

import json

import pytest

from conftest import KENMERK, REPO, copy_dossier, moved_on_only, run_cli
from verzamel.pipeline.run import run as run_letters
from verzamel.project import open_project
from verzamel.rules import RULES
from verzamel.sources import load_sources

RULES_SOURCE = REPO / "src" / "verzamel"
FRAGMENT = "sections/eu-exit-strategie.md"  # used by the Verzamelbrief of 28 November 2025 only
MANIFEST = "letters/2025-11-28-verzamelbrief-oekraine.yaml"
TOELICHTING = "sections/beslisnota/toelichting-eu-exit-strategie.md"  # in the beslisnota only
WITHHELD = "sections/beslisnota/intern.md"
SENT = "2025-11-28-verzamelbrief-oekraine"  # the example's sent letter
SHORT = "letters/2025-12-12-terugkeer-oekraine.yaml"  # the example's letter in concept
LOCK = f"letters/{SENT}.lock"
SHA1, SHA256 = "a" * 40, "b" * 64
LOCK_TEXT = (
    "letter: {letter}\nsources:\n  verzamel.yaml: '"
    + SHA1
    + "'\noutputs:\n  kamerbrief.docx: '"
    + SHA256
    + "'\n"
)


def short(status="akkoord", *changes):
    """The example's letter in concept at `status` (agreed on the day of its date), with the
    (old, new) `changes`: its whole manifest."""
    dates = {"akkoord": "\nakkoord_op: 2025-12-12"}.get(status, "")
    text = (REPO / SHORT).read_text(encoding="utf-8").replace("status: concept", f"status: {status}{dates}")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return ("create", text)


def reference(part: str, old: str, new: str) -> tuple:
    """The shipped Kamerbrief reference document as the dossier's own, with `old` in `part` made `new`."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(REPO / "templates" / "kamerbrief.docx") as source, zipfile.ZipFile(out, "w") as copy:
        for name in source.namelist():
            data = source.read(name).decode("utf-8") if name == part else source.read(name)
            if name == part:
                assert old in data, (part, old)
                data = data.replace(old, new).encode("utf-8")
            copy.writestr(name, data)
    return ("create-bytes", out.getvalue())


def append(text):
    return ("append", text)


def replace(old, new):
    return ("replace", old, new)


# rule, file, edit making it fail, (line, column) expected, edit making it pass
CASES = [
    # footnotes
    ("FN001", FRAGMENT, append("Zin.[^nergens]"), ("{L}", 5), append("Zin.[^kst-19637-3451]")),
    (
        "FN002",
        FRAGMENT,
        append("\n[^los]: Losse noot."),
        ("{L+1}", 1),
        append("Zin.[^los]\n\n[^los]: Losse noot."),
    ),
    (
        "FN003",
        FRAGMENT,
        append("Zin.[^n]\n\n[^n]: Een.\n\n[^n]: Twee."),
        ("{L+4}", 1),
        append("Zin.[^n]\n\n[^n]: Een."),
    ),
    (
        "FN006",
        "footnotes/extra.yaml",
        ("create", "- Een noot zonder id"),
        (1, 1),
        ("create", "een-noot: Een noot met een id"),
    ),
    ("FN004", "footnotes/kamerstukken.yaml", append("leeg:"), ("{L}", 1), append("leeg: Een tekst.")),
    # dates
    (
        "DATE001",
        FRAGMENT,
        append("Op donderdag 28 november 2025 is besloten."),
        ("{L}", 4),
        append("Op vrijdag 28 november 2025 is besloten."),
    ),
    (
        "DATE001",
        FRAGMENT,
        append("Op woensdag 4 september jl. is besloten."),
        ("{L}", 4),
        append("Op donderdag 4 september jl. is besloten."),
    ),
    (
        "DATE002",
        FRAGMENT,
        append("De regeling gaat op 1 mei 2026 jl. in."),
        ("{L}", 21),
        append("De regeling gaat op 1 mei 2026 a.s. in."),
    ),
    (
        "DATE002",
        FRAGMENT,
        append("Het rapport kwam op 1 mei 2025 a.s. uit."),
        ("{L}", 21),
        append("Het rapport kwam op 1 mei 2025 jl. uit."),
    ),
    (
        "DATE003",
        FRAGMENT,
        append("De regeling gaat op 1 mei as in."),
        ("{L}", 27),
        append("De regeling gaat op 1 mei a.s. in."),
    ),
    (
        "DATE003",
        FRAGMENT,
        append("Sinds 4 september j.l. geldt dit."),
        ("{L}", 19),
        append("Sinds 4 september jl. geldt dit."),
    ),
    ("DATE003", FRAGMENT, append("Vanaf 1 mei a.s dus."), ("{L}", 13), append("Vanaf 1 mei a.s. dus.")),
    (
        "DATE004",
        FRAGMENT,
        append("Op 28-11-2025 is besloten."),
        ("{L}", 4),
        append("Op 28 november 2025 is besloten (kst-19637-3451, 2024-2025)."),
    ),
    (
        "DATE004",
        FRAGMENT,
        append("Op 4/7/2025 is besloten."),
        ("{L}", 4),
        append("Op 4 juli 2025 is besloten."),
    ),
    (
        "DATE005",
        FRAGMENT,
        append("Op 29 februari 2025 is besloten."),
        ("{L}", 4),
        append("Op 29 februari 2024 is besloten."),
    ),
    (
        "DATE005",
        FRAGMENT,
        append("Op 31 april jl. is besloten."),
        ("{L}", 4),
        append("Op 30 april jl. is besloten."),
    ),
    # citations
    (
        "FN005",
        "footnotes/kamerstukken.yaml",
        append("kst-19637-3500:\n  datum: 2025-10-01"),
        ("{L+1}", 3),
        append("kst-19637-3500:\n  date: 2025-10-01"),
    ),
    (
        "CIT001",
        FRAGMENT,
        append("Zie Kamerstukken II, 2025-2026, 19637, nr. 3451."),
        ("{L}", 5),
        append("Zie Kamerstukken II, 2024-2025, 19637, nr. 3451."),
    ),
    (
        "CIT002",
        FRAGMENT,
        append(
            "Zie Kamerstukken II, 2023-2024, 19637, nr. 3100 en later\n"
            "Kamerstukken II, 2024-2025, 19637, nr. 3100."
        ),
        ("{L+1}", 1),
        append(
            "Zie Kamerstukken II, 2024-2025, 19637, nr. 3100 en later\n"
            "Kamerstukken II, 2024-2025, 19637, nr. 3100."
        ),
    ),
    (
        "CIT002",
        "footnotes/kamerstukken.yaml",
        append("kst-19637-3500:\n  date: 2025-10-01\n  number: 3501"),
        ("{L}", 1),
        append("kst-19637-3500:\n  date: 2025-10-01\n  number: 3500"),
    ),
    ("CIT003", FRAGMENT, append("Zie [@kst-19637-3500]."), ("{L}", 5), append("Zie [@kst-19637-3451].")),
    (
        "CIT009",
        FRAGMENT,
        append("Zie Kamerstukken II, 2024-2025, 19637, nr. 3500."),
        ("{L}", 5),
        append("Zie Kamerstukken II, 2024-2025, 19637, nr. 3464."),
    ),
    (
        "CIT004",
        FRAGMENT,
        append("Zie Kamerstuk 2023Z01234."),
        ("{L}", 5),
        append("Zie Kamerstukken II, 2024-2025, 19637, nr. 3451."),
    ),
    (
        "CIT005",
        FRAGMENT,
        append("Zie Kamerstukken I, 2009-2010, 32217, nr. A."),
        ("{L}", 5),
        append("Zie Kamerstukken I, 2009-2010, 32217, A."),
    ),
    (
        "CIT005",
        FRAGMENT,
        append("Zie Kamerstukken II, 2009-2010, 32217, B."),
        ("{L}", 5),
        append("Zie Kamerstukken II, 2009-2010, 32217, nr. 2."),
    ),
    (
        "CIT006",
        FRAGMENT,
        append("Zie Handelingen II 2009/10, nr. 45, item 3."),
        ("{L}", 5),
        append("Zie Handelingen II 2010/11, nr. 45, item 3."),
    ),
    (
        "CIT007",
        FRAGMENT,
        append("Zie Kamerstuk 19637, nr. 3451."),
        ("{L}", 5),
        append("Zie Kamerstukken II, 2024-2025, 19637, nr. 3451."),
    ),
    ("CIT008", FRAGMENT, append("Zie Kamerstuk nr. 3451."), ("{L}", 5), append("Zie [@kst-19637-3451].")),
    ("CIT008", FRAGMENT, append("Zie [@zaak-2023Z01234]."), ("{L}", 5), append("Zie [@stb-2011-35].")),
    (
        "CIT011",
        FRAGMENT,
        replace(
            "references: [kst-19637-3451, kst-19637-3464]", "references: [kst-19637-3451, kst-19637-3100]"
        ),
        (5, 1),
        replace(
            "references: [kst-19637-3451, kst-19637-3464]", "references: [kst-19637-3451, kst-19637-3464]"
        ),
    ),
    (
        "CIT010",
        FRAGMENT,
        append("Zie Kamerstuk 19 637, 3451."),
        ("{L}", 5),
        append("Zie Kamerstukken II, 2024-2025, 19637, nr. 3451."),
    ),
    # ministerraad
    (
        "MR001",  # a concept letter; from ter-besluitvorming on it is MR004
        SHORT,
        replace("status: concept", "ministerraad: 2025-11-27\nstatus: concept"),
        (8, 15),
        replace("status: concept", "ministerraad: 2025-11-28\nstatus: concept"),
    ),
    (
        "MR001",
        SHORT,
        replace("status: concept", "ministerraad: 2026-04-03\nstatus: concept"),
        (8, 15),
        replace("status: concept", "ministerraad: 2026-04-10\nstatus: concept"),
    ),
    (
        "MR002",
        MANIFEST,
        replace("datum: 2025-11-28", "datum: 2025-11-21"),
        (5, 8),
        replace("datum: 2025-11-28", "datum: 2025-12-01"),
    ),
    (
        "MR003",
        MANIFEST,
        replace("  datum: 2025-11-21", "  datum: 2025-11-25"),
        ("{datum: 2025-11-25}", 10),
        replace("  datum: 2025-11-21", "  datum: 2025-11-20"),
    ),
    (  # no date of its own: readiness cannot be judged
        "MR003",
        MANIFEST,
        replace("  datum: 2025-11-21\n", ""),
        ("{ministerraad: 2025-11-28}", 15),
        replace("  datum: 2025-11-21\n", "  datum: 2025-11-14\n"),
    ),
    # status
    (
        "STATUS001",
        MANIFEST,
        replace("status: verzonden ", "status: definitief "),
        (8, 9),
        replace("status: verzonden ", "status: verzonden "),
    ),
    (
        "STATUS002",
        MANIFEST,
        replace("verzonden_op: 2025-11-28 ", "# verzonden_op: 2025-11-28 "),
        (8, 9),
        replace("verzonden_op: 2025-11-28 ", "verzonden_op: 2025-11-28 "),
    ),
    (
        "STATUS003",
        MANIFEST,
        replace("akkoord_op: 2025-11-28", "akkoord_op: 2025-11-21"),
        (9, 13),
        replace("akkoord_op: 2025-11-28", "akkoord_op: 2025-11-28"),
    ),
    (
        "STATUS004",
        MANIFEST,
        replace("status: verzonden ", "status: akkoord "),
        (10, 15),
        replace("bijlagen: 0", "bijlagen: 0"),  # sent, with its dates and its kamerstuk id
    ),
    (
        "STATUS005",
        MANIFEST,
        replace("kamerstuk: kst-19637-9999", "kamerstuk: 19637 nr. 9999"),
        (11, 12),
        replace("kamerstuk: kst-19637-9999", "kamerstuk: kst-19637-9999"),
    ),
    # the send gate (tests/test_send_gate.py has more)
    (
        "SEND001",
        SHORT,
        short(
            "akkoord", ("betreft: Terugkeer van ontheemden uit Oekraïne", "betreft: (onderwerp van de brief)")
        ),
        ("{betreft:}", 10),
        short("akkoord"),
    ),
    ("SEND002", SHORT, short("akkoord", ('"0000001"', '"0000000"')), ("{kenmerk:}", 10), short("akkoord")),
    (
        "SEND003",
        SHORT,
        short("akkoord"),
        ("{Voorbeeldbrief}", 5),
        short("akkoord", ("Voorbeeldbrief van het voorbeelddossier", "Een brief")),
    ),
    (
        "SEND004",
        SHORT,
        short("akkoord", ("- toelichting-terugkeer", '- toelichting-terugkeer\nsignature:\n  name: ""')),
        ("{name:}", 9),
        short(
            "akkoord",
            ("- toelichting-terugkeer", "- toelichting-terugkeer\nsignature:\n  name: E. van den Berg"),
        ),
    ),
    (
        "MR004",
        SHORT,
        short("ter-besluitvorming", ("datum: 2025-12-12", "datum: 2025-12-12\nministerraad: 2025-12-11")),
        ("{ministerraad: 2025}", 15),
        short("ter-besluitvorming", ("datum: 2025-12-12", "datum: 2025-12-12\nministerraad: 2025-12-05")),
    ),
    (  # Thursday 17 April 2025: Friday is Goede Vrijdag
        "MR005",
        SHORT,
        short("concept", ("datum: 2025-12-12", "datum: 2025-12-12\nministerraad: 2025-04-17")),
        ("{ministerraad: 2025}", 15),
        short("concept", ("datum: 2025-12-12", "datum: 2025-12-12\nministerraad: 2025-04-11")),
    ),
    # sent letters and their locks (LOCK002 and LOCK004 need git: tests/test_lock.py)
    (
        "LOCK001",
        LOCK,
        ("create", f"letter: {SENT}\nsources:\n  verzamel.yaml: zie git\noutputs:\n  kamerbrief.docx: '0'\n"),
        (3, 18),
        ("copy", REPO / LOCK),
    ),
    ("LOCK005", MANIFEST, replace("bijlagen: 0", "bijlagen: 0"), (8, 9), ("copy", REPO / LOCK)),
    (
        "LOCK006",
        "letters/2025-12-12-terugkeer-oekraine.lock",  # a concept: nothing to lock yet
        ("create", LOCK_TEXT.format(letter="2025-12-12-terugkeer-oekraine")),
        (1, 1),
        ("none",),
    ),
    (
        "KEY001",
        MANIFEST,
        replace("ministerraad:", "ministeraad:"),
        (7, 1),
        replace("bijlagen: 0", "bijlagen: 1"),
    ),
    ("KEY001", FRAGMENT, replace("title:", "titel:"), (3, 1), replace("title:", "title:")),
    (
        "FM005",
        FRAGMENT,
        replace("title: EU-exitstrategie uit de tijdelijke bescherming", "title: 2025"),
        (3, 8),
        replace("title: EU-exitstrategie uit de tijdelijke bescherming", 'title: "2025"'),
    ),
    # style
    (
        "STYLE001",
        FRAGMENT,
        append("Dat ligt ten grondslag[^kst-19637-3451]."),
        ("{L}", 23),
        append("Dat ligt ten grondslag.[^kst-19637-3451]"),
    ),
    (
        "STYLE002",
        FRAGMENT,
        append('Het rapport "Meer dan een dak" verscheen.'),
        ("{L}", 13),
        append("Het rapport “Meer dan een dak” en de nota's van 't ministerie verschenen."),
    ),
    (
        "STYLE002",
        MANIFEST,
        replace("over de ontwikkeling op", "over de 'ontwikkeling' op"),
        ("{over de 'ontw}", 13),
        replace("over de ontwikkeling op", "over de ‘ontwikkeling’ op"),
    ),
    ("STYLE003", FRAGMENT, append("Dit is de  Kamer."), ("{L}", 10), append("Dit is de Kamer.")),
    (
        "STYLE004",
        FRAGMENT,
        append("Het rapport ‘Geen weg terug?’ noemt de risico's."),
        ("{L}", 40),
        append("Het rapport ‘Geen weg terug?’ noemt de risico’s van ’s-Gravenhage."),
    ),
    # structure
    (
        "FM001",
        "sections/los.md",
        ("create", "Tekst zonder kop."),
        (1, 1),
        ("create", "---\nid: los\ntitle: Los\n---\nTekst."),
    ),
    (
        "FM002",
        "sections/los.md",
        ("create", "---\nid: los\n---\nTekst."),
        (1, 1),
        ("create", "---\nid: los\ntitle: Los\n---\nTekst."),
    ),
    (
        "FM003",
        "sections/los.md",
        ("create", "---\nid: los\ntitle: Los\npublic: nee\n---\nTekst."),
        (4, 9),
        ("create", "---\nid: los\ntitle: Los\npublic: false\n---\nTekst."),
    ),
    (
        "FM004",
        "sections/los.md",
        ("create", "---\nid: los\neigenaar: DGM\ntitle: Los\n---\nTekst."),
        (3, 1),
        ("create", "---\nid: los\ntitle: Los\n---\nTekst."),
    ),
    (
        "FRAG001",
        MANIFEST,
        replace("    - terugkeer\n", "    - terugkeren\n"),
        ("{- terugkeren}", 7),
        replace("    - terugkeer\n", "    - terugkeer\n"),
    ),
    (
        "FRAG002",
        "sections/zz-dubbel.md",
        ("create", "---\nid: terugkeer\ntitle: Dubbel\n---\nTekst."),
        (2, 5),
        ("create", "---\nid: dubbel\ntitle: Dubbel\n---\nTekst."),
    ),
    (
        "MAN001",
        MANIFEST,
        replace(KENMERK, "# geen kenmerk"),
        (1, 1),
        replace(KENMERK, KENMERK),
    ),
    (
        "MAN002",
        MANIFEST,
        replace("datum: 2025-11-28", "datum: 28 november 2025"),
        (5, 8),
        replace("datum: 2025-11-28", "datum: 2025-11-28"),
    ),
    (
        "MAN003",
        MANIFEST,
        replace("status: verzonden", "staat: verzonden"),
        ("{staat:}", 1),
        replace("status: verzonden", "status: verzonden"),
    ),
    (
        "CONF001",
        MANIFEST,
        replace(
            "    - appreciatie-clingendael\n",
            "    - appreciatie-clingendael\n    - niet-openbaar-eu-inzet\n",
        ),
        ("{- niet-openbaar-eu-inzet}", 7),
        replace("  niet_openbaar:\n", "  niet_openbaar:\n"),
    ),
    (
        "TPL001",
        "templates/kamerbrief.md.j2",
        ("create", "Tekst\n{% if letter.status %}\nzonder einde\n"),
        (3, 1),
        ("create", "Tekst\n{% if letter.status %}\nmet einde\n{% endif %}\n"),
    ),
    (
        "TPL002",
        "templates/kamerbrief.md.j2",
        ("create", "Tekst\n\n{{ letter.afzender }}\n"),
        (3, 1),
        ("create", "Tekst\n\n{{ letter.sender.ministry }}\n"),
    ),
    (
        "MD002",
        FRAGMENT,
        append("::: kolom\nTekst\n:::"),
        ("{L}", 1),
        append(":::: kolommen\n::: kolom\nTekst\n:::\n::::"),
    ),
    (
        "YAML001",
        MANIFEST,
        replace("status: verzonden", "status: [verzonden"),
        (8, 9),
        replace("status: verzonden", "status: verzonden"),
    ),
    (
        "SRC001",
        "sections/latin1.md",
        ("create-bytes", "---\nid: latin1\ntitle: Café\n---\nCafé.".encode("latin-1")),
        (3, 11),
        ("create-bytes", "---\nid: latin1\ntitle: Café\n---\nCafé.".encode()),
    ),
    (
        "SRC002",
        "sections/weg.md",
        ("link", "nergens.md"),
        (1, 1),
        ("create", "---\nid: weg\ntitle: Weg\n---\nTekst."),
    ),
    ("SRC003", "sections/oud.md", ("mkdir",), (1, 1), ("create", "---\nid: oud\ntitle: Oud\n---\nTekst.")),
    ("TXT001", FRAGMENT, append("Sinds\x07dien."), ("{L}", 6), append("Sindsdien.")),
    ("TXT002", FRAGMENT, append("Sinds\x0bdien."), ("{L}", 6), append("Sinds dien.")),
    (
        "YAML002",
        MANIFEST,
        replace("datum: 2025-11-28", "datum: 2025-11-28 10:00:00"),
        (5, 8),
        replace("datum: 2025-11-28", "datum: 2025-11-28"),
    ),
    (
        "CFG002",
        "verzamel.yaml",
        replace("output: build", "output: [build]"),
        (5, 9),
        replace("output: build", "output: out"),
    ),
    ("MAN004", "letters/brief 2.yaml", ("create", "betreft: x"), (1, 1), ("none",)),
    (
        "TPL003",
        "templates/kamerbrief.docx",
        ("create-bytes", b""),
        (1, 1),
        ("copy", REPO / "templates/kamerbrief.docx"),
    ),
    (
        "MD003",
        FRAGMENT,
        append("\n".join("  " * depth + f"- niveau {depth}" for depth in range(10))),
        ("{L+9}", 1),
        append("\n".join("  " * depth + f"- niveau {depth}" for depth in range(9))),
    ),
    (  # the fragment's title is heading 1 in the Kamerbrief, its `##` 2 and `###` 3: there is no 4
        "MD004",
        FRAGMENT,
        append("## Tussenkop\n\nTekst.\n\n### Dieper\n\nTekst.\n\n#### Diepst\n\nMeer tekst."),
        ("{L+8}", 1),
        append("## Tussenkop\n\nTekst.\n\n### Dieper\n\nMeer tekst."),
    ),
    (
        "FN007",
        "footnotes/kamerstukken.yaml",
        replace("title: Motie van het lid Podt", "title: 5"),
        (18, 10),
        replace("title: Motie van het lid Podt", 'title: "5"'),
    ),
    (
        "CFG001",
        "verzamel.yaml",
        append("rules:\n  PRINT1: off"),
        ("{L+1}", 3),
        append("rules:\n  FN002: off"),
    ),
    # woo
    (
        "WOO001",
        WITHHELD,
        ("create", "---\ntitle: Intern\npublic: false\n---\nTekst.\n"),
        (3, 9),
        ("create", "---\ntitle: Intern\npublic: false\nwoo: 5.1.2i\n---\nTekst.\n"),
    ),
    (
        "WOO002",
        TOELICHTING,
        append("Contactpersoon: [J. de Vries]{woo=5.1.2z}."),
        ("{L}", 17),
        append("Contactpersoon: [J. de Vries]{woo=5.1.2e}."),
    ),
    (
        "WOO003",
        TOELICHTING,
        append("[Ik adviseer dit niet.]{woo=5.2}"),
        ("{L}", 1),
        append("[Ik adviseer dit niet.]{woo=5.1.2i}"),
    ),
    (
        "WOO004",
        TOELICHTING,
        append("Contact: [J. de Vries van DGM]{woo=5.1.2e}.\nVraag het J. de Vries van DGM."),
        ("{L}", 10),
        append("Contact: [J. de Vries van DGM]{woo=5.1.2e}.\nVraag het [J. de Vries van DGM]{woo=5.1.2e}."),
    ),
    (
        "WOO005",
        TOELICHTING,
        append("Contactpersoon: mr. A.B. Jansen."),
        ("{L}", 17),
        append("Contactpersoon: [mr. A.B. Jansen]{woo=5.1.2e}."),
    ),
    (
        "WOO006",
        TOELICHTING,
        append("{woo=5.1.2i}\nEen alinea."),
        ("{L}", 1),
        append("::: {woo=5.1.2i}\nEen alinea.\n:::"),
    ),
    (
        "WOO007",
        TOELICHTING,
        replace("title: ", "title: Overleg met [J. de Vries]{woo=5.1.2e} over "),
        (3, 8),
        replace("title: ", "title: Overleg over "),
    ),
    (
        "WOO009",
        TOELICHTING,
        append("::: {woo=5.1.2i}\nEen alinea.\n\nEen openbare alinea."),
        ("{L}", 1),
        append("::: {woo=5.1.2i}\nEen alinea.\n:::\n\nEen openbare alinea."),
    ),
    # a11y
    (
        "ACC001",
        FRAGMENT,
        append("\nEen grafiek: ![](grafiek.png)"),
        ("{L+1}", 14),
        append("\nEen grafiek: ![Grafiek: aantal ontheemden per maand](grafiek.png)"),
    ),
    (  # a fragment inserted without a title (the beslisnota's 5.1) keeps its levels: `#` 1, `###` 3
        "ACC002",
        "sections/beslisnota/niet-openbaar-eu-inzet.md",
        append("\n# Onderdeel\n\nTekst.\n\n### Detail\n\nMeer tekst."),
        ("{L+5}", 1),
        append("\n# Onderdeel\n\nTekst.\n\n## Detail\n\nMeer tekst."),
    ),
    (
        "ACC003",
        FRAGMENT,
        append("\n|  |  |\n|---|---|\n| RTB | maart 2027 |"),
        ("{L+1}", 1),
        append("\n| Regeling | Afloop |\n|---|---|\n| RTB | maart 2027 |"),
    ),
    (
        "ACC004",
        FRAGMENT,
        append("\nZie <https://www.rijksoverheid.nl>."),
        ("{L+1}", 6),
        append("\nZie [de website van de Rijksoverheid](https://www.rijksoverheid.nl)."),
    ),
    (
        "ACC005",
        "templates/kamerbrief.docx",
        reference("word/header1.xml", ' descr="Logo Rijksoverheid"', ""),
        (1, 1),
        reference("word/header1.xml", "Rijksoverheid", "van het ministerie"),
    ),
    (
        "ACC006",
        "templates/kamerbrief.docx",
        reference("word/styles.xml", '<w:lang w:val="nl-NL"', '<w:lang w:val="en-US"'),
        (1, 1),
        reference("word/styles.xml", '<w:lang w:val="nl-NL"', '<w:lang w:val="nl-BE"'),
    ),
]


def _apply(dossier, path, edit) -> dict:
    """Make the edit; return the markers to resolve expected lines with."""
    target = dossier / path
    kind = edit[0]
    if kind == "append":
        text = target.read_text(encoding="utf-8")
        if not text.endswith("\n"):
            text += "\n"
        first = text.count("\n") + 1
        target.write_text(text + edit[1] + "\n", encoding="utf-8")
        return {"L": first}
    if kind == "replace":
        text = target.read_text(encoding="utf-8")
        assert edit[1] in text, edit[1]
        target.write_text(text.replace(edit[1], edit[2], 1), encoding="utf-8")
        return {}
    target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "link":
        target.symlink_to(edit[1])
    elif kind == "mkdir":
        target.mkdir()
    elif kind == "copy":
        target.write_bytes(edit[1].read_bytes())
    elif kind == "none":
        pass
    elif kind == "create-bytes":
        target.write_bytes(edit[1])
    else:
        target.write_text(edit[1], encoding="utf-8")
    return {}


def _line(dossier, path, expected, markers) -> int:
    if isinstance(expected, int):
        return expected
    key = expected.strip("{}")
    if key.startswith("L"):
        return markers["L"] + int(key[2:] or 0) * (1 if key[1:2] == "+" else 0)
    needle, _, plus = key.partition(":+")
    lines = (dossier / path).read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if needle in line) + int(plus or 0)


def _diagnostics(dossier):
    project = open_project(dossier)
    return run_letters(project, load_sources(project)).diagnostics


@pytest.fixture
def fresh(tmp_path):
    target = tmp_path / "dossier"
    return copy_dossier(target)


@pytest.mark.parametrize(("rule", "path", "bad", "where", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_on_bad_and_passes_on_good(tmp_path, rule, path, bad, where, good):
    for name, edit in (("bad", bad), ("good", good)):
        dossier = tmp_path / name
        copy_dossier(dossier)
        markers = _apply(dossier, path, edit)
        found = [d for d in _diagnostics(dossier) if d.rule == rule]
        if name == "good":
            assert found == [], found
            continue
        line = _line(dossier, path, where[0], markers)
        places = [(d.span.path, d.span.line, d.span.column) for d in found]
        assert (path, line, where[1]) in places, places


BUILD_ONLY = {"OUT001", "LOCK003", "WOO008"}
"""Rules only `build` can report (writing the documents); tests/bad_input, tests/test_lock.py and
tests/test_woo_guard.py have their cases."""
IN_GIT = {"LOCK002", "LOCK004"}
"""Rules about versions kept in git: tests/test_lock.py has their cases, in git repositories."""


VERIFY_ONLY = {"REF001", "REF002", "REF003", "REF004"}
"""Rules only `refs verify` reports (the registry against the official metadata);
tests/test_refs_verify.py has their cases."""


FEEDBACK_ONLY = {"FEEDBACK001", "FEEDBACK002", "FEEDBACK003", "FEEDBACK004"}
"""What reviewers did in Word, reported by `verzamel feedback` only: tests/test_feedback.py and
tests/test_feedback_word.py have their cases."""


def test_every_rule_in_the_catalogue_has_a_case():
    assert {case[0] for case in CASES} | BUILD_ONLY | IN_GIT | VERIFY_ONLY | FEEDBACK_ONLY == set(RULES)


def test_the_example_is_clean():
    """Nothing to report but that its house style moved on since its sent letter was frozen."""
    result = run_cli("check", "--root", str(REPO), "--format", "json")
    assert result.exit_code == 0
    assert moved_on_only(json.loads(result.stdout))


# -- configuration ---------------------------------------------------------------------------------


def test_severity_can_be_changed_and_a_rule_turned_off(fresh):
    _apply(fresh, FRAGMENT, append("Dit is de  Kamer op 28-11-2025."))
    _apply(fresh, "verzamel.yaml", append("rules:\n  STYLE003: off\n  DATE004: error"))
    found = {d.rule: d.severity.value for d in _diagnostics(fresh)}
    assert "STYLE003" not in found
    assert found["DATE004"] == "error"


def test_rules_can_be_set_per_path(fresh):
    _apply(fresh, FRAGMENT, append("Dit is de  Kamer."))
    _apply(fresh, "sections/terugkeer.md", append("Dit is de  Kamer."))
    _apply(fresh, "verzamel.yaml", append('rules:\n  "sections/eu-*":\n    STYLE003: off'))
    paths = [d.span.path for d in _diagnostics(fresh) if d.rule == "STYLE003"]
    assert paths == ["sections/terugkeer.md"]


def test_locked_rules_cannot_be_changed(fresh):
    _apply(fresh, "verzamel.yaml", append("rules:\n  CONF001: off"))
    found = [d for d in _diagnostics(fresh) if d.rule == "CFG001"]
    assert [d.message for d in found] == ["CONF001 cannot be changed"]


def test_house_style_can_put_markers_before_the_punctuation(fresh):
    _apply(
        fresh,
        "verzamel.yaml",
        replace("footnote_marker: after_punctuation", "footnote_marker: before_punctuation"),
    )
    found = [d for d in _diagnostics(fresh) if d.rule == "STYLE001"]
    assert found and all(d.fix.replacement.endswith((".", ",", ";", ":")) for d in found)


def test_every_rule_id_the_code_reports_is_in_the_catalogue():
    import re
    from pathlib import Path

    source = "\n".join(p.read_text() for p in Path(RULES_SOURCE).rglob("*.py"))
    reported = set(re.findall(r'"([A-Z]{2,5}\d{3})"', source))
    assert reported - set(RULES) == set()
