"""File ▸ Restore from Backup…: the backups of this database, a manual backup, and a restore.

The list shows when each backup was made, why, its size and how many articles and comments it
holds (read from the backup, read-only). Restoring is confirmed first, then handed to the
application (``AppContext.restore_requested``): it closes the window and the database, takes a
backup of the current state, copies the chosen one in and opens a new window on it. A database
on a server (PostgreSQL) is not backed up by the app; the dialog says so and shows no list.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redaction.services.backup import BackupError, BackupInfo
from redaction.storage.database import Database, database_file
from redaction.ui.deferred import deferred

if TYPE_CHECKING:
    from redaction.ui.context import AppContext

backup_service = deferred("redaction.services.backup")


def _local(info: BackupInfo) -> QDateTime:
    """When the backup was made, in the machine's time zone."""
    return QDateTime.fromMSecsSinceEpoch(int(info.created_at.timestamp() * 1000))


class BackupDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_dialog")
        self.setWindowTitle(self.tr("Backups"))
        self.db = db
        self.chosen: Path | None = None
        self._backups: list[BackupInfo] = []
        layout = QVBoxLayout(self)
        self.intro = QLabel(objectName="backup_intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.intro)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.table = QTableWidget(0, 5, self, objectName="backup_table")
        self.restore_button = QPushButton(self.tr("&Restore…"), objectName="restore_button")
        self.backup_button = QPushButton(self.tr("&Back Up Now"), objectName="backup_now_button")
        self.folder_button = QPushButton(self.tr("Show &Folder"), objectName="show_folder_button")
        path = database_file(db)
        if path is None:
            self.intro.setText(
                self.tr(
                    "This newsroom's database is on a server ({0}). redaction does not back up server "
                    "databases: the server's administrator does, with the server's own tools (pg_dump "
                    "for PostgreSQL). Ask them to restore an earlier state if you need one."
                ).format(db.location)
            )
            self.table.hide()
            layout.addWidget(buttons)
            self.resize(520, 180)
            return
        self.intro.setText(
            self.tr(
                "Backups of {0} are kept in {1}: one before every upgrade of redaction and every bulk "
                "operation, and one whenever you ask. The newest {2} are kept."
            ).format(path.name, path.parent / "backups", backup_service.KEEP_DEFAULT)
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Reason"), self.tr("Size"), self.tr("Articles"), self.tr("Comments")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.confirm_restore())
        layout.addWidget(self.table)
        self.restore_button.clicked.connect(self.confirm_restore)
        self.backup_button.clicked.connect(self.back_up_now)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent / "backups")))
        )
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        self.refresh()
        self.resize(720, 420)

    # -- the list -------------------------------------------------------------------------------
    def reason_text(self, reason: str) -> str:
        if reason == "manual":
            return self.tr("Asked for")
        if reason == "before-restore":
            return self.tr("Before restoring a backup")
        if match := re.fullmatch(r"before-migration-(.+)", reason):
            return self.tr("Before upgrading to schema {0}").format(match[1])
        known = {
            "before-bulk-approve": self.tr("Before approving comments in bulk"),
            "before-bulk-spam": self.tr("Before marking comments as spam in bulk"),
            "before-bulk-trash": self.tr("Before trashing comments in bulk"),
            "before-bulk-pending": self.tr("Before sending comments back to pending in bulk"),
            "before-import": self.tr("Before an import"),
        }
        if reason in known:
            return known[reason]
        if reason.startswith("before-"):
            return self.tr("Before: {0}").format(reason.removeprefix("before-").replace("-", " "))
        return reason.replace("-", " ")

    def refresh(self) -> None:
        self._backups = backup_service.list_backups(self.db)
        locale = QLocale()
        self.table.setRowCount(len(self._backups))
        for row, info in enumerate(self._backups):
            try:
                contents = backup_service.read_contents(info.path)
                counts = (contents.articles, contents.comments)
            except BackupError:
                counts = (None, None)
            made = locale.toString(_local(info), QLocale.FormatType.ShortFormat)
            cells = [
                made,
                self.reason_text(info.reason),
                locale.formattedDataSize(info.size),
                *("—" if n is None else locale.toString(n) for n in counts),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if self._backups:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self._backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # -- actions --------------------------------------------------------------------------------
    def back_up_now(self) -> BackupInfo | None:
        try:
            info = backup_service.back_up_now(self.db)
        except BackupError as exc:
            QMessageBox.critical(self, self.tr("No backup was made"), str(exc))
            return None
        self.refresh()
        return info

    def confirm_restore(self) -> None:
        info = self.selected()
        if info is None:
            return
        made = QLocale().toString(_local(info), QLocale.FormatType.LongFormat)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Restore from Backup"))
        box.setText(self.tr("Go back to the database as it was on {0}?").format(made))
        box.setInformativeText(
            self.tr(
                "Everything written since then will be replaced. The database as it is now is backed up "
                "first, so you can come back to it from this list."
            )
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is restore:
            self.chosen = info.path
            self.accept()


def open_backups(ctx: AppContext, window: QWidget) -> BackupDialog:
    """Show the backups of the database (window-modal over ``window``); a restore goes to the app."""
    dialog = BackupDialog(ctx.db, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        if dialog.chosen is not None:
            ctx.restore_requested.emit(str(dialog.chosen))

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog
