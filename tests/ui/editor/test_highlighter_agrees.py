"""The editor's colours say what the page will show: a line coloured as a list item is a list
item in the preview, a line coloured as a heading is a heading, in any order of lines."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from redaction.render.markdown import convert_whole
from redaction.ui.editor.highlighter import MarkdownHighlighter
from tests.ui.editor.spell_fixtures import format_at
from tests.ui.keys import type_text


@pytest.fixture
def editor(qtbot: QtBot) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    widget.highlighter = MarkdownHighlighter(widget.document(), widget.palette(), None, "")  # type: ignore[attr-defined]
    widget.resize(600, 400)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def coloured_items(editor: QPlainTextEdit) -> list[int]:
    """Numbers of the lines whose list marker is coloured as one."""
    marker = editor.highlighter.formats.list_marker  # type: ignore[attr-defined]
    found = []
    block = editor.document().firstBlock()
    while block.isValid():
        text = block.text()
        column = len(text) - len(text.lstrip(" >"))
        shown = format_at(block, column)
        if shown.foreground() == marker.foreground() and shown.fontWeight() == QFont.Weight.Bold:
            found.append(block.blockNumber())
        block = block.next()
    return found


def coloured_headings(editor: QPlainTextEdit) -> list[int]:
    found = []
    block = editor.document().firstBlock()
    while block.isValid():
        if block.text().strip() and format_at(block, len(block.text()) - 1).fontPointSize() > 0:
            found.append(block.blockNumber())
        block = block.next()
    return found


def test_a_list_under_its_lead_in_is_coloured_as_a_list(qtbot: QtBot, editor: QPlainTextEdit) -> None:
    editor.setPlainText("Parmi les étals :\n- deux poissonniers ;\n- un boucher.\n\nLe total\n14. ou plus")
    assert coloured_items(editor) == [1, 2]  # "14." continues its paragraph: not a list


def test_typing_the_lead_in_away_turns_the_year_into_a_list(qtbot: QtBot, editor: QPlainTextEdit) -> None:
    editor.setPlainText("En mai\n2024. Une année de travaux.")
    assert coloured_items(editor) == []
    cursor = editor.textCursor()
    cursor.setPosition(len("En mai") + 1)
    cursor.setPosition(0, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, "x")  # replaces "En mai\n" with "x": still under a paragraph line
    assert coloured_items(editor) == []
    qtbot.keyClick(editor, "\b")  # Backspace: "2024." now opens the text, a list as rendered
    assert editor.toPlainText() == "2024. Une année de travaux."
    assert coloured_items(editor) == [0]
    assert "<ol" in convert_whole(editor.toPlainText())


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("> Parmi les étals :\n> - deux poissonniers\n> 14. ou plus", [1]),
        ("Il a dit :\n> - non\n> - jamais", [1, 2]),
        ("> 14. quatorze\n> 15. quinze", [0, 1]),
        ("> Une citation\n- et sa suite paresseuse", [1]),
        ("1. premier\n> Une citation\n2. deuxième", [0, 2]),  # the quote is in the item
        # ...but not when the list interrupted a paragraph: the quote ends it, "2." is its text
        ("Parmi les étals :\n1. premier\n> Une citation\n2. deuxième", [1]),
        ("Texte\n- premier\nsuite\n> Une citation\n- deuxième", [1, 4]),
        # a list nested in an item interrupted the item's text: a quote ends it, not the item
        ("- deux\n1. premier\n> Une citation\n14. quatorze\n- trois", [0, 1, 4]),
    ],
)
def test_lists_in_quotes_are_coloured_as_rendered(
    editor: QPlainTextEdit, text: str, items: list[int]
) -> None:
    editor.setPlainText(text)
    assert coloured_items(editor) == items
    assert convert_whole(text).count("<li>") == len(items)


def test_a_hashtag_is_not_coloured_as_a_heading(qtbot: QtBot, editor: QPlainTextEdit) -> None:
    type_text(qtbot, editor, "#MeToo a change\n\n# Titre")
    assert coloured_headings(editor) == [2]


LINES = [
    "Parmi les étals :",
    "Du texte.",
    "- deux",
    "* un",
    "+ plus",
    "1. premier",
    "2. deuxième",
    "14. quatorze",
    "#MeToo a changé",
    "# Titre",
    "## Sous-titre ##",
    "> Une citation",
]  # lists inside quotes: below (inside a quote inside a list item, colours are approximate)
bodies = st.lists(
    st.tuples(st.sampled_from(LINES), st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=10
).map(lambda pairs: "".join(line + sep for line, sep in pairs).rstrip("\n"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bodies)
def test_colours_and_page_agree_on_any_text(editor: QPlainTextEdit, text: str) -> None:
    editor.setPlainText(text)
    html = convert_whole(text)
    assert len(coloured_items(editor)) == html.count("<li>")
    assert len(coloured_headings(editor)) == len(re.findall(r"<h[1-6]", html))
