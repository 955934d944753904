"""View ▸ Outline in the window: a panel reached with Ctrl+Shift+O, Enter or a click to jump,
the current heading followed, and remembered with the layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from redaction.services.articles.editing import create_article
from redaction.services.articles.values import ArticleFields
from redaction.storage.database import Database
from tests.ui.keys import press

FILLER = "Un paragraphe sur le port.\n\n" * 12
BODY = (
    f"# Le port\n\n{FILLER}## La criée\n\n{FILLER}#MeToo a changé les rédactions.\n\n"
    f"## Le quai\n\n{FILLER}### Les bateaux\n\n{FILLER}"
)


@pytest.fixture
def window(qtbot, db: Database, make_window):
    create_article(db, ArticleFields(title="Le port", body=BODY))
    win = make_window(db)
    win.resize(1400, 800)
    win.open_article(1)
    win.editor.body_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.editor.body_edit)
    return win


def titles(outline) -> list[str]:
    model = outline.model()
    out: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            out.append(index.data())
            walk(index)

    walk(QModelIndex())
    return out


def test_ctrl_shift_o_opens_the_outline_panel_with_the_keyboard_in_it(qtbot, window) -> None:
    dock = window.writing.outline_dock
    assert not dock.isVisible()
    press(qtbot, QApplication.focusWidget(), "Ctrl+Shift+O")
    assert dock.isVisible()
    assert window.ctx.actions["view_outline"].isChecked()
    outline = window.editor.outline
    assert QApplication.focusWidget() is outline
    assert titles(outline) == ["Le port", "La criée", "Le quai", "Les bateaux"]  # "#MeToo" is text
    model = outline.model()
    deepest = model.index(0, 0, model.index(1, 0, model.index(0, 0)))
    assert outline.visualRect(deepest).left() + outline.fontMetrics().horizontalAdvance("Les bateaux") < (
        outline.viewport().width()
    )  # wide enough to read the deepest heading whole
    press(qtbot, outline, "Ctrl+Shift+O")
    assert not dock.isVisible()
    assert QApplication.focusWidget() is window.editor.body_edit  # back to the text


def test_enter_on_a_heading_jumps_there(qtbot, window) -> None:
    press(qtbot, QApplication.focusWidget(), "Ctrl+Shift+O")
    outline = window.editor.outline
    for _ in range(3):
        qtbot.keyClick(outline, Qt.Key.Key_Down)
    assert outline.currentIndex().data() == "Les bateaux"
    qtbot.keyClick(outline, Qt.Key.Key_Return)
    edit = window.editor.body_edit
    assert QApplication.focusWidget() is edit
    assert edit.textCursor().block().text() == "### Les bateaux"


def test_a_click_jumps_and_the_current_heading_follows_the_cursor(qtbot, window) -> None:
    press(qtbot, QApplication.focusWidget(), "Ctrl+Shift+O")
    outline = window.editor.outline
    model = outline.model()
    quai = model.index(1, 0, model.index(0, 0))
    assert quai.data() == "Le quai"
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=outline.visualRect(quai).center())
    edit = window.editor.body_edit
    assert edit.textCursor().block().text() == "## Le quai"
    press(qtbot, edit, "Ctrl+Home")
    assert outline.currentIndex().data() == "Le port"
    edit.moveCursor(QTextCursor.MoveOperation.End)
    assert outline.currentIndex().data() == "Les bateaux"


def test_the_outline_panel_is_remembered_with_the_layout(qtbot, db: Database, window, make_window) -> None:
    press(qtbot, QApplication.focusWidget(), "Ctrl+Shift+O")
    press(qtbot, QApplication.focusWidget(), "F11")  # focus mode hides it for a moment
    assert not window.writing.outline_dock.isVisible()
    press(qtbot, QApplication.focusWidget(), "F11")
    assert window.writing.outline_dock.isVisible()
    assert window.ctx.actions["view_outline"].isChecked()
    window.close()
    again = make_window(db)
    assert again.writing.outline_dock.isVisible()
    assert again.ctx.actions["view_outline"].isChecked()
    qtbot.waitUntil(lambda: again.editor.detail is not None)
    assert titles(again.editor.outline)[0] == "Le port"
    assert QApplication.focusWidget() is not again.editor.outline  # shown, but no keyboard stolen
