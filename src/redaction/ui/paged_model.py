"""The lazy table model every long list uses: rows come a keyset page at a time.

A subclass says how to read the page after a given row (``load_page``); the view asks for more
through ``canFetchMore``/``fetchMore`` as it scrolls. Views may ask again from inside
``beginInsertRows``: the guard makes that a no-op, or a page would be read twice and repeated.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    columns: tuple[str, ...] = ()  # the column keys, set by subclasses

    def __init__(self, page_size: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._page_size = page_size
        self._rows: list[Row] = []
        self._exhausted = False
        self._fetching = False

    # -- for subclasses ----------------------------------------------------------------------
    def load_page(self, last: Row | None, limit: int) -> list[Row]:
        """The ``limit`` rows after ``last`` (None: the first page), in one unit of work."""
        raise NotImplementedError

    def rows_added(self, first: int, page: list[Row]) -> None:
        """Called inside the insertion, after ``page`` was appended at ``first``."""

    def clear_rows(self, exhausted: bool = False) -> None:
        """Forget every loaded row (inside a model reset)."""
        self.beginResetModel()
        self._rows = []
        self._exhausted = exhausted
        self.rows_cleared()
        self.endResetModel()

    def rows_cleared(self) -> None:
        """Called inside the reset, so that subclasses drop what they derived from the rows."""

    def header_text(self, key: str) -> str:
        """The (translated) title of the column ``key``."""
        return key

    # -- Qt interface ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.header_text(self.columns[section])
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetching = True
        try:
            page = self.load_page(self._rows[-1] if self._rows else None, self._page_size)
            self._exhausted = len(page) < self._page_size
            if page:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._rows.extend(page)
                self.rows_added(first, page)
                self.endInsertRows()
        finally:
            self._fetching = False

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
