"""The decision log window: every moderation decision, filtered by who, what, when and words,
with "Undo This Decision" for any of them (refused, with the reason, when the comment has moved
again since)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.dates import short_datetime, utcnow
from redaction.services.moderation.log import LogFilter, UndoRefusedError
from redaction.services.moderation.values import STATUSES
from redaction.storage.changeset import initiated_by
from redaction.storage.errors import StorageError
from redaction.ui import labels
from redaction.ui.context import AppContext
from redaction.ui.deferred import deferred
from redaction.ui.moderation.log_model import COLUMNS, LogModel

moderation_log = deferred("redaction.services.moderation.log")

TYPING_DELAY_MS = 300
PERIODS = {"any": None, "day": 1, "week": 7, "month": 30}


class DecisionLogDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decision_log")
        self.setWindowTitle(self.tr("Decision Log"))
        self.ctx = ctx
        self.db = ctx.db

        self.actor_combo = QComboBox(objectName="log_actor")
        self.actor_combo.addItem(self.tr("Everyone"), "")
        self.status_combo = QComboBox(objectName="log_status")
        self.status_combo.addItem(self.tr("Any decision"), None)
        for status in STATUSES:
            self.status_combo.addItem(
                self.tr("To %1").replace("%1", labels.comment_status(status).lower()), status
            )
        self.period_combo = QComboBox(objectName="log_period")
        for key, text in zip(
            PERIODS,
            (self.tr("Any date"), self.tr("Last 24 hours"), self.tr("Last 7 days"), self.tr("Last 30 days")),
            strict=True,
        ):
            self.period_combo.addItem(text, key)
        self.text_edit = QLineEdit(objectName="log_text")
        self.text_edit.setPlaceholderText(self.tr("Words of the reason, the commenter or the comment"))
        self.text_edit.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        for widget in (self.actor_combo, self.status_combo, self.period_combo):
            filters.addWidget(widget)
        filters.addWidget(self.text_edit, 1)

        self.model = LogModel(ctx.db, parent=self)
        self.view = QTableView(objectName="log_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self._size_columns()
        self.message = QLabel(objectName="log_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo This Decision"), objectName="log_undo")
        self.undo_button.clicked.connect(self.undo_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(980, 560)

        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.text_edit.textChanged.connect(self._timer.start)
        for combo in (self.actor_combo, self.status_combo, self.period_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._load_actors()
        self.apply_filter()

    def _size_columns(self) -> None:
        """The time and the decision always in full, in either language; the comment takes the
        rest of the width, the reason what its words need."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        padding = 2 * self.view.style().pixelMetric(self.view.style().PixelMetric.PM_FocusFrameHMargin) + 16

        def fit(key: str, texts: list[str]) -> None:
            heading = header.fontMetrics().horizontalAdvance(self.model.header_text(key)) + 24
            header.resizeSection(
                COLUMNS.index(key), max(heading, *(metrics.horizontalAdvance(t) + padding for t in texts))
            )

        moments = [utcnow() - timedelta(days=d) for d in (0, 40, 400)]
        fit("at", [short_datetime(m, labels.ui_language()) for m in moments])
        fit("move", [LogModel.move_text(a, b) for a in STATUSES for b in STATUSES if a != b])
        fit("actor", [self.tr("Everyone")])
        header.setSectionResizeMode(COLUMNS.index("comment"), QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COLUMNS.index("reason"), metrics.averageCharWidth() * 34)

    def _load_actors(self) -> None:
        try:
            actors = moderation_log.log_actors(self.db)
        except StorageError:
            return
        for actor in actors:
            self.actor_combo.addItem(actor, actor)

    def log_filter(self) -> LogFilter:
        days = PERIODS[self.period_combo.currentData()]
        return LogFilter(
            actor=self.actor_combo.currentData() or "",
            status=self.status_combo.currentData(),
            since=utcnow() - timedelta(days=days) if days else None,
            text=self.text_edit.text().strip(),
        )

    def apply_filter(self) -> None:
        self._timer.stop()
        try:
            self.model.set_filter(self.log_filter())
        except StorageError as exc:
            self.message.setText(str(exc))
            return
        if self.model.rowCount():
            self.view.selectRow(0)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        self.undo_button.setEnabled(self.view.currentIndex().isValid())

    def undo_selected(self) -> None:
        row = self.model.event_row(self.view.currentIndex().row())
        if row is None:
            return
        try:
            with initiated_by(self):
                decision = moderation_log.undo_event(self.db, row.id, self.ctx.actor)
        except UndoRefusedError as exc:
            self.message.setText(
                self.tr("This decision is no longer in the log.")
                if exc.current_status is None
                else self.tr(
                    "Not undone: the comment has been moved to %1 since, and that later decision stands."
                ).replace("%1", labels.comment_status(exc.current_status).lower())
            )
            return
        except StorageError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(
            self.tr("Undone: the comment is back in %1.").replace(
                "%1", labels.comment_status(decision.to_status).lower()
            )
        )
        selected = self.view.currentIndex().row()
        self.model.reload()
        self.view.selectRow(min(selected + 1, self.model.rowCount() - 1))
