"""`verzamel agenda`: the letters for a ministerraad, in every format, and a letter's status."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import REPO, VERZAMELBRIEF, require_tool, run_cli
from verzamel.review.textconv import docx_text

MR = "2025-11-28"
MANIFEST = f"letters/{VERZAMELBRIEF}.yaml"


def agenda(root, *args):
    return run_cli("agenda", "--root", str(root), *args)


def undecided(manifest_text: str) -> str:
    """The example's sent letter as it was before the MR decided: ter-besluitvorming."""
    lines = manifest_text.replace("status: verzonden ", "status: ter-besluitvorming ").split("\n")
    return "\n".join(x for x in lines if not x.startswith(("akkoord_op:", "verzonden_op:", "kamerstuk:")))


def decision_in_built_beslisnota(built) -> list[str]:
    """The lines under "2. Geadviseerd besluit" of the beslisnota as built and read back."""
    lines = docx_text(built / VERZAMELBRIEF / "beslisnota.docx").splitlines()
    start = lines.index("2. Geadviseerd besluit")
    end = next(n for n in range(start + 1, len(lines)) if lines[n].startswith("3. "))
    return lines[start + 1 : end]


def test_the_agenda_of_an_mr_has_the_letter_with_its_status_and_decision_lines(built):
    result = agenda(REPO, "--mr", MR)
    assert result.exit_code == 0
    assert VERZAMELBRIEF in result.stdout and "[verzonden]" in result.stdout
    for line in decision_in_built_beslisnota(built):
        assert line in result.stdout
    [item] = json.loads(agenda(REPO, "--mr", MR, "--format", "json").stdout)
    assert item["letter"] == VERZAMELBRIEF
    assert item["betreft"] == "Verzamelbrief opvang ontheemden uit Oekraïne"
    assert item["status"] == "verzonden" and item["mr"] == MR
    assert item["besluit"] == decision_in_built_beslisnota(built)
    assert item["ready"] == "2025-11-21" and item["on_time"] is True
    assert item["errors"] == 0 and item["warnings"] == 0
    assert "De Minister van Asiel en Migratie" in item["minister"]


def test_without_a_date_the_agenda_is_the_first_mr_still_to_decide(dossier):
    assert json.loads(agenda(dossier, "--format", "json").stdout)[0]["mr"] == MR
    later = dossier / "letters" / "2025-12-19-volgende.yaml"
    later.write_text(
        undecided((dossier / MANIFEST).read_text(encoding="utf-8"))
        .replace("ministerraad: 2025-11-28", "ministerraad: 2025-12-19")
        .replace("datum: 2025-11-28", "datum: 2025-12-19")
        .replace("  datum: 2025-11-21", "  datum: 2025-12-12"),
        encoding="utf-8",
    )
    [item] = json.loads(agenda(dossier, "--format", "json").stdout)
    assert (item["letter"], item["mr"], item["status"]) == (
        "2025-12-19-volgende",
        "2025-12-19",
        "ter-besluitvorming",
    )
    both = json.loads(
        agenda(dossier, "--from", "2025-11-01", "--to", "2025-12-31", "--format", "json").stdout
    )
    assert [i["mr"] for i in both] == [MR, "2025-12-19"]
    text = agenda(dossier, "--from", "2025-11-01", "--to", "2025-12-31").stdout
    assert text.index("28 November 2025") < text.index("19 December 2025")


def test_late_papers_and_problems_show_on_the_agenda(dossier):
    manifest = dossier / MANIFEST
    text = undecided(manifest.read_text(encoding="utf-8")).replace(
        "  datum: 2025-11-21", "  datum: 2025-11-25"
    )
    manifest.write_text(text, encoding="utf-8")
    [item] = json.loads(agenda(dossier, "--mr", MR, "--format", "json").stdout)
    assert item["status"] == "ter-besluitvorming"
    assert item["on_time"] is False and item["warnings"] == 0
    assert "late: due 21 November 2025" in agenda(dossier, "--mr", MR).stdout


def test_an_mr_with_nothing_on_it_is_an_empty_agenda():
    result = agenda(REPO, "--mr", "2025-12-05")
    assert result.exit_code == 0
    assert "No letters for this MR." in result.stdout
    assert json.loads(agenda(REPO, "--mr", "2025-12-05", "--format", "json").stdout) == []


def test_a_date_that_is_not_a_friday_is_a_warning_not_a_failure():
    result = agenda(REPO, "--mr", "2025-11-27")
    assert result.exit_code == 0
    assert "27 November 2025 is a Thursday" in result.stderr


def test_a_date_and_a_range_together_are_refused():
    assert agenda(REPO, "--mr", MR, "--from", "2025-11-01").exit_code == 2


@pytest.mark.parametrize("output_format", ["md", "docx"])
def test_the_overview_to_send_round(tmp_path, output_format):
    out = tmp_path / f"agenda.{output_format}"
    result = agenda(REPO, "--mr", MR, "--format", output_format, "--out", str(out))
    assert result.exit_code == 0 and out.exists()
    text = out.read_text(encoding="utf-8") if output_format == "md" else docx_text(out)
    assert (
        "Verzamelbrief opvang ontheemden uit Oekraïne" in text
        and "A. Agenderen voor MR van 28 november" in text
    )


def test_libreoffice_opens_the_agenda_docx(tmp_path):
    soffice = require_tool("soffice")
    out = tmp_path / "agenda.docx"
    agenda(REPO, "--mr", MR, "--format", "docx", "--out", str(out))
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
         "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    assert VERZAMELBRIEF in (tmp_path / "agenda.txt").read_text(encoding="utf-8-sig")


def test_a_misspelt_status_is_fixed_to_the_one_meant(dossier):
    manifest = dossier / MANIFEST
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("status: verzonden ", "status: Verzonden ")
    )
    result = run_cli("check", "--root", str(dossier), "--fix")
    assert "status: verzonden " in manifest.read_text(encoding="utf-8")
    assert result.exit_code == 0, result.output


# ---- a sent letter is citable by its kamerstuk id ----------------------------------------------

SENT_ID = "kst-19637-9999"  # the example's id of its sent letter (an example number)
SECOND = "2025-12-12-terugkeer-oekraine"


def test_the_next_letter_cites_the_sent_letter_by_id_with_its_betreft_and_date():
    shown = run_cli("show", SECOND, "--root", str(REPO)).stdout
    assert (
        "[1] Verzamelbrief opvang ontheemden uit Oekraïne d.d. 28 november 2025, "
        "Kamerstukken II, 2025-2026, 19637, nr. 9999." in shown
    )
    rows = json.loads(run_cli("refs", "--root", str(REPO), "--format", "json").stdout)
    [row] = [r for r in rows if r["id"] == SENT_ID]
    assert row["registered"] and row["used_at"] == ["sections/inleiding-terugkeer.md:7"]


def test_a_letter_not_sent_is_not_citable(dossier):
    manifest = dossier / MANIFEST
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("status: verzonden ", "status: akkoord "),
        encoding="utf-8",
    )
    found = json.loads(run_cli("check", "--root", str(dossier), "--format", "json").stdout)
    assert {"CIT003", "STATUS004"} <= {d["rule"] for d in found}


@pytest.mark.parametrize(
    "written", ["2025-12-05", "5-12-2025", "05/12/2025", "5 december 2025", "vrijdag 5 dec. 2025"]
)
def test_a_date_on_the_command_line_may_be_written_the_dutch_way_when_it_reads_one_way(written):
    result = agenda(REPO, "--mr", written, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("5-12-25", "do you mean 2025-12-05?"),  # a two-digit year is a guess: asked, not taken
        ("31-02-2026", "is not a date: write it as YYYY-MM-DD"),
        ("5-00-2025", "is not a date: write it as YYYY-MM-DD"),
        ("20251205", "is not a date: write it as YYYY-MM-DD"),  # as a manifest refuses it (MAN002)
        ("2025-W49-5", "is not a date: write it as YYYY-MM-DD"),  # an ISO week date Python reads
        ("volgende vrijdag", "is not a date: write it as YYYY-MM-DD"),
    ],
)
def test_a_date_on_the_command_line_that_is_no_certain_date_is_refused_with_a_suggestion(written, said):
    result = agenda(REPO, "--mr", written)
    assert result.exit_code == 2
    assert said in result.stderr
    assert "does not match the format" not in result.stderr
