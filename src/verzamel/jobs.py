"""Work over letters on several cores, with the results in the order of a serial run.

Two ways to start the workers, one result:

- for much work (a full build), workers are forked once the work is known, so they start with
  everything this process has read and checked (sources, documents, the prepared house style)
  and are sent only a position; what comes back is bytes;
- for a little work (a build after a one-fragment change), they are forked at once and warm up
  (import python-docx, prepare the house style) on the other cores while this process reads and
  checks; the work is then sent to them whole.

Where fork does not exist (Windows), or with one job, the work is done in this process, which
gives the same results. A worker ignores Ctrl-C: the main process answers it and stops them.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_task: tuple[Callable, Sequence] | None = None
"""The function and items of the running map, inherited by workers forked for it."""


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _can_fork() -> bool:
    import multiprocessing  # a few milliseconds: only when there is work for a pool

    return "fork" in multiprocessing.get_all_start_methods()


class Workers:
    """Up to `jobs` processes for `expected` items; when that is no more than `jobs` they are
    started now and run `warm` while the caller still prepares the work. Close when done."""

    def __init__(self, jobs: int, expected: int = 0, warm: Callable[[], None] = lambda: None):
        self.jobs = jobs
        self.early = None
        self.started = 0
        if 0 < expected <= jobs and jobs > 1 and _can_fork():
            self.early, self.started = _pool(expected, warm), expected

    def map(self, function: Callable[[Item], Result], items: Sequence[Item]) -> Iterator[Result]:
        """`function(item)` for each of `items`, yielded in their order. With workers started
        early, `function` and the items are sent to them (pickled); else workers are forked now."""
        if self.early is not None and 0 < len(items) <= self.started:
            yield from self.early.imap(function, items)
            return
        self.close()
        if self.jobs < 2 or len(items) < 2 or not _can_fork():
            yield from map(function, items)
            return
        global _task
        _task = (function, items)
        pool = None
        try:
            pool = _pool(min(self.jobs, len(items)), lambda: None)
            yield from pool.imap(_run, range(len(items)))
        finally:
            _task = None
            _stop(pool)

    def close(self) -> None:
        _stop(self.early)
        self.early = None


def _pool(processes: int, warm: Callable[[], None]):
    import multiprocessing

    from .write import signals_held

    with signals_held():  # the workers start with Ctrl-C held, and then ignore it
        return multiprocessing.get_context("fork").Pool(processes, _start, (warm,))


def _stop(pool) -> None:
    if pool is None:
        return
    from .write import signals_held

    with signals_held():  # the workers are stopped whole, even on Ctrl-C
        pool.terminate()
        pool.join()


def _start(warm: Callable[[], None]) -> None:
    """Ctrl-C is the main process's to answer (it stops the workers): a worker prints nothing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    warm()


def _run(position: int):
    function, items = _task
    return function(items[position])
