"""The main window composes the panels: article list (left), editor and preview (centre),
comments (right). It owns the save rules: nothing typed is dropped on switching article or
closing, and a save that cannot happen keeps the text on screen and says why.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QMessageBox, QWidget

from redaction import __version__
from redaction.domain.dates import to_local
from redaction.domain.textstats import text_stats
from redaction.domain.workflow import ArticleStatus, can_move
from redaction.services.articles import autosave as autosave_service
from redaction.services.articles import editing as article_service
from redaction.services.articles.autosave import Recovered
from redaction.services.articles.editing import ArticleFields, ConflictError
from redaction.storage.database import Database
from redaction.storage.errors import StorageError
from redaction.ui import labels, settings
from redaction.ui.actions import ActionRegistry
from redaction.ui.articles.panel import ArticleListPanel
from redaction.ui.editor.autosaver import Autosaver
from redaction.ui.editor.commands import WritingCommands
from redaction.ui.editor.panel import EditorPanel
from redaction.ui.moderation.panel import CommentsPanel

STATS_DELAY_MS = 250


class MainWindow(QMainWindow):
    first_painted = Signal()
    article_saved = Signal(int)
    # Handled by the application (ui/shell.py): rebuild in a new language; restore a backup file.
    rebuild_requested = Signal()
    restore_requested = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = settings.user_name()
        self.setObjectName("main_window")
        self.setWindowTitle("redaction[*]")
        self.actions_ = ActionRegistry(self)

        self.articles = ArticleListPanel(db)
        self.editor = EditorPanel()
        self.comments = CommentsPanel(db, self.actor)
        self.setCentralWidget(self.editor)
        self.articles_dock = self._dock(
            "articles_dock", self.tr("Articles"), self.articles, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.comments_dock = self._dock(
            "comments_dock", self.tr("Comments"), self.comments, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        # The three panes: articles above the comments of the open one, the writing desk beside
        # them with all the width it needs for editor and preview side by side.
        self.splitDockWidget(self.articles_dock, self.comments_dock, Qt.Orientation.Vertical)
        self.articles.setMinimumWidth(300)
        self.comments.setMinimumWidth(280)

        self.autosaver = Autosaver(
            db, self._unsaved_state, self.actor, settings.get(settings.AUTOSAVE_SECONDS), self
        )
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self.editor.set_new_shortcut_hint(
            self.actions_["file_new"].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        )
        self._refresh_choices()
        self._restore_layout()
        self.articles.view.viewport().installEventFilter(self)
        self._painted = False
        self._update_actions()
        self.articles.view.setFocus(Qt.FocusReason.OtherFocusReason)  # keyboard users start in the list
        QTimer.singleShot(0, self.reopen_last_article)

    # -- composition ----------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        a = self.actions_
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([a["file_new"], a["file_save"]])
        file_menu.addSeparator()
        file_menu.addActions([a["file_restore_backup"], a["file_preferences"]])
        file_menu.addSeparator()
        file_menu.addAction(a["file_quit"])
        article_menu = bar.addMenu(self.tr("&Article"))
        article_menu.addActions([a["edit_find_article"], a["article_next"], a["article_previous"]])
        article_menu.addSeparator()
        article_menu.addActions([a["article_submit"], a["article_ready"], a["article_publish"]])
        article_menu.addSeparator()
        article_menu.addActions(
            [a["article_history"], a["article_target"], a["article_check"], a["article_rules"]]
        )
        comment_menu = bar.addMenu(self.tr("&Comments"))
        comment_menu.addActions([a["comment_focus"], a["moderation_desk"]])
        comment_menu.addSeparator()
        decisions = [a["comment_approve"], a["comment_spam"], a["comment_trash"], a["comment_pending"]]
        comment_menu.addActions(decisions)
        self.comments.add_decision_actions(decisions)
        view_menu = bar.addMenu(self.tr("&View"))
        a["view_articles"].toggled.connect(self.articles_dock.setVisible)
        self.articles_dock.visibilityChanged.connect(a["view_articles"].setChecked)
        a["view_comments"].toggled.connect(self.comments_dock.setVisible)
        self.comments_dock.visibilityChanged.connect(a["view_comments"].setChecked)
        a["view_preview"].setChecked(True)
        a["view_preview"].toggled.connect(self.editor.set_preview_wanted)
        view_menu.addActions([a["view_articles"], a["view_preview"], a["view_comments"]])
        view_menu.addSeparator()
        view_menu.addAction(a["view_focus"])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("help_menu")
        help_menu.addActions([a["help_shortcuts"], a["help_about"]])

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([a["file_new"], a["file_save"]])
        toolbar.addSeparator()
        toolbar.addActions([a["article_submit"], a["article_ready"], a["article_publish"]])

    def _build_status_bar(self) -> None:
        self.stats_label = QLabel(objectName="stats_label")
        self.save_label = QLabel(objectName="save_label")
        self.db_label = QLabel(self.db.location, objectName="db_label")
        self.db_label.setTextFormat(Qt.TextFormat.PlainText)
        bar = self.statusBar()
        bar.addWidget(self.stats_label)
        bar.addPermanentWidget(self.save_label)
        bar.addPermanentWidget(self.db_label)
        self._stats_timer = QTimer(self, singleShot=True, interval=STATS_DELAY_MS)
        self._stats_timer.timeout.connect(self._update_stats)

    def _connect(self) -> None:
        a = self.actions_
        a.connect("file_new", self.new_article)
        a.connect("file_save", lambda: self.save())
        a.connect("file_quit", self.close)
        a.connect("file_restore_backup", self._open_backups)
        a.connect("file_preferences", self._edit_preferences)
        a.connect("edit_find_article", self.articles.focus_filter)
        a.connect("article_next", lambda: self.articles.move_current(1))
        a.connect("article_previous", lambda: self.articles.move_current(-1))
        a.connect("article_submit", lambda: self.move_to(ArticleStatus.IN_REVIEW))
        a.connect("article_ready", lambda: self.move_to(ArticleStatus.READY))
        a.connect("article_publish", lambda: self.move_to(ArticleStatus.PUBLISHED))
        for name, status in (
            ("comment_approve", "approved"),
            ("comment_spam", "spam"),
            ("comment_trash", "trash"),
            ("comment_pending", "pending"),
        ):
            a.connect(name, lambda _=False, s=status: self.decide(s))
        a.connect("comment_focus", lambda: self.comments.view.setFocus(Qt.FocusReason.ShortcutFocusReason))
        a.connect("moderation_desk", self._open_desk)
        a.connect("help_shortcuts", self._show_shortcuts)
        a.connect("help_about", self._about)
        self.writing = WritingCommands(self)
        self.articles.article_selected.connect(self.open_article)
        self.editor.text_changed.connect(self._stats_timer.start)
        self.editor.text_changed.connect(self.autosaver.text_changed)
        self.editor.recovery_discarded.connect(self._discard_recovered)
        self.autosaver.autosave_failed.connect(self._autosave_failed)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.editor.dirty_changed.connect(self._dirty_changed)
        self.comments.comments_moderated.connect(self.articles.model.refresh_article)

    # -- articles -------------------------------------------------------------------------------
    def current_article_id(self) -> int | None:
        return self.editor.detail.id if self.editor.detail else None

    def open_article(self, article_id: int) -> bool:
        """Show ``article_id``, saving the one on screen first; False (and stay) if that fails."""
        if article_id == self.current_article_id():
            return True
        previous = self.current_article_id()
        if not self.save_if_dirty(reason="switch"):
            if previous is not None:
                blocked = self.articles.view.selectionModel().blockSignals(True)
                self.articles.select_article(previous)
                self.articles.view.selectionModel().blockSignals(blocked)
            return False
        try:
            with self.db.session() as session:
                detail = article_service.get_article(session, article_id)
        except (StorageError, article_service.ArticleNotFoundError) as exc:
            self._error(self.tr("Cannot open the article"), str(exc))
            return False
        recovered = self._recovered_text(detail)
        self.editor.load(detail, recovered)
        self.autosaver.article_opened(article_id)
        self.comments.show_article(article_id)
        self._update_stats()
        self._update_actions()
        self.save_label.setText(self._saved_text(detail.updated_at))
        return True

    def new_article(self) -> None:
        if not self.save_if_dirty(reason="switch"):
            return
        fields = ArticleFields(
            author=self.actor if settings.get(settings.USER_NAME) else "",
            language=settings.get(settings.DEFAULT_LANGUAGE),
        )
        try:
            detail = article_service.create_article(self.db, fields, self.actor)
        except StorageError as exc:
            self._error(self.tr("Cannot create the article"), str(exc))
            return
        self.articles.filter_edit.clear()
        self.articles.status_combo.setCurrentIndex(0)
        self.articles.apply_filter()
        if not self.articles.select_article(detail.id):
            self.open_article(detail.id)
        self.editor.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_if_dirty(self, reason: str = "save") -> bool:
        return self.save(reason) if self.editor.is_dirty() else True

    def save(self, reason: str = "save") -> bool:
        """Store the text on screen; on any failure the text stays on screen and we say why."""
        detail = self.editor.detail
        if detail is None:
            return True
        fields = self.editor.fields()
        try:
            saved = article_service.save_article(
                self.db, detail.id, fields, detail.version, self.actor, reason
            )
        except ConflictError as conflict:
            saved = self.writing.resolve_conflict(conflict, fields, reason)
            if saved is None:
                return False
        except StorageError as exc:
            self._error(
                self.tr("The article was not saved"),
                self.tr("{0}\n\nYour text is still in the editor.").format(exc),
            )
            return False
        self.editor.mark_saved(saved)
        self.articles.model.refresh_article(saved.id)
        self.save_label.setText(self._saved_text(saved.updated_at))
        self._refresh_choices()
        self._update_actions()
        self.article_saved.emit(saved.id)
        return True

    def move_to(self, status: ArticleStatus) -> None:
        detail = self.editor.detail
        if detail is None:
            return
        current = ArticleStatus(detail.fields.status)
        if not can_move(current, status):
            self.statusBar().showMessage(
                self.tr("An article that is {0} cannot go straight to {1}.").format(
                    labels.article_status(current.value).lower(), labels.article_status(status.value).lower()
                ),
                5000,
            )
            return
        if status is ArticleStatus.READY and not self.writing.house_rules_pass():
            return
        self.editor.set_status(status.value)
        self.save(reason="status")

    # -- comments -------------------------------------------------------------------------------
    def decide(self, status: str) -> None:
        try:
            n = self.comments.decide(status)
        except StorageError as exc:
            self._error(self.tr("The decision was not recorded"), str(exc))
            return
        if n:
            self.statusBar().showMessage(
                self.tr("%n comment(s) moved to %1.", "", n).replace(
                    "%1", labels.comment_status(status).lower()
                ),
                4000,
            )

    # -- never losing a word -----------------------------------------------------------------------
    def _unsaved_state(self) -> tuple[int, ArticleFields, int] | None:
        detail = self.editor.detail
        if detail is None or not self.editor.is_dirty():
            return None
        return detail.id, self.editor.fields(), detail.version

    def _recovered_text(self, detail: article_service.ArticleDetail) -> Recovered | None:
        """Unsaved text autosaved for this article (after a crash), if it differs from the stored text."""
        try:
            recovered = autosave_service.read_autosave(self.db, detail.id)
            if recovered is not None and recovered.fields.normalized() == detail.fields:
                autosave_service.clear_autosave(self.db, detail.id)
                return None
        except StorageError:
            return None
        return recovered

    def _discard_recovered(self) -> None:
        detail = self.editor.detail
        if detail is None:
            return
        with contextlib.suppress(StorageError):
            autosave_service.clear_autosave(self.db, detail.id)
        self.editor.load(detail)

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if self.editor.is_dirty():
            self.autosaver.flush()

    def _autosave_failed(self, message: str) -> None:
        self.save_label.setText(self.tr("Autosave failed"))
        self.statusBar().showMessage(
            self.tr("Autosave failed: {0} Your text is still in the editor.").format(message), 10000
        )

    # -- status bar and state -------------------------------------------------------------------
    def _update_stats(self) -> None:
        if self.editor.detail is None:
            self.stats_label.setText("")
            self.writing.update_gauge(None)
            return
        stats = text_stats(self.editor.fields().body)
        self.writing.update_gauge(stats)
        self.stats_label.setText(
            self.tr("{0} words · {1} signs · {2} without spaces · {3} paragraphs · {4} min read").format(
                self.locale().toString(stats.words),
                self.locale().toString(stats.characters),
                self.locale().toString(stats.characters_no_spaces),
                self.locale().toString(stats.paragraphs),
                stats.reading_minutes,
            )
        )

    def _saved_text(self, moment: object) -> str:
        return self.tr("Saved {0}").format(to_local(moment).strftime("%H:%M"))  # type: ignore[arg-type]

    def _dirty_changed(self, dirty: bool) -> None:
        if dirty:
            self.save_label.setText(self.tr("Unsaved changes"))
        self._update_title()
        self.setWindowModified(dirty)

    def _update_title(self) -> None:
        detail = self.editor.detail
        title = (detail.fields.title or self.tr("(untitled)")) if detail else ""
        # "[*]" is where Qt shows the unsaved-changes mark; it must always be in the title.
        self.setWindowTitle(f"{title}[*] — redaction" if title else "redaction[*]")

    def _update_actions(self) -> None:
        has_article = self.editor.detail is not None
        for name in (
            "file_save",
            "article_submit",
            "article_ready",
            "article_publish",
            "article_history",
            "article_target",
            "article_check",
        ):
            self.actions_[name].setEnabled(has_article)
        self._update_title()

    def _refresh_choices(self) -> None:
        # The lists are a convenience; typing a name still works if they cannot be read.
        with contextlib.suppress(StorageError):
            self.editor.set_choices(
                article_service.list_rubrics(self.db), article_service.list_people(self.db)
            )

    # Dialogs and the desk are imported when first opened: the window paints sooner without them.
    def _open_backups(self) -> None:
        from redaction.ui.backup_dialog import open_backups

        open_backups(self)

    def _edit_preferences(self) -> None:
        from redaction.ui.preferences import edit_preferences

        edit_preferences(self)

    def _open_desk(self) -> None:
        from redaction.ui.moderation.window import open_desk

        open_desk(self)

    def _show_shortcuts(self) -> None:
        from redaction.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.actions_, self).exec()

    def _error(self, title: str, message: str) -> None:
        QMessageBox.critical(self, title, message)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About redaction"),
            self.tr(
                "redaction {0}\nThe newsroom's desk: write, review, publish, moderate.\n\nDatabase: {1}"
            ).format(__version__, self.db.location),
        )

    def _restore_layout(self) -> None:
        geometry = settings.window_value("geometry")
        state = settings.window_value("state")
        if state is None or not self.restoreState(state):
            # Docks take their widths once the window has its size; before that they are ignored.
            QTimer.singleShot(0, self._default_dock_sizes)
        # Geometry after state, with the layout recomputed: hidden docks lower the minimum size.
        self.layout().activate()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1440, int(screen.width() * 0.92)), min(900, int(screen.height() * 0.92)))
        splitter = settings.window_value("editor_splitter")
        if splitter is not None:
            self.editor.splitter.restoreState(splitter)

    def _default_dock_sizes(self) -> None:
        self.resizeDocks([self.articles_dock], [min(600, int(self.width() * 0.4))], Qt.Orientation.Horizontal)
        self.resizeDocks(
            [self.articles_dock, self.comments_dock],
            [self.height() // 2, self.height() // 2],
            Qt.Orientation.Vertical,
        )

    def _save_layout(self) -> None:
        settings.set_window_value("geometry", self.saveGeometry())
        settings.set_window_value("state", self.saveState())
        settings.set_window_value("editor_splitter", self.editor.splitter.saveState())
        settings.set_window_value("last_article", self.current_article_id())

    def reopen_last_article(self) -> None:
        """Pick up where the person left off: the last article open, else the newest one."""
        last = settings.window_value("last_article")
        try:
            if last is not None and self.articles.select_article(int(last)):
                return
        except (TypeError, ValueError):
            pass
        first = self.articles.model.article_id(0)
        if first is not None:
            self.articles.select_article(first)

    # -- Qt overrides -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save_if_dirty(reason="close"):
            event.ignore()
            return
        self._save_layout()
        self.autosaver.close()
        from redaction.ui.moderation.workers import finish_background_backups

        finish_background_backups(self)  # copies taken before bulk decisions, still being written
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)
