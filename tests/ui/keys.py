"""Typing helpers: QTest only knows ASCII keys and no newline character."""

from __future__ import annotations

from PySide6.QtCore import Qt


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` key by key, Enter for each newline."""
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(widget, line)


def type_at_end(qtbot, edit, text: str) -> None:
    """Give ``edit`` the keyboard, put the cursor after its last character and type ``text``."""
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, text)


def press(qtbot, widget, keys: str) -> None:
    """Press a shortcut ("Ctrl+Shift+R", "F11", "Esc") on ``widget``, as a person does: the key
    goes to the widget and Qt's shortcut map decides what it triggers."""
    from PySide6.QtGui import QKeySequence

    combination = QKeySequence(keys)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def when_lock_wait_shows(act) -> list[str]:
    """Call ``act(dialog)`` once the "waiting for the database" dialog is on screen (the key that
    opened it is still being handled: the window waits in an event loop of its own). Returns the
    texts the dialog showed, filled in when it showed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.objectName() == "lock_wait" and dialog.isVisible():
            seen.append(dialog.label.text())
            act(dialog)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    return seen
