"""Broken sources never crash a command: each one ends with diagnostics and exit code 0 or 1."""

from __future__ import annotations

import pytest

from conftest import VERZAMELBRIEF, run_cli

MANIFEST = f"letters/{VERZAMELBRIEF}.yaml"
FRAGMENT = "sections/terugkeer.md"

# name: (file, text to replace or None for the whole file, replacement)
BROKEN = {
    "impossible date": (MANIFEST, "datum: 2025-11-28", "datum: 2025-13-45"),
    "mr not a date": (MANIFEST, "ministerraad: 2025-11-28", "ministerraad: morgen"),
    "attachments as a list": (MANIFEST, "bijlagen: 0", "bijlagen: [Rapport SEO, Rapport WODC]"),
    "fragments not a list": (MANIFEST, "  fragments:  ", "  fragments: terugkeer\n  old:  "),
    "section not a mapping": (MANIFEST, "kamerbrief:\n", "kamerbrief: x\nkb:\n"),
    "empty manifest": (MANIFEST, None, ""),
    "manifest is a list": (MANIFEST, None, "- a\n- b\n"),
    "rules not a mapping": ("verzamel.yaml", "output: build", "output: build\nrules: 5"),
    "house style not a mapping": ("verzamel.yaml", "house_style:\n", "house_style: x\nhs:\n"),
    "settings are a list": ("verzamel.yaml", None, "- a\n"),
    "settings empty": ("verzamel.yaml", None, ""),
    "registry is a list": ("footnotes/kamerstukken.yaml", None, "- a\n"),
    "registry entry empty": (
        "footnotes/kamerstukken.yaml",
        "kst-19637-3346:\n  date: 2025-01-31",
        "kst-19637-3346:",
    ),
    "registry date not a date": ("footnotes/kamerstukken.yaml", "date: 2025-07-04", "date: 4 juli"),
    "front matter only": (FRAGMENT, None, "---\n---\n"),
    "front matter a list": (FRAGMENT, None, "---\n- a\n---\nTekst\n"),
    "fragment id a number": (FRAGMENT, "id: terugkeer", "id: 5"),
    "title a list": (FRAGMENT, "title: Terugkeer", "title: [a, b]"),
    "deep heading": (FRAGMENT, "Sindsdien", "###### Kop\n\nSindsdien"),
    "html": (FRAGMENT, "Sindsdien", "<b>vet</b> <!-- c --> Sindsdien"),
    "image": (FRAGMENT, "Sindsdien", "![alt](x.png) Sindsdien"),
    "code block": (FRAGMENT, "Sindsdien", "```\ncode\n```\n\nSindsdien"),
    "columns in a fragment": (FRAGMENT, "Sindsdien", ":::: kolommen\n::: kolom\nA\n:::\n::::\n\nSindsdien"),
    "odd citation syntax": (FRAGMENT, "Sindsdien", "[@] [@ x] [@kst-1-2, ] Sindsdien"),
    "footnote mark in a title": (FRAGMENT, "title: Terugkeer", "title: Terugkeer[^x]"),
    "footnote inside a footnote": (
        "footnotes/toelichtingen.yaml",
        "Dit kabinet wil",
        "Zie[^rtb-asielaanvraag] Dit kabinet wil",
    ),
    "block quote": (FRAGMENT, "Sindsdien", "> citaat[^terugkeerbeleid-onderdelen]\n\nSindsdien"),
    "not utf-8": (FRAGMENT, None, b"---\nid: terugkeer\ntitle: Caf\xe9\n---\n"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_sources_give_diagnostics_not_crashes(dossier, name):
    path, old, new = BROKEN[name]
    target = dossier / path
    if isinstance(new, bytes):
        target.write_bytes(new)
    elif old is None:
        target.write_text(new)
    else:
        text = target.read_text()
        assert old in text
        target.write_text(text.replace(old, new, 1))
    for command in (["check"], ["build", "--out", str(dossier / "out"), "-q"], ["refs"]):
        result = run_cli(*command, "--root", str(dossier))  # an exception would fail the test
        assert result.exit_code in (0, 1), (command, result.output)
    checked = run_cli("check", "--root", str(dossier), "--format", "json")
    import json

    for row in json.loads(checked.stdout):
        assert (dossier / row["file"]).is_file() or row["file"].startswith("<verzamel>"), row
