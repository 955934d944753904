"""The comments of the article open in the main window: the desk's queue, scoped to that article.

Same keys, same decisions, same undo (Z takes back the last decision, here or at the desk),
same plain-text display of what readers wrote: it is a :class:`CommentQueue` whose filter is the
open article, laid out for a narrow panel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedLayout, QTabBar, QTableView, QWidget

from redaction.services.moderation.values import QueueFilter
from redaction.ui.context import AppContext
from redaction.ui.moderation.queue_model import QueueModel
from redaction.ui.moderation.queue_view import CommentQueue

NO_ARTICLE = 0  # no article has this id: the queue shows nothing


class CommentsPanel(QWidget):
    message_posted = Signal(str)
    dossier_requested = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comments_panel")
        self.queue = CommentQueue(ctx, compact=True)
        self.queue.set_base_filter(QueueFilter(article_id=NO_ARTICLE), reload=False)
        self.placeholder = QLabel(self.tr("Open an article to see its readers' comments."))
        self.placeholder.setObjectName("comments_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self.queue)
        self.setFocusProxy(self.queue.view)
        self.queue.message_posted.connect(self.message_posted)
        self.queue.dossier_requested.connect(self.dossier_requested)

    @property
    def article_id(self) -> int | None:
        article_id = self.queue.base_filter.article_id
        return None if article_id in (None, NO_ARTICLE) else article_id

    def show_article(self, article_id: int | None) -> None:
        self.queue.set_base_filter(QueueFilter(article_id=article_id or NO_ARTICLE))
        self._stack.setCurrentWidget(self.queue if article_id else self.placeholder)

    # The queue's parts, as the rest of the window (and tests) know them.
    @property
    def view(self) -> QTableView:
        return self.queue.view

    @property
    def tabs(self) -> QTabBar:
        return self.queue.tabs

    @property
    def model(self) -> QueueModel:
        return self.queue.model
