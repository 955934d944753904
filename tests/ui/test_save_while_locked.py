"""Ctrl+S while another program holds the database's write lock (a long import from the command
line, here a real second process): the window does not freeze, a dialog says what it waits for;
the save goes through once the other program is done, or the person stops waiting (Escape) and
keeps the text on screen, unsaved, to save later."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from redaction.services.articles.editing import create_article, get_article_in
from redaction.services.articles.values import ArticleFields
from redaction.storage.database import Database
from tests.robustness.locks import LockHolder
from tests.ui.keys import type_at_end, when_lock_wait_shows

TYPED = " Ajout pendant un import."


def _stored_body(db: Database, article_id: int) -> str:
    with db.session() as session:
        return get_article_in(session, article_id).fields.body


def _window_with_typing(db: Database, qtbot, make_window, monkeypatch):
    """An article open with words typed after its saved text; error dialogs collected."""
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: errors.append(text))
    article = create_article(db, ArticleFields(title="La criée", body="Le texte enregistré."))
    window = make_window(db)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    body = window.editor.body_edit
    type_at_end(qtbot, body, TYPED)
    return article, window, body, errors


def test_ctrl_s_waits_for_the_other_program_without_freezing_then_saves(
    db: Database, qtbot, make_window, monkeypatch
) -> None:
    article, window, body, errors = _window_with_typing(db, qtbot, make_window, monkeypatch)
    holder = LockHolder(str(db.engine.url.database))
    try:
        shown = when_lock_wait_shows(lambda _dialog: holder.release())
        qtbot.keyClick(body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    finally:
        holder.release()

    assert len(shown) == 1 and shown[0].startswith("Another program is writing to the database")
    assert errors == []
    assert _stored_body(db, article.id) == "Le texte enregistré." + TYPED
    assert not window.isWindowModified()
    assert QApplication.activeModalWidget() is None  # the dialog is gone
    qtbot.waitUntil(lambda: QApplication.focusWidget() is body)  # the keyboard is back where it was


def test_escape_stops_waiting_keeps_the_text_and_a_later_ctrl_s_saves_it(
    db: Database, qtbot, make_window, monkeypatch
) -> None:
    article, window, body, errors = _window_with_typing(db, qtbot, make_window, monkeypatch)
    holder = LockHolder(str(db.engine.url.database))
    try:
        shown = when_lock_wait_shows(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
        qtbot.keyClick(body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

        assert len(shown) == 1
        assert errors == []  # the person chose to stop: said in the status bar, no dialog
        assert "you stopped waiting" in window.statusBar().currentMessage()
        assert body.document().toRawText().endswith(TYPED)
        assert window.isWindowModified()
        assert _stored_body(db, article.id) == "Le texte enregistré."
    finally:
        holder.release()

    qtbot.waitUntil(lambda: QApplication.focusWidget() is body)
    qtbot.keyClick(body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert _stored_body(db, article.id) == "Le texte enregistré." + TYPED
    assert not window.isWindowModified()
