"""The live preview: the article page as the site will publish it, patched as the text changes.

The page is kept as chunks in the QTextDocument: the header (rubric, date, title, standfirst,
byline), one chunk per Markdown segment of the body, and the footer (tags). A keystroke re-renders
the segments it touched (``IncrementalBody``) and replaces just those chunks, so the preview
follows typing at any length. A newly opened body is laid in progressively, top first, in slices
that never hold the UI thread for long; its segments are rendered as they are laid in. Bodies
with footnotes are rendered whole after a pause. A text longer than any article
(:mod:`redaction.domain.limits`) is previewed up to :data:`LONG_TEXT_HEAD_CHARS` (a laid-out page
costs about 50 bytes a character), and the page says where it stops.
Links are never followed and nothing remote is ever fetched. An image that cannot be shown (a
path, an ``image:`` the database does not hold) is a visible placeholder with its alt text
(:mod:`redaction.render.missing_images`), and so is a web image, which is never fetched.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetrics, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from redaction.domain.image_refs import is_remote, is_stored
from redaction.domain.limits import is_long_text
from redaction.render import kept
from redaction.render.incremental import BodyPatch, IncrementalBody
from redaction.render.missing_images import MISSING, REMOTE, replace_images
from redaction.render.page import PageInfo, article_page, footer_html, header_html, page_css
from redaction.ui import labels

FILL_SLICE_SECONDS = 0.025  # progressive loading: longest stretch on the UI thread
LONG_TEXT_HEAD_CHARS = 200_000  # how much of a long text is previewed: the longest long read
WHOLE_DELAY_MS = 400  # bodies with footnotes: re-render after this pause in typing
# The narrowest measure a reader is given (a phone's column): below it a headline breaks
# mid-word, so the editor beside it gives way first.
PREVIEW_MIN_CHARS = 32
_PLACEHOLDER = "<p>\u2063</p>"  # merged into the previous block, then deleted
_EMPTY_CHUNK = "<p>\u200b</p>"  # a segment with no output (definitions only) still needs a block


def _anchor_format() -> QTextBlockFormat:
    anchor = QTextBlockFormat()
    anchor.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    return anchor


def preview_css() -> str:
    """The page CSS for Qt: chunks are inserted without their ``article-body`` wrapper."""
    return page_css().replace(".article-body ", "")


class PreviewPane(QTextBrowser):
    painted_body = Signal()  # the preview document now reflects the latest body text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(preview_css())
        # Chunks are inserted without the page's <body>, so its CSS (serif text, page colours) is
        # given to the document and the widget directly: the preview is a page, in any theme.
        font = QFont()
        font.setFamilies(["Georgia", "DejaVu Serif", "Liberation Serif", "serif"])
        font.setPixelSize(17)
        self.document().setDefaultFont(font)
        self.setStyleSheet("QTextBrowser#preview { background-color: #ffffff; color: #1d1d1b; }")
        self.document().setDocumentMargin(24)
        margins = 2 * 24 + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        self.setMinimumWidth(QFontMetrics(font).averageCharWidth() * PREVIEW_MIN_CHARS + margins)
        self.document().setUndoRedoEnabled(False)
        self.body = IncrementalBody()
        # The HTML of the page shown when the window last closed: opening it again needs no
        # Markdown rendering, so the first screen paints without Python-Markdown.
        self.body.renderer.remember(kept.load(kept.cache_file()))
        self.info: PageInfo | None = None
        self.image_loader: Callable[[QUrl], object] | None = None
        self._starts: list[int] = []  # document position of the header and of each filled segment
        self._filled = 0  # segments laid into the document so far
        self._footer_start: int | None = None
        self._whole = False  # showing a whole-page render (footnotes)
        self._full_length: int | None = None  # a long text's length, when only its head is shown
        self._fill_timer = QTimer(self, singleShot=True, interval=0)
        self._fill_timer.timeout.connect(self._fill)
        self._whole_timer = QTimer(self, singleShot=True, interval=WHOLE_DELAY_MS)
        self._whole_timer.timeout.connect(self._render_whole)

    # -- what callers use ----------------------------------------------------------------------
    @property
    def rendered_html(self) -> str:
        """The page HTML being shown: the export's page for the same article, byte for byte."""
        if self.info is None:
            return ""
        return article_page(self.info, self.body.text, body_html=self.body.html())

    @property
    def complete(self) -> bool:
        """Every segment is laid in (progressive loading finished)."""
        return self._whole or (
            self.info is not None
            and self._filled == len(self.body.segments)
            and self._footer_start is not None
        )

    def show_page(self, info: PageInfo, body: str) -> None:
        """Load a page afresh (an article was opened)."""
        self.info = info
        self.body.reset(self._head(body))
        self._fill_timer.stop()
        self._whole_timer.stop()
        if self.body.whole:
            self._render_whole()
            return
        self._whole = False
        document = self.document()
        document.clear()
        # Position 0 holds an empty, one-pixel anchor block: every chunk then follows a block,
        # which is what lets inserted HTML keep its first block's format (see _insert_after).
        QTextCursor(document).setBlockFormat(_anchor_format())
        self._starts = []
        self._footer_start = None
        starts, _end = self._insert_after(0, [header_html(info)])
        self._starts = starts
        self._filled = 0
        self.verticalScrollBar().setValue(0)
        self._fill()

    def keep(self) -> bool:
        """Keep the page's HTML for the next start (:mod:`redaction.render.kept`); False when
        there is nothing to keep or it could not be written."""
        if self.info is None:
            return False
        entries = self.body.remembered(kept.MAX_CHARS)
        return bool(entries) and kept.save(kept.cache_file(), entries)

    def update_body(self, body: str) -> None:
        """The body text changed: patch the segments it touched."""
        if self.info is None:
            return
        if is_long_text(body) != (self._full_length is not None):
            self.show_page(self.info, body)  # it became long, or short again
            return
        was_whole = self._whole
        patch = self.body.update(self._head(body))
        if patch is None:
            return
        if self.body.whole:
            self._whole_timer.start()
            return
        if was_whole:  # footnotes went away: back to the incremental page
            self.show_page(self.info, self.body.text)
            return
        self._apply(patch)
        self.painted_body.emit()

    def update_info(self, info: PageInfo) -> None:
        """Title, rubric, standfirst, author, date or tags changed."""
        if info == self.info:
            return
        old, self.info = self.info, info
        if self._whole:
            self._whole_timer.start()
            return
        if old is None:
            return
        if header_html(old) != header_html(info):
            self._replace_chunk(0, header_html(info))
        if footer_html(old) != footer_html(info) and self._footer_start is not None:
            self._replace_footer(self._footer())

    def clear_page(self) -> None:
        self._fill_timer.stop()
        self._whole_timer.stop()
        self.info = None
        self._full_length = None
        self.body.reset("")
        self._starts = []
        self._filled = 0
        self._footer_start = None
        self._whole = False
        self.clear()

    def chunk_position(self, segment: int) -> int | None:
        """Document position where body segment ``segment`` starts, if laid in."""
        if self._whole or segment >= self._filled:
            return None
        return self._starts[segment + 1]

    def segment_at(self, position: int) -> int | None:
        """The body segment shown at a document position (for scroll sync)."""
        if self._whole or not self._filled:
            return None
        index = bisect.bisect_right(self._starts, position) - 2
        return max(0, min(index, self._filled - 1))

    # -- laying chunks into the document ------------------------------------------------------------
    def _insert_after(self, position: int, htmls: list[str]) -> tuple[list[int], int]:
        """Insert chunks after the block that ends at ``position``; their start positions and the
        end of the last one.

        QTextCursor.insertHtml merges the fragment's first block into the block at the cursor and
        drops its format (a heading would lose its level and margins). So each chunk is inserted
        behind a one-character placeholder paragraph, which is what gets merged, and which is
        then deleted: the chunk's own blocks arrive whole, with their formats.
        """
        cursor = QTextCursor(self.document())
        starts: list[int] = []
        for html in htmls:
            cursor.setPosition(position)
            cursor.insertHtml(_PLACEHOLDER + (html or _EMPTY_CHUNK))
            end = cursor.position()
            cursor.setPosition(position)
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            if position == 0:  # the anchor took the placeholder's paragraph format: give it back
                cursor.setBlockFormat(_anchor_format())
            starts.append(position + 1)
            position = end - 1
        return starts, position

    def _end_of(self, chunk: int) -> int:
        """Position just after chunk ``chunk`` (0 = header, k = segment k-1; -1 = the anchor)."""
        if chunk < 0:
            return 0
        if chunk + 1 < len(self._starts):
            return self._starts[chunk + 1] - 1
        if self._footer_start is not None:
            return self._footer_start - 1
        return self.document().characterCount() - 1

    def _fill(self) -> None:
        """Lay in the next segments, for a slice of time, then yield to the event loop."""
        deadline = time.perf_counter() + FILL_SLICE_SECONDS
        segments = len(self.body.segments)
        while self._filled < segments:
            self._replace_chunks(self._filled + 1, 0, [self._shown(self.body.segment_html(self._filled))])
            self._filled += 1
            if time.perf_counter() > deadline:
                self._fill_timer.start()
                return
        if self._footer_start is None and self.info is not None:
            (self._footer_start,), _end = self._insert_after(
                self._end_of(len(self._starts) - 1), [self._footer()]
            )
        self.painted_body.emit()

    def _apply(self, patch: BodyPatch) -> None:
        start, removed, added = patch.start, patch.removed, patch.added
        filling = self._footer_start is None
        if filling and start >= self._filled:
            return  # not laid in yet: the fill will take the new segments from the body
        if filling and start + removed > self._filled:
            # The edit reaches past what is laid in: drop the tail and let the fill redo it.
            self._remove_chunks(start + 1, self._filled - start)
            self._filled = start
            self._fill_timer.start()
            return
        # One edit block: the document lays itself out once for the whole patch, not once per
        # cursor operation (each costs milliseconds on a long page).
        batch = QTextCursor(self.document())
        batch.beginEditBlock()
        try:
            self._replace_chunks(start + 1, removed, [self._shown(h.strip("\n")) for h in added])
            self._filled += len(added) - removed
            for index, html in patch.changed.items():
                if index < self._filled:
                    self._replace_chunk(index + 1, self._shown(html.strip("\n")))
        finally:
            batch.endEditBlock()

    def _replace_chunk(self, chunk: int, html: str) -> None:
        self._replace_chunks(chunk, 1, [html])

    def _replace_chunks(self, chunk: int, removed: int, htmls: list[str]) -> None:
        if not htmls:
            self._remove_chunks(chunk, removed)
            return
        begin = self._end_of(chunk - 1)
        end = self._end_of(chunk + removed - 1) if removed else begin
        if removed:
            cursor = QTextCursor(self.document())
            cursor.setPosition(begin)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        starts, new_end = self._insert_after(begin, htmls)
        self._starts[chunk : chunk + removed] = starts
        self._shift(chunk + len(htmls), new_end - end)

    def _remove_chunks(self, chunk: int, count: int) -> None:
        if count <= 0:
            return
        cursor = QTextCursor(self.document())
        begin = self._end_of(chunk - 1)  # take the separator before the first removed chunk
        end = self._end_of(chunk + count - 1)
        cursor.setPosition(begin)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        del self._starts[chunk : chunk + count]
        self._shift(chunk, begin - end)

    def _shift(self, from_chunk: int, delta: int) -> None:
        if delta:
            starts = self._starts
            for index in range(from_chunk, len(starts)):
                starts[index] += delta
            if self._footer_start is not None:
                self._footer_start += delta

    def _replace_footer(self, html: str) -> None:
        assert self._footer_start is not None
        begin = self._footer_start - 1
        cursor = QTextCursor(self.document())
        cursor.setPosition(begin)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        (self._footer_start,), _end = self._insert_after(begin, [html])

    def _render_whole(self) -> None:
        self._whole_timer.stop()
        if self.info is None:
            return
        self._whole = True
        scroll = self.verticalScrollBar().value()
        self.setHtml(self._shown(self.rendered_html))
        self.verticalScrollBar().setValue(scroll)
        self.painted_body.emit()

    # -- long texts --------------------------------------------------------------------------------
    def _head(self, body: str) -> str:
        """What of ``body`` the page shows: all of it, or a long text's beginning, cut at the
        end of a paragraph."""
        if not is_long_text(body):
            self._full_length = None
            return body
        self._full_length = len(body)
        cut = body.find("\n\n", LONG_TEXT_HEAD_CHARS)
        return body[: cut if cut > 0 else LONG_TEXT_HEAD_CHARS]

    def _footer(self) -> str:
        assert self.info is not None
        if self._full_length is None:
            return footer_html(self.info)
        notice = self.tr("The preview stops here, at {0} of the text's {1} characters.").format(
            labels.number(len(self.body.text)), labels.number(self._full_length)
        )
        return f"<p><em>{escape(notice)}</em></p>" + footer_html(self.info)

    # -- images that cannot be shown -----------------------------------------------------------------
    def _shown(self, html: str) -> str:
        """``html`` as the document gets it: images it cannot show are placeholders."""
        language = self.info.language if self.info is not None else "en"
        return replace_images(html, self._image_kind, language)

    def _image_kind(self, src: str) -> str | None:
        if is_remote(src):
            return REMOTE
        if is_stored(src) and self.image_loader is not None and self.image_loader(QUrl(src)) is not None:
            return None
        return MISSING

    # -- Qt overrides --------------------------------------------------------------------------------
    def loadResource(self, kind: int, name: QUrl) -> object:
        # Never fetch anything remote: untrusted Markdown may point anywhere.
        if name.scheme() in ("http", "https", "ftp", "file"):
            return None
        if name.scheme() == "image" and self.image_loader is not None:
            return self.image_loader(name)
        return super().loadResource(kind, name)
