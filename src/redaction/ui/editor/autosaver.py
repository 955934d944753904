"""Autosave while typing: at most a couple of seconds of text is ever at risk.

The first change after a write starts a timer that is *not* restarted by later keystrokes, so
even someone typing without pause is saved every interval (a debounce would wait for a pause
that may never come). A focus change writes at once. Writes happen on a worker thread with the
text captured on the UI thread, so typing never waits on the disk; a failed write (disk full,
locked database) is reported, and the text stays on screen. Every few minutes of editing the
text on screen is also kept as a revision.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from redaction.services.articles.values import ArticleFields
from redaction.storage.errors import StorageError
from redaction.ui.deferred import deferred

if TYPE_CHECKING:
    from redaction.storage.database import Database

autosave_service = deferred("redaction.services.articles.autosave")

REVISION_EVERY_SECONDS = 5 * 60

# (article id, fields on screen, version being edited) or None when there is nothing unsaved.
StateProvider = Callable[[], tuple[int, ArticleFields, int] | None]


class Autosaver(QObject):
    autosaved = Signal(int)  # article id
    autosave_failed = Signal(str)

    def __init__(
        self,
        db: Database,
        state: StateProvider,
        actor: str,
        interval_seconds: float,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._state = state
        self._actor = actor
        self._timer = QTimer(self, singleShot=True)
        self._timer.setInterval(int(interval_seconds * 1000))
        self._timer.timeout.connect(self.flush)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: Future[None] | None = None
        self._last_revision: dict[int, float] = {}
        self._finished.connect(self._report)

    _finished = Signal(int, str)  # article id, error message ("" on success)

    def set_interval(self, seconds: float) -> None:
        self._timer.setInterval(int(seconds * 1000))

    def text_changed(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def article_opened(self, article_id: int) -> None:
        self._last_revision.setdefault(article_id, time.monotonic())

    def flush(self) -> None:
        """Write the unsaved text now (if there is any)."""
        self._timer.stop()
        state = self._state()
        if state is None:
            return
        article_id, fields, version = state
        now = time.monotonic()
        revision = now - self._last_revision.setdefault(article_id, now) >= REVISION_EVERY_SECONDS
        if revision:
            self._last_revision[article_id] = now
        self._pending = self._executor.submit(self._write, article_id, fields, version, revision)

    def wait(self) -> None:
        """Block until the last write is done (tests)."""
        if self._pending is not None:
            self._pending.result()

    def settle(self) -> None:
        """Before an explicit save: no timer pending, no write in flight."""
        self._timer.stop()
        self.wait()

    def set_actor(self, actor: str) -> None:
        """Sign the next autosaves and revisions with ``actor`` (the name changed in Preferences)."""
        self._actor = actor

    def close(self) -> None:
        self.settle()
        self._executor.shutdown(wait=True)

    def _write(self, article_id: int, fields: ArticleFields, version: int, revision: bool) -> None:
        try:
            autosave_service.write_autosave(self._db, article_id, fields, version, self._actor)
            if revision:
                autosave_service.keep_revision(self._db, article_id, fields, version, self._actor)
        except StorageError as exc:
            self._finished.emit(article_id, str(exc))
        except Exception as exc:  # never let a failed autosave take the window down; say so
            self._finished.emit(article_id, f"{type(exc).__name__}: {exc}")
        else:
            self._finished.emit(article_id, "")

    def _report(self, article_id: int, error: str) -> None:
        if error:
            self.autosave_failed.emit(error)
        else:
            self.autosaved.emit(article_id)
