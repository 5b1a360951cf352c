"""Bad input, as a hostile or a clumsy user makes it: one mutation of the example dossier per case.

Each case says what to change and what verzamel must answer: the rule it reports, at which file
and line, and the exit codes of `check` and `build`. `rule=None` means the input is odd but fine:
the build must succeed, and `present`/`absent` name words the built documents must (not) hold.

Edits (the `edit` field):
  ("sub", old, new)      replace the first `old` in the file's text (str) or bytes (bytes)
  ("text", content)      the whole file (str or bytes)
  ("link", target)       the file becomes a symbolic link to `target` (relative to the link)
  ("dir",)               a folder at the path
  ("fifo",)              a named pipe at the path
  ("append", text)       text added at the end
"""

from __future__ import annotations

from dataclasses import dataclass, field

from conftest import KENMERK, SIGNATURE

MANIFEST = "letters/2025-11-28-verzamelbrief-oekraine.yaml"
SHORT = "letters/2025-12-12-terugkeer-oekraine.yaml"
FRAGMENT = "sections/terugkeer.md"
BESLIS = "sections/beslisnota/toelichting-terugkeer.md"  # in the beslisnota of both letters only
NOTES = "footnotes/toelichtingen.yaml"
KAMERSTUKKEN = "footnotes/kamerstukken.yaml"
SETTINGS = "verzamel.yaml"
TEMPLATE = "templates/kamerbrief.md.j2"
REFERENCE = "templates/kamerbrief.docx"


@dataclass(frozen=True)
class Case:
    name: str
    path: str
    edit: tuple
    rule: str | None
    line: int | None = None
    file: str | None = None
    """Where the diagnostic is, when not in `path`."""
    check: int = 1
    build: int = 1
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    stage: str = "check"
    """Where the rule is reported: by `check`, or (for writing problems) only by `build`."""
    more: tuple[tuple, ...] = field(default_factory=tuple)
    """Further (path, edit) changes made before this one."""


def bomb(levels: int = 7) -> str:
    """A YAML alias bomb ("billion laughs"): 9**levels values from a few lines."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


NESTED_LIST_10 = "\n".join("  " * depth + f"- diepte{depth}" for depth in range(10)) + "\n\nNaDeLijst.\n"
NESTED_LIST_9 = "\n".join("  " * depth + f"- niveau{depth}" for depth in range(9)) + "\n\nNaNiveaus.\n"
FRONT = "---\nid: terugkeer\ntitle: Terugkeer\n---\n"
# The send gate judges the shorter letter once it is agreed (akkoord: one line more in its manifest).
AGREED = ("sub", "status: concept", "status: akkoord\nakkoord_op: 2025-12-12")
AKKOORD = ((SHORT, AGREED),)
FINISHED = (  # what the example still has to be replaced: its text, and the signature of every letter
    (SHORT, ("sub", "Voorbeeldbrief van het voorbeelddossier", "Een brief")),
)


def subject(betreft: str) -> tuple:
    return ("sub", "betreft: Terugkeer van ontheemden uit Oekraïne", f"betreft: {betreft}")


def contact(name: str) -> tuple:
    return ("sub", "  kernpunten:", f'  contactpersoon: "{name}"\n  kernpunten:')


def mr(day: str, status: str = "ter-besluitvorming") -> tuple:
    return ("sub", "status: concept", f"status: {status}\nministerraad: {day}")


DEEP = "\n## Tussenkop\n\nTekst.\n\n##### Diep\n\nMeer tekst.\n"

CASES = [
    # -- characters Word cannot hold (TXT001 refused, TXT002 read as a space) --------------------------
    Case("bell in a fragment", FRAGMENT, ("sub", "Sindsdien", "Sinds\x07dien"), "TXT001", 9),
    Case("escape sequence", FRAGMENT, ("sub", "Sindsdien", "\x1b[31mSindsdien\x1b[0m"), "TXT001", 9),
    Case("NUL in a fragment", FRAGMENT, ("sub", "Sindsdien", "Sinds\x00dien"), "TXT001", 9),
    Case("noncharacter U+FFFE", FRAGMENT, ("sub", "Sindsdien", "Sinds\ufffedien"), "TXT001", 9),
    Case("C1 control from Windows text", FRAGMENT, ("sub", "Sindsdien", "Sinds\x96dien"), "TXT001", 9),
    Case("verzamel's marker in a fragment", FRAGMENT, ("sub", "Sindsdien", "Sinds\ue000dien"), "TXT001", 9),
    Case(
        "verzamel's marker in a manifest",
        MANIFEST,
        ("sub", "betreft: Verzamel", "betreft: \ue0010Verzamel"),
        "TXT001",
        4,
    ),
    Case("bell in a title", FRAGMENT, ("sub", "title: Terugkeer", "title: Terug\x07keer"), "TXT001", 3),
    Case(
        "bell in a manifest value",
        MANIFEST,
        ("sub", "betreft: Verzamel", "betreft: \x07Verzamel"),
        "TXT001",
        4,
    ),
    Case("bell in a registry text", NOTES, ("sub", "Dit kabinet wil", "Dit \x07kabinet wil"), "TXT001", 9),
    Case(
        "bell in verzamel.yaml",
        SETTINGS,
        ("sub", "ministry: Ministerie", "ministry: Minis\x07terie"),
        "TXT001",
        16,
    ),
    Case(
        "bell in the dossier's own template",
        TEMPLATE,
        ("sub", "{{ letter.betreft }}", "\x07{{ letter.betreft }}"),
        "TXT001",
        49,
    ),
    Case(
        "template writes a control character",
        TEMPLATE,
        ("sub", "{{ letter.betreft }}", '{{ "\\x07" }}{{ letter.betreft }}'),
        "TPL002",
        1,
    ),
    Case(
        "vertical tab from Word",
        FRAGMENT,
        ("sub", "Sindsdien is", "Sindsdien\x0bis"),
        "TXT002",
        9,
        check=0,
        build=0,
        present=("Sindsdien is het terugkeerbeleid",),
    ),
    Case(
        "form feed from a PDF",
        FRAGMENT,
        ("sub", "Sindsdien", "\x0cSindsdien"),
        "TXT002",
        9,
        check=0,
        build=0,
        present=("Sindsdien",),
    ),
    # -- encodings --------------------------------------------------------------------------------------
    Case(
        "verzamel.yaml in latin-1",
        SETTINGS,
        ("sub", b"above it.\n\n#", b"above it.\n# Caf\xe9\n#"),
        "SRC001",
        3,
    ),
    Case("fragment in latin-1", FRAGMENT, ("sub", b"Sindsdien", b"Sinds\xe9dien"), "SRC001", 9),
    Case("manifest in latin-1", MANIFEST, ("sub", "Oekraïne".encode(), b"Oekra\xefne"), "SRC001", 1),
    Case("fragment in UTF-16", FRAGMENT, ("text", (FRONT + "Tekst.\n").encode("utf-16")), "SRC001", 1),
    Case(
        "byte-order mark before front matter",
        FRAGMENT,
        ("sub", b"---\nid: terugkeer", b"\xef\xbb\xbf---\nid: terugkeer"),
        None,
        check=0,
        build=0,
        present=("Sindsdien",),
    ),
    Case(
        "Windows line ends", FRAGMENT, ("sub", b"\n", b"\r\n"), None, check=0, build=0, present=("Sindsdien",)
    ),
    Case("old Mac line ends in a manifest", SHORT, ("sub", b"\n", b"\r"), None, check=0, build=0),
    # -- YAML features verzamel does not use (YAML002) --------------------------------------------------
    Case(
        "python tag",
        MANIFEST,
        ("sub", "betreft: Verzamel", 'betreft: !!python/object/apply:os.system ["echo"]\nx: Verzamel'),
        "YAML002",
        4,
    ),
    Case("custom tag", MANIFEST, ("sub", KENMERK, 'kenmerk: !custom "0000000"'), "YAML002", 6),
    Case("ordered map", SETTINGS, ("sub", "output: build", "output: !!omap [{a: build}]"), "YAML002", 5),
    Case(
        "binary value",
        MANIFEST,
        ("sub", "betreft: Verzamel", "betreft: !!binary aGVsbG8=\nx: Verzamel"),
        "YAML002",
        4,
    ),
    Case("set", SETTINGS, ("sub", "output: build", "output: !!set {build, docs}"), "YAML002", 5),
    Case(
        "date with time and zone",
        MANIFEST,
        ("sub", "datum: 2025-11-28", "datum: 2025-11-28 10:00:00+01:00"),
        "YAML002",
        5,
    ),
    Case("year 9999", MANIFEST, ("sub", "datum: 2025-11-28", "datum: 9999-12-31"), "YAML002", 5),
    Case("year 1", MANIFEST, ("sub", "datum: 2025-11-28", "datum: 0001-01-01"), "YAML002", 5),
    Case(
        "MR in year 9999",
        MANIFEST,
        ("sub", "ministerraad: 2025-11-28", "ministerraad: 9999-12-31"),
        "YAML002",
        7,
    ),
    Case(
        "registry date in year 9999",
        KAMERSTUKKEN,
        ("sub", "date: 2025-01-31", "date: 9999-12-31"),
        "YAML002",
        9,
    ),
    Case("alias bomb in a manifest", MANIFEST, ("append", "\n" + bomb()), "YAML002", 69),
    Case("alias bomb in verzamel.yaml", SETTINGS, ("append", bomb()), "YAML002", 30),
    Case("alias bomb in the registry", NOTES, ("append", "\n" + bomb()), "YAML002", 28),
    Case("alias bomb in front matter", FRAGMENT, ("sub", "topic: terugkeer", bomb().strip()), "YAML002", 9),
    Case(
        "brackets nested 1000 deep",
        MANIFEST,
        ("sub", "bijlagen: 0", "bijlagen: " + "[" * 1000 + "]" * 1000),
        "YAML002",
        12,
    ),
    Case("alias of itself", MANIFEST, ("sub", "bijlagen: 0", "bijlagen: &a [*a]"), "MAN002", 12),
    Case("unclosed quote", MANIFEST, ("sub", KENMERK, 'kenmerk: "0000000'), "YAML001", 6),
    # -- values of the wrong kind (MAN002, CFG002) ------------------------------------------------------
    Case("datum a number", MANIFEST, ("sub", "datum: 2025-11-28", "datum: 20251128"), "MAN002", 5),
    Case("datum empty", MANIFEST, ("sub", "datum: 2025-11-28", "datum:"), "MAN001", 5),
    Case("datum the Dutch way", MANIFEST, ("sub", "datum: 2025-11-28", "datum: 28-11-2025"), "MAN002", 5),
    Case("datum that cannot be", MANIFEST, ("sub", "datum: 2025-11-28", "datum: 31-11-2025"), "MAN002", 5),
    Case(
        "betreft a list",
        MANIFEST,
        ("sub", "betreft: Verzamelbrief", "betreft: [een, twee]\nx: Verzamelbrief"),
        "MAN002",
        4,
    ),
    Case(
        "betreft a mapping",
        MANIFEST,
        ("sub", "betreft: Verzamelbrief", "betreft: {a: 1}\nx: Verzamelbrief"),
        "MAN002",
        4,
    ),
    Case("kenmerk an octal number", MANIFEST, ("sub", KENMERK, "kenmerk: 0o777"), "MAN002", 6),
    Case("kenmerk with leading zeros", MANIFEST, ("sub", KENMERK, "kenmerk: 0000123"), "MAN002", 6),
    Case(
        "ministry a list",
        SETTINGS,
        ("sub", "ministry: Ministerie van Asiel en Migratie", "ministry: [a, b]"),
        "MAN002",
        16,
    ),
    Case("signature name empty", SETTINGS, ("sub", SIGNATURE, "name:"), "MAN001", 21),
    Case("bijlagen below zero", MANIFEST, ("sub", "bijlagen: 0", "bijlagen: -2"), "MAN002", 12),
    Case("empty verzamel.yaml", SETTINGS, ("text", ""), "MAN001", 1, file=MANIFEST),
    Case("verzamel.yaml a list", SETTINGS, ("text", "- a\n- b\n"), "CFG002", 1),
    Case("output a list", SETTINGS, ("sub", "output: build", "output: [build, docs]"), "CFG002", 5),
    Case("output empty", SETTINGS, ("sub", "output: build", "output:"), "CFG002", 5),
    Case(
        "trailing comment after a value",
        MANIFEST,
        (
            "sub",
            "  aanleiding: >-\n",
            "  aanleiding: Tekst voor de aanleiding. # INTERN: geheim plan\n  oud: >-\n",
        ),
        "MAN003",
        33,
        check=0,
        build=0,
        present=("Tekst voor de aanleiding.",),
        absent=("INTERN",),
    ),
    Case(
        "escapes in a double-quoted footnote",
        NOTES,
        (
            "sub",
            "rtb-asielaanvraag:\n  text: >-\n",
            'rtb-asielaanvraag:\n  text: "Zie \\u00e9\\u00e9n \\"kamerstuk\\"."\n  oud: >-\n',
        ),
        "FN005",
        5,
        check=0,
        build=0,
        present=('Zie één "kamerstuk".',),
    ),
    # -- send gate ---------------------------------------------------------------------------------------
    # placeholders init and new write (SEND001): in the manifest, verzamel.yaml, fragments, footnotes
    Case(
        "placeholder subject at akkoord",
        SHORT,
        subject("(onderwerp van de brief)"),
        "SEND001",
        5,
        more=AKKOORD,
    ),
    Case(
        "placeholder in other brackets",
        SHORT,
        subject("'[Onderwerp  van de Brief]'"),
        "SEND001",
        5,
        more=AKKOORD,
    ),
    Case(
        "placeholder wrapped over two lines",
        SHORT,
        (
            "sub",
            "    De brief zet",
            "    (Wat de brief de Kamer meldt,\n    in een paar zinnen.) De brief zet",
        ),
        "SEND001",
        22,
        more=AKKOORD,
    ),
    Case(
        "placeholder in a fragment",
        FRAGMENT,
        ("sub", "Sindsdien", "(onderwerp) Sindsdien"),
        "SEND001",
        9,
        more=AKKOORD,
    ),
    Case("TODO in a fragment", FRAGMENT, ("sub", "Sindsdien", "TODO Sindsdien"), "SEND001", 9, more=AKKOORD),
    Case(
        "placeholder in a footnote the letter cites",
        NOTES,
        ("sub", "Het terugkeerbeleid", "(onderwerp) Het"),
        "SEND001",
        14,
        more=AKKOORD,
    ),
    Case(
        "placeholder in a footnote only the sent letter cites",  # the agreed one does not cite it
        NOTES,
        ("sub", "Dit kabinet", "(onderwerp) Dit"),
        "SEND001",
        9,
        more=AKKOORD + FINISHED,
    ),
    Case(
        "placeholder in the defaults of verzamel.yaml",
        SETTINGS,
        ("sub", "Ministerie van Asiel en Migratie", "Ministerie van (naam van het ministerie)"),
        "SEND001",
        16,
        more=AKKOORD,
    ),
    Case(
        "placeholder in concept",
        SHORT,
        subject("(onderwerp van de brief)"),
        None,
        check=0,
        build=0,
        present=("(onderwerp van de brief)",),
    ),
    Case(
        "placeholder at ter-besluitvorming",
        SHORT,
        subject("(onderwerp van de brief)"),
        None,
        check=0,
        build=0,
        more=((SHORT, ("sub", "status: concept", "status: ter-besluitvorming")),),
    ),
    Case(
        "placeholder in a sent letter that is not frozen",  # a frozen one is what was sent
        MANIFEST,
        ("sub", "betreft: Verzamelbrief", "betreft: (onderwerp) Verzamelbrief"),
        "SEND001",
        4,
    ),
    Case("agreed and finished", SHORT, AGREED, None, check=0, build=0, more=FINISHED),
    # the kenmerk (SEND002)
    Case("kenmerk 0000000 at akkoord", SHORT, ("sub", '"0000001"', '"0000000"'), "SEND002", 7, more=AKKOORD),
    Case("kenmerk of spaces", SHORT, ("sub", '"0000001"', '"   "'), "SEND002", 7, more=AKKOORD),
    Case("kenmerk xxx-xxxx", SHORT, ("sub", '"0000001"', "xxx-xxxx"), "SEND002", 7, more=AKKOORD),
    Case(
        "uw_kenmerk 0000000",
        SHORT,
        ("sub", '"0000001"            # voorbeeld', '"0000001"\nuw_kenmerk: "0000000"'),
        "SEND002",
        8,
        more=AKKOORD,
    ),
    Case("kenmerk empty in concept", SHORT, ("sub", '"0000001"', '""'), "MAN001", 7),
    # names and texts of verzamel's examples (SEND003)
    Case("example text at akkoord", SHORT, AGREED, "SEND003", 19),
    Case(
        "example name, written closer",
        SHORT,
        contact("[J.de  Vries]{woo=5.1.2e}"),
        "SEND003",
        21,
        more=AKKOORD,
    ),
    Case(
        "a longer name that holds the example",
        SHORT,
        contact("[J. de Vriesland]{woo=5.1.2e}"),
        None,
        check=0,
        build=0,
        more=AKKOORD + FINISHED,
    ),
    # the signature (SEND004)
    Case(
        "default signature at akkoord",
        SETTINGS,
        ("sub", SIGNATURE, 'name: "(naam minister)"'),
        "SEND004",
        21,
        more=AKKOORD,
    ),
    Case(
        "signature name an empty text",
        SETTINGS,
        ("sub", SIGNATURE, 'name: ""'),
        "SEND004",
        21,
        more=AKKOORD,
    ),
    Case(
        "signature function a placeholder in the manifest",
        SHORT,
        ("append", "signature:\n  function: De Minister van (naam van het ministerie)\n"),
        "SEND004",
        26,
        more=AKKOORD,
    ),
    Case(
        "signature filled in by the manifest",
        SHORT,
        ("append", "signature:\n  name: E. van den Berg\n"),
        None,
        check=0,
        build=0,
        more=AKKOORD + FINISHED[:1],
    ),
    # the MR date from ter-besluitvorming on (MR004), and the week whose Friday is a holiday (MR005)
    Case("MR on a Thursday at ter-besluitvorming", SHORT, mr("2025-12-11"), "MR004", 9),
    Case(
        "MR on a Thursday in concept",
        SHORT,
        mr("2025-12-11", "concept"),
        "MR001",
        9,
        check=0,
        build=0,
        present=("Na instemming van de MR op donderdag 11 december",),
    ),
    Case("MR on a Saturday at ter-besluitvorming", SHORT, mr("2025-12-06"), "MR004", 9),
    Case("MR on Goede Vrijdag", SHORT, mr("2025-04-18"), "MR004", 9),
    Case("MR on Hemelvaartsdag", SHORT, mr("2025-05-29"), "MR004", 9),
    Case(
        "MR earlier in the week of Goede Vrijdag",
        SHORT,
        mr("2025-04-17"),
        "MR005",
        9,
        check=0,
        build=0,
        present=("Na instemming van de MR op donderdag 17 april",),
    ),
    Case(
        "MR of a sent letter on a Thursday",
        MANIFEST,
        ("sub", "ministerraad: 2025-11-28", "ministerraad: 2025-11-27"),
        "MR004",
        7,
    ),
    # heading levels the house style has (MD004), in every status
    Case("heading deeper than the house style", FRAGMENT, ("append", DEEP), "MD004", 15),
    Case(  # in the beslisnota the title is heading 2, `#` heading 3 and the underlined one 4
        "underlined heading one deeper",
        BESLIS,
        ("append", "\n# Kop\n\nTekst.\n\nDiep\n----\n\nMeer.\n"),
        "MD004",
        15,
    ),
    Case(
        "heading in a fragment inserted without a title",
        "sections/beslisnota/niet-openbaar-eu-inzet.md",
        ("append", "\n#### Vier\n\nTekst.\n"),
        "MD004",
        15,
    ),
    Case(
        "heading one level under the title",
        FRAGMENT,
        ("append", "\n## Tussenkop\n\nTekst.\n"),
        None,
        check=0,
        build=0,
        present=("Tussenkop",),
    ),
    # -- the Woo: a mark that is not read, or that cannot withhold, is an error (docs/woo.md) ---------------
    # Appended to a fragment of the beslisnota only (line 10 on); a near miss would print the words.
    *(
        Case(f"woo near miss {mark!r}", BESLIS, ("append", f"\nContact: [Geheimnaam]{mark}.\n"), "WOO006", 11)
        for mark in (
            "{Woo=5.1.2e}",
            "{WOO=5.1.2e}",
            "{woo: 5.1.2e}",
            "{.woo=5.1.2e}",
            "{woo}",
            "{wob=5.1.2e}",
            "{5.1.2e}",
            "{weglakken}",
            " {woo=5.1.2e}",
            "{woo=5.1.2e",
            "{.klasse woo=5.1.2e}",
            "(woo=5.1.2e)",
        )
    ),
    Case("woo mark in code", BESLIS, ("append", "\nContact: `[Geheimnaam]{woo=5.1.2e}`.\n"), "WOO006", 11),
    Case("woo on the line above a paragraph", BESLIS, ("append", "\n{woo=5.1.2i}\nGeheim.\n"), "WOO006", 11),
    Case("woo fence spelled otherwise", BESLIS, ("append", "\n::: woo 5.1.2i\nGeheim.\n:::\n"), "WOO006", 11),
    Case("woo fence with a capital", BESLIS, ("append", "\n::: {Woo=5.1.2i}\nGeheim.\n:::\n"), "WOO006", 11),
    Case(
        "woo block not closed", BESLIS, ("append", "\n::: {woo=5.1.2i}\nGeheim.\n\nOpenbaar.\n"), "WOO009", 11
    ),
    Case("woo mark without a ground", BESLIS, ("append", "\nContact: [Geheimnaam]{woo=}.\n"), "WOO002", 11),
    Case(
        "woo words in a link",
        BESLIS,
        ("append", "\nMail [[J. Geheim]{woo=5.1.2e}](mailto:j.geheim@x.nl).\n"),
        "WOO007",
        11,
    ),
    Case(
        "woo words in a link text",
        BESLIS,
        ("append", "\nZie [de [Geheimnaam]{woo=5.1.2e} hier](https://x.nl).\n"),
        "WOO007",
        11,
    ),
    Case(
        "woo mark in a fragment title",
        BESLIS,
        ("sub", "title: Terugkeer", "title: Terugkeer met [Geheimnaam]{woo=5.1.2e}"),
        "WOO007",
        3,
    ),
    Case(
        "woo mark in betreft",
        SHORT,
        ("sub", "van ontheemden", "van [Geheimnaam]{woo=5.1.2e}"),
        "WOO007",
        5,
    ),
    Case("woo mark in a template", TEMPLATE, ("append", "\n[Geheimnaam]{woo=5.1.2e}\n"), "WOO007", 72),
    Case(
        "woo words allowed in the beslisnota",
        BESLIS,
        ("append", "\nContact: [Geheimnaam]{woo=5.1.2e}.\n"),
        None,
        check=0,
        build=0,
        present=("Geheimnaam",),
    ),
    Case(
        "woo word withheld here and written openly there",
        BESLIS,
        ("append", "\nContact: [Geheimnaam]{woo=5.1.2e}.\n\nVraag het Geheimnaam.\n"),
        "WOO004",
        11,
    ),
    # -- files that are not plain files in the dossier (SRC002, SRC003) ---------------------------------
    Case("dangling link", "sections/weg.md", ("link", "nergens.md"), "SRC002", 1, build=1),
    Case(
        "loop of links",
        "sections/a.md",
        ("link", "b.md"),
        "SRC002",
        1,
        more=(("sections/b.md", ("link", "a.md")),),
    ),
    Case(
        "link out of the dossier",
        "sections/buiten.md",
        ("link", "../../buiten.md"),
        "SRC002",
        1,
        more=(("../buiten.md", ("text", FRONT.replace("terugkeer", "buiten") + "Geheim.\n")),),
    ),
    Case("named pipe", "sections/pijp.md", ("fifo",), "SRC002", 1),
    Case("folder named like a fragment", "sections/oud.md", ("dir",), "SRC003", 1, check=0, build=0),
    Case(
        "file too large",
        "sections/groot.md",
        ("text", FRONT.replace("terugkeer", "groot") + "woord " * 400_000),
        "SRC002",
        1,
    ),
    Case(
        "file name not UTF-8",
        "sections/caf\udce9.md",
        ("text", FRONT.replace("terugkeer", "cafe")),
        "SRC002",
        1,
        file="sections/caf\ufffd.md",
    ),
    # -- letter ids and output paths (MAN004, OUT001) ---------------------------------------------------
    Case("letter id with spaces", "letters/brief 28 nov (2).yaml", ("text", "betreft: x\n"), "MAN004", 1),
    Case("letter id that is a path", "letters/...yaml", ("text", "betreft: x\n"), None, check=0, build=0),
    Case(
        "letter folder is a file",
        "build/2025-11-28-verzamelbrief-oekraine",
        ("text", "in de weg"),
        "OUT001",
        1,
        file=MANIFEST,
        check=0,
        stage="build",
    ),
    Case(
        "document path is a folder",
        "build/2025-12-12-terugkeer-oekraine/kamerbrief.docx",
        ("dir",),
        "OUT001",
        1,
        file=SHORT,
        check=0,
        stage="build",
    ),
    Case(
        "output is a file",
        SETTINGS,
        ("sub", "output: build", "output: verzamel.yaml"),
        "OUT001",
        1,
        file=MANIFEST,
        check=0,
        stage="build",
    ),
    # -- Markdown nested too deep (MD003) ---------------------------------------------------------------
    Case("list ten deep", FRAGMENT, ("sub", "Sindsdien", NESTED_LIST_10 + "\nSindsdien"), "MD003", 18),
    Case("quotes twenty deep", FRAGMENT, ("sub", "Sindsdien", "> " * 20 + "diep\n\nSindsdien"), "MD003", 9),
    Case(
        "list nine deep",
        FRAGMENT,
        ("sub", "Sindsdien", NESTED_LIST_9 + "\nSindsdien"),
        None,
        check=0,
        build=0,
        present=("niveau0", "niveau8", "NaNiveaus.", "Sindsdien"),
    ),
    Case(
        "quotes nine deep",
        FRAGMENT,
        ("sub", "Sindsdien", "> " * 9 + "diepst\n\nSindsdien"),
        None,
        check=0,
        build=0,
        present=("diepst", "Sindsdien"),
    ),
    # -- templates (TPL001, TPL002, TPL003) -------------------------------------------------------------
    Case("division by zero", TEMPLATE, ("sub", "{{ letter.betreft }}", "{{ 1 / 0 }}"), "TPL002", 49),
    Case(
        "recursion",
        TEMPLATE,
        ("sub", "{{ letter.betreft }}", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"),
        "TPL002",
        49,
    ),
    Case(
        "self-include",
        TEMPLATE,
        ("sub", "{{ letter.betreft }}", '{% include "kamerbrief.md.j2" %}'),
        "TPL002",
        49,
    ),
    Case(
        "huge range",
        TEMPLATE,
        ("sub", "{{ letter.betreft }}", "{% for i in range(10**9) %}x{% endfor %}"),
        "TPL002",
        49,
    ),
    Case(
        "nested ranges",
        TEMPLATE,
        (
            "sub",
            "{{ letter.betreft }}",
            "{% for i in range(90000) %}{% for j in range(90000) %}{% endfor %}{% endfor %}",
        ),
        "TPL002",
        49,
    ),
    Case("huge text", TEMPLATE, ("sub", "{{ letter.betreft }}", '{{ "x" * 10**10 }}'), "TPL002", 49),
    Case("huge power", TEMPLATE, ("sub", "{{ letter.betreft }}", "{{ 2 ** 100000000 }}"), "TPL002", 49),
    Case("template syntax", TEMPLATE, ("sub", "{{ letter.betreft }}", "{% if %}"), "TPL001", 49),
    Case("empty reference document", REFERENCE, ("text", b""), "TPL003", 1),
    Case("reference document of random bytes", REFERENCE, ("text", bytes(range(256)) * 40), "TPL003", 1),
    Case(
        "reference document without document.xml",
        REFERENCE,
        ("zip-without", "word/document.xml"),
        "TPL003",
        1,
    ),
    # -- shared sources stop every letter ---------------------------------------------------------------
    Case(
        "registry id twice in two files",
        "footnotes/extra.yaml",
        ("text", "kst-19637-3451: Kamerstukken II 2024/25, 19637, nr. 3451\n"),
        "FN003",
        12,
        file=KAMERSTUKKEN,
    ),
    Case(
        "registry value a number",
        KAMERSTUKKEN,
        ("sub", "kst-19637-3464:\n", "kst-19637-3464: 5\nx:\n"),
        "FN007",
        16,
    ),
    Case(
        "registry fact a number",
        KAMERSTUKKEN,
        ("sub", "title: Motie van het lid Podt", "title: 5"),
        "FN007",
        18,
    ),
    Case(
        "broken registry file", NOTES, ("sub", "rtb-asielaanvraag:", "rtb-asielaanvraag: [\n"), "YAML001", 5
    ),
    # -- ids written two ways --------------------------------------------------------------------------
    Case(
        "fragment id decomposed",
        FRAGMENT,
        ("sub", "id: terugkeer", "id: terugke\u0301er"),
        None,
        check=0,
        build=0,
        more=(
            (SHORT, ("sub", "- terugkeer\n", "- terugk\u00e9er\n")),
            (MANIFEST, ("sub", "- terugkeer\n", "- terugk\u00e9er\n")),
        ),
    ),
]


def zeros(megabytes: int, name: str = "word/document.xml", noise: int = 0):
    """A zip member that unpacks to `megabytes` MB of zero bytes, each MB starting with `noise` bytes
    that do not pack (its header gives the size truthfully; the CRC is never reached). One
    compressed megabyte is repeated: deflate blocks that end in a full flush can be."""
    import random
    import zlib

    from verzamel.render.docx.package import Member

    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = random.Random(noise).randbytes(noise) + bytes(2**20 - noise)
    block = compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty last block
    return Member(name, block * megabytes + end, 0, megabytes * 2**20)


def package(*members) -> bytes:
    """A .docx-like zip: the parts a Word document has, and `members`."""
    from verzamel.render.docx.package import Member, write_zip

    parts = ("[Content_Types].xml", "_rels/.rels", "word/styles.xml")
    return write_zip([Member.of(name, b"<x/>") for name in parts] + list(members))


def kolommen(args: str, columns: int = 2) -> str:
    """A `:::: kolommen` layout with `columns` columns, before the paragraph at line 9 of FRAGMENT."""
    return f":::: kolommen {args}\n" + "::: kolom\nKolomtekst\n:::\n" * columns + "::::\n\nSindsdien"


TABLE_64 = "|" + " a |" * 64 + "\n|" + "---|" * 64 + "\n|" + " b |" * 64 + "\n\nSindsdien"

CASES += [
    # -- crash paths (issue 29) -------------------------------------------------------------------------
    # Characters a document cannot hold, written as YAML escapes (check passed, build stopped: exit 3)
    Case(
        "bell escaped in a title",
        FRAGMENT,
        ("sub", "title: Terugkeer", 'title: "Terug\\x07keer"'),
        "TXT001",
        3,
    ),
    Case(
        "\\u0007 in a manifest value",
        MANIFEST,
        ("sub", "betreft: Verzamelbrief opvang ontheemden uit Oekraïne", 'betreft: "\\u0007Verzamelbrief"'),
        "TXT001",
        4,
    ),
    Case(
        "escape character in a footnote text",
        NOTES,
        (
            "sub",
            "rtb-asielaanvraag:\n  text: >-\n",
            'rtb-asielaanvraag:\n  text: "Zie \\e[1m hier."\n  oud: >-\n',
        ),
        "TXT001",
        4,
    ),
    Case(
        "NUL escaped in letter_defaults",
        SETTINGS,
        (
            "sub",
            "ministry: Ministerie van Asiel en Migratie",
            'ministry: "Ministerie\\0 van Asiel en Migratie"',
        ),
        "TXT001",
        16,
    ),
    Case(
        "verzamel's marker escaped in manifest prose",
        SHORT,
        ("sub", "  aanleiding: >-\n", '  aanleiding: "Tekst \\ue0000\\ue001 hier."\n  oud: >-\n'),
        "TXT001",
        17,
    ),
    Case(
        "half a character escaped",
        FRAGMENT,
        ("sub", "title: Terugkeer", 'title: "Terug\\ud83dkeer"'),
        "TXT001",
        3,
    ),
    Case(
        "C1 control escaped in a registry title",
        KAMERSTUKKEN,
        ("sub", "title: Motie van het lid Podt", 'title: "Motie van het lid\\N Podt"'),
        "TXT001",
        18,
    ),
    Case(
        "control character escaped in a key",
        MANIFEST,
        ("sub", "bijlagen: 0", '"bij\\x07lagen": 0'),
        "TXT001",
        12,
    ),
    Case(
        "vertical tab escaped in a title",
        FRAGMENT,
        ("sub", "title: Terugkeer", 'title: "Terug\\vkeer"'),
        "TXT002",
        3,
        check=0,
        build=0,
        present=("Terug keer",),
    ),
    Case(
        "escapes that write a character reference",
        NOTES,
        (
            "sub",
            "rtb-asielaanvraag:\n  text: >-\n",
            'rtb-asielaanvraag:\n  text: "Zie \\u0026#12;hier."\n  oud: >-\n',
        ),
        "TXT002",
        4,
        check=0,
        build=0,
    ),
    # ... and as character references that Markdown reads
    Case(
        "form feed as a character reference",
        FRAGMENT,
        ("sub", "Sindsdien", "Sinds&#12;dien"),
        "TXT002",
        9,
        check=0,
        build=0,
        present=("Sinds dien",),
    ),
    Case(
        "verzamel's marker as a character reference",
        FRAGMENT,
        ("sub", "Sindsdien", "&#xE000;Sindsdien"),
        "TXT001",
        9,
    ),
    Case(
        "form feed reference in a manifest value",
        MANIFEST,
        ("sub", "betreft: Verzamelbrief", "betreft: Verzamel&#x0C;brief"),
        "TXT002",
        4,
        check=0,
        build=0,
        present=("Verzamel brief",),
    ),
    Case(
        "form feed reference in the dossier's own template",
        TEMPLATE,
        ("sub", "{{ letter.betreft }}", "&#12;{{ letter.betreft }}"),
        "TPL002",
        1,
    ),
    Case(
        "template writes a character reference",
        TEMPLATE,
        ("sub", "{{ letter.betreft }}", '{{ "&#" ~ "12;" }}{{ letter.betreft }}'),
        "TPL002",
        1,
    ),
    Case(
        "template writes verzamel's marker",
        TEMPLATE,
        ("sub", "{{ letter.betreft }}", '{{ "\\ue0009\\ue001" }}{{ letter.betreft }}'),
        "TPL002",
        1,
    ),
    # Dates at the ends of the calendar, where verzamel calculates with them
    Case(
        "MR date in year 1",
        SHORT,
        ("sub", "datum: 2025-12-12", "datum: 2025-12-12\nministerraad: 0001-01-01"),
        "YAML002",
        7,
    ),
    Case(
        "beslisnota date in year 9999",
        MANIFEST,
        ("sub", "  datum: 2025-11-21", "  datum: 9999-12-31"),
        "YAML002",
        26,
    ),
    Case(
        "akkoord_op in year 1",
        MANIFEST,
        ("sub", "akkoord_op: 2025-11-28", "akkoord_op: 0001-01-01"),
        "YAML002",
        9,
    ),
    Case(
        "verzonden_op in year 9999",
        MANIFEST,
        ("sub", "verzonden_op: 2025-11-28", "verzonden_op: 9999-12-31"),
        "YAML002",
        10,
    ),
    Case(
        "registry date at the end of the years",
        KAMERSTUKKEN,
        ("sub", "date: 2025-01-31", "date: 2200-12-31"),
        None,
        check=0,
        build=0,
        present=("2200-2201",),
    ),
    Case(
        "a date in year 9999 in prose",
        FRAGMENT,
        ("sub", "Sindsdien", "Op 31 december 9999 a.s. Sindsdien"),
        None,
        check=0,
        build=0,
        present=("31 december 9999",),
    ),
    # Numbers of a layout that reach the Word writer
    Case("column width of a million", FRAGMENT, ("sub", "Sindsdien", kolommen("1000000 5")), "MD002", 9),
    Case(
        "column width beyond any integer",
        FRAGMENT,
        ("sub", "Sindsdien", kolommen("9" * 30 + " 1")),
        "MD002",
        9,
    ),
    Case("column widths of 0", FRAGMENT, ("sub", "Sindsdien", kolommen("0 0")), "MD002", 9),
    Case("negative column width", FRAGMENT, ("sub", "Sindsdien", kolommen("-5 105")), "MD002", 9),
    Case("more widths than columns", FRAGMENT, ("sub", "Sindsdien", kolommen("50 25 25")), "MD002", 9),
    Case("column widths over 100", FRAGMENT, ("sub", "Sindsdien", kolommen("60 60")), "MD002", 9),
    Case("column width in superscript digits", FRAGMENT, ("sub", "Sindsdien", kolommen("² ²")), "MD002", 9),
    Case("kolommen of 64 columns", FRAGMENT, ("sub", "Sindsdien", kolommen("", columns=64)), "MD003", 9),
    Case("table of 64 columns", FRAGMENT, ("sub", "Sindsdien", TABLE_64), "MD003", 9),
    Case(
        "template writes column widths beyond any integer",
        TEMPLATE,
        ("sub", ":::: kolommen 68 32", ":::: kolommen " + "9" * 30 + " 32"),
        "TPL002",
        1,
    ),
    Case(
        "column widths in percent",
        FRAGMENT,
        ("sub", "Sindsdien", kolommen("50% 50%")),
        None,
        check=0,
        build=0,
        present=("Kolomtekst",),
    ),
    # Where build writes, and what the documents are made with
    Case("output is the dossier itself", SETTINGS, ("sub", "output: build", "output: ."), "CFG002", 5),
    Case(
        "output above the dossier",
        SETTINGS,
        ("sub", "output: build", "output: build/../../elders"),
        "CFG002",
        5,
    ),
    Case(
        "output is a folder of sources", SETTINGS, ("sub", "output: build", "output: sections"), "CFG002", 5
    ),
    Case(
        "output name too long for the system",
        SETTINGS,
        ("sub", "output: build", "output: " + "x" * 300),
        "OUT001",
        1,
        file=MANIFEST,
        check=0,
        stage="build",
    ),
    Case(
        "house style value of the wrong kind",
        SETTINGS,
        ("sub", "quotes: typographic", "quotes: typographic\n  footnote_full_stop: 5"),
        "CFG001",
        12,
        check=0,
        build=0,
    ),
    Case("reference document that is a zip bomb", REFERENCE, ("text", package(zeros(1_500))), "TPL003", 1),
    # -- the publication record's settings (publicatie:): a warning, the record written without them
    Case(
        "publishing organisation that is no TOOI URI",
        SETTINGS,
        ("append", "publicatie:\n  organisatie: ministerie van Asiel en Migratie\n"),
        "CFG001",
        26,
        check=0,
        build=0,
    ),
    Case(
        "publication settings a list",
        SETTINGS,
        ("append", "publicatie:\n  - organisatie\n"),
        "CFG001",
        26,
        check=0,
        build=0,
    ),
    Case(
        "manifest name not UTF-8",
        "letters/brief\udce9.yaml",
        ("text", "betreft: x\n"),
        "MAN004",
        1,
        file="letters/brief\ufffd.yaml",
    ),
]
