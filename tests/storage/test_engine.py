"""Opening databases: good ones migrate, bad ones are refused and left untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from redaction.storage.engine import open_engine
from redaction.storage.errors import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    NotADatabaseError,
    SchemaTooNewError,
)
from redaction.storage.revisions import head_revision


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_created_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "new.db")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"article", "revision", "comment", "moderation_event", "person", "rubric"} <= tables
    engine.dispose()


def test_text_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n")
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="not a redaction database"):
        open_engine(path)
    assert digest(path) == before


def test_truncated_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    good = tmp_path / "good.db"
    open_engine(good).dispose()
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(good.read_bytes()[:100] + b"\xff" * 3000)
    before = digest(damaged)
    with pytest.raises(Exception, match=r"damaged|not a"):
        open_engine(damaged)
    assert digest(damaged) == before


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE shopping (item TEXT)")
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="not a redaction database"):
        open_engine(path)
    assert digest(path) == before


def test_read_only_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    open_engine(path).dispose()
    path.chmod(0o444)
    before = digest(path)
    try:
        with pytest.raises(DatabaseReadOnlyError, match="read-only"):
            open_engine(path)
    finally:
        path.chmod(0o644)
    assert digest(path) == before


def test_database_locked_by_another_writer_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    open_engine(path).dispose()
    before = digest(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLockedError, match="locked by another program"):
            open_engine(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert digest(path) == before


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_engine(path).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = digest(path)
    with pytest.raises(SchemaTooNewError, match="newer version of redaction"):
        open_engine(path)
    assert digest(path) == before


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    open_engine(path).dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM article").fetchone() == (0,)
