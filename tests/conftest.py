"""Shared fixtures: the dossier at the repository root, built once per session, and copies to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from verzamel import messages
from verzamel.cli import main
from verzamel.lock.state import MOVED_NAMED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic_dossier import as_frozen  # noqa: E402

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
MOVED_ON = (
    "templates/beslisnota.docx",
    "templates/beslisnota.md.j2",
    "templates/kamerbrief.docx",
    "templates/kamerbrief.md.j2",
)
"""What the repository changed since its sent letter was frozen (the house style, for accessible
documents): `check` says so in one notice at the lock (LOCK004, an info), and the letter is made
from its lock, with the versions git keeps (a copy takes them: copy_dossier(frozen=True))."""
SENT_LOCK = "letters/2025-11-28-verzamelbrief-oekraine.lock"


def _field(diagnostic, name: str):
    return diagnostic[name] if isinstance(diagnostic, dict) else getattr(diagnostic, name, None)


def _rule_and_file(diagnostic) -> tuple[str, str]:
    if isinstance(diagnostic, dict):
        return diagnostic["rule"], diagnostic["file"]
    return diagnostic.rule, diagnostic.span.path


def besides_moved_on(diagnostics, *also: str) -> list:
    """`diagnostics` (Diagnostic values or their JSON) without the one LOCK004 at the sent letter's
    lock, which must be there and name every source of MOVED_ON (and of `also`)."""
    moved = [d for d in diagnostics if _rule_and_file(d) == ("LOCK004", SENT_LOCK)]
    assert len(moved) == 1, [_rule_and_file(d) for d in diagnostics]
    message, expected = _field(moved[0], "message"), sorted({*MOVED_ON, *also})
    named = expected if len(expected) <= MOVED_NAMED else expected[: MOVED_NAMED - 1]  # and "N others"
    assert message.startswith(f"{len(expected)} sources have changed"), message
    assert all(path in message for path in named), message
    return [d for d in diagnostics if d is not moved[0]]


def moved_on_only(diagnostics) -> bool:
    """Whether `diagnostics` (Diagnostic values or their JSON) say only what MOVED_ON says."""
    return besides_moved_on(diagnostics) == []


def reports_moved_on_only(text: str) -> bool:
    """Whether `check`'s report in text says only what MOVED_ON says, and how many it found."""
    lines = text.strip().splitlines()
    return (
        len(lines) == 2
        and lines[0].startswith(f"{SENT_LOCK}:")
        and " info LOCK004 " in lines[0]
        and all(path in lines[0] for path in MOVED_ON)
        and lines[-1] == "Found 1 info."
    )


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


def copy_dossier(target: Path, frozen: bool = False) -> Path:
    """The dossier's own files (not the code, tests or docs around it) copied to `target`.

    Without `frozen` the sent letter's lock is left out: a copy is not a git repository, so once a
    test edits a fragment the sent letter used, its locked version could not be found, and the
    letter would be made from the lock instead of from the edited sources the test is about.
    (The sent letter then has a LOCK005 warning: sent, not frozen, and it is judged by the send
    gate, so its example values are filled in: finish_sending.) tests/test_lock.py works with the
    lock, in git repositories.

    With `frozen` the copy keeps the versions its sent letter was sent with in a git object store
    of its own where the repository has moved on since (as_frozen): it is made and checked as the
    repository is."""
    target.mkdir(parents=True)
    for part in DOSSIER_PARTS + (("templates",) if frozen else ()):  # the lock names templates/
        source = REPO / part
        if source.is_dir():
            shutil.copytree(
                source, target / part, ignore=None if frozen else shutil.ignore_patterns("*.lock")
            )
        else:
            shutil.copyfile(source, target / part)
    if frozen:
        require_tool("git")
        as_frozen(target)
    else:
        finish_sending(target)
    return target


SENT_KENMERK = "4123456"
SIGNED_BY = "E. van den Berg"
KENMERK = f'kenmerk: "{SENT_KENMERK}"'
"""The sent letter's kenmerk line in a copy."""
SIGNATURE = f"name: {SIGNED_BY}"
"""The signature's name line of verzamel.yaml in a copy."""


def finish_sending(dossier: Path) -> None:
    """The example's sent letter as a real one is: its kenmerk, contact and signature filled in.
    The repository keeps the example values in its frozen letter, which is never judged again; a
    copy without the lock is judged by the send gate (checks/send.py), and so is freezing it."""
    manifest = dossier / "letters" / f"{VERZAMELBRIEF}.yaml"
    edit(manifest, 'kenmerk: "0000000"', f'kenmerk: "{SENT_KENMERK}"')
    edit(manifest, "[J. de Vries]", "[M. Bakker]")
    edit(dossier / "verzamel.yaml", 'name: "(naam minister)"', f"name: {SIGNED_BY}")


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


# ---- git repositories made from the dossier (tests/test_review.py, tests/test_lock.py) -----------

MOMENT = "2025-11-20T10:00:00+01:00"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "A. Beleidsmedewerker",
    "GIT_AUTHOR_EMAIL": "beleid@example.org",
    "GIT_COMMITTER_NAME": "A. Beleidsmedewerker",
    "GIT_COMMITTER_EMAIL": "beleid@example.org",
    "GIT_AUTHOR_DATE": MOMENT,
    "GIT_COMMITTER_DATE": MOMENT,
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "/nonexistent",
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def dossier_in_git(target: Path, message: str = "het voorbeelddossier", frozen: bool = False) -> Path:
    """A copy of the dossier (copy_dossier) as a git repository with one commit."""
    require_tool("git")
    root = copy_dossier(target, frozen=frozen)
    git(root, "init", "-q", "-b", "main")
    commit(root, message)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
