"""The comments of the selected article: a queue per status, the full text, and the decisions.

Everything a reader wrote is put on screen as plain text (labels in PlainText format, a read-only
plain-text view), so markup and scripts are shown, never run, and nothing remote is fetched.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTabBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.dates import short_datetime
from redaction.domain.untrusted import link_domain, reveal_invisible, visible_name
from redaction.domain.workflow import CommentStatus
from redaction.services.moderation import comments as comment_service
from redaction.storage.database import Database
from redaction.ui import labels
from redaction.ui.moderation.model import CommentTableModel

QUEUES: tuple[str | None, ...] = ("pending", "approved", "spam", "trash", None)
MAX_SHOWN_CHARS = 200_000  # beyond this the text view shows the start and says how much is left


class CommentsPanel(QWidget):
    comments_moderated = Signal(int)

    def __init__(self, db: Database, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.actor = actor
        self.model = CommentTableModel(db, parent=self)
        self.last_decisions: list[comment_service.Decision] = []

        self.tabs = QTabBar(objectName="comment_queues")
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        for status in QUEUES:
            self.tabs.addTab(self._tab_text(status, None))
        self.view = QTableView(objectName="comment_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        self.view.setColumnWidth(0, metrics.horizontalAdvance("M") * 9)
        self.view.setColumnWidth(1, metrics.horizontalAdvance("00/00/0000 00:00") + 14)
        self.view.setColumnWidth(2, labels.comment_status_width(metrics) + 14)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.meta_label = QLabel(objectName="comment_meta")
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
        self.meta_label.setWordWrap(True)
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body_view = QPlainTextEdit(objectName="comment_body")
        self.body_view.setReadOnly(True)
        self.body_view.setPlaceholderText(self.tr("Select a comment to read it in full."))

        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.meta_label)
        detail_layout.addWidget(self.body_view, 1)
        detail_layout.addLayout(self.buttons)

        splitter = QSplitter(Qt.Orientation.Vertical, objectName="comments_splitter")
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([3, 2])

        self.empty_label = QLabel(objectName="comments_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        layout.addWidget(splitter, 1)

        self.tabs.currentChanged.connect(self._queue_changed)
        self.view.selectionModel().currentRowChanged.connect(self._show_current)

    def add_decision_actions(self, actions: list[QAction]) -> None:
        """Buttons under the text, and shortcuts live while the panel has focus."""
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons.addWidget(button)
            self.addAction(action)
        self.buttons.addStretch(1)

    # -- what is shown ------------------------------------------------------------------------
    def show_article(self, article_id: int | None) -> None:
        self.model.show(article_id, QUEUES[self.tabs.currentIndex()])
        self._select_row(0)
        self.refresh_counts()

    def refresh_counts(self) -> None:
        if self.model.article_id is None:
            counts = None
        else:
            with self._db.session() as session:
                counts = comment_service.count_by_status(session, self.model.article_id)
        for index, status in enumerate(QUEUES):
            self.tabs.setTabText(index, self._tab_text(status, counts))

    def _tab_text(self, status: str | None, counts: dict[str, int] | None) -> str:
        name = labels.comment_status(status) if status else self.tr("All")
        if counts is None:
            return name
        n = counts[status] if status else sum(counts.values())
        return f"{name} ({QLocale().toString(n)})"

    def set_queue(self, status: str | None) -> None:
        self.tabs.setCurrentIndex(QUEUES.index(status))

    def _queue_changed(self, index: int) -> None:
        self.model.show(self.model.article_id, QUEUES[index])
        self._select_row(0)

    def _select_row(self, row: int) -> None:
        row = min(row, self.model.rowCount() - 1)
        if row < 0:
            self._show_current(QModelIndex(), QModelIndex())
            return
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        comment = self.model.comment(current.row()) if current.isValid() else None
        if comment is None:
            self.meta_label.setText("")
            self.body_view.setPlainText("")
            return
        parts = [visible_name(comment.author_name) or self.tr("(anonymous)")]
        if comment.author_email:
            parts.append(reveal_invisible(comment.author_email))
        if comment.author_url:
            domain = link_domain(comment.author_url)
            parts.append(self.tr("site: %1").replace("%1", domain or reveal_invisible(comment.author_url)))
        if comment.author_ip:
            parts.append(self.tr("IP %1").replace("%1", comment.author_ip))
        parts.append(short_datetime(comment.created_at, labels.ui_language()))
        parts.append(labels.comment_status(comment.status))
        self.meta_label.setText(" · ".join(parts))
        body = comment.body
        if len(body) > MAX_SHOWN_CHARS:
            rest = len(body) - MAX_SHOWN_CHARS
            body = (
                body[:MAX_SHOWN_CHARS]
                + "\n\n"
                + self.tr("[… %1 more characters not shown]").replace("%1", QLocale().toString(rest))
            )
        self.body_view.setPlainText(body)

    # -- decisions ----------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [c.id for r in rows if (c := self.model.comment(r)) is not None]

    def decide(self, status: str) -> int:
        """Move the selected comments to ``status``; the next comment gets the focus."""
        ids = self.selected_ids()
        if not ids or self.model.article_id is None:
            return 0
        selected_rows = [index.row() for index in self.view.selectionModel().selectedRows()]
        first_row = min(selected_rows) if selected_rows else self.view.currentIndex().row()
        decisions = comment_service.moderate(self._db, ids, CommentStatus.parse(status).value, self.actor)
        self.last_decisions = decisions
        self.model.apply_moves({d.comment_id: d.to_status for d in decisions})
        # Rows that left this queue are gone, so the next comment now sits at first_row; in the
        # "All" queue nothing moves, so step past the decided ones.
        self._select_row(first_row if self.model.status is not None else first_row + len(ids))
        self.refresh_counts()
        self.comments_moderated.emit(self.model.article_id)
        return len(decisions)
