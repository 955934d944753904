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
from PySide6.QtWidgets import QDockWidget

from redaction.domain.house_rules import Problem, check_article
from redaction.domain.textstats import TextStats
from redaction.services.articles import editing as article_service
from redaction.services.articles.editing import ArticleDetail, ArticleFields, ConflictError
from redaction.services.articles.house_rules import load_house_rules, save_house_rules
from redaction.services.articles.image_check import known_images
from redaction.services.articles.images import ImageStore
from redaction.storage.changes import initiated_by
from redaction.storage.errors import StorageError
from redaction.ui.actions import A
from redaction.ui.context import AppContext
from redaction.ui.editor.focus_mode import FocusMode
from redaction.ui.editor.house_rules_view import HouseRulesView
from redaction.ui.editor.image_resources import ImageResources
from redaction.ui.editor.target import TargetDialog, TargetGauge
from redaction.ui.editor.typing_helpers import apply_typography_to
from redaction.ui.editor.utf16 import Utf16Index

if TYPE_CHECKING:
    from redaction.ui.main_window import MainWindow


class WritingCommands(QObject):
    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        editor = window.editor
        registry = ctx.actions
        editor.body_edit.set_image_sink(ImageStore(ctx.db))
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
        registry[A.VIEW_OUTLINE].toggled.connect(editor.outline.setVisible)
        self.focus = FocusMode(window, editor, registry)

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
                saved = article_service.save_article(
                    self.ctx.db,
                    detail.id,
                    result,
                    conflict.current.version,
                    self.ctx.actor,
                    "merge" if result != fields else reason,
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
        editor = self.window.editor
        if editor.detail is None:
            return
        changed = apply_typography_to(editor.body_edit, editor.fields().language)
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
            self.rules_dock.show()
            self.rules_dock.raise_()
            self.window.statusBar().showMessage(
                self.tr("The article cannot be ready yet: fix the listed problems."), 6000
            )
            return False
        return True

    def show_house_rules(self) -> None:
        self.rules_view.show_problems(self._problems())
        self.rules_dock.show()
        self.rules_dock.raise_()

    def _problems(self) -> list[Problem]:
        fields = self.window.editor.fields()
        try:
            rules = load_house_rules(self.ctx.db)
            images = known_images(self.ctx.db, fields.body)
        except StorageError:
            rules, images = None, None
        return check_article(fields, rules, images)

    def edit_house_rules(self) -> None:
        window = self.window
        try:
            rules = load_house_rules(self.ctx.db)
        except StorageError as exc:
            window.show_error(self.tr("Cannot read the house rules"), str(exc))
            return
        from redaction.ui.editor.house_rules_dialog import HouseRulesDialog

        dialog = HouseRulesDialog(rules, window)
        if dialog.exec() != HouseRulesDialog.DialogCode.Accepted:
            return
        try:
            with initiated_by(window):
                save_house_rules(self.ctx.db, dialog.rules())
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
