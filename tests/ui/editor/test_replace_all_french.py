"""Replace All leaves French text alone outside the matches: no-break spaces (U+00A0), narrow
no-break spaces (U+202F), accents, emoji and line breaks stay byte for byte, and one Ctrl+Z
brings the original back exactly.

The text is read through the QTextDocument: ``toPlainText()`` turns U+00A0 into a space and
would hide the very damage these tests look for.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from redaction.domain.find import Query
from redaction.ui.editor.body_edit import MarkdownEdit
from redaction.ui.editor.find_replace import FindReplaceBar
from redaction.ui.editor.typing_helpers import document_text
from tests.ui.keys import type_text as type_ascii

CTRL = Qt.KeyboardModifier.ControlModifier
NBSP, NNBSP = "\u00a0", "\u202f"


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
    return win


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; QTest only spells ASCII, so other characters go as key events
    carrying their text, as a French keyboard sends them."""
    for char in text:
        if char.isascii():
            type_ascii(qtbot, widget, char)
        else:
            key = Qt.Key(ord(char.upper())) if ord(char) < 0x100 else Qt.Key.Key_unknown
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, char, Qt.KeyboardModifier.NoModifier)


def replace_all_by_keys(qtbot: QtBot, desk: Desk, text: str, find: str, replacement: str) -> None:
    """Load ``text``, then as a writer would: Ctrl+H, type what to find and its replacement, click
    Replace All."""
    desk.edit.setPlainText(text)
    desk.edit.setFocus()
    qtbot.keyClick(desk.edit, Qt.Key.Key_H, CTRL)
    assert desk.bar.replace_edit.isVisible()
    desk.bar.find_edit.clear()
    desk.bar.replace_edit.clear()
    desk.bar.find_edit.setFocus()
    type_text(qtbot, desk.bar.find_edit, find)
    desk.bar.replace_edit.setFocus()
    type_text(qtbot, desk.bar.replace_edit, replacement)
    qtbot.mouseClick(desk.bar.replace_all_button, Qt.MouseButton.LeftButton)


def undo_by_keys(qtbot: QtBot, desk: Desk) -> None:
    desk.edit.setFocus()
    qtbot.keyClick(desk.edit, Qt.Key.Key_Z, CTRL)


def test_no_break_spaces_between_matches_survive(qtbot: QtBot, desk: Desk) -> None:
    text = f"Le port{NBSP}: vendredi à 8{NBSP}h, «{NBSP}le port{NBSP}» ouvre{NNBSP}; le port{NNBSP}!"
    replace_all_by_keys(qtbot, desk, text, "port", "quai")
    assert document_text(desk.edit.document()) == text.replace("port", "quai")
    assert desk.bar.status.text() == "3 replaced"
    undo_by_keys(qtbot, desk)
    assert document_text(desk.edit.document()) == text
    assert not desk.edit.document().isUndoAvailable()


def test_a_no_break_space_typed_in_the_search_is_found_as_typed(qtbot: QtBot, desk: Desk) -> None:
    text = f"Rendez-vous à 8{NBSP}h et à 9 h."
    desk.edit.setPlainText(text)
    cursor = desk.edit.textCursor()
    cursor.setPosition(text.index("8"))
    cursor.setPosition(text.index("8") + 3, cursor.MoveMode.KeepAnchor)
    desk.edit.setTextCursor(cursor)
    desk.edit.setFocus()
    qtbot.keyClick(desk.edit, Qt.Key.Key_H, CTRL)  # the selection "8 h" becomes the search
    assert desk.bar.find_edit.text() == f"8{NBSP}h"
    type_text(qtbot, desk.bar.replace_edit, "huit heures")
    qtbot.mouseClick(desk.bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert document_text(desk.edit.document()) == "Rendez-vous à huit heures et à 9 h."


# Words a French article is made of, glued by every kind of space and punctuation it uses.
WORDS = ["port", "Port", "été", "Été", "marché", "Lorient", "8", "h", "œuvre", "🎣", "là", "à", "ports"]
GLUE = [
    " ",
    NBSP,
    NNBSP,
    "\n",
    "\n\n",
    ", ",
    f"{NBSP}: ",
    f"{NNBSP}; ",
    f"{NNBSP}! ",
    f"«{NBSP}",
    f"{NBSP}»",
    "-",
    "’",
]
french_text = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GLUE)), min_size=1, max_size=40).map(
    lambda pairs: "".join(word + glue for word, glue in pairs)
)


def expected(text: str, query: Query, template: str) -> str:
    pattern = query.compile()
    assert pattern is not None
    return pattern.sub(lambda m: query.replacement(m, template), text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=french_text,
    find=st.sampled_from(["port", "été", "marché", "à", "h", "8", "œuvre"]),
    replacement=st.sampled_from(["quai", "", "hiver", "Port", "x y"]),
)
def test_replace_all_changes_only_the_matches(
    qtbot: QtBot, desk: Desk, text: str, find: str, replacement: str
) -> None:
    replace_all_by_keys(qtbot, desk, text, find, replacement)
    query = desk.bar.query()
    assert query == Query(find)  # case-insensitive literal, as typed
    assert document_text(desk.edit.document()) == expected(text, query, replacement)
    undo_by_keys(qtbot, desk)
    assert document_text(desk.edit.document()) == text
    assert not desk.edit.document().isUndoAvailable()


def test_whole_word_regex_replace_keeps_everything_else(qtbot: QtBot, desk: Desk) -> None:
    text = f"Été{NBSP}: le port, les ports{NNBSP}; port-musée\n\nà 8{NBSP}h au port."
    desk.bar.regex_box.setChecked(True)
    desk.bar.word_box.setChecked(True)
    replace_all_by_keys(qtbot, desk, text, r"p(o)rt", r"qu\1ai")
    want = re.sub(r"(?<!\w)(?:p(o)rt)(?!\w)", r"qu\1ai", text, flags=re.IGNORECASE)
    assert document_text(desk.edit.document()) == want
    undo_by_keys(qtbot, desk)
    assert document_text(desk.edit.document()) == text
