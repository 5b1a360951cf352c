"""`verzamel build` on broken sources: clear errors at source positions, nothing half-written."""

from __future__ import annotations

import hashlib
import os

import pytest

from conftest import TERUGKEERBRIEF, VERZAMELBRIEF, copy_dossier, run_cli
from verzamel.cache.store import FOLDER

MANIFEST = f"letters/{VERZAMELBRIEF}.yaml"


def build(dossier, *args):
    return run_cli("build", "--root", str(dossier), "--out", str(dossier / "out"), *args)


def line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().split("\n"), 1) if text in line)


def tree_hash(folder) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "out" not in p.parts):
        digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


def test_unknown_letter_is_a_usage_error_that_lists_the_letters(dossier):
    result = build(dossier, "2025-11-29-verzamelbrief")
    assert result.exit_code == 2
    assert "no letter called 2025-11-29-verzamelbrief" in result.stderr
    assert VERZAMELBRIEF in result.stderr and TERUGKEERBRIEF in result.stderr


def test_outside_a_dossier_is_a_usage_error(tmp_path):
    result = run_cli("build", "--root", str(tmp_path))
    assert result.exit_code == 2
    assert "no verzamel.yaml found" in result.stderr


def test_finds_the_dossier_from_a_subfolder(dossier, monkeypatch):
    monkeypatch.chdir(dossier / "sections")
    result = run_cli("build", TERUGKEERBRIEF, "--out", str(dossier / "out"))
    assert result.exit_code == 0, result.output
    assert (dossier / "out" / TERUGKEERBRIEF / "kamerbrief.docx").is_file()


def test_root_may_stand_before_the_command(dossier):
    result = run_cli("--root", str(dossier), "build", TERUGKEERBRIEF, "--out", str(dossier / "out"))
    assert result.exit_code == 0, result.output


def test_undefined_footnote_fails_only_the_letter_that_uses_it(dossier):
    fragment = dossier / "sections" / "eu-exit-strategie.md"  # used by the Verzamelbrief only
    fragment.write_text(fragment.read_text() + "Een nieuwe zin.[^rtb]\n")
    line = line_of(fragment, "Een nieuwe zin.[^rtb]")
    stale = dossier / "out" / VERZAMELBRIEF / "kamerbrief.docx"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"the previous build")

    result = build(dossier)

    assert result.exit_code == 1
    assert (
        f"sections/eu-exit-strategie.md:{line}:16: error FN001 footnote [^rtb] is not defined"
        in result.stderr
    )
    assert f"not written: {VERZAMELBRIEF}" in result.stderr
    assert stale.read_bytes() == b"the previous build"
    assert not (dossier / "out" / VERZAMELBRIEF / "beslisnota.docx").exists()
    assert (dossier / "out" / TERUGKEERBRIEF / "kamerbrief.docx").is_file()


def test_close_footnote_id_is_suggested(dossier):
    fragment = dossier / "sections" / "eu-exit-strategie.md"
    fragment.write_text(fragment.read_text() + "Zin.[^kst-19637-3415]\n")
    result = build(dossier, VERZAMELBRIEF)
    assert "hint: did you mean [^kst-19637-3451]?" in result.stderr


def test_unknown_fragment_points_at_the_manifest_line_with_a_suggestion(dossier):
    manifest = dossier / MANIFEST
    manifest.write_text(manifest.read_text().replace("    - terugkeer\n", "    - terugkeren\n"))
    line = line_of(manifest, "- terugkeren")
    result = build(dossier, VERZAMELBRIEF)
    assert result.exit_code == 1
    assert f"{MANIFEST}:{line}:7: error FRAG001 fragment 'terugkeren' does not exist" in result.stderr
    assert "hint: did you mean 'terugkeer'?" in result.stderr


def test_non_public_fragment_cannot_go_into_the_kamerbrief(dossier):
    manifest = dossier / MANIFEST
    manifest.write_text(
        manifest.read_text().replace(
            "    - appreciatie-clingendael\n",
            "    - appreciatie-clingendael\n    - niet-openbaar-eu-inzet\n",
            1,
        )
    )
    line = line_of(manifest, "- niet-openbaar-eu-inzet")
    result = build(dossier, VERZAMELBRIEF)
    assert result.exit_code == 1
    assert (
        f"{MANIFEST}:{line}:7: error CONF001 fragment 'niet-openbaar-eu-inzet' is not public" in result.stderr
    )
    assert not (dossier / "out" / VERZAMELBRIEF).exists()


def test_yaml_syntax_error_names_the_line(dossier):
    manifest = dossier / MANIFEST
    manifest.write_text(manifest.read_text().replace("status: verzonden", "status: [verzonden"))
    result = build(dossier, VERZAMELBRIEF)
    assert result.exit_code == 1
    assert f"{MANIFEST}:" in result.stderr and "error YAML001" in result.stderr


@pytest.mark.parametrize("field", ["betreft", "datum", "kenmerk"])
def test_missing_required_field(dossier, field):
    manifest = dossier / MANIFEST
    lines = manifest.read_text().split("\n")
    text = "\n".join(line for line in lines if not line.startswith(f"{field}:"))
    manifest.write_text(text)
    result = build(dossier, VERZAMELBRIEF)
    assert result.exit_code == 1
    assert f"{MANIFEST}:1:1: error MAN001 the manifest has no '{field}:'" in result.stderr


def test_date_that_is_not_a_date(dossier):
    manifest = dossier / MANIFEST
    manifest.write_text(manifest.read_text().replace("datum: 2025-11-28", "datum: eind november"))
    result = build(dossier, VERZAMELBRIEF)
    assert (
        f"{MANIFEST}:{line_of(manifest, 'datum:')}:8: error MAN002 'datum:' must be a date, not text"
        in result.stderr
    )


def test_footnote_defined_twice_in_the_registry_names_both_places(dossier):
    extra = dossier / "footnotes" / "extra.yaml"
    extra.write_text("# more\nkst-19637-3451: Kamerstukken II 2024/25, 19637, nr. 3451\n")
    result = build(dossier, VERZAMELBRIEF)
    assert result.exit_code == 1
    line = line_of(dossier / "footnotes" / "kamerstukken.yaml", "kst-19637-3451:")
    assert (
        f"footnotes/kamerstukken.yaml:{line}:1: error FN003 footnote [^kst-19637-3451] is defined twice "
        "(also at footnotes/extra.yaml:2:1)"
    ) in result.stderr


def test_error_in_a_dossier_template_points_into_the_template(dossier):
    templates = dossier / "templates"
    templates.mkdir()
    (templates / "kamerbrief.md.j2").write_text(
        "Datum {{ letter.datum | long_date }}\n\n{{ letter.afzender }}\n"
    )
    result = build(dossier, TERUGKEERBRIEF)
    assert result.exit_code == 1
    assert "templates/kamerbrief.md.j2:3:1: error TPL002" in result.stderr


def test_a_dossier_template_overrides_the_default(dossier):
    templates = dossier / "templates"
    templates.mkdir()
    (templates / "kamerbrief.md.j2").write_text("Hoogachtend,\n\n{{ letter.betreft }}\n")
    result = build(dossier, TERUGKEERBRIEF)
    assert result.exit_code == 0, result.output
    from docx_reading import paragraphs

    texts = [t for _, t in paragraphs(dossier / "out" / TERUGKEERBRIEF / "kamerbrief.docx")]
    assert texts == ["Hoogachtend,", "Terugkeer van ontheemden uit Oekraïne"]


def test_build_never_changes_the_sources(dossier):
    before = tree_hash(dossier)
    assert build(dossier).exit_code == 0
    fragment = dossier / "sections" / "terugkeer.md"
    fragment.write_text(fragment.read_text() + "Zin.[^bestaat-niet]\n")
    before_failed = tree_hash(dossier)
    assert build(dossier).exit_code == 1
    assert tree_hash(dossier) == before_failed != before


def test_no_temporary_files_are_left_behind(dossier):
    assert build(dossier).exit_code == 0
    out = dossier / "out"
    leftovers = [p for p in out.rglob("*") if p.name.startswith(".") and p.parent.name != FOLDER]
    assert leftovers == [out / FOLDER]  # the build's cache, and no temporary file anywhere
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_letters_lists_id_date_mr_and_subject(dossier):
    result = run_cli("letters", "--root", str(dossier))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{VERZAMELBRIEF}  28 November 2025  MR 28 November 2025  "
        "Verzamelbrief opvang ontheemden uit Oekraïne",
        f"{TERUGKEERBRIEF}  12 December 2025  no MR  Terugkeer van ontheemden uit Oekraïne",
    ]


def test_help_teaches_the_outputs():
    result = run_cli("build", "--help")
    assert "beslisnota-openbaar.docx" in result.stdout
    assert "FILE:LINE:COLUMN" in result.stdout


def test_quiet_build_prints_nothing_on_success(tmp_path):
    result = build(copy_dossier(tmp_path / "dossier", frozen=True), "--quiet")
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_outputs_are_readable_by_others(dossier):
    assert build(dossier, TERUGKEERBRIEF).exit_code == 0
    mode = (dossier / "out" / TERUGKEERBRIEF / "kamerbrief.docx").stat().st_mode & 0o777
    assert mode == 0o644


def test_show_prints_a_document_as_text_with_its_footnotes():
    from conftest import REPO

    public = run_cli("show", VERZAMELBRIEF, "--document", "beslisnota-openbaar", "--root", str(REPO))
    internal = run_cli("show", VERZAMELBRIEF, "--document", "beslisnota", "--root", str(REPO))
    assert public.exit_code == internal.exit_code == 0
    assert "5.1. Toelichting" in public.stdout
    assert "[5] Het terugkeerbeleid omvat" in public.stdout
    assert "aandringen op één gezamenlijke einddatum" not in public.stdout
    assert (
        "[5.1.2i]" in public.stdout and "Contactpersoon\t[5.1.2e], Directie Migratiebeleid" in public.stdout
    )
    assert "aandringen op één gezamenlijke einddatum" in internal.stdout
    assert "[woo 5.1.2e: J. de Vries]" in internal.stdout
    assert "[6] Deze onderhandelingsruimte" in internal.stdout and "[6]" not in public.stdout


def test_show_reports_errors_instead_of_text(dossier):
    fragment = dossier / "sections" / "inleiding-terugkeer.md"
    fragment.write_text(fragment.read_text() + "Zin.[^onbekend]\n")
    result = run_cli("show", TERUGKEERBRIEF, "--root", str(dossier))
    assert result.exit_code == 1
    assert "sections/inleiding-terugkeer.md:" in result.stderr and "FN001" in result.stderr
    assert result.stdout == ""


def test_templates_can_be_copied_into_the_dossier_and_are_never_overwritten(dossier):
    listing = run_cli("templates", "--root", str(dossier))
    assert "kamerbrief.docx        verzamel's default" in listing.stdout.splitlines()
    own = dossier / "templates" / "kamerbrief.md.j2"
    own.parent.mkdir()
    own.write_text("Eigen sjabloon\n")
    copied = run_cli("templates", "--copy", "--root", str(dossier))
    assert copied.exit_code == 0
    assert own.read_text() == "Eigen sjabloon\n"
    assert sorted(p.name for p in own.parent.iterdir()) == [
        "beslisnota.docx",
        "beslisnota.md.j2",
        "kamerbrief.docx",
        "kamerbrief.md.j2",
    ]
    assert "kamerbrief.md.j2       templates/kamerbrief.md.j2 (the dossier's own)" in copied.stdout
