"""Markdown highlighting and spelling underlines for the article body.

A :class:`QSyntaxHighlighter` works one block (line) at a time and Qt re-runs it only for the
blocks an edit touches, so a keystroke costs one line. The state carried from line to line
(``setCurrentBlockState``) is either an open fenced code block (its character and length) or
what the lines above leave open for the next (a paragraph, a list, a quote: below
``block_syntax.CONTEXTS``), because a list under a paragraph line is a list only if it starts
at 1, exactly as the renderer reads it (:mod:`redaction.domain.block_syntax`). Inline parts come
from the same
:mod:`redaction.domain.markup_spans` that typography and spell checking use, so what is coloured
as code is exactly what they leave alone.

Two jobs are too big for one go on a book-length text and are spread over the event loop, a
few milliseconds at a time, top of the document first: formatting after a whole text is loaded
(``setPlainText`` only computes the fence states then) and re-underlining when a word list
finishes loading, the language changes or the personal dictionary grows. That work waits while
the writer types (:data:`TYPING_PAUSE_MS` after the last key): a keystroke's frame never also
carries a slice of it. A text longer than any article is not formatted at all
(:meth:`MarkdownHighlighter.set_active`): Python would still have to read its millions of lines.

Colours derive from the editor's palette (text, base, link, highlight) so they read in light and
dark themes; no-break spaces get a faint tint of the highlight colour.
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from redaction.domain.block_syntax import CONTEXTS, NONE, Line, read_line
from redaction.domain.markup_spans import closes_fence, fence_opening, line_spans
from redaction.domain.spelling import SpellChecker, Word, words_in_line
from redaction.ui.editor.dictionaries import SpellingService
from redaction.ui.editor.highlight_formats import Formats
from redaction.ui.editor.utf16 import Utf16Index

BULK_CHARS = 20_000  # an insertion this big (loading an article) is formatted gradually
SLICE_SECONDS = 0.008
TYPING_PAUSE_MS = 300  # gradual work resumes this long after the last edit
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)|(?<![_\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![_\w])"
)
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_LINK_TEXT = re.compile(r"!?\[([^\]\n]+)\](?=\(|\[)")
_SPACES = re.compile("[\u00a0\u202f]")


def _encode(fence: str) -> int:
    """An open fence as a block state, above the contexts of block_syntax."""
    return CONTEXTS + len(fence) * 2 + (1 if fence[0] == "~" else 0)


def _decode(state: int) -> str:
    state -= CONTEXTS
    return ("~" if state % 2 else "`") * (state // 2)


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(
        self,
        document: QTextDocument,
        palette: QPalette | None = None,
        spelling: SpellingService | None = None,
        language: str = "fr",
    ) -> None:
        super().__init__(None)
        self._bulk = False
        self._utf16: Utf16Index | None = None
        self._queue: list[int] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._resume)
        self._document = document
        self.active = self._connected = False
        self._attach()
        self.setParent(document)
        self.formats = Formats(palette if palette is not None else QPalette(), document.defaultFont())
        self.spelling = spelling
        self.language = ""
        self.checker: SpellChecker | None = None
        if spelling is not None:
            spelling.dictionary_loaded.connect(self._dictionary_loaded)
            spelling.personal_changed.connect(self.recheck)
        self.set_language(language)

    def _attach(self) -> None:
        document = self._document
        if self._connected:  # again after set_active(False): in the same order as the first time
            document.contentsChange.disconnect(self._before_change)
            document.contentsChange.disconnect(self._after_change)
        # Connected before setDocument, so it runs before Qt reformats the changed blocks.
        document.contentsChange.connect(self._before_change)
        self.setDocument(document)
        document.contentsChange.connect(self._after_change)
        self._connected = self.active = True

    # -- public API --------------------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        """Off: leave the document alone (no formats, no underlines, nothing done at an edit).
        On again only over an *empty* document (Qt would otherwise re-format a non-empty one
        whole, at once, on its next turn); then fill it, and it is formatted gradually."""
        if active == self.active:
            return
        if not active:
            self._queue = []
            self._timer.stop()
            self._typing.stop()
            self.setDocument(None)
            self.active = False
            return
        assert self._document.isEmpty(), "attach the highlighter to an empty document"
        self._attach()

    def set_language(self, language: str) -> None:
        """The article's language ("fr" or "en"); re-underlines the document gradually."""
        if language == self.language:
            return
        self.language = language
        self.checker = self.spelling.checker(language) if self.spelling is not None else None
        self.recheck()

    def set_palette(self, palette: QPalette) -> None:
        document = self.document()
        self.formats = Formats(palette, document.defaultFont() if document else None)
        self.rehighlight_gradually()

    # While True, the document's change signals come from re-formatting, not from an edit: the
    # editor checks it so that textChanged from a rehighlight costs nothing.
    reformatting = False

    def rehighlightBlock(self, block: QTextBlock) -> None:
        self.reformatting = True
        try:
            super().rehighlightBlock(block)
        finally:
            self.reformatting = False

    def rehighlight(self) -> None:
        self.reformatting = True
        try:
            super().rehighlight()
        finally:
            self.reformatting = False

    def recheck(self) -> None:
        self.rehighlight_gradually()

    def rehighlight_gradually(self, first_block: int = 0) -> None:
        document = self.document()
        if document is None:
            return
        count = document.blockCount()
        first_block = min(max(first_block, 0), max(count - 1, 0))
        self._queue = list(range(count - 1, first_block - 1, -1)) + list(range(first_block - 1, -1, -1))
        if self._queue and not self._typing.isActive():
            self._timer.start()

    def is_busy(self) -> bool:
        return bool(self._queue) or self._bulk

    def finish(self) -> None:
        """Do the pending gradual work now (tests, benchmarks)."""
        while self._queue:
            self._work(budget=3600.0)

    def in_code_block(self, block: QTextBlock) -> bool:
        """Whether ``block`` is inside (or is a fence of) a fenced code block."""
        return block.userState() >= CONTEXTS or fence_opening(block.text()) is not None

    def misspelled_at(self, block: QTextBlock, column: int) -> Word | None:
        """The misspelled word of ``block`` that ``column`` falls in (the context menu asks)."""
        if not self.active or self.checker is None or not self.checker.is_loaded or self.in_code_block(block):
            return None
        text = block.text()
        column = Utf16Index(text).to_py(column)
        for word in words_in_line(text):
            if word.start <= column <= word.end:
                return word if self.checker.is_misspelled(word.text, word.sentence_start) else None
        return None

    # -- Qt ----------------------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:
        # Qt counts UTF-16 units, Python code points: whole-line formats use 2 * len (Qt clamps).
        previous = self.previousBlockState()
        if previous >= CONTEXTS:
            self.setFormat(0, 2 * len(text), self.formats.code_block)
            self.setCurrentBlockState(NONE if closes_fence(text, _decode(previous)) else previous)
            return
        fence = fence_opening(text) if text[:1] in " `~" else None
        if fence is not None:
            self.setFormat(0, 2 * len(text), self.formats.fence)
            self.setCurrentBlockState(_encode(fence))
            return
        # What the line starts depends on the line above (a list under a paragraph line, a
        # quote's lazy line): the context travels in the block state, and Qt re-highlights the
        # next line whenever it changes.
        line, context = read_line(text, max(previous, NONE))
        self.setCurrentBlockState(context)
        if self._bulk or not text:
            return
        self._utf16 = None if text.isascii() else Utf16Index(text)
        self._format_line(text, line)

    def _format_line(self, text: str, line: Line) -> None:
        f = self.formats
        if line.heading:
            self.setFormat(0, 2 * len(text), f.headings[line.heading - 1])
            self.setFormat(0, line.marks_end, f.heading_marks[line.heading - 1])  # ASCII: same in UTF-16
        elif line.rule:
            self.setFormat(0, 2 * len(text), f.markup)
            return
        else:
            if line.quoted:
                self.setFormat(0, 2 * len(text), f.quote)
                self.setFormat(0, line.marks_end, f.markup)
            if line.item is not None:
                start, end = self._qt(line.item[0]), self._qt(line.item[1])
                self.setFormat(start, end - start, f.list_marker)
        spans = line_spans(text)
        if "*" in text or "_" in text or "~" in text:
            self._emphasis(text)
        if "[" in text:
            for link in _LINK_TEXT.finditer(text):
                self._merge(link.start(1), link.end(1), f.link_text)
        for span in spans:
            self._merge(span.start, span.end, f.for_span(span.kind))
        if "\u00a0" in text or "\u202f" in text:
            for space in _SPACES.finditer(text):
                self._merge(space.start(), space.end(), f.no_break_space)
        checker = self.checker
        if checker is not None and checker.is_loaded:
            for word in words_in_line(text, spans):
                if checker.is_misspelled(word.text, word.sentence_start):
                    self._merge(word.start, word.end, f.misspelled)

    def _emphasis(self, text: str) -> None:
        f = self.formats
        for pattern, fmt in ((_STRONG, f.strong), (_EMPHASIS, f.emphasis), (_STRIKE, f.strike)):
            for match in pattern.finditer(text):
                self._merge(match.start(), match.end(), fmt)

    def _qt(self, index: int) -> int:
        return index if self._utf16 is None else self._utf16.to_qt(index)

    def _merge(self, start: int, end: int, extra: QTextCharFormat) -> None:
        """Add ``extra`` on top of what is already set over ``text[start:end]``, run by run."""
        position, end = self._qt(start), self._qt(end)
        while position < end:
            current = self.format(position)
            run_end = position + 1
            while run_end < end and self.format(run_end) == current:
                run_end += 1
            merged = QTextCharFormat(current)
            merged.merge(extra)
            self.setFormat(position, run_end - position, merged)
            position = run_end

    # -- gradual work ------------------------------------------------------------------------
    def _before_change(self, _position: int, _removed: int, added: int) -> None:
        if added >= BULK_CHARS:
            self._bulk = True

    def _after_change(self, _position: int, _removed: int, _added: int) -> None:
        if self._bulk:
            self._bulk = False
            self.rehighlight_gradually()
        elif self._queue and not self.reformatting:  # the writer is typing: the rest waits
            self._timer.stop()
            self._typing.start()

    def _resume(self) -> None:
        if self._queue:
            self._timer.start()

    def _dictionary_loaded(self, language: str) -> None:
        if language == self.language:
            self.rehighlight_gradually()

    def _work(self, budget: float = SLICE_SECONDS) -> None:
        document = self.document()
        deadline = time.perf_counter() + budget
        while self._queue and document is not None:
            block = document.findBlockByNumber(self._queue.pop())
            if block.isValid():
                self.rehighlightBlock(block)
            if time.perf_counter() > deadline:
                return
        self._timer.stop()
