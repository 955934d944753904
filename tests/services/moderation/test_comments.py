"""Moderation: queues, decisions with their history, undo, and the pending counters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from redaction.services.articles.editing import create_article, summary_of_in
from redaction.services.articles.values import ArticleFields
from redaction.services.moderation.comments import (
    NewComment,
    add_comments_in,
    count_by_status_in,
    get_comment_in,
    history_of,
    list_comments_in,
)
from redaction.services.moderation.queue import decide, undo_decisions
from redaction.storage.database import Database

T0 = datetime(2025, 4, 19, 8, 0, tzinfo=UTC)


@pytest.fixture
def article_id(db: Database) -> int:
    return create_article(db, ArticleFields(title="Un article", status="published")).id


def add(db: Database, article_id: int, n: int, status: str = "pending") -> list[int]:
    with db.session() as session:
        return add_comments_in(
            session,
            [
                NewComment(
                    article_id, f"Commentaire {i}", created_at=T0 + timedelta(minutes=i), status=status
                )
                for i in range(n)
            ],
        )


def pending_counter(db: Database, article_id: int) -> int:
    with db.session() as session:
        summary = summary_of_in(session, article_id)
    assert summary is not None
    return summary.pending_comments


def test_new_pending_comments_count_on_their_article(db: Database, article_id: int) -> None:
    add(db, article_id, 3)
    add(db, article_id, 2, status="approved")
    assert pending_counter(db, article_id) == 3
    with db.session() as session:
        assert count_by_status_in(session, article_id) == {"pending": 3, "approved": 2, "spam": 0, "trash": 0}


def test_moderation_moves_comments_records_events_and_can_be_undone(db: Database, article_id: int) -> None:
    ids = add(db, article_id, 3)
    decisions = decide(db, ids[:2], "spam", actor="claire", reason="liens")
    assert [(d.from_status, d.to_status) for d in decisions] == [("pending", "spam")] * 2
    assert pending_counter(db, article_id) == 1
    assert decide(db, ids[:2], "spam", actor="claire") == [], "no event for a comment already there"
    events = history_of(db, ids[0])
    assert [(e.actor, e.from_status, e.to_status, e.reason) for e in events] == [
        ("claire", "pending", "spam", "liens")
    ]
    assert len(undo_decisions(db, decisions, actor="claire").decisions) == 2
    assert pending_counter(db, article_id) == 3
    with db.session() as session:
        comment = get_comment_in(session, ids[0])
    assert comment is not None and comment.status == "pending"
    assert [e.reason for e in history_of(db, ids[0])] == ["liens", "undo"]


def test_unknown_status_is_refused(db: Database, article_id: int) -> None:
    ids = add(db, article_id, 1)
    with pytest.raises(ValueError, match="unknown comment status 'deleted'"):
        decide(db, ids, "deleted", actor="x")
    assert pending_counter(db, article_id) == 1


def test_queue_pages_newest_first_without_gaps(db: Database, article_id: int) -> None:
    add(db, article_id, 5)
    add(db, article_id, 2, status="approved")
    seen: list[int] = []
    after = None
    with db.session() as session:
        while page := list_comments_in(
            session, article_id=article_id, status="pending", after=after, limit=2
        ):
            seen += [c.id for c in page]
            after = (page[-1].created_at, page[-1].id)
    assert seen == [5, 4, 3, 2, 1]
