"""The cache folder, `.verzamel-cache/` in the output folder: what a build may reuse from the last.

It lives with the documents it describes, so the dossier itself is never written to by a build,
each output folder has its own, and deleting the output folder starts afresh.

Everything in it can be deleted at any time with no effect but time. Each file carries the key of
the verzamel that wrote it (its version, and the size and time of every file of the package, so
an edited checkout counts as another verzamel) and the language of the messages; a file with
another key, or one that cannot be read whole, is ignored and written anew, never trusted.
Nothing in the cache is ever a source: it is written with the same care as an output (all or
nothing) and a failure to write it is not an error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path

from ..messages import language

FOLDER = ".verzamel-cache"
_FORMAT = 1


def digest(data: bytes | str) -> str:
    """A short, stable fingerprint of some bytes (or text, as UTF-8)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@cache
def tool_key() -> str:
    """This verzamel: its version and the size and modification time of each of its files."""
    from .. import __version__

    package = Path(__file__).resolve().parent.parent
    parts = [__version__]
    for folder, _, names in sorted(os.walk(package)):
        for name in sorted(names):
            if not name.endswith((".pyc", ".pyo")):
                path = os.path.join(folder, name)
                stat = os.stat(path)
                parts.append(f"{os.path.relpath(path, package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return digest("\n".join(parts))


class CacheFolder:
    """Pickled values by name in an output folder's cache, for this verzamel and language only."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / FOLDER

    def _key(self) -> tuple:
        return (_FORMAT, tool_key(), language())

    def read(self, name: str):
        """The value stored under `name`, or None: absent, unreadable, or from another verzamel."""
        try:
            with open(self.path / name, "rb") as handle:
                key, value = pickle.load(handle)
        except Exception:  # noqa: BLE001 - a damaged cache is no cache
            return None
        return value if key == self._key() else None

    def write(self, name: str, value) -> bool:
        """Keep `value` under `name`; False when it could not be (no output folder yet: a cache
        alone does not make one; or the disk would not)."""
        from ..write import write_atomic

        try:
            if not self.path.parent.is_dir():  # may raise too: a name too long for the system
                return False
            self.path.mkdir(exist_ok=True)
            ignore = self.path / ".gitignore"
            if not ignore.exists():
                write_atomic(ignore, b"# verzamel's cache: safe to delete, never committed\n*\n")
            write_atomic(self.path / name, pickle.dumps((self._key(), value), protocol=5))
        except (OSError, pickle.PicklingError):
            return False  # without a cache the next build only takes longer
        return True
