"""The dossier: where it lives on disk and its settings (`verzamel.yaml`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic
from .sources.yamlfile import PositionedYaml, parse_yaml

CONFIG_NAME = "verzamel.yaml"


def _shipped_templates() -> Path:
    """The house style verzamel ships: `templates/` at the root of its repository.

    A wheel carries it as verzamel/templates/ (pyproject.toml maps it there); an editable
    install or a source checkout reads it where it lives, two folders above this file.
    """
    installed = Path(__file__).parent / "templates"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "templates"


PACKAGE_TEMPLATES = _shipped_templates()
TEMPLATE_SUFFIXES = (".j2", ".docx")
"""What counts as a template file (pyproject.toml packages the same)."""


def shipped_template_files() -> list[Path]:
    return sorted(p for p in PACKAGE_TEMPLATES.iterdir() if p.is_file() and p.suffix in TEMPLATE_SUFFIXES)


class ProjectNotFound(Exception):
    """No `verzamel.yaml` in the folder or any folder above it."""


@dataclass
class Project:
    root: Path
    config: PositionedYaml
    diagnostics: list[Diagnostic] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    """The text of verzamel.yaml, by path (values in it keep their place, like every source's)."""

    @property
    def settings(self) -> dict[str, Any]:
        return self.config.data if isinstance(self.config.data, dict) else {}

    @property
    def house_style(self) -> dict[str, Any]:
        """`house_style:` as written (checks.config reports values it cannot use)."""
        value = self.settings.get("house_style")
        return value if isinstance(value, dict) else {}

    @property
    def output_dir(self) -> Path:
        return self.root / self.settings.get("output", "build")

    def relative(self, path: Path) -> str:
        """A path as diagnostics show it: relative to the dossier root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def template_dirs(self) -> list[Path]:
        """Where templates are looked up: the dossier's own `templates/` first, then the defaults."""
        own = self.root / "templates"
        folders = [own, PACKAGE_TEMPLATES] if own.is_dir() else [PACKAGE_TEMPLATES]
        # In verzamel's own repository the dossier's templates/ *is* the shipped house style.
        return list(dict.fromkeys(folder.resolve() for folder in folders))

    def find_template(self, name: str) -> Path:
        for folder in self.template_dirs():
            if (folder / name).is_file():
                return folder / name
        raise FileNotFoundError(name)


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds `verzamel.yaml`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ProjectNotFound(
        f"no {CONFIG_NAME} found in {start} or any folder above it.\n"
        "Run verzamel inside a dossier folder, name one with --root DIR, "
        "or start a new one with: verzamel init DIR"
    )


def open_project(root: Path | None = None) -> Project:
    root = find_root(root or Path.cwd())
    text = (root / CONFIG_NAME).read_text(encoding="utf-8")
    config, diagnostics = parse_yaml(text, CONFIG_NAME)
    if config is None:
        config = PositionedYaml({}, {})
    return Project(root.resolve(), config, diagnostics, {CONFIG_NAME: text})
