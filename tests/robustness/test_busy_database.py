"""Another program writing for a long time: saves and decisions wait for it, never fail.

The other program is a real second process holding SQLite's write lock (as a long import does)
until this test lets it go. It is let go only once the save or decision here has met the lock
several times in a row, each time for a whole busy timeout (shortened here so that the test is
quick: the timeout's length is not what is tested, what happens when it runs out is).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from redaction.services.articles.editing import create_article, get_article_in, save_article
from redaction.services.articles.values import ArticleFields
from redaction.services.moderation.comments import NewComment, add_comments_in
from redaction.services.moderation.queue import decide_in_chunks
from redaction.storage import engine as engine_module
from redaction.storage import patience
from redaction.storage.database import Database
from redaction.storage.errors import DatabaseLockedError, StoppedWaitingError
from redaction.storage.models import Comment, ModerationEvent, Rubric
from tests.robustness.locks import LockHolder

LOCK_MET = 3  # attempts that met the lock before the other program is let go


@pytest.fixture
def short_busy_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    database = Database.open(tmp_path / "newsroom.db")
    yield database
    database.close()


@pytest.fixture
def other_program(short_busy_db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], int]]:
    """Starts a process holding the write lock; returns how many attempts met it."""
    holders: list[LockHolder] = []
    attempts = 0
    real_pause = patience._pause

    def pause(seconds: float) -> None:
        nonlocal attempts
        attempts += 1
        if attempts == LOCK_MET:
            release()
        real_pause(seconds)

    def release() -> None:
        for holder in holders:
            holder.release()

    def start() -> int:
        holders.append(LockHolder(str(short_busy_db.engine.url.database)))
        return attempts

    monkeypatch.setattr(patience, "_pause", pause)
    yield start
    release()
    assert attempts >= LOCK_MET  # the lock was really met, more than once


def test_a_save_waits_for_another_programs_long_write(
    short_busy_db: Database, other_program: Callable[[], int]
) -> None:
    db = short_busy_db
    opened = create_article(db, ArticleFields(title="Marée basse", body="Premier jet."))
    other_program()
    saved = save_article(
        db, opened.id, ArticleFields(title="Marée basse", body="Texte final."), opened.version
    )
    with db.session() as session:
        assert get_article_in(session, opened.id).fields.body == "Texte final."
        # The other program's write went in first, whole.
        assert session.scalar(select(func.count()).select_from(Rubric)) == 1
    assert saved.version == opened.version + 1


def test_a_bulk_decision_waits_for_another_programs_long_write(
    short_busy_db: Database, other_program: Callable[[], int]
) -> None:
    db = short_busy_db
    article = create_article(db, ArticleFields(title="Le marché"))
    with db.session() as session:
        ids = add_comments_in(session, [NewComment(article.id, f"Avis {n}") for n in range(30)])
    other_program()
    outcome = decide_in_chunks(db, ids, "approved", "claire", chunk=10)
    assert (outcome.done, len(outcome.decisions)) == (30, 30)
    with db.session() as session:
        assert session.scalar(select(func.count()).where(Comment.status == "approved")) == 30
        assert session.scalar(select(func.count()).select_from(ModerationEvent)) == 30


def test_after_the_patience_runs_out_the_message_says_why(
    short_busy_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = short_busy_db
    opened = create_article(db, ArticleFields(title="Marée basse"))
    monkeypatch.setattr(patience, "WRITE_PATIENCE_S", 0.3)
    holder = LockHolder(str(db.engine.url.database))
    try:
        with pytest.raises(DatabaseLockedError, match="Another program has been writing to the database"):
            save_article(db, opened.id, ArticleFields(title="Marée haute"), opened.version)
    finally:
        holder.release()
    with db.session() as session:
        assert get_article_in(session, opened.id).fields.title == "Marée basse"  # nothing half-saved


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The pauses between attempts at a write (each follows an attempt that met the lock)."""
    found: list[float] = []
    monkeypatch.setattr(patience, "_pause", found.append)
    return found


def test_an_impatient_write_meets_the_lock_once_and_leaves_the_connection_as_it_was(
    short_busy_db: Database, pauses: list[float]
) -> None:
    """The window's first try: no retry, no long wait; the pooled connection gets its own
    busy timeout back for whoever takes it next."""
    db = short_busy_db
    opened = create_article(db, ArticleFields(title="Marée basse"))
    holder = LockHolder(str(db.engine.url.database))
    try:
        with patience.impatient(), pytest.raises(DatabaseLockedError):
            save_article(db, opened.id, ArticleFields(title="Marée haute"), opened.version)
    finally:
        holder.release()
    assert pauses == []  # tried once
    with db.session() as session:
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == engine_module.BUSY_TIMEOUT_MS
        assert get_article_in(session, opened.id).fields.title == "Marée basse"


def test_a_write_waiting_for_the_lock_stops_when_the_person_gives_up(
    short_busy_db: Database, pauses: list[float]
) -> None:
    db = short_busy_db
    opened = create_article(db, ArticleFields(title="Marée basse"))
    holder = LockHolder(str(db.engine.url.database))
    try:
        with patience.waiting(lambda: len(pauses) >= LOCK_MET), pytest.raises(StoppedWaitingError):
            save_article(db, opened.id, ArticleFields(title="Marée haute"), opened.version)
    finally:
        holder.release()
    assert len(pauses) == LOCK_MET  # it did wait, and stopped when told
    with db.session() as session:
        assert get_article_in(session, opened.id).fields.title == "Marée basse"
