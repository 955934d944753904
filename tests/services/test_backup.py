"""Backups: consistent under a writer, rotated, restorable, and taken before every migration."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from redaction.services.articles import editing as article_service
from redaction.services.articles.values import ArticleFields, ArticleQuery
from redaction.services.backup import (
    BackupError,
    back_up_now,
    backup_before,
    backups_in_progress,
    backups_supported,
    list_backups,
    pin_backup_before,
    read_contents,
    restore_backup,
)
from redaction.storage import backups as backup_files
from redaction.storage.backups import backups_folder, take_backup
from redaction.storage.backups import list_backups as list_backups_of
from redaction.storage.database import Database
from redaction.storage.revisions import head_revision

FIXTURES = Path(__file__).parents[1] / "fixtures"


def titles(db: Database) -> list[str]:
    with db.session() as s:
        return sorted(a.title for a in article_service.list_articles_in(s, ArticleQuery()))


def add_article(db: Database, title: str) -> None:
    article_service.create_article(db, ArticleFields(title=title), "test")


def test_backup_is_a_consistent_snapshot_while_another_program_writes(db: Database, db_path: Path) -> None:
    setup = sqlite3.connect(db_path)
    setup.execute("CREATE TABLE ledger (amount INTEGER NOT NULL)")
    setup.commit()
    setup.close()
    stop = threading.Event()
    transactions = 0

    def writer() -> None:
        # Each transaction adds +7 and -7: any snapshot that is consistent sums to zero.
        nonlocal transactions
        conn = sqlite3.connect(db_path, timeout=5)
        while not stop.is_set():
            with conn:
                conn.execute("INSERT INTO ledger VALUES (7)")
                conn.execute("INSERT INTO ledger VALUES (-7)")
            transactions += 1
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        taken = [backup_before(db, "bulk-approve", keep=50) for _ in range(15)]
    finally:
        stop.set()
        thread.join()
    assert transactions > 0
    rows_seen = set()
    for info in taken:
        assert info is not None
        assert info.reason == "before-bulk-approve"
        conn = sqlite3.connect(f"{info.path.as_uri()}?mode=ro", uri=True)
        total, rows = conn.execute("SELECT coalesce(sum(amount), 0), count(*) FROM ledger").fetchone()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
        conn.close()
        assert total == 0 and rows % 2 == 0
        rows_seen.add(rows)
    assert len(rows_seen) > 1, "the writer was never seen making progress between backups"
    assert not list(backups_folder(db_path).glob("*.partial"))


def test_a_pinned_backup_is_the_database_of_its_moment_however_late_it_is_written(
    db: Database, db_path: Path
) -> None:
    add_article(db, "Avant l'opération")
    pinned = pin_backup_before(db, "bulk-approve")
    assert pinned is not None and backups_in_progress() == [pinned]
    add_article(db, "Pendant l'opération")  # the pin does not block the writer
    outcomes: list[object] = []
    pinned.write_in_background(outcomes.append)
    add_article(db, "Pendant la copie")
    info = pinned.wait(timeout=60)
    assert outcomes == [info] and info.reason == "before-bulk-approve"
    assert read_contents(info.path).articles == 1  # the state when pinned, not when written
    assert titles(db) == ["Avant l'opération", "Pendant l'opération", "Pendant la copie"]
    assert backups_in_progress() == []
    assert not list(backups_folder(db_path).glob("*.partial"))


def test_no_room_for_a_copy_is_said_before_anything_is_written(
    db: Database, db_path: Path, monkeypatch
) -> None:
    add_article(db, "Intact")
    full = shutil.disk_usage(db_path.parent)._replace(free=4096)
    monkeypatch.setattr(backup_files.shutil, "disk_usage", lambda _path: full)
    with pytest.raises(BackupError, match=r"Not enough free disk space .* needed, 4 KB free"):
        pin_backup_before(db, "bulk-approve")
    assert list(backups_folder(db_path).iterdir()) == []  # not even a partial file
    assert backups_in_progress() == []


def test_a_copy_that_fails_in_the_background_says_why_and_leaves_no_file(
    db: Database, db_path: Path, monkeypatch
) -> None:
    def broken(_self: object) -> None:
        raise BackupError("Could not back up newsroom.db: disk I/O error.")

    monkeypatch.setattr(backup_files.PinnedBackup, "_copy", broken)
    pinned = pin_backup_before(db, "bulk-trash")
    assert pinned is not None
    outcomes: list[object] = []
    pinned.write_in_background(outcomes.append)
    with pytest.raises(BackupError, match="disk I/O error"):
        pinned.wait(timeout=60)
    assert [str(o) for o in outcomes] == ["Could not back up newsroom.db: disk I/O error."]
    assert list(backups_folder(db_path).iterdir()) == [] and backups_in_progress() == []


def test_an_abandoned_pin_writes_nothing_and_lets_go_of_the_database(db: Database, db_path: Path) -> None:
    pinned = pin_backup_before(db, "bulk-approve")
    assert pinned is not None
    pinned.abandon()
    assert pinned.done and backups_in_progress() == []
    assert list(backups_folder(db_path).iterdir()) == []
    with pytest.raises(BackupError, match="abandoned"):
        pinned.write()


def test_rotation_keeps_the_newest_and_never_deletes_the_newest(db: Database, db_path: Path) -> None:
    start = datetime(2025, 4, 19, 8, 0, tzinfo=UTC)
    for minute in range(12):
        take_backup(db_path, "manual", keep=10, now=start + timedelta(minutes=minute))
    kept = list_backups(db)
    assert len(kept) == 10
    assert kept[0].created_at == start + timedelta(minutes=11)
    assert kept[-1].created_at == start + timedelta(minutes=2)
    newest = take_backup(db_path, "manual", keep=0, now=start + timedelta(hours=1))
    assert [b.path for b in list_backups(db)] == [newest.path]


def test_backups_of_another_database_in_the_same_folder_are_left_alone(db: Database, tmp_path: Path) -> None:
    other = Database.open(tmp_path / "demo.db")
    try:
        back_up_now(other)
    finally:
        other.close()
    for _ in range(3):
        back_up_now(db, keep=1)
    assert len(list_backups(db)) == 1
    assert len(list(backups_folder(tmp_path / "demo.db").glob("demo-*.db"))) == 1


def test_restore_round_trip_keeps_a_copy_of_what_it_replaced(db_path: Path) -> None:
    db = Database.open(db_path)
    add_article(db, "Avant la sauvegarde")
    saved = back_up_now(db)
    add_article(db, "Après la sauvegarde")
    assert read_contents(saved.path).articles == 1
    db.close()

    safety = restore_backup(db_path, saved.path)

    db = Database.open(db_path)
    try:
        assert titles(db) == ["Avant la sauvegarde"]
        add_article(db, "Écrit après la restauration")  # the restored file is writable
    finally:
        db.close()
    assert safety.reason == "before-restore"
    assert read_contents(safety.path).articles == 2
    assert saved.path.exists()


def test_restore_refuses_a_backup_from_a_newer_version_and_leaves_the_database(db_path: Path) -> None:
    db = Database.open(db_path)
    add_article(db, "Intact")
    bad = back_up_now(db)
    db.close()
    conn = sqlite3.connect(bad.path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="newer version"):
        restore_backup(db_path, bad.path)
    assert db_path.read_bytes() == before
    assert [b.reason for b in list_backups_of(db_path)] == ["manual"]  # no safety copy either


def test_a_backup_is_taken_before_migrating_an_old_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_0001.db", path)
    db = Database.open(path)
    db.close()
    backups = list_backups_of(path)
    assert [b.reason for b in backups] == [f"before-migration-{head_revision()}"]
    contents = read_contents(backups[0].path)
    assert contents.revision == "0001"
    assert contents.articles == 2
    assert backups[0].path.read_bytes()[:16] == b"SQLite format 3\x00"

    Database.open(path).close()  # already up to date: no second copy
    assert len(list_backups_of(path)) == 1


def test_an_upgrade_without_its_backup_does_not_happen(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_0001.db", path)
    before = path.read_bytes()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise BackupError("Could not back up old.db: disk full.")

    monkeypatch.setattr(backup_files, "take_backup", disk_full)
    with pytest.raises(BackupError, match="disk full"):
        Database.open(path)
    assert path.read_bytes() == before


def test_no_backup_for_a_new_database(db: Database, db_path: Path) -> None:
    add_article(db, "Premier article")
    db.close()
    Database.open(db_path).close()
    assert not backups_folder(db_path).exists()


def test_server_databases_are_not_backed_up_in_the_app() -> None:
    memory = Database(create_engine("sqlite://"), "sqlite://")
    assert not backups_supported(memory)
    assert backup_before(memory, "bulk-approve") is None
    assert list_backups(memory) == []
    with pytest.raises(BackupError, match="server"):
        back_up_now(memory)


def test_an_import_into_a_newsroom_with_articles_is_backed_up_first(tmp_path) -> None:
    from redaction.services.articles.editing import create_article
    from redaction.services.articles.values import ArticleFields
    from redaction.services.backup import list_backups
    from redaction.services.exchange.importing import import_files
    from redaction.storage.database import Database

    db = Database.open(tmp_path / "newsroom.db")
    try:
        source = tmp_path / "a.md"
        source.write_text("---\ntitle: Premier\n---\nTexte.\n", encoding="utf-8")
        import_files(db, [source])
        assert list_backups(db) == []  # nothing to lose in an empty newsroom
        create_article(db, ArticleFields(title="Déjà là"))
        source.write_text("---\ntitle: Second\n---\nTexte.\n", encoding="utf-8")
        import_files(db, [source])
        assert [b.reason for b in list_backups(db)] == ["before-import"]
    finally:
        db.close()
