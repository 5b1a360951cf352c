"""Frozen letters: a sent letter keeps the sources it was sent with (its lock), while the shared
fragments go on changing for the next letter.

What changed since is worth knowing (info); it is an error only when a locked version can no
longer be found. A sent letter without a lock, or a lock whose letter is not sent, is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, report
from ..messages import join, t, tn
from ..model import SourceSpan
from ..render import GENERATION
from ..sources import Sources
from ..sources.lockfile import Lock, source_lost
from .store import Store

SENT = "verzonden"
MOVED_NAMED = 4
"""How many moved sources LOCK004 names before it counts the rest."""


@dataclass
class LockState:
    """A sent letter's lock, and how the dossier stands to it now."""

    lock: Lock
    store: Store
    moved: tuple[str, ...] = ()
    """The sources whose files have other content now (or are gone): the letter is built from
    its locked versions, not from these files."""
    missing: tuple[str, ...] = ()
    """Of the moved ones, those git's object store does not hold either."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def lock_states(store: Store, sources: Sources) -> tuple[dict[str, LockState], list[Diagnostic]]:
    """The lock state of every sent letter with a lock (each with its diagnostics), and what is
    wrong with letters and locks that do not go together."""
    states: dict[str, LockState] = {}
    stray: list[Diagnostic] = []
    for letter_id, letter in sorted(sources.letters.items()):
        sent = letter.status == SENT
        lock = sources.locks.get(letter_id)
        if sent and lock is not None:
            states[letter_id] = _state(store, lock)
            if lock.writer > GENERATION:
                stray.append(_newer_writers(lock))
        elif sent and letter_id not in sources.lock_files:
            stray.append(
                report(
                    "LOCK005",
                    letter.span("status"),
                    t("lock.sent_not_frozen", letter=letter_id),
                    t("lock.freeze_it", letter=letter_id),
                )
            )
        elif lock is not None:
            stray.append(_stray(lock, t("lock.letter_not_sent", letter=letter_id, status=letter.status)))
    for letter_id, lock in sorted(sources.locks.items()):
        if letter_id not in sources.letter_files:
            stray.append(_stray(lock, t("lock.no_such_letter", letter=letter_id)))
    _find_missing(store, list(states.values()))
    for state in states.values():
        state.diagnostics = _moved(state)
    return states, stray


def _newer_writers(lock: Lock) -> Diagnostic:
    """LOCK001: a lock made by writers this verzamel does not have (a newer one froze the letter),
    so it cannot make the letter as it was sent."""
    message = t("lock.newer_writer", letter=lock.letter_id, writer=lock.writer, known=GENERATION)
    span = lock.spans.get("writer", SourceSpan(lock.path, 1, 1))
    return report("LOCK001", span, message, t("lock.newer_writer_hint", version=lock.version))


def _stray(lock: Lock, message: str) -> Diagnostic:
    return report("LOCK006", SourceSpan(lock.path, 1, 1), message, t("lock.remove_or_send", path=lock.path))


def _state(store: Store, lock: Lock) -> LockState:
    moved = tuple(name for name, blob in sorted(lock.sources.items()) if store.current(name) != blob)
    return LockState(lock, store, moved)


def _find_missing(store: Store, states: list[LockState]) -> None:
    """Ask git once, for every lock, which moved versions it holds."""
    wanted = {state.lock.sources[name] for state in states for name in state.moved}
    held = store.in_git(wanted)
    for state in states:
        state.missing = tuple(name for name in state.moved if state.lock.sources[name] not in held)


def _moved(state: LockState) -> list[Diagnostic]:
    """LOCK002 for each locked version that is lost; one LOCK004 for the rest, however many there
    are: a dossier that goes on for years after a letter is sent would otherwise repeat the same
    notice for every fragment and template it changed since, on every check."""
    found = [source_lost(state.lock, name) for name in state.moved if name in state.missing]
    moved = [name for name in state.moved if name not in state.missing]
    if not moved:
        return found
    letter = state.lock.letter_id
    if len(moved) == 1:
        [name] = moved
        span = SourceSpan(name, 1, 1) if _still_there(state, name) else state.lock.source_span(name)
        return [*found, report("LOCK004", span, t("lock.source_moved", name=name, letter=letter))]
    shown = moved
    if len(moved) > MOVED_NAMED:
        shown = [*moved[: MOVED_NAMED - 1], tn("lock.more", len(moved) - MOVED_NAMED + 1)]
    message = t("lock.sources_moved", n=len(moved), letter=letter, names=join(shown))
    return [*found, report("LOCK004", state.lock.source_span(moved[0]), message)]


def _still_there(state: LockState, name: str) -> bool:
    """Whether the moved source is a file of the dossier that is still there (to point at)."""
    return not name.startswith("<") and state.store.path(name).is_file()
