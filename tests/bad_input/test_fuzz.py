"""Arbitrary text in a fragment body, a front-matter value and a manifest value.

For every input: `check` and `build` end with exit 0 or 1 (never a bug, exit 3), `check`'s JSON
is valid, every .docx written opens in python-docx, and when the body builds, every word the
Markdown parser reads in it is in the documents: nothing is dropped without a diagnostic.

Examples per target: 500 in CI (CI=true), fewer on a workstation (VERZAMEL_FUZZ_EXAMPLES). The
examples are the same every run; VERZAMEL_FUZZ_EXPLORE=1 draws new ones (with --hypothesis-seed).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from promise import assert_kept

from conftest import run_cli
from docx_reading import footnotes, paragraphs
from verzamel.init import start_dossier
from verzamel.sources.markdown_syntax import parser as _parser

EXAMPLES = int(os.environ.get("VERZAMEL_FUZZ_EXAMPLES") or (500 if os.environ.get("CI") == "true" else 40))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("VERZAMEL_FUZZ_EXPLORE"),  # the same examples every run, unless exploring
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SYNTAX = [
    "\n", "\n\n", "- ", "1. ", "> ", "# ", "## ", "*", "**", "_", "`", "```\n", "[", "]", "(", ")", "![",
    "[^n]", "[^n]: noot\n", "[@kst-28362-56]", "[@kst-1-2]", "{woo=5.1.2e}", "::: {woo=5.1.2i}\n", ":::\n",
    ":::: kolommen\n", "::: kolom\n", "| a | b |\n|---|---|\n", "{.Stijl}\n", "<b>", "&amp;", "\\", "---\n",
    "    ", "\t", "\r\n", "\r", "\x0b", "\x0c", "\x00", "\x07", "\x1b[1m", "\ue000", "\ufffe", "'", '"', ":",
    "#", "%", "{{", "}}", "{%", "&", "*a*", "~", "|",
    '\\x07', '\\u000c', '\\ue001', '\\ud83d', '\\u0026#12;', "&#12;", "&#xE000;", "&#0;",
    ":::: kolommen 1000000 5\n", ":::: kolommen 0 -1\n", "0001-01-01", "9999-12-31", " a.s.", " jl.",
]  # fmt: skip
fuzz_text = st.lists(
    st.one_of(st.sampled_from(SYNTAX), st.text(max_size=12), st.text(alphabet="abc é1", max_size=8)),
    max_size=30,
).map("".join)


@pytest.fixture(scope="module")
def starter(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "dossier"
    start_dossier(root, date(2025, 11, 28))
    return root


class Dossier:
    """A fresh copy of the starter dossier per example (hypothesis calls the test many times)."""

    def __init__(self, starter: Path):
        self.root = Path(tempfile.mkdtemp(prefix="fuzz-")) / "dossier"
        shutil.copytree(starter, self.root)
        self.fragment = self.root / "sections" / "inleiding.md"
        self.manifest = next((self.root / "letters").glob("*.yaml"))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.root.parent, ignore_errors=True)


def run(root: Path) -> tuple[list[dict], int, list[Path]]:
    """check (JSON) and build: the diagnostics, build's exit code, the documents written."""
    checked = run_cli("check", "--root", str(root), "--format", "json")
    assert checked.exit_code in (0, 1), checked.output
    found = json.loads(checked.stdout)
    built = run_cli("build", "--root", str(root), "-q")
    written = assert_kept(root, checked, built)  # check is a promise: what it passes, build writes
    assert built.exit_code in (0, 1), built.output
    assert built.exit_code == checked.exit_code, (checked.stdout, built.stderr)
    event(f"build exit {built.exit_code}")
    for path in written:
        docx.Document(str(path))  # raises if Word's format is broken
    return found, built.exit_code, written


def parsed_words(body: str) -> Counter:
    """The words markdown-it reads as text in `body`, outside footnote definitions."""
    words: Counter = Counter()
    in_definition = 0
    for token in _parser().parse(body.replace("\r\n", "\n").replace("\r", "\n"), {}):
        in_definition += {"footnote_reference_open": 1, "footnote_reference_close": -1}.get(token.type, 0)
        if in_definition:
            continue
        # Inline pieces join as they do in the document: `*a*0` is the one word "a0".
        text = token.content if token.type in ("code_block", "fence") else ""
        for child in token.children or ():
            if child.type in ("text", "code_inline", "image"):
                text += child.content
            elif child.type in ("softbreak", "hardbreak"):
                text += "\n"
        words.update(re.findall(r"\w+", text))
    return words


def document_words(paths: list[Path]) -> Counter:
    words: Counter = Counter()
    for path in paths:
        for _, text in paragraphs(path):
            words.update(re.findall(r"\w+", text))
        for text in footnotes(path).values():
            words.update(re.findall(r"\w+", text))
    return words


@FUZZ
@given(body=fuzz_text)
def test_any_fragment_body(starter, body):
    with Dossier(starter) as dossier:
        text = dossier.fragment.read_text(encoding="utf-8")
        head = text[: text.index("---\n", 4) + 4]
        dossier.fragment.write_bytes((head + body).encode("utf-8", "surrogatepass"))
        _, code, written = run(dossier.root)
        if code == 0:
            missing = parsed_words(body) - document_words(written)
            assert not missing, f"words dropped without a diagnostic: {sorted(missing)}"


@FUZZ
@given(value=fuzz_text)
def test_any_front_matter_value(starter, value):
    with Dossier(starter) as dossier:
        text = dossier.fragment.read_text(encoding="utf-8")
        dossier.fragment.write_bytes(
            text.replace("title: Inleiding", f"title: {value}", 1).encode("utf-8", "surrogatepass")
        )
        run(dossier.root)


@FUZZ
@given(value=fuzz_text)
def test_any_manifest_value(starter, value):
    with Dossier(starter) as dossier:
        text = dossier.manifest.read_text(encoding="utf-8")
        line = next(line for line in text.split("\n") if line.startswith("betreft:"))
        dossier.manifest.write_bytes(
            text.replace(line, f"betreft: {value}", 1).encode("utf-8", "surrogatepass")
        )
        run(dossier.root)
