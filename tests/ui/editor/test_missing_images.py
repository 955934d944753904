"""An image that cannot be shown is seen: a placeholder with its alt text in the preview, a house
rule that keeps the article from Ready."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from redaction.render.page import PageInfo
from redaction.services.articles.editing import create_article_in
from redaction.services.articles.images import ImageStore
from redaction.services.articles.values import ArticleFields
from redaction.storage.database import Database
from redaction.ui.editor.image_resources import ImageResources
from redaction.ui.editor.preview import PreviewPane
from tests.image_samples import PNG
from tests.ui.keys import type_text

INFO = PageInfo("Le marché", "Économie", "Chapô", "Anne", "fr", date(2025, 4, 19))
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def image_sources(pane: PreviewPane) -> list[str]:
    found = []
    block = pane.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(fmt.toImageFormat().name())
            fragments += 1
        block = block.next()
    return found


def test_the_preview_shows_a_placeholder_with_the_alt_text(qtbot: QtBot, db: Database) -> None:
    stored = ImageStore(db).add_bytes(PNG, "port.png")
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.image_loader = ImageResources(db)
    body = (
        f"![Le port]({stored.url})\n\n![Le marché](images/marche.jpg)\n\n"
        f"![Photo perdue](image:{'0' * 16})\n\n![Le phare](https://example.org/phare.jpg)"
    )
    pane.show_page(INFO, body)
    qtbot.waitUntil(lambda: pane.complete)
    text = pane.document().toRawText()  # toPlainText() would turn the no-break spaces into spaces
    assert "Image introuvable\u00a0: Le marché" in text
    assert "Image introuvable\u00a0: Photo perdue" in text
    assert "Image en ligne, non chargée dans l’aperçu\u00a0: Le phare" in text
    assert image_sources(pane) == [stored.url]  # the stored photo is shown, nothing else is asked
    kind = QTextDocument.ResourceType.ImageResource
    assert pane.document().resource(kind, stored.url) is not None
    # The placeholder stands out from the text around it.
    cursor = pane.document().find("Le marché", pane.document().find("Image introuvable"))
    assert cursor.charFormat().background().color().name() == "#fbeaea"
    # The exported page is not changed by what the preview shows in place of images.
    assert 'src="images/marche.jpg"' in pane.rendered_html


def test_typing_a_missing_image_shows_it_and_keeps_the_article_from_ready(
    qtbot: QtBot, db: Database, make_window
) -> None:
    with db.session() as session:
        create_article_in(
            session,
            ArticleFields(
                title="Le marché du samedi",
                rubric="Économie",
                standfirst="Les étals reviennent.",
                status="in_review",
                body="Le marché ouvre à 8 h.",
            ),
        )
    window = make_window(db)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    edit = window.editor.body_edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, edit, "\n\n![Les etals](images/marche.jpg)")
    preview = window.editor.preview
    qtbot.waitUntil(lambda: "Image introuvable\u00a0: Les etals" in preview.document().toRawText())

    qtbot.keyClick(edit, Qt.Key.Key_Y, CTRL_SHIFT)  # Mark Ready
    assert window.editor.detail.fields.status == "in_review"  # refused
    view = window.writing.rules_view
    assert [view.item(i).text() for i in range(view.count())] == ["Image not found: “Les etals” (body)."]

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # go to the image in the text
    assert edit.hasFocus()
    assert edit.textCursor().position() == edit.toPlainText().index("![Les etals]")
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # the writer removes it
    qtbot.keyClick(edit, Qt.Key.Key_Y, CTRL_SHIFT)
    assert window.editor.detail.fields.status == "ready"
