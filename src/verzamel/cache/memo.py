"""Results of pure functions of a source's text, kept from one run to the next.

Parsing YAML and Markdown is most of the time `check` takes on a large dossier, and a build after
a one-fragment change parses the same thousand files as the one before. A `Memo` keeps each result
by the text it was computed from; what a run did not ask for is dropped when it is saved, so the
cache holds the dossier as it is, not its history. Values are kept as pickled bytes, taken when
they were computed: a later stage that changes a result in place cannot change what is kept.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import TypeVar

from .store import CacheFolder, digest

T = TypeVar("T")


class Memo:
    def __init__(self, folder: CacheFolder | None, name: str = "sources"):
        self.folder = folder
        self.name = name
        self.stored: dict[tuple, bytes] = (folder.read(name) if folder else None) or {}
        self.used: dict[tuple, bytes] = {}

    def __call__(self, function: Callable[..., T], text: str | bytes, *args, **context) -> T:
        """`function(text, *args, **context)`, from the last run when it had the same text and
        arguments. `context` is not part of the key: `args` must name whatever determines it."""
        key = (function.__module__, function.__qualname__, args, digest(text))
        kept = self.used.get(key) or self.stored.get(key)
        if kept is not None:
            try:
                value = pickle.loads(kept)
            except Exception:  # noqa: BLE001 - a damaged entry is computed again
                kept = None
        if kept is None:
            value = function(text, *args, **context)
            kept = pickle.dumps(value, protocol=5)
        self.used[key] = kept
        return value

    def save(self) -> None:
        if self.folder is not None and self.used.keys() != self.stored.keys():
            self.folder.write(self.name, self.used)


def no_memo(function: Callable[..., T], text: str | bytes, *args, **context) -> T:
    """The Memo protocol without a cache: compute every time."""
    return function(text, *args, **context)
