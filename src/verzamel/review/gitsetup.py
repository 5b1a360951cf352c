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
    # The file's own bytes are kept as they are, whatever their encoding.
    existing = attributes.read_bytes().decode("utf-8", "surrogateescape") if attributes.is_file() else ""
    added = ATTRIBUTE not in (line.strip() for line in existing.splitlines())
    if added:
        from ..write import write_atomic

        separator = "" if not existing or existing.endswith("\n") else "\n"
        write_atomic(attributes, (existing + separator + ATTRIBUTE + "\n").encode("utf-8", "surrogateescape"))
    command = textconv_command()
    done = subprocess.run(["git", "config", "--local", CONFIG_KEY, command], cwd=top, capture_output=True)
    if done.returncode != 0:
        raise RevisionError(done.stderr.decode("utf-8", "replace").strip())
    return attributes, added, command
