"""Where the locked versions of a sent letter's sources are found again.

A source whose file still has the locked content is read from the working tree; one that has
changed since is read from git's object store by its blob id (`git cat-file`), which holds it
once it was committed (and `verzamel freeze` puts it there at once). Templates of the house style
verzamel ships are named `<verzamel>/templates/…` and can only be read while unchanged.
"""

from __future__ import annotations

from pathlib import Path

from ..gitrepo import NoGit, git, toplevel
from ..project import PACKAGE_TEMPLATES, Project
from ..sources.lockfile import blob_id
from ..templating import SHIPPED


class Store:
    def __init__(self, project: Project):
        self.root = project.root
        self.repository = project.repository or project.root
        self._current: dict[str, str | None] = {}
        self._git_top: Path | None | bool = False  # False: not asked yet

    def path(self, name: str) -> Path:
        if name.startswith(SHIPPED):
            return PACKAGE_TEMPLATES / name[len(SHIPPED) :]
        return self.root / name

    def current(self, name: str) -> str | None:
        """The blob id of the file as it is now; None when it is gone or cannot be read."""
        if name not in self._current:
            try:
                self._current[name] = blob_id(self.path(name).read_bytes())
            except (OSError, ValueError):
                self._current[name] = None
        return self._current[name]

    def _top(self) -> Path | None:
        if self._git_top is False:
            try:
                found = toplevel(self.repository)
            except NoGit:
                found = None
            self._git_top = found[0] if found else None
        return self._git_top or None

    def in_git(self, blobs: set[str]) -> set[str]:
        """Those of `blobs` git's object store holds."""
        top = self._top() if blobs else None  # nothing moved: git is not asked at all
        if top is None:
            return set()
        asked = sorted(blobs)
        answer = git(top, "cat-file", "--batch-check", stdin=_lines(asked))
        lines = (line.split() for line in (answer or "").splitlines())  # "<id> blob <size>" or "<id> missing"
        return {parts[0] for parts in lines if len(parts) == 3 and parts[1] == "blob"}

    def read(self, wanted: dict[str, str]) -> dict[str, bytes]:
        """The bytes of each named source at its blob id, for those that can be found."""
        found: dict[str, bytes] = {}
        from_git: dict[str, list[str]] = {}
        for name, blob in wanted.items():
            if self.current(name) == blob:
                found[name] = self.path(name).read_bytes()
            else:
                from_git.setdefault(blob, []).append(name)
        top = self._top()
        if from_git and top is not None:
            answer = git(top, "cat-file", "--batch", binary=True, stdin=_lines(sorted(from_git)))
            for blob, data in _batch_contents(answer or b""):
                if blob_id(data) == blob:
                    for name in from_git.get(blob, ()):
                        found[name] = data
        return found

    def keep(self, names: list[str]) -> bool:
        """Put these files, as they are now, in git's object store; False when that cannot be done
        (the dossier is not in a git repository)."""
        top = self._top()
        if top is None:
            return False
        paths = [str(self.path(name).resolve()) for name in names]
        return git(top, "hash-object", "-w", "--no-filters", "--stdin-paths", stdin=_lines(paths)) is not None


def _lines(values: list[str]) -> bytes:
    return "".join(f"{value}\n" for value in values).encode()


def _batch_contents(answer: bytes):
    """(blob id, bytes) for each object `git cat-file --batch` printed; missing ones are skipped."""
    at = 0
    while at < len(answer):
        end = answer.index(b"\n", at)
        header = answer[at:end].decode("ascii", "replace").split()
        at = end + 1
        if len(header) != 3 or header[1] != "blob":
            continue  # "<id> missing"
        size = int(header[2])
        yield header[0], answer[at : at + size]
        at += size + 1
