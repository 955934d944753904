"""Publishing from the Article menu with a site connected: Publish (Ctrl+Shift+P), Publish at a
Date…, Unpublish from Site.

Each saves what is typed first, then changes the article and queues it for the site in one
transaction (:mod:`redaction.services.site.publish`), shows the article saved with its new
status, and starts a sync (a moment later, so the window paints first). A refusal (a draft
cannot be published) is one line in the status bar; nothing changed.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from redaction.services.articles.values import ArticleNotFoundError
from redaction.services.errors import RefusedError
from redaction.storage.changeset import initiated_by
from redaction.storage.errors import StorageError
from redaction.ui.deferred import deferred
from redaction.ui.site import texts

if TYPE_CHECKING:
    from redaction.ui.site.controls import SiteControls

article_service = deferred("redaction.services.articles.editing")


class SitePublishing(QObject):
    def __init__(self, controls: SiteControls) -> None:
        super().__init__(controls)
        self.controls = controls

    def publish(self, at: datetime | None = None) -> bool:
        """Publish the open article on the site (Article ▸ Publish with a site connected).
        False when no site is connected: the window then does what it always did."""
        if self.controls.state is None:
            return False
        from redaction.services.site.publish import publish_articles

        detail = self.controls.window.editor.detail
        if detail is None or not self.controls.window.save_if_dirty(reason="status"):
            return True
        try:
            with initiated_by(self.controls.window):
                queued = publish_articles(self.controls.ctx.db, [detail.id], self.controls.ctx.actor, at)
        except RefusedError as exc:
            self.controls.message(str(exc))
            return True
        except StorageError as exc:
            self.controls.window.show_error(self.tr("The article was not published"), str(exc))
            return True
        self._reload_open_article()
        scheduled = queued[0].scheduled if queued else None
        if scheduled is not None:
            self.controls.message(
                self.tr("Scheduled for %1; sending it to the site…").replace("%1", texts.when(scheduled))
            )
        else:
            self.controls.message(self.tr("Published here; sending it to the site…"))
        self._sync_soon()
        return True

    def unpublish(self) -> None:
        if self.controls.state is None:
            self.controls.message(self.tr("No site is connected: File ▸ Site… connects one."))
            return
        from redaction.services.site.publish import unpublish_articles

        detail = self.controls.window.editor.detail
        if detail is None or not self.controls.window.save_if_dirty(reason="status"):
            return
        try:
            with initiated_by(self.controls.window):
                unpublish_articles(self.controls.ctx.db, [detail.id], self.controls.ctx.actor)
        except RefusedError as exc:
            self.controls.message(str(exc))
            return
        except StorageError as exc:
            self.controls.window.show_error(self.tr("The article was not unpublished"), str(exc))
            return
        self._reload_open_article()
        self.controls.message(self.tr("Back to draft here; taking it off the site…"))
        self._sync_soon()

    def publish_at(self) -> None:
        if self.controls.state is None:
            self.controls.message(self.tr("No site is connected: File ▸ Site… connects one."))
            return
        detail = self.controls.window.editor.detail
        if detail is None:
            return
        from redaction.ui.site.publish_at import PublishAtDialog

        dialog = PublishAtDialog(detail.published_at, self.controls.window)
        dialog.accepted.connect(lambda: self.publish(dialog.moment()))
        self.controls.keep_dialog("publish_at", dialog).open()

    def _reload_open_article(self) -> None:
        """The status moved in the database (with a revision): the editor shows it saved."""
        detail = self.controls.window.editor.detail
        if detail is None:
            return
        try:
            fresh = article_service.get_article(self.controls.ctx.db, detail.id)
        except (StorageError, ArticleNotFoundError):
            return
        self.controls.window.editor.set_status(fresh.fields.status)
        self.controls.window.editor.mark_saved(fresh)

    def _sync_soon(self) -> None:
        # After the current event: the status bar and the editor paint first.
        QTimer.singleShot(0, lambda: self.controls.sync.start() or None)
