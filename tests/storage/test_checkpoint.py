"""The write-ahead log is folded back into the database file in the background, after bursts."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

from redaction.services.articles.editing import create_article
from redaction.services.articles.values import ArticleFields
from redaction.storage.checkpoint import BACKSTOP_PAGES
from redaction.storage.database import Database


def articles_in_the_file_alone(path: Path, tmp: Path) -> int:
    """Articles in a copy of the database file without its log: what the file itself holds."""
    alone = tmp / "alone.db"
    shutil.copyfile(path, alone)
    conn = sqlite3.connect(alone)
    try:
        return conn.execute("SELECT count(*) FROM article").fetchone()[0]
    finally:
        conn.close()


def test_a_burst_of_commits_is_folded_into_the_file_once_writing_pauses(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    assert db.checkpointer is not None
    with db.engine.connect() as conn:  # commits never fold the log themselves below the backstop
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == BACKSTOP_PAGES
    for i in range(40):
        create_article(db, ArticleFields(title=f"Article {i}", body="Un paragraphe. " * 200))
    assert db.checkpointer.wait_idle(timeout=30)
    assert db.checkpointer.checkpoints >= 1
    assert articles_in_the_file_alone(db_path, tmp_path) == 40


def test_closing_leaves_one_self_contained_file_and_no_thread(db_path: Path) -> None:
    db = Database.open(db_path)
    create_article(db, ArticleFields(title="Dernier article"))
    thread_name = f"checkpoint {db_path.name}"
    assert any(t.name == thread_name for t in threading.enumerate())
    db.close()
    assert not any(t.name == thread_name for t in threading.enumerate())
    assert not Path(f"{db_path}-wal").exists()
    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("SELECT title FROM article").fetchall() == [("Dernier article",)]
    conn.close()
