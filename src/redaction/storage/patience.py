"""Writing while another program writes: wait for it to finish instead of failing.

SQLite lets one connection write at a time. Each connection waits for the write lock for
``engine.BUSY_TIMEOUT_MS`` (5 s) and then gives up with "database is locked". An import from the
command line, or a bulk decision in another window, can hold the lock for longer than that; a
save made meanwhile must wait for it, not fail.

:func:`patient` wraps a write service ``fn(db, ...)`` whose whole body is units of work: when
one fails with :class:`DatabaseLockedError`, it runs ``fn`` again, until it succeeds or
:data:`WRITE_PATIENCE_S` have passed. That is safe because:

- a unit of work that met the lock was rolled back whole (``Database.session``): nothing of it
  was written, and SQLite takes the write lock at a transaction's first write, so that is
  where it fails;
- the services wrapped read everything they decide on inside their own session (the version a
  save checks, the status a decision moves from), so running them again is the same as having
  run them a moment later, after the other program's change: a save over an article the other
  program changed becomes a :class:`ConflictError`, as it should.

How long one attempt waits, and whether to try again, can be changed for a block of code (a
context variable, so per thread and per worker): :func:`impatient` makes a write meet the lock
once, briefly, and fail (the UI thread tries a write at once and must not freeze);
:func:`waiting` makes it wait in short steps until the person says stop (the same write then
runs on a worker while the window shows that it is waiting: ``ui.operations.write_waiting``).

It is not safe, and not used, for a function that does something besides writing its units of
work (writes files, talks to the site) or consumes its input. Only the lock is retried: any
other error is raised at once. On PostgreSQL rows are locked, not the database, and a writer
waits for as long as it takes; a deadlock or a serialization failure (the server rolled the
transaction back) is retried the same way.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, TypeVar

from redaction.storage.errors import DatabaseLockedError, StoppedWaitingError

WRITE_PATIENCE_S = 120.0
SHORT_BUSY_MS = 250  # one attempt's wait for the lock under impatient() and waiting()
_FIRST_PAUSE_S = 0.02
_LONGEST_PAUSE_S = 0.5

P = ParamSpec("P")
R = TypeVar("R")
D = TypeVar("D")


@dataclass(frozen=True, slots=True)
class _Manner:
    busy_ms: int
    again: bool  # try again after meeting the lock
    give_up: Callable[[], bool] | None = None


_MANNER: ContextVar[_Manner | None] = ContextVar("redaction_write_manner", default=None)


@contextmanager
def impatient(busy_ms: int = SHORT_BUSY_MS) -> Iterator[None]:
    """Writes in this block wait at most ``busy_ms`` for another program's lock, once, then
    raise :class:`DatabaseLockedError` (nothing written)."""
    token = _MANNER.set(_Manner(busy_ms, again=False))
    try:
        yield
    finally:
        _MANNER.reset(token)


@contextmanager
def waiting(give_up: Callable[[], bool], busy_ms: int = SHORT_BUSY_MS) -> Iterator[None]:
    """Writes in this block wait for the lock in steps of ``busy_ms`` and stop with
    :class:`StoppedWaitingError` once ``give_up()`` is true (or after :data:`WRITE_PATIENCE_S`)."""
    token = _MANNER.set(_Manner(busy_ms, again=True, give_up=give_up))
    try:
        yield
    finally:
        _MANNER.reset(token)


def _pause(seconds: float) -> None:
    """Between two attempts (one place, for tests to count attempts by)."""
    time.sleep(seconds)


def busy_timeout_ms() -> int | None:
    """How long a write in this context waits for the lock, when not the connection's default."""
    manner = _MANNER.get()
    return None if manner is None else manner.busy_ms


def patient(fn: Callable[Concatenate[D, P], R]) -> Callable[Concatenate[D, P], R]:
    """``fn(db, ...)`` run again while another program holds the write lock (see the module)."""

    @functools.wraps(fn)
    def run(db: D, *args: P.args, **kwargs: P.kwargs) -> R:
        started = time.monotonic()
        pause = _FIRST_PAUSE_S
        while True:
            try:
                return fn(db, *args, **kwargs)
            except DatabaseLockedError:
                manner = _MANNER.get()
                if manner is not None and not manner.again:
                    raise
                if manner is not None and manner.give_up is not None and manner.give_up():
                    raise StoppedWaitingError(
                        "You stopped waiting for the other program: the change was not saved."
                    ) from None
                waited = time.monotonic() - started
                if waited >= WRITE_PATIENCE_S:
                    raise DatabaseLockedError(
                        f"Another program has been writing to the database for {waited:.0f} seconds: "
                        "the change was not saved. Try again once it has finished."
                    ) from None
            _pause(pause)  # the busy timeout already waited; this only spaces the attempts
            pause = min(pause * 2, _LONGEST_PAUSE_S)

    return run
