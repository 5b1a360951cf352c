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

MANIFEST = "letters/2025-11-28-verzamelbrief-oekraine.yaml"
SHORT = "letters/2025-12-12-terugkeer-oekraine.yaml"
FRAGMENT = "sections/terugkeer.md"
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
    Case("custom tag", MANIFEST, ("sub", 'kenmerk: "0000000"', 'kenmerk: !custom "0000000"'), "YAML002", 6),
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
    Case("unclosed quote", MANIFEST, ("sub", 'kenmerk: "0000000"', 'kenmerk: "0000000'), "YAML001", 6),
    # -- values of the wrong kind (MAN002, CFG002) ------------------------------------------------------
    Case("datum a number", MANIFEST, ("sub", "datum: 2025-11-28", "datum: 20251128"), "MAN002", 5),
    Case("datum empty", MANIFEST, ("sub", "datum: 2025-11-28", "datum:"), "MAN001", 5),
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
    Case("kenmerk an octal number", MANIFEST, ("sub", 'kenmerk: "0000000"', "kenmerk: 0o777"), "MAN002", 6),
    Case(
        "kenmerk with leading zeros", MANIFEST, ("sub", 'kenmerk: "0000000"', "kenmerk: 0000123"), "MAN002", 6
    ),
    Case(
        "ministry a list",
        SETTINGS,
        ("sub", "ministry: Ministerie van Asiel en Migratie", "ministry: [a, b]"),
        "MAN002",
        16,
    ),
    Case("signature name empty", SETTINGS, ("sub", 'name: "(naam minister)"', "name:"), "MAN001", 21),
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
    Case(
        "manifest name not UTF-8",
        "letters/brief\udce9.yaml",
        ("text", "betreft: x\n"),
        "MAN004",
        1,
        file="letters/brief\ufffd.yaml",
    ),
]
