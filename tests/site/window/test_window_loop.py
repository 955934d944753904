"""The newsroom's loop in the window, against the real WordPress: publish with Ctrl+Shift+P, a
reader comments on the site, F9 brings it to the comments panel and the desk, A approves it,
"1 change waiting for the site", F9 sends it — then the same with the site down for a while."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from redaction.services.site.errors import SiteUnreachableError
from redaction.services.site.overview import public_link
from redaction.storage.database import Database
from tests.site.helpers import headings, post_reader_comment, public_text, seed_article, site_comment
from tests.site.window.conftest import SYNC_MS, rows_of, sync_by_key
from tests.site.wordpress import LocalWordPress
from tests.ui.keys import press

READER = "Quelle belle histoire ! Ma grand-mère faisait ses courses chez elle."

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def _select(qtbot, queue, author: str) -> int:
    """Put the queue's cursor on ``author``'s comment (as J/K would) and return its id."""
    qtbot.waitUntil(lambda: any(c.author_name == author for c in rows_of(queue)), timeout=SYNC_MS)
    row = next(r for r, c in enumerate(rows_of(queue)) if c.author_name == author)
    queue.view.setFocus()
    queue.view.selectRow(row)
    return queue.model.comment(row).id


def test_publish_comment_decide_and_sync_with_the_site_down_for_a_while(
    qtbot, site_db: Database, site: LocalWordPress, make_window
) -> None:
    article = seed_article(site_db, " (fenêtre)")
    window = make_window(site_db)
    assert window.articles.select_article(article.id)
    qtbot.waitUntil(lambda: window.current_article_id() == article.id)
    controls = window.site
    assert not controls.badge.isVisible() and not controls.link_button.isVisible()

    # Publish: Ctrl+Shift+P queues it for the site and syncs at once.
    outcome: list[object] = []
    controls.sync.finished.connect(outcome.append)
    press(qtbot, window.articles.view, "Ctrl+Shift+P")
    assert window.editor.detail.fields.status == "published" and not window.editor.is_dirty()
    qtbot.waitUntil(lambda: bool(outcome) and not controls.sync.running, timeout=SYNC_MS)
    message = window.statusBar().currentMessage()
    assert message.startswith("Synced with Le Journal: 1 change sent")
    url = re.search(r"Public address: (\S+)", message).group(1)
    page = public_text(url)
    assert article.fields.title in page
    for heading in headings(article.fields.body):
        assert heading in page
    assert controls.link_button.isVisible() and controls.link_button.text() == "On the site"
    assert controls.link_button.toolTip() == url
    assert not controls.badge.isVisible()

    # A reader comments on the site; F9 at the desk brings it to the desk and the panel.
    post_id = public_link(site_db, article.id).post_id
    wp_id = post_reader_comment(site, post_id, READER, "Yvonne Le Bihan", "yvonne@example.org")
    press(qtbot, window.articles.view, "Ctrl+Shift+M")
    desk_window = window.findChild(QMainWindow, "desk_window")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk_window)
    desk = desk_window.desk
    result = sync_by_key(qtbot, desk.view, window)
    assert result.pulled >= 1
    _select(qtbot, desk.queue, "Yvonne Le Bihan")  # at the desk, without reopening it
    assert desk.queue.model.comment(desk.queue.current_row()).status == "pending"
    panel = window.comments.queue
    _select(qtbot, panel, "Yvonne Le Bihan")
    assert panel.model.comment(panel.current_row()).status == "pending"
    assert panel.tabs.tabText(0) == "Pending (1)"

    # A approves it here: one change waits for the site until F9 sends it.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: controls.badge.isVisible())
    assert controls.badge.text() == "1 change waiting for the site"
    assert site_comment(site, wp_id)["status"] == "hold"
    result = sync_by_key(qtbot, window.articles.view, window)
    assert result.sent == 1
    assert not controls.badge.isVisible()
    assert site_comment(site, wp_id)["status"] == "approved"
    assert "Ma grand-mère faisait ses courses chez elle." in public_text(url)

    # The site goes down: the decision is taken here, the sync says why, nothing is lost.
    second = post_reader_comment(site, post_id, "Et le pain de Plouay ?", "Jo", "jo@example.org")
    assert [c.author_name for c in rows_of(desk.queue)] == ["Yvonne Le Bihan"]  # decided, dimmed
    sync_by_key(qtbot, window.articles.view, window)
    # F9 asked for it: the queues show what came, the desk's too (a background sync would not
    # reshuffle a queue in use; its counts move).
    assert [c.author_name for c in rows_of(desk.queue)] == ["Jo"]
    assert [c.author_name for c in rows_of(panel)] == ["Jo"]
    assert panel.tabs.tabText(0) == "Pending (1)"
    _select(qtbot, panel, "Jo")
    site.stop_php()
    qtbot.keyClick(panel.view, Qt.Key.Key_S)  # spam
    qtbot.waitUntil(lambda: controls.badge.text() == "1 change waiting for the site")
    error = sync_by_key(qtbot, window.articles.view, window)
    assert isinstance(error, SiteUnreachableError)
    message = window.statusBar().currentMessage()
    assert message.startswith("Sync failed: the site ") and site.url in message
    assert "cannot be reached" in message and message.endswith("1 change kept for the next sync.")
    assert controls.badge.isVisible() and controls.badge.text() == "1 change waiting for the site"
    assert not controls.status.isVisible()  # the sync is over; the window is the person's again

    # The list of waiting changes says what waits and why.
    qtbot.mouseClick(controls.badge, Qt.MouseButton.LeftButton)
    outbox = controls.dialogs["outbox"]
    assert outbox.model.rowCount() == 1
    row = outbox.model.rows[0]
    assert row.entry.kind == "moderate" and row.comment_author == "Jo"
    assert "cannot be reached" in row.entry.last_error
    described = outbox.model.index(0, outbox.model.CHANGE).data()
    assert described == f"Decision: comment by Jo on “{article.fields.title}” → spam"
    outbox.close()

    site.start_php()
    result = sync_by_key(qtbot, window.articles.view, window)
    assert result.sent == 1
    assert not controls.badge.isVisible()
    assert site_comment(site, second)["status"] == "spam"
