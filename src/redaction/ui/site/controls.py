"""The site in the main window: File ▸ Site…, Sync (F9, the toolbar, in the background),
publishing from the Article menu, and the status bar's site widgets.

:class:`SiteControls` is owned by the main window (``window.site``) and talks to it only through
its public parts (``editor``, ``statusBar()``, ``save_if_dirty``, ``show_error``,
``article_opened``). Without a connected site, Publish behaves as it always did
(:meth:`publish` returns False and the window moves the status itself); with one, publishing
also queues the article for the site in the same transaction and starts a sync.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from redaction.services import opening as reads
from redaction.services.site.values import SiteState
from redaction.storage.changeset import Changes
from redaction.storage.errors import StorageError
from redaction.ui.actions import A
from redaction.ui.site import texts
from redaction.ui.site.publishing import SitePublishing
from redaction.ui.site.status_widgets import OutboxBadge, PublicLinkButton, SyncStatus
from redaction.ui.site.sync_runner import SiteSync

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from redaction.services.site.context import SyncResult
    from redaction.ui.context import AppContext
    from redaction.ui.main_window import MainWindow


MESSAGE_MS = 8000


class SiteControls(QObject):
    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.sync = SiteSync(ctx, self)
        self.status = SyncStatus()
        self.link_button = PublicLinkButton()
        self.badge = OutboxBadge()
        bar = window.statusBar()
        for widget in (self.status, self.link_button, self.badge):
            bar.addPermanentWidget(widget)
        self.dialogs: dict[str, QDialog] = {}
        self.state: SiteState | None = None

        registry = ctx.actions
        registry.handle(A.FILE_SITE, window, self.open_site_dialog)
        registry.handle(A.SITE_SYNC, window, self.sync_now)
        self.publishing = SitePublishing(self)
        registry.handle(A.ARTICLE_UNPUBLISH, window, self.publishing.unpublish)
        registry.handle(A.ARTICLE_PUBLISH_AT, window, self.publishing.publish_at)
        self.badge.clicked.connect(self.open_outbox)
        self.status.cancel_requested.connect(self.sync.cancel)
        self.sync.running_changed.connect(self.status.running)
        self.sync.progressed.connect(self.status.progressed)
        self.sync.finished.connect(self._synced)
        self.sync.failed.connect(self._sync_failed)
        ctx.bus.changed.connect(self._changed)
        window.article_opened.connect(lambda *_: self._show_link())
        self.refresh()

    # -- what the window shows ------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the site and its outbox again (a few index reads)."""
        try:
            self.state = reads.site_state(self.ctx.db)
            counts = reads.outbox_counts(self.ctx.db)
        except StorageError:
            return
        self.badge.show_counts(counts)
        self.sync.follow_site(self.state is not None)
        self._show_link()

    def _show_link(self) -> None:
        article_id = self.window.current_article_id()
        link = None
        if self.state is not None and article_id is not None:
            try:
                link = reads.public_link(self.ctx.db, article_id)
            except StorageError:
                link = None
        self.link_button.show_link(link)

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.outbox or changes.everything or "site" in changes.settings:
            self.refresh()
        elif (article_id := self.window.current_article_id()) is not None and changes.article_changed(
            article_id
        ):
            self._show_link()

    def message(self, text: str, ms: int = MESSAGE_MS) -> None:
        """In the main window's status bar, and in the desk's when the person is there (F9)."""
        self.window.statusBar().showMessage(text, ms)
        active = QApplication.activeWindow()
        if isinstance(active, QMainWindow) and active is not self.window:
            active.statusBar().showMessage(text, ms)

    def _show_arrivals(self) -> None:
        """After a sync the person asked for, the queues on screen show what came (newest
        first). A background sync only moves the counts: it never reshuffles a queue under the
        keys."""
        self.ctx.arrivals_shown.emit()

    # -- syncing --------------------------------------------------------------------------------
    def sync_now(self) -> None:
        """F9: sync now; without a site, the way to connect one."""
        if self.state is None:
            self.open_site_dialog()
            return
        if not self.sync.start():
            self.message(self.tr("A sync is already running."))

    def _synced(self, result: SyncResult) -> None:
        name = self.state.name or self.state.url if self.state else ""
        text = texts.sync_summary(result, name)
        links = list(result.links.values())
        if len(links) == 1:
            text += " " + self.tr("Public address: %1").replace("%1", links[0])
        elif links:
            text += " " + self.tr("%n article(s) published on the site.", "", len(links))
        if not self.sync.background or result.sent or result.pulled or links:
            self.message(text, MESSAGE_MS * 2 if links else MESSAGE_MS)
        self.refresh()
        if result.pulled and not self.sync.background:
            self._show_arrivals()
        if result.post_conflicts or result.comment_conflicts:
            if self.sync.background:
                self.message(text + " " + self.tr("Click the waiting changes to settle them."), 0)
            else:
                self.open_conflicts()

    def _sync_failed(self, error: object, say: bool) -> None:
        self.refresh()
        if say:
            self.message(texts.failure_text(error, self.badge.counts.waiting), 0)

    # -- publishing (:mod:`.publishing`) ------------------------------------------------------
    def publish(self, at: datetime | None = None) -> bool:
        """Article ▸ Publish with a site connected; False without one (the window then does
        what it always did)."""
        return self.publishing.publish(at)

    # -- dialogs --------------------------------------------------------------------------------
    def keep_dialog(self, key: str, dialog: QDialog) -> QDialog:
        old = self.dialogs.get(key)
        if old is not None and old is not dialog:
            old.close()
        self.dialogs[key] = dialog
        return dialog

    def _reuse(self, key: str) -> QDialog | None:
        dialog = self.dialogs.get(key)
        if dialog is not None and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        return None

    def open_site_dialog(self) -> QDialog:
        from redaction.ui.site.site_dialog import SiteDialog

        return self._reuse("site") or self._show("site", SiteDialog(self.ctx, self, self.window))

    def open_outbox(self) -> QDialog:
        from redaction.ui.site.outbox_dialog import OutboxDialog

        return self._reuse("outbox") or self._show("outbox", OutboxDialog(self.ctx, self, self.window))

    def open_conflicts(self) -> QDialog:
        from redaction.ui.site.conflicts import ConflictsDialog

        return self._reuse("conflicts") or self._show(
            "conflicts", ConflictsDialog(self.ctx, self, self.window)
        )

    def _show(self, key: str, dialog: QDialog) -> QDialog:
        self.keep_dialog(key, dialog).show()
        dialog.activateWindow()
        return dialog

    def close(self) -> None:
        self.sync.close()
        for dialog in self.dialogs.values():
            dialog.close()
