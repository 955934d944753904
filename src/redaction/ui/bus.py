"""The application's change bus: every committed change, wherever it came from, told to the panels
that show the data (Anki's ``operation_did_execute``; Frescobaldi's app-wide signals).

``changed(changes, initiator)`` carries a :class:`~redaction.storage.changeset.Changes` and the
object that asked for it (a panel, a dialog; None when it came from another process). Panels
connect to it and refresh only what they show, skipping what they did themselves when they
already updated their own view.

Where changes come from:

- commits in this process (any thread): the database's listener. In the UI thread the bus tells
  at once, so a panel refreshes before the next paint; from a worker thread (a bulk operation's
  chunks) the changes are gathered and told together a moment later;
- other processes (the command line, a second window, a sync): a
  :class:`~redaction.storage.watcher.FeedWatcher` polled every :data:`POLL_MS` while the
  application runs (microseconds when nothing happened).

A start that paints before the database is open (:mod:`redaction.ui.app`) makes the bus without
a database and attaches it (:meth:`ChangeBus.attach`) once the database is open, from the feed
position its first screen was read at: whatever another process committed in between is told
at once.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from redaction.storage.changeset import Changes
from redaction.storage.errors import StorageError
from redaction.ui.deferred import deferred

if TYPE_CHECKING:
    from redaction.storage.database import Database
    from redaction.storage.watcher import FeedWatcher

watching = deferred("redaction.storage.watcher")

POLL_MS = 1000
GATHER_MS = 50  # changes committed by worker threads are told at most this often


class ChangeBus(QObject):
    changed = Signal(object, object)  # Changes, initiator (None: another process)
    _arrived = Signal(object, object)  # from any thread, delivered in the UI thread

    def __init__(self, db: Database | None, parent: QObject | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self._thread = threading.get_ident()
        self._gathered: dict[int, tuple[Changes, object]] = {}  # by id(initiator)
        self._arrived.connect(self._gather)
        self._gather_timer = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._gather_timer.timeout.connect(self._tell_gathered)
        self._watcher: FeedWatcher | None = None
        self._poll_ms = poll_ms
        self._poll_timer = QTimer(self, interval=poll_ms)
        self._poll_timer.timeout.connect(self.poll)
        if db is not None:
            self.attach(db)

    def attach(self, db: Database, since: int | None = None) -> None:
        """Tell ``db``'s changes from now on; with ``since`` (a feed position), also what other
        processes committed after it, at the next turn of the event loop."""
        self._db = db
        db.add_listener(self._committed)
        with contextlib.suppress(StorageError, OSError):
            self._watcher = watching.FeedWatcher(db, since)
        if self._watcher is not None and self._poll_ms > 0:
            self._poll_timer.start()
        if self._watcher is not None and since is not None:
            QTimer.singleShot(0, self.poll)

    def publish(self, changes: Changes, initiator: object = None) -> None:
        """Tell the panels now (UI thread only)."""
        if changes:
            self.changed.emit(changes, initiator)

    def _committed(self, changes: Changes, initiator: object) -> None:
        # Called in the committing thread.
        if threading.get_ident() == self._thread:
            self.publish(changes, initiator)
        else:
            with contextlib.suppress(RuntimeError):  # the bus is gone: the application is closing
                self._arrived.emit(changes, initiator)

    def _gather(self, changes: Changes, initiator: object) -> None:
        key = id(initiator)
        before = self._gathered.get(key)
        self._gathered[key] = ((before[0] | changes) if before else changes, initiator)
        if not self._gather_timer.isActive():
            self._gather_timer.start()

    def _tell_gathered(self) -> None:
        gathered, self._gathered = self._gathered, {}
        for changes, initiator in gathered.values():
            self.publish(changes, initiator)

    def flush(self) -> None:
        """Tell at once what worker threads committed (before reading their results)."""
        self._gather_timer.stop()
        self._tell_gathered()

    def poll(self) -> None:
        """Look for other processes' changes now (also done every :data:`POLL_MS`)."""
        if self._watcher is None:
            return
        try:
            changes = self._watcher.poll()
        except Exception:  # a busy or vanished database: try again at the next poll
            return
        self.publish(changes, None)

    def close(self) -> None:
        self._poll_timer.stop()
        self._gather_timer.stop()
        if self._db is not None:
            self._db.remove_listener(self._committed)
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
