"""The moderation desk's own window: menus read from the one action registry, a status bar, and
the desk's companions (commenter dossier, decision log, dashboard, rules) opened from it.

The window's actions are the application's own (``AppContext.actions``): a shortcut changed in
Preferences reaches an open desk at once. Keys that decide (A, S, D, U…) are scoped to the queue
that has the focus, so the same keys decide at the desk and in the main window's comments panel
without one press ever deciding in both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from redaction.ui import settings
from redaction.ui.actions import A
from redaction.ui.context import AppContext
from redaction.ui.menus import build_desk_menus
from redaction.ui.moderation.desk import ModerationDesk
from redaction.ui.operations import finish_background_backups

MESSAGE_MS = 5000


class DeskWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("desk_window")
        self.setWindowTitle(self.tr("Moderation Desk — redaction"))
        self.ctx = ctx
        self.desk = ModerationDesk(ctx)
        self.setCentralWidget(self.desk)
        self._companions: dict[str, QWidget] = {}
        build_desk_menus(self, ctx.actions)
        registry = ctx.actions
        registry.handle(A.MODERATION_LOG, self, self.open_log)
        registry.handle(A.MODERATION_DASHBOARD, self, self.open_dashboard)
        registry.handle(A.MODERATION_RULES, self, self.open_rules)
        self.desk.message_posted.connect(self._show_message)
        self.desk.dossier_requested.connect(self.open_dossier)
        ctx.backups.saved.connect(self._show_message)
        ctx.moderation.message_posted.connect(self._decided_message)
        self.statusBar().showMessage(self.tr("Press ? for the keyboard shortcuts."), MESSAGE_MS)
        geometry = settings.window_value("desk_geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1360, int(screen.width() * 0.9)), min(860, int(screen.height() * 0.9)))
        splitter = settings.window_value("desk_splitter")
        if splitter is not None:
            self.desk.queue.splitter.restoreState(splitter)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def _decided_message(self, text: str) -> None:
        if self.isActiveWindow():  # the window where the decision was taken says so
            self._show_message(text)

    # -- companions -----------------------------------------------------------------------------
    def _show(self, key: str, widget: QWidget) -> QWidget:
        self._companions[key] = widget
        widget.show()
        widget.activateWindow()
        return widget

    def open_dossier(self, email: str, name: str) -> QWidget:
        from redaction.ui.moderation.dossier import DossierDialog

        return self._show("dossier", DossierDialog(self.ctx, email, name, self))

    def open_log(self) -> QWidget:
        from redaction.ui.moderation.log_view import DecisionLogDialog

        existing = self._companions.get("log")
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        return self._show("log", DecisionLogDialog(self.ctx, self))

    def open_dashboard(self) -> QWidget:
        from redaction.ui.moderation.dashboard import DashboardDialog

        return self._show("dashboard", DashboardDialog(self.ctx, self))

    def open_rules(self) -> QWidget:
        from redaction.ui.moderation.rules_dialog import RulesDialog

        return self._show("rules", RulesDialog(self.ctx, self))

    def set_current_article(self, article_id: int | None, title: str) -> None:
        self.desk.set_current_article(article_id, title)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx.moderation.operation is not None:
            event.ignore()  # a bulk move is still running; its progress dialog can stop it
            return
        settings.set_window_value("desk_geometry", self.saveGeometry())
        settings.set_window_value("desk_splitter", self.desk.queue.splitter.saveState())
        for widget in self._companions.values():
            widget.close()
        if self.parent() is None:  # the desk alone is the application: its copies end with it
            finish_background_backups(self)
        event.accept()
