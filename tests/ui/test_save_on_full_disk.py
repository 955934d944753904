"""Ctrl+S in the real window onto a disk that is really full (a small tmpfs, filled): the text on
screen is kept, the message says the disk is full and how much room is left, the database keeps
the saved version; once there is room, Ctrl+S saves the same text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from redaction.services.articles.editing import create_article, get_article_in
from redaction.services.articles.values import ArticleFields
from redaction.storage.database import Database
from tests.robustness.disks import fill, make_room, small_disk
from tests.ui.keys import type_at_end

TYPED = " Une phrase tapee au dernier moment."  # QTest types ASCII only


def _stored_body(db: Database, article_id: int) -> str:
    with db.session() as session:
        return get_article_in(session, article_id).fields.body


def _on_screen(window: object) -> str:
    return window.editor.body_edit.document().toRawText()  # type: ignore[attr-defined]  # keeps U+00A0


def test_ctrl_s_onto_a_full_disk_keeps_the_text_and_says_how_full(
    tmp_path: Path, qtbot, make_window, monkeypatch
) -> None:
    with small_disk(tmp_path / "disk", "8m") as disk:
        db = Database.open(disk / "newsroom.db")
        try:
            article = create_article(db, ArticleFields(title="La criée", body="Le texte enregistré."))
            window = make_window(db)
            qtbot.waitUntil(lambda: window.editor.detail is not None)
            body = window.editor.body_edit
            type_at_end(qtbot, body, TYPED)

            # Every byte of the disk taken, the write-ahead log emptied first so that the save
            # needs new room (a log with room left in it would take a small save, rightly).
            conn = sqlite3.connect(disk / "newsroom.db")
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            conn.close()
            assert busy == 0
            fill(disk)

            shown: list[str] = []
            monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
            qtbot.keyClick(body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

            assert len(shown) == 1
            assert shown[0].startswith("The disk is full (") and "free where" in shown[0]
            assert "Your text is still in the editor." in shown[0]
            assert _on_screen(window).endswith(TYPED)
            assert window.isWindowModified()
            assert _stored_body(db, article.id) == "Le texte enregistré."
            check = sqlite3.connect(disk / "newsroom.db")
            assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            check.close()

            make_room(disk)
            qtbot.keyClick(body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
            assert len(shown) == 1  # no second message
            assert _stored_body(db, article.id) == "Le texte enregistré." + TYPED
            assert not window.isWindowModified()
            window.close()
        finally:
            db.close()
