"""`verzamel git-setup`: let `git diff` show .docx files as text through `verzamel textconv`."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from .revisions import RevisionError, repository

ATTRIBUTE = "*.docx diff=verzamel"
CONFIG_KEY = "diff.verzamel.textconv"


def textconv_command() -> str:
    """This Python running verzamel: works when git runs it outside the virtual environment too."""
    return shlex.join([sys.executable, "-m", "verzamel", "textconv"])


def set_up(root: Path) -> tuple[Path, bool, str]:
    """Write the .gitattributes line (if missing) and the repository's own git setting.

    Returns the .gitattributes file, whether the line was added, and the command configured."""
    top, _ = repository(root)
    attributes = top / ".gitattributes"
    existing = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    added = ATTRIBUTE not in (line.strip() for line in existing.splitlines())
    if added:
        separator = "" if not existing or existing.endswith("\n") else "\n"
        attributes.write_text(existing + separator + ATTRIBUTE + "\n", encoding="utf-8")
    command = textconv_command()
    done = subprocess.run(["git", "config", "--local", CONFIG_KEY, command], cwd=top, capture_output=True)
    if done.returncode != 0:
        raise RevisionError(done.stderr.decode("utf-8", "replace").strip())
    return attributes, added, command
