"""The live preview: the article page as the site will publish it, rendered by the export's renderer.

Re-rendering is merged over a short delay that grows with the document, so typing never waits
on the preview. Links are not followed and nothing remote is ever fetched.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from redaction.render.page import PageInfo, article_page
from redaction.services.articles import ArticleFields


def render_delay_ms(text_length: int) -> int:
    """ghostwriter-style: tiny for a brief, longer for a book-length piece."""
    return min(600, 40 + text_length // 500)


class PreviewPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._pending: tuple[ArticleFields, date] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.render_now)
        self.rendered_html = ""

    def schedule(self, fields: ArticleFields, day: date) -> None:
        self._pending = (fields, day)
        self._timer.start(render_delay_ms(len(fields.body)))

    def render_now(self) -> None:
        self._timer.stop()
        if self._pending is None:
            return
        fields, day = self._pending
        self._pending = None
        info = PageInfo(
            title=fields.title,
            rubric=fields.rubric,
            standfirst=fields.standfirst,
            author=fields.author,
            language=fields.language,
            day=day,
            tags=fields.tags,
        )
        self.rendered_html = article_page(info, fields.body)
        scroll = self.verticalScrollBar().value()
        self.setHtml(self.rendered_html)
        self.verticalScrollBar().setValue(scroll)

    def clear_page(self) -> None:
        self._pending = None
        self._timer.stop()
        self.rendered_html = ""
        self.clear()

    def loadResource(self, kind: int, name: QUrl) -> object:
        # Never fetch anything remote from the preview: untrusted Markdown may point anywhere.
        if name.scheme() in ("http", "https", "ftp"):
            return None
        return super().loadResource(kind, name)
