"""Editor and preview scroll together, both ways, segment by segment.

The preview knows where each body segment starts in its document (``chunk_position``) and which
segment a preview position shows (``segment_at``); the body knows the text offset of each segment
(``preview.body.starts``). Scrolling one side puts the other at the same segment, at the same
fraction of it, so a long article stays aligned even where one side is much taller.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QPlainTextEdit

from redaction.ui.editor.preview import PreviewPane


class ScrollSync(QObject):
    def __init__(self, editor: QPlainTextEdit, preview: PreviewPane) -> None:
        super().__init__(editor)
        self.editor = editor
        self.preview = preview
        self.enabled = True
        self._busy = False
        editor.verticalScrollBar().valueChanged.connect(self.editor_scrolled)
        preview.verticalScrollBar().valueChanged.connect(self.preview_scrolled)

    # -- editor -> preview ------------------------------------------------------------------------
    def editor_scrolled(self) -> None:
        if self._busy or not self.enabled or not self.preview.isVisible():
            return
        starts = self.preview.body.starts
        if not starts:
            return
        top = self.editor.cursorForPosition(QPoint(0, 0)).position()
        segment = max(0, bisect.bisect_right(starts, top) - 1)
        position = self.preview.chunk_position(segment)
        if position is None:
            return
        fraction = self._editor_fraction(segment, top)
        y = self._preview_y(segment, position, fraction)
        self._set(self.preview.verticalScrollBar(), y)

    def _editor_fraction(self, segment: int, top: int) -> float:
        starts = self.preview.body.starts
        end = starts[segment + 1] if segment + 1 < len(starts) else len(self.preview.body.text)
        span = max(1, end - starts[segment])
        return min(1.0, max(0.0, (top - starts[segment]) / span))

    def _preview_y(self, segment: int, position: int, fraction: float) -> int:
        layout = self.preview.document().documentLayout()
        start_block = self.preview.document().findBlock(position)
        y0 = layout.blockBoundingRect(start_block).top()
        following = self.preview.chunk_position(segment + 1)
        if following is None:
            return int(y0)
        y1 = layout.blockBoundingRect(self.preview.document().findBlock(following)).top()
        return int(y0 + (y1 - y0) * fraction)

    # -- preview -> editor ------------------------------------------------------------------------
    def preview_scrolled(self) -> None:
        if self._busy or not self.enabled or not self.editor.isVisible():
            return
        top = self.preview.cursorForPosition(QPoint(0, 0)).position()
        segment = self.preview.segment_at(top)
        if segment is None or segment >= len(self.preview.body.starts):
            return
        offset = self.preview.body.starts[segment]
        block = self.editor.document().findBlock(offset)
        if block.isValid():
            self._set(self.editor.verticalScrollBar(), block.firstLineNumber())

    def _set(self, bar: object, value: int) -> None:
        self._busy = True
        try:
            bar.setValue(value)  # type: ignore[attr-defined]
        finally:
            self._busy = False
