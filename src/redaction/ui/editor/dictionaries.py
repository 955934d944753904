"""The spell checkers of the running app: one per language, loaded off the UI thread.

A word list takes about half a second to read, so :class:`SpellingService` never reads one on
the UI thread: :meth:`SpellingService.checker` hands back a checker at once (it answers "don't
know" until loaded) and starts a daemon thread after ``load_delay_ms``, so the window paints
first. :attr:`SpellingService.dictionary_loaded` tells highlighters to underline.

The personal dictionary lives in the user's data folder (platformdirs), shared by languages.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from redaction.domain.spelling import PersonalDictionary, SpellChecker

log = logging.getLogger(__name__)
PERSONAL_FILENAME = "personal-dictionary.txt"


def personal_dictionary_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("redaction", appauthor=False) / PERSONAL_FILENAME


class SpellingService(QObject):
    dictionary_loaded = Signal(str)
    personal_changed = Signal()

    def __init__(
        self,
        personal_path: Path | None = None,
        load_delay_ms: int = 800,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.personal = PersonalDictionary(
            personal_path if personal_path is not None else personal_dictionary_path()
        )
        self.load_delay_ms = load_delay_ms
        self.load_seconds: dict[str, float] = {}
        self._checkers: dict[str, SpellChecker] = {}
        self._threads: dict[str, threading.Thread] = {}

    def checker(self, language: str) -> SpellChecker | None:
        """The checker for ``language`` ("fr", "en"), loading in the background; None if unsupported."""
        language = language[:2].lower()
        if language not in ("fr", "en"):
            return None
        checker = self._checkers.get(language)
        if checker is None:
            checker = self._checkers[language] = SpellChecker(language, self.personal)
            if self.load_delay_ms > 0:
                QTimer.singleShot(self.load_delay_ms, self, lambda: self._start(language))
            else:
                self._start(language)
        return checker

    def add_word(self, language: str, word: str) -> None:
        checker = self.checker(language)
        if checker is not None:
            checker.add(word)
            self.personal_changed.emit()

    def ignore_word(self, language: str, word: str) -> None:
        for checker in self._checkers.values():
            checker.ignore(word)
        self.personal_changed.emit()

    def wait_loaded(self, language: str, timeout: float = 30.0) -> bool:
        """Block until ``language`` is loaded (tests, benchmarks and the command line only)."""
        self.checker(language)
        self._start(language)
        thread = self._threads[language[:2]]
        thread.join(timeout)
        return self._checkers[language[:2]].is_loaded

    def _start(self, language: str) -> None:
        if language in self._threads:
            return
        checker = self._checkers[language]
        thread = threading.Thread(
            target=self._load, args=(checker,), name=f"dictionary-{language}", daemon=True
        )
        self._threads[language] = thread
        thread.start()

    def _load(self, checker: SpellChecker) -> None:
        started = time.perf_counter()
        try:
            checker.load(suggestions=False)
        except Exception:  # a broken install must not take the editor down; no underline is all
            log.exception("could not load the %s word list", checker.language)
            return
        self.load_seconds[checker.language] = time.perf_counter() - started
        try:
            self.dictionary_loaded.emit(checker.language)  # queued to the UI thread
        except RuntimeError:  # the service was deleted while the thread worked (app closing)
            return
        checker.prepare_suggestions()  # ready before the first right-click, still off the UI thread
