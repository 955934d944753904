"""The comment queue as a lazy Qt model over keyset-paged queries.

Comment text comes from strangers: the model only ever hands Qt plain strings for display
(never rich text), shortened to one line, so markup is shown as typed and a megabyte-long
comment costs the view no more than a short one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from redaction.domain.dates import short_datetime
from redaction.domain.untrusted import one_line, visible_name
from redaction.services.moderation import comments as comment_service
from redaction.services.moderation.comments import CommentRow
from redaction.storage.database import Database
from redaction.ui import labels
from redaction.ui.paged_model import PagedTableModel

COLUMNS = ("author_name", "created_at", "status", "body")
COMMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
EXCERPT_CHARS = 160

_Index = QModelIndex | QPersistentModelIndex


def _header(key: str) -> str:
    t = QCoreApplication.translate
    return {
        "author_name": t("CommentTableModel", "Author"),
        "created_at": t("CommentTableModel", "Date"),
        "status": t("CommentTableModel", "Status"),
        "body": t("CommentTableModel", "Comment"),
    }[key]


class CommentTableModel(PagedTableModel[CommentRow]):
    columns = COLUMNS

    def __init__(self, db: Database, page_size: int = comment_service.PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(page_size, parent)
        self._db = db
        self._article_id: int | None = None
        self._status: str | None = "pending"
        self._exhausted = True  # nothing to show until an article is chosen

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "author_name":
                return visible_name(row.author_name) or QCoreApplication.translate(
                    "CommentTableModel", "(anonymous)"
                )
            if key == "created_at":
                return short_datetime(row.created_at, labels.ui_language())
            if key == "status":
                return labels.comment_status(row.status)
            return one_line(row.body, EXCERPT_CHARS)
        if role == Qt.ItemDataRole.ToolTipRole and key == "author_name":
            return row.author_email
        if role == COMMENT_ID_ROLE:
            return row.id
        return None

    def header_text(self, key: str) -> str:
        return _header(key)

    def load_page(self, last: CommentRow | None, limit: int) -> list[CommentRow]:
        after = (last.created_at, last.id) if last is not None else None
        with self._db.session() as session:
            return comment_service.list_comments(session, self._article_id, self._status, after, limit)

    # -- our interface ------------------------------------------------------------------------
    @property
    def article_id(self) -> int | None:
        return self._article_id

    @property
    def status(self) -> str | None:
        return self._status

    def show(self, article_id: int | None, status: str | None) -> None:
        """Show the comments of ``article_id`` (None: none at all) in ``status`` (None: all)."""
        self._article_id = article_id
        self._status = status
        self.reload()

    def reload(self) -> None:
        self.clear_rows(exhausted=self._article_id is None)
        self.fetchMore(QModelIndex())

    def comment(self, row: int) -> CommentRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def apply_moves(self, moved: dict[int, str]) -> None:
        """Reflect decisions: rows that left the shown status disappear, others are updated."""
        for row in range(len(self._rows) - 1, -1, -1):
            comment = self._rows[row]
            new_status = moved.get(comment.id)
            if new_status is None:
                continue
            if self._status is not None and new_status != self._status:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
            else:
                from dataclasses import replace

                self._rows[row] = replace(comment, status=new_status)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
