"""The decision log as a lazy table model: keyset pages of :func:`moderation_log.list_log_in`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from redaction.domain.dates import short_datetime
from redaction.domain.untrusted import one_line, reveal_invisible, visible_name
from redaction.services.moderation.log import LogFilter, LogRow
from redaction.ui import labels
from redaction.ui.deferred import deferred
from redaction.ui.moderation.reasons import shown_reason
from redaction.ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from redaction.storage.database import Database

moderation_log = deferred("redaction.services.moderation.log")

COLUMNS = ("at", "actor", "move", "author", "comment", "article", "reason")
_Index = QModelIndex | QPersistentModelIndex


def _header(key: str) -> str:
    return {
        "at": QCoreApplication.translate("LogModel", "When"),
        "actor": QCoreApplication.translate("LogModel", "Who"),
        "move": QCoreApplication.translate("LogModel", "Decision"),
        "author": QCoreApplication.translate("LogModel", "Commenter"),
        "comment": QCoreApplication.translate("LogModel", "Comment"),
        "article": QCoreApplication.translate("LogModel", "Article"),
        "reason": QCoreApplication.translate("LogModel", "Reason"),
    }[key]


class LogModel(PagedTableModel[LogRow]):
    columns = COLUMNS

    def __init__(self, db: Database, page_size: int = moderation_log.PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(page_size, parent)
        self._db = db
        self._filter = LogFilter()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()]
        if key == "at":
            return short_datetime(row.at, labels.ui_language())
        if key == "actor":
            return visible_name(row.actor)
        if key == "move":
            return self.move_text(row.from_status, row.to_status)
        if key == "author":
            return visible_name(row.author_name) or reveal_invisible(row.author_email)
        if key == "comment":
            return reveal_invisible(one_line(row.excerpt, 100))
        if key == "article":
            return reveal_invisible(one_line(row.article_title, 60))
        return reveal_invisible(one_line(shown_reason(row.reason), 100))

    @staticmethod
    def move_text(from_status: str, to_status: str) -> str:
        return f"{labels.comment_status(from_status)} → {labels.comment_status(to_status)}"

    def header_text(self, key: str) -> str:
        return _header(key)

    def load_page(self, last: LogRow | None, limit: int) -> list[LogRow]:
        return moderation_log.list_log(self._db, self._filter, last, limit)

    def set_filter(self, f: LogFilter) -> None:
        self._filter = f
        self.reload()

    def reload(self) -> None:
        self.clear_rows()
        self.fetchMore(QModelIndex())

    def event_row(self, row: int) -> LogRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
