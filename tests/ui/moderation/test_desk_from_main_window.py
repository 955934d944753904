"""The desk opened from the main window: Comments > Moderation Desk, scoped to the open article
on request, and the main window following the desk's decisions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_main_window_opens_the_desk_which_offers_the_open_article(qtbot, seeded_db, make_window) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.current_article_id() is not None)
    article = 1  # "La criée de Douarnenez", the one with comments
    assert window.articles.select_article(article) and window.current_article_id() == article
    assert window.actions_["moderation_desk"] in window.menuBar().actions()[2].menu().actions()
    window.actions_["moderation_desk"].trigger()
    desk_window = window.desk_window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk_window)
    desk = desk_window.desk
    qtbot.waitUntil(lambda: desk.filters.scope_combo.count() == 2)
    assert desk.filters.scope_combo.itemData(1) == article and desk.filters.article_id() is None
    desk.filters.toggle_scope()
    assert {desk.model.comment(r).article_id for r in range(desk.model.rowCount())} == {article}
    pending_before = window.comments.model.rowCount()
    desk.view.setFocus()
    qtbot.keyClick(desk.view, Qt.Key.Key_A)
    assert desk.tabs.tabText(0) == "Pending (1)"
    assert window.comments.model.rowCount() == pending_before - 1  # the panel followed
    window.actions_["moderation_desk"].trigger()  # a second time: the same window
    assert window.desk_window is desk_window
