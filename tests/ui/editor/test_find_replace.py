"""The find bar: shortcuts, options, highlights and count, errors, replace and one-step Replace All."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from redaction.ui.editor.body_edit import MarkdownEdit
from redaction.ui.editor.find_replace import FindReplaceBar
from tests.ui.keys import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TEXT = "Le port. Un Port, des ports;\nle port-musée et 🎣 le port."


class Desk(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        panel = QWidget()
        self.edit = MarkdownEdit()
        self.bar = FindReplaceBar(self.edit)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.edit)
        layout.addWidget(self.bar)
        self.setCentralWidget(panel)
        self.bar.install_actions(panel)


@pytest.fixture
def desk(qtbot: QtBot) -> Desk:
    win = Desk()
    win.resize(800, 400)
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    win.edit.setPlainText(TEXT)
    win.edit.setFocus()
    return win


def selected(desk: Desk) -> tuple[str, int]:
    cursor = desk.edit.textCursor()
    return cursor.selectedText(), cursor.selectionStart()


def test_ctrl_f_opens_the_bar_and_typing_finds_and_counts(qtbot: QtBot, desk: Desk) -> None:
    qtbot.keyClick(desk.edit, Qt.Key.Key_F, CTRL)
    assert desk.bar.isVisible()
    assert not desk.bar.replace_edit.isVisible()
    assert QApplication.focusWidget() is desk.bar.find_edit
    type_text(qtbot, desk.bar.find_edit, "port")
    assert selected(desk) == ("port", 3)
    assert desk.bar.status.text() == "1 of 5"
    assert len(desk.edit.extraSelections()) == 5


def test_f3_and_shift_f3_walk_the_matches_and_wrap(qtbot: QtBot, desk: Desk) -> None:
    qtbot.keyClick(desk.edit, Qt.Key.Key_F, CTRL)
    type_text(qtbot, desk.bar.find_edit, "port")
    desk.edit.setFocus()
    qtbot.keyClick(desk.edit, Qt.Key.Key_F3)
    assert selected(desk) == ("Port", 12)
    assert desk.bar.status.text() == "2 of 5"
    qtbot.keyClick(desk.edit, Qt.Key.Key_F3, SHIFT)
    qtbot.keyClick(desk.edit, Qt.Key.Key_F3, SHIFT)  # from the first match: wraps to the last
    assert desk.bar.status.text() == "5 of 5"
    # the last match sits after an emoji (two Qt positions): still exactly selected
    assert selected(desk) == ("port", TEXT.index("port.", 40) + 1)
    qtbot.keyClick(desk.edit, Qt.Key.Key_F3)
    assert desk.bar.status.text() == "1 of 5"


def test_enter_in_the_find_field_finds_next(qtbot: QtBot, desk: Desk) -> None:
    qtbot.keyClick(desk.edit, Qt.Key.Key_F, CTRL)
    type_text(qtbot, desk.bar.find_edit, "port")
    qtbot.keyClick(desk.bar.find_edit, Qt.Key.Key_Return)
    assert desk.bar.status.text() == "2 of 5"


def test_options_narrow_the_matches(qtbot: QtBot, desk: Desk) -> None:
    desk.bar.show_find()
    type_text(qtbot, desk.bar.find_edit, "port")
    desk.bar.case_box.setChecked(True)
    assert len(desk.bar.matches()) == 4
    desk.bar.word_box.setChecked(True)
    assert len(desk.bar.matches()) == 3  # not "ports"; "port-musée" counts
    desk.bar.case_box.setChecked(False)
    assert len(desk.bar.matches()) == 4


def test_an_invalid_regex_is_shown_not_raised(qtbot: QtBot, desk: Desk) -> None:
    desk.bar.show_find()
    desk.bar.regex_box.setChecked(True)
    type_text(qtbot, desk.bar.find_edit, "(port")
    assert desk.bar.matches() == []
    assert desk.bar.status.text().startswith("Invalid regular expression: missing ), unterminated subpattern")
    assert desk.edit.extraSelections() == []
    qtbot.keyClick(desk.bar.find_edit, Qt.Key.Key_A, CTRL)
    type_text(qtbot, desk.bar.find_edit, "p.rt")
    assert desk.bar.status.text() == "1 of 5"


def test_regex_replace_uses_groups_then_goes_to_the_next_match(qtbot: QtBot, desk: Desk) -> None:
    desk.edit.setPlainText("anne@ouest, yann@brest")
    qtbot.keyClick(desk.edit, Qt.Key.Key_H, CTRL)
    assert desk.bar.replace_edit.isVisible()
    desk.bar.regex_box.setChecked(True)
    desk.bar.find_edit.setFocus()
    type_text(qtbot, desk.bar.find_edit, r"(\w+)@(\w+)")
    desk.bar.replace_edit.setText(r"\2 (\1)")
    qtbot.keyClick(desk.bar.replace_edit, Qt.Key.Key_Return)
    assert desk.edit.toPlainText() == "ouest (anne), yann@brest"
    assert selected(desk) == ("yann@brest", 14)
    desk.bar.replace_edit.setText(r"\9")
    assert not desk.bar.replace_current()
    assert desk.bar.status.text() == "Invalid replacement: invalid group reference 9 at position 1"
    assert desk.edit.toPlainText() == "ouest (anne), yann@brest"


def test_replace_all_is_one_undo_step(qtbot: QtBot, desk: Desk) -> None:
    desk.bar.show_replace()
    type_text(qtbot, desk.bar.find_edit, "port")
    desk.bar.replace_edit.setText("quai")
    with qtbot.waitSignal(desk.bar.replaced) as replaced:
        qtbot.mouseClick(desk.bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert replaced.args == [5]
    assert desk.edit.toPlainText() == "Le quai. Un quai, des quais;\nle quai-musée et 🎣 le quai."
    assert desk.bar.status.text() == "5 replaced"
    qtbot.wait(300)  # the refresh after the edit keeps the result on show
    assert desk.bar.status.text() == "5 replaced"
    assert desk.edit.extraSelections() == []
    desk.edit.undo()
    assert desk.edit.toPlainText() == TEXT
    assert not desk.edit.document().isUndoAvailable()


def test_escape_closes_the_bar_and_clears_the_highlights(qtbot: QtBot, desk: Desk) -> None:
    qtbot.keyClick(desk.edit, Qt.Key.Key_F, CTRL)
    type_text(qtbot, desk.bar.find_edit, "port")
    assert desk.edit.extraSelections()
    qtbot.keyClick(desk.bar.find_edit, Qt.Key.Key_Escape)
    assert desk.bar.isHidden()
    assert desk.edit.extraSelections() == []
    assert QApplication.focusWidget() is desk.edit


def test_the_selection_becomes_the_search_and_edits_refresh_the_count(qtbot: QtBot, desk: Desk) -> None:
    cursor = desk.edit.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(7, cursor.MoveMode.KeepAnchor)
    desk.edit.setTextCursor(cursor)
    qtbot.keyClick(desk.edit, Qt.Key.Key_F, CTRL)
    assert desk.bar.find_edit.text() == "port"
    desk.edit.moveCursor(desk.edit.textCursor().MoveOperation.End)
    desk.edit.insertPlainText(" Un port.")
    qtbot.waitUntil(lambda: len(desk.edit.extraSelections()) == 6)
