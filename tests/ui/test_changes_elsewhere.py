"""What another program changes in the database reaches the open window: the command line in
another process, or a second window on the same file. Nothing is reopened by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from redaction.services.articles import editing as article_service
from redaction.services.articles.values import ArticleFields
from redaction.storage.database import Database
from redaction.ui.context import AppContext
from redaction.ui.main_window import MainWindow


def cli(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "redaction", *args], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def titles(window: MainWindow) -> list[str]:
    model = window.articles.model
    return [model.summary(r).title for r in range(model.rowCount())]


def test_the_command_line_in_another_process_reaches_the_open_window(
    qtbot, seeded_db: Database, db_path: Path, tmp_path: Path, make_window
) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.current_article_id() is not None)
    assert window.articles.select_article(1)
    panel = window.comments.queue
    pending = [panel.model.comment(r).id for r in range(panel.model.rowCount())]
    assert len(pending) == 2

    md = tmp_path / "depeche.md"
    md.write_text("---\ntitle: Dépêche de la nuit\n---\n\nTexte.\n", encoding="utf-8")
    cli("import", str(md), "--db", str(db_path))
    qtbot.waitUntil(lambda: "Dépêche de la nuit" in titles(window), timeout=10_000)
    assert window.current_article_id() == 1  # the list was read again; the open article stays

    cli("moderate", "approve", str(pending[0]), "--db", str(db_path))
    qtbot.waitUntil(lambda: panel.tabs.tabText(0) == "Pending (1)", timeout=10_000)
    assert panel.model.has_left(panel.model.row_of(pending[0]))  # shown moved, where it was
    row = window.articles.model.row_of(1)
    assert window.articles.model.summary(row).pending_comments == 1


def test_an_article_saved_elsewhere_shows_its_new_text_unless_something_is_typed_here(
    qtbot, seeded_db: Database, db_path: Path, make_window
) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.current_article_id() is not None)
    assert window.articles.select_article(1)
    other = Database.open(db_path)  # another window's database handle: another writer
    try:
        detail = article_service.get_article(other, 1)
        fields = ArticleFields(title="La criée de Douarnenez, le retour", body=detail.fields.body)
        saved = article_service.save_article(other, 1, fields, detail.version, "Yann")
        qtbot.waitUntil(
            lambda: window.editor.title_edit.text() == "La criée de Douarnenez, le retour", timeout=10_000
        )
        # Now something is typed here when they save again: it stays on screen.
        window.editor.body_edit.setFocus()
        window.editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(window.editor.body_edit, " Ajout.")
        article_service.save_article(other, 1, ArticleFields(title="Troisième titre"), saved.version, "Yann")
        qtbot.waitUntil(lambda: "merge" in window.statusBar().currentMessage(), timeout=10_000)
        assert window.editor.title_edit.text() == "La criée de Douarnenez, le retour"
        assert window.editor.body_edit.toPlainText().endswith(" Ajout.")
    finally:
        window.editor.load(article_service.get_article(seeded_db, 1))  # nothing left to save
        other.close()


def test_two_windows_on_one_file_follow_each_others_decisions(
    qtbot, seeded_db: Database, db_path: Path, make_window, request
) -> None:
    first = make_window(seeded_db)
    qtbot.waitUntil(lambda: first.current_article_id() is not None)
    assert first.articles.select_article(1)
    second_db = Database.open(db_path)
    request.addfinalizer(second_db.close)
    second_ctx = AppContext(second_db)
    request.addfinalizer(second_ctx.close)
    second = MainWindow(second_ctx)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.current_article_id() is not None)
    assert second.articles.select_article(1)
    with qtbot.waitActive(second):
        second.activateWindow()
    queue = second.comments.queue
    queue.view.setFocus()
    decided = queue.model.comment(queue.current_row()).id
    qtbot.keyClick(queue.view, Qt.Key.Key_S)  # spam, in the second window
    panel = first.comments.queue
    qtbot.waitUntil(lambda: panel.tabs.tabText(2) == "Spam (1)", timeout=10_000)
    assert panel.model.has_left(panel.model.row_of(decided))
