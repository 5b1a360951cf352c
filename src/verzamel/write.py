"""Putting bytes in place atomically: a reader sees the old files or the new ones, never half.

Ctrl-C (SIGINT) or SIGTERM during a write is held back until the files are in place or the
temporary files are gone, so an interrupted run leaves no half-written document and no
temporary file behind.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .messages import t

_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold back Ctrl-C and SIGTERM inside the block; they take effect right after it.

    The main thread blocks them, and a handler keeps any that another thread receives (a
    parallel build has the threads of its process pool): Python runs signal handlers in the
    main thread whichever thread the signal came to, so blocking alone would not hold them."""
    can_hold = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    if not can_hold:  # pragma: no cover - Windows, or a worker thread
        yield
        return
    caught: list[int] = []

    def keep(number, frame) -> None:
        caught.append(number)

    previous_handlers = {number: signal.signal(number, keep) for number in _HELD_SIGNALS}
    previous_mask = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        for number, handler in previous_handlers.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, previous_mask)
        if caught:
            signal.raise_signal(caught[0])


def write_atomic(path: Path, data: bytes) -> None:
    write_all_atomic([(path, data)])


def write_all_atomic(files: list[tuple[Path, bytes]]) -> None:
    """Write every file, or (on an error) none: each goes to a temporary file beside its target
    first, and only when all are written do they replace their targets. Raises OSError."""
    with signals_held():
        temporary: list[tuple[str, Path]] = []
        try:
            for path, data in files:
                path.parent.mkdir(parents=True, exist_ok=True)
                if path.is_dir():
                    raise IsADirectoryError(21, t("write.folder_in_the_way"), str(path))
                fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
                temporary.append((temp_name, path))
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(temp_name, 0o644)
            while temporary:
                temp_name, path = temporary[0]
                os.replace(temp_name, path)
                temporary.pop(0)
        finally:
            for temp_name, _ in temporary:
                Path(temp_name).unlink(missing_ok=True)
