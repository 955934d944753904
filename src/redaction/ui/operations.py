"""Slow work off the UI thread, for every panel (Anki's ``QueryOp``/``CollectionOp`` idea).

An :class:`Operation` runs a plain function on Qt's global thread pool. The function gets a
``progress(done, total)`` callback and must not touch Qt: it talks to the database through the
services (one session per unit of work, opened in the worker thread) and returns a value. The
operation turns progress, the result and errors into signals, delivered in the UI thread. The
function runs in a copy of the caller's context, so changes it commits are told to the change
bus with the caller's initiator (``storage.changeset.initiated_by``).

Safety is not the runner's business: backups before bulk operations are taken by the services
themselves (``services.backup.protect_bulk``), whoever calls them. :class:`BackgroundBackups`
only reports, in the window, how those copies ended.

``progress`` returns False once the person has cancelled; the function stops between chunks. For
read-only work (a dry run) cancelling may simply abandon it: the callback then raises
:class:`CancelledError` inside the worker.

:func:`write_waiting` is for the quick writes a person makes on the UI thread (a save, a
decision): tried at once, and only if another program holds the database's write lock (a long
import from the command line) run again on a worker while a dialog says what it is waiting for,
the window still painting, until the lock is free or the person stops waiting.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from redaction.services.backup_events import add_backup_listener, remove_backup_listener
from redaction.services.errors import RefusedError
from redaction.storage.errors import DatabaseLockedError, StorageError
from redaction.storage.patience import impatient, waiting

PROGRESS_INTERVAL_S = 0.05  # at most 20 progress signals a second: the UI thread stays free
SHOW_DIALOG_AFTER_MS = 400  # quick work finishes without flashing a dialog

Work = Callable[[Callable[[int, int], bool]], Any]
R = TypeVar("R")


class CancelledError(Exception):
    """Raised inside the worker by ``progress`` when read-only work may be abandoned."""


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class _Relay(QObject):
    """Hands an operation's signals to plain callables while ``owner`` lives: as a child of the
    owner it dies with it, and Qt then drops the connections, so a result arriving after its
    window was closed goes nowhere instead of into a deleted widget."""

    def __init__(self, owner: QObject, callbacks: dict[str, Callable[..., object] | None]) -> None:
        super().__init__(owner)
        self._callbacks = callbacks

    def _call(self, name: str, *args: object) -> None:
        callback = self._callbacks.get(name)
        if callback is not None:
            callback(*args)

    def progressed(self, done: int, total: int) -> None:
        self._call("progressed", done, total)

    def finished(self, result: object) -> None:
        self._call("finished", result)
        self.deleteLater()

    def failed(self, message: str) -> None:
        self._call("failed", message)
        self.deleteLater()

    def cancelled(self) -> None:
        self._call("cancelled")
        self.deleteLater()


class Operation(QRunnable):
    """One unit of slow work. Keep a reference until ``finished``/``failed``/``cancelled``."""

    _running: set[Operation] = set()  # noqa: RUF012 - the pool holds no Python reference

    def __init__(self, work: Work, abandon_on_cancel: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self._work = work
        self._abandon = abandon_on_cancel
        self._cancel = threading.Event()
        self._last_emit = 0.0
        self._context = contextvars.copy_context()  # the caller's initiator goes along
        self.done = threading.Event()

    # -- UI thread ----------------------------------------------------------------------------
    def start(self) -> Operation:
        Operation._running.add(self)
        for signal in (self.signals.finished, self.signals.failed, self.signals.cancelled):
            signal.connect(self._forget)
        QThreadPool.globalInstance().start(self)
        return self

    def deliver_to(
        self,
        owner: QObject,
        finished: Callable[[Any], object] | None = None,
        failed: Callable[[str], object] | None = None,
        progressed: Callable[[int, int], object] | None = None,
        cancelled: Callable[[], object] | None = None,
    ) -> Operation:
        """Call these in the UI thread as long as ``owner`` exists (connect before ``start``)."""
        relay = _Relay(
            owner, {"finished": finished, "failed": failed, "progressed": progressed, "cancelled": cancelled}
        )
        self.signals.progressed.connect(relay.progressed)
        self.signals.finished.connect(relay.finished)
        self.signals.failed.connect(relay.failed)
        self.signals.cancelled.connect(relay.cancelled)
        return self

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _forget(self, *_args: object) -> None:
        Operation._running.discard(self)

    # -- worker thread ------------------------------------------------------------------------
    def _progress(self, done: int, total: int) -> bool:
        now = time.monotonic()
        if done >= total or now - self._last_emit >= PROGRESS_INTERVAL_S:
            self._last_emit = now
            self.signals.progressed.emit(done, total)
        if self._cancel.is_set():
            if self._abandon:
                raise CancelledError
            return False
        return True

    def run(self) -> None:
        try:
            result = self._context.run(self._work, self._progress)
        except CancelledError:
            self.signals.cancelled.emit()
        except (StorageError, RefusedError, ValueError, LookupError) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug must reach the person, not die silently in a thread
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(result)
        finally:
            self.done.set()


def _close_and_refocus(dialog: QWidget, focus: QWidget | None) -> None:
    """Close a progress or waiting dialog and give the keyboard back to where it was."""
    dialog.hide()
    dialog.deleteLater()
    with contextlib.suppress(RuntimeError):  # the widget may be gone by now
        if focus is not None and focus.isVisible():
            focus.window().activateWindow()
            focus.setFocus(Qt.FocusReason.OtherFocusReason)


def run_with_progress(
    parent: QWidget,
    work: Work,
    label: str,
    on_finished: Callable[[Any], None],
    on_failed: Callable[[str], None],
    abandon_on_cancel: bool = False,
    cancellable: bool = True,
) -> Operation:
    """Start ``work`` and show a progress dialog if it takes more than a moment."""
    operation = Operation(work, abandon_on_cancel)
    cancel = QCoreApplication.translate("Operation", "Cancel") if cancellable else ""
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setObjectName("moderation_progress")
    dialog.setWindowTitle(QCoreApplication.translate("Operation", "Working…"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_DIALOG_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    operation.dialog = dialog  # type: ignore[attr-defined] - for tests and callers

    def progressed(done: int, total: int) -> None:
        if dialog.maximum() != total:
            dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        operation.shown_progress = (done, total)  # type: ignore[attr-defined] - what the person saw last

    focus = QApplication.focusWidget()  # where the keyboard was: it goes back there after

    def close() -> None:
        _close_and_refocus(dialog, focus)

    operation.deliver_to(
        dialog,
        finished=lambda result: (close(), on_finished(result)),
        failed=lambda message: (close(), on_failed(message)),
        progressed=progressed,
        cancelled=lambda: (close(), on_failed("")),
    )
    dialog.canceled.connect(operation.cancel)
    return operation.start()


def report(parent: QWidget, title: str, message: str, warning: bool = False) -> None:
    """A message box whose text is plain text: error messages may quote what a reader typed
    (an address, a word), and QMessageBox would otherwise render anything tag-like as HTML."""
    box = QMessageBox(
        QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Critical, title, message, parent=parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class BackgroundBackups(QObject):
    """The copies of the database taken before bulk operations, written while they run.

    One per application (``AppContext.backups``). ``notify`` may be called from any thread
    with a backup's outcome; ``saved`` then carries a line for the status bars, and a failure is
    reported in a dialog (the operation itself went ahead: the audit log can undo it).
    """

    outcome = Signal(object)  # BackupInfo | BackupError, delivered in the UI thread
    saved = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.outcome.connect(self._deliver)
        add_backup_listener(self.notify)

    def close(self) -> None:
        remove_backup_listener(self.notify)

    def notify(self, result: object) -> None:  # a BackupInfo, or the BackupError
        with contextlib.suppress(RuntimeError):  # the application is being torn down
            self.outcome.emit(result)

    def _deliver(self, result: object) -> None:
        from redaction.services.backup import BackupInfo  # loaded: it made the copy

        if isinstance(result, BackupInfo):
            self.saved.emit(
                QCoreApplication.translate("BackgroundBackups", "Backup copy saved: %1").replace(
                    "%1", result.path.name
                )
            )
            return
        report(
            QApplication.activeWindow(),
            QCoreApplication.translate("BackgroundBackups", "The backup copy was not written"),
            QCoreApplication.translate(
                "BackgroundBackups",
                "%1\n\nThe operation itself went ahead and is in the decision log: Z at the desk, or "
                "Undo in the log, takes it back.",
            ).replace("%1", str(result)),
            warning=True,
        )


def finish_background_backups(parent: QWidget | None) -> None:
    """Wait, with a dialog that says why, for backup copies still being written (at quit)."""
    from redaction.services.backup import backups_in_progress

    pending = backups_in_progress()
    if not pending:
        return
    dialog = QProgressDialog(
        QCoreApplication.translate("BackgroundBackups", "Finishing the backup copy of the database…"),
        "",
        0,
        0,
        parent,
    )
    dialog.setObjectName("backup_finishing")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(SHOW_DIALOG_AFTER_MS)
    dialog.setValue(0)
    try:
        for backup in pending:
            while not backup.wait_done(PROGRESS_INTERVAL_S):
                QApplication.processEvents()
    finally:
        dialog.hide()
        dialog.deleteLater()


# -- a quick write that meets another program's lock ------------------------------------------------


class LockWaitDialog(QDialog):
    """ "Waiting for another program…" with a busy bar and Stop waiting (Escape). Stopping is
    asked, not done: the dialog stays until the write has really stopped, or gone through."""

    stop_asked = Signal()

    def __init__(self, message: str, parent: QWidget | None) -> None:
        super().__init__(parent, objectName="lock_wait")
        self.setWindowTitle(QCoreApplication.translate("Operation", "Waiting for the database"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.label = QLabel(message, wordWrap=True, objectName="lock_wait_label")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        bar = QProgressBar(self)
        bar.setRange(0, 0)  # busy: how long the other program takes is not known
        self.buttons = QDialogButtonBox(self)
        self.stop_button = self.buttons.addButton(
            QCoreApplication.translate("Operation", "&Stop waiting"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(bar)
        layout.addWidget(self.buttons)
        # Wide enough for the message in three or four lines, and tall enough for them.
        self.label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.label.setMinimumHeight(self.label.heightForWidth(self.label.minimumWidth()))

    def reject(self) -> None:  # Escape, the button, the window's close box
        if self.stop_button.isEnabled():
            self.stop_button.setEnabled(False)
            self.label.setText(QCoreApplication.translate("Operation", "Stopping…"))
            self.stop_asked.emit()


class _Finished(QObject):
    finished = Signal()  # emitted in the worker, delivered in the UI thread


def write_waiting(parent: QWidget, write: Callable[[], R], message: str) -> R:
    """``write()`` (one unit of work of a ``storage.patience.patient`` service) tried now on the
    UI thread; if another program holds the write lock, run again on a worker thread, as long as
    it takes, while :class:`LockWaitDialog` shows ``message`` and the window keeps painting.
    Returns what ``write`` returns; raises what it raises, ``StoppedWaitingError`` when the
    person stopped waiting (then nothing was written)."""
    try:
        with impatient():
            return write()
    except DatabaseLockedError:
        pass
    stop = threading.Event()
    outcome: list[Any] = []
    notifier = _Finished()
    context = contextvars.copy_context()  # the initiator goes along

    def attempt() -> R:
        with waiting(stop.is_set):
            return write()

    def run() -> None:
        try:
            outcome.append((True, context.run(attempt)))
        except BaseException as exc:  # handed to the UI thread, raised there
            outcome.append((False, exc))
        finally:
            notifier.finished.emit()

    focus = QApplication.focusWidget()
    dialog = LockWaitDialog(message, parent)
    dialog.stop_asked.connect(stop.set)
    loop = QEventLoop()
    notifier.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    worker = threading.Thread(target=run, name="write-waiting", daemon=True)
    worker.start()
    dialog.show()
    if not outcome:
        loop.exec()
    worker.join()
    _close_and_refocus(dialog, focus)
    ok, value = outcome[0]
    if not ok:
        raise value
    return cast(R, value)
