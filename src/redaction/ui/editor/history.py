"""Revision history of an article: list, compare any two word by word, restore one.

Restoring never destroys anything: the restored text is saved as a new revision on top.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.dates import short_datetime
from redaction.domain.diff import diff_counts, word_diff
from redaction.services.articles.values import ArticleFields, RevisionInfo
from redaction.ui import labels
from redaction.ui.editor.diff_view import DiffView


def _reason(reason: str) -> str:
    t = QCoreApplication.translate
    names = {
        "created": t("HistoryDialog", "created"),
        "save": t("HistoryDialog", "saved"),
        "autosave": t("HistoryDialog", "autosaved"),
        "switch": t("HistoryDialog", "saved on switching"),
        "close": t("HistoryDialog", "saved on closing"),
        "status": t("HistoryDialog", "status changed"),
        "restore": t("HistoryDialog", "restored"),
        "merge": t("HistoryDialog", "merged"),
        "import": t("HistoryDialog", "imported"),
    }
    return names.get(reason, reason)


class HistoryDialog(QDialog):
    """Pick one revision to compare with the text on screen, or two to compare together."""

    def __init__(
        self, revisions: list[RevisionInfo], current: ArticleFields, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revision History"))
        self.revisions = revisions
        self.current = current
        self.chosen: RevisionInfo | None = None

        self.table = QTableWidget(len(revisions), 4, self, objectName="revision_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("By"), self.tr("What"), self.tr("Words")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        language = labels.ui_language()
        for row, revision in enumerate(revisions):
            words = QTableWidgetItem(QLocale().toString(revision.word_count))
            words.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate(
                (
                    QTableWidgetItem(short_datetime(revision.created_at, language)),
                    QTableWidgetItem(revision.author_name),
                    QTableWidgetItem(_reason(revision.reason)),
                    words,
                )
            ):
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # "What": the rest of the width

        self.summary = QLabel(objectName="diff_summary")
        self.diff = DiffView()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.diff, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        # The list as wide as its columns, in either language; the comparison takes the rest.
        self.table.resizeColumnsToContents()
        listed = (
            self.table.horizontalHeader().length()
            + 2 * self.table.frameWidth()
            + self.table.verticalScrollBar().sizeHint().width()
        )
        self.table.setMinimumWidth(listed)
        splitter.setSizes([listed, max(480, 1000 - listed)])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore This Revision"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restore_revision")
        self.restore_button.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 620)
        self.table.itemSelectionChanged.connect(self._compare)
        if revisions:
            self.table.selectRow(0)

    def selected(self) -> list[RevisionInfo]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.revisions[r] for r in rows]

    def _compare(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(len(chosen) == 1)
        if not chosen:
            self.diff.clear()
            self.summary.clear()
            return
        if len(chosen) == 1:
            old, new = chosen[0].fields.body, self.current.body
            caption = self.tr("From this revision to the text on screen")
        else:
            newer, older = chosen[0], chosen[-1]  # the list is newest first
            old, new = older.fields.body, newer.fields.body
            caption = self.tr("From the older to the newer selected revision")
        pieces = word_diff(old, new)
        added, removed = diff_counts(pieces)
        self.summary.setText(self.tr("{0}: {1} words added, {2} removed").format(caption, added, removed))
        self.diff.show_diff(pieces)

    def _restore(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.chosen = chosen[0]
            self.accept()
