"""File ▸ Restore from Backup…: the list, a manual backup, and a restore that reopens the window
on the restored database; a server database is explained instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import create_engine

from redaction.services.articles import editing as article_service
from redaction.services.articles.values import ArticleFields
from redaction.services.backup import back_up_now, list_backups
from redaction.storage.database import Database
from redaction.ui.backup_dialog import BackupDialog
from redaction.ui.shell import Desk


def row_titles(window) -> list[str]:
    model = window.articles.model
    return sorted(model.index(r, 0).data() for r in range(model.rowCount()))


def click_in_message_box(text: str) -> None:
    """Press the button labelled ``text`` in the confirmation box that is about to open."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        buttons = [b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == text]
        if not buttons:
            box.reject()  # never leave a modal box open: the test would hang instead of failing
            raise AssertionError(f"no button {text!r} in {[b.text() for b in box.findChildren(QPushButton)]}")
        buttons[0].click()

    QTimer.singleShot(0, press)


def test_backups_are_listed_with_their_contents(qtbot, seeded_db: Database) -> None:
    back_up_now(seeded_db)
    dialog = BackupDialog(seeded_db)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in (1, 3, 4)] == ["Asked for", "3", "3"]
    assert dialog.restore_button.isEnabled()

    dialog.backup_button.click()
    assert dialog.table.rowCount() == 2


def test_restore_replaces_the_database_and_reopens_the_window(qapp, qtbot, db_path: Path) -> None:
    db = Database.open(db_path)
    article_service.create_article(db, ArticleFields(title="Avant la sauvegarde"), "test")
    back_up_now(db)
    article_service.create_article(db, ArticleFields(title="Écrit après"), "test")
    desk = Desk(qapp, db)
    try:
        first = desk.window
        with qtbot.waitExposed(first):
            first.show()
        qtbot.waitUntil(lambda: len(row_titles(first)) == 2)

        first.ctx.actions["file_restore_backup"].trigger()
        dialog = first.findChild(BackupDialog)
        assert dialog is not None and dialog.table.rowCount() == 1
        click_in_message_box("Restore")
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: desk.window is not first)

        window = desk.window
        qtbot.waitUntil(lambda: row_titles(window) == ["Avant la sauvegarde"])
        assert "Backup restored" in window.statusBar().currentMessage()
        # What was replaced is one restore away.
        assert [b.reason for b in list_backups(desk.db)] == ["before-restore", "manual"]
    finally:
        desk.window.close()
        desk.close()


def test_cancelling_the_confirmation_changes_nothing(qtbot, seeded_db: Database) -> None:
    back_up_now(seeded_db)
    dialog = BackupDialog(seeded_db)
    qtbot.addWidget(dialog)
    dialog.show()
    click_in_message_box("Cancel")
    dialog.restore_button.click()
    assert dialog.chosen is None and dialog.isVisible()


def test_a_server_database_is_explained_not_listed(qtbot) -> None:
    server = Database(create_engine("sqlite://"), "postgresql://redaction@db.example.org/newsroom")
    dialog = BackupDialog(server)
    qtbot.addWidget(dialog)
    assert not dialog.table.isVisibleTo(dialog)
    assert "on a server" in dialog.intro.text() and "pg_dump" in dialog.intro.text()
    assert "db.example.org" in dialog.intro.text()
