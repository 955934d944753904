"""The background sync: comments arrive without a key pressed, one sync at a time, and a site
that cannot be reached is said once, then tried again quietly until it answers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from redaction.services.site.errors import SiteUnreachableError
from redaction.services.site.overview import public_link
from redaction.services.site.publish import publish_articles
from redaction.services.site.sync import push_outbox
from redaction.storage.database import Database
from tests.site.helpers import post_reader_comment, seed_article
from tests.site.window.conftest import SYNC_MS, rows_of
from tests.site.wordpress import LocalWordPress
from tests.ui.keys import press


class _Runs:
    """Every sync the runner starts and ends, and whether two ever overlapped."""

    def __init__(self, sync) -> None:
        self.started = self.ended = 0
        self.overlapped = False
        self.failures: list[tuple[object, bool]] = []
        sync.started.connect(self._started)
        sync.finished.connect(lambda _result: self._ended())
        sync.failed.connect(lambda error, say: (self.failures.append((error, say)), self._ended()))

    def _started(self, _background: bool) -> None:
        self.overlapped |= self.started != self.ended
        self.started += 1

    def _ended(self) -> None:
        self.ended += 1


def test_comments_arrive_in_the_background_and_an_unreachable_site_is_said_once(
    qtbot, site_db: Database, site: LocalWordPress, make_window
) -> None:
    article = seed_article(site_db, " (en arrière-plan)")
    publish_articles(site_db, [article.id], "Claire Vasseur")
    push_outbox(site_db)
    window = make_window(site_db)
    assert window.articles.select_article(article.id)
    sync = window.site.sync
    runs = _Runs(sync)
    assert not sync.timer.isActive()  # the tests' interval: 0, no background sync

    wp_id = post_reader_comment(
        site, public_link(site_db, article.id).post_id, "Merci !", "Lou", "lou@example.org"
    )
    assert wp_id
    sync.set_interval(50)  # every 50 ms from now on (the window's default: every few minutes)
    assert sync.timer.isActive()
    panel = window.comments.queue
    qtbot.waitUntil(lambda: any(c.author_name == "Lou" for c in rows_of(panel)), timeout=SYNC_MS)
    assert panel.tabs.tabText(0) == "Pending (1)"
    qtbot.waitUntil(lambda: runs.ended >= 3, timeout=SYNC_MS)  # the timer ticks faster than a sync lasts
    assert not runs.overlapped
    assert window.statusBar().currentMessage().startswith("Synced with Le Journal: 1 new comment")

    # The site goes down: said once in the status bar, then quiet while the timer keeps trying.
    site.stop_php()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: len(runs.failures) >= 1, timeout=SYNC_MS)
    error, said = runs.failures[0]
    assert isinstance(error, SiteUnreachableError) and said
    message = window.statusBar().currentMessage()
    assert site.url in message and "cannot be reached" in message
    window.statusBar().clearMessage()
    qtbot.waitUntil(lambda: len(runs.failures) >= 3, timeout=SYNC_MS)
    assert [say for _, say in runs.failures[1:]] == [False] * (len(runs.failures) - 1)
    assert window.statusBar().currentMessage() == ""  # quiet
    assert window.site.badge.text() == "1 change waiting for the site"
    assert not runs.overlapped

    # Back: the next turn sends the decision, and a later failure would be said again.
    site.start_php()
    qtbot.waitUntil(lambda: not window.site.badge.isVisible(), timeout=SYNC_MS)
    sync.set_interval(0)
    qtbot.waitUntil(lambda: not sync.running, timeout=SYNC_MS)
    assert not sync.timer.isActive() and not runs.overlapped


def test_one_sync_at_a_time_whatever_asks(qtbot, site_db: Database, make_window) -> None:
    window = make_window(site_db)
    sync = window.site.sync
    runs = _Runs(sync)
    assert sync.start()
    running = sync.operation
    assert not sync.start()  # a second request while it runs: refused…
    sync.timer.timeout.emit()  # …and the background timer skips its turn
    assert sync.operation is running and runs.started == 1
    qtbot.waitUntil(lambda: not sync.running, timeout=SYNC_MS)
    assert runs.started == runs.ended == 1


def test_cancel_in_the_status_bar_stops_between_two_changes_and_keeps_the_rest(
    qtbot, site_db: Database, site: LocalWordPress, make_window
) -> None:
    first, second = seed_article(site_db, " (annulé 1)"), seed_article(site_db, " (annulé 2)")
    publish_articles(site_db, [first.id, second.id], "Claire Vasseur")
    window = make_window(site_db)
    controls = window.site
    outcome: list[object] = []
    controls.sync.finished.connect(outcome.append)
    press(qtbot, window.articles.view, "F9")
    assert controls.status.isVisible() and controls.status.cancel_button.isEnabled()
    qtbot.mouseClick(controls.status.cancel_button, Qt.MouseButton.LeftButton)
    assert controls.status.label.text() == "Stopping the sync…"
    qtbot.waitUntil(lambda: bool(outcome), timeout=SYNC_MS)
    (result,) = outcome
    assert result.cancelled and result.sent == 1  # the one under way went; the other waits
    assert "stopped before the end" in window.statusBar().currentMessage()
    assert controls.badge.text() == "1 change waiting for the site"
    assert not controls.status.isVisible()
    assert public_link(site_db, first.id) is not None and public_link(site_db, second.id) is None
