"""The dossier as it was at a git revision, read without touching the working tree or the index.

`git archive` writes the revision's files into a temporary folder that is always removed; git's
own state (branch, index, working tree) is only read. The working tree itself is the revision
`None`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..gitrepo import NoGit, git, toplevel
from ..messages import t
from ..project import Project, open_project
from ..sources.reading import replace_unsafe


class RevisionError(Exception):
    """A revision that cannot be read: not a git repository, an unknown name, no dossier there."""


@dataclass(frozen=True)
class Revision:
    label: str
    """As the user named it (`HEAD~1`, `main`), or the words for the working tree."""
    root: Path
    """The dossier's folder at this revision."""
    author: str | None = None
    """Commit author and commit date; None for the working tree."""
    when: datetime | None = None
    working_copy: Path | None = None
    """The dossier in the working tree this revision was read from (git runs there)."""

    def project(self) -> Project:
        """The dossier as it is at this revision."""
        project = open_project(self.root)
        project.repository = self.working_copy
        return project


def _git(cwd: Path, *args: str, binary: bool = False):
    try:
        return git(cwd, *args, binary=binary)
    except NoGit:
        raise RevisionError(t("diff.no_git")) from None


def repository(root: Path) -> tuple[Path, str]:
    """The repository's top folder, and the dossier's folder inside it (`''` or `sub/dir/`)."""
    try:
        found = toplevel(root)
    except NoGit:
        raise RevisionError(t("diff.no_git")) from None
    if found is None:
        raise RevisionError(t("diff.not_a_repository", root=root))
    return found


@contextmanager
def at_revision(root: Path, name: str | None) -> Iterator[Revision]:
    """The dossier at `name` (a commit, branch or tag), or the working tree when `name` is None."""
    if name is None:
        yield Revision(t("diff.working_tree"), root)
        return
    top, prefix = repository(root)
    commit = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}")
    if not commit:
        raise RevisionError(t("diff.unknown_revision", revision=name))
    author, when = _git(top, "show", "-s", "--format=%an%x00%cI", commit).split("\0")
    author = replace_unsafe(author)  # git takes any name; a Word document cannot hold a control character
    archive = _git(top, "archive", "--format=tar", commit, "--", prefix or ".", binary=True)
    if archive is None:
        raise RevisionError(t("diff.no_dossier_at", revision=name, folder=prefix or "."))
    import io  # only for another revision, not for every build
    import tarfile
    import tempfile

    with tempfile.TemporaryDirectory(prefix="verzamel-diff-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            # Python before 3.11.4 has no extraction filters; git archive writes no odd members.
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(folder, **safe)
        yield Revision(name, Path(folder) / prefix, author, datetime.fromisoformat(when), root)
