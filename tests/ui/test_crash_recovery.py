"""Killing the app while someone types loses at most the last couple of seconds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from redaction.services.articles import autosave as autosave_service
from redaction.services.articles import editing as article_service
from redaction.services.articles.values import ArticleFields
from redaction.storage.database import Database

CHILD = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    QCoreApplication.setOrganizationName("redaction-crash-test")
    from redaction.storage.database import Database
    from redaction.ui.context import AppContext
    from redaction.ui.main_window import MainWindow

    window = MainWindow(AppContext(Database.open(sys.argv[1])))
    window.show()
    window.open_article(1)
    edit = window.editor.body_edit
    edit.moveCursor(QTextCursor.MoveOperation.End)
    edit.setFocus()
    count = [0]

    def type_word():  # a journalist typing without a pause, a word every 200 ms
        QTest.keyClicks(edit, f" mot{count[0]}")
        print(count[0], time.monotonic(), flush=True)
        count[0] += 1

    timer = QTimer(interval=200)
    timer.timeout.connect(type_word)
    timer.start()
    app.exec()
    """
)


def test_kill_while_typing_keeps_all_but_the_last_seconds(tmp_path: Path, qtbot, make_window) -> None:
    db_path = tmp_path / "crash.db"
    db = Database.open(db_path)
    article = article_service.create_article(db, ArticleFields(title="Conseil municipal", body="Le début."))
    db.close()
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    child = subprocess.Popen(
        [sys.executable, str(script), str(db_path)], stdout=subprocess.PIPE, text=True, env=env
    )
    typed: list[tuple[int, float]] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            number, moment = line.split()
            typed.append((int(number), float(moment)))
            if len(typed) >= 30:  # six seconds of continuous typing
                break
    finally:
        child.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()

    db = Database.open(db_path)
    try:
        with db.session() as s:
            assert (
                article_service.get_article_in(s, article.id).fields.body == "Le début."
            )  # autosave never overwrote it
        recovered = autosave_service.read_autosave(db, article.id)
        assert recovered is not None
        safe = [n for n, moment in typed if moment < killed_at - 2.5]
        assert safe, "the child typed for long enough"
        missing = [n for n in safe if f"mot{n}" not in recovered.fields.body.split()]
        assert missing == []

        window = make_window(db)
        window.open_article(article.id)
        assert window.editor.recovery_banner.isVisible()
        assert "Recovered text you had not saved" in window.editor.recovery_banner.label.text()
        assert f"mot{safe[-1]}" in window.editor.body_edit.toPlainText()
        assert window.isWindowModified()
        assert window.save()
        assert autosave_service.read_autosave(db, article.id) is None
        with db.session() as s:
            assert f"mot{safe[-1]}" in article_service.get_article_in(s, article.id).fields.body
    finally:
        db.close()


def test_discarding_recovered_text_restores_the_saved_version(seeded_db: Database, make_window) -> None:
    with seeded_db.session() as s:
        detail = article_service.get_article_in(s, 1)
    autosave_service.write_autosave(
        seeded_db,
        1,
        ArticleFields(**{**_fields(detail.fields), "body": "Brouillon perdu"}),
        detail.version,
        "anne",
    )
    window = make_window(seeded_db)
    window.open_article(1)
    assert window.editor.body_edit.toPlainText() == "Brouillon perdu"
    window.editor.recovery_banner.discard_button.click()
    assert window.editor.body_edit.toPlainText() == detail.fields.body
    assert not window.isWindowModified()
    assert autosave_service.read_autosave(seeded_db, 1) is None


def test_autosave_after_typing_and_on_focus_change(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.open_article(1)
    window.editor.body_edit.setFocus()
    qtbot.keyClicks(window.editor.body_edit, "abc")
    window.editor.title_edit.setFocus()  # leaving the body writes at once
    window.autosaver.wait()
    recovered = autosave_service.read_autosave(seeded_db, 1)
    assert recovered is not None and "abc" in recovered.fields.body


def _fields(f: ArticleFields) -> dict:
    return {
        "title": f.title,
        "rubric": f.rubric,
        "standfirst": f.standfirst,
        "tags": f.tags,
        "author": f.author,
        "language": f.language,
        "status": f.status,
        "body": f.body,
    }


def test_an_autosave_racing_a_save_never_fails(seeded_db: Database) -> None:
    # The buffer may be cleared by a save between two autosaves; writing again must just work.
    fields = ArticleFields(title="T", body="Texte")
    autosave_service.write_autosave(seeded_db, 1, fields, 1, "anne")
    autosave_service.clear_autosave(seeded_db, 1)
    autosave_service.write_autosave(seeded_db, 1, fields, 1, "anne")
    autosave_service.write_autosave(seeded_db, 1, ArticleFields(title="T", body="Texte 2"), 1, "anne")
    recovered = autosave_service.read_autosave(seeded_db, 1)
    assert recovered is not None and recovered.fields.body == "Texte 2"
