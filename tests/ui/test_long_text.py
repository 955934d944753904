"""A text far longer than any article (issue 11.10) opens to a window that works: the writer can
type in it, save it, and sees why it looks plainer than usual (long-text mode)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from redaction.domain.limits import LONG_TEXT_CHARS
from redaction.domain.textstats import text_stats
from redaction.services.articles import editing as article_service
from redaction.services.articles.values import ArticleFields
from redaction.storage.database import Database
from redaction.ui import labels

PARAGRAPH = "Le conseil municipal a voté le budget de l’année, après un long débat.\n\n"
LONG_BODY = "## Première partie\n\n" + PARAGRAPH * (LONG_TEXT_CHARS // len(PARAGRAPH) + 1000)


def test_a_text_longer_than_any_article_opens_and_takes_typing(qtbot, db: Database, make_window) -> None:
    article = article_service.create_article(
        db, ArticleFields(title="Le compte rendu intégral", body=LONG_BODY)
    )
    window = make_window(db)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    assert window.editor.detail.id == article.id
    editor = window.editor

    assert editor.long_text_notice.isVisible()
    assert "spell checking are off" in editor.long_text_notice.text()
    assert not editor.highlighter.active

    editor.body_edit.setFocus()
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor.body_edit, "Intro. ")
    assert editor.fields().body == "Intro. " + LONG_BODY
    assert window.isWindowModified()

    # The page shows the text's beginning, with the edit, and says where it stops.
    qtbot.waitUntil(lambda: editor.preview.complete, timeout=20_000)
    shown = editor.preview.toPlainText()
    assert "Intro." in shown and "The preview stops here" in shown
    # The counts come from a worker thread, for the text as typed.
    words = labels.number(text_stats("Intro. " + LONG_BODY).words)
    qtbot.waitUntil(lambda: window.stats_label.text().startswith(f"{words} words"), timeout=30_000)

    qtbot.keyClick(editor.body_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert article_service.get_article(db, article.id).fields.body == "Intro. " + LONG_BODY


def test_an_ordinary_article_after_a_long_one_is_highlighted_again(qtbot, db: Database, make_window) -> None:
    long = article_service.create_article(db, ArticleFields(title="Intégral", body=LONG_BODY))
    short = article_service.create_article(db, ArticleFields(title="Brève", body="## Titre\n\nUn *mot*."))
    window = make_window(db)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    window.open_article(long.id)
    assert not window.editor.highlighter.active
    window.open_article(short.id)
    editor = window.editor
    assert editor.highlighter.active and not editor.long_text_notice.isVisible()
    assert editor.fields().body == "## Titre\n\nUn *mot*."
    qtbot.waitUntil(lambda: not editor.highlighter.is_busy())
    heading = editor.body_edit.document().firstBlock().layout().formats()
    assert heading, "the heading line is formatted again"
