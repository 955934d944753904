"""The status bar's counts (words, signs, paragraphs) without holding up the typing.

An ordinary text is counted on the spot: :func:`~redaction.domain.textstats.text_stats`
remembers the paragraphs it has counted, so a recount after a keystroke costs milliseconds. A
text longer than any article (:mod:`redaction.domain.limits`) takes seconds to count: it is
counted on a worker thread, and :attr:`TextCounts.counted` brings the result back for the
latest text asked about (a count asked for while one runs waits for it, and only the last
such request is kept).
"""

from __future__ import annotations

import contextlib
import threading
import time

from PySide6.QtCore import QObject, Signal

from redaction.domain.limits import is_long_text
from redaction.domain.textstats import TextStats, text_stats


class TextCounts(QObject):
    counted = Signal(object)  # TextStats of the latest long text asked about
    _done = Signal(int, object)  # (request number, TextStats), from the worker

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = 0
        self._running = False
        self._waiting: tuple[int, str] | None = None
        self._done.connect(self._finished)

    def count(self, text: str) -> TextStats | None:
        """The counts now, or None when they will come by :attr:`counted` (a long text)."""
        self._request += 1
        if not is_long_text(text):
            return text_stats(text)
        if self._running:
            self._waiting = (self._request, text)
        else:
            self._start(self._request, text)
        return None

    def _start(self, request: int, text: str) -> None:
        self._running = True

        def work() -> None:
            # sleep(0) hands the interpreter to the UI thread: without it, each of the UI
            # thread's returns into Python (a key press makes dozens) waited up to 5 ms.
            stats = text_stats(text, between=lambda: time.sleep(0))
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._done.emit(request, stats)

        # A daemon thread: quitting never waits for a count nobody will read.
        threading.Thread(target=work, name="counts", daemon=True).start()

    def _finished(self, request: int, stats: TextStats) -> None:
        self._running = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting[0] == self._request:
            self._start(*waiting)
        elif request == self._request:
            self.counted.emit(stats)
