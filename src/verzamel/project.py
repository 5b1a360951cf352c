"""The dossier: where it lives on disk and its settings (`verzamel.yaml`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic
from .messages import t
from .sources.yamlfile import PositionedYaml, parse_yaml

CONFIG_NAME = "verzamel.yaml"


def shipped_folder(name: str) -> Path:
    """A folder verzamel ships from the root of its repository: `templates/` (the house style),
    `docs/` (the user guides).

    A wheel carries it as verzamel/<name>/ (pyproject.toml maps it there); an editable install
    or a source checkout reads it where it lives, two folders above this file.
    """
    installed = Path(__file__).parent / name
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / name


PACKAGE_TEMPLATES = shipped_folder("templates")
TEMPLATE_SUFFIXES = (".j2", ".docx")
"""What counts as a template file (pyproject.toml packages the same)."""


def shipped_template_files() -> list[Path]:
    return sorted(p for p in PACKAGE_TEMPLATES.iterdir() if p.is_file() and p.suffix in TEMPLATE_SUFFIXES)


SOURCE_FOLDERS = ("letters", "sections", "footnotes", "templates")


def usable_output(output) -> bool:
    """Whether `output:` names a folder verzamel may write the documents to: one inside the dossier
    (not the dossier itself, nor a folder above it or elsewhere, nor a folder of sources)."""
    if not isinstance(output, str) or "\0" in output or output.startswith(("/", "\\", "~")):
        return False
    folders: list[str] = []
    for part in output.replace("\\", "/").split("/"):
        if part == "..":
            if not folders:
                return False
            folders.pop()
        elif part.strip() not in ("", "."):
            folders.append(part)
    return bool(folders) and folders[0] not in SOURCE_FOLDERS and ":" not in folders[0]


class ProjectNotFound(Exception):
    """No `verzamel.yaml` in the folder or any folder above it."""


@dataclass
class Project:
    root: Path
    config: PositionedYaml
    diagnostics: list[Diagnostic] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    """The text of verzamel.yaml, by path (values in it keep their place, like every source's)."""
    files: dict[str, Any] = field(default_factory=dict)
    """verzamel.yaml as read (sources.reading.SourceText), for fixes."""
    repository: Path | None = None
    """Where git runs for this dossier: its root, or for a dossier read as it was at a revision
    (a copy in a temporary folder) the working copy it was read from."""

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
        """`output:` in verzamel.yaml, or build/ (checks.config reports an `output:` it cannot use)."""
        output = self.settings.get("output")
        return self.root / (output if usable_output(output) else "build")

    def relative(self, path: Path) -> str:
        """A path as diagnostics show it: relative to the dossier root, with forward slashes.

        A link is named as itself, not as the file it points to."""
        absolute, root = os.path.abspath(path), str(self.root)
        if absolute.startswith(root + os.sep):  # the common case, without pathlib's cost
            return absolute[len(root) + 1 :].replace(os.sep, "/")
        try:
            return Path(absolute).relative_to(self.root).as_posix()
        except ValueError:
            try:
                return path.resolve().relative_to(self.root).as_posix()
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
        if os.path.isfile(folder / CONFIG_NAME):  # False for a name the system refuses, too long
            return folder
    raise ProjectNotFound(t("project.not_found", config=CONFIG_NAME, folder=start))


def open_project(root: Path | None = None) -> Project:
    """The dossier around `root`; a verzamel.yaml that cannot be read gives diagnostics, not an error."""
    from .sources.reading import SourceText, read_source, refuse_path

    root = find_root(root or Path.cwd()).resolve()
    path = root / CONFIG_NAME
    read = refuse_path(path, root, CONFIG_NAME) or read_source(path, CONFIG_NAME)
    if not isinstance(read, SourceText):
        return Project(root, PositionedYaml({}, {}), [read], {}, {})
    config, diagnostics = parse_yaml(read.text, CONFIG_NAME)
    if config is None:
        config = PositionedYaml({}, {})
    return Project(
        root, config, read.diagnostics + diagnostics, {CONFIG_NAME: read.text}, {CONFIG_NAME: read}
    )
