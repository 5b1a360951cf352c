"""Work over letters on several cores, with the results in the order of a serial run.

Worker processes are forked from the build, so they start with everything it has read and
checked (sources, documents, the prepared house style) and are sent only a position; what comes
back is bytes. Where fork does not exist (Windows) or there is one job or one item, the work is
done in this process, which gives the same results.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_task: tuple[Callable, Sequence] | None = None
"""The function and items of the running map, inherited by forked workers."""


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def map_in_order(function: Callable[[Item], Result], items: Sequence[Item], jobs: int) -> Iterator[Result]:
    """`function(item)` for each of `items`, on up to `jobs` processes, yielded in their order.
    Close the iterator when done with it (or use it up): that stops the workers."""
    global _task
    if jobs < 2 or len(items) < 2 or not _can_fork():
        yield from map(function, items)
        return
    import multiprocessing

    from .write import signals_held

    _task = (function, items)
    pool = None
    try:
        with signals_held():  # the workers start with Ctrl-C held, and then ignore it
            pool = multiprocessing.get_context("fork").Pool(min(jobs, len(items)), _ignore_interrupts)
        yield from pool.imap(_run, range(len(items)))
    finally:
        _task = None
        if pool is not None:
            with signals_held():  # the workers are stopped whole, even on Ctrl-C
                pool.terminate()
                pool.join()


def _can_fork() -> bool:
    import multiprocessing  # a few milliseconds: only when there is work for several processes

    return "fork" in multiprocessing.get_all_start_methods()


def _ignore_interrupts() -> None:
    """Ctrl-C is the main process's to answer (it stops the workers): a worker prints nothing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _run(position: int):
    function, items = _task
    return function(items[position])
