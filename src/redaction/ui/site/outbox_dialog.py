"""The changes waiting for the site, those it refused and those to settle (the status bar's
"N changes waiting for the site", clicked).

A table of the open outbox items (:func:`redaction.services.site.overview.outbox_rows`), oldest
first, read again whenever the outbox changes. Retry puts the selected refused items (or all of
them, when none is selected) back in the queue (:func:`redaction.services.site.sync.retry_items`)
and syncs; Settle… opens the conflicts; Sync Now sends what waits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.untrusted import one_line, visible_name
from redaction.services.site.values import CONFLICT, FAILED, OutboxCounts
from redaction.storage.changeset import Changes
from redaction.storage.errors import StorageError
from redaction.ui import labels
from redaction.ui.deferred import deferred
from redaction.ui.site import texts

if TYPE_CHECKING:
    from redaction.ui.context import AppContext
    from redaction.ui.site.controls import SiteControls

overview = deferred("redaction.services.site.overview")

Index = QModelIndex | QPersistentModelIndex


class OutboxModel(QAbstractTableModel):
    WHEN, CHANGE, STATE, TRIES, REASON = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[overview.OutboxRow] = []

    def set_rows(self, rows: list[overview.OutboxRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Change"), self.tr("State"), self.tr("Tries"), self.tr("Reason"))[
            section
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        entry = row.entry
        column = index.column()
        if column == self.WHEN:
            return texts.when(entry.created_at)
        if column == self.CHANGE:
            return self.describe(row)
        if column == self.STATE:
            return texts.state_text(entry.state)
        if column == self.TRIES:
            return str(entry.attempts)
        return entry.last_error if role == Qt.ItemDataRole.ToolTipRole else one_line(entry.last_error, 200)

    def describe(self, row: overview.OutboxRow) -> str:
        entry, title = row.entry, one_line(row.article_title, 80) or "?"
        kind = texts.kind_text(entry.kind)
        if entry.kind in ("publish", "unpublish"):
            return f"{kind}: “{title}”"
        author = visible_name(row.comment_author) or self.tr("(anonymous)")
        if entry.kind == "moderate":
            status = labels.comment_status(str(entry.payload.get("status", ""))).lower()
            return (
                self.tr("%1: comment by %2 on “%3” → %4")
                .replace("%1", kind)
                .replace("%2", author)
                .replace("%3", title)
                .replace("%4", status)
            )
        return self.tr("%1 to %2 on “%3”").replace("%1", kind).replace("%2", author).replace("%3", title)


class OutboxDialog(QDialog):
    def __init__(self, ctx: AppContext, controls: SiteControls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_outbox_dialog")
        self.setWindowTitle(self.tr("Changes for the Site"))
        self.ctx, self.controls = ctx, controls
        self.summary = QLabel(objectName="outbox_summary")
        self.summary.setWordWrap(True)
        self.model = OutboxModel(self)
        self.view = QTableView(objectName="outbox_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(OutboxModel.CHANGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OutboxModel.REASON, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.retry_button = QPushButton(self.tr("Retry Refused"), objectName="outbox_retry")
        self.dismiss_button = QPushButton(self.tr("Dismiss Refused"), objectName="outbox_dismiss")
        self.dismiss_button.setToolTip(self.tr("Put the refused changes aside: the site will not take them"))
        self.settle_button = QPushButton(self.tr("Settle…"), objectName="outbox_settle")
        self.sync_button = QPushButton(self.tr("Sync Now"), objectName="outbox_sync")
        for button in (self.retry_button, self.dismiss_button, self.settle_button, self.sync_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.retry_button.clicked.connect(self.retry)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.settle_button.clicked.connect(controls.open_conflicts)
        self.sync_button.clicked.connect(controls.sync_now)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)
        ctx.bus.changed.connect(self._changed)
        controls.sync.running_changed.connect(lambda running: self.sync_button.setEnabled(not running))
        self.reload()

    def reload(self) -> None:
        try:
            rows = overview.outbox_rows(self.ctx.db)
        except StorageError as exc:
            self.summary.setText(str(exc))
            return
        self.model.set_rows(rows)
        counts = OutboxCounts(
            sum(r.entry.state not in (CONFLICT, FAILED) for r in rows),
            sum(r.entry.state == CONFLICT for r in rows),
            sum(r.entry.state == FAILED for r in rows),
        )
        self.summary.setText(texts.waiting_text(counts) or self.tr("Nothing waits for the site."))
        self.retry_button.setEnabled(counts.failed > 0)
        self.dismiss_button.setEnabled(counts.failed > 0)
        self.settle_button.setEnabled(counts.conflicts > 0)
        self.view.resizeColumnToContents(OutboxModel.WHEN)

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.outbox or changes.everything:
            self.reload()

    def _refused(self) -> list[int]:
        """The selected refused items, or every refused one when none is selected."""
        chosen = {i.row() for i in self.view.selectionModel().selectedRows()}
        refused = [(n, r.entry.id) for n, r in enumerate(self.model.rows) if r.entry.state == FAILED]
        return [i for n, i in refused if n in chosen] or [i for _, i in refused]

    def retry(self) -> None:
        """Refused items back in the queue (after fixing what made the site refuse them), and a
        sync to send them."""
        from redaction.services.site.sync import retry_items

        try:
            moved = retry_items(self.ctx.db, self._refused())
        except StorageError as exc:
            self.summary.setText(str(exc))
            return
        self.controls.message(self.tr("%n change(s) back in the queue.", "", moved))
        self.controls.sync_now()

    def dismiss(self) -> None:
        from redaction.services.site.sync import dismiss_items

        try:
            moved = dismiss_items(self.ctx.db, self._refused())
        except StorageError as exc:
            self.summary.setText(str(exc))
            return
        self.controls.message(self.tr("%n refused change(s) put aside.", "", moved))
