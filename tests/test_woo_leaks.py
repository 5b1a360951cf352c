"""The Woo as a property: a withheld word never reaches a public output, and a near miss is an error.

Random withheld words are put at every place a source can hold text (a fragment's body, heading,
list, table, quote, emphasis, its footnote, a registry footnote, a prose field of the manifest,
and the plain values where nothing can be withheld: a fragment title, the beslisnota's title,
betreft, a registry fact),
in every form docs/woo.md allows and in near-miss forms it does not. Then `check` and `build` run:

- an allowed form at a place that can withhold: no error, the internal beslisnota holds the words,
  and no public file (kamerbrief, beslisnota-openbaar, as .docx and .html, and the publication
  record that describes them, publicatie.xml) holds any of them;
- anything else (a near miss, or a mark where nothing can be withheld): an error at the source,
  and no document of the letter is written.

The public files are read here with nothing of verzamel's: every zip part and the page, with
the tags removed and as they are. Examples: 500 in CI (CI=true), fewer on a workstation
(VERZAMEL_FUZZ_EXAMPLES); the same ones every run unless VERZAMEL_FUZZ_EXPLORE=1.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from verzamel.init import start_dossier

EXAMPLES = int(os.environ.get("VERZAMEL_FUZZ_EXAMPLES") or (500 if os.environ.get("CI") == "true" else 40))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("VERZAMEL_FUZZ_EXPLORE"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PUBLIC = ("kamerbrief", "beslisnota-openbaar")

# -- where a withheld passage can stand --------------------------------------------------------
# Each place: (file, how the mark goes in, whether it can withhold, whether a block mark fits).
# `{M}` is where the mark goes. The fragment `toelichting` is in the beslisnota only.
FRAGMENT = "sections/toelichting.md"
REGISTRY = "footnotes/toelichtingen.yaml"
FRAGMENT_HEAD = "---\nid: toelichting\ntitle: {title}\nreferences: []\n---\n"
PLACES = {
    "body": (FRAGMENT, "Een zin met {M} erin.\n", True, True),
    "second paragraph": (FRAGMENT, "Eerste alinea.\n\n{M}\n\nLaatste alinea.\n", True, True),
    "heading": (FRAGMENT, "## Kop over {M}\n\nTekst.\n", True, False),
    "list": (FRAGMENT, "- eerste punt\n- punt met {M}\n", True, False),
    "table": (FRAGMENT, "| kolom | waarde |\n|---|---|\n| rij | {M} |\n", True, False),
    "quote": (FRAGMENT, "> Een citaat met {M}.\n", True, False),
    "emphasis": (FRAGMENT, "Een zin met *nadruk op {M}* erin.\n", True, False),
    "fragment footnote": (FRAGMENT, "Een zin.[^n]\n\n[^n]: Een noot met {M}.\n", True, False),
    "registry footnote": (REGISTRY, "noot-woo:\n  text: >-\n    Noot met {M}.\n", True, False),
    "manifest prose": ("letters", "  aanleiding: >-\n    Aanleiding met {M}.\n", True, False),
    "contactpersoon": ("letters", "  contactpersoon: >-\n    {M}, Directie\n", True, False),
    "fragment title": (FRAGMENT, "title", False, False),
    "betreft": ("letters", "betreft", False, False),
    "nota title": (
        "letters",
        "  title: >-\n    Nota over {M}\n",
        False,
        False,
    ),  # the record's officieleTitel
    "registry fact": ("footnotes/kamerstukken.yaml", "fact", False, False),
}

# -- how it is written -------------------------------------------------------------------------
GROUNDS = ["5.1.2e", "5.1.2i", "5.1.1c", "5.1.2.e", "5.1.2 e", "art. 5.1 lid 2 sub e"]
ALLOWED = [
    "[{S}]{{woo={G}}}",
    '[{S}]{{woo="{G}"}}',
    "[{S}]{{ woo = {G} }}",
    '[{S}]{{woo="5.1.2e 5.1.2i"}}',
    "*[{S}]{{woo={G}}}*",
    "[*{S}*]{{woo={G}}}",
]
ALLOWED_BLOCK = ["\n::: {{woo={G}}}\n{S}\n:::\n", "\n:::: {{woo={G}}}\n{S}\n::::\n"]
NEAR_MISS = [
    "[{S}]{{Woo={G}}}",
    "[{S}]{{WOO={G}}}",
    "[{S}]{{woo:{G}}}",
    "[{S}]{{woo: {G}}}",
    "[{S}]{{.woo={G}}}",
    "[{S}]{{#woo}}",
    "[{S}]{{woo}}",
    "[{S}] {{woo={G}}}",
    "[{S}]{{woo={G}",
    '[{S}]{{woo="{G}}}',
    "[{S}]{{.klasse woo={G}}}",
    "[{S}]{{wob={G}}}",
    "[{S}]{{w00={G}}}",
    "[{S}]{{{G}}}",
    "[{S}](woo={G})",
    "({S})[woo={G}]",
    "{S}{{woo={G}}}",
    "`[{S}]{{woo={G}}}`",
    "[{S}]{{woo=}}",
    "[{S}]{{woo={G}, onbekend}}",
    "[{S}]{{weglakken}}",
    "[{S}]{{niet-openbaar}}",
    "[[{S}]{{woo={G}}}](mailto:geheim@example.nl)",
    "[zie [{S}]{{woo={G}}} hier](https://example.nl)",
    "[{S}]{{w&#111;o={G}}}",  # a character reference
    "[{S}]{{w\u043e\u043e={G}}}",  # Cyrillic o
    "[{S}]{{\uff57\uff4f\uff4f={G}}}",  # fullwidth
    "[{S}]{{w\u200boo={G}}}",  # an invisible space
]
NEAR_MISS_BLOCK = [
    "\n::: {{Woo={G}}}\n{S}\n:::\n",
    "\n::: woo={G}\n{S}\n:::\n",
    "\n::: woo {G}\n{S}\n:::\n",
    "\n:::{{woo={G}\n{S}\n:::\n",
    "\n::: {{woo={G}}}\n{S}\n",
    "\n{{woo={G}}}\n{S}\n",
    "\n::: {{woo={G} .klasse}}\n{S}\n:::\n",
]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """The starter dossier, with a beslisnota-only fragment and footnote to withhold in."""
    root = tmp_path_factory.mktemp("leaks") / "dossier"
    start_dossier(root, date(2025, 11, 28))
    manifest = next((root / "letters").glob("*.yaml"))
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text + "  topics:\n    - toelichting\n", encoding="utf-8")
    (root / FRAGMENT).write_text(FRAGMENT_HEAD.format(title="Toelichting") + "Tekst.\n", encoding="utf-8")
    (root / REGISTRY).write_text("noot-woo:\n  text: Een noot.\n", encoding="utf-8")
    return root


secret_words = st.lists(
    st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=6, max_size=9).map(lambda w: "Geheim" + w),
    min_size=1,
    max_size=3,
).map(lambda words: words + ["4" + str(len(words)) + "7.912"])


@PROPERTY
@given(
    place=st.sampled_from(sorted(PLACES)),
    form=st.sampled_from(
        [("allowed", f) for f in ALLOWED + ALLOWED_BLOCK]
        + [("near miss", f) for f in NEAR_MISS + NEAR_MISS_BLOCK]
    ),
    ground=st.sampled_from(GROUNDS),
    words=secret_words,
)
def test_withheld_words_never_reach_a_public_output(base, place, form, ground, words):
    path, where, can_withhold, block_fits = PLACES[place]
    kind, template = form
    is_block = template.startswith("\n")
    if is_block and not block_fits:
        kind, template = "near miss", template.replace("\n", " ").strip()  # a block mark inside a line
    secret = " ".join(words)
    mark = template.format(S=secret, G=ground)
    allowed = kind == "allowed" and can_withhold
    event(f"{place}: {'allowed' if allowed else kind if can_withhold else 'nowhere to withhold'}")
    root = Path(tempfile.mkdtemp(prefix="leak-")) / "dossier"
    try:
        shutil.copytree(base, root)
        _place(root, path, where, mark)
        checked = run_cli("check", "--root", str(root), "--format", "json")
        assert checked.exit_code in (0, 1), checked.output
        errors = [d for d in json.loads(checked.stdout) if d["severity"] == "error"]
        built = run_cli("build", "--root", str(root), "--format", "docx,html", "-q")
        assert built.exit_code in (0, 1), built.output
        out = root / "build"
        if allowed:
            assert errors == [], (mark, errors)
            assert built.exit_code == 0, built.output
            internal = _texts(next(out.glob("*/beslisnota.docx")))
            assert all(word in internal for word in words), (mark, "the internal beslisnota lost it")
        else:
            rules = {d["rule"] for d in errors}
            assert rules & {"WOO002", "WOO006", "WOO007", "WOO009"}, (mark, place, errors)
            assert built.exit_code == 1
            assert not list(out.glob("*/*.docx")), "a letter with errors gets no documents"
        published = [*(p for name in PUBLIC for p in out.glob(f"*/{name}.*")), *out.glob("*/publicatie.xml")]
        assert published or not allowed, "nothing to read"
        for written in published:
            text = _texts(written)
            leaked = [w for w in words if w.casefold() in text.casefold()]
            assert not leaked, (mark, place, written.name, leaked)
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)


def _place(root: Path, path: str, where: str, mark: str) -> None:
    if path == "letters":
        manifest = next((root / "letters").glob("*.yaml"))
        text = manifest.read_text(encoding="utf-8")
        if where == "betreft":
            value = f"betreft: >-\n  Brief over {_indent(mark, 2)}"
            text = re.sub(r"(?m)^betreft: .*$", lambda _: value, text)
        else:
            text = text.replace("beslisnota:\n", "beslisnota:\n" + where.replace("{M}", _indent(mark, 4)), 1)
            text = re.sub(r"(?m)^  aanleiding: >-\n    \(.*\)\n", "", text) if "aanleiding" in where else text
        manifest.write_text(text, encoding="utf-8")
    elif path == FRAGMENT:
        target = root / FRAGMENT
        if where == "title":
            target.write_text(
                FRAGMENT_HEAD.format(title=f">-\n  Titel {_indent(mark, 2)}") + "Tekst.\n", encoding="utf-8"
            )
        else:
            target.write_text(FRAGMENT_HEAD.format(title="Toelichting") + where.replace("{M}", mark), "utf-8")
    elif where == "fact":
        target = root / path
        target.write_text(
            target.read_text(encoding="utf-8").replace(
                "title: Voorstel", f"title: >-\n    Voorstel {_indent(mark, 4)}", 1
            ),
            encoding="utf-8",
        )
    else:
        (root / path).write_text(where.replace("{M}", _indent(mark, 4)), encoding="utf-8")
        fragment = root / FRAGMENT
        fragment.write_text(fragment.read_text(encoding="utf-8") + "\nZie de noot.[^noot-woo]\n", "utf-8")


def _indent(text: str, spaces: int) -> str:
    """`text` as a YAML block scalar's lines: every line after the first indented."""
    return text.strip("\n").replace("\n", "\n" + " " * spaces)


def _texts(path: Path) -> str:
    """Everything a file says: each zip part (or the page) with its tags removed, and as it is."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = [package.read(name).decode("utf-8", "replace") for name in package.namelist()]
    else:
        parts = [data.decode("utf-8", "replace")]
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", "", part)) + "\n" + part for part in parts)
