"""The find and replace bar under the body editor (ghostwriter's, much reduced).

Ctrl+F shows it for finding, Ctrl+H with the replace row, F3 / Shift+F3 go to the next and
previous match, Esc closes it. Options: match case, whole words, regular expression (an invalid
one is shown in red where the count goes, never raised). Every match is highlighted; the count
reads "3 of 12". Replace All is one change of the document, so one Undo takes it back.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QWidget,
)

from redaction.domain.find import Query, QueryError, find_all
from redaction.ui.editor.typing_helpers import document_text
from redaction.ui.editor.utf16 import Utf16Index

MAX_HIGHLIGHTS = 5000  # beyond this, painting costs more than it tells
HIGHLIGHT = QColor(255, 221, 87, 140)


class FindReplaceBar(QWidget):
    replaced = Signal(int)  # how many matches Replace All changed

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # never grows taller
        self.editor = editor
        self._matches: list[re.Match[str]] | None = None  # None: to be recomputed
        self._index = Utf16Index("")
        self._text = ""
        self._failed = False  # an error is on show instead of the count
        self.find_edit = QLineEdit(objectName="find_text", placeholderText=self.tr("Find"))
        self.replace_edit = QLineEdit(objectName="replace_text", placeholderText=self.tr("Replace with"))
        self.case_box = QCheckBox(self.tr("Match &case"), objectName="find_case")
        self.word_box = QCheckBox(self.tr("&Whole words"), objectName="find_words")
        self.regex_box = QCheckBox(self.tr("Regular e&xpression"), objectName="find_regex")
        self.status = QLabel(objectName="find_status")
        self.status.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 of 0000") + 8)
        previous = QPushButton(self.tr("&Previous"), objectName="find_previous")
        following = QPushButton(self.tr("&Next"), objectName="find_next")
        self.replace_button = QPushButton(self.tr("R&eplace"), objectName="replace_one")
        self.replace_all_button = QPushButton(self.tr("Replace &All"), objectName="replace_all")
        close = QToolButton(objectName="find_close", text="×", toolTip=self.tr("Close (Esc)"), autoRaise=True)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.addWidget(self.find_edit, 0, 0)
        grid.addWidget(previous, 0, 1)
        grid.addWidget(following, 0, 2)
        grid.addWidget(self.status, 0, 3)
        grid.addWidget(self.case_box, 0, 4)
        grid.addWidget(self.word_box, 0, 5)
        grid.addWidget(self.regex_box, 0, 6)
        grid.addWidget(close, 0, 7)
        grid.addWidget(self.replace_edit, 1, 0)
        grid.addWidget(self.replace_button, 1, 1)
        grid.addWidget(self.replace_all_button, 1, 2)
        grid.setColumnStretch(0, 1)
        self._replace_row = (self.replace_edit, self.replace_button, self.replace_all_button)

        self._refresh = QTimer(self, singleShot=True, interval=150)
        self._refresh.timeout.connect(self._highlight)
        self.find_edit.textEdited.connect(lambda: self._search(from_anchor=True))
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_current)
        for box in (self.case_box, self.word_box, self.regex_box):
            box.toggled.connect(lambda: self._search(from_anchor=True))
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close_bar)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            self.close_bar,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        editor.textChanged.connect(self._text_changed)
        self.hide()

    # -- showing ---------------------------------------------------------------------------
    def install_actions(self, scope: QWidget) -> list[QAction]:
        """edit_find, edit_replace, edit_find_next, edit_find_previous, active within ``scope``.

        For a bar used on its own. In the main window the action registry owns these names:
        connect its actions to :meth:`show_find` and friends instead, since two actions with one
        shortcut are ambiguous and Qt then fires neither."""
        std = QKeySequence.StandardKey
        made = []
        for name, text, keys, slot in (
            ("edit_find", self.tr("&Find…"), std.Find, self.show_find),
            ("edit_replace", self.tr("R&eplace…"), QKeySequence("Ctrl+H"), self.show_replace),
            ("edit_find_next", self.tr("Find &Next"), QKeySequence("F3"), self.find_next),
            ("edit_find_previous", self.tr("Find Pre&vious"), QKeySequence("Shift+F3"), self.find_previous),
        ):
            action = QAction(text, scope, objectName=name)
            action.setShortcuts(QKeySequence.keyBindings(keys) if isinstance(keys, std) else [keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            scope.addAction(action)
            made.append(action)
        return made

    def show_find(self, replace: bool = False) -> None:
        for widget in self._replace_row:
            widget.setVisible(replace)
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(re.escape(selected) if self.regex_box.isChecked() else selected)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self._matches = None
        self._highlight()

    def show_replace(self) -> None:
        self.show_find(replace=True)
        if self.find_edit.text():
            self.replace_edit.setFocus()
            self.replace_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._set_highlights([])
        self.editor.setFocus()

    # -- finding ---------------------------------------------------------------------------
    def query(self) -> Query:
        return Query(
            self.find_edit.text(),
            case_sensitive=self.case_box.isChecked(),
            whole_words=self.word_box.isChecked(),
            regex=self.regex_box.isChecked(),
        )

    def matches(self) -> list[tuple[int, int]]:
        """Every match as (start, end) editor positions; [] with the error shown if invalid."""
        return [self._span(m) for m in self._compute()]

    def _compute(self) -> list[re.Match[str]]:
        if self._matches is None:
            self._text = document_text(self.editor.document())  # keeps U+00A0, unlike toPlainText()
            self._index = Utf16Index(self._text)
            try:
                pattern = self.query().compile()
            except QueryError as exc:
                self._error(self.tr("Invalid regular expression: %1").replace("%1", str(exc)))
                self._matches = []
                return []
            self._error("")
            self._matches = [] if pattern is None else find_all(pattern, self._text)
        return self._matches

    def _span(self, match: re.Match[str]) -> tuple[int, int]:
        return self._index.to_qt(match.start()), self._index.to_qt(match.end())

    def find_next(self) -> bool:
        return self._go(forward=True)

    def find_previous(self) -> bool:
        return self._go(forward=False)

    def _search(self, from_anchor: bool) -> None:
        self._matches = None
        self._go(forward=True, from_anchor=from_anchor)

    def _go(self, forward: bool, from_anchor: bool = False) -> bool:
        if self.isHidden():
            self.show_find()
        spans = [self._span(m) for m in self._compute()]
        cursor = self.editor.textCursor()
        if not spans:
            self._highlight()
            return False
        if forward:
            pos = cursor.selectionStart() if from_anchor else cursor.selectionEnd()
            target = next((s for s in spans if s[0] >= pos), spans[0])
        else:
            pos = cursor.selectionStart()
            target = next((s for s in reversed(spans) if s[0] < pos), spans[-1])
        cursor.setPosition(target[0])
        cursor.setPosition(target[1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self._highlight()
        return True

    # -- replacing -------------------------------------------------------------------------
    def replace_current(self) -> bool:
        """Replace the selected match, then go to the next; without one, just find."""
        cursor = self.editor.textCursor()
        selected = (cursor.selectionStart(), cursor.selectionEnd())
        match = next((m for m in self._compute() if self._span(m) == selected), None)
        if match is None:
            return self.find_next()
        try:
            text = self.query().replacement(match, self.replace_edit.text())
        except QueryError as exc:
            self._error(self.tr("Invalid replacement: %1").replace("%1", str(exc)))
            return False
        cursor.insertText(text)
        self.editor.setTextCursor(cursor)
        self._matches = None
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match, each in place, as one undo step; the number replaced.

        Match by match, last first (earlier positions stay valid): text between the matches is
        never rewritten, so its no-break spaces, accents and line breaks stay byte for byte."""
        matches = self._compute()
        if not matches:
            return 0
        query, template = self.query(), self.replace_edit.text()
        try:
            edits = [(*self._span(m), query.replacement(m, template)) for m in matches]
        except QueryError as exc:
            self._error(self.tr("Invalid replacement: %1").replace("%1", str(exc)))
            return 0
        scroll = self.editor.verticalScrollBar().value()
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()  # every match, one change: one Undo
        for (start, end, new), match in zip(reversed(edits), reversed(matches), strict=True):
            if new == match.group():
                continue
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(new)
        cursor.endEditBlock()
        self.editor.verticalScrollBar().setValue(scroll)
        count = len(matches)
        self._matches = None
        self._highlight()
        self._refresh.stop()  # already fresh; keep the result on show
        self.status.setText(self.tr("%n replaced", "", count))
        self.replaced.emit(count)
        return count

    # -- showing results -------------------------------------------------------------------
    def _text_changed(self) -> None:
        self._matches = None
        if self.isVisible():
            self._refresh.start()

    def _error(self, message: str) -> None:
        self._failed = bool(message)
        self.status.setText(message)
        self.status.setStyleSheet("color: #c0392b;" if message else "")
        self.status.setToolTip(message)

    def _highlight(self) -> None:
        matches = self._compute() if self.isVisible() else []
        cursor = self.editor.textCursor()
        selected = (cursor.selectionStart(), cursor.selectionEnd())
        spans = [self._span(m) for m in matches]
        if not self.find_edit.text():
            self._error("")
        elif not self._failed:
            if not spans:
                self.status.setText(self.tr("No match"))
            elif selected in spans:
                number = spans.index(selected) + 1
                self.status.setText(
                    self.tr("%1 of %2").replace("%1", str(number)).replace("%2", str(len(spans)))
                )
            else:
                self.status.setText(self.tr("%n match(es)", "", len(spans)))
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        selections = []
        for start, end in spans[:MAX_HIGHLIGHTS]:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.editor.document())
            selection.cursor.setPosition(start)
            selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.format = fmt
            selections.append(selection)
        self._set_highlights(selections)

    def _set_highlights(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        layer = getattr(self.editor, "set_selection_layer", None)
        if layer is not None:
            layer("find", selections)
        else:
            self.editor.setExtraSelections(selections)
