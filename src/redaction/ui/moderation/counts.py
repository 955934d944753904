"""The desk's tab counts: live, cheap when they can be, never on the UI thread when not.

A mixin of :class:`~redaction.ui.moderation.desk.ModerationDesk`. Without narrowing filters the
counts come from the trigger-kept counters (under a millisecond at a million comments) and are
read on the UI thread; with them, rows must be counted, which runs on a worker thread, one count
at a time, after a short pause (filters changed meanwhile are counted when it is done). Other moderators' work shows
up at the next periodic refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from redaction.services.moderation import queue as moderation
from redaction.services.moderation.queue import ALL, QueueFilter
from redaction.storage.errors import StorageError
from redaction.ui import labels
from redaction.ui.moderation.workers import Operation

if TYPE_CHECKING:
    from redaction.ui.moderation.desk import ModerationDesk

    _Base = ModerationDesk
else:
    _Base = object

QUEUES: tuple[str | None, ...] = ("pending", "approved", "spam", "trash", None)
COUNT_DELAY_MS = 250  # counting rows waits for this pause, so a search shows its rows first


class CountsMixin(_Base):
    def _tab_text(self, status: str | None) -> str:
        name = labels.comment_status(status) if status else self.tr("All")
        if self.counts is None:
            return name
        return f"{name} ({QLocale().toString(self.counts[status or ALL])})"

    def refresh_counts(self) -> None:
        """Counts of every tab under the current filters: at once when counters can answer,
        on a worker thread when rows must be counted (the old figures stay until then). One
        count runs at a time; filters changed meanwhile are counted when it is done."""
        f = self.queue_filter()
        self._counts_generation += 1
        if moderation.counts_are_cheap(f) and f.article_id is None:
            try:
                with self.db.session() as session:
                    self._show_counts(moderation.queue_counts(session, f))
            except StorageError as exc:
                self.message_posted.emit(str(exc))
            return
        # Counting waits for a pause (typing, pressing keys) and never runs twice at once.
        self._count_timer.start()

    def _count_after_pause(self) -> None:
        if self.counts_operation is None:
            self._start_count(self.queue_filter(), self._counts_generation)

    def _start_count(self, f: QueueFilter, generation: int) -> None:
        def count(_progress: object) -> dict[str, int]:
            with self.db.session() as session:
                return moderation.queue_counts(session, f)

        self.counts_operation = (
            Operation(count)
            .deliver_to(
                self,
                finished=lambda counts: self._counted(counts, generation),
                failed=lambda message: (self._counted(None, generation), self.message_posted.emit(message)),
            )
            .start()
        )

    def _counted(self, counts: dict[str, int] | None, generation: int) -> None:
        self.counts_operation = None
        if generation != self._counts_generation:
            self.refresh_counts()  # the filters moved on while counting: count them now
        elif counts is not None:
            self._show_counts(counts)

    def _show_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        for index, status in enumerate(QUEUES):
            text = self._tab_text(status)
            if self.tabs.tabText(index) != text:
                self.tabs.setTabText(index, text)

    def _periodic_counts(self) -> None:
        if self.isVisible() and self.operation is None:
            self.refresh_counts()
