"""A comment queue, keyboard first: the desk's body, and the main window's comments panel.

Layout: the queue tabs with live counts, the queue (a lazy :class:`QueueModel`) beside (or, in
the compact panel, above) the comment in full (:class:`CommentDetailView`) with its decision
buttons. What is shown is a base :class:`QueueFilter` set by the owner (the desk's filter bar,
or the one article open in the main window) and the status of the current tab.

Keys are registry actions added to this widget with ``WidgetWithChildrenShortcut`` scope, so they
work wherever the focus is inside the queue, and line edits keep the printable keys typed into
them. A/S/D/U decide the current comment and bring up the next; Shift+A/S/D/U decide the marked
comments (X marks), or the selected rows when nothing is marked; Z undoes (the controller's one
undo stack, shared with every other queue). A decided comment keeps its row, dimmed and marked
with where it went, until the queue is read again: the list never jumps under the reader's eyes.
Comments moved elsewhere (another queue, another window, another process) are shown moved the
same way when they are on screen, through the change bus.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from redaction.services import opening as reads
from redaction.services.moderation.values import ALL, CommentDetail, Decision, QueueFilter
from redaction.storage.changeset import Changes, initiated_by
from redaction.storage.errors import StorageError
from redaction.ui import labels
from redaction.ui.actions import A
from redaction.ui.context import AppContext
from redaction.ui.deferred import deferred
from redaction.ui.moderation.controller import QUEUES, SYNC_LIMIT, QueueCounts
from redaction.ui.moderation.delegate import StaticTextDelegate
from redaction.ui.moderation.detail import CommentDetailView
from redaction.ui.moderation.queue_keys import BUTTONS, DECISIONS, MARKED_DECISIONS, QUEUE_ACTIONS, QUEUE_KEYS
from redaction.ui.moderation.queue_model import COLUMNS, QueueModel
from redaction.ui.operations import Operation, report, run_with_progress

if TYPE_CHECKING:
    from redaction.services.moderation.queue import BulkOutcome

moderation = deferred("redaction.services.moderation.queue")
detail_service = deferred("redaction.services.moderation.detail")

PAGE_SIZE = 100  # rows read at a time: three screens; the first page is what opening a queue costs
PREFETCH_DELAY_MS = 80  # reading ahead waits until the person is reading, not deciding
PREFETCH_FRESH_S = 10.0


class CommentQueue(QWidget):
    message_posted = Signal(str)
    dossier_requested = Signal(str, str)  # email, name
    article_requested = Signal(int)  # "only this article", from the comment's detail

    def __init__(self, ctx: AppContext, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controller = ctx.moderation
        self.compact = compact
        self.base_filter = QueueFilter()
        self.operation: Operation | None = None  # marking every matching comment
        self.counts = QueueCounts(ctx, self, one_article=compact)
        self._quiet = False
        self._prefetched: dict[int, tuple[float, CommentDetail]] = {}
        self._prefetch_timer = QTimer(self, singleShot=True, interval=PREFETCH_DELAY_MS)
        self._prefetch_timer.timeout.connect(self._prefetch_next)

        self.tabs = QTabBar(objectName="queue_tabs")
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)
        # Never "Indési…": the panel is at least as wide as its tabs, in either language.
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for status in QUEUES:
            self.tabs.addTab(self._tab_text(status))
        self.model = QueueModel(ctx.db, page_size=PAGE_SIZE, parent=self)
        self.view = self._make_view()
        self.empty_label = QLabel(self.view.viewport(), objectName="queue_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.view.viewport().installEventFilter(self)
        self.marks_label = QLabel(objectName="queue_marks")
        self.mark_all_button = QToolButton(objectName="queue_mark_all")
        self.mark_all_button.setDefaultAction(ctx.actions[A.QUEUE_MARK_ALL])
        self.undo_label = QLabel(objectName="queue_undo")
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
        orientation = Qt.Orientation.Vertical if compact else Qt.Orientation.Horizontal
        self.splitter = QSplitter(orientation, objectName="queue_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.splitter, 1)
        if compact:
            self.view.setColumnHidden(COLUMNS.index("article"), True)
            self.mark_all_button.hide()
            self.detail.set_compact()

        self.buttons: dict[str, QPushButton] = {}
        self._install_actions()
        self._add_detail_buttons()
        self._connect()

    def _make_view(self) -> QTableView:
        view = QTableView(objectName="queue_view")
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
            "author": metrics.horizontalAdvance("M") * (10 if self.compact else 13),
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
    def _install_actions(self) -> None:
        registry = self.ctx.actions
        registry.attach(self, QUEUE_ACTIONS)
        for name, status in DECISIONS.items():
            registry.handle(name, self, lambda s=status: self.decide_current(s))
        for name, status in MARKED_DECISIONS.items():
            registry.handle(name, self, lambda s=status: self.decide_marked(s))
        for name, index in QUEUE_KEYS.items():
            registry.handle(name, self, lambda i=index: self.show_queue(i))
        registry.handle(A.COMMENT_UNDO, self, self.undo)
        registry.handle(A.COMMENT_REPLY, self, self.detail.open_reply)
        registry.handle(A.COMMENT_DOSSIER, self, self._open_dossier)
        registry.handle(A.QUEUE_NEXT, self, lambda: self.move_current(1))
        registry.handle(A.QUEUE_PREVIOUS, self, lambda: self.move_current(-1))
        registry.handle(A.QUEUE_MARK, self, self.toggle_mark)
        registry.handle(A.QUEUE_MARK_ALL, self, self.mark_all_matching)
        registry.handle(A.QUEUE_CLEAR_MARKS, self, self.model.clear_marks)
        registry.handle(A.QUEUE_REFRESH, self, self.reload)

    def _add_detail_buttons(self) -> None:
        """Decision buttons under the comment, each saying its key (the mouse way to learn them)."""
        for name in BUTTONS:
            button = QPushButton(objectName=f"queue_button_{name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the queue
            button.clicked.connect(lambda _=False, n=name: self._press(n))
            self.detail.buttons.addWidget(button)
            self.buttons[name] = button
            if name == A.COMMENT_PENDING:
                self.detail.buttons.addStretch(1)
        self._label_buttons()

    def _press(self, name: str) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ctx.actions[name].trigger()

    def _label_buttons(self, *_changed: str) -> None:
        """Button texts follow the keys, user overrides included, as soon as they change."""
        short = {
            A.COMMENT_APPROVE: self.tr("Approve"),
            A.COMMENT_SPAM: self.tr("Spam"),
            A.COMMENT_TRASH: self.tr("Trash"),
            A.COMMENT_PENDING: self.tr("Pending"),
            A.COMMENT_REPLY: self.tr("Reply"),
        }
        for name, button in self.buttons.items():
            key = self.ctx.actions.key_text(name)
            button.setText(f"{short[name]}  {key}" if key else short[name])
            button.setToolTip(self.ctx.actions[name].toolTip())

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(lambda _i: self.reload(keep_counts=True))
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.marks_changed.connect(self._marks_changed)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsRemoved.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self.counts.counted.connect(self._show_counts)
        self.counts.failed.connect(self.message_posted)
        self.detail.parent_decided.connect(self._decide_parent)
        self.detail.reply_submitted.connect(self._reply)
        self.detail.dossier_requested.connect(self.dossier_requested)
        self.detail.article_requested.connect(self.article_requested)
        self.controller.undo_changed.connect(self._update_undo_label)
        self.ctx.actions.shortcuts_changed.connect(self._label_buttons)
        self.ctx.bus.changed.connect(self._changed_elsewhere)
        self.ctx.arrivals_shown.connect(self._show_arrivals)
        self._marks_changed(0)
        self._update_undo_label()

    # -- what is shown ------------------------------------------------------------------------
    def status(self) -> str | None:
        return QUEUES[self.tabs.currentIndex()]

    def queue_filter(self) -> QueueFilter:
        return replace(self.base_filter, status=self.status())

    def set_base_filter(self, f: QueueFilter, reload: bool = True) -> None:
        self.base_filter = f
        if reload:
            self.reload()

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

    def _show_arrivals(self) -> None:
        if self.isVisible():
            self.reload()

    def refresh_counts(self) -> None:
        self.counts.refresh(self.queue_filter())

    def _tab_text(self, status: str | None) -> str:
        name = labels.comment_status(status) if status else self.tr("All")
        counts = self.counts.counts
        return f"{name} ({labels.number(counts[status or ALL])})" if counts else name

    def _show_counts(self, _counts: dict[str, int]) -> None:
        for index, status in enumerate(QUEUES):
            text = self._tab_text(status)
            if self.tabs.tabText(index) != text:
                self.tabs.setTabText(index, text)

    def show_queue(self, index: int) -> None:
        """Switch to queue ``index``; the key of the queue already shown reads it again (the
        comments decided meanwhile, kept dimmed in place, then go)."""
        if self.tabs.currentIndex() == index:
            self.reload(keep_counts=True)
        else:
            self.tabs.setCurrentIndex(index)

    def set_queue(self, status: str | None) -> None:
        self.show_queue(QUEUES.index(status))

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
                detail = detail or reads.comment_detail(self.ctx.db, comment_id)
            except StorageError as exc:
                self.message_posted.emit(str(exc))
        self.detail.show_detail(detail)
        self._prefetch_timer.start()

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0  # decided rows stay (dimmed) until the queue is read again
        self.empty_label.setVisible(empty)
        self.empty_label.setGeometry(self.view.viewport().rect())
        if empty:
            if self.base_filter.narrowed():
                text = self.tr("No comment matches these filters.")
            elif self.status() == "pending":
                text = self.tr("Nothing is waiting for a decision. Time for coffee.")
            else:
                text = self.tr("This queue is empty.")
            self.empty_label.setText(text)

    # -- reading ahead ------------------------------------------------------------------------
    def _prefetch_next(self) -> None:
        """While the person reads, fetch the comment below: it is the next one shown after a
        decision, which then costs no database round trip."""
        below = self.model.comment(self.current_row() + 1)
        if below is None or below.id in self._prefetched:
            return
        try:
            detail = detail_service.comment_detail(self.ctx.db, below.id)
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

    # -- deciding -----------------------------------------------------------------------------
    def decide_current(self, status: str) -> None:
        """Decide the current comment; the next one comes up."""
        row = self.current_row()
        comment = self.model.comment(row)
        if comment is None:
            return
        decisions = self.controller.decide([comment.id], status, self, self)
        if decisions is not None:
            self._after(decisions, row)

    def decide_marked(self, status: str) -> None:
        ids = self.target_ids()
        if not ids:
            return
        rows = [r for i in ids if (r := self.model.row_of(i)) is not None]
        first_row = min(rows) if rows else 0
        if len(ids) <= SYNC_LIMIT:
            decisions = self.controller.decide(ids, status, self, self)
            if decisions is not None:
                self.model.clear_marks()
                self._after(decisions, first_row)
            return
        self.controller.decide_many(ids, status, self, self, self._after_bulk)

    def _after(self, decisions: list[Decision], focus_row: int) -> None:
        self.forget_prefetched({d.comment_id for d in decisions})
        with self._model_changing():
            self.model.apply_moves({d.comment_id: d.to_status for d in decisions})
        # The next comment still in the queue. Decided rows stay in place (dimmed) rather than
        # closing up: the list does not jump, and only two rows are repainted.
        start = focus_row if len(decisions) > 1 else focus_row + 1
        following = self.model.open_row_from(start)
        if following is None:  # none below: the nearest one above
            following = self.model.open_row_before(start)
        if following is None and self.status() is not None and not self.model.open_rows():
            self.reload(keep_counts=True)  # the queue is done: show it empty, as it is
        else:
            self.select_row(following if following is not None else focus_row)
        if not self.counts.move(decisions):
            self.refresh_counts()

    def _after_bulk(self, outcome: BulkOutcome | None) -> None:
        self.model.clear_marks()
        self.reload()

    def _decide_parent(self, comment_id: int, status: str) -> None:
        decisions = self.controller.decide([comment_id], status, self, self)
        if decisions is None:
            return
        reading = self.detail.detail.row.id if self.detail.detail else None
        self.forget_prefetched({comment_id})
        with self._model_changing():
            self.model.apply_moves({d.comment_id: d.to_status for d in decisions})
        row = self.model.row_of(reading) if reading is not None else None
        self.select_row(row if row is not None else max(self.current_row(), 0))
        if reading is not None:
            self._show_comment(reading)  # the parent's new status, shown in place
        self.refresh_counts()

    def undo(self) -> None:
        self.controller.undo(self, self, self._after_undo)

    def _after_undo(self, outcome: BulkOutcome | None) -> None:
        if outcome is None:
            return
        back = outcome.decisions[0].comment_id if outcome.decisions else None
        self.forget_prefetched()
        with self._model_changing():
            self.model.reload()
            row = self.model.load_until(back) if back is not None else None
        self.select_row(row if row is not None else 0, refresh=True)
        self.refresh_counts()

    def _update_undo_label(self) -> None:
        self.undo_label.setText(self.controller.undo_text())

    # -- the commenter ------------------------------------------------------------------------
    def _open_dossier(self) -> None:
        if self.detail.detail is not None:
            row = self.detail.detail.row
            self.dossier_requested.emit(row.author_email, row.author_name)

    def _reply(self, parent_id: int, text: str) -> None:
        try:
            with initiated_by(self):
                outcome = detail_service.reply_as_newsroom(self.ctx.db, parent_id, text, self.ctx.actor)
        except (StorageError, ValueError, LookupError) as exc:
            report(self, self.tr("The reply was not published"), str(exc), warning=True)
            return
        self.detail.close_reply()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if outcome.approved_parent:
            self.controller.remember("approved", outcome.approved_parent)
            self._after(outcome.approved_parent, self.current_row())
        else:
            self._show_comment(parent_id)
            self.refresh_counts()
        self.message_posted.emit(
            self.tr("Reply published under the comment, signed %1.").replace("%1", self.ctx.actor)
        )

    # -- changes made elsewhere ------------------------------------------------------------------
    def _changed_elsewhere(self, changes: Changes, initiator: object) -> None:
        """Another queue, window or process moved comments: show those on screen where they
        went (dimmed, as one's own decisions), and count again."""
        if initiator is self or not changes.comments_changed():
            return
        shown = [i for i in changes.comments if self.model.row_of(i) is not None]
        if shown:
            try:
                moved = moderation.statuses_of(self.ctx.db, shown)
            except StorageError:
                moved = {}
            self.forget_prefetched(set(moved))
            with self._model_changing():
                self.model.apply_moves(moved)
            current = self.model.comment(self.current_row())
            if current is not None and current.id in moved:
                self._show_comment(current.id)
        if self.model.rowCount() == 0 and (changes.comment_set or changes.everything):
            self.reload(keep_counts=True)  # an empty queue shows what arrived
        if not self.counts.busy:
            self.refresh_counts()

    # -- marks --------------------------------------------------------------------------------
    def toggle_mark(self) -> None:
        if self.current_row() >= 0:
            self.model.toggle_mark(self.current_row())

    def mark_all_matching(self) -> None:
        """Mark every comment the queue and filters match, loaded or not. Collecting a hundred
        thousand ids takes seconds at a million comments, so it runs on a worker thread."""
        if self.operation is not None:
            return
        f, db = self.queue_filter(), self.ctx.db

        def collect(_progress: object) -> list[int]:
            return moderation.queue_ids(db, f)

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
        key = self.ctx.actions.key_text(A.QUEUE_MARK) or "X"
        self.marks_label.setText(
            self.tr("%n marked · Shift+A, S, D or U decides them", "", n)
            if n
            else self.tr("Nothing marked (%1 marks)").replace("%1", key)
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
        return super().eventFilter(watched, event)
