"""Keeping Python's cyclic garbage collector off what a run reads and keeps.

Reading and checking a dossier makes a great many objects (150,000 for 200 letters read from the
build cache) that live until the run ends and hold no cycles, so every collection would only walk
them again: about 30 ms of a build after a one-fragment change at 200 letters. What reading and
checking throw away has no cycles either (a test holds them to it), so nothing is left for the
collector to free there.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector does not run inside the block (it runs again after, as before)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def set_aside() -> Iterator[None]:
    """What is alive when the block starts is left out of every collection inside it (gc.freeze):
    rendering does not walk it, and forked workers do not touch (and so copy) it."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
