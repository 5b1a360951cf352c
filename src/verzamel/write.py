"""Putting bytes in place atomically: a reader sees the old files or the new ones, never half.

Ctrl-C (SIGINT) or SIGTERM during a write is held back until the files are in place or the
temporary files are gone, so an interrupted run leaves no half-written document and no
temporary file behind.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
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


class NotWritten(OSError):
    """A file that could not be put in place: `filename` says which (or the folder or file in its
    way), `strerror` why. Any command that meets one ends with OUT001 (cli.common)."""


def write_atomic(path: Path, data: bytes) -> None:
    write_all_atomic([(path, data)])


def write_all_atomic(files: list[tuple[Path, bytes]], keep_mode: bool = False) -> None:
    """Write every file, or (on an error) none: each goes to a temporary file beside its target
    first, and only when all are written do they replace their targets. Raises NotWritten.
    `keep_mode`: a target that is there keeps its permissions (a source file the user edits);
    else each file is readable by all and writable by its owner.

    A target that is there and is not a plain file (a folder, a device such as /dev/null, a pipe)
    is never replaced: it is not a document of an earlier run."""
    with signals_held():
        temporary: list[tuple[str, Path]] = []
        path = files[0][0] if files else Path()
        try:
            for path, data in files:
                _make_folder(path.parent)
                _plain_file_or_none(path)
                fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
                temporary.append((temp_name, path))
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(temp_name, _mode(path) if keep_mode else 0o644)
            while temporary:
                temp_name, path = temporary[0]
                os.replace(temp_name, path)
                temporary.pop(0)
        except NotWritten:
            raise
        except OSError as exc:
            raise NotWritten(exc.errno, exc.strerror or str(exc), str(_named(exc, path))) from exc
        finally:
            for temp_name, _ in temporary:
                Path(temp_name).unlink(missing_ok=True)


def _mode(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return 0o644


def _named(exc: OSError, path: Path):
    """The file an error is about: the folder or file in the way, else the document (never one of
    the temporary files, which the user never sees)."""
    named = exc.filename
    if named is None or Path(os.fsdecode(named)).name.startswith(f".{path.name}."):
        return path
    return os.fsdecode(named)


def _make_folder(folder: Path) -> None:
    """`folder` and those above it, made where missing; a file where one must be is named as such
    (the system only says 'File exists' or 'Not a directory')."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        for above in (folder, *folder.parents):
            if above.exists() and not above.is_dir():
                raise NotWritten(exc.errno, t("write.file_in_the_way"), str(above)) from exc
        raise


def _plain_file_or_none(path: Path) -> None:
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return
    if stat.S_ISDIR(info.st_mode):
        raise NotWritten(errno.EISDIR, t("write.folder_in_the_way"), str(path))
    if not stat.S_ISREG(info.st_mode):
        raise NotWritten(errno.EEXIST, t("write.not_plain_file"), str(path))
