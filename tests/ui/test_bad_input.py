"""Bad input in the window: a clear message, the editor stays usable, nothing saved is lost."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QTextCursor

from redaction.services.articles import editing as article_service
from redaction.storage.database import Database


def _open(make_window, db: Database):
    window = make_window(db)
    window.open_article(1)
    return window


def test_pasting_ten_megabytes_is_refused_at_once(seeded_db: Database, make_window) -> None:
    window = _open(make_window, seeded_db)
    before = window.editor.body_edit.toPlainText()
    mime = QMimeData()
    mime.setText("Un texte très long. " * 550_000)  # about 11 MB
    window.editor.body_edit.insertFromMimeData(mime)
    assert "MB" in window.statusBar().currentMessage()
    assert window.editor.body_edit.toPlainText() == before
    assert not window.isWindowModified()


def test_pasting_binary_data_is_refused(seeded_db: Database, make_window) -> None:
    window = _open(make_window, seeded_db)
    before = window.editor.body_edit.toPlainText()
    mime = QMimeData()
    mime.setText("PK\x03\x04\x00\x00\x00\x08\x00" + "\x00\x01\x02\x03" * 200)
    window.editor.body_edit.insertFromMimeData(mime)
    assert window.statusBar().currentMessage()
    assert window.editor.body_edit.toPlainText() == before


def test_dropping_a_broken_image_names_it_and_keeps_the_text(
    tmp_path: Path, seeded_db: Database, make_window
) -> None:
    window = _open(make_window, seeded_db)
    broken = tmp_path / "photo.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + b"\x00" * 3)  # truncated header
    before = window.editor.body_edit.toPlainText()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(broken))])
    window.editor.body_edit.insertFromMimeData(mime)
    assert "photo.png" in window.statusBar().currentMessage()
    assert window.editor.body_edit.toPlainText() == before
    # and the editor still works: type, save, find it stored
    window.editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.body_edit.insertPlainText(" Suite.")
    assert window.save()
    with seeded_db.session() as s:
        assert article_service.get_article_in(s, 1).fields.body.endswith("Suite.")
