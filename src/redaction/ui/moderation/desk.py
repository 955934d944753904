"""The moderation desk: every queue across articles, keyboard first.

Layout: the filter bar, the queue tabs with live counts, the queue (a lazy :class:`QueueModel`)
beside the comment in full (:class:`CommentDetailView`). The desk's single-key shortcuts are
registry actions added to this widget with ``WidgetWithChildrenShortcut`` scope, so they work
wherever the focus is inside the desk, and line edits keep the printable keys typed into them.

Decisions: A/S/D/U decide the current comment and move to the next one; Shift+A/S/D/U decide
the marked comments (X marks), or the selected rows when nothing is marked. Every decision is
pushed on an undo stack (Z pops it, a bulk decision being one step). Decisions on more than
:data:`~redaction.ui.moderation.decisions.SYNC_LIMIT` comments, and counts that need counting,
run on a worker thread. Deciding lives in :mod:`~redaction.ui.moderation.decisions`, the tab
counts in :mod:`~redaction.ui.moderation.counts`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from redaction.services.moderation import queue as moderation
from redaction.services.moderation.detail import CommentDetail, comment_detail
from redaction.services.moderation.queue import QueueFilter
from redaction.storage.database import Database
from redaction.storage.errors import StorageError
from redaction.ui import labels
from redaction.ui.actions import ActionRegistry
from redaction.ui.moderation.counts import COUNT_DELAY_MS, QUEUES, CountsMixin
from redaction.ui.moderation.decisions import DecisionsMixin, UndoStep
from redaction.ui.moderation.delegate import StaticTextDelegate
from redaction.ui.moderation.detail import CommentDetailView
from redaction.ui.moderation.filters import FilterBar
from redaction.ui.moderation.overlay import ShortcutOverlay
from redaction.ui.moderation.queue_model import COLUMNS, QueueModel
from redaction.ui.moderation.workers import Operation, run_with_progress

COUNTS_INTERVAL_MS = 15_000
PAGE_SIZE = 100  # rows read at a time: three screens; the first page is what opening a queue costs
PREFETCH_DELAY_MS = 80  # reading ahead waits until the person is reading, not deciding
PREFETCH_FRESH_S = 10.0  # other moderators' work shows up in the counts this often
DECISIONS = {
    "comment_approve": "approved",
    "comment_spam": "spam",
    "comment_trash": "trash",
    "comment_pending": "pending",
}
MARKED_DECISIONS = {f"{name}_marked": status for name, status in DECISIONS.items()}
QUEUE_KEYS = {"queue_pending": 0, "queue_approved": 1, "queue_spam": 2, "queue_trash": 3, "queue_all": 4}


class ModerationDesk(CountsMixin, DecisionsMixin, QWidget):
    comments_moderated = Signal(list)  # ids of the articles whose comments moved
    message_posted = Signal(str)
    dossier_requested = Signal(str, str)  # email, name

    def __init__(
        self, db: Database, actor: str, registry: ActionRegistry | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moderation_desk")
        self.db = db
        self.actor = actor
        self.registry = registry or ActionRegistry(self)
        self.undo_stack: list[UndoStep] = []
        self.counts: dict[str, int] | None = None
        self._counts_generation = 0
        self.operation: Operation | None = None
        self.counts_operation: Operation | None = None
        self._count_timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_after_pause)
        self._quiet = False
        self._prefetched: dict[int, tuple[float, CommentDetail]] = {}
        self._prefetch_timer = QTimer(self, singleShot=True, interval=PREFETCH_DELAY_MS)
        self._prefetch_timer.timeout.connect(self._prefetch_next)

        self.filters = FilterBar()
        self.tabs = QTabBar(objectName="desk_queues")
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for status in QUEUES:
            self.tabs.addTab(self._tab_text(status))
        self.model = QueueModel(db, page_size=PAGE_SIZE, parent=self)
        self.view = self._make_view()
        self.empty_label = QLabel(self.view.viewport(), objectName="desk_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.view.viewport().installEventFilter(self)
        self.marks_label = QLabel(objectName="desk_marks")
        self.mark_all_button = QToolButton(objectName="desk_mark_all")
        self.mark_all_button.setDefaultAction(self.registry["queue_mark_all"])
        self.undo_label = QLabel(objectName="desk_undo")
        self.undo_label.setEnabled(False)
        self.detail = CommentDetailView()

        status_row = QHBoxLayout()
        status_row.setContentsMargins(4, 0, 4, 0)
        status_row.addWidget(self.marks_label)
        status_row.addWidget(self.mark_all_button)
        status_row.addStretch(1)
        status_row.addWidget(self.undo_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addLayout(status_row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="desk_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filters)
        layout.addWidget(self.tabs)
        layout.addWidget(self.splitter, 1)

        self.overlay = ShortcutOverlay(self.registry, self.shortcut_groups(), self)
        self._install_actions()
        self._add_detail_buttons()
        self._connect()
        self._counts_timer = QTimer(self, interval=COUNTS_INTERVAL_MS)
        self._counts_timer.timeout.connect(self._periodic_counts)
        self._counts_timer.start()
        self.reload()

    def _make_view(self) -> QTableView:
        view = QTableView(objectName="desk_queue")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        widths = {
            "mark": 28,
            "author": metrics.horizontalAdvance("M") * 13,
            "article": metrics.horizontalAdvance("M") * 13,
        }
        widths["date"] = metrics.horizontalAdvance("0000-00-00 00:00") + 16
        widths["status"] = labels.comment_status_width(metrics) + 16
        for column, key in enumerate(COLUMNS):
            if key in widths:
                view.setColumnWidth(column, widths[key])
        header.setSectionResizeMode(COLUMNS.index("comment"), QHeaderView.ResizeMode.Stretch)
        text_columns = {n for n, key in enumerate(COLUMNS) if key != "mark"}
        view.setItemDelegate(
            StaticTextDelegate(
                view,
                text_columns,
                self.model.display_text,
                COLUMNS.index("mark"),
                self.model.row_marked,
                self.model.has_left,
            )
        )
        return view

    # -- actions ------------------------------------------------------------------------------
    def shortcut_groups(self) -> list[tuple[str, list[str]]]:
        return [
            (
                self.tr("Moving"),
                ["queue_next", "queue_previous", "queue_search", "queue_scope", "queue_refresh"],
            ),
            (self.tr("Deciding"), [*DECISIONS, "comment_undo"]),
            (self.tr("Queues"), list(QUEUE_KEYS)),
            (
                self.tr("Marking"),
                ["queue_mark", "queue_mark_all", "queue_clear_marks", *MARKED_DECISIONS],
            ),
            (
                self.tr("The commenter"),
                [
                    "comment_reply",
                    "comment_dossier",
                    "moderation_log",
                    "moderation_dashboard",
                    "moderation_rules",
                ],
            ),
            (self.tr("Help"), ["help_desk_keys"]),
        ]

    def action_names(self) -> list[str]:
        return [name for _title, names in self.shortcut_groups() for name in names]

    def _install_actions(self) -> None:
        r = self.registry
        for name in self.action_names():
            self.addAction(r[name])
        for name, status in DECISIONS.items():
            r.connect(name, lambda _=False, s=status: self.decide_current(s))
        for name, status in MARKED_DECISIONS.items():
            r.connect(name, lambda _=False, s=status: self.decide_marked(s))
        for name, index in QUEUE_KEYS.items():
            r.connect(name, lambda _=False, i=index: self.show_queue(i))
        r.connect("comment_undo", self.undo)
        r.connect("comment_reply", self.detail.open_reply)
        r.connect("comment_dossier", self._open_dossier)
        r.connect("queue_next", lambda: self.move_current(1))
        r.connect("queue_previous", lambda: self.move_current(-1))
        r.connect("queue_mark", self.toggle_mark)
        r.connect("queue_mark_all", self.mark_all_matching)
        r.connect("queue_clear_marks", self.model.clear_marks)
        r.connect("queue_search", self.filters.focus_search)
        r.connect("queue_scope", self.filters.toggle_scope)
        r.connect("queue_refresh", self.reload)
        r.connect("help_desk_keys", self.overlay.open)

    def _add_detail_buttons(self) -> None:
        """Decision buttons under the comment, each saying its key (the mouse way to learn them)."""
        short = {
            "comment_approve": self.tr("Approve"),
            "comment_spam": self.tr("Spam"),
            "comment_trash": self.tr("Trash"),
            "comment_pending": self.tr("Pending"),
            "comment_reply": self.tr("Reply"),
        }
        for name, text in short.items():
            action = self.registry[name]
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button = QPushButton(f"{text}  {key}" if key else text, objectName=f"desk_button_{name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the queue
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            self.detail.buttons.addWidget(button)
            if name == "comment_pending":
                self.detail.buttons.addStretch(1)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(lambda _i: self.reload(keep_counts=True))
        self.filters.filter_changed.connect(self.reload)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.marks_changed.connect(self._marks_changed)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsRemoved.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self.detail.parent_decided.connect(self._decide_parent)
        self.detail.reply_submitted.connect(self._reply)
        self.detail.dossier_requested.connect(self.dossier_requested)
        self.detail.article_requested.connect(self._only_article)
        for edit in (self.filters.search_edit, self.filters.author_edit):
            edit.installEventFilter(self)
        self._marks_changed(0)

    # -- what is shown ------------------------------------------------------------------------
    def status(self) -> str | None:
        return QUEUES[self.tabs.currentIndex()]

    def queue_filter(self) -> QueueFilter:
        return self.filters.queue_filter(self.status())

    def reload(self, keep_counts: bool = False) -> None:
        """Ask the queue again (filters or queue changed) and show its first comment."""
        # The status column only says something in the All queue.
        self.view.setColumnHidden(COLUMNS.index("status"), self.status() is not None)
        self.forget_prefetched()
        with self._model_changing():
            self.model.set_filter(self.queue_filter())
        self.select_row(0, refresh=True)
        if not keep_counts:
            self.refresh_counts()

    def set_current_article(self, article_id: int | None, title: str) -> None:
        self.filters.set_current_article(article_id, title)

    def _only_article(self, article_id: int) -> None:
        row = self.detail.detail.row if self.detail.detail else None
        self.filters.add_article(article_id, row.article_title if row else "")

    def show_queue(self, index: int) -> None:
        """Switch to queue ``index``; the key of the queue already shown reads it again (the
        comments decided meanwhile, kept dimmed in place, then go)."""
        if self.tabs.currentIndex() == index:
            self.reload(keep_counts=True)
        else:
            self.tabs.setCurrentIndex(index)

    def select_row(self, row: int, refresh: bool = False) -> None:
        """Make ``row`` current and show it; ``refresh`` reads it again even if already shown."""
        row = min(row, self.model.rowCount() - 1)
        if row < 0:
            self.view.selectionModel().clearCurrentIndex()
            self._show_comment(None)
            return
        index = self.model.index(row, COLUMNS.index("comment"))
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        if refresh:
            self.detail.show_detail(None)
        self._sync_detail()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def move_current(self, step: int) -> None:
        row = self.current_row() + step
        if row >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        if 0 <= row < self.model.rowCount():
            self.select_row(row)
        if self.view.isVisible():
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet:
            self._sync_detail()

    def _sync_detail(self) -> None:
        """Show the current comment in the detail pane, unless it is there already."""
        comment = self.model.comment(self.current_row())
        wanted = comment.id if comment else None
        shown = self.detail.detail.row.id if self.detail.detail else None
        if wanted is None or wanted != shown:
            self._show_comment(wanted)

    @contextmanager
    def _model_changing(self) -> Iterator[None]:
        """While rows go or come the view moves its current row; the detail pane waits for
        the row we choose instead of loading every row passed on the way."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def _show_comment(self, comment_id: int | None) -> None:
        detail = None
        if comment_id is not None:
            detail = self._take_prefetched(comment_id)
            try:
                detail = detail or comment_detail(self.db, comment_id)
            except StorageError as exc:
                self.message_posted.emit(str(exc))
        self.detail.show_detail(detail)
        self._prefetch_timer.start()

    # -- reading ahead ------------------------------------------------------------------------
    def _prefetch_next(self) -> None:
        """While the person reads, fetch the comment below: it is the next one shown after a
        decision, which then costs no database round trip."""
        below = self.model.comment(self.current_row() + 1)
        if below is None or below.id in self._prefetched:
            return
        try:
            detail = comment_detail(self.db, below.id)
        except StorageError:
            return
        if detail is not None:
            self._prefetched = {below.id: (time.monotonic(), detail)}

    def _take_prefetched(self, comment_id: int) -> CommentDetail | None:
        found = self._prefetched.pop(comment_id, None)
        if found is None or time.monotonic() - found[0] > PREFETCH_FRESH_S:
            return None
        return found[1]

    def forget_prefetched(self, moved: set[int] | None = None) -> None:
        """Drop read-ahead details that ``moved`` comments made stale (all of them: None)."""
        if moved is None:
            self._prefetched = {}
            return
        self._prefetched = {
            i: (t, d)
            for i, (t, d) in self._prefetched.items()
            if i not in moved and (d.parent is None or d.parent.id not in moved)
        }

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0  # decided rows stay (dimmed) until the queue is read again
        self.empty_label.setVisible(empty)
        self.empty_label.setGeometry(self.view.viewport().rect())
        if empty:
            status = self.status()
            if self.filters.is_filtering():
                text = self.tr("No comment matches these filters.")
            elif status == "pending":
                text = self.tr("Nothing is waiting for a decision. Time for coffee.")
            else:
                text = self.tr("This queue is empty.")
            self.empty_label.setText(text)

    # -- marks --------------------------------------------------------------------------------
    def toggle_mark(self) -> None:
        if self.current_row() >= 0:
            self.model.toggle_mark(self.current_row())

    def mark_all_matching(self) -> None:
        """Mark every comment the queue and filters match, loaded or not. Collecting a hundred
        thousand ids takes seconds at a million comments, so it runs on a worker thread."""
        if self.operation is not None:
            return
        f = self.queue_filter()

        def collect(_progress: object) -> list[int]:
            with self.db.session() as session:
                return moderation.queue_ids(session, f)

        def marked(ids: list[int]) -> None:
            cancelled = self.operation is not None and self.operation.cancel_requested
            self.operation = None
            if not cancelled and f == self.queue_filter():  # still wanted, still the same queue
                self.model.set_marks(ids)

        def failed(message: str) -> None:
            self.operation = None
            self.message_posted.emit(message)

        self.operation = run_with_progress(
            self, collect, self.tr("Finding every matching comment…"), marked, failed, abandon_on_cancel=True
        )

    def _marks_changed(self, n: int) -> None:
        self.marks_label.setText(
            self.tr("%n marked · Shift+A, S, D or U decides them", "", n)
            if n
            else self.tr("Nothing marked (X marks)")
        )

    def target_ids(self) -> list[int]:
        """The marked comments; else the selected rows; else the current comment."""
        if self.model.mark_count():
            return self.model.marked_ids()
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        if not rows and self.current_row() >= 0:
            rows = [self.current_row()]
        return [c.id for r in rows if (c := self.model.comment(r)) is not None]

    # -- Qt overrides ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.setGeometry(self.view.viewport().rect())
        elif (
            isinstance(watched, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            # Leaving the search field for the queue: Escape, Down, or Enter (which searches now).
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.filters.apply_now()
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().eventFilter(watched, event)
