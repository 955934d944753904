"""The main window composes the panels: article list and the open article's comments (left),
editor and preview (centre). It owns the save rules: nothing typed is dropped on switching
article or closing, and a save that cannot happen keeps the text on screen and says why.

Everything shared comes from the :class:`~redaction.ui.context.AppContext`: the database, who is
at the desk, the one action registry (menus built by :mod:`redaction.ui.menus`), the change bus
(panels refresh themselves from it; the window only follows the open article), and moderation.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QMessageBox, QWidget

from redaction import __version__
from redaction.domain.dates import to_local
from redaction.domain.textstats import TextStats
from redaction.domain.workflow import ArticleStatus, can_move
from redaction.services import opening as reads
from redaction.services.articles.values import (
    ArticleDetail,
    ArticleFields,
    ArticleNotFoundError,
    ConflictError,
    Recovered,
)
from redaction.storage.changeset import Changes, initiated_by
from redaction.storage.errors import StoppedWaitingError, StorageError
from redaction.ui import labels, settings, window_layout
from redaction.ui.actions import A
from redaction.ui.articles.panel import ArticleListPanel
from redaction.ui.context import AppContext
from redaction.ui.deferred import deferred
from redaction.ui.editor.autosaver import Autosaver
from redaction.ui.editor.commands import WritingCommands
from redaction.ui.editor.panel import EditorPanel
from redaction.ui.editor.text_counts import TextCounts
from redaction.ui.menus import build_main_menus
from redaction.ui.moderation.panel import CommentsPanel
from redaction.ui.operations import write_waiting
from redaction.ui.site.controls import SiteControls

autosave_service = deferred("redaction.services.articles.autosave")
article_service = deferred("redaction.services.articles.editing")

STATS_DELAY_MS = 250
MESSAGE_MS = 5000


class MainWindow(QMainWindow):
    first_painted = Signal()
    article_saved = Signal(int)
    article_opened = Signal(object, str)  # id (None: no article), title

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db = ctx.db
        self.setObjectName("main_window")
        self.setWindowTitle("redaction[*]")
        self._desk: QMainWindow | None = None

        self.articles = ArticleListPanel(ctx)
        self.editor = EditorPanel()
        self.comments = CommentsPanel(ctx)
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
        # No fixed minimum widths: each panel's comes from its content in the interface language.

        self.autosaver = Autosaver(
            ctx.db, self._unsaved_state, ctx.actor, settings.get(settings.AUTOSAVE_SECONDS), self
        )
        self.toolbar = build_main_menus(self, ctx.actions)
        self._build_status_bar()
        self.writing = WritingCommands(ctx, self)
        self.site = SiteControls(ctx, self)  # the WordPress site: sync, publishing, status bar
        self._connect()
        self.editor.set_new_shortcut_hint(ctx.actions.key_text(A.FILE_NEW))
        self._refresh_choices()
        window_layout.restore(self)
        # The window's first paint (the pass that paints the article list and the editor too;
        # watching the list alone, a person who closed it never had a first paint).
        self._painted = False
        self.installEventFilter(self)
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
        self._stats_timer.timeout.connect(self.update_stats)
        self.text_counts = TextCounts(self)  # a text longer than any article is counted behind
        self.text_counts.counted.connect(self._show_stats)

    def _connect(self) -> None:
        registry = self.ctx.actions
        handlers = {
            A.FILE_NEW: self.new_article,
            A.FILE_SAVE: self.save,
            A.FILE_QUIT: self.close,
            A.FILE_OPEN_DATABASE: self._open_database,
            A.FILE_IMPORT: self._import_files,
            A.FILE_EXPORT: self._export_articles,
            A.FILE_RESTORE_BACKUP: self._open_backups,
            A.FILE_PREFERENCES: self._edit_preferences,
            A.EDIT_FIND_ARTICLE: self.articles.focus_filter,
            A.ARTICLE_NEXT: lambda: self.articles.move_current(1),
            A.ARTICLE_PREVIOUS: lambda: self.articles.move_current(-1),
            A.ARTICLE_SUBMIT: lambda: self.move_to(ArticleStatus.IN_REVIEW),
            A.ARTICLE_READY: lambda: self.move_to(ArticleStatus.READY),
            A.ARTICLE_PUBLISH: lambda: self.move_to(ArticleStatus.PUBLISHED),
            A.COMMENT_FOCUS: self._focus_comments,
            A.MODERATION_DESK: self.open_desk,
            A.HELP_SHORTCUTS: self._show_shortcuts,
            A.HELP_ABOUT: self._about,
        }
        for name, slot in handlers.items():
            registry.handle(name, self, slot)
        for name, method in (
            (A.EDIT_UNDO, "undo"),
            (A.EDIT_REDO, "redo"),
            (A.EDIT_CUT, "cut"),
            (A.EDIT_COPY, "copy"),
            (A.EDIT_PASTE, "paste"),
            (A.EDIT_SELECT_ALL, "selectAll"),
        ):
            registry.handle(name, self, lambda m=method: self._edit_focused(m))
        self._connect_view_actions()
        self.articles.article_selected.connect(self.open_article)
        self.editor.text_changed.connect(self._stats_timer.start)
        self.editor.text_changed.connect(self.autosaver.text_changed)
        self.editor.recovery_discarded.connect(self._discard_recovered)
        self.autosaver.autosave_failed.connect(self._autosave_failed)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.editor.dirty_changed.connect(self._dirty_changed)
        self.editor.title_edit.textChanged.connect(self._update_title)
        self.comments.message_posted.connect(self._message)
        self.ctx.moderation.message_posted.connect(self._decided_message)
        self.ctx.backups.saved.connect(self._message)
        self.ctx.bus.changed.connect(self._changed_elsewhere)
        self.ctx.actor_changed.connect(self.autosaver.set_actor)

    def _connect_view_actions(self) -> None:
        registry = self.ctx.actions
        for name, dock in ((A.VIEW_ARTICLES, self.articles_dock), (A.VIEW_COMMENTS, self.comments_dock)):
            action = registry[name]
            action.setChecked(True)
            action.toggled.connect(dock.setVisible)
            dock.visibilityChanged.connect(lambda visible, a=action: self._follow_visibility(a, visible))
        preview = registry[A.VIEW_PREVIEW]
        preview.setChecked(True)
        preview.toggled.connect(self.editor.set_preview_wanted)
        toolbar = registry[A.VIEW_TOOLBAR]
        toolbar.setChecked(True)
        toolbar.toggled.connect(self.toolbar.setVisible)
        self.toolbar.visibilityChanged.connect(lambda visible: self._follow_visibility(toolbar, visible))

    def _follow_visibility(self, action: object, visible: bool) -> None:
        # Focus mode hides panels without the person asking: the View menu keeps their choice.
        if not self.writing.focus.active:
            action.setChecked(visible)  # type: ignore[attr-defined]

    def _edit_focused(self, method: str) -> None:
        """Edit ▸ Undo, Copy, …: on whatever text widget has the keyboard."""
        widget = QApplication.focusWidget()
        slot = getattr(widget, method, None)
        if callable(slot):
            slot()

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
            detail = reads.get_article(self.db, article_id)
        except (StorageError, ArticleNotFoundError) as exc:
            self.show_error(self.tr("Cannot open the article"), str(exc))
            return False
        self._show_article(detail, self._recovered_text(detail))
        self._follow_in_list(article_id)
        return True

    def _follow_in_list(self, article_id: int) -> None:
        """The list shows which article is open, however it was opened (the desk's link, a
        search, a recovery): never another article highlighted beside this one's text."""
        if self.articles.current_article_id() == article_id:
            return
        if self.ctx.opening and self.articles.model.row_of(article_id) is None:
            # Beyond the first page: finding its row needs the database, open in a moment.
            self.articles.view.selectionModel().clearSelection()
            self.articles.view.setCurrentIndex(QModelIndex())
            self.ctx.database_opened.connect(
                lambda: self.current_article_id() == article_id and self._follow_in_list(article_id),
                Qt.ConnectionType.SingleShotConnection,
            )
            return
        if not self.articles.select_article(article_id):  # filtered out or far down: no row lit
            self.articles.view.selectionModel().clearSelection()
            self.articles.view.setCurrentIndex(QModelIndex())

    def _show_article(self, detail: ArticleDetail, recovered: Recovered | None = None) -> None:
        self.editor.load(detail, recovered)
        self.autosaver.article_opened(detail.id)
        self.comments.show_article(detail.id)
        self.update_stats()
        self._update_actions()
        self.save_label.setText(self._saved_text(detail.updated_at))
        self.article_opened.emit(detail.id, detail.fields.title)

    def new_article(self) -> None:
        if not self.save_if_dirty(reason="switch"):
            return
        fields = ArticleFields(
            author=self.ctx.actor if settings.get(settings.USER_NAME) else "",
            language=settings.get(settings.DEFAULT_LANGUAGE),
        )
        try:
            with initiated_by(self):
                detail = article_service.create_article(self.db, fields, self.ctx.actor)
        except StorageError as exc:
            self.show_error(self.tr("Cannot create the article"), str(exc))
            return
        self.articles.show_all()
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
            with initiated_by(self):
                saved = write_waiting(
                    self,
                    lambda: article_service.save_article(
                        self.db, detail.id, fields, detail.version, self.ctx.actor, reason
                    ),
                    self.tr(
                        "Another program is writing to the database (an import, perhaps). "
                        "The article will be saved as soon as it has finished; "
                        "your text stays in the editor meanwhile."
                    ),
                )
        except ConflictError as conflict:
            merged = self.writing.resolve_conflict(conflict, fields, reason)
            if merged is None:
                return False
            saved = merged
        except StoppedWaitingError:
            self.statusBar().showMessage(
                self.tr(
                    "Not saved: you stopped waiting for the other program. Your text is still in the editor."
                ),
                MESSAGE_MS,
            )
            return False
        except StorageError as exc:
            self.show_error(
                self.tr("The article was not saved"),
                self.tr("{0}\n\nYour text is still in the editor.").format(exc),
            )
            return False
        self.editor.mark_saved(saved)
        self.save_label.setText(self._saved_text(saved.updated_at))
        self._refresh_choices()
        self._update_actions()
        self.article_saved.emit(saved.id)
        self.article_opened.emit(saved.id, saved.fields.title)
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
                MESSAGE_MS,
            )
            return
        if status is ArticleStatus.READY and not self.writing.house_rules_pass():
            return
        if status is ArticleStatus.PUBLISHED and self.site.publish():
            return  # published through the connected site (queued, then synced)
        self.editor.set_status(status.value)
        self.save(reason="status")

    # -- changes made elsewhere ------------------------------------------------------------------
    def _changed_elsewhere(self, changes: Changes, initiator: object) -> None:
        """The open article was changed by someone else (another window or process): show the new
        text if nothing is typed here; if something is, keep it (saving then offers a merge)."""
        detail = self.editor.detail
        if initiator is self or detail is None or not changes.article_changed(detail.id):
            return
        try:
            fresh = article_service.get_article(self.db, detail.id)
        except ArticleNotFoundError:
            self.statusBar().showMessage(self.tr("This article was deleted elsewhere."), 10_000)
            return
        except StorageError:
            return
        if fresh.version == detail.version:
            self.editor.detail = fresh  # counters, targets: nothing the writer typed
            return
        if self.editor.is_dirty():
            self.statusBar().showMessage(
                self.tr("Someone else saved this article; saving will offer to merge the two texts."),
                10_000,
            )
            return
        self._show_article(fresh)
        self.statusBar().showMessage(self.tr("This article was updated elsewhere."), MESSAGE_MS)

    # -- never losing a word -----------------------------------------------------------------------
    def _unsaved_state(self) -> tuple[int, ArticleFields, int] | None:
        detail = self.editor.detail
        if detail is None or not self.editor.is_dirty():
            return None
        return detail.id, self.editor.fields(), detail.version

    def _recovered_text(self, detail: ArticleDetail) -> Recovered | None:
        """Unsaved text autosaved for this article (after a crash), if it differs from the stored text."""
        try:
            recovered = reads.read_autosave(self.db, detail.id)
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
    def update_stats(self) -> None:
        if self.editor.detail is None:
            self.stats_label.setText("")
            self.writing.update_gauge(None)
            return
        stats = self.text_counts.count(self.editor.fields().body)
        if stats is None:
            self.stats_label.setText(self.tr("Counting…"))
            return
        self._show_stats(stats)

    def _show_stats(self, stats: TextStats) -> None:
        self.writing.update_gauge(stats)
        self.stats_label.setText(
            self.tr("{0} words · {1} signs · {2} without spaces · {3} paragraphs · {4} min read").format(
                labels.number(stats.words),
                labels.number(stats.characters),
                labels.number(stats.characters_no_spaces),
                labels.number(stats.paragraphs),
                stats.reading_minutes,
            )
        )

    def _message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def _decided_message(self, text: str) -> None:
        if self.isActiveWindow():
            self._message(text)

    def _saved_text(self, moment: object) -> str:
        return self.tr("Saved {0}").format(to_local(moment).strftime("%H:%M"))  # type: ignore[arg-type]

    def _dirty_changed(self, dirty: bool) -> None:
        if dirty:
            self.save_label.setText(self.tr("Unsaved changes"))
        self._update_title()
        self.setWindowModified(dirty)

    def _update_title(self) -> None:
        detail = self.editor.detail
        # The headline on screen, as typed: "(untitled)" only while there is none.
        title = (" ".join(self.editor.title_edit.text().split()) or self.tr("(untitled)")) if detail else ""
        # "[*]" is where Qt shows the unsaved-changes mark; it must always be in the title.
        self.setWindowTitle(f"{title}[*] — redaction" if title else "redaction[*]")

    def _update_actions(self) -> None:
        has_article = self.editor.detail is not None
        for name in (
            A.FILE_SAVE,
            A.ARTICLE_SUBMIT,
            A.ARTICLE_READY,
            A.ARTICLE_PUBLISH,
            A.ARTICLE_HISTORY,
            A.ARTICLE_TARGET,
            A.ARTICLE_CHECK,
        ):
            self.ctx.actions[name].setEnabled(has_article)
        self._update_title()

    def _refresh_choices(self) -> None:
        # The lists are a convenience; typing a name still works if they cannot be read.
        with contextlib.suppress(StorageError):
            self.editor.set_choices(reads.list_rubrics(self.db), reads.list_people(self.db))

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.critical(self, title, message)

    def _focus_comments(self) -> None:
        self.comments_dock.show()
        self.comments.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # Dialogs and the desk are imported when first opened: the window paints sooner without them.
    def _open_backups(self) -> None:
        from redaction.ui.backup_dialog import open_backups

        open_backups(self.ctx, self)

    def _open_database(self) -> None:
        from redaction.ui.exchange_dialogs import choose_database_file

        choose_database_file(self.ctx, self)

    def _import_files(self) -> None:
        from redaction.ui.exchange_dialogs import import_files

        import_files(self.ctx, self)

    def _export_articles(self) -> None:
        from redaction.ui.exchange_dialogs import export_articles

        export_articles(self.ctx, self)

    def _edit_preferences(self) -> None:
        from redaction.ui.preferences import edit_preferences

        edit_preferences(self.ctx, self)

    def open_desk(self) -> QMainWindow:
        """Open (or bring back) the moderation desk: it offers the article open here as its
        scope and follows it."""
        from redaction.ui.moderation.window import DeskWindow

        again = self._desk is not None and self._desk.isVisible()
        if self._desk is None:
            desk = DeskWindow(self.ctx, self)  # a window of its own, owned by this one: closes with it
            self.article_opened.connect(
                lambda article_id, title: QTimer.singleShot(
                    0, lambda: desk.set_current_article(article_id, title)
                )
            )
            detail = self.editor.detail
            if detail is not None:
                desk.set_current_article(detail.id, detail.fields.title)
            self._desk = desk
        desk = self._desk
        desk.show()
        if again and QApplication.platformName() != "offscreen":  # it has no stacking order
            desk.raise_()
        desk.activateWindow()
        desk.desk.view.setFocus(Qt.FocusReason.OtherFocusReason)  # type: ignore[attr-defined]
        return desk

    def _show_shortcuts(self) -> None:
        from redaction.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.ctx.actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, returns at once

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About redaction"),
            self.tr(
                "redaction {0}\nThe newsroom's desk: write, review, publish, moderate.\n\nDatabase: {1}"
            ).format(__version__, self.db.location),
        )

    # -- where the person left off ----------------------------------------------------------------
    def reopen_last_article(self) -> None:
        """Pick up where the person left off: the last article open, else the newest one."""
        last = settings.window_value("last_article")
        try:
            last_id = int(last) if last is not None else None
        except (TypeError, ValueError):
            last_id = None
        if last_id is not None:
            if self.ctx.opening and self.articles.model.row_of(last_id) is None:
                # Not on the list's first page, and the database still opening: the article
                # from the first screen now, its row in the list once the database is open.
                if self._reopen_from_first_screen(last_id):
                    return
            elif self.articles.select_article(last_id):
                return
        first = self.articles.model.article_id(0)
        if first is not None:
            self.articles.select_article(first)

    def _reopen_from_first_screen(self, article_id: int) -> bool:
        try:
            detail = reads.get_article(self.db, article_id)
        except (StorageError, ArticleNotFoundError):
            return False  # gone since: the newest article instead, as when the list has no row for it
        self._show_article(detail, self._recovered_text(detail))
        self._follow_in_list(article_id)
        return True

    # -- Qt overrides -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save_if_dirty(reason="close"):
            event.ignore()
            return
        if self._desk is not None and not self._desk.close():
            event.ignore()  # a bulk move at the desk is still running
            return
        window_layout.save(self)
        self.editor.preview.keep()  # the next start paints this page without rendering it
        self.autosaver.close()
        self.site.close()
        from redaction.ui.operations import finish_background_backups

        finish_background_backups(self)  # copies taken before bulk decisions, still being written
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            self.removeEventFilter(self)
            QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)
