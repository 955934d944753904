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


def press(qtbot, widget, keys: str) -> None:
    """Press a shortcut ("Ctrl+Shift+R", "F11", "Esc") on ``widget``, as a person does: the key
    goes to the widget and Qt's shortcut map decides what it triggers."""
    from PySide6.QtGui import QKeySequence

    combination = QKeySequence(keys)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())
