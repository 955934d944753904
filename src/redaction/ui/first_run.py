"""The first start: no database yet and none given (no ``--db``, no ``$REDACTION_DB``).

A dialog explains what redaction keeps where, asks the person's name and role, and offers three
starts: an empty newsroom database at the default place, an existing database file, or the demo
newsroom (in its own file, ``demo.db`` beside the default one). The dialog opens the database
itself, so a file that cannot be opened is explained while the choice is still on screen. The
chosen path is remembered (``database.target`` in config.toml) and opened directly at later starts.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from redaction import config
from redaction.config import default_database_path
from redaction.storage.database import Database
from redaction.storage.errors import StorageError
from redaction.ui import settings
from redaction.ui.startup import startup_target as startup_target  # where it lived before

DEMO_FILENAME = "demo.db"


def shown_path(path: Path) -> str:
    """``path`` with the home folder written ``~``, as people read it."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def create_demo(path: Path) -> Database:
    """Open ``path`` and fill it with the demo newsroom unless it already holds the demo."""
    from redaction.services.demo.fill import DemoRefusedError, fill_demo

    db = Database.open(path)
    try:
        fill_demo(db)
    except DemoRefusedError:
        pass  # already filled at an earlier first run: open it as it is
    except BaseException:
        db.close()
        raise
    return db


class FirstRunDialog(QDialog):
    def __init__(self, missing: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_dialog")
        self.setWindowTitle(self.tr("Welcome to redaction"))
        self.database: Database | None = None
        self.default_path = default_database_path()
        self.demo_path = self.default_path.with_name(DEMO_FILENAME)

        title = QLabel(self.tr("Welcome to redaction"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "redaction keeps the newsroom's articles, their revisions and the readers' comments in "
                "one database file. Say who you are, then choose where to start."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        if missing:
            gone = QLabel(
                self.tr("The database you used last, {0}, cannot be found. Is its disk connected?").format(
                    missing
                ),
                objectName="missing_label",
            )
            gone.setWordWrap(True)
            gone.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(gone)

        self.name_edit = QLineEdit(settings.get(settings.USER_NAME), objectName="name_edit")
        self.name_edit.setPlaceholderText(self.tr("First name Last name"))
        self.role_combo = QComboBox(objectName="role_combo")
        self.role_combo.addItem(self.tr("Journalist: I write articles"), "journalist")
        self.role_combo.addItem(self.tr("Editor: I review, publish and moderate"), "editor")
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(settings.get(settings.USER_ROLE))))
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name_edit)
        form.addRow(self.tr("Your &role:"), self.role_combo)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addSpacing(8)

        self.empty_button = self._choice(
            "empty_button",
            self.tr("Create an empty newsroom database"),
            self.tr("Start from a blank page. The file is created at {0}.").format(
                shown_path(self.default_path)
            ),
        )
        self.open_button = self._choice(
            "open_button",
            self.tr("Open an existing database…"),
            self.tr("A redaction database file from a colleague or from another computer."),
        )
        self.demo_button = self._choice(
            "demo_button",
            self.tr("Open the demo content"),
            self.tr(
                "A sample newsroom to try things out: articles at every stage and reader comments to "
                "moderate. It is kept apart from real work, in {0}."
            ).format(shown_path(self.demo_path)),
        )
        for button in (self.empty_button, self.open_button, self.demo_button):
            layout.addWidget(button)
        self.empty_button.clicked.connect(lambda: self._open(self.default_path))
        self.open_button.clicked.connect(self._browse)
        self.demo_button.clicked.connect(lambda: self._open(self.demo_path, demo=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quit"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name_edit.setFocus()
        # Wrapped texts need the height for the width: Qt does not grow a dialog to it by itself.
        width = 640
        self.setMinimumWidth(520)
        self.resize(width, layout.totalHeightForWidth(width))

    def _choice(self, name: str, text: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(text, description, self, objectName=name)
        button.setAutoDefault(False)
        return button

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a redaction Database"),
            os.fspath(Path.home()),
            self.tr("redaction databases (*.db *.sqlite *.sqlite3);;All files (*)"),
        )
        if path:
            self._open(Path(path))

    def _open(self, path: Path, demo: bool = False) -> bool:
        """Open (or create) the database at ``path``; on success remember it and close."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = create_demo(path) if demo else Database.open(path)
        except (StorageError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.critical(
                self,
                self.tr("Cannot open the database"),
                self.tr("redaction could not open {0}.\n\n{1}\n\nThe file was not changed.").format(
                    path, exc
                ),
            )
            return False
        QGuiApplication.restoreOverrideCursor()
        self.database = db
        config.put(
            DATABASE=str(path),
            USER_NAME=self.name_edit.text().strip(),
            USER_ROLE=self.role_combo.currentData(),
        )
        self.accept()
        return True


def run_first_run(missing: str = "") -> Database | None:
    """Ask until a database is open; None when the person quits."""
    dialog = FirstRunDialog(missing)
    dialog.exec()
    return dialog.database
