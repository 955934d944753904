"""Typography in the editor: as you type, and "Apply Typography" over the whole text.

:class:`AutoTypography` filters the editor's key presses: for a character that can need a
typographic fix (quotes, apostrophe, ``; : ! ?``, the third dot, « », a space after «) it types
the character through the editor as usual, then applies :func:`redaction.domain.typography.typed`'s correction as a
separate undo step, so Ctrl+Z right after brings the plain character back. Nothing happens in
fenced code (the highlighter knows the block state) or with a modifier other than Shift/AltGr.

:func:`apply_typography_to` fixes the whole body in one undo step, line by line, so the cursor,
the selection and the scroll position stay where they were.

:class:`LineTypography` does the same as-you-type work in a one-line field (the headline), and
:func:`apply_typography_to_line` fixes a whole field as one undoable edit.

Beware: ``QPlainTextEdit.toPlainText()`` replaces every U+00A0 with a plain space, which would
undo the French no-break spaces on save; read the body with :func:`redaction.ui.plain_text.document_text` instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from redaction.domain.typography import apply_typography, typed
from redaction.ui.editor.highlighter import MarkdownHighlighter
from redaction.ui.editor.utf16 import Utf16Index
from redaction.ui.plain_text import document_text

TRIGGERS = frozenset("\"';:!?.«» [,)")
_ALLOWED = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.KeypadModifier
    | Qt.KeyboardModifier.GroupSwitchModifier
)


class AutoTypography(QObject):
    """Installs itself on ``editor``; ``language`` is asked at each key ("fr" or "en")."""

    def __init__(
        self,
        editor: QPlainTextEdit,
        language: Callable[[], str],
        highlighter: MarkdownHighlighter | None = None,
    ) -> None:
        super().__init__(editor)
        self.editor = editor
        self.language = language
        self.highlighter = highlighter
        self.enabled = True
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.enabled
            and watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and len(event.text()) == 1
            and event.text() in TRIGGERS
            and not (event.modifiers() & ~_ALLOWED)
            and not self.editor.isReadOnly()
        ):
            # Let the editor (and any subclass's keyPressEvent) type the key first, then fix it.
            self.editor.event(event)
            self.fix_after(event.text())
            return True
        return super().eventFilter(watched, event)

    def fix_after(self, ch: str) -> None:
        """Apply the correction for ``ch`` if it is the character just before the cursor."""
        editor = self.editor
        cursor = editor.textCursor()
        if cursor.hasSelection() or cursor.positionInBlock() == 0:
            return
        block = cursor.block()
        text = block.text()
        index = Utf16Index(text)
        column = index.to_py(cursor.positionInBlock())
        if text[column - 1] != ch:
            return
        in_code = self.highlighter.in_code_block(block) if self.highlighter is not None else False
        fix = typed(text, column, self.language(), in_code)
        if fix is not None:
            cursor.beginEditBlock()
            cursor.setPosition(block.position() + index.to_qt(fix.start))
            cursor.setPosition(block.position() + index.to_qt(fix.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(fix.text)
            cursor.endEditBlock()
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()


class LineTypography(QObject):
    """As-you-type typography in a one-line field (the headline): the same corrections as in the
    body, each one undoable in the field (Ctrl+Z brings the plain character back)."""

    def __init__(self, edit: QLineEdit, language: Callable[[], str]) -> None:
        super().__init__(edit)
        self.edit = edit
        self.language = language
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and len(event.text()) == 1
            and event.text() in TRIGGERS
            and not (event.modifiers() & ~_ALLOWED)
            and not self.edit.isReadOnly()
        ):
            self.edit.event(event)
            self.fix_after(event.text())
            return True
        return super().eventFilter(watched, event)

    def fix_after(self, ch: str) -> None:
        edit = self.edit
        if edit.hasSelectedText():
            return
        text = edit.text()
        index = Utf16Index(text)
        column = index.to_py(edit.cursorPosition())
        if column == 0 or text[column - 1] != ch:
            return
        fix = typed(text, column, self.language())
        if fix is not None:
            start, end = index.to_qt(fix.start), index.to_qt(fix.end)
            edit.setSelection(start, end - start)
            edit.insert(fix.text)


def apply_typography_to_line(edit: QLineEdit, language: str) -> bool:
    """Fix a one-line field's typography as one undoable edit; whether anything changed."""
    old = edit.text()
    new = apply_typography(old, language)
    if new == old:
        return False
    edit.selectAll()
    edit.insert(new)
    return True


def apply_typography_to(editor: QPlainTextEdit, language: str) -> int:
    """Fix the typography of the whole document as one undo step; the number of lines changed."""
    document = editor.document()
    old = document_text(document)
    new = apply_typography(old, language)
    if new == old:
        return 0
    old_lines, new_lines = old.split("\n"), new.split("\n")
    assert len(old_lines) == len(new_lines), "typography never adds or removes a line"
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    changed = 0
    block = document.begin()
    for before, after in zip(old_lines, new_lines, strict=True):
        if before != after:
            start = _common_prefix(before, after)
            end = _common_suffix(before[start:], after[start:])
            index = Utf16Index(before)
            cursor.setPosition(block.position() + index.to_qt(start))
            cursor.setPosition(
                block.position() + index.to_qt(len(before) - end), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertText(after[start : len(after) - end])
            changed += 1
        block = block.next()
    cursor.endEditBlock()
    return changed


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n
