"""What a paste or a drop brings into the body editor, sorted before anything touches the text.

``read_payload`` turns a QMimeData into image files, image bytes or plain text, refusing
(with a sentence for the status bar) text that is too big or binary. Sizes are checked before
the text is copied into the document, so a 10 MB paste is refused in milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMimeData
from PySide6.QtGui import QImage, QTextDocument

from redaction.domain.images import MB, format_size

PASTE_LIMIT = 5 * MB
IMAGE_FORMATS = ("image/png", "image/jpeg", "image/gif", "image/webp")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_SAMPLE = 64 * 1024


@dataclass(slots=True)
class Payload:
    """One of: files, image bytes, text; or ``refused`` with the reason."""

    files: list[Path] = field(default_factory=list)
    image: bytes = b""
    text: str = ""
    refused: str = ""


def looks_binary(text: str) -> bool:
    """NUL bytes, or more than 5% control characters in the first 64 K characters."""
    if "\x00" in text:
        return True
    sample = text[:_SAMPLE]
    return len(_CONTROL.findall(sample)) > len(sample) // 20


def check_text(text: str, limit: int = PASTE_LIMIT) -> str:
    """ "" when ``text`` may be pasted; otherwise why not."""
    size = len(text) if len(text) > limit or len(text) * 4 <= limit else len(text.encode("utf-8"))
    if size > limit:
        return (
            QCoreApplication.translate(
                "MarkdownEdit", "The text to paste is %1; the limit is %2. Nothing was pasted."
            )
            .replace("%1", format_size(size))
            .replace("%2", format_size(limit))
        )
    if looks_binary(text):
        return QCoreApplication.translate(
            "MarkdownEdit", "What you tried to paste is binary data, not text. Nothing was pasted."
        )
    return ""


def normalise(text: str) -> str:
    """One kind of line break: Qt would turn \\u2028 into an invisible in-paragraph break."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


def _image_bytes(source: QMimeData) -> bytes:
    for fmt in IMAGE_FORMATS:  # the original file's bytes when the source offers them
        if source.hasFormat(fmt):
            return bytes(source.data(fmt).data())
    image = source.imageData()
    if not isinstance(image, QImage) or image.isNull():
        return b""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def read_payload(source: QMimeData, limit: int = PASTE_LIMIT) -> Payload:
    """Local files first (a drop from the file manager), then plain text, then image data, then
    HTML converted to Markdown (a browser's text always comes with a plain-text version)."""
    if source.hasUrls():
        files = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
        if files:
            return Payload(files=files)
    if source.hasText():
        text = source.text()
        problem = check_text(text, limit)
        return Payload(refused=problem) if problem else Payload(text=normalise(text))
    if source.hasImage() or any(source.hasFormat(fmt) for fmt in IMAGE_FORMATS):
        return Payload(image=_image_bytes(source))
    if source.hasHtml():
        html = source.html()
        problem = check_text(html, limit)
        if problem:
            return Payload(refused=problem)
        document = QTextDocument()
        document.setHtml(html)
        return Payload(text=normalise(document.toMarkdown().strip("\n")))
    return Payload()
