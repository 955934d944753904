"""Fixtures for the writing-tools tests: a real QPlainTextEdit with the Markdown highlighter and a
loaded French checker attached (import them into a test module)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextBlock, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from redaction.ui.editor.dictionaries import SpellingService
from redaction.ui.editor.highlighter import MarkdownHighlighter


@pytest.fixture
def spelling(tmp_path: Path) -> Iterator[SpellingService]:
    service = SpellingService(tmp_path / "personal-dictionary.txt", load_delay_ms=0)
    assert service.wait_loaded("fr")
    yield service


@pytest.fixture
def editor(qtbot, spelling: SpellingService) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    widget.highlighter = MarkdownHighlighter(widget.document(), widget.palette(), spelling, "fr")  # type: ignore[attr-defined]
    widget.resize(600, 400)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def format_at(block: QTextBlock, column: int) -> QTextCharFormat:
    """The highlighter's format for one character (an empty format where it set none)."""
    ranges = block.layout().formats()
    for item in ranges:
        if item.start <= column < item.start + item.length:
            return QTextCharFormat(item.format)
    return QTextCharFormat()


def underlined(block: QTextBlock, word: str) -> bool:
    column = block.text().index(word)
    return format_at(block, column).underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
