"""The find and replace bar under the body editor (ghostwriter's, much reduced).

Ctrl+F shows it for finding, Ctrl+H with the replace row, F3 / Shift+F3 (or Enter / Shift+Enter
in the field) go to the next and previous match, Esc closes it. Options: match case, whole
words, regular expression (an invalid one is shown in red where the count goes, never raised).
Every match is highlighted; the count reads "3 of 12". Replace All replaces each match in place,
as one change of the document: one Undo takes it back, and nothing between the matches (French
no-break spaces included) is rewritten.

Layout: the fields never get narrower than FIELD_CHARS characters and the bar's minimum width is
the one with its options folded into a menu (:mod:`find_options`), so showing the bar never
squeezes the preview beside the editor; with room, the options unfold into check boxes.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QWidget,
)

from redaction.domain.find import Query, QueryError, find_all
from redaction.ui.editor.find_options import FindOptions
from redaction.ui.editor.utf16 import Utf16Index
from redaction.ui.plain_text import document_text

MAX_HIGHLIGHTS = 5000  # beyond this, painting costs more than it tells
HIGHLIGHT = QColor(255, 221, 87, 140)
FIELD_CHARS = 22  # the find and replace fields never get narrower than this many characters


class StatusLabel(QLabel):
    """The count ("3 of 12") or an error, in a fixed width: a long error is elided, whole in
    the tooltip, instead of pushing the fields narrow."""

    def __init__(self, samples: list[str]) -> None:
        super().__init__(objectName="find_status")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._samples = samples  # the longest texts it should show whole

    def sizeHint(self) -> QSize:
        widest = max(self.fontMetrics().horizontalAdvance(text) for text in self._samples)
        return QSize(widest + 8, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter = QPainter(self)
        self.style().drawItemText(
            painter, self.rect(), int(align), self.palette(), self.isEnabled(), text, self.foregroundRole()
        )


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
        # A field narrower than a few words cannot show what is being searched for.
        field_width = self.find_edit.fontMetrics().averageCharWidth() * FIELD_CHARS + 16
        for field in (self.find_edit, self.replace_edit):
            field.setMinimumWidth(field_width)
        self.options = FindOptions()
        self.case_box, self.word_box, self.regex_box = self.options.boxes
        self.status = StatusLabel(
            [
                self.tr("%1 of %2").replace("%1", "888").replace("%2", "888"),
                self.tr("%n match(es)", "", 888),
                self.tr("%n replaced", "", 888),
                self.tr("No match"),
            ]
        )
        previous = QToolButton(objectName="find_previous", arrowType=Qt.ArrowType.UpArrow, autoRaise=True)
        previous.setToolTip(self.tr("Previous match (Shift+F3)"))
        previous.setAccessibleName(self.tr("Previous match"))
        following = QToolButton(objectName="find_next", arrowType=Qt.ArrowType.DownArrow, autoRaise=True)
        following.setToolTip(self.tr("Next match (F3)"))
        following.setAccessibleName(self.tr("Next match"))
        self.replace_button = QPushButton(self.tr("R&eplace"), objectName="replace_one")
        self.replace_all_button = QPushButton(self.tr("Replace &All"), objectName="replace_all")
        close = QToolButton(objectName="find_close", text="×", toolTip=self.tr("Close (Esc)"), autoRaise=True)
        # Two rows, the fields one above the other taking what the controls leave.
        find_row = QHBoxLayout()
        for widget in (self.status, previous, following, self.options, close):
            find_row.addWidget(widget)
        replace_row = QHBoxLayout()
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(self.replace_all_button)
        replace_row.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.addWidget(self.find_edit, 0, 0)
        grid.addLayout(find_row, 0, 1)
        grid.addWidget(self.replace_edit, 1, 0)
        grid.addLayout(replace_row, 1, 1)
        grid.setColumnStretch(0, 1)
        # The bar states its own minimum (options folded, see minimumSizeHint): the layout must
        # not raise it to the unfolded width, or the splitter could never make the bar fold.
        grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._replace_row = (self.replace_edit, self.replace_button, self.replace_all_button)

        self._refresh = QTimer(self, singleShot=True, interval=150)
        self._refresh.timeout.connect(self._highlight)
        self.find_edit.textEdited.connect(lambda: self._search(from_anchor=True))
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_current)
        self.options.changed.connect(lambda: self._search(from_anchor=True))
        QShortcut(
            QKeySequence("Shift+Return"),
            self.find_edit,
            self.find_previous,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
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

    # -- actions ---------------------------------------------------------------------------
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

    # -- sizing ----------------------------------------------------------------------------
    def minimumSizeHint(self) -> QSize:
        """The bar with its options folded: the narrowest it can be and stay usable."""
        hint = self.layout().totalMinimumSize()
        if not self.options.folded:
            hint.setWidth(hint.width() - self.options.extra_width_unfolded())
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fold_options()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fold_options()

    def _fold_options(self) -> None:
        wide_enough = self.minimumSizeHint().width() + self.options.extra_width_unfolded()
        self.options.set_folded(self.width() < wide_enough)

    # -- showing ---------------------------------------------------------------------------
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
