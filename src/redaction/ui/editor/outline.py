"""The outline of the body being edited: its headings as a tree, following the text and the cursor.

The headings are recomputed a moment after typing stops (:func:`redaction.domain.headings.headings`
is one regex pass), and only while the outline is on screen (a hidden one catches up when shown);
the tree is rebuilt only when a heading's level or title changed, so typing in a paragraph never
resets it. Titles keep their no-break spaces ("Le port : bilan" never breaks before the colon). Clicking a heading (or Enter on it) puts the editor's cursor
there and centres it; the heading whose section holds the cursor is the current item.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTreeView, QWidget

from redaction.domain.headings import Heading, heading_at, headings
from redaction.ui.plain_text import document_text

REFRESH_MS = 300
MIN_CHARS = 15  # a short heading still reads whole
WIDTH_CHARS = 34  # what the panel asks for when it opens (a heading of four or five words)
ROW = Qt.ItemDataRole.UserRole + 1  # an item's position in the heading list


class OutlineView(QTreeView):
    heading_activated = Signal(int)  # the line the editor jumped to

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self.editor = editor
        self.headings: list[Heading] = []
        self._items: list[QStandardItem] = []
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setHeaderHidden(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAccessibleName(self.tr("Outline"))
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        editor.textChanged.connect(self._text_changed)
        editor.cursorPositionChanged.connect(self._follow_cursor)
        self.activated.connect(self._jump)
        self.clicked.connect(self._jump)
        self._stale = True
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * MIN_CHARS)

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * WIDTH_CHARS, super().sizeHint().height())

    def _text_changed(self) -> None:
        if self.isVisible():
            self._timer.start()
        else:  # a long text's every pause would cost a scan nobody sees
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the headings now (the timer calls this after typing pauses)."""
        self._timer.stop()
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        found = headings(document_text(self.editor.document()))
        shape = [(h.level, h.title) for h in found]
        if shape != [(h.level, h.title) for h in self.headings]:
            self._rebuild(found)
        self.headings = found
        self._follow_cursor()

    def _rebuild(self, found: list[Heading]) -> None:
        self._model.clear()
        self._items = []
        parents: list[tuple[int, QStandardItem]] = []  # (level, item) from the root down
        for row, heading in enumerate(found):
            item = QStandardItem(heading.title)
            item.setData(row, ROW)
            item.setToolTip(heading.title)
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            (parents[-1][1] if parents else self._model.invisibleRootItem()).appendRow(item)
            parents.append((heading.level, item))
            self._items.append(item)
        self.expandAll()

    def current_heading(self) -> int:
        """Index in :attr:`headings` of the current item, -1 if none."""
        index = self.currentIndex()
        return int(index.data(ROW)) if index.isValid() else -1

    def _follow_cursor(self) -> None:
        if self._stale:
            return
        row = heading_at(self.headings, self.editor.textCursor().blockNumber())
        if row < 0 or row >= len(self._items):
            self.selectionModel().clear()
            self.setCurrentIndex(QModelIndex())
            return
        index = self._items[row].index()
        if index != self.currentIndex():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _jump(self, index: QModelIndex) -> None:
        row = index.data(ROW)
        if self._timer.isActive():
            self.refresh()  # the text changed since the last scan: lines may have moved
        if row is None or row >= len(self.headings):
            return
        line = self.headings[row].line
        block = self.editor.document().findBlockByNumber(line)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.heading_activated.emit(line)
