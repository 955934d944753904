"""The headline as a writer types it: French typography as in the body, and the window's title
follows it ("(untitled)" only while there is none)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from redaction.services.articles import editing as article_service
from redaction.storage.database import Database
from tests.ui.keys import press

NBSP = "\u00a0"


def test_the_headline_gets_french_typography_as_you_type(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.open_article(1)  # a French article
    title = window.editor.title_edit
    title.setFocus()
    title.clear()
    qtbot.keyClicks(title, 'Brest: le port "vivant" ouvre a 8 h.')
    assert title.text() == f"Brest{NBSP}: le port «{NBSP}vivant{NBSP}» ouvre a 8{NBSP}h."
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the last fix
    assert title.text().endswith("8 h.")
    press(qtbot, title, "Ctrl+S")
    saved = article_service.get_article(seeded_db, 1).fields.title
    assert saved.startswith(f"Brest{NBSP}:")  # stored with its no-break space


def test_apply_typography_fixes_the_headline_and_standfirst_too(
    qtbot, seeded_db: Database, make_window
) -> None:
    window = make_window(seeded_db)
    window.open_article(1)
    editor = window.editor
    editor.title_edit.setText("Douarnenez: la criée rouvre")
    editor.standfirst_edit.setPlainText("Trois bateaux? Non: dix.")
    editor.body_edit.setFocus()
    press(qtbot, editor.body_edit, "Ctrl+Alt+T")
    assert editor.title_edit.text() == f"Douarnenez{NBSP}: la criée rouvre"
    assert editor.fields().standfirst == f"Trois bateaux\u202f? Non{NBSP}: dix."
    assert "corrected" in window.statusBar().currentMessage()


def test_english_headlines_are_left_alone(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.open_article(3)  # English
    title = window.editor.title_edit
    title.setFocus()
    title.clear()
    qtbot.keyClicks(title, "Brest: a draw")
    assert title.text() == "Brest: a draw"


def test_the_window_title_follows_the_headline_as_typed(qtbot, db: Database, make_window) -> None:
    window = make_window(db)
    press(qtbot, window.articles.view, "Ctrl+N")
    assert window.windowTitle().startswith("(untitled)")
    qtbot.keyClicks(window.editor.title_edit, "La criee")
    assert window.windowTitle().startswith("La criee")  # before any save
    window.editor.title_edit.clear()
    assert window.windowTitle().startswith("(untitled)")
