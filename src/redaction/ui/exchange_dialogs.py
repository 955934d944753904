"""File ▸ Open Database…, Import… and Export…: the window's way to what the command line's
``--db``, ``import`` and ``export`` do, through the same services.

Imports are read and checked first (a bad file is refused with the file and line named, nothing
written), then stored in one transaction on a worker thread; the change bus brings the new
articles and comments to every panel. Exports write one file per article into a chosen folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.workflow import ArticleStatus
from redaction.storage.changeset import initiated_by
from redaction.ui import labels
from redaction.ui.context import AppContext
from redaction.ui.operations import report, run_with_progress

t = QCoreApplication.translate


class ExchangeTexts(QObject):
    """The translation context of counted messages (lupdate sees plurals only in ``tr``)."""


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )


def choose_database_file(ctx: AppContext, window: QWidget) -> None:
    path, _filter = QFileDialog.getOpenFileName(
        window,
        t("ExchangeDialogs", "Open a redaction Database"),
        _documents(),
        t("ExchangeDialogs", "redaction databases (*.db *.sqlite *.sqlite3);;All files (*)"),
    )
    if path:
        ctx.open_requested.emit(path)


def import_files(ctx: AppContext, window: QWidget) -> None:
    paths, _filter = QFileDialog.getOpenFileNames(
        window,
        t("ExchangeDialogs", "Import into the Newsroom"),
        _documents(),
        t(
            "ExchangeDialogs",
            "Everything redaction imports (*.md *.markdown *.xml *.csv);;Markdown articles (*.md *.markdown);;"
            "WordPress exports (*.xml);;Reader comments (*.csv)",
        ),
    )
    if paths:
        run_import(ctx, window, [Path(p) for p in paths])


def run_import(ctx: AppContext, window: QWidget, paths: list[Path]) -> None:
    """Read, check and store ``paths`` all-or-nothing on a worker thread; say what came in."""
    from redaction.services.exchange.importing import read_files, store_batches

    db = ctx.db

    def work(progress: object) -> object:
        batches = read_files(paths, progress)  # type: ignore[arg-type]
        return store_batches(db, batches)

    def done(result: object) -> None:
        articles, comments = result.articles, result.comments  # type: ignore[attr-defined]
        text = ExchangeTexts.tr("Imported: %n article(s)", "", articles)
        if comments:
            text += ExchangeTexts.tr(", %n comment(s)", "", comments)
        window.statusBar().showMessage(text + ".", 8000)  # type: ignore[attr-defined]
        warnings = result.warnings  # type: ignore[attr-defined]
        if warnings:
            report(
                window, t("ExchangeDialogs", "Imported, with a warning"), "\n\n".join(warnings), warning=True
            )

    def failed(message: str) -> None:
        if message:
            report(
                window,
                t("ExchangeDialogs", "Nothing was imported"),
                t("ExchangeDialogs", "{0}\n\nThe newsroom was not changed.").format(message),
            )

    with initiated_by(window):
        run_with_progress(window, work, t("ExchangeDialogs", "Importing…"), done, failed)


class ExportDialog(QDialog):
    """Where to, which format, which articles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export Articles"))
        self.folder_edit = QLineEdit(str(Path(_documents()) / "redaction-export"), objectName="export_folder")
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.format_combo = QComboBox(objectName="export_format")
        self.format_combo.addItem(self.tr("Markdown with front matter (.md)"), "md")
        self.format_combo.addItem(self.tr("Web pages like the preview (.html)"), "html")
        self.status_combo = QComboBox(objectName="export_status")
        self.status_combo.addItem(self.tr("All articles"), None)
        for status in ArticleStatus:
            self.status_combo.addItem(labels.article_status(status.value), status.value)
        form = QFormLayout()
        folder_label = QLabel(self.tr("&Folder:"))  # a row of a layout gets no buddy by itself
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("F&ormat:"), self.format_combo)
        form.addRow(self.tr("&Articles:"), self.status_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export into"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def choice(self) -> tuple[Path, str, str | None]:
        return (
            Path(self.folder_edit.text()).expanduser(),
            self.format_combo.currentData(),
            self.status_combo.currentData(),
        )


def export_articles(ctx: AppContext, window: QWidget) -> None:
    dialog = ExportDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    folder, fmt, status = dialog.choice()
    from redaction.services.exchange.export import export_articles as export

    db = ctx.db

    def done(result: object) -> None:
        count = result.count  # type: ignore[attr-defined]
        window.statusBar().showMessage(  # type: ignore[attr-defined]
            ExchangeTexts.tr("Exported %n article(s) to %1.", "", count).replace("%1", str(folder)), 8000
        )

    def failed(message: str) -> None:
        if message:
            report(window, t("ExchangeDialogs", "The export did not finish"), message)

    run_with_progress(
        window,
        lambda _progress: export(db, folder, fmt, status),
        t("ExchangeDialogs", "Exporting…"),
        done,
        failed,
    )
