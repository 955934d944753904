"""Images for the preview: ``image:<hash>`` URLs answered from the database, decoded once.

An :class:`ImageResources` is the callable ``PreviewPane.image_loader`` expects
(``QUrl -> QImage | None``). Decoded images are kept in a small LRU cache, so retyping a
paragraph does not decode its photo again; photos wider than ``max_width`` are decoded at that
width (JPEG decodes scaled, much faster than full size), since the preview column is narrower.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QUrl
from PySide6.QtGui import QImage, QImageReader

from redaction.domain.image_refs import parse_image_url
from redaction.domain.images import MB
from redaction.services import opening as reads

if TYPE_CHECKING:
    from redaction.storage.database import Database


class ImageResources:
    def __init__(self, db: Database, max_width: int = 1600, budget: int = 64 * MB) -> None:
        self.db = db
        self.max_width = max_width
        self.budget = budget
        self._cache: OrderedDict[str, QImage] = OrderedDict()
        self._used = 0
        self.decoded = 0  # how many images were decoded (tests and benchmarks read it)

    def __call__(self, url: QUrl) -> QImage | None:
        text = url.toString()
        prefix = parse_image_url(text)
        if prefix is None:
            return None
        image = self._cache.get(prefix)
        if image is not None:
            self._cache.move_to_end(prefix)
            return image
        data = reads.image_resource(self.db, text)
        if data is None:
            return None  # not cached: the image may be stored a moment later
        image = self._decode(data)
        if image.isNull():
            return None
        self._cache[prefix] = image
        self._used += image.sizeInBytes()
        while self._used > self.budget and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._used -= old.sizeInBytes()
        return image

    def _decode(self, data: bytes) -> QImage:
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        size = reader.size()
        if size.isValid() and size.width() > self.max_width:
            height = max(1, size.height() * self.max_width // size.width())
            reader.setScaledSize(QSize(self.max_width, height))
        self.decoded += 1
        return reader.read()

    def clear(self) -> None:
        self._cache.clear()
        self._used = 0
