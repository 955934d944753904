"""The desk opened from the main window: Comments > Moderation Desk, scoped to the open article
on request; the main window's comments panel is the same queue scoped to the open article, with
the same keys, the same undo, and the two follow each other's decisions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow

from redaction.ui.actions import A

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_desk_by_keyboard(qtbot, window):
    window.articles.view.setFocus()
    qtbot.keyClick(window.articles.view, Qt.Key.Key_M, CTRL_SHIFT)
    desk_window = window.findChild(QMainWindow, "desk_window")
    assert desk_window is not None and desk_window.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk_window)  # its keys work once active
    return desk_window


def test_main_window_opens_the_desk_which_offers_the_open_article(qtbot, seeded_db, make_window) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.current_article_id() is not None)
    article = 1  # "La criée de Douarnenez", the one with comments
    assert window.articles.select_article(article) and window.current_article_id() == article
    comments_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "Comments" in a.text())
    assert window.ctx.actions[A.MODERATION_DESK] in comments_menu.actions()
    desk_window = open_desk_by_keyboard(qtbot, window)
    desk = desk_window.desk
    qtbot.waitUntil(lambda: desk.filters.scope_combo.count() == 2)
    assert desk.filters.scope_combo.itemData(1) == article and desk.filters.article_id() is None
    desk.filters.toggle_scope()
    assert {desk.queue.model.comment(r).article_id for r in range(desk.queue.model.rowCount())} == {article}
    decided = desk.queue.model.comment(0).id
    desk.view.setFocus()
    qtbot.keyClick(desk.view, Qt.Key.Key_A)
    assert desk.queue.tabs.tabText(0) == "Pending (1)"
    # The panel followed: the same comment shown moved, its count one less.
    panel = window.comments.queue
    assert panel.model.has_left(panel.model.row_of(decided))
    assert panel.tabs.tabText(0) == "Pending (1)"
    assert window.open_desk() is desk_window  # a second time: the same window


def test_a_decision_in_the_panel_is_undone_with_z_like_at_the_desk(qtbot, seeded_db, make_window) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.current_article_id() is not None)
    assert window.articles.select_article(1)
    panel = window.comments.queue
    qtbot.keyClick(window.articles.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # to the comments
    assert panel.view.hasFocus()
    first = panel.model.comment(panel.current_row()).id
    qtbot.keyClick(panel.view, Qt.Key.Key_A)
    assert panel.tabs.tabText(0) == "Pending (1)" and panel.tabs.tabText(1) == "Approved (2)"
    assert window.articles.model.summary(window.articles.model.row_of(1)).pending_comments == 1
    qtbot.keyClick(panel.view, Qt.Key.Key_Z)
    assert panel.tabs.tabText(0) == "Pending (2)" and panel.tabs.tabText(1) == "Approved (1)"
    assert panel.model.comment(panel.current_row()).id == first  # back on the comment undone
    assert window.articles.model.summary(window.articles.model.row_of(1)).pending_comments == 2


def test_a_shortcut_changed_in_preferences_reaches_an_open_desk(qtbot, seeded_db, make_window) -> None:
    """A → K for Approve: the desk already open obeys K at once (and shows it on its button)."""
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.current_article_id() is not None)
    desk_window = open_desk_by_keyboard(qtbot, window)
    desk = desk_window.desk
    window.ctx.actions.set_shortcut(A.QUEUE_PREVIOUS, QKeySequence("Shift+K"))  # K was Previous
    window.ctx.actions.set_shortcut(A.COMMENT_APPROVE, QKeySequence("K"))  # what Preferences does on OK
    desk.view.setFocus()
    qtbot.keyClick(desk.view, Qt.Key.Key_A)
    assert desk.queue.tabs.tabText(0) == "Pending (2)"  # A approves nothing any more
    qtbot.keyClick(desk.view, Qt.Key.Key_K)
    assert desk.queue.tabs.tabText(0) == "Pending (1)"
    assert desk.queue.buttons[A.COMMENT_APPROVE].text().endswith("K")
