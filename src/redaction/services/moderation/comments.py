"""Comment use cases: the per-article queue (keyset-paged), counts, and moderation decisions.

Every status change writes a ModerationEvent (who, from, to, when, why) and keeps the article's
pending-comment counter right, in the same transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import String, Table, Text, bindparam, func, insert, literal, select, tuple_, update
from sqlalchemy.orm import Session

from redaction.domain.dates import utcnow
from redaction.domain.workflow import CommentStatus
from redaction.services.moderation.values import READER_KINDS, Decision
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment, ModerationEvent, UTCDateTime

PAGE_SIZE = 200
# Ids per "WHERE id IN (...)": under SQLite's oldest limit of 999 parameters, and few statements.
_IDS_CHUNK = 900


@dataclass(frozen=True, slots=True)
class CommentRow:
    """One comment as the moderation panel shows it. ``body`` is untrusted plain text."""

    id: int
    uuid: str
    article_id: int
    parent_id: int | None
    author_name: str
    author_email: str
    author_url: str
    author_ip: str
    body: str
    created_at: datetime
    status: str
    kind: str


@dataclass(frozen=True, slots=True)
class NewComment:
    """A comment as it arrives (from the site, an import or the demo)."""

    article_id: int
    body: str
    author_name: str = ""
    author_email: str = ""
    author_url: str = ""
    author_ip: str = ""
    created_at: datetime | None = None
    status: str = CommentStatus.PENDING.value
    parent_id: int | None = None
    kind: str = "comment"
    source_id: str | None = None
    uuid: str | None = None


_COLUMNS = (
    Comment.id,
    Comment.uuid,
    Comment.article_id,
    Comment.parent_id,
    Comment.author_name,
    Comment.author_email,
    Comment.author_url,
    Comment.author_ip,
    Comment.body,
    Comment.created_at,
    Comment.status,
    Comment.kind,
)


def list_comments_in(
    session: Session,
    article_id: int | None = None,
    status: str | None = None,
    after: tuple[datetime, int] | None = None,
    limit: int | None = PAGE_SIZE,
    kinds: Sequence[str] | None = READER_KINDS,
) -> list[CommentRow]:
    """Comments newest first, one keyset page after ``after`` = (created_at, id)."""
    stmt = select(*_COLUMNS)
    if article_id is not None:
        stmt = stmt.where(Comment.article_id == article_id)
    if status:
        stmt = stmt.where(Comment.status == CommentStatus.parse(status).value)
    if kinds:
        stmt = stmt.where(Comment.kind.in_(kinds))
    if after is not None:
        bound = tuple_(
            literal(after[0], type_=Comment.created_at.type), literal(after[1], type_=Comment.id.type)
        )
        stmt = stmt.where(tuple_(Comment.created_at, Comment.id) < bound)
    stmt = stmt.order_by(Comment.created_at.desc(), Comment.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return [CommentRow(*tuple(row)) for row in session.execute(stmt)]


def get_comment_in(session: Session, comment_id: int) -> CommentRow | None:
    row = session.execute(select(*_COLUMNS).where(Comment.id == comment_id)).first()
    return CommentRow(*tuple(row)) if row else None


def count_by_status_in(session: Session, article_id: int | None = None) -> dict[str, int]:
    """Reader comments per status (every status present, zero included)."""
    statuses = [s.value for s in CommentStatus]
    # One filtered count per status rather than GROUP BY: the planner then reads an article's
    # comments from ix_comment_article_kind_created alone (it carries the status) instead of
    # walking ix_comment_article_status and reading each row for its kind (22,000: 20 -> 4 ms).
    stmt = select(*(func.count().filter(Comment.status == s) for s in statuses)).where(
        Comment.kind.in_(READER_KINDS)
    )
    if article_id is not None:
        stmt = stmt.where(Comment.article_id == article_id)
    return dict(zip(statuses, session.execute(stmt).one(), strict=True))


_ARTICLE = cast(Table, Article.__table__)
_ADJUST_PENDING = (
    update(_ARTICLE)
    .where(_ARTICLE.c.id == bindparam("article"))
    .values(pending_comments=_ARTICLE.c.pending_comments + bindparam("delta"))
)


def _adjust_pending(session: Session, deltas: Counter[int]) -> None:
    # One executemany for every article touched: a bulk move of 10,000 comments touches
    # thousands of articles, and a statement each took 3.5 s of the 5.
    params = [{"article": a, "delta": d} for a, d in sorted(deltas.items()) if d]
    if params:
        session.execute(_ADJUST_PENDING, params)


def add_comments_in(session: Session, comments: Iterable[NewComment]) -> list[int]:
    """Insert comments inside an existing unit of work; returns their ids in order."""
    ids: list[int] = []
    comments = list(comments)
    pending: Counter[int] = Counter()
    for new in comments:
        status = CommentStatus.parse(new.status).value
        comment = Comment(
            article_id=new.article_id,
            parent_id=new.parent_id,
            author_name=new.author_name,
            author_email=new.author_email,
            author_url=new.author_url,
            author_ip=new.author_ip,
            body=new.body,
            created_at=new.created_at or utcnow(),
            status=status,
            kind=new.kind,
            source_id=new.source_id,
        )
        if new.uuid:
            comment.uuid = new.uuid
        session.add(comment)
        session.flush()
        ids.append(comment.id)
        if status == CommentStatus.PENDING and new.kind in READER_KINDS:
            pending[new.article_id] += 1
    _adjust_pending(session, pending)
    record(session, Changes.of(articles={new.article_id for new in comments}, comment_set=bool(ids)))
    return ids


# The three statements of a move, built once (building them took as long as running them for a
# single decision). The events are written by the database from the rows themselves: no
# parameters per comment, which took half the time of a bulk move.
_MOVING = (
    Comment.id.in_(bindparam("ids", expanding=True)),
    Comment.status != bindparam("target", type_=String),
)
_MOVING_ROWS = (
    select(Comment.id, Comment.article_id, Comment.status, Comment.kind)
    .where(*_MOVING)
    .with_for_update()  # on a server database nobody moves them between these statements
)
_RECORD_MOVES = insert(cast(Table, ModerationEvent.__table__)).from_select(
    ["comment_id", "actor", "from_status", "to_status", "at", "reason"],
    select(
        Comment.id,
        bindparam("actor", type_=String),
        Comment.status,
        bindparam("target", type_=String),
        bindparam("at", type_=UTCDateTime),
        bindparam("reason", type_=Text),
    )
    .where(*_MOVING)
    .order_by(Comment.id),
)
_MOVE = (
    update(cast(Table, Comment.__table__)).where(*_MOVING).values(status=bindparam("target", type_=String))
)


def set_status_in(
    session: Session,
    comment_ids: Sequence[int],
    status: str,
    actor: str,
    reason: str = "",
    to_site: bool = True,
) -> list[Decision]:
    """Move comments to ``status`` inside a unit of work; unchanged ones are skipped.

    Decisions on comments from the connected WordPress site are queued for it in the same
    transaction (``to_site=False``: the move comes from the site itself, as a sync applies it)."""
    target = CommentStatus.parse(status).value
    now = utcnow()
    decisions: list[Decision] = []
    pending: Counter[int] = Counter()
    for chunk_start in range(0, len(comment_ids), _IDS_CHUNK):
        params = {
            "ids": list(comment_ids[chunk_start : chunk_start + _IDS_CHUNK]),
            "target": target,
            "actor": actor,
            "at": now,
            "reason": reason,
        }
        moved: list[Any] = list(session.execute(_MOVING_ROWS, params))
        if moved:
            session.execute(_RECORD_MOVES, params)
            session.execute(_MOVE, params)
        for r in moved:
            decisions.append(Decision(r.id, r.article_id, r.status, target))
            if r.kind in READER_KINDS:
                if r.status == CommentStatus.PENDING:
                    pending[r.article_id] -= 1
                if target == CommentStatus.PENDING:
                    pending[r.article_id] += 1
    _adjust_pending(session, pending)
    record(session, changes_of(decisions))
    if to_site and decisions:
        from redaction.services.site.outbox import enqueue_decisions_in  # only when deciding

        enqueue_decisions_in(session, decisions, actor)
    return decisions


def changes_of(decisions: Sequence[Decision]) -> Changes:
    """What these moves changed, for whoever shows comments and articles."""
    return Changes.of(articles={d.article_id for d in decisions}, comments={d.comment_id for d in decisions})


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    comment_id: int
    actor: str
    from_status: str
    to_status: str
    at: datetime
    reason: str


# The columns of an EventRow, in its order (the decision log selects them first too).
EVENT_COLUMNS = (
    ModerationEvent.id,
    ModerationEvent.comment_id,
    ModerationEvent.actor,
    ModerationEvent.from_status,
    ModerationEvent.to_status,
    ModerationEvent.at,
    ModerationEvent.reason,
)


def history_of(db: Database, comment_id: int) -> list[EventRow]:
    with db.session() as session:
        rows = session.execute(
            select(*EVENT_COLUMNS)
            .where(ModerationEvent.comment_id == comment_id)
            .order_by(ModerationEvent.at, ModerationEvent.id)
        )
        return [EventRow(*r) for r in rows]
