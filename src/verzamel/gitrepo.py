"""Running git: read-only questions about the repository a dossier lives in, and its object store.

verzamel never changes a branch, the index or the working tree; the only thing it writes is an
object (`git hash-object -w`), so that what a sent letter was built from can be read back.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class NoGit(Exception):
    """git is not installed."""


def git(cwd: Path, *args: str, binary: bool = False, stdin: bytes | None = None):
    """git's output (text, or bytes when `binary`), or None when git fails (not a repository,
    an unknown name). Raises NoGit when there is no git at all."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=False)
    except FileNotFoundError:
        raise NoGit() from None
    if done.returncode != 0:
        return None
    return done.stdout if binary else done.stdout.decode("utf-8", "replace").strip()


def toplevel(root: Path) -> tuple[Path, str] | None:
    """The repository's top folder and the dossier's folder inside it (`''` or `sub/dir/`), or None
    when the dossier is not in a git repository. Raises NoGit when there is no git."""
    top = git(root, "rev-parse", "--show-toplevel")
    if not top:
        return None
    return Path(top), git(root, "rev-parse", "--show-prefix") or ""
