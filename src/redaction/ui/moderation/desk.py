"""The moderation desk: every queue across articles, keyboard first.

The filter bar (articles, kinds, words, author, dates) above a :class:`CommentQueue`, which does
the rest (tabs, the queue, the comment in full, decisions, undo). The desk adds what only it
has: ``/`` to search, Ctrl+Shift+T to switch between every article and the one open in the main
window, and ``?`` for an overlay of its keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from redaction.ui.actions import A
from redaction.ui.context import AppContext
from redaction.ui.moderation.filters import FilterBar
from redaction.ui.moderation.overlay import ShortcutOverlay
from redaction.ui.moderation.queue_keys import DECISIONS, MARKED_DECISIONS, QUEUE_KEYS
from redaction.ui.moderation.queue_view import CommentQueue

DESK_ACTIONS = (A.QUEUE_SEARCH, A.QUEUE_SCOPE, A.HELP_DESK_KEYS)


class ModerationDesk(QWidget):
    message_posted = Signal(str)
    dossier_requested = Signal(str, str)  # email, name

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moderation_desk")
        self.ctx = ctx
        self.filters = FilterBar()
        self.queue = CommentQueue(ctx)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filters)
        layout.addWidget(self.queue, 1)
        self.overlay = ShortcutOverlay(ctx.actions, self.shortcut_groups(), self)

        registry = ctx.actions
        registry.attach(self, DESK_ACTIONS)
        registry.handle(A.QUEUE_SEARCH, self, self.filters.focus_search)
        registry.handle(A.QUEUE_SCOPE, self, self.filters.toggle_scope)
        registry.handle(A.HELP_DESK_KEYS, self, self.overlay.open)
        self.filters.filter_changed.connect(self._filters_changed)
        self.queue.message_posted.connect(self.message_posted)
        self.queue.dossier_requested.connect(self.dossier_requested)
        self.queue.article_requested.connect(self._only_article)
        for edit in (self.filters.search_edit, self.filters.author_edit):
            edit.installEventFilter(self)
        self.queue.set_base_filter(self.filters.queue_filter(None))

    # The queue's parts, named as people (and tests) know them.
    @property
    def view(self) -> QWidget:
        return self.queue.view

    def shortcut_groups(self) -> list[tuple[str, list[str]]]:
        return [
            (
                self.tr("Moving"),
                [A.QUEUE_NEXT, A.QUEUE_PREVIOUS, A.QUEUE_SEARCH, A.QUEUE_SCOPE, A.QUEUE_REFRESH],
            ),
            (self.tr("Deciding"), [*DECISIONS, A.COMMENT_UNDO]),
            (self.tr("Queues"), list(QUEUE_KEYS)),
            (
                self.tr("Marking"),
                [A.QUEUE_MARK, A.QUEUE_MARK_ALL, A.QUEUE_CLEAR_MARKS, *MARKED_DECISIONS],
            ),
            (
                self.tr("The commenter"),
                [
                    A.COMMENT_REPLY,
                    A.COMMENT_DOSSIER,
                    A.MODERATION_LOG,
                    A.MODERATION_DASHBOARD,
                    A.MODERATION_RULES,
                ],
            ),
            (self.tr("Help"), [A.HELP_DESK_KEYS]),
        ]

    def reload(self) -> None:
        self.queue.reload()

    def _filters_changed(self) -> None:
        self.queue.set_base_filter(self.filters.queue_filter(None))

    def set_current_article(self, article_id: int | None, title: str) -> None:
        self.filters.set_current_article(article_id, title)

    def _only_article(self, article_id: int) -> None:
        row = self.queue.detail.detail.row if self.queue.detail.detail else None
        self.filters.add_article(article_id, row.article_title if row else "")

    # -- Qt overrides ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            # Leaving the search field for the queue: Escape, Down, or Enter (which searches now).
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.filters.apply_now()
            self.queue.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().eventFilter(watched, event)
