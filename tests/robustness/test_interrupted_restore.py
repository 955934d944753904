"""A restore killed mid-copy: the next start finds the database as it was before, not "damaged".

A restore copies the backup over the live file in rollback-journal mode (``storage.backups.
copy_into``). Killed in the middle, it leaves a hot journal: the file is half overwritten and the
journal holds the pages needed to put it back. SQLite rolls it back at the first read by a
connection allowed to write; redaction's read-only safety probe could not, and called a sound
database damaged. Here a child process is killed exactly there: pages of its transaction
already in the file, the journal beside it.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from redaction.services.articles.editing import create_article, list_rubrics
from redaction.services.articles.values import ArticleFields
from redaction.storage.database import Database

_OVERWRITE_THEN_WAIT = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=DELETE")  # as copy_into switches it
conn.execute("PRAGMA cache_size=5")  # so that changed pages spill into the file before commit
conn.execute("BEGIN IMMEDIATE")
conn.execute("DELETE FROM article")
conn.execute("CREATE TABLE filler (x)")
conn.executemany("INSERT INTO filler VALUES (?)", ((b"x" * 3000,) for _ in range(400)))
print("overwriting", flush=True)
sys.stdin.readline()
"""


def test_a_database_left_with_a_hot_journal_opens_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.db"
    db = Database.open(path)
    create_article(db, ArticleFields(title="Avant la restauration", rubric="Ville"))
    db.close()
    child = subprocess.Popen(
        [sys.executable, "-c", _OVERWRITE_THEN_WAIT, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline() == "overwriting\n"
    child.send_signal(signal.SIGKILL)
    child.communicate()
    journal = Path(f"{path}-journal")
    assert journal.stat().st_size > 0  # the kill left a hot journal

    db = Database.open(path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT title FROM article").scalars().all() == [
                "Avant la restauration"
            ]
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert list_rubrics(db) == ["Ville"]
    finally:
        db.close()
    assert not journal.exists()
