"""The article list panel: type to filter, pick a status, sort by any column, open with a click.

It keeps itself current from the change bus: a row whose article changed (saved here or in
another window or process, its comments moderated) is read again in place; when articles were
added or removed the list is read again, the current article kept current.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.workflow import ArticleStatus
from redaction.services.articles.values import ArticleQuery
from redaction.storage.changeset import Changes
from redaction.ui import labels
from redaction.ui.articles.model import COLUMNS, ArticleTableModel, count_matching
from redaction.ui.context import AppContext
from redaction.ui.operations import Operation

FILTER_DELAY_MS = 120  # merge fast typing into one query
MAX_ROWS_TO_FIND = 5000  # select_article loads pages down to this row, not further


TITLE_MIN_CHARS = 16  # the title column never gets narrower: a title is what a person looks for


class ArticleListPanel(QWidget):
    article_selected = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleTableModel(ctx.db, parent=self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("article_filter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by title, rubric, author…"))
        self.filter_edit.setClearButtonEnabled(True)

        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("article_status_filter")
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in ArticleStatus:
            self.status_combo.addItem(labels.article_status(status.value), status.value)

        self.view = QTableView(self)
        self.view.setObjectName("article_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The indicator first, on the model's own order: enabling sorting then loads nothing again.
        self.view.horizontalHeader().setSortIndicator(
            COLUMNS.index("updated_at"), Qt.SortOrder.DescendingOrder
        )
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        statuses = [labels.article_status(status.value) for status in ArticleStatus]
        for column, samples in (
            (1, ["Économie"]),
            (2, statuses),  # every status in full, in the interface's language ("En relecture")
            (3, ["Anne Le Goff"]),
            (4, ["00/00/0000"]),
            (5, ["999"]),
        ):
            # wide enough for a typical value and for the column's own (translated) header
            header_text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                max(metrics.horizontalAdvance(sample) for sample in samples),
                metrics.horizontalAdvance(header_text) + 12,
            )
            self.view.setColumnWidth(column, width + 14)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("article_count")

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.status_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self.update_count)
        ctx.bus.changed.connect(self._changed)
        self._update_count_later()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the columns allow, whatever the language: every column but the title at
        the width it was given, the title at :data:`TITLE_MIN_CHARS` characters."""
        hint = super().minimumSizeHint()
        view = self.view
        columns = sum(view.columnWidth(c) for c in range(1, len(COLUMNS)) if not view.isColumnHidden(c))
        title = view.fontMetrics().averageCharWidth() * TITLE_MIN_CHARS
        margins = self.layout().contentsMargins()
        chrome = 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        return QSize(
            max(hint.width(), columns + title + chrome + margins.left() + margins.right()), hint.height()
        )

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.everything or changes.article_set:
            self.reload_keeping_current()
            return
        for article_id in changes.articles:
            self.model.refresh_article(article_id)

    def reload_keeping_current(self) -> None:
        """Read the list again; the article that was current stays current (without being
        opened again)."""
        current = self.current_article_id()
        selection = self.view.selectionModel()
        blocked = selection.blockSignals(True)
        try:
            self.model.reload()
            if current is not None:
                self.select_article(current)
        finally:
            selection.blockSignals(blocked)

    def show_all(self) -> None:
        """No filter, every status: the whole list."""
        self.filter_edit.clear()
        self.status_combo.setCurrentIndex(0)
        self.apply_filter()

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.status_combo.currentData(), self.filter_edit.text())

    def _update_count_later(self) -> None:
        QTimer.singleShot(0, self.update_count)

    def update_count(self) -> None:
        query = self.model.query
        if not query.text.split():
            self._show_count(query, self.model.total())  # an index answers in about a millisecond
            return
        # Counting the matches of a word reads every article's index entry (30 ms at 100,000):
        # do it in a worker while the first page, found sooner, is painted.
        self.count_label.setText("…")
        db = self.model.db
        operation = Operation(lambda _progress: count_matching(db, query))
        operation.deliver_to(
            self, finished=lambda total: self._show_count(query, total), failed=self._count_failed
        )
        operation.start()

    def _show_count(self, query: ArticleQuery, total: int) -> None:
        if query != self.model.query:
            return  # the filter changed while counting: its own count is on the way
        self.count_label.setText(
            self.tr("%n article(s)", "", total).replace(str(total), QLocale().toString(total))
        )

    def _count_failed(self, _message: str) -> None:
        self.count_label.setText("")

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.model.article_id(current.row()) if current.isValid() else None
        if article_id is not None:
            self.article_selected.emit(article_id)

    def current_article_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        """Make ``article_id`` current (loading the pages above it, if it is within the first
        ``MAX_ROWS_TO_FIND`` rows of the list); True if shown."""
        row = self.model.row_of(article_id)
        if row is None:
            # Ask where it is first: an old article far down the list (or filtered out) would
            # otherwise cost dozens of pages loaded for nothing.
            position = self.model.position_of(article_id)
            if position is None or position >= MAX_ROWS_TO_FIND:
                return False
        while (
            row is None
            and self.model.canFetchMore(QModelIndex())
            and self.model.rowCount() < MAX_ROWS_TO_FIND
        ):
            self.model.fetchMore(QModelIndex())
            row = self.model.row_of(article_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        return True

    def move_current(self, step: int) -> None:
        index = self.view.currentIndex()
        row = (index.row() if index.isValid() else -1) + step
        if row >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        if 0 <= row < self.model.rowCount():
            article_id = self.model.article_id(row)
            if article_id is not None:
                self.select_article(article_id)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()
