"""A database on a small real filesystem that fills up: during a save, an import, a bulk
decision and a backup. Each time: a clear message that says how much room is left, the database
intact (integrity check, the previous content), and the same action succeeding once there is room
again. A backup that cannot be written never deletes the previous one. Then the same disk
mounted read-only. (A mounted filesystem cannot be made read-only while a database on it is
open for writing: the kernel refuses the remount.)
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redaction.services.articles.editing import create_article, get_article_in, save_article
from redaction.services.articles.values import ArticleFields
from redaction.services.backup import BackupError, back_up_now, list_backups
from redaction.services.moderation.comments import NewComment
from redaction.services.moderation.incoming import insert_comments
from redaction.services.moderation.queue import decide, decide_in_chunks
from redaction.storage import backups as backup_storage
from redaction.storage.database import Database
from redaction.storage.errors import DatabaseReadOnlyError, DiskFullError
from redaction.storage.models import Article, Comment, ModerationEvent
from tests.robustness.disks import fill, make_room, remount, small_disk

FIXTURE_WXR = Path(__file__).parents[1] / "fixtures" / "wxr" / "theme-unit-test-subset.xml"
BIG_TEXT = "La marée monte sur le quai. " * 120_000  # 3.4 MB: more than the disk has left


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk", "8m") as folder:
        yield folder


@pytest.fixture
def disk_db(disk: Path) -> Iterator[Database]:
    database = Database.open(disk / "newsroom.db")
    yield database
    database.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_a_save_onto_a_full_disk_says_so_and_keeps_the_saved_version(disk: Path, disk_db: Database) -> None:
    opened = create_article(disk_db, ArticleFields(title="Marée", body="Le texte enregistré."))
    fill(disk)
    with pytest.raises(DiskFullError) as caught:
        save_article(disk_db, opened.id, ArticleFields(title="Marée", body=BIG_TEXT), opened.version)
    message = str(caught.value)
    assert message.startswith("The disk is full (")
    assert f"free where {disk / 'newsroom.db'} is" in message and "not saved" in message
    with disk_db.session() as session:
        stored = get_article_in(session, opened.id)
    assert (stored.fields.body, stored.version) == ("Le texte enregistré.", opened.version)
    assert integrity(disk / "newsroom.db") == "ok"

    make_room(disk)
    saved = save_article(disk_db, opened.id, ArticleFields(title="Marée", body=BIG_TEXT), opened.version)
    assert saved.version == opened.version + 1


def _cli_import(db_file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "redaction", "import", str(FIXTURE_WXR), "--db", str(db_file)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_import_onto_a_full_disk_writes_nothing_and_says_how_much_room_is_left(
    disk: Path, disk_db: Database
) -> None:
    disk_db.close()
    fill(disk, leave=64 * 1024)
    refused = _cli_import(disk / "newsroom.db")
    assert refused.returncode == 2
    assert refused.stdout == ""
    (line,) = refused.stderr.splitlines()
    assert line.startswith("redaction: error: The disk is full (") and "free where" in line
    assert integrity(disk / "newsroom.db") == "ok"
    db = Database.open(disk / "newsroom.db")
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 0  # all or nothing
    db.close()

    make_room(disk)
    assert _cli_import(disk / "newsroom.db").returncode == 0


def test_an_import_into_a_newsroom_on_a_full_disk_is_refused_before_its_backup(
    disk: Path, disk_db: Database
) -> None:
    create_article(disk_db, ArticleFields(title="Déjà là"))
    disk_db.close()
    fill(disk, leave=64 * 1024)
    refused = _cli_import(disk / "newsroom.db")
    assert refused.returncode == 2
    (line,) = refused.stderr.splitlines()
    assert "Not enough free disk space for a backup copy of newsroom.db" in line
    assert "KB free. Nothing was changed." in line
    assert integrity(disk / "newsroom.db") == "ok"


def _pending(db: Database, n: int) -> list[int]:
    article = create_article(db, ArticleFields(title="Le marché"))
    with db.session() as session:
        return insert_comments(session, [NewComment(article.id, f"Avis numéro {i} " * 20) for i in range(n)])


def test_a_bulk_decision_on_a_full_disk_stops_whole_and_explained(disk: Path, disk_db: Database) -> None:
    ids = _pending(disk_db, 3000)
    fill(disk)
    # A bulk decision first copies the database as it was: no room for that, nothing moves.
    with pytest.raises(BackupError, match=r"Not enough free disk space for a backup copy .* needed, .* free"):
        decide_in_chunks(disk_db, ids, "approved", "claire", chunk=2000)
    # One chunk written straight away (as a small decision is) meets the full disk itself.
    with pytest.raises(DiskFullError, match="The disk is full"):
        decide(disk_db, ids[:2000], "approved", "claire")
    with disk_db.session() as session:
        approved = session.scalar(select(func.count()).where(Comment.status == "approved"))
        events = session.scalar(select(func.count()).select_from(ModerationEvent))
        assert session.scalar(select(Article.pending_comments).limit(1)) == 3000 - approved
    assert approved == events and approved % 2000 == 0  # whole chunks with their log, or none
    assert integrity(disk / "newsroom.db") == "ok"

    make_room(disk)
    assert len(decide(disk_db, ids, "approved", "claire")) == 3000


def test_a_backup_that_cannot_be_written_keeps_the_previous_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Room for one copy and the margin backups keep (storage.backups.ROOM_MARGIN), not two.
    with small_disk(tmp_path / "disk", "40m") as disk:
        db = Database.open(disk / "newsroom.db")
        try:
            _pending(db, 1500)
            previous = back_up_now(db, keep=1)
            fill(disk)
            with pytest.raises(
                BackupError, match=r"Not enough free disk space .* free\. Nothing was changed\."
            ):
                back_up_now(db, keep=1)
            # The disk fills up during the copy (another program wrote since the room was
            # measured): the copy itself fails.
            monkeypatch.setattr(backup_storage, "_check_room", lambda *_args: None)
            with pytest.raises(BackupError, match="full"):
                back_up_now(db, keep=1)
            assert [b.path for b in list_backups(db)] == [previous.path]
            assert integrity(previous.path) == "ok"
            assert not list((disk / "backups").glob("*.partial"))
        finally:
            db.close()


def test_a_database_on_a_read_only_disk_is_refused_untouched(disk: Path, disk_db: Database) -> None:
    create_article(disk_db, ArticleFields(title="Marée", body="Avant."))
    disk_db.close()
    before = (disk / "newsroom.db").read_bytes()
    remount(disk, "ro")  # a read-only mount: root cannot write there either
    try:
        with pytest.raises(DatabaseReadOnlyError, match="read-only"):
            Database.open(disk / "newsroom.db")
        assert (disk / "newsroom.db").read_bytes() == before
    finally:
        remount(disk, "rw")
