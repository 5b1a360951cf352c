"""Shared fixtures: the dossier at the repository root, built once per session, and copies to break."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from verzamel import messages
from verzamel.cli import main

# The tests read verzamel's messages in English (the language of the code and docs); the Dutch
# default and the switch are tested in tests/test_messages.py, which sets VERZAMEL_TAAL itself.
os.environ["VERZAMEL_TAAL"] = "en"


@pytest.fixture(autouse=True)
def _language_chosen_per_test():
    yield
    messages.set_language(None)


REPO = Path(__file__).resolve().parents[1]
# The repository root is the working dossier (the Verzamelbrief opvang ontheemden uit Oekraïne).
# A copy takes the sources only: without templates/ it uses verzamel's shipped house style, which
# is the same folder (tests/test_packaging.py), so a test can add templates of its own.
DOSSIER_PARTS = ("verzamel.yaml", "letters", "sections", "footnotes")
# The beslisnota this project was created from (text extracted from its PDF).
SEED = Path(__file__).parent / "data" / "seed-beslisnota-2025-11-28.txt"
VERZAMELBRIEF = "2025-11-28-verzamelbrief-oekraine"
TERUGKEERBRIEF = "2025-12-12-terugkeer-oekraine"
OUTPUT_NAMES = ("kamerbrief.docx", "beslisnota.docx", "beslisnota-openbaar.docx")


def run_cli(*args: str):
    """Run `verzamel ARGS` in-process; stdout and stderr kept apart."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def require_tool(name: str) -> str:
    """The path of an external program; in CI a missing one fails the test instead of skipping."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is required in CI (installed by .ci/run)")
        pytest.skip(f"{name} is not installed")
    return path


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The example dossier built once: OUT/<letter-id>/<output>.docx."""
    out = tmp_path_factory.mktemp("built")
    result = run_cli("build", "--root", str(REPO), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def dossier(tmp_path) -> Path:
    """A private copy of the dossier that a test may break (the repository is never changed)."""
    return copy_dossier(tmp_path / "dossier")


def copy_dossier(target: Path) -> Path:
    """The dossier's own files (not the code, tests or docs around it) copied to `target`."""
    target.mkdir(parents=True)
    for part in DOSSIER_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copyfile(source, target / part)
    return target


@pytest.fixture(scope="session")
def pdf_text(built, tmp_path_factory):
    """Text per page of every built document, as LibreOffice lays it out (converted once)."""
    soffice = require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    pdf_dir = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    pages: dict[tuple[str, str], list[str]] = {}
    for letter in (VERZAMELBRIEF, TERUGKEERBRIEF):
        target = pdf_dir / letter
        target.mkdir()
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(target),
                *[str(built / letter / name) for name in OUTPUT_NAMES],
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
        for name in OUTPUT_NAMES:
            pdf = target / name.replace(".docx", ".pdf")
            text = subprocess.run(
                [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
            ).stdout
            pages[(letter, name)] = text.split("\f")
    return pages
