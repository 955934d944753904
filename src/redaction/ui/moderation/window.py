"""The moderation desk's own window: menus read from the action registry, a status bar, and the
desk's companions (commenter dossier, decision log, dashboard, rules) opened from it.

The window builds its own action registry: its QActions are distinct from the main window's, so
the same default keys (A, S, D, U) can decide comments here and in the main window's panel
without one shortcut ever triggering both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from redaction.storage.database import Database
from redaction.ui import settings
from redaction.ui.actions import ActionRegistry
from redaction.ui.moderation.desk import ModerationDesk
from redaction.ui.moderation.workers import background_backups, finish_background_backups

MESSAGE_MS = 5000


class DeskWindow(QMainWindow):
    comments_moderated = Signal(list)

    def __init__(self, db: Database, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("desk_window")
        self.setWindowTitle(self.tr("Moderation Desk — redaction"))
        self.db = db
        self.actor = actor
        self.registry = ActionRegistry(self)
        self.desk = ModerationDesk(db, actor, self.registry)
        self.setCentralWidget(self.desk)
        self._companions: dict[str, QWidget] = {}
        self._build_menus()
        self.desk.message_posted.connect(lambda text: self.statusBar().showMessage(text, MESSAGE_MS))
        background_backups().saved.connect(self._show_message)
        self.desk.comments_moderated.connect(self.comments_moderated)
        self.desk.dossier_requested.connect(self.open_dossier)
        self.statusBar().showMessage(self.tr("Press ? for the keyboard shortcuts."), MESSAGE_MS)
        geometry = settings.window_value("desk_geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1360, int(screen.width() * 0.9)), min(860, int(screen.height() * 0.9)))
        splitter = settings.window_value("desk_splitter")
        if splitter is not None:
            self.desk.splitter.restoreState(splitter)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def _build_menus(self) -> None:
        r = self.registry
        bar = self.menuBar()
        queue = bar.addMenu(self.tr("&Queue"))
        queue.addActions(
            [r[n] for n in ("queue_pending", "queue_approved", "queue_spam", "queue_trash", "queue_all")]
        )
        queue.addSeparator()
        queue.addActions(
            [r[n] for n in ("queue_next", "queue_previous", "queue_search", "queue_scope", "queue_refresh")]
        )
        queue.addSeparator()
        queue.addActions([r[n] for n in ("queue_mark", "queue_mark_all", "queue_clear_marks")])
        comment = bar.addMenu(self.tr("&Comment"))
        comment.addActions(
            [r[n] for n in ("comment_approve", "comment_spam", "comment_trash", "comment_pending")]
        )
        comment.addSeparator()
        comment.addActions(
            [
                r[n]
                for n in (
                    "comment_approve_marked",
                    "comment_spam_marked",
                    "comment_trash_marked",
                    "comment_pending_marked",
                )
            ]
        )
        comment.addSeparator()
        comment.addActions([r["comment_undo"], r["comment_reply"], r["comment_dossier"]])
        moderation = bar.addMenu(self.tr("&Moderation"))
        moderation.addActions([r["moderation_log"], r["moderation_dashboard"], r["moderation_rules"]])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(r["help_desk_keys"])
        r.connect("moderation_log", self.open_log)
        r.connect("moderation_dashboard", self.open_dashboard)
        r.connect("moderation_rules", self.open_rules)

    # -- companions -----------------------------------------------------------------------------
    def _show(self, key: str, widget: QWidget) -> QWidget:
        self._companions[key] = widget
        widget.show()
        widget.activateWindow()
        return widget

    def open_dossier(self, email: str, name: str) -> QWidget:
        from redaction.ui.moderation.dossier import DossierDialog

        dialog = DossierDialog(self.db, self.actor, email, name, self)
        dialog.comments_moderated.connect(self._moderated_elsewhere)
        return self._show("dossier", dialog)

    def open_log(self) -> QWidget:
        from redaction.ui.moderation.log_view import DecisionLogDialog

        existing = self._companions.get("log")
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        dialog = DecisionLogDialog(self.db, self.actor, self)
        dialog.comments_moderated.connect(self._moderated_elsewhere)
        return self._show("log", dialog)

    def open_dashboard(self) -> QWidget:
        from redaction.ui.moderation.dashboard import DashboardDialog

        return self._show("dashboard", DashboardDialog(self.db, self))

    def open_rules(self) -> QWidget | None:
        from redaction.ui.moderation.rules_dialog import RulesDialog

        dialog = RulesDialog(self.db, self.actor, self)
        dialog.comments_moderated.connect(self._moderated_elsewhere)
        return self._show("rules", dialog)

    def _moderated_elsewhere(self, article_ids: list[int]) -> None:
        """A companion moved comments: show the queue and counts as they are now."""
        row = self.desk.current_row()
        self.desk.reload()
        self.desk.select_row(max(row, 0))
        self.comments_moderated.emit(article_ids)

    def set_current_article(self, article_id: int | None, title: str) -> None:
        self.desk.set_current_article(article_id, title)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.desk.operation is not None:
            event.ignore()  # a bulk move is still running; its progress dialog can stop it
            return
        settings.set_window_value("desk_geometry", self.saveGeometry())
        settings.set_window_value("desk_splitter", self.desk.splitter.saveState())
        for widget in self._companions.values():
            widget.close()
        if self.parent() is None:  # the desk alone is the application: its copies end with it
            finish_background_backups(self)
        event.accept()


ARTICLE_REFRESH_LIMIT = 200  # beyond this many touched articles, the list is read again


def open_desk(main: QMainWindow) -> DeskWindow:
    """Open (or bring back) the desk of ``main``, the main window: the desk offers the article
    open there as its scope, and the article list and comments panel follow the desk's moves."""
    desk: DeskWindow | None = getattr(main, "desk_window", None)
    again = desk is not None and desk.isVisible()
    if desk is None:
        # A window of its own, owned by the main window: it closes with it.
        desk = DeskWindow(main.db, main.actor, main)  # type: ignore[attr-defined]
        main.desk_window = desk  # type: ignore[attr-defined]

        def follow_article(*_args: object) -> None:
            detail = main.editor.detail  # type: ignore[attr-defined]
            if detail is not None:
                desk.set_current_article(detail.id, detail.fields.title)

        def moderated(article_ids: list[int]) -> None:
            articles = main.articles.model  # type: ignore[attr-defined]
            if len(article_ids) > ARTICLE_REFRESH_LIMIT:
                articles.reload()
            else:
                for article_id in article_ids:
                    articles.refresh_article(article_id)
            current = main.current_article_id()  # type: ignore[attr-defined]
            if current in article_ids:
                main.comments.show_article(current)  # type: ignore[attr-defined]

        main.articles.article_selected.connect(  # type: ignore[attr-defined]
            lambda _id: QTimer.singleShot(0, follow_article)
        )
        desk.comments_moderated.connect(moderated)
        follow_article()
    desk.show()
    if again and QGuiApplication.platformName() != "offscreen":  # it has no stacking order
        desk.raise_()
    desk.activateWindow()
    desk.desk.view.setFocus(Qt.FocusReason.OtherFocusReason)
    return desk
