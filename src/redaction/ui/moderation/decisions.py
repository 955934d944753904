"""Deciding at the desk: the current comment, the marked ones, a parent in place; undo; replies.

A mixin of :class:`~redaction.ui.moderation.desk.ModerationDesk`, kept apart because it is the
desk's one writing part. Every decision is pushed on ``undo_stack`` (a bulk decision is one
step). Up to :data:`SYNC_LIMIT` comments are moved at once on the UI thread (a handful of rows,
a few milliseconds); more are moved in chunks on a worker thread behind a progress dialog.
Counts follow each decision from its exact moves; the desk re-reads them periodically.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt

from redaction.services.moderation import queue as moderation
from redaction.services.moderation.comments import Decision
from redaction.services.moderation.detail import reply_as_newsroom
from redaction.services.moderation.queue import ALL, BulkOutcome
from redaction.storage.errors import StorageError
from redaction.ui import labels
from redaction.ui.moderation.workers import report, run_with_progress, with_backup_before

if TYPE_CHECKING:
    from redaction.ui.moderation.desk import ModerationDesk

    _Base = ModerationDesk
else:
    _Base = object

SYNC_LIMIT = 200  # more comments than this are moved on a worker thread, with progress


@dataclass(frozen=True, slots=True)
class UndoStep:
    status: str
    decisions: list[Decision]


class DecisionsMixin(_Base):
    def decide_current(self, status: str) -> None:
        """Decide the current comment; the next one comes up."""
        row = self.current_row()
        comment = self.model.comment(row)
        if comment is None:
            return
        decisions = self._decide([comment.id], status)
        if decisions is not None:
            self._after(status, decisions, row)

    def decide_marked(self, status: str) -> None:
        ids = self.target_ids()
        if not ids:
            return
        rows = [r for i in ids if (r := self.model.row_of(i)) is not None]
        first_row = min(rows) if rows else 0
        if len(ids) <= SYNC_LIMIT:
            decisions = self._decide(ids, status)
            if decisions is not None:
                self.model.clear_marks()
                self._after(status, decisions, first_row)
            return
        label = self.tr("Moving %n comment(s) to %1…", "", len(ids)).replace(
            "%1", labels.comment_status(status).lower()
        )

        def work(progress: object) -> BulkOutcome:
            return moderation.decide_in_chunks(self.db, ids, status, self.actor, progress)  # type: ignore[arg-type]

        # A copy of the database as it was before (SQLite backup API, rotating set), written while
        # the comments move: a bulk decision is the kind of change a newsroom may want to take
        # back wholesale.
        reason = {"approved": "bulk-approve"}.get(status, f"bulk-{status}")
        self.operation = run_with_progress(
            self,
            with_backup_before(self.db, reason, work),
            label,
            lambda outcome: self._after_bulk(status, outcome),
            self._operation_failed,
        )

    def _decide(self, ids: list[int], status: str) -> list[Decision] | None:
        try:
            return moderation.decide(self.db, ids, status, self.actor)
        except StorageError as exc:
            report(self, self.tr("The decision was not recorded"), str(exc))
            return None

    def _after(self, status: str, decisions: list[Decision], focus_row: int) -> None:
        if decisions:
            self.undo_stack.append(UndoStep(status, decisions))
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
        self._decided(decisions, counted=False)

    def _after_bulk(self, status: str, outcome: BulkOutcome) -> None:
        self.operation = None
        if outcome.decisions:
            self.undo_stack.append(UndoStep(status, outcome.decisions))
        self.model.clear_marks()
        self.reload(keep_counts=True)
        self._decided(outcome.decisions)
        if outcome.cancelled:
            self.message_posted.emit(
                self.tr("Stopped: %1 of %2 comments were moved (Z undoes them).")
                .replace("%1", QLocale().toString(len(outcome.decisions)))
                .replace("%2", QLocale().toString(outcome.total))
            )

    def _decided(self, decisions: list[Decision], counted: bool = True) -> None:
        """After any move: the undo hint, the counts (from the moves themselves unless
        ``counted`` says they must be read again), the main window, the status bar."""
        self._update_undo_label()
        if counted or not self._count_moves(decisions):
            self.refresh_counts()
        if decisions:
            self.comments_moderated.emit(sorted({d.article_id for d in decisions}))
            status = decisions[0].to_status
            self.message_posted.emit(
                self.tr("%n comment(s) moved to %1.", "", len(decisions)).replace(
                    "%1", labels.comment_status(status).lower()
                )
            )

    def _count_moves(self, decisions: list[Decision]) -> bool:
        """Move the tab counts by these decisions; False when they must be counted instead
        (filters narrow the queue, so a moved comment may lie outside the counts)."""
        if self.counts is None or not moderation.counts_are_cheap(self.queue_filter()):
            return False
        counts = dict(self.counts)
        for d in decisions:
            counts[d.from_status] -= 1
            counts[d.to_status] += 1
        counts[ALL] = sum(n for status, n in counts.items() if status != ALL)
        self._show_counts(counts)
        return True

    def _operation_failed(self, message: str) -> None:
        self.operation = None
        self.reload()
        if message:
            report(self, self.tr("The operation did not finish"), message)

    def _decide_parent(self, comment_id: int, status: str) -> None:
        decisions = self._decide([comment_id], status)
        if decisions is None:
            return
        if decisions:
            self.undo_stack.append(UndoStep(status, decisions))
        reading = self.detail.detail.row.id if self.detail.detail else None
        self.forget_prefetched({comment_id})
        with self._model_changing():
            self.model.apply_moves({d.comment_id: d.to_status for d in decisions})
        row = self.model.row_of(reading) if reading is not None else None
        self.select_row(row if row is not None else max(self.current_row(), 0))
        if reading is not None:
            self._show_comment(reading)  # the parent's new status, shown in place
        self._decided(decisions)

    # -- undo ---------------------------------------------------------------------------------
    def undo(self) -> None:
        if not self.undo_stack:
            self.message_posted.emit(self.tr("Nothing to undo."))
            return
        step = self.undo_stack.pop()
        if len(step.decisions) <= SYNC_LIMIT:
            try:
                outcome = moderation.undo_decisions(self.db, step.decisions, self.actor)
            except StorageError as exc:
                self.undo_stack.append(step)
                report(self, self.tr("The undo was not recorded"), str(exc))
                return
            self._after_undo(step, outcome)
            return
        self.operation = run_with_progress(
            self,
            with_backup_before(
                self.db,
                "bulk-undo",
                lambda progress: moderation.undo_decisions(self.db, step.decisions, self.actor, progress),
            ),
            self.tr("Undoing the decision on %n comment(s)…", "", len(step.decisions)),
            lambda outcome: self._after_undo(step, outcome),
            self._operation_failed,
            cancellable=False,
        )

    def _after_undo(self, step: UndoStep, outcome: BulkOutcome) -> None:
        self.operation = None
        back = outcome.decisions[0].comment_id if outcome.decisions else None
        self.forget_prefetched()
        with self._model_changing():
            self.model.reload()
            row = self.model.load_until(back) if back is not None else None
        self.select_row(row if row is not None else 0, refresh=True)
        self._update_undo_label()
        self.refresh_counts()
        if outcome.decisions:
            self.comments_moderated.emit(sorted({d.article_id for d in outcome.decisions}))
        skipped = len(step.decisions) - len(outcome.decisions)
        text = self.tr("Undone: %n comment(s) put back.", "", len(outcome.decisions))
        if skipped:
            text += " " + self.tr("%n left alone: moved again since.", "", skipped)
        self.message_posted.emit(text)

    def _update_undo_label(self) -> None:
        if not self.undo_stack:
            self.undo_label.setText("")
            return
        step = self.undo_stack[-1]
        self.undo_label.setText(
            self.tr("Z undoes: %n moved to %1", "", len(step.decisions)).replace(
                "%1", labels.comment_status(step.status).lower()
            )
        )

    # -- the commenter ------------------------------------------------------------------------
    def _open_dossier(self) -> None:
        if self.detail.detail is not None:
            row = self.detail.detail.row
            self.dossier_requested.emit(row.author_email, row.author_name)

    def _reply(self, parent_id: int, text: str) -> None:
        try:
            outcome = reply_as_newsroom(self.db, parent_id, text, self.actor)
        except (StorageError, ValueError, LookupError) as exc:
            report(self, self.tr("The reply was not published"), str(exc), warning=True)
            return
        self.detail.close_reply()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if outcome.approved_parent:
            self._after("approved", outcome.approved_parent, self.current_row())
        else:
            self._show_comment(parent_id)
            self.refresh_counts()
        self.message_posted.emit(
            self.tr("Reply published under the comment, signed %1.").replace("%1", self.actor)
        )
