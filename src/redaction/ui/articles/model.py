"""The article list as a lazy Qt model over keyset-paged queries.

Only the rows the view has asked for are loaded (a page at a time, through ``fetchMore``), so a
newsroom with 100,000 articles opens as fast as one with ten. Each page is one short unit of work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from redaction.domain.dates import compact_datetime, short_datetime
from redaction.services import opening as reads
from redaction.services.articles.values import PAGE_SIZE, ArticleQuery, ArticleSummary
from redaction.ui import labels
from redaction.ui.deferred import deferred
from redaction.ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from redaction.storage.database import Database

article_service = deferred("redaction.services.articles.editing")

COLUMNS = ("title", "rubric", "status", "author", "updated_at", "pending_comments")
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def _header(key: str) -> str:
    t = QCoreApplication.translate
    return {
        "title": t("ArticleTableModel", "Title"),
        "rubric": t("ArticleTableModel", "Rubric"),
        "status": t("ArticleTableModel", "Status"),
        "author": t("ArticleTableModel", "Author"),
        "updated_at": t("ArticleTableModel", "Last change"),
        "pending_comments": t("ArticleTableModel", "Pending"),
    }[key]


class ArticleTableModel(PagedTableModel[ArticleSummary]):
    columns = COLUMNS

    def __init__(self, db: Database, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(page_size, parent)
        self._db = db
        self._row_of: dict[int, int] = {}
        self._query = ArticleQuery()
        self.reload()

    # -- Qt model interface ------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "title":
                return row.title or QCoreApplication.translate("ArticleTableModel", "(untitled)")
            if key == "status":
                return labels.article_status(row.status)
            if key == "updated_at":
                return compact_datetime(row.updated_at, labels.ui_language())
            if key == "pending_comments":
                return str(row.pending_comments) if row.pending_comments else ""
            return getattr(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "title":
                return row.title
            if key == "updated_at":
                return short_datetime(row.updated_at, labels.ui_language())
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "pending_comments":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ARTICLE_ID_ROLE:
            return row.id
        return None

    def header_text(self, key: str) -> str:
        return _header(key)

    def load_page(self, last: ArticleSummary | None, limit: int) -> list[ArticleSummary]:
        after = article_service.sort_key_of(last, self._query.sort) if last is not None else None
        return reads.list_articles(self._db, self._query, after, limit)

    def rows_added(self, first: int, page: list[ArticleSummary]) -> None:
        for offset, summary in enumerate(page):
            self._row_of[summary.id] = first + offset

    def rows_cleared(self) -> None:
        self._row_of = {}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        query = ArticleQuery(
            status=self._query.status,
            text=self._query.text,
            sort=COLUMNS[column],
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        # QTableView.sortByColumn asks twice for the same order (and setSortingEnabled once more):
        # the rows shown are already in that order, so do not load them again.
        if query != self._query:
            self.set_query(query)

    # -- our interface ------------------------------------------------------------------------
    @property
    def db(self) -> Database:
        return self._db

    @property
    def query(self) -> ArticleQuery:
        return self._query

    def set_query(self, query: ArticleQuery) -> None:
        self._query = query
        self.reload()

    def set_filter(self, status: str | None, text: str) -> None:
        self.set_query(
            ArticleQuery(status=status, text=text, sort=self._query.sort, descending=self._query.descending)
        )

    def reload(self) -> None:
        """Drop what is loaded and load the first page again."""
        self.clear_rows()
        self.fetchMore(QModelIndex())

    def article_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def summary(self, row: int) -> ArticleSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        return self._row_of.get(article_id)

    def position_of(self, article_id: int) -> int | None:
        """The row ``article_id`` would have once enough pages are loaded; None if not listed."""
        row = self._row_of.get(article_id)
        if row is not None:
            return row
        return article_service.position_of(self._db, self._query, article_id)

    def refresh_article(self, article_id: int) -> None:
        """Re-read one row in place (after a save or a moderation decision); no re-sort."""
        row = self._row_of.get(article_id)
        if row is None:
            return
        summary = article_service.summary_of(self._db, article_id)
        if summary is None:
            return
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def total(self) -> int:
        return count_matching(self._db, self._query)


def count_matching(db: Database, query: ArticleQuery) -> int:
    """How many articles ``query`` matches; touches no Qt object, so it may run in a worker."""
    return reads.count_articles(db, query)
