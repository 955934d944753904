"""The desk's queue as a lazy table model: keyset pages of a :class:`QueueFilter`, across articles.

Only plain strings reach Qt for display, shortened to one line with invisible and bidi control
characters shown as codes, so a comment can neither run markup nor disguise itself, and a
megabyte-long comment costs the view no more than a short one (the service sends an excerpt).

A comment decided out of the shown queue keeps its row, dimmed and marked with where it went,
until the queue is read again (another queue, a filter, a refresh): the person sees what they
just did, and the list does not jump under their eyes.

Besides Qt's selection the model keeps *marks* (the X key, or the check box): a set of comment
ids that survives paging, queue switches inside one filter, and can hold every comment the
filter matches ("mark all N"), which a selection of loaded rows could not.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from redaction.domain.dates import short_datetime
from redaction.domain.untrusted import one_line, visible_name
from redaction.services import opening as reads
from redaction.services.moderation.values import PAGE_SIZE, QueueFilter, QueueRow
from redaction.ui import labels
from redaction.ui.deferred import deferred
from redaction.ui.moderation.text import reveal_fast
from redaction.ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from redaction.storage.database import Database

moderation = deferred("redaction.services.moderation.queue")

COLUMNS = ("mark", "author", "comment", "article", "date", "status")
COMMENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
EXCERPT_CHARS = 110
TITLE_CHARS = 60
TEXT_CACHE = 20_000  # rows whose display texts are kept
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_CHECK = int(Qt.ItemDataRole.CheckStateRole)
_CHECKED = Qt.CheckState.Checked
_UNCHECKED = Qt.CheckState.Unchecked
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_MARK_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsUserCheckable

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _header(key: str) -> str:
    return {
        "mark": "",
        "author": QCoreApplication.translate("QueueModel", "Author"),
        "comment": QCoreApplication.translate("QueueModel", "Comment"),
        "article": QCoreApplication.translate("QueueModel", "Article"),
        "date": QCoreApplication.translate("QueueModel", "Date"),
        "status": QCoreApplication.translate("QueueModel", "Status"),
    }[key]


def excerpt(row: QueueRow, limit: int = EXCERPT_CHARS) -> str:
    text = one_line(row.excerpt, limit)
    if row.body_length > len(row.excerpt) and not text.endswith("…"):
        text += "…"
    return reveal_fast(text)


class QueueModel(PagedTableModel[QueueRow]):
    marks_changed = Signal(int)
    columns = COLUMNS

    def __init__(self, db: Database, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(page_size, parent)
        self._db = db
        self._filter = QueueFilter()
        self._marks: dict[int, None] = {}  # ordered set of comment ids
        self._row_of: dict[int, int] | None = None
        self._texts: dict[int, tuple[str | None, ...]] = {}
        self._left: dict[int, str] = {}  # comment id -> the status it moved to, out of this queue

    # -- Qt interface -------------------------------------------------------------------------
    def data(self, index: _Index, role: int = 0) -> Any:
        # Called for every cell, role and repaint (some 1,500 times per screen): plain ints,
        # one dict lookup, nothing else.
        if role == _DISPLAY:
            row = index.row()
            if row < len(self._rows):
                found = self._rows[row]
                texts = self._texts.get(found.id) or self._make_texts(found)
                return texts[index.column()]
            return None
        if role == _CHECK and index.column() == 0 and index.row() < len(self._rows):
            return _CHECKED if self._rows[index.row()].id in self._marks else _UNCHECKED
        if role == COMMENT_ID_ROLE and index.row() < len(self._rows):
            return self._rows[index.row()].id
        return None

    def row_marked(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].id in self._marks

    def display_text(self, row: int, column: int) -> str | None:
        """What ``data`` answers for DisplayRole, without going through Qt (the delegate)."""
        if 0 <= row < len(self._rows):
            found = self._rows[row]
            return (self._texts.get(found.id) or self._make_texts(found))[column]
        return None

    def _make_texts(self, row: QueueRow) -> tuple[str | None, ...]:
        text = excerpt(row)
        if row.id in self._left:  # where it went, first: "→ Approved · the comment…"
            text = f"→ {labels.comment_status(self._left[row.id])} · {text}"
        texts = (
            None,
            visible_name(row.author_name) or QCoreApplication.translate("QueueModel", "(anonymous)"),
            text,
            reveal_fast(one_line(row.article_title, TITLE_CHARS)),
            short_datetime(row.created_at, labels.ui_language()),
            labels.comment_status(row.status),
        )
        if len(self._texts) > TEXT_CACHE:
            self._texts.clear()
        self._texts[row.id] = texts
        return texts

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _MARK_FLAGS if index.column() == 0 else _FLAGS

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or COLUMNS[index.column()] != "mark":
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        comment_id = self._rows[index.row()].id
        if checked != (comment_id in self._marks):
            self.toggle_mark(index.row())
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _header(COLUMNS[section])
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section] == "mark":
                return QCoreApplication.translate("QueueModel", "Marked for a decision on the selection (X)")
        return None

    def load_page(self, last: QueueRow | None, limit: int) -> list[QueueRow]:
        return reads.list_queue(self._db, self._filter, last, limit)

    def rows_added(self, first: int, page: list[QueueRow]) -> None:
        self._row_of = None

    def rows_cleared(self) -> None:
        self._texts = {}
        self._row_of = None
        self._left = {}

    # -- what is shown ------------------------------------------------------------------------
    @property
    def queue_filter(self) -> QueueFilter:
        return self._filter

    def set_filter(self, f: QueueFilter) -> None:
        if replace(f, status=None) != replace(self._filter, status=None):
            self.clear_marks()  # marks belong to one set of filters
        self._filter = f
        self.reload()

    def reload(self) -> None:
        self.clear_rows()
        self.fetchMore(QModelIndex())

    def comment(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, comment_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {r.id: n for n, r in enumerate(self._rows)}
        return self._row_of.get(comment_id)

    def load_until(self, comment_id: int, max_pages: int = 20) -> int | None:
        """The row of ``comment_id``, fetching further pages (a few at most) to reach it."""
        for _ in range(max_pages):
            row = self.row_of(comment_id)
            if row is not None or not self.canFetchMore(QModelIndex()):
                return row
            self.fetchMore(QModelIndex())
        return self.row_of(comment_id)

    def apply_moves(self, moved: dict[int, str]) -> None:
        """Reflect decisions. A row whose comment left the shown status stays where it is,
        marked with where it went, until the queue is read again: removing it would shift
        every row below and repaint the whole list, which was two thirds of a decision's time.
        """
        status = self._filter.status
        for comment_id, new_status in moved.items():
            n = self.row_of(comment_id)
            if n is None:
                continue
            if status and new_status != status:
                self._left[comment_id] = new_status
            else:
                self._left.pop(comment_id, None)
            self._rows[n] = replace(self._rows[n], status=new_status)
            self._texts.pop(comment_id, None)
            self.dataChanged.emit(self.index(n, 0), self.index(n, len(COLUMNS) - 1))
        if status and any(i in self._marks for i in moved):
            for comment_id, new_status in moved.items():
                if new_status != status:
                    self._marks.pop(comment_id, None)
            self.marks_changed.emit(len(self._marks))

    def has_left(self, row: int) -> bool:
        """Whether the comment of ``row`` was moved out of the shown queue (it is kept, dimmed)."""
        return 0 <= row < len(self._rows) and self._rows[row].id in self._left

    def open_row_from(self, start: int) -> int | None:
        """The first row from ``start`` on whose comment is still in the queue, fetching
        further pages as needed; None when there is none."""
        row = max(start, 0)
        while True:
            while row < len(self._rows):
                if self._rows[row].id not in self._left:
                    return row
                row += 1
            if not self.canFetchMore(QModelIndex()):
                return None
            before = len(self._rows)
            self.fetchMore(QModelIndex())
            if len(self._rows) == before:
                return None

    def open_row_before(self, end: int) -> int | None:
        """The last row before ``end`` whose comment is still in the queue, or None."""
        for row in range(min(end, len(self._rows)) - 1, -1, -1):
            if self._rows[row].id not in self._left:
                return row
        return None

    def open_rows(self) -> int:
        """Rows whose comments are still in the queue."""
        return len(self._rows) - len(self._left)

    # -- marks --------------------------------------------------------------------------------
    def marked_ids(self) -> list[int]:
        return list(self._marks)

    def mark_count(self) -> int:
        return len(self._marks)

    def is_marked(self, comment_id: int) -> bool:
        return comment_id in self._marks

    def toggle_mark(self, row: int) -> None:
        comment = self.comment(row)
        if comment is None:
            return
        if comment.id in self._marks:
            del self._marks[comment.id]
        else:
            self._marks[comment.id] = None
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.marks_changed.emit(len(self._marks))

    def set_marks(self, ids: list[int]) -> None:
        self._marks = dict.fromkeys(ids)
        self._marks_reset()

    def clear_marks(self) -> None:
        if self._marks:
            self._marks = {}
            self._marks_reset()

    def _marks_reset(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, 0), [Qt.ItemDataRole.CheckStateRole]
            )
        self.marks_changed.emit(len(self._marks))
