"""The application around the main window: it owns the open database, its
:class:`~redaction.ui.context.AppContext` and the window, and replaces the window when the
interface language changes, a backup is restored or another database is opened.

Replacing is always the same move: close the old window (which saves what is typed and the
layout; if it refuses, nothing happens), then build a new ``MainWindow`` that restores the
layout. Rebuilding rather than retranslating in place means every panel, whoever wrote it, comes
up in the new language without handling ``QEvent.LanguageChange``. A new database gets a new
context (its own change bus and undo stack); a new language keeps the context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from redaction import config
from redaction.storage.errors import StorageError
from redaction.ui.context import AppContext
from redaction.ui.deferred import deferred
from redaction.ui.i18n import install_translators
from redaction.ui.main_window import MainWindow

if TYPE_CHECKING:
    from redaction.storage.database import Database

backup_service = deferred("redaction.services.backup")
database = deferred("redaction.storage.database")


class Desk(QObject):
    window_replaced = Signal(object)  # the new MainWindow

    def __init__(self, app: QApplication, db: Database) -> None:
        super().__init__()
        self.app = app
        self.ctx = self._new_context(db)
        self.window = MainWindow(self.ctx)

    @property
    def db(self) -> Database:
        return self.ctx.db

    def _new_context(self, db: Database) -> AppContext:
        ctx = AppContext(db, self)
        # Queued: the requests come from inside a dialog of the window about to be closed.
        ctx.rebuild_requested.connect(lambda: QTimer.singleShot(0, self.rebuild))
        ctx.restore_requested.connect(lambda path: QTimer.singleShot(0, lambda: self.restore(Path(path))))
        ctx.open_requested.connect(lambda target: QTimer.singleShot(0, lambda: self.open_database(target)))
        return ctx

    def _close_window(self) -> bool:
        """Close the current window (it saves); False if it stays open."""
        quit_on_close = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)  # closing it must not end the application
        try:
            if not self.window.close():
                return False
        finally:
            self.app.setQuitOnLastWindowClosed(quit_on_close)
        self.window.deleteLater()
        return True

    def _show_new_window(self) -> None:
        self.window = MainWindow(self.ctx)
        self.window.show()
        self.window_replaced.emit(self.window)

    def _switch_context(self, db: Database) -> None:
        self.ctx.close()
        self.ctx.deleteLater()
        self.ctx = self._new_context(db)

    def rebuild(self) -> bool:
        """Reinstall the translators for the chosen language and rebuild the window."""
        if not self._close_window():
            return False
        install_translators(self.app)
        self.ctx.retranslate()
        self._show_new_window()
        return True

    def open_database(self, target: str) -> bool:
        """Work on another database from now on (remembered for the next start)."""
        try:
            db = database.Database.open(target)
        except StorageError as exc:
            QMessageBox.critical(
                self.window,
                self.tr("Cannot open the database"),
                self.tr("redaction could not open {0}.\n\n{1}\n\nThe file was not changed.").format(
                    target, exc
                ),
            )
            return False
        if not self._close_window():
            db.close()
            return False
        old = self.ctx.db
        self._switch_context(db)
        old.close()
        config.put(DATABASE=target)
        self._show_new_window()
        return True

    def restore(self, backup: Path) -> bool:
        """Replace the database with ``backup`` and open a new window on it."""
        path = database.database_file(self.db)
        if path is None or not self._close_window():
            return False
        self.ctx.close()
        self.db.close()
        restored = True
        try:
            backup_service.restore_backup(path, backup)
        except backup_service.BackupError as exc:
            restored = False
            QMessageBox.critical(
                None,
                self.tr("The backup was not restored"),
                self.tr("{0}\n\nThe database was not changed.").format(exc),
            )
        try:
            db = database.Database.open(path)
        except StorageError as exc:
            QMessageBox.critical(None, self.tr("Cannot open the database"), str(exc))
            self.app.quit()
            return False
        self.ctx.deleteLater()
        self.ctx = self._new_context(db)
        self._show_new_window()
        if restored:
            self.window.statusBar().showMessage(self.tr("Backup restored: {0}").format(backup.name), 8000)
        return restored

    def close(self) -> None:
        self.ctx.close()
        self.db.close()
