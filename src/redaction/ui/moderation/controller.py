"""Moderation decisions for every view that shows comments, with one undo stack.

The desk and the main window's comments panel (the desk scoped to one article) decide through
the one :class:`ModerationController` of the :class:`~redaction.ui.context.AppContext`: a
decision taken in either is undone by Z in either, and the views tell each other nothing
directly: what moved reaches every view through the change bus, with the deciding view as the
initiator.

Up to :data:`SYNC_LIMIT` comments move at once on the UI thread (one unit of work, a few
milliseconds); more move in chunks on a worker thread behind a progress dialog
(:func:`redaction.ui.operations.run_with_progress`). The services take the backup before a bulk
move themselves. :class:`QueueCounts` keeps a view's tab counts: cheap counters read at once,
counted rows on a worker thread after a pause.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from redaction.domain.workflow import CommentStatus
from redaction.services import opening as reads
from redaction.services.moderation.values import ALL, Decision, QueueFilter, counts_are_cheap
from redaction.storage.changeset import initiated_by
from redaction.storage.errors import StoppedWaitingError, StorageError
from redaction.ui import labels
from redaction.ui.deferred import deferred
from redaction.ui.operations import Operation, report, run_with_progress, write_waiting

if TYPE_CHECKING:
    from redaction.services.moderation.queue import BulkOutcome
    from redaction.ui.context import AppContext

moderation = deferred("redaction.services.moderation.queue")

SYNC_LIMIT = 200  # more comments than this are moved on a worker thread, with progress
COUNT_DELAY_MS = 250  # counting rows waits for this pause, so a search shows its rows first
QUEUES: tuple[str | None, ...] = (*(s.value for s in CommentStatus), None)  # None: every status

t = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class UndoStep:
    status: str
    decisions: list[Decision]


def moved_text(n: int, status: str) -> str:
    """ "3 comments moved to spam." """
    return ModerationController.tr("%n comment(s) moved to %1.", "", n).replace(
        "%1", labels.comment_status(status).lower()
    )


class ModerationController(QObject):
    undo_changed = Signal()  # the undo stack moved: views update their "Z undoes …" hint
    message_posted = Signal(str)  # a line for the status bar of the window that decided
    busy_changed = Signal(bool)  # a bulk move or undo is running

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.undo_stack: list[UndoStep] = []
        self.operation: Operation | None = None

    # -- deciding ---------------------------------------------------------------------------------
    def decide(
        self, ids: list[int], status: str, initiator: object, parent: QWidget
    ) -> list[Decision] | None:
        """Move a handful of comments now; None (and the reason said) when it failed."""
        try:
            with initiated_by(initiator):
                decisions = write_waiting(
                    parent,
                    lambda: moderation.decide(self.ctx.db, ids, status, self.ctx.actor),
                    self.tr(
                        "Another program is writing to the database (an import, perhaps). "
                        "The decision will be recorded as soon as it has finished."
                    ),
                )
        except StoppedWaitingError:
            self.message_posted.emit(self.tr("Not recorded: you stopped waiting for the other program."))
            return None
        except StorageError as exc:
            report(parent, self.tr("The decision was not recorded"), str(exc))
            return None
        self.remember(status, decisions)
        if decisions:
            self.message_posted.emit(moved_text(len(decisions), status))
        return decisions

    def decide_many(
        self,
        ids: list[int],
        status: str,
        initiator: object,
        parent: QWidget,
        finished: Callable[[BulkOutcome | None], object],
    ) -> bool:
        """Move many comments on a worker thread; ``finished`` gets the outcome (None when it
        failed, said in a dialog). False when another bulk move is still running."""
        if self.operation is not None:
            return False
        label = self.tr("Moving %n comment(s) to %1…", "", len(ids)).replace(
            "%1", labels.comment_status(status).lower()
        )
        db, actor = self.ctx.db, self.ctx.actor

        def done(outcome: BulkOutcome) -> None:
            self._idle()
            self.remember(status, outcome.decisions)
            if outcome.cancelled:
                self.message_posted.emit(
                    self.tr("Stopped: %1 of %2 comments were moved (Z undoes them).")
                    .replace("%1", labels.number(len(outcome.decisions)))
                    .replace("%2", labels.number(outcome.total))
                )
            elif outcome.decisions:
                self.message_posted.emit(moved_text(len(outcome.decisions), status))
            finished(outcome)

        self._run(
            parent,
            lambda progress: moderation.decide_in_chunks(db, ids, status, actor, progress),
            label,
            done,
            finished,
            initiator,
        )
        return True

    def remember(self, status: str, decisions: list[Decision]) -> None:
        """Push decisions taken elsewhere (a reply approving its parent, the dossier) on the
        undo stack, so that Z takes them back too."""
        if decisions:
            self.undo_stack.append(UndoStep(status, decisions))
            self.undo_changed.emit()

    # -- undo ---------------------------------------------------------------------------------------
    def undo_text(self) -> str:
        if not self.undo_stack:
            return ""
        step = self.undo_stack[-1]
        return self.tr("Z undoes: %n moved to %1", "", len(step.decisions)).replace(
            "%1", labels.comment_status(step.status).lower()
        )

    def undo(
        self, initiator: object, parent: QWidget, finished: Callable[[BulkOutcome | None], object]
    ) -> None:
        """Take back the last decision (a bulk decision is one step); ``finished`` gets what was
        put back (None when nothing was, the reason said)."""
        if self.operation is not None:
            return
        if not self.undo_stack:
            self.message_posted.emit(self.tr("Nothing to undo."))
            finished(None)
            return
        step = self.undo_stack.pop()
        self.undo_changed.emit()
        db, actor = self.ctx.db, self.ctx.actor

        def done(outcome: BulkOutcome) -> None:
            self._idle()
            skipped = len(step.decisions) - len(outcome.decisions)
            text = self.tr("Undone: %n comment(s) put back.", "", len(outcome.decisions))
            if skipped:
                text += " " + self.tr("%n left alone: moved again since.", "", skipped)
            self.message_posted.emit(text)
            finished(outcome)

        def failed(outcome: None) -> None:
            self.undo_stack.append(step)
            self.undo_changed.emit()
            finished(outcome)

        if len(step.decisions) <= SYNC_LIMIT:
            try:
                with initiated_by(initiator):
                    outcome = moderation.undo_decisions(db, step.decisions, actor)
            except StorageError as exc:
                report(parent, self.tr("The undo was not recorded"), str(exc))
                failed(None)
                return
            done(outcome)
            return
        self._run(
            parent,
            lambda progress: moderation.undo_decisions(db, step.decisions, actor, progress),
            self.tr("Undoing the decision on %n comment(s)…", "", len(step.decisions)),
            done,
            failed,
            initiator,
            cancellable=False,
        )

    # -- running ------------------------------------------------------------------------------------
    def _run(
        self,
        parent: QWidget,
        work: Callable[[Callable[[int, int], bool]], BulkOutcome],
        label: str,
        done: Callable[[BulkOutcome], object],
        failed: Callable[[None], object],
        initiator: object,
        cancellable: bool = True,
    ) -> None:
        def on_failed(message: str) -> None:
            self._idle()
            if message:
                report(parent, self.tr("The operation did not finish"), message)
            failed(None)

        with initiated_by(initiator):  # the worker runs in a copy of this context
            self.operation = run_with_progress(parent, work, label, done, on_failed, cancellable=cancellable)
        self.busy_changed.emit(True)

    def _idle(self) -> None:
        self.operation = None
        self.ctx.bus.flush()  # the chunks' changes reach every view before the outcome does
        self.busy_changed.emit(False)


class QueueCounts(QObject):
    """A view's tab counts for its filter: at once from the trigger-kept counters when they can
    answer, else counted on a worker thread after a pause, one count at a time (filters changed
    meanwhile are counted when it is done)."""

    counted = Signal(object)  # dict status -> n (and ALL)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None, one_article: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # One article's counts come from an index in a few milliseconds: read at once (the
        # panel); across articles a filter by article waits for a pause (the desk).
        self._article_counts_at_once = one_article
        self.counts: dict[str, int] | None = None
        self._filter = QueueFilter()
        self._generation = 0
        self._operation: Operation | None = None
        self._timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._timer.timeout.connect(self._count_after_pause)

    def refresh(self, f: QueueFilter) -> None:
        self._filter = f
        self._generation += 1
        if counts_are_cheap(f) and (f.article_id is None or self._article_counts_at_once):
            try:
                self._show(reads.queue_counts(self.ctx.db, f))
            except StorageError as exc:
                self.failed.emit(str(exc))
            return
        self._timer.start()

    def move(self, decisions: list[Decision]) -> bool:
        """Move the counts by these decisions; False when they must be counted instead (filters
        narrow the queue, so a moved comment may lie outside the counts)."""
        if self.counts is None or not counts_are_cheap(self._filter):
            return False
        counts = dict(self.counts)
        for d in decisions:
            counts[d.from_status] -= 1
            counts[d.to_status] += 1
        counts[ALL] = sum(n for status, n in counts.items() if status != ALL)
        self._show(counts)
        return True

    def _count_after_pause(self) -> None:
        if self._operation is not None:
            return
        f, generation, db = self._filter, self._generation, self.ctx.db

        def count(_progress: object) -> dict[str, int]:
            return moderation.queue_counts(db, f)

        def done(counts: dict[str, int] | None, message: str = "") -> None:
            self._operation = None
            if generation != self._generation:
                self.refresh(self._filter)  # the filters moved on while counting: count them now
            elif counts is not None:
                self._show(counts)
            if message:
                self.failed.emit(message)

        self._operation = (
            Operation(count)
            .deliver_to(self, finished=done, failed=lambda message: done(None, message))
            .start()
        )

    def _show(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.counted.emit(counts)

    @property
    def busy(self) -> bool:
        return self._operation is not None
