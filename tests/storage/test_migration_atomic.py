"""An upgrade interrupted halfway (a crash, a full disk) leaves the old schema whole, and the next
start upgrades it: the migrations run in ONE SQLite transaction, DDL included."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from redaction.storage.database import Database
from redaction.storage.revisions import head_revision

OLDEST = Path(__file__).parents[1] / "fixtures" / "schema_0001.db"


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def test_an_upgrade_that_fails_halfway_leaves_the_old_schema_and_opens_next_time(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.db"
    shutil.copy(OLDEST, path)
    before = tables(path)

    def fail_halfway(conn: object, cursor: object, statement: str, *args: object) -> None:
        # Migration 0002 has created the setting table by then: the crash comes after real DDL.
        if statement.lstrip().upper().startswith("CREATE TABLE AUTOSAVE"):
            raise sqlite3.OperationalError("disk I/O error")

    event.listen(Engine, "before_cursor_execute", fail_halfway)
    try:
        with pytest.raises(Exception, match="disk I/O error"):
            Database.open(path)
    finally:
        event.remove(Engine, "before_cursor_execute", fail_halfway)

    assert tables(path) == before  # no table of the half-run upgrade left behind
    db = Database.open(path)  # the next start upgrades it
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
            assert conn.exec_driver_sql("SELECT count(*) FROM article").scalar() == 2
    finally:
        db.close()
