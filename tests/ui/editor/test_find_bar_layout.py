"""The find and replace bar in the real window, at the sizes people use: showing it never crushes
its own fields nor the preview, in English or French; options fold into a menu when room is short.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from redaction.storage.database import Database
from redaction.ui import i18n, settings
from redaction.ui.editor.body_edit import MarkdownEdit
from redaction.ui.editor.find_replace import FindReplaceBar
from tests.ui.keys import type_text

USABLE_FIELD_CHARS = 15  # a few words of what is searched for
USABLE_PAGE_CHARS = 30  # a phone's measure: the headline breaks between words, not inside them

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest, qapp: QApplication, tmp_path: Path) -> Iterator[str]:
    default = QLocale()
    settings.put(settings.UI_LANGUAGE, request.param)
    i18n.install_translators(qapp, cache=tmp_path / "cache")
    yield request.param
    i18n.remove_translators(qapp)
    QLocale.setDefault(default)


def open_window(qtbot: QtBot, make_window, db: Database, width: int, height: int):
    window = make_window(db)
    window.resize(width, height)
    # As on a first launch on that screen: the article list takes 40 % of the width, up to 600 px.
    # (No narrower than the list's columns need, in the interface's language.)
    wanted = max(min(600, int(width * 0.4)), window.articles.minimumSizeHint().width())
    window.resizeDocks([window.articles_dock], [wanted], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    qtbot.waitUntil(lambda: window.articles_dock.width() == wanted)
    return window


def right_edge(widget: QWidget, within: QWidget) -> int:
    return widget.mapTo(within, QPoint(widget.width(), 0)).x()


@pytest.mark.parametrize("size", [(1600, 1000), (1280, 800)], ids=["1600x1000", "1280x800"])
def test_ctrl_h_keeps_fields_and_preview_usable(
    qtbot: QtBot, seeded_db: Database, make_window, language: str, size: tuple[int, int]
) -> None:
    window = open_window(qtbot, make_window, seeded_db, *size)
    editor = window.editor
    preview_before = editor.preview.width()
    editor.body_edit.setFocus()
    qtbot.keyClick(editor.body_edit, Qt.Key.Key_H, CTRL)
    bar = editor.find_bar
    assert bar.replace_edit.isVisible()
    # The window lays itself out again, level by level, as the bar claims its minimum width.
    qtbot.waitUntil(lambda: bar.width() >= bar.minimumSizeHint().width() > 0)

    field = bar.find_edit.fontMetrics().averageCharWidth() * USABLE_FIELD_CHARS
    assert bar.find_edit.width() >= field
    assert bar.replace_edit.width() >= field
    page = editor.preview.document().defaultFont()
    assert editor.preview.width() >= QFontMetrics(page).averageCharWidth() * USABLE_PAGE_CHARS
    # Showing the bar takes from the preview only what lies above the preview's floor.
    assert editor.preview.width() >= min(preview_before, editor.preview.minimumWidth())
    # Nothing in the bar is cut off or pushed outside it.
    for child in bar.findChildren(QWidget):
        if child.isVisibleTo(bar) and child.parentWidget() in (bar, bar.options):
            assert right_edge(child, bar) <= bar.width(), child.objectName()
    # Every option is on screen: as boxes, or folded into the Options menu.
    assert all(box.isVisible() for box in bar.options.boxes) or bar.options.menu_button.isVisible()


class Desk(QMainWindow):
    """The bar under an editor, alone in a window of a chosen width."""

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
    qtbot.addWidget(win)
    win.resize(1000, 400)
    with qtbot.waitExposed(win):
        win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    win.edit.setPlainText("Le Port de Lorient, le port de pêche.")
    win.edit.setFocus()
    return win


def test_options_sit_in_the_bar_when_it_is_wide_and_fold_when_narrow(qtbot: QtBot, desk: Desk) -> None:
    qtbot.keyClick(desk.edit, Qt.Key.Key_F, CTRL)
    options = desk.bar.options
    qtbot.waitUntil(lambda: all(box.isVisible() for box in options.boxes))
    assert not options.menu_button.isVisible()
    desk.resize(desk.bar.minimumSizeHint().width() + 40, 400)
    qtbot.waitUntil(lambda: options.menu_button.isVisible())
    assert not any(box.isVisible() for box in options.boxes)
    assert (
        desk.bar.find_edit.width() >= desk.bar.find_edit.fontMetrics().averageCharWidth() * USABLE_FIELD_CHARS
    )


# The offscreen platform cannot raise a popup nor grab the keyboard for it; the menu works anyway.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_folded_option_is_chosen_from_the_menu_with_the_keyboard(qtbot: QtBot, desk: Desk) -> None:
    desk.resize(500, 400)
    qtbot.keyClick(desk.edit, Qt.Key.Key_F, CTRL)
    type_text(qtbot, desk.bar.find_edit, "port")
    assert desk.bar.status.text() == "1 of 2"
    button = desk.bar.options.menu_button
    qtbot.waitUntil(button.isVisible)
    assert button.text() == "Options"
    button.setFocus()  # as Tab from the find field would

    def choose_match_case() -> None:
        menu = desk.bar.options.menu
        qtbot.waitUntil(menu.isVisible)
        if menu.activeAction() is None:
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        assert menu.activeAction().text() == "Match case"
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose_match_case)
    qtbot.keyClick(button, Qt.Key.Key_Space)  # opens the menu (a nested event loop)
    assert desk.bar.case_box.isChecked()
    assert button.text() == "Options (1)"  # an option left on stays in sight
    assert len(desk.bar.matches()) == 1  # "Port" no longer counts


def test_shift_enter_in_the_find_field_goes_back(qtbot: QtBot, desk: Desk) -> None:
    desk.edit.setPlainText("Un port, deux ports, trois ports.")
    qtbot.keyClick(desk.edit, Qt.Key.Key_F, CTRL)
    type_text(qtbot, desk.bar.find_edit, "port")
    assert desk.bar.status.text() == "1 of 3"
    qtbot.keyClick(desk.bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert desk.bar.status.text() == "3 of 3"
    qtbot.keyClick(desk.bar.find_edit, Qt.Key.Key_Return)
    assert desk.bar.status.text() == "1 of 3"
