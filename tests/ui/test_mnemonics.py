"""Alt+letter in the main window: every underlined letter opens one thing, in both languages.

A menu title and a field label sharing a letter make Qt open neither ("Stand&first" once took
Alt+F from the File menu), so the window's menus and the editor's labels must not share one.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from redaction.storage.database import Database

MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    match = MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


@pytest.mark.parametrize("code", ["en", "fr"])
def test_menus_and_the_editors_labels_never_share_a_letter(
    ui_language, seeded_db: Database, make_window, code
) -> None:
    ui_language(code)
    window = make_window(seeded_db)
    menus = [a.text() for a in window.menuBar().actions() if a.text()]
    labels = [w.text() for w in window.editor.findChildren(QLabel) if w.buddy() is not None]
    letters = Counter(_letter(t) for t in menus + labels if _letter(t))
    shared = {
        letter: [t for t in menus + labels if _letter(t) == letter] for letter, n in letters.items() if n > 1
    }
    assert shared == {}


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # offscreen
def test_alt_f_opens_the_file_menu_with_an_article_open(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    window.editor.body_edit.setFocus()
    qtbot.keyClick(window.editor.body_edit, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    popup = QApplication.activePopupWidget()
    assert popup.title().replace("&", "") == "File"
    popup.close()
