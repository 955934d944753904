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
