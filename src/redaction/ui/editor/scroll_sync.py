"""Editor and preview scroll together, both ways, segment by segment.

The preview knows where each body segment starts in its document (``chunk_position``) and which
segment a preview position shows (``segment_at``); the body knows the text offset of each segment
(``preview.body.starts``, Python offsets, turned into Qt's UTF-16 positions here). Scrolling one
side puts the other at the same segment, at the same fraction of it, so a long article stays
aligned even where one side is much taller (images, the page's header). The two ends meet: the
start of the text shows the top of the page (the headline), the end of the text its end.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QPlainTextEdit, QScrollBar

from redaction.ui.editor.preview import PreviewPane
from redaction.ui.editor.utf16 import Utf16Index


class ScrollSync(QObject):
    def __init__(self, editor: QPlainTextEdit, preview: PreviewPane) -> None:
        super().__init__(editor)
        self.editor = editor
        self.preview = preview
        self.enabled = True
        self._busy = False
        self._index: tuple[str, Utf16Index] | None = None
        editor.verticalScrollBar().valueChanged.connect(self.editor_scrolled)
        preview.verticalScrollBar().valueChanged.connect(self.preview_scrolled)

    def _qt_starts(self) -> list[int]:
        """Where each segment starts in the editor's document (Qt positions)."""
        text = self.preview.body.text
        if self._index is None or self._index[0] is not text:
            self._index = (text, Utf16Index(text))
        index = self._index[1]
        return [index.to_qt(start) for start in self.preview.body.starts]

    # -- editor -> preview ------------------------------------------------------------------------
    def editor_scrolled(self) -> None:
        if self._busy or not self.enabled or not self.preview.isVisible():
            return
        source, target = self.editor.verticalScrollBar(), self.preview.verticalScrollBar()
        if self._at_an_end(source.value() <= source.minimum(), self._editor_shows_the_end(), target):
            return
        starts = self._qt_starts()
        if not starts:
            return
        top = self.editor.cursorForPosition(QPoint(0, 0)).position()
        segment = max(0, bisect.bisect_right(starts, top) - 1)
        position = self.preview.chunk_position(segment)
        if position is None:
            return
        fraction = self._editor_fraction(starts, segment, top)
        self._set(target, self._preview_y(segment, position, fraction))

    def _editor_fraction(self, starts: list[int], segment: int, top: int) -> float:
        end = starts[segment + 1] if segment + 1 < len(starts) else self.editor.document().characterCount()
        span = max(1, end - starts[segment])
        return min(1.0, max(0.0, (top - starts[segment]) / span))

    def _preview_top(self, segment: int, position: int) -> float:
        if segment == 0:
            return 0.0  # the page's header (rubric, headline, standfirst) goes with the first lines
        layout = self.preview.document().documentLayout()
        return layout.blockBoundingRect(self.preview.document().findBlock(position)).top()

    def _preview_y(self, segment: int, position: int, fraction: float) -> int:
        y0 = self._preview_top(segment, position)
        following = self.preview.chunk_position(segment + 1)
        if following is None:
            return int(y0)
        y1 = self._preview_top(segment + 1, following)
        return int(y0 + (y1 - y0) * fraction)

    # -- preview -> editor ------------------------------------------------------------------------
    def preview_scrolled(self) -> None:
        if self._busy or not self.enabled or not self.editor.isVisible():
            return
        source, target = self.preview.verticalScrollBar(), self.editor.verticalScrollBar()
        if self._at_an_end(source.value() <= source.minimum(), source.value() >= source.maximum(), target):
            return
        y = source.value()
        top = self.preview.cursorForPosition(QPoint(0, 0)).position()
        segment = self.preview.segment_at(top)
        starts = self._qt_starts()
        if segment is None or segment >= len(starts):
            return
        position = self.preview.chunk_position(segment)
        if position is None:
            return
        y0 = self._preview_top(segment, position)
        following = self.preview.chunk_position(segment + 1)
        y1 = self._preview_top(segment + 1, following) if following is not None else y0
        fraction = min(1.0, max(0.0, (y - y0) / (y1 - y0))) if y1 > y0 else 0.0
        document = self.editor.document()
        first = document.findBlock(starts[segment])
        if not first.isValid():
            return
        line0 = first.firstLineNumber()
        if segment + 1 < len(starts):
            line1 = document.findBlock(starts[segment + 1]).firstLineNumber()
        else:
            line1 = document.lastBlock().firstLineNumber() + document.lastBlock().lineCount()
        self._set(target, round(line0 + (line1 - line0) * fraction))

    # -- both ways --------------------------------------------------------------------------------
    def _editor_shows_the_end(self) -> bool:
        """The last line is in view. (The scroll bar's maximum is no guide: the editor lays out
        wrapped lines lazily, so its range still grows as the end comes into view.)"""
        editor = self.editor
        last = editor.document().lastBlock()
        bottom = editor.blockBoundingGeometry(last).translated(editor.contentOffset()).bottom()
        return editor.verticalScrollBar().value() > 0 and bottom <= editor.viewport().height()

    def _at_an_end(self, at_top: bool, at_bottom: bool, target: QScrollBar) -> bool:
        """At the very top or bottom, the other side goes to its top or bottom (True: done)."""
        if at_top:
            self._set(target, target.minimum())
            return True
        if at_bottom:
            self._set(target, target.maximum())
            return True
        return False

    def _set(self, bar: QScrollBar, value: int) -> None:
        self._busy = True
        try:
            bar.setValue(value)
        finally:
            self._busy = False
