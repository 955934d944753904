"""The outline: headings as a tree that follows typing, jumps on click or Enter, tracks the cursor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from redaction.ui.editor.body_edit import MarkdownEdit
from redaction.ui.editor.outline import OutlineView
from tests.ui.keys import type_text

FILLER = "Un paragraphe.\n\n" * 40
BODY = (
    f"# Le port\n{FILLER}## La criée\n{FILLER}```\n## Pas un titre\n```\n"
    f"### Les bateaux\n{FILLER}## Le quai\n{FILLER}"
)


class Desk(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        panel = QWidget()
        self.edit = MarkdownEdit()
        self.outline = OutlineView(self.edit)
        layout = QHBoxLayout(panel)
        layout.addWidget(self.outline, 1)
        layout.addWidget(self.edit, 3)
        self.setCentralWidget(panel)


@pytest.fixture
def desk(qtbot: QtBot) -> Desk:
    win = Desk()
    win.resize(900, 500)
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    win.edit.setPlainText(BODY)
    win.outline.refresh()
    return win


def titles(desk: Desk) -> list[tuple[str, str]]:
    """(title, parent title) of every row, depth first."""
    model = desk.outline.model()
    out: list[tuple[str, str]] = []

    def walk(parent_index: QModelIndex, parent_title: str) -> None:
        for row in range(model.rowCount(parent_index)):
            index = model.index(row, 0, parent_index)
            out.append((index.data(), parent_title))
            walk(index, index.data())

    walk(QModelIndex(), "")
    return out


def test_headings_form_an_indented_tree_without_those_in_code(desk: Desk) -> None:
    assert titles(desk) == [
        ("Le port", ""),
        ("La criée", "Le port"),
        ("Les bateaux", "La criée"),
        ("Le quai", "Le port"),
    ]


def test_the_outline_follows_typing_after_a_pause(qtbot: QtBot, desk: Desk) -> None:
    desk.edit.setFocus()
    desk.edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, desk.edit, "\n## Le **marche**")
    qtbot.waitUntil(lambda: len(titles(desk)) == 5, timeout=2000)
    assert titles(desk)[-1] == ("Le marche", "Le port")
    assert desk.outline.current_heading() == 4  # the cursor is in the new section


def test_clicking_a_heading_moves_the_cursor_there_and_centres_it(qtbot: QtBot, desk: Desk) -> None:
    model = desk.outline.model()
    quai = model.index(1, 0, model.index(0, 0))
    assert quai.data() == "Le quai"
    rect = desk.outline.visualRect(quai)
    qtbot.mouseClick(desk.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    line = BODY.split("\n").index("## Le quai")
    assert desk.edit.textCursor().blockNumber() == line
    assert QApplication.focusWidget() is desk.edit
    cursor_y = desk.edit.cursorRect().center().y()
    height = desk.edit.viewport().height()
    assert height * 0.3 < cursor_y < height * 0.7


def test_enter_on_a_heading_jumps_too(qtbot: QtBot, desk: Desk) -> None:
    desk.outline.setFocus()
    model = desk.outline.model()
    bateaux = model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    desk.outline.setCurrentIndex(bateaux)
    with qtbot.waitSignal(desk.outline.heading_activated) as jumped:
        qtbot.keyClick(desk.outline, Qt.Key.Key_Return)
    assert jumped.args == [BODY.split("\n").index("### Les bateaux")]


def test_the_current_heading_follows_the_cursor(desk: Desk) -> None:
    lines = BODY.split("\n")
    for line, expected in (
        (0, "Le port"),
        (lines.index("## La criée") + 3, "La criée"),
        (len(lines) - 1, "Le quai"),
    ):
        cursor = QTextCursor(desk.edit.document().findBlockByNumber(line))
        desk.edit.setTextCursor(cursor)
        assert desk.outline.currentIndex().data() == expected
    desk.edit.setPlainText("Pas de titre du tout.")
    desk.outline.refresh()
    assert desk.outline.model().rowCount() == 0
    assert desk.outline.current_heading() == -1
