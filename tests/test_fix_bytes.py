"""`check --fix` changes the bytes it means to change and no others (tests/bad_input has the rest)."""

from __future__ import annotations

import pytest

from conftest import run_cli

FRAGMENT = "sections/terugkeer.md"
MANIFEST = "letters/2025-12-12-terugkeer-oekraine.yaml"


def fix(dossier):
    result = run_cli("check", "--root", str(dossier), "--fix")
    assert result.exit_code in (0, 1), result.output
    return result


@pytest.mark.parametrize("line_end", [b"\r\n", b"\r", b"\n"], ids=["CRLF", "CR", "LF"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no-BOM", "BOM"])
def test_line_ends_and_byte_order_mark_stay(dossier, line_end, bom):
    path = dossier / FRAGMENT
    original = path.read_bytes().replace(b"Sindsdien is", b"Sindsdien  is")
    path.write_bytes(bom + original.replace(b"\n", line_end))
    fix(dossier)
    expected = bom + original.replace(b"Sindsdien  is", b"Sindsdien is").replace(b"\n", line_end)
    assert path.read_bytes() == expected


def test_quotes_in_a_yaml_comment_are_not_touched(dossier):
    path = dossier / MANIFEST
    text = path.read_text().replace('kenmerk: "0000001"', 'kenmerk: "0000001"  # the "real" one comes later')
    text = text.replace("status: concept", "status: concept # 'concept' until the DG signs")
    path.write_text(text)
    result = fix(dossier)
    assert path.read_text() == text, result.stderr
    assert "STYLE002" not in run_cli("check", "--root", str(dossier)).stdout


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("uitgewerkt [^terugkeerbeleid-onderdelen].", "uitgewerkt.[^terugkeerbeleid-onderdelen]"),
        ("uitgewerkt[^terugkeerbeleid-onderdelen].", "uitgewerkt.[^terugkeerbeleid-onderdelen]"),
        ("uitgewerkt  [^terugkeerbeleid-onderdelen],", "uitgewerkt,[^terugkeerbeleid-onderdelen]"),
    ],
)
def test_moving_a_footnote_marker_leaves_no_space_before_the_punctuation(dossier, written, fixed):
    path = dossier / FRAGMENT
    text = path.read_text()
    path.write_text(text.replace("uitgewerkt.", written, 1))
    fix(dossier)
    assert path.read_text() == text.replace("uitgewerkt.", fixed, 1)


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("Sinds\x07dien", "Sindsdien"),
        ("\x1b[1mSindsdien\x1b[0m", "Sindsdien"),
        ("Sindsdien\x0bis", "Sindsdien is"),
    ],
    ids=["bell", "escape sequence", "vertical tab"],
)
def test_characters_word_cannot_hold_are_removed_or_spaced(dossier, written, fixed):
    path = dossier / FRAGMENT
    text = path.read_text()
    path.write_text(text.replace("Sindsdien is" if "is" in written else "Sindsdien", written, 1))
    fix(dossier)
    assert path.read_text() == text.replace("Sindsdien is" if "is" in written else "Sindsdien", fixed, 1)
    assert run_cli("check", "--root", str(dossier)).exit_code == 0


def test_a_number_where_text_belongs_is_quoted(dossier):
    path = dossier / MANIFEST
    text = path.read_text()
    path.write_text(text.replace('kenmerk: "0000001"', "kenmerk: 0000123"))
    checked = run_cli("check", "--root", str(dossier))
    assert "MAN002 'kenmerk:' must be text, but YAML reads a number (123)" in checked.stdout
    fix(dossier)
    assert path.read_text() == text.replace('kenmerk: "0000001"', 'kenmerk: "0000123"')
