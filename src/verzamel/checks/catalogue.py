"""Every rule verzamel reports: id, family, default severity, and a short doc with examples.

This table is the one place rules are described. `verzamel rules` shows it, the pages in
docs/rules/ are generated from it (tools/make_rule_docs.py; a test keeps them equal), and a
diagnostic's default severity comes from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    severity: str
    summary: str
    bad: str
    good: str
    fixable: bool = False
    locked: bool = False
    """A locked rule's severity cannot be changed in verzamel.yaml (confidentiality, unreadable files)."""


FAMILIES = {
    "sources": "Reading the sources",
    "structure": "Letters, fragments and templates",
    "footnotes": "Footnotes",
    "dates": "Dates in the text",
    "ministerraad": "The ministerraad (MR)",
    "citations": "Citations",
    "style": "House style",
    "woo": "What the Woo withholds",
}

# fmt: off
_RULES = (
    # -- sources --------------------------------------------------------------------------------------
    Rule("YAML001", "sources", "error", "A YAML file cannot be read.",
         "betreft: Verzamelbrief: opvang", "betreft: \"Verzamelbrief: opvang\"", fixable=True, locked=True),
    Rule("SRC001", "sources", "error", "A source file is not UTF-8 text.",
         "(a file saved as Windows-1252)", "(the same file saved as UTF-8)", locked=True),
    Rule("YAML002", "sources", "error",
         "A YAML value verzamel cannot use: a tag, a date with a time or out of range, too many values.",
         "datum: !!timestamp 2025-11-28T10:00:00+01:00", "datum: 2025-11-28", locked=True),
    Rule("SRC002", "sources", "error",
         "A source cannot be read: a broken link, a link out of the dossier, a pipe, too large a file.",
         "sections/oud.md -> /home/jan/oud.md", "(the file itself, copied into sections/)", locked=True),
    Rule("SRC003", "sources", "warning", "A folder is named like a source file, so it is not read.",
         "sections/oud.md/ (a folder)", "sections/oud/ (a folder)"),
    Rule("TXT001", "sources", "error",
         "A character a Word document cannot hold: a control character, or one verzamel uses itself.",
         "Sinds\\x07dien (a bell character pasted from a terminal)", "Sindsdien", fixable=True, locked=True),
    Rule("TXT002", "sources", "warning",
         "A vertical tab or form feed from copied text; it is read as a space.",
         "Sinds\\x0bdien (a line break pasted from Word)", "Sinds dien", fixable=True),
    Rule("CFG001", "sources", "warning", "verzamel.yaml has a key or rule id verzamel does not know.",
         "rules:\n  FN01: off", "rules:\n  FN001: warning"),
    Rule("CFG002", "sources", "error", "A setting in verzamel.yaml has the wrong form.",
         "output: [build, docs]", "output: build", locked=True),
    # -- structure ------------------------------------------------------------------------------------
    Rule("FM001", "structure", "error", "A fragment has no front matter.",
         "Tekst zonder kop.", "---\nid: terugkeer\ntitle: Terugkeer\n---\nTekst.", locked=True),
    Rule("FM002", "structure", "error", "A fragment has no title.",
         "---\nid: terugkeer\n---", "---\nid: terugkeer\ntitle: Terugkeer\n---"),
    Rule("FM003", "structure", "error", "`public:` is not true or false (the fragment counts as not public).",
         "public: nee", "public: false", locked=True),
    Rule("FM004", "structure", "warning", "Front matter has a key verzamel does not know.",
         "titel: Terugkeer", "title: Terugkeer"),
    Rule("FM005", "structure", "error",
         "A front-matter value has the wrong form (a number where text belongs).",
         "id: 2025", "id: \"2025\"", fixable=True, locked=True),
    Rule("FRAG001", "structure", "error", "A letter names a fragment that does not exist.",
         "fragments:\n  - terugkeren", "fragments:\n  - terugkeer", locked=True),
    Rule("FRAG002", "structure", "error", "Two fragments have the same id.",
         "sections/a.md and sections/b.md both say 'id: terugkeer'", "each fragment its own id", locked=True),
    Rule("MAN001", "structure", "error",
         "A letter manifest lacks a required field (betreft, datum, kenmerk).",
         "betreft: Verzamelbrief\ndatum: 2025-11-28",
         "betreft: Verzamelbrief\ndatum: 2025-11-28\nkenmerk: \"6001234\"", locked=True),
    Rule("MAN002", "structure", "error", "A manifest value has the wrong form.",
         "datum: 28 november 2025", "datum: 2025-11-28", locked=True),
    Rule("MAN004", "structure", "error",
         "A manifest's file name cannot be a letter id (it names the letter's output folder).",
         "letters/brief 28 nov (2).yaml", "letters/2025-11-28-verzamelbrief.yaml", locked=True),
    Rule("KEY001", "structure", "error",
         "A key that is a misspelling of one verzamel knows, so what it holds would be left out.",
         "ministeraad: 2025-11-28", "ministerraad: 2025-11-28", fixable=True),
    Rule("MAN003", "structure", "warning", "A manifest has a key verzamel does not know.",
         "kamerbrief:\n  fragmenten: [terugkeer]", "kamerbrief:\n  fragments: [terugkeer]"),
    Rule("TPL001", "structure", "error", "A template is missing or has a syntax error.",
         "{% for f in letter.kamerbrief.fragments %}",
         "{% for f in letter.kamerbrief.fragments %}…{% endfor %}", locked=True),
    Rule("TPL002", "structure", "error", "A template uses a value that does not exist.",
         "{{ letter.afzender.ministry }}", "{{ letter.sender.ministry }}", locked=True),
    Rule("TPL003", "structure", "error", "A reference document (templates/*.docx) is not a Word document.",
         "templates/kamerbrief.docx (saved as .doc, or empty)",
         "templates/kamerbrief.docx saved as Word document", locked=True),
    Rule("OUT001", "structure", "error",
         "A document cannot be written: a file is in the way, the folder is read-only, the disk is full.",
         "build/2025-11-28-verzamelbrief (a file)", "build/2025-11-28-verzamelbrief/ (a folder)",
         locked=True),
    Rule("MD003", "structure", "error", "Lists or quotes nested deeper than a Word document can show.",
         "(a list in a list … ten levels deep)", "(at most nine levels)", locked=True),
    Rule("MD002", "structure", "error",
         "A `::: kolom` outside `:::: kolommen`, or text in `kolommen` outside a `kolom`.",
         "::: kolom\ntekst\n:::", ":::: kolommen\n::: kolom\ntekst\n:::\n::::"),
    # -- footnotes ------------------------------------------------------------------------------------
    Rule("FN001", "footnotes", "error",
         "A footnote reference has no definition, in the fragment or the registry.",
         "… gepresenteerd.[^kst-19637-3415]", "… gepresenteerd.[^kst-19637-3451]", locked=True),
    Rule("FN002", "footnotes", "warning", "A fragment defines a footnote it never refers to.",
         "Tekst.\n\n[^rtb]: De Richtlijn …", "Tekst.[^rtb]\n\n[^rtb]: De Richtlijn …"),
    Rule("FN003", "footnotes", "error", "The same footnote id is defined twice.",
         "[^rtb]: Eén.\n[^rtb]: Twee.", "[^rtb]: Eén.\n[^rtb-2]: Twee.", locked=True),
    Rule("FN005", "footnotes", "warning", "A registry entry has a key verzamel does not know.",
         "kst-19637-3451:\n  datum: 2025-07-04", "kst-19637-3451:\n  date: 2025-07-04"),
    Rule("FN006", "footnotes", "error", "A footnote file is not a list of `id: text` entries.",
         "- Kamerstukken II 2024/25, 19637, nr. 3451", "kst-19637-3451:\n  date: 2025-07-04", locked=True),
    Rule("FN007", "footnotes", "error", "A registry entry or one of its facts has the wrong form.",
         "kst-19637-3464:\n  date: 4 september", "kst-19637-3464:\n  date: 2025-09-04", locked=True),
    Rule("FN004", "footnotes", "error", "A footnote has no text.",
         "kst-19637-3451:", "kst-19637-3451: Kamerstukken II …"),
    # -- dates ----------------------------------------------------------------------------------------
    Rule("DATE001", "dates", "error", "A weekday is written with a date that falls on another weekday.",
         "donderdag 28 november 2025", "vrijdag 28 november 2025"),
    Rule("DATE002", "dates", "error", "`jl.` points forward or `a.s.` points back from the letter's date.",
         "1 mei 2026 jl. (in a letter of 28 november 2025)", "1 mei 2026 a.s."),
    Rule("DATE003", "dates", "warning", "`as`, `a.s`, `j.l.` or `jl` written for `a.s.` or `jl.`.",
         "1 mei as", "1 mei a.s.", fixable=True),
    Rule("DATE004", "dates", "warning", "A date written in digits in running text.",
         "op 28-11-2025", "op 28 november 2025", fixable=True),
    Rule("DATE005", "dates", "error", "A date that does not exist.",
         "op 29 februari 2025", "op 28 februari 2025"),
    # -- ministerraad ---------------------------------------------------------------------------------
    Rule("MR001", "ministerraad", "warning", "The MR date is not a Friday, or is a public holiday.",
         "ministerraad: 2025-11-27", "ministerraad: 2025-11-28"),
    Rule("MR002", "ministerraad", "error", "The letter is dated before the MR that decides on it.",
         "datum: 2025-11-27\nministerraad: 2025-11-28", "datum: 2025-11-28\nministerraad: 2025-11-28"),
    Rule("MR003", "ministerraad", "info",
         "The beslisnota is dated less than seven days before the MR, or has no date of its own.",
         "ministerraad: 2025-11-28\nbeslisnota:\n  datum: 2025-11-25",
         "ministerraad: 2025-11-28\nbeslisnota:\n  datum: 2025-11-20"),
    # -- citations ------------------------------------------------------------------------------------
    Rule("CIT001", "citations", "error",
         "A citation's vergaderjaar does not fit the date of the cited document.",
         "Kamerstukken II 2025/26, 19637, nr. 3451 (dated 4 juli 2025)",
         "Kamerstukken II 2024/25, 19637, nr. 3451"),
    Rule("CIT002", "citations", "error", "The same document is cited with conflicting facts.",
         "Kamerstukken II 2023/24, 19637, nr. 3346 … Kamerstukken II 2024/25, 19637, nr. 3346",
         "Kamerstukken II 2024/25, 19637, nr. 3346 … Kamerstukken II 2024/25, 19637, nr. 3346"),
    Rule("CIT003", "citations", "error",
         "A document cited by id is not in the registry (footnotes/), so its footnote cannot be written.",
         "[@kst-19637-3500] with no entry kst-19637-3500",
         "footnotes/kamerstukken.yaml:\n  kst-19637-3500:\n    date: 2025-10-01"),
    Rule("CIT009", "citations", "warning",
         "A document cited in full is not in the registry, so its vergaderjaar cannot be checked.",
         "Zie Kamerstukken II, 2024-2025, 19637, nr. 3500. (no entry kst-19637-3500)",
         "footnotes/kamerstukken.yaml:\n  kst-19637-3500:\n    date: 2025-10-01"),
    Rule("CIT004", "citations", "error", "A Tweede Kamer zaak number written as if it were a kamerstuk.",
         "Kamerstuk 2023Z01234", "Kamerstukken II 2022/23, 36200 VI, nr. 12"),
    Rule("CIT005", "citations", "error",
         "`nr.` with an Eerste Kamer letter, or a letter for a Tweede Kamer document.",
         "Kamerstukken I 2009/10, 32217, nr. A", "Kamerstukken I 2009/10, 32217, A"),
    Rule("CIT006", "citations", "error",
         "Handelingen cited by item before 2011, when there were no items yet.",
         "Handelingen II 2009/10, nr. 45, item 3", "Handelingen II 2009/10, nr. 45, p. 3456"),
    Rule("CIT007", "citations", "warning", "A kamerstuk citation not written in the house style.",
         "Kamerstuk 19637, nr. 3346 (house style aanwijzingen)", "Kamerstukken II 2024/25, 19637, nr. 3346",
         fixable=True),
    Rule("CIT008", "citations", "error",
         "A kamerstuk citation that cannot be read, or an unknown citation id.",
         "Kamerstuk nr. 3451", "Kamerstuk 19637, nr. 3451"),
    # -- style ----------------------------------------------------------------------------------------
    Rule("STYLE001", "style", "warning", "A footnote marker stands on the wrong side of the punctuation.",
         "ten grondslag[^rtb].", "ten grondslag.[^rtb]", fixable=True),
    Rule("STYLE002", "style", "warning", "Straight quotes where the house style wants typographic ones.",
         "het rapport \"Meer dan een dak\"", "het rapport “Meer dan een dak”", fixable=True),
    Rule("STYLE003", "style", "warning", "Two or more spaces between words.",
         "de  Kamer", "de Kamer", fixable=True),
    # -- woo ------------------------------------------------------------------------------------------
    Rule("CONF001", "woo", "error",
         "Withheld text (a `public: false` fragment or a `{woo=…}` passage) would reach the Kamerbrief.",
         "kamerbrief:\n  fragments: [intern-advies]",
         "beslisnota:\n  niet_openbaar: [intern-advies]", locked=True),
    Rule("WOO001", "woo", "error",
         "A fragment that is not public gives no Woo ground, or gives one while it says it is public.",
         "public: false", "public: false\nwoo: 5.1.2i", locked=True),
    Rule("WOO002", "woo", "error", "A Woo ground that does not exist, or a `{woo=…}` mark without one.",
         "[J. de Vries]{woo=5.1.2z}", "[J. de Vries]{woo=5.1.2e}", locked=True),
    Rule("WOO003", "woo", "warning",
         "Withheld as a personal policy opinion (5.2) in a beslisnota: the cabinet publishes those.",
         "[Ik adviseer dit niet.]{woo=5.2}", "Ik adviseer dit niet."),
    Rule("WOO004", "woo", "error", "Withheld words that a public document repeats word for word.",
         "[J. de Vries]{woo=5.1.2e} … and in a public fragment: contact: J. de Vries",
         "[J. de Vries]{woo=5.1.2e} … and in a public fragment: [J. de Vries]{woo=5.1.2e}", locked=True),
    Rule("WOO005", "woo", "info",
         "A name with initials in public text, as civil servants' names are written, that is not withheld.",
         "Contactpersoon: mr. A.B. Jansen", "Contactpersoon: [mr. A.B. Jansen]{woo=5.1.2e}"),
    Rule("WOO006", "woo", "error",
         "A `{woo=…}` mark that verzamel does not read, so nothing would be withheld.",
         "{woo=5.1.2i}\nEen alinea.", "::: {woo=5.1.2i}\nEen alinea.\n:::", locked=True),
)
# fmt: on

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
