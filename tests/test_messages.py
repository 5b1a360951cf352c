"""What a user reads comes from one catalogue, in Dutch by default and in English (issue 14, item 11).

The catalogues must agree (same keys, same placeholders), the code must name only keys that exist
and leave no wording of its own in what it reports or prints, and the language must follow
VERZAMEL_TAAL, `taal:` in verzamel.yaml and the locale, without mixing the two.
"""

from __future__ import annotations

import ast
import json
import marshal
import re
import shutil
import string
import sys
from pathlib import Path

import pytest

from conftest import REPO, copy_dossier, run_cli
from verzamel import messages

SRC = REPO / "src" / "verzamel"
LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _fields(text: str) -> list[tuple[str, str | None, str | None]]:
    return sorted(
        (name, conversion, spec)
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    )


def test_both_catalogues_have_the_same_keys_and_placeholders():
    nl, en = messages.catalogue("nl"), messages.catalogue("en")
    assert set(nl) == set(en)
    for key, english in en.items():
        dutch = nl[key]
        if isinstance(english, list):
            assert isinstance(dutch, list) and len(dutch) == len(english), key
            pairs = list(zip(english, dutch, strict=True))
        else:
            pairs = [(english, dutch)]
        for a, b in pairs:
            if key.startswith("click.") and "%(" in a:
                assert re.findall(r"%\(\w+\)s", a) == re.findall(r"%\(\w+\)s", b), key
            assert _fields(a) == _fields(b), key


def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            yield (
                node,
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else "",
            )


def _code():
    for path in sorted(SRC.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _keys_in_code():
    """(static keys, prefixes of keys built at run time) named in t()/tn() calls and subscripts."""
    static, prefixes = set(), set()
    for _, tree in _code():
        for node, name in _calls(tree):
            if name in ("t", "tn") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    static.add(first.value)
                elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                    prefixes.add(first.values[0].value)
                elif isinstance(first, ast.BinOp) and isinstance(first.left, ast.Constant):
                    prefixes.add(first.left.value)
        for node in ast.walk(tree):
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
                static.add(node.slice.value)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("join", "count", "option"):
                static.update(
                    f"list.{a.value}" if a.value.startswith(("or", "and")) else a.value
                    for a in node.args[1:]
                    if isinstance(a, ast.Constant) and isinstance(a.value, str)
                )
    return static, prefixes


def test_the_code_names_only_keys_the_catalogue_has_and_every_key_is_used():
    catalogue = messages.catalogue("en")
    static, prefixes = _keys_in_code()
    named = {key for key in static if isinstance(key, str) and "." in key and key.split(".")[0] in
             {k.split(".")[0] for k in catalogue}}  # fmt: skip
    assert named - set(catalogue) == set()
    for prefix in prefixes:
        assert any(key.startswith(prefix) for key in catalogue), prefix
    dynamic = (*prefixes, "click.", "option.", "metavar.", "list.", "count.")
    unused = [key for key in catalogue if key not in static and not key.startswith(dynamic)]
    assert unused == []


WORDS = re.compile(r"[A-Za-z]{3,}")


def _has_words(node) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(v) for v in node.values if isinstance(v, ast.Constant))
    return False


def test_no_wording_is_left_in_what_the_code_reports_or_prints():
    """Messages, hints, printed lines and usage errors come from the catalogue, not from the code."""
    found = []
    for path, tree in _code():
        for node, name in _calls(tree):
            candidates = []
            if name == "report":
                candidates = node.args[2:4] + [k.value for k in node.keywords if k.arg in ("hint", "detail")]
            elif name in ("echo", "secho", "style", "UsageError", "ClickException", "TemplateLimit"):
                candidates = node.args[:1]
            elif name == "Refusal":
                candidates = node.args[1:2]
            found += [f"{path.relative_to(SRC)}:{c.lineno}" for c in candidates if _has_words(c)]
    assert found == []


@pytest.fixture
def no_locale(monkeypatch):
    for name in (messages.ENV, *LOCALE):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    ("env", "setting", "expected"),
    [
        ({}, None, "nl"),
        ({"LANG": "C.UTF-8"}, None, "nl"),
        ({"LANG": "en_US.UTF-8"}, None, "en"),
        ({"LC_ALL": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, None, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "nl", "nl"),
        ({"LANG": "nl_NL.UTF-8"}, "en", "en"),
        ({"VERZAMEL_TAAL": "nl", "LANG": "en_US.UTF-8"}, "en", "nl"),
        ({"VERZAMEL_TAAL": "en"}, None, "en"),
        ({"VERZAMEL_TAAL": "fr"}, None, "nl"),
    ],
)
def test_the_language_follows_verzamel_taal_then_the_dossier_then_the_locale(
    no_locale, env, setting, expected
):
    for name, value in env.items():
        no_locale.setenv(name, value)
    assert messages.choose(Path("/nonexistent"), setting) == expected


def _tab_in_manifest(dossier: Path) -> None:
    manifest = dossier / "letters/2025-11-28-verzamelbrief-oekraine.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("\n    - inleiding", "\n\t- inleiding"), encoding="utf-8"
    )


def test_check_says_in_dutch_what_to_do_about_a_tab(tmp_path, no_locale):
    dossier = copy_dossier(tmp_path / "d")
    _tab_in_manifest(dossier)
    result = run_cli("check", "--root", str(dossier))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        "letters/2025-11-28-verzamelbrief-oekraine.yaml:15:1: fout YAML001 "
        "deze regel springt in met een tab; YAML springt alleen in met spaties",
        "    tip: vervang de tab door spaties, evenveel als de regels eromheen gebruiken",
    ]
    assert result.stdout.splitlines()[-1] == "Gevonden: 1 fout."


def test_taal_en_in_verzamel_yaml_switches_to_english(tmp_path, no_locale):
    dossier = copy_dossier(tmp_path / "d")
    config = dossier / "verzamel.yaml"
    config.write_text("taal: en\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    _tab_in_manifest(dossier)
    result = run_cli("check", "--root", str(dossier))
    assert "error YAML001 a tab is used to indent this line" in result.stdout
    assert result.stdout.splitlines()[-1] == "Found 1 error."


def test_an_unknown_language_is_reported(tmp_path, no_locale):
    dossier = copy_dossier(tmp_path / "d")
    config = dossier / "verzamel.yaml"
    config.write_text("taal: fr\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("check", "--root", str(dossier), "--format", "json")
    found = [(d["rule"], d["line"]) for d in json.loads(result.stdout) if d["rule"] != "LOCK005"]  # no lock
    assert found == [("CFG001", 1)]


COMMANDS = [[], ["build"], ["check"], ["letters"], ["show"], ["rules"], ["templates"], ["init"], ["refs"],
            ["refs", "scan"], ["help"]]  # fmt: skip
ENGLISH = re.compile(
    r"\b(Usage|Options|Commands|Examples|Show this message|the|and|with|which|from|DIRECTORY|FILE)\b"
)


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) or "verzamel" for c in COMMANDS])
def test_help_is_dutch_by_default_and_english_on_request(no_locale, command):
    dutch = run_cli(*command, "--help")
    assert dutch.exit_code == 0
    assert dutch.stdout.startswith("Gebruik: ")
    assert ENGLISH.findall(dutch.stdout) == []
    no_locale.setenv("VERZAMEL_TAAL", "en")
    english = run_cli(*command, "--help")
    assert english.stdout.startswith("Usage: ")
    assert "Gebruik" not in english.stdout


def test_dates_and_weekdays_are_written_in_the_language_of_the_message(tmp_path, no_locale):
    """'is on a donderdag' mixes the two languages: the weekday and month follow the message."""
    dossier = copy_dossier(tmp_path / "d")
    manifest = dossier / "letters/2025-11-28-verzamelbrief-oekraine.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("ministerraad: 2025-11-28", "ministerraad: 2025-11-27"),
        encoding="utf-8",
    )

    def mr001():
        result = run_cli("check", "--root", str(dossier), "--format", "json")
        return next(d for d in json.loads(result.stdout) if d["rule"] == "MR004")  # a sent letter

    dutch = mr001()
    assert dutch["message"].startswith("de MR van 27 november 2025 valt op een donderdag, ")
    no_locale.setenv("VERZAMEL_TAAL", "en")
    english = mr001()
    assert english["message"].startswith("the MR of 27 November 2025 is on a Thursday, ")
    assert {k: v for k, v in dutch.items() if k not in ("message", "hint")} == {
        k: v for k, v in english.items() if k not in ("message", "hint")
    }


def test_rules_are_explained_in_dutch(no_locale):
    result = run_cli("rules", "MR001")
    assert result.stdout.startswith("MR001 (waarschuwing, De ministerraad (MR))\nDe MR-datum is geen vrijdag")
    assert "Fout:" in result.stdout and "Goed:" in result.stdout


def test_the_catalogue_is_kept_compiled_and_never_stale(tmp_path, monkeypatch):
    for language in messages.LANGUAGES:
        shutil.copy(messages._FOLDER / f"{language}.toml", tmp_path)
    monkeypatch.setattr(messages, "_FOLDER", tmp_path)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    messages.catalogue.cache_clear()
    try:
        parsed = messages.catalogue("en")
        (compiled,) = (tmp_path / "__pycache__").glob("en.*.catalogue")
        stamp, kept = marshal.loads(compiled.read_bytes())
        assert kept == parsed
        # read from the compiled copy while the TOML file is as it was
        compiled.write_bytes(marshal.dumps((stamp, {**kept, "cli.bug": "from the copy"})))
        messages.catalogue.cache_clear()
        assert messages.catalogue("en")["cli.bug"] == "from the copy"
        # an edited catalogue is read again, and compiled again
        toml = tmp_path / "en.toml"
        toml.write_text(toml.read_text(encoding="utf-8") + '\n[extra]\nword = "new"\n', encoding="utf-8")
        messages.catalogue.cache_clear()
        edited = messages.catalogue("en")
        assert edited["extra.word"] == "new" and edited["cli.bug"] == parsed["cli.bug"]
        assert marshal.loads(compiled.read_bytes())[1] == edited
        # a damaged copy is not trusted
        compiled.write_bytes(b"not marshal")
        messages.catalogue.cache_clear()
        assert messages.catalogue("en") == edited
    finally:
        messages.catalogue.cache_clear()
