"""The wheel carries the house style from templates/ at the root and the user guides from docs/, byte
for byte, and an installed verzamel (not this checkout) starts and builds a dossier of its own with
it and prints its guides."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

PACKAGED = ("pyproject.toml", "README.md", "src", "templates", "docs")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built offline from a copy of the checkout (the checkout itself stays untouched)."""
    source = tmp_path_factory.mktemp("source")
    for name in PACKAGED:
        if (REPO / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
            shutil.copytree(REPO / name, source / name, ignore=ignore)
        else:
            shutil.copyfile(REPO / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
    subprocess.run([*command, "--no-index", "-w", str(out), str(source)], check=True, timeout=300)
    (built,) = out.glob("verzamel-*.whl")
    return built


def packaged(wheel, folder: str) -> dict[str, bytes]:
    """The files the wheel holds under verzamel/<folder>/, by their path below it."""
    prefix = f"verzamel/{folder}/"
    with zipfile.ZipFile(wheel) as archive:
        names = [name for name in archive.namelist() if name.startswith(prefix)]
        return {name.removeprefix(prefix): archive.read(name) for name in names}


def test_the_wheel_holds_the_templates_of_the_root_with_the_same_bytes(wheel):
    templates = packaged(wheel, "templates")
    shipped = {path.name: path.read_bytes() for path in (REPO / "templates").iterdir() if path.is_file()}
    assert sorted(templates) == ["beslisnota.docx", "beslisnota.md.j2", "kamerbrief.docx", "kamerbrief.md.j2"]
    assert templates == shipped


def test_the_wheel_holds_the_user_guides_of_docs_and_not_the_developer_notes(wheel):
    in_wheel = packaged(wheel, "docs")
    docs = REPO / "docs"
    guides = [*docs.glob("*.md"), *docs.glob("rules/*.md")]
    assert in_wheel == {p.relative_to(docs).as_posix(): p.read_bytes() for p in guides}
    assert {"formats.md", "rules/README.md", "rules/woo.md"} <= set(in_wheel)
    assert (docs / "dev" / "architecture.md").is_file()
    assert not [name for name in in_wheel if name.startswith("dev/")]


def test_the_wheel_holds_every_module_of_the_source(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    source = REPO / "src"
    modules = {str(p.relative_to(source)) for p in source.rglob("*.py") if "__pycache__" not in p.parts}
    assert modules - names == set()


def test_the_wheel_holds_no_dossier_of_this_repository(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert not [n for n in names if n.startswith(("letters/", "sections/", "footnotes/", "verzamel.yaml"))]
    assert "verzamel/starter/verzamel.yaml" in names
    assert "verzamel/woo/gronden.yaml" in names
    assert {"verzamel/skeletons/letter.yaml", "verzamel/skeletons/section.md"} <= set(names)


def test_an_installed_verzamel_starts_and_builds_a_dossier_elsewhere(wheel, tmp_path):
    site = tmp_path / "site"
    install = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target"]
    subprocess.run([*install, str(site), str(wheel)], check=True, timeout=300)
    # The installed copy comes first on the path; the dependencies come from this environment.
    env = {**os.environ, "PYTHONPATH": str(site)}

    def verzamel(*args: str, cwd: Path) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "verzamel", *args]
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)

    where = subprocess.run(
        [sys.executable, "-c", "import verzamel; print(verzamel.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(site))

    started = verzamel("init", "ander-dossier", cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    dossier = tmp_path / "ander-dossier"
    assert not (dossier / "templates").exists()
    listing = verzamel("templates", cwd=dossier)
    assert listing.stdout.count("verzamel's default") == 4, listing.stdout
    # The installed package finds its data: the Woo grounds a withheld passage needs.
    fragment = dossier / "sections" / "inleiding.md"
    fragment.write_text(fragment.read_text(encoding="utf-8") + "[x]{woo=5.1.2z}\n", encoding="utf-8")
    assert "WOO002" in verzamel("check", cwd=dossier).stdout
    # ... and the guides its comments point at (`verzamel help opmaak`).
    guide = verzamel("help", "opmaak", cwd=dossier)
    assert (guide.returncode, guide.stdout) == (0, (REPO / "docs" / "formats.md").read_text(encoding="utf-8"))
    fragment.write_text(
        fragment.read_text(encoding="utf-8").replace("[x]{woo=5.1.2z}\n", ""), encoding="utf-8"
    )
    built = verzamel("build", cwd=dossier)
    assert built.returncode == 0, built.stderr
    (letter,) = (p for p in (dossier / "build").iterdir() if p.name != ".verzamel-cache")
    assert sorted(p.name for p in letter.iterdir()) == [
        "beslisnota-openbaar.docx",
        "beslisnota.docx",
        "kamerbrief.docx",
        "publicatie.xml",
    ]
