"""Focus mode as a writer meets it: F11 in, F11 or Esc out, every shortcut still working, a
centred column, typewriter scrolling, dimmed paragraphs, the word count in view, and the panels
back at the next start whatever happened."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from redaction.services.articles import editing as article_service
from redaction.storage.database import Database
from redaction.ui import settings
from redaction.ui.preferences import PreferencesDialog
from tests.ui.keys import press, type_text


@pytest.fixture
def window(qtbot, seeded_db: Database, make_window):
    win = make_window(seeded_db)
    win.open_article(1)
    win.editor.body_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.editor.body_edit)
    return win


def focused():
    return QApplication.focusWidget()


def everything_is_back(win) -> bool:
    return (
        win.articles_dock.isVisible()
        and win.comments_dock.isVisible()
        and win.toolbar.isVisible()
        and win.menuBar().isVisible()
        and win.editor.title_edit.isVisible()
        and win.editor.preview.isVisible()
        and not win.isFullScreen()
    )


def test_f11_enters_and_f11_leaves(qtbot, window) -> None:
    press(qtbot, focused(), "F11")
    assert window.writing.focus.active
    assert not window.articles_dock.isVisible() and not window.toolbar.isVisible()
    assert not window.menuBar().isVisible() and not window.editor.preview.isVisible()
    assert window.isFullScreen()
    assert focused() is window.editor.body_edit  # straight back to writing
    press(qtbot, focused(), "F11")
    assert not window.writing.focus.active
    assert everything_is_back(window)


def test_escape_leaves_focus_mode(qtbot, window) -> None:
    press(qtbot, focused(), "F11")
    press(qtbot, focused(), "Esc")
    assert not window.writing.focus.active
    assert everything_is_back(window)
    assert not window.ctx.actions["view_focus"].isChecked()


def test_escape_in_the_find_bar_closes_the_bar_first(qtbot, window) -> None:
    press(qtbot, focused(), "F11")
    press(qtbot, focused(), "Ctrl+F")
    assert window.editor.find_bar.isVisible()
    press(qtbot, focused(), "Esc")
    assert not window.editor.find_bar.isVisible()
    assert window.writing.focus.active  # one Esc, one thing closed
    press(qtbot, focused(), "Esc")
    assert not window.writing.focus.active


def test_ctrl_s_saves_inside_focus_mode(qtbot, window, seeded_db: Database) -> None:
    press(qtbot, focused(), "F11")
    window.editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(focused(), " Ecrit en plein ecran.")
    press(qtbot, focused(), "Ctrl+S")
    assert article_service.get_article(seeded_db, 1).fields.body.endswith("Ecrit en plein ecran.")
    assert window.writing.focus.active  # saving does not throw the writer out


def test_the_next_start_has_its_panels_after_quitting_in_focus_mode(
    qtbot, seeded_db: Database, window, make_window
) -> None:
    press(qtbot, focused(), "F11")
    assert window.close()  # as Alt+F4 does (Quit has no key of its own on every platform)
    again = make_window(seeded_db)
    assert not again.writing.focus.active
    assert everything_is_back(again)
    assert again.ctx.actions["view_toolbar"].isChecked()
    assert again.ctx.actions["view_articles"].isChecked()


def test_panels_hidden_before_stay_hidden_after(qtbot, window) -> None:
    press(qtbot, focused(), "Ctrl+Shift+3")  # View ▸ Comments off
    assert not window.comments_dock.isVisible()
    press(qtbot, focused(), "F11")
    press(qtbot, focused(), "F11")
    assert window.articles_dock.isVisible() and not window.comments_dock.isVisible()
    assert not window.ctx.actions["view_comments"].isChecked()


def column(edit) -> tuple[int, int, float]:
    """Left and right margins around the text, and the text's width in characters."""
    viewport = edit.viewport().geometry()
    text_width = viewport.width() - 2 * edit.document().documentMargin()
    return (
        viewport.left(),
        edit.width() - viewport.right(),
        text_width / edit.fontMetrics().horizontalAdvance("n"),
    )


def test_the_column_is_centred_and_its_width_set_in_preferences(qtbot, window) -> None:
    press(qtbot, focused(), "F11")
    edit = window.editor.body_edit
    qtbot.waitUntil(lambda: edit.width() > 700)
    _left, _right, characters = column(edit)
    assert 71 <= characters <= 74  # focus.column_characters = 72 by default
    press(qtbot, focused(), "Ctrl+,")  # Preferences, from inside focus mode
    dialog = window.findChild(PreferencesDialog)
    spin = dialog.focus_column_spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "40")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert settings.get(settings.FOCUS_COLUMN) == 40
    left, right, characters = column(edit)  # applied at once, without leaving focus mode
    assert 39 <= characters <= 42
    assert left > 100
    assert abs(left - right) <= edit.verticalScrollBar().sizeHint().width() + 2
    press(qtbot, focused(), "F11")
    assert edit.viewport().geometry().left() < 10  # the whole width again outside focus mode


def test_typewriter_scrolling_keeps_the_line_being_typed_mid_screen(qtbot, window) -> None:
    settings.put(settings.FOCUS_TYPEWRITER, True)
    window.ctx.actions["view_typewriter"].setChecked(True)  # as the View menu leaves it
    press(qtbot, focused(), "F11")
    edit = window.editor.body_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, edit, "\n".join(f"Ligne {n}" for n in range(80)))
    height = edit.viewport().height()
    assert edit.verticalScrollBar().value() > 0
    y = edit.cursorRect().center().y()
    assert abs(y - height / 2) < height * 0.1


def test_without_typewriter_the_line_being_typed_sits_at_the_bottom(qtbot, window) -> None:
    window.ctx.actions["view_typewriter"].setChecked(False)
    press(qtbot, focused(), "F11")
    edit = window.editor.body_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, edit, "\n".join(f"Ligne {n}" for n in range(80)))
    height = edit.viewport().height()
    assert edit.cursorRect().center().y() > height * 0.8


def dimmed_blocks(edit) -> set[int]:
    """The numbers of the paragraphs (non-empty blocks) whose whole text is faded."""
    faded = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in edit.extraSelections()
        if s.format.foreground().color().alphaF() < 0.5
    ]
    blocks: set[int] = set()
    block = edit.document().begin()
    while block.isValid():
        start, end = block.position(), block.position() + block.length() - 1
        if end > start and any(a <= start and end <= b for a, b in faded):
            blocks.add(block.blockNumber())
        block = block.next()
    return blocks


def test_dimming_fades_every_paragraph_but_the_current_one(qtbot, window) -> None:
    window.ctx.actions["view_dim"].setChecked(True)
    edit = window.editor.body_edit
    edit.setPlainText("Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.")
    edit.setTextCursor(QTextCursor(edit.document().findBlockByNumber(2)))
    press(qtbot, focused(), "F11")
    assert dimmed_blocks(edit) >= {0, 4}
    assert 2 not in dimmed_blocks(edit)
    press(qtbot, focused(), "Ctrl+Home")  # the cursor moves: the light follows it
    assert 0 not in dimmed_blocks(edit) and 2 in dimmed_blocks(edit)
    press(qtbot, focused(), "Esc")
    assert not dimmed_blocks(edit)  # nothing stays faded after focus mode


def test_no_dimming_when_it_is_off(qtbot, window) -> None:
    window.ctx.actions["view_dim"].setChecked(False)
    press(qtbot, focused(), "F11")
    edit = window.editor.body_edit
    edit.setPlainText("Premier paragraphe.\n\nDeuxième paragraphe.")
    assert not dimmed_blocks(edit)


def test_the_word_count_stays_in_view(qtbot, window) -> None:
    press(qtbot, focused(), "F11")
    label = window.stats_label
    assert label.isVisible() and window.statusBar().isVisible()
    before = label.text()
    assert "words" in before
    window.editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(focused(), " trois mots nouveaux")
    qtbot.waitUntil(lambda: label.text() != before)
    assert label.isVisible()
