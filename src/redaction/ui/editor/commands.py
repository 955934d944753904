"""The writing side of the window's commands: history, merge, focus mode, find and replace,
outline, formatting, images, typography and house rules.

The main window composes; this object registers the editor's tools with the action registry
(their menus are built by :mod:`redaction.ui.menus`) and holds the commands that need both the
editor and the database. It uses only the window's public side: ``editor``, ``save``,
``show_error``, ``update_stats`` and the status bar.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from redaction.domain.house_rules import Problem, check_article
from redaction.domain.textstats import TextStats
from redaction.services.articles.values import ArticleDetail, ArticleFields, ConflictError
from redaction.storage.changeset import initiated_by
from redaction.storage.errors import StorageError
from redaction.ui.actions import A
from redaction.ui.context import AppContext
from redaction.ui.deferred import deferred
from redaction.ui.editor.focus_mode import FocusMode
from redaction.ui.editor.house_rules_view import HouseRulesView
from redaction.ui.editor.image_resources import ImageResources
from redaction.ui.editor.target import TargetDialog, TargetGauge
from redaction.ui.editor.typing_helpers import apply_typography_to, apply_typography_to_line
from redaction.ui.editor.utf16 import Utf16Index
from redaction.ui.operations import write_waiting

if TYPE_CHECKING:
    from pathlib import Path

    from redaction.services.articles.images import StoredImage
    from redaction.ui.main_window import MainWindow

article_service = deferred("redaction.services.articles.editing")
house_rules_service = deferred("redaction.services.articles.house_rules")
image_check_service = deferred("redaction.services.articles.image_check")
images_service = deferred("redaction.services.articles.images")


class _ImageSink:
    """The editor's way to store images: the services' ``ImageStore`` on the context's database,
    made at the first image (the window is built before the database layers are loaded)."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def add_bytes(self, data: bytes, name: str) -> StoredImage:
        return images_service.ImageStore(self._ctx.db).add_bytes(data, name)

    def add_file(self, path: Path) -> StoredImage:
        return images_service.ImageStore(self._ctx.db).add_file(path)


class WritingCommands(QObject):
    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        editor = window.editor
        registry = ctx.actions
        editor.body_edit.set_image_sink(_ImageSink(ctx))
        editor.body_edit.bind_commands(registry)
        editor.preview.image_loader = ImageResources(ctx.db, max_width=800)
        editor.body_edit.paste_refused.connect(lambda message: window.statusBar().showMessage(message, 8000))

        self.rules_view = HouseRulesView()
        self.rules_view.problem_activated.connect(self.jump_to)
        self.rules_dock = QDockWidget(self.tr("House Rules"), window)
        self.rules_dock.setObjectName("house_rules_dock")
        self.rules_dock.setWidget(self.rules_view)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.rules_dock)
        self.rules_dock.hide()
        window.article_opened.connect(lambda *_: self._refresh_rules())
        self.rules_dock.visibilityChanged.connect(lambda visible: self._refresh_rules() if visible else None)

        for name, slot in (
            (A.ARTICLE_HISTORY, self.show_history),
            (A.ARTICLE_CHECK, self.show_house_rules),
            (A.ARTICLE_TARGET, self.edit_target),
            (A.ARTICLE_RULES, self.edit_house_rules),
            (A.EDIT_FIND, editor.find_bar.show_find),
            (A.EDIT_REPLACE, editor.find_bar.show_replace),
            (A.EDIT_FIND_NEXT, editor.find_bar.find_next),
            (A.EDIT_FIND_PREVIOUS, editor.find_bar.find_previous),
            (A.EDIT_INSERT_IMAGE, editor.body_edit.choose_image_files),
            (A.EDIT_TYPOGRAPHY, self.apply_typography),
        ):
            registry.handle(name, window, slot)
        self.gauge = TargetGauge()
        window.statusBar().addPermanentWidget(self.gauge)
        self.focus = FocusMode(window, editor, registry)
        self._outline_panel()
        ctx.preferences_changed.connect(self.focus.preferences_changed)

    # -- outline -------------------------------------------------------------------------------------
    def _outline_panel(self) -> None:
        """View ▸ Outline: the headings in a panel of the window, remembered with the layout."""
        window, outline = self.window, self.window.editor.outline
        self.outline_dock = QDockWidget(self.tr("Outline"), window)
        self.outline_dock.setObjectName("outline_dock")
        self.outline_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.outline_dock.setWidget(outline)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.outline_dock)
        self.outline_dock.hide()
        action = self.ctx.actions[A.VIEW_OUTLINE]
        # The menu's tick follows the panel (closed with its button, restored with the layout,
        # hidden and brought back by focus mode); the keyboard goes to it only when asked for.
        self.outline_dock.visibilityChanged.connect(action.setChecked)
        action.toggled.connect(self._outline_toggled)
        action.triggered.connect(self._outline_asked)
        self._outline_had_focus = False

    def _outline_toggled(self, on: bool) -> None:
        focus = QApplication.focusWidget()
        self._outline_had_focus = focus is not None and self.outline_dock.isAncestorOf(focus)
        self.outline_dock.setVisible(on)
        wanted = self.window.editor.outline.sizeHint().width()
        if on and self.outline_dock.width() < wanted:  # opened at its minimum: give it its width
            self.window.resizeDocks([self.outline_dock], [wanted], Qt.Orientation.Horizontal)

    def _outline_asked(self, on: bool) -> None:
        if on:
            self.outline_dock.raise_()
            self.window.editor.outline.setFocus(Qt.FocusReason.ShortcutFocusReason)  # arrows, Enter
        elif self._outline_had_focus:
            self.window.editor.body_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- history and conflicts -------------------------------------------------------------------
    def resolve_conflict(
        self, conflict: ConflictError, fields: ArticleFields, reason: str
    ) -> ArticleDetail | None:
        """Someone saved in between: compare and merge instead of overwriting their text."""
        window = self.window
        detail = window.editor.detail
        assert detail is not None
        try:
            revisions = article_service.list_revisions(self.ctx.db, detail.id)
        except StorageError:
            revisions = []
        base = next((r.fields for r in revisions if r.article_version == detail.version), None)
        who = next((r.author_name for r in revisions if r.article_version == conflict.current.version), "")
        from redaction.ui.editor.merge_dialog import MergeDialog  # dialogs load when first opened

        dialog = MergeDialog(base, fields, conflict.current.fields, who, window)
        if dialog.exec() != MergeDialog.DialogCode.Accepted:
            return None
        result = dialog.result_fields()
        try:
            with initiated_by(window):
                saved = write_waiting(
                    window,
                    lambda: article_service.save_article(
                        self.ctx.db,
                        detail.id,
                        result,
                        conflict.current.version,
                        self.ctx.actor,
                        "merge" if result != fields else reason,
                    ),
                    self.tr(
                        "Another program is writing to the database (an import, perhaps). "
                        "The merged article will be saved as soon as it has finished."
                    ),
                )
        except (ConflictError, StorageError) as exc:
            window.show_error(self.tr("The article was not saved"), str(exc))
            return None
        if result != fields:
            window.editor.replace_fields(result)
        return saved

    def show_history(self) -> None:
        window = self.window
        detail = window.editor.detail
        if detail is None:
            return
        try:
            revisions = article_service.list_revisions(self.ctx.db, detail.id)
        except StorageError as exc:
            window.show_error(self.tr("Cannot read the history"), str(exc))
            return
        from redaction.ui.editor.history import HistoryDialog

        dialog = HistoryDialog(revisions, window.editor.fields(), window)
        if dialog.exec() != HistoryDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        # Restoring is itself a new revision: the text on screen before it stays in the history.
        window.editor.replace_fields(dialog.chosen.fields)
        window.save(reason="restore")

    # -- length target -------------------------------------------------------------------------------
    def edit_target(self) -> None:
        window = self.window
        detail = window.editor.detail
        if detail is None:
            return
        dialog = TargetDialog(detail.target_length, detail.target_unit, window)
        if dialog.exec() != TargetDialog.DialogCode.Accepted:
            return
        length, unit = dialog.value()
        try:
            with initiated_by(window):
                article_service.set_target(self.ctx.db, detail.id, length, unit)
        except StorageError as exc:
            window.show_error(self.tr("The target was not saved"), str(exc))
            return
        window.editor.detail = replace(detail, target_length=length, target_unit=unit)
        window.update_stats()

    def update_gauge(self, stats: TextStats | None) -> None:
        detail = self.window.editor.detail
        if detail is None:
            self.gauge.show_progress(None, 0, "signs")
        else:
            self.gauge.show_progress(stats, detail.target_length, detail.target_unit)

    # -- typography and house rules ------------------------------------------------------------------
    def apply_typography(self) -> None:
        """Ctrl+Alt+T: the headline, the standfirst and the body, each one undoable edit."""
        editor = self.window.editor
        if editor.detail is None:
            return
        language = editor.fields().language
        changed = apply_typography_to(editor.body_edit, language)
        changed += apply_typography_to(editor.standfirst_edit, language)
        changed += apply_typography_to_line(editor.title_edit, language)
        self.window.statusBar().showMessage(
            self.tr("Typography: %n line(s) corrected.", "", changed)
            if changed
            else self.tr("Typography: nothing to correct."),
            5000,
        )

    def house_rules_pass(self) -> bool:
        """Check the article on screen; show the problems (and refuse) if there are any."""
        problems = self._problems()
        if problems:
            self.rules_view.show_problems(problems)
            self._show_rules_dock()
            self.window.statusBar().showMessage(
                self.tr("The article cannot be ready yet: fix the listed problems."), 6000
            )
            return False
        return True

    def show_house_rules(self) -> None:
        self.rules_view.show_problems(self._problems())
        self._show_rules_dock()

    def _show_rules_dock(self) -> None:
        """Open the panel as tall as its lines need (a few), not half the window."""
        self.rules_dock.show()
        self.rules_dock.raise_()
        view = self.rules_view
        rows = min(max(view.count(), 2), 8)
        line = view.sizeHintForRow(0) if view.count() else view.fontMetrics().lineSpacing() + 4
        title = self.rules_dock.style().pixelMetric(self.rules_dock.style().PixelMetric.PM_TitleBarHeight)
        wanted = rows * line + 2 * view.frameWidth() + title + 8
        self.window.resizeDocks([self.rules_dock], [wanted], Qt.Orientation.Vertical)

    def _refresh_rules(self) -> None:
        """The panel, when it is open (restored with the layout), speaks of the article on screen."""
        if self.rules_dock.isVisible() and self.window.editor.detail is not None:
            if self.ctx.opening:  # the rules live in the database: checked once it is open
                self.ctx.database_opened.connect(self._refresh_rules, Qt.ConnectionType.SingleShotConnection)
                return
            self.rules_view.show_problems(self._problems())

    def _problems(self) -> list[Problem]:
        fields = self.window.editor.fields()
        try:
            rules = house_rules_service.load_house_rules(self.ctx.db)
            images = image_check_service.known_images(self.ctx.db, fields.body)
        except StorageError:
            rules, images = None, None
        return check_article(fields, rules, images)

    def edit_house_rules(self) -> None:
        window = self.window
        try:
            rules = house_rules_service.load_house_rules(self.ctx.db)
        except StorageError as exc:
            window.show_error(self.tr("Cannot read the house rules"), str(exc))
            return
        from redaction.ui.editor.house_rules_dialog import HouseRulesDialog

        dialog = HouseRulesDialog(rules, window)
        if dialog.exec() != HouseRulesDialog.DialogCode.Accepted:
            return
        try:
            with initiated_by(window):
                house_rules_service.save_house_rules(self.ctx.db, dialog.rules())
        except StorageError as exc:
            window.show_error(self.tr("The house rules were not saved"), str(exc))
            return
        if self.rules_dock.isVisible():
            self.show_house_rules()

    def jump_to(self, field: str, offset: int) -> None:
        editor = self.window.editor
        if field == "body":
            text = editor.fields().body
            cursor = editor.body_edit.textCursor()
            cursor.setPosition(
                min(Utf16Index(text).to_qt(offset), editor.body_edit.document().characterCount() - 1)
            )
            editor.body_edit.setTextCursor(cursor)
            editor.body_edit.centerCursor()
            editor.body_edit.setFocus()
        elif field == "standfirst":
            cursor = editor.standfirst_edit.textCursor()
            cursor.setPosition(min(offset, editor.standfirst_edit.document().characterCount() - 1))
            editor.standfirst_edit.setTextCursor(cursor)
            editor.standfirst_edit.setFocus()
        elif field == "title":
            editor.title_edit.setFocus()
            editor.title_edit.setCursorPosition(offset)
        elif field == "rubric":
            editor.rubric_combo.setFocus()
