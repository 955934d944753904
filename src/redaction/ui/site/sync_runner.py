"""Syncing with the site off the UI thread: on request, and in the background while connected.

:class:`SiteSync` runs :func:`redaction.services.site.sync.sync` as an
:class:`~redaction.ui.operations.Operation` (never in the UI thread: it talks to the network)
and tells the outcome with signals: ``finished(SyncResult)`` or ``failed(error, background)``.

- One sync at a time: a request while one runs is refused (:meth:`start` returns False), and the
  background timer skips its turn.
- The background timer runs every :data:`BACKGROUND_MS` while a site is connected (the interval
  is injectable, for tests and for a preference later); its first turn comes after
  :data:`FIRST_MS`, so the desk opens with fresh comments without waiting minutes.
- A site that cannot be reached (or a password that is missing) is said once: later background
  failures of the same streak are quiet (``failed`` still fires; ``say`` tells the window whether
  to speak). A sync that succeeds, or one the person asked for, speaks again.
- ``progress`` returning False stops the sync between two items or two pages
  (:meth:`cancel`); what was done stays done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from redaction.ui.operations import Operation

if TYPE_CHECKING:
    from redaction.ui.context import AppContext

BACKGROUND_MS = 5 * 60 * 1000
FIRST_MS = 20 * 1000
CLOSE_WAIT_S = 15.0  # at quit, how long a sync in flight may take to stop between two requests


class SiteSync(QObject):
    started = Signal(bool)  # background
    progressed = Signal(int, int)
    finished = Signal(object)  # SyncResult
    failed = Signal(object, bool)  # the error (SiteError, or a message), whether to say it
    running_changed = Signal(bool)

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        interval_ms: int | None = None,
        first_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.operation: Operation | None = None
        self.background = False  # whether the running sync is a background one
        self._quiet = False  # a background failure was said: say no more until it works again
        self.interval_ms = BACKGROUND_MS if interval_ms is None else interval_ms
        self.timer = QTimer(self, interval=max(self.interval_ms, 1))
        self.timer.timeout.connect(self._tick)
        first = FIRST_MS if first_ms is None else first_ms
        self._first = QTimer(self, singleShot=True, interval=max(first, 1))
        self._first.timeout.connect(self._tick)
        self._first_wanted = first > 0
        self._connected = False

    @property
    def running(self) -> bool:
        return self.operation is not None

    def set_interval(self, ms: int) -> None:
        """Every ``ms`` milliseconds from now on (0: no background sync)."""
        self.interval_ms = ms
        self.timer.stop()
        if ms > 0:
            self.timer.setInterval(ms)
            if self._connected:
                self.timer.start()

    def follow_site(self, connected: bool) -> None:
        """Run the background timer while a site is connected, and only then."""
        if connected == self._connected:
            return
        self._connected = connected
        if connected:
            self._quiet = False
            if self.interval_ms > 0:
                self.timer.start()
            if self._first_wanted:
                self._first.start()
        else:
            self.timer.stop()
            self._first.stop()

    def _tick(self) -> None:
        if not self.running:
            self.start(background=True)

    def start(self, background: bool = False) -> bool:
        """Sync now on a worker thread; False when one is already running."""
        if self.running:
            return False
        if not background:
            self._quiet = False
        from redaction.services.site.errors import SiteError
        from redaction.services.site.sync import sync

        db = self.ctx.db

        def work(progress: Any) -> Any:
            try:
                return sync(db, progress)
            except SiteError as exc:  # a value, not a failure: the window needs its kind
                return exc

        self.background = background
        operation = Operation(work)
        operation.deliver_to(self, finished=self._done, failed=self._broke, progressed=self.progressed.emit)
        self.operation = operation
        operation.start()
        self.running_changed.emit(True)
        self.started.emit(background)
        return True

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()

    def _finish(self) -> None:
        self.operation = None
        self.ctx.bus.flush()  # panels show what arrived before the outcome is told
        self.running_changed.emit(False)

    def _done(self, outcome: object) -> None:
        from redaction.services.site.errors import SiteError

        self._finish()
        if isinstance(outcome, SiteError):
            self._failed(outcome)
            return
        self._quiet = False
        self.finished.emit(outcome)

    def _broke(self, message: str) -> None:
        self._finish()
        self._failed(message)

    def _failed(self, error: object) -> None:
        say = not (self.background and self._quiet)
        if self.background:
            self._quiet = True
        self.failed.emit(error, say)

    def close(self) -> None:
        """Stop the timers, and a sync in flight between two requests (at quit)."""
        self.timer.stop()
        self._first.stop()
        operation = self.operation
        if operation is None:
            return
        operation.cancel()
        waited = 0.0
        while not operation.done.wait(0.05) and waited < CLOSE_WAIT_S:
            waited += 0.05
            QApplication.processEvents()
