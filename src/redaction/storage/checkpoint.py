"""Write-ahead log checkpoints on a thread of their own, so that no commit waits for one.

In WAL mode SQLite appends each commit to ``<file>-wal`` and, by default, the commit that takes
the log past 1,000 pages also copies it back into the database file and syncs it (a
"checkpoint"). On a large newsroom a bulk decision dirties thousands of scattered pages, and a
third of its time went into those checkpoints, paid by whoever happened to commit, often a
single decision at the desk.

Here commits only nudge a :class:`Checkpointer`: after writes go quiet for :data:`QUIET_S` (or
at the latest :data:`MAX_DELAY_S` after the first nudge), it runs a ``PASSIVE`` checkpoint on
its own connection, which blocks neither readers nor writers. SQLite's own automatic checkpoint
is kept as a backstop at :data:`BACKSTOP_PAGES`, far above what a burst writes, in case this
thread cannot keep up. A checkpoint is crash-safe at any point: SQLite's design.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from pathlib import Path

from redaction.storage.sqlite_file import connect_file

QUIET_S = 0.25
MAX_DELAY_S = 2.0
BACKSTOP_PAGES = 50_000  # ~200 MB of log with 4 KB pages
BUSY_TIMEOUT_S = 5.0


class Checkpointer:
    """Checkpoints ``path``'s WAL in the background after bursts of commits."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.checkpoints = 0  # how many ran (for tests and benchmarks)
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._stopping = threading.Event()
        self._first_nudge = 0.0
        self._last_nudge = 0.0
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name=f"checkpoint {self.path.name}", daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        """Something was committed: checkpoint once writing pauses."""
        now = time.monotonic()
        with self._lock:
            if not self._wake.is_set():
                self._first_nudge = now
            self._last_nudge = now
            self._idle.clear()
            self._wake.set()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no checkpoint is due or running; True if that happened in time."""
        return self._idle.wait(timeout)

    def close(self) -> None:
        """Stop the thread (after a checkpoint in progress ends); nothing is lost: SQLite
        checkpoints what is left when its last connection closes."""
        self._stopping.set()
        self._wake.set()
        self._thread.join()

    def _due(self) -> bool:
        """Wait for a quiet moment after the last nudge; False when stopping."""
        while not self._stopping.is_set():
            with self._lock:
                now = time.monotonic()
                quiet_at = self._last_nudge + QUIET_S
                latest = self._first_nudge + MAX_DELAY_S
                if now >= quiet_at or now >= latest:
                    self._wake.clear()
                    return True
                delay = min(quiet_at, latest) - now
            self._stopping.wait(delay)
        return False

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            while True:
                self._wake.wait()
                if not self._due():
                    return
                try:
                    if conn is None:
                        conn = connect_file(self.path, "rw", BUSY_TIMEOUT_S, isolation_level=None)
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.checkpoints += 1
                except sqlite3.Error:
                    pass  # busy or gone: the next commit nudges again, the backstop remains
                finally:
                    with self._lock:
                        if not self._wake.is_set():
                            self._idle.set()
        finally:
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._idle.set()
