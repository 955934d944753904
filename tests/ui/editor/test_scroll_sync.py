"""Editor and preview scroll together, both ways: the section at the top of one is the section at
the top of the other, the headline shows when the text is at its start, the end meets the end."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from redaction.services.articles.editing import create_article
from redaction.services.articles.values import ArticleFields
from redaction.storage.database import Database
from tests.ui.keys import press

SECTIONS = 40
BODY = "\n\n".join(
    f"## Section {n}\n\nLe paragraphe {n} raconte le port, la criée et les bateaux du matin."
    + ("\n\nUne ligne de plus." if n % 3 == 0 else "")
    + ("\n\n- un point\n- un autre point" if n % 5 == 0 else "")
    for n in range(1, SECTIONS + 1)
)


@pytest.fixture
def window(qtbot, db: Database, make_window):
    create_article(db, ArticleFields(title="Le port au matin", standfirst="Chapô.", body=BODY))
    win = make_window(db)
    win.resize(1200, 700)
    win.open_article(1)
    qtbot.waitUntil(lambda: win.editor.preview.complete)
    QApplication.processEvents()
    return win


def editor_top_section(win) -> int:
    """The section whose heading is the first one at or below the top of the editor."""
    edit = win.editor.body_edit
    block = edit.cursorForPosition(QPoint(0, 0)).block()
    while block.isValid() and not block.text().startswith("## Section "):
        block = block.next()
    return int(block.text().split()[-1])


def preview_top_section(win) -> int:
    """The same, in the preview."""
    preview = win.editor.preview
    block = preview.cursorForPosition(QPoint(30, 0)).block()
    while block.isValid() and not block.text().startswith("Section "):
        block = block.next()
    return int(block.text().split()[-1])


def test_scrolling_the_editor_brings_the_preview_along(qtbot, window) -> None:
    edit = window.editor.body_edit
    edit.setFocus()
    for _ in range(6):
        press(qtbot, edit, "PgDown")
    top = editor_top_section(window)
    assert top > 5
    assert abs(preview_top_section(window) - top) <= 1
    press(qtbot, edit, "Ctrl+End")
    preview_bar = window.editor.preview.verticalScrollBar()
    assert preview_bar.value() == preview_bar.maximum()  # the end of the text: the end of the page
    press(qtbot, edit, "Ctrl+Home")
    assert preview_bar.value() == 0  # the start of the text: the headline in view


def test_scrolling_the_preview_brings_the_editor_along(qtbot, window) -> None:
    preview = window.editor.preview
    preview.setFocus()
    for _ in range(5):
        qtbot.keyClick(preview, Qt.Key.Key_PageDown)
    top = preview_top_section(window)
    assert top > 5
    assert abs(editor_top_section(window) - top) <= 1
    qtbot.keyClick(preview, Qt.Key.Key_End)  # a page read with the keyboard
    editor_bar = window.editor.body_edit.verticalScrollBar()
    assert editor_bar.value() == editor_bar.maximum()
    qtbot.keyClick(preview, Qt.Key.Key_Home)
    assert editor_bar.value() == 0


def test_each_side_scrolled_in_turn_stays_in_step(qtbot, window) -> None:
    edit, preview = window.editor.body_edit, window.editor.preview
    for bar, fraction in ((edit.verticalScrollBar(), 0.3), (preview.verticalScrollBar(), 0.7)):
        bar.setValue(int(bar.maximum() * fraction))  # dragging the scroll bar
        assert abs(editor_top_section(window) - preview_top_section(window)) <= 1
