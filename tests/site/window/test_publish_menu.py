"""Article ▸ Publish at a Date… schedules the post on the site; Article ▸ Unpublish from Site
takes it off (back to draft, here and there); without a site, Publish works as it always did."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from redaction.services.site.overview import public_link
from redaction.storage.database import Database
from tests.site.helpers import rest, seed_article
from tests.site.window.conftest import SYNC_MS, choose_in_menu
from tests.site.wordpress import LocalWordPress
from tests.ui.keys import press

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@contextmanager
def _then_synced(qtbot, window) -> Iterator[None]:
    """What is done inside starts a sync; wait for it to end."""
    with qtbot.waitSignal(window.site.sync.started, timeout=SYNC_MS):
        yield
    qtbot.waitUntil(lambda: not window.site.sync.running, timeout=SYNC_MS)


def test_schedule_then_unpublish_from_the_article_menu(
    qtbot, site_db: Database, site: LocalWordPress, make_window
) -> None:
    article = seed_article(site_db, " (programmé)")
    window = make_window(site_db)
    assert window.articles.select_article(article.id)

    choose_in_menu(qtbot, window, "Article", Qt.Key.Key_D)  # Publish at a &Date…
    dialog = window.site.dialogs["publish_at"]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    chosen = dialog.edit.dateTime().toPython()
    assert chosen > datetime.now() and chosen.minute == 0  # the next full hour, offered
    press(qtbot, dialog.edit, "Up")  # one year later (the cursor is on the year)
    assert dialog.edit.dateTime().toPython() > chosen + timedelta(days=300)
    with _then_synced(qtbot, window):
        press(qtbot, dialog.edit, "Return")

    link = public_link(site_db, article.id)
    assert link is not None and link.status == "future"
    post = rest(site, "GET", f"wp/v2/posts/{link.post_id}", params={"context": "edit"})
    assert post["status"] == "future"
    assert window.site.link_button.isVisible() and window.site.link_button.text() == "Scheduled on the site"
    assert window.editor.detail.fields.status == "published" and not window.editor.is_dirty()

    with _then_synced(qtbot, window):
        choose_in_menu(qtbot, window, "Article", Qt.Key.Key_U)  # &Unpublish from Site
        assert window.editor.detail.fields.status == "draft"
    post = rest(site, "GET", f"wp/v2/posts/{link.post_id}", params={"context": "edit"})
    assert post["status"] == "draft"
    assert not window.site.link_button.isVisible()
    assert not window.site.badge.isVisible()


def test_without_a_site_publish_is_a_status_and_the_site_actions_say_how_to_connect(
    qtbot, db: Database, make_window
) -> None:
    article = seed_article(db, " (hors ligne)")
    window = make_window(db)
    assert window.articles.select_article(article.id)
    press(qtbot, window.articles.view, "Ctrl+Shift+P")
    assert window.editor.detail.fields.status == "published" and not window.editor.is_dirty()
    assert not window.site.sync.running and not window.site.badge.isVisible()
    choose_in_menu(qtbot, window, "Article", Qt.Key.Key_U)
    assert window.statusBar().currentMessage() == "No site is connected: File ▸ Site… connects one."
    assert window.editor.detail.fields.status == "published"
