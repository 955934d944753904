"""The preview shows image: references from the database, decoding each photo once."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from redaction.services.articles.images import ImageStore
from redaction.storage.database import Database
from redaction.ui.editor.image_resources import ImageResources
from tests.image_samples import GIF, PNG


class Browser(QTextBrowser):
    """The hook as PreviewPane.loadResource calls it."""

    def __init__(self, loader: ImageResources) -> None:
        super().__init__()
        self.loader = loader

    def loadResource(self, kind: int, name: QUrl) -> object:
        if name.scheme() == "image":
            return self.loader(name)
        return super().loadResource(kind, name)


def jpeg(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG")
    return bytes(buffer.data().data())


def test_the_preview_shows_stored_images_and_decodes_each_once(qtbot: QtBot, db: Database) -> None:
    store = ImageStore(db)
    png, gif = store.add_bytes(PNG, "a.png"), store.add_bytes(GIF, "b.gif")
    loader = ImageResources(db)
    browser = Browser(loader)
    qtbot.addWidget(browser)
    html = f'<p><img src="{png.url}"> <img src="{gif.url}"> <img src="image:{"0" * 16}"></p>'
    browser.setHtml(html)
    kind = QTextDocument.ResourceType.ImageResource
    shown = browser.document().resource(kind, QUrl(png.url))
    assert isinstance(shown, QImage) and (shown.width(), shown.height()) == (3, 2)
    assert browser.document().resource(kind, QUrl(gif.url)).size().width() == 3
    assert loader.decoded == 2
    browser.setHtml(html)  # the next render asks again: answered from the cache
    for url in (png.url, gif.url):
        assert loader(QUrl(url)) is not None
    assert loader.decoded == 2
    assert loader(QUrl("https://example.com/a.png")) is None


def test_wide_photos_are_decoded_at_the_preview_width(db: Database) -> None:
    stored = ImageStore(db).add_bytes(jpeg(2400, 1200), "wide.jpg")
    image = ImageResources(db, max_width=800)(QUrl(stored.url))
    assert image is not None and (image.width(), image.height()) == (800, 400)


def test_the_cache_stays_within_its_budget(db: Database) -> None:
    store = ImageStore(db)
    urls = [store.add_bytes(jpeg(200 + n, 100), f"{n}.jpg").url for n in range(4)]
    loader = ImageResources(db, budget=200 * 100 * 4 * 2 + 10_000)  # about two decoded photos
    for url in urls:
        loader(QUrl(url))
    loader(QUrl(urls[0]))
    assert loader.decoded == 5  # the first one had been evicted
    loader(QUrl(urls[0]))
    assert loader.decoded == 5
