"""The safety of bulk decisions lives in the services: a script (or the command line) that moves
hundreds of comments gets the same copy of "before" as the moderation desk, and a bulk undo too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from redaction.services.articles.editing import create_article
from redaction.services.articles.values import ArticleFields
from redaction.services.backup import (
    BULK_BACKUP_MIN,
    BackupError,
    BackupInfo,
    add_backup_listener,
    backups_in_progress,
    list_backups,
    remove_backup_listener,
)
from redaction.services.moderation.comments import NewComment, add_comments_in
from redaction.services.moderation.queue import decide_in_chunks, undo_decisions
from redaction.storage.database import Database

MANY = BULK_BACKUP_MIN + 50


def _pending(db: Database, n: int) -> list[int]:
    article = create_article(db, ArticleFields(title="Marée noire"), "anne")
    with db.session() as s:
        return add_comments_in(
            s, [NewComment(article.id, f"Avis {i}", author_name=f"r{i}") for i in range(n)]
        )


def _statuses(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT status, count(*) FROM comment GROUP BY status").fetchall())
    finally:
        conn.close()


def _finish_copies() -> None:
    for backup in backups_in_progress():
        assert backup.wait_done(30)


def test_a_scripts_bulk_decision_is_preceded_by_a_copy_of_the_database_as_it_was(db: Database) -> None:
    ids = _pending(db, MANY)
    heard: list[BackupInfo | BackupError] = []
    add_backup_listener(heard.append)
    try:
        outcome = decide_in_chunks(db, ids, "approved", "script", chunk=100)
        _finish_copies()
    finally:
        remove_backup_listener(heard.append)
    assert len(outcome.decisions) == MANY
    [backup] = list_backups(db)
    assert "bulk-approve" in backup.path.name
    assert _statuses(backup.path) == {"pending": MANY}  # the copy is "before", not "after"
    assert [type(h) for h in heard] == [BackupInfo]

    undone = undo_decisions(db, outcome.decisions, "script")
    _finish_copies()
    assert len(undone.decisions) == MANY
    newest = list_backups(db)[0]
    assert "bulk-undo" in newest.path.name and _statuses(newest.path) == {"approved": MANY}


def test_a_handful_of_decisions_takes_no_copy(db: Database) -> None:
    ids = _pending(db, 3)
    decide_in_chunks(db, ids, "spam", "script")
    assert list_backups(db) == []


def test_no_room_for_the_copy_means_nothing_moves(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _pending(db, MANY)

    def full(*_args: object) -> None:
        raise BackupError("Not enough free disk space for a backup copy. Nothing was changed.")

    monkeypatch.setattr("redaction.storage.backups._check_room", full)
    with pytest.raises(BackupError, match="Nothing was changed"):
        decide_in_chunks(db, ids, "trash", "script")
    with db.session() as s:
        from sqlalchemy import text

        assert s.execute(text("SELECT count(*) FROM comment WHERE status = 'pending'")).scalar() == MANY
