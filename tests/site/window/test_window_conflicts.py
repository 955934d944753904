"""Conflicts with the site are settled in the window, never in silence: a post edited on the site
goes through the three-way merge; a comment moderated on the site after a decision here keeps the
site's decision unless the person keeps theirs; a comment deleted on the site is marked so at the
desk, and its refused decision can be put aside."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMainWindow
from sqlalchemy import select

from redaction.domain.diff import three_way_merge
from redaction.services.articles.editing import get_article
from redaction.services.site.overview import comment_conflicts, outbox_counts, public_link
from redaction.services.site.publish import publish_articles
from redaction.services.site.sync import push_outbox
from redaction.storage.database import Database
from redaction.storage.models import Comment
from tests.site.helpers import post_reader_comment, public_text, rest, seed_article, site_comment
from tests.site.window.conftest import SYNC_MS, rows_of, sync_by_key
from tests.site.wordpress import LocalWordPress
from tests.ui.keys import press, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def _published(db: Database, suffix: str) -> tuple[int, int, str]:
    article = seed_article(db, suffix)
    publish_articles(db, [article.id], "Claire Vasseur")
    result = push_outbox(db)
    link = public_link(db, article.id)
    return article.id, link.post_id, result.links[article.id]


def _statuses(db: Database) -> dict[str, str]:
    """Anne's and Troll's comments here (the shared site may bring others' too)."""
    with db.session() as s:
        rows = s.execute(
            select(Comment.author_name, Comment.status).where(Comment.author_name.in_(["Anne", "Troll"]))
        )
        return dict(rows.all())


def test_a_post_edited_on_the_site_is_merged_through_the_merge_dialog(
    qtbot, site_db: Database, site: LocalWordPress, make_window
) -> None:
    article_id, post_id, url = _published(site_db, " (fusion)")
    post = rest(site, "GET", f"wp/v2/posts/{post_id}", params={"context": "edit"})
    # The published text has no-break spaces in "7 h 25" (typography); the web editor's has none.
    edited = re.sub(r"Il est 7\sh\s25", "Il est 7 h 20", post["content"]["raw"])
    assert edited != post["content"]["raw"]
    rest(site, "POST", f"wp/v2/posts/{post_id}", json={"content": edited})  # the web editor fixes a time

    window = make_window(site_db)
    assert window.articles.select_article(article_id)
    base = window.editor.detail.fields
    body = window.editor.body_edit
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, body, "Merci a elle.")
    press(qtbot, body, "Ctrl+Shift+P")  # saves, publishes, syncs: the site's edit holds it back
    qtbot.waitUntil(lambda: "conflicts" in window.site.dialogs, timeout=SYNC_MS)
    dialog = window.site.dialogs["conflicts"]
    qtbot.waitUntil(lambda: not window.site.sync.running, timeout=SYNC_MS)
    assert "Public address" not in window.statusBar().currentMessage()
    assert "1 conflict to settle" in window.statusBar().currentMessage()
    assert window.site.badge.text() == "1 to settle"
    page = public_text(url)
    assert "7 h 20" in page and "Merci a elle." not in page  # nothing overwritten

    (key,) = [k for k in dialog.buttons if k[0] == "merge"]
    qtbot.mouseClick(dialog.buttons[key], Qt.MouseButton.LeftButton)
    merge = dialog.merge_dialog
    assert merge is not None and merge.isVisible()
    assert "edited on the site Le Journal" in merge.layout().itemAt(0).widget().text()
    assert merge.conflict_label.text() == "The two versions merge cleanly."
    mine = window.editor.detail.fields
    theirs_body = merge.theirs.body
    qtbot.mouseClick(merge.save_merged, Qt.MouseButton.LeftButton)  # "Publish Merged"
    qtbot.waitUntil(lambda: outbox_counts(site_db).open == 0, timeout=SYNC_MS)
    qtbot.waitUntil(lambda: not window.site.sync.running, timeout=SYNC_MS)

    expected = three_way_merge(base.body, mine.body, theirs_body).text
    stored = get_article(site_db, article_id).fields.body
    assert stored == expected  # no-break spaces and all: the merged text as merged
    assert "\u00a0" in stored
    page = public_text(url)
    assert "7 h 20" in page and "Merci a elle." in page
    qtbot.waitUntil(lambda: window.editor.detail.fields.body == expected)  # the editor follows
    assert not window.site.badge.isVisible()
    assert "Nothing to settle." in [w.text() for w in dialog.rows.findChildren(type(dialog.status))]


def test_comment_decisions_taken_on_the_site_meanwhile_are_settled_in_the_window(
    qtbot, site_db: Database, site: LocalWordPress, make_window
) -> None:
    article_id, post_id, _ = _published(site_db, " (modération croisée)")
    kept_mine = post_reader_comment(site, post_id, "Bravo pour ce portrait.", "Anne", "anne@example.org")
    kept_site = post_reader_comment(site, post_id, "Premier !", "Troll", "troll@example.org")
    window = make_window(site_db)
    assert window.articles.select_article(article_id)
    sync_by_key(qtbot, window.articles.view, window)
    panel = window.comments.queue
    qtbot.waitUntil(lambda: len(rows_of(panel)) == 2, timeout=SYNC_MS)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_A)  # approve the first…
    qtbot.keyClick(panel.view, Qt.Key.Key_A)  # …and the second
    qtbot.waitUntil(lambda: window.site.badge.text() == "2 changes waiting for the site")
    for wp_id in (kept_mine, kept_site):  # meanwhile, on the site, someone marks both as spam
        rest(site, "POST", f"wp/v2/comments/{wp_id}", json={"status": "spam"})

    press(qtbot, window.articles.view, "F9")
    qtbot.waitUntil(lambda: "conflicts" in window.site.dialogs, timeout=SYNC_MS)
    qtbot.waitUntil(lambda: not window.site.sync.running, timeout=SYNC_MS)
    dialog = window.site.dialogs["conflicts"]
    assert window.site.badge.text() == "2 to settle"
    texts = [w.text() for w in dialog.rows.findChildren(type(dialog.status))]
    assert any(
        t.startswith("Comment by Anne on")
        and "marked spam on the site after it was marked approved here" in t
        for t in texts
    )
    keys = {k for k in dialog.buttons if k[0] in ("site", "mine")}
    assert len(keys) == 4
    assert dialog.keep_site_all.isDefault()  # Enter keeps the site's decisions

    outbox_of = {c.author: c.outbox_id for c in comment_conflicts(site_db)}
    anne, troll = outbox_of["Anne"], outbox_of["Troll"]
    assert _statuses(site_db) == {"Anne": "spam", "Troll": "spam"}  # the site's, applied here
    qtbot.mouseClick(dialog.buttons[("mine", anne)], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: not window.site.sync.running and outbox_counts(site_db).open == 1, timeout=SYNC_MS
    )
    assert set(dialog.comment_conflicts) == {troll}
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    press(qtbot, QApplication.focusWidget() or dialog, "Return")  # the rest: the site's decision
    qtbot.waitUntil(lambda: outbox_counts(site_db).open == 0, timeout=SYNC_MS)
    qtbot.waitUntil(lambda: not window.site.sync.running, timeout=SYNC_MS)

    assert site_comment(site, kept_mine)["status"] == "approved"
    assert site_comment(site, kept_site)["status"] == "spam"
    assert not window.site.badge.isVisible()
    assert _statuses(site_db) == {"Anne": "approved", "Troll": "spam"}


def test_a_comment_deleted_on_the_site_is_marked_at_the_desk_and_its_decision_put_aside(
    qtbot, site_db: Database, site: LocalWordPress, make_window
) -> None:
    article_id, post_id, _ = _published(site_db, " (supprimé du site)")
    wp_id = post_reader_comment(site, post_id, "Achetez mes montres", "Vendeur", "spam@example.org")
    window = make_window(site_db)
    assert window.articles.select_article(article_id)
    sync_by_key(qtbot, window.articles.view, window)
    panel = window.comments.queue
    qtbot.waitUntil(lambda: len(rows_of(panel)) == 1, timeout=SYNC_MS)
    rest(site, "DELETE", f"wp/v2/comments/{wp_id}", params={"force": "true"})  # gone from the site
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_D)  # trash it here, not knowing
    result = sync_by_key(qtbot, window.articles.view, window)
    assert result.deleted_on_site == 1
    assert window.site.badge.text() == "1 refused by the site"

    press(qtbot, window.articles.view, "Ctrl+Shift+M")
    desk_window = window.findChild(QMainWindow, "desk_window")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk_window)
    desk = desk_window.desk
    desk.view.setFocus()
    press(qtbot, desk.view, "4")  # the trash
    qtbot.waitUntil(lambda: any(c.author_name == "Vendeur" for c in rows_of(desk.queue)))
    row = next(r for r, c in enumerate(rows_of(desk.queue)) if c.author_name == "Vendeur")
    desk.queue.view.selectRow(row)
    why = desk.queue.detail.why_label.text()
    assert why.startswith("Deleted on the site on ") and why.endswith("(kept here)")
    assert desk.queue.detail.body_view.toPlainText() == "Achetez mes montres"  # the text is kept

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.mouseClick(window.site.badge, Qt.MouseButton.LeftButton)
    outbox = window.site.dialogs["outbox"]
    assert outbox.model.rows[0].entry.state == "failed"
    assert "deleted on the site" in outbox.model.rows[0].entry.last_error
    assert outbox.dismiss_button.isEnabled()
    qtbot.mouseClick(outbox.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.site.badge.isVisible())
    assert outbox.model.rowCount() == 0 and outbox.summary.text() == "Nothing waits for the site."
