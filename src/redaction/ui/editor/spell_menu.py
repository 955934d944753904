"""Spelling suggestions in the body editor's context menu.

:func:`build_spelling_menu` returns the editor's standard menu with, on a misspelled word,
the suggestions (choosing one replaces the word as one undo step), "Add to Dictionary" and
"Ignore" on top. :class:`SpellingContextMenu` installs it on an editor with one line, by
filtering the viewport's context-menu events, so the editor class needs no subclass.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint
from PySide6.QtGui import QContextMenuEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from redaction.domain.spelling import Word
from redaction.ui.editor.highlighter import MarkdownHighlighter
from redaction.ui.editor.utf16 import Utf16Index, qt_length


def build_spelling_menu(editor: QPlainTextEdit, highlighter: MarkdownHighlighter, pos: QPoint) -> QMenu:
    """The context menu for viewport position ``pos``, with spelling entries on a misspelled word."""
    menu = editor.createStandardContextMenu(pos)
    cursor = editor.cursorForPosition(pos)
    block = cursor.block()
    word = highlighter.misspelled_at(block, cursor.positionInBlock())
    checker = highlighter.checker
    if word is None or checker is None:
        return menu
    first = menu.actions()[0] if menu.actions() else None
    start = block.position() + Utf16Index(block.text()).to_qt(word.start)
    entries = []
    suggestions = checker.suggest(word.text)
    for suggestion in suggestions:
        action = menu.addAction(suggestion)
        action.setObjectName("spelling_suggestion")
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(lambda _=False, s=suggestion: _replace(editor, start, word, s))
        entries.append(action)
    if not suggestions:
        none = menu.addAction(QCoreApplication.translate("SpellingMenu", "No suggestions"))
        none.setEnabled(False)
        entries.append(none)
    add_text = QCoreApplication.translate("SpellingMenu", "&Add “%1” to Dictionary")
    add = menu.addAction(add_text.replace("%1", word.text))
    add.setObjectName("spelling_add")
    add.triggered.connect(lambda: _add(highlighter, word, block))
    ignore_text = QCoreApplication.translate("SpellingMenu", "&Ignore “%1”")
    ignore = menu.addAction(ignore_text.replace("%1", word.text))
    ignore.setObjectName("spelling_ignore")
    ignore.triggered.connect(lambda: _ignore(highlighter, word, block))
    entries += [add, ignore, menu.addSeparator()]
    if first is not None:
        for action in entries:  # move them above the standard entries
            menu.removeAction(action)
            menu.insertAction(first, action)
    return menu


def _replace(editor: QPlainTextEdit, start: int, word: Word, suggestion: str) -> None:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(start + qt_length(word.text), QTextCursor.MoveMode.KeepAnchor)
    if cursor.selectedText() == word.text:  # the text did not move while the menu was open
        cursor.insertText(suggestion)


def _add(highlighter: MarkdownHighlighter, word: Word, block: QTextBlock) -> None:
    if highlighter.spelling is not None:
        highlighter.spelling.add_word(highlighter.language, word.text)
    elif highlighter.checker is not None:
        highlighter.checker.add(word.text)
    _refresh(highlighter, block)


def _ignore(highlighter: MarkdownHighlighter, word: Word, block: QTextBlock) -> None:
    if highlighter.spelling is not None:
        highlighter.spelling.ignore_word(highlighter.language, word.text)
    elif highlighter.checker is not None:
        highlighter.checker.ignore(word.text)
    _refresh(highlighter, block)


def _refresh(highlighter: MarkdownHighlighter, block: QTextBlock) -> None:
    """The word's own line at once, the rest of the document gradually."""
    if block.isValid():
        highlighter.rehighlightBlock(block)
    highlighter.rehighlight_gradually(block.blockNumber() + 1)


class SpellingContextMenu(QObject):
    """Shows :func:`build_spelling_menu` instead of the plain menu on ``editor``."""

    def __init__(self, editor: QPlainTextEdit, highlighter: MarkdownHighlighter) -> None:
        super().__init__(editor)
        self.editor = editor
        self.highlighter = highlighter
        editor.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            menu = build_spelling_menu(self.editor, self.highlighter, event.pos())
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return super().eventFilter(watched, event)
