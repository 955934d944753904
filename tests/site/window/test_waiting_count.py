"""The status bar's "N changes waiting for the site": plural-correct in English and French,
following the outbox as changes are queued, hidden when nothing waits. No WordPress needed:
queueing is local (the site is only reached by a sync)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from redaction.services.site.publish import publish_articles
from redaction.storage.database import Database
from redaction.ui import i18n, settings
from tests.services.site.rows import connect
from tests.site.helpers import seed_article


def _queue_two(db: Database) -> int:
    """Two ready articles, the first published (queued for the site); returns the second."""
    first, second = seed_article(db, " (un)"), seed_article(db, " (deux)")
    publish_articles(db, [first.id], "Claire Vasseur")
    return second.id


def test_the_count_follows_the_outbox_in_english(qtbot, db: Database, make_window) -> None:
    connect(db)
    window = make_window(db)
    badge = window.site.badge
    assert not badge.isVisible()
    second = _queue_two(db)
    qtbot.waitUntil(lambda: badge.isVisible())  # from the change bus, no reload
    assert badge.text() == "1 change waiting for the site"
    publish_articles(db, [second], "Claire Vasseur")
    qtbot.waitUntil(lambda: badge.text() == "2 changes waiting for the site")


def test_the_count_in_french(qtbot, qapp: QApplication, db: Database, make_window, tmp_path: Path) -> None:
    settings.put(settings.UI_LANGUAGE, "fr")
    i18n.install_translators(qapp, cache=tmp_path / "cache")  # removed by the conftest's fixture
    connect(db)
    second = _queue_two(db)
    window = make_window(db)
    badge = window.site.badge
    assert badge.text() == "1 modification en attente pour le site"
    publish_articles(db, [second], "Claire Vasseur")
    qtbot.waitUntil(lambda: badge.text() == "2 modifications en attente pour le site")
    assert window.ctx.actions["site_sync"].text() == "S&ynchroniser avec le site"
