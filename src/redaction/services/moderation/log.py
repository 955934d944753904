"""The audit log of moderation decisions, and undoing any one of them.

Every status change is a ModerationEvent (who, from, to, when, why). The log pages them newest
first with a keyset and filters by actor, destination status, date and text (the reason, the
commenter's name or address, and on SQLite the comment's words through the full-text index).

Undoing an event puts the comment back where that decision found it, as a new event, but only
while the comment still sits where the decision left it: a later decision by someone else is
not silently overwritten (:class:`UndoRefusedError` says why).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, and_, func, literal, literal_column, or_, select, tuple_
from sqlalchemy.orm import Session

from redaction.domain.workflow import CommentStatus
from redaction.services.moderation.comments import EVENT_COLUMNS, set_status_in
from redaction.services.moderation.queue import _FTS, contains_folded, match_query
from redaction.services.moderation.values import Decision
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment, ModerationEvent
from redaction.storage.patience import patient

PAGE_SIZE = 200
EXCERPT_CHARS = 200


@dataclass(frozen=True, slots=True)
class LogFilter:
    actor: str = ""  # exactly this person ("" for everyone)
    status: str | None = None  # decisions that moved comments to this status
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""
    comment_id: int | None = None


@dataclass(frozen=True, slots=True)
class LogRow:
    id: int
    comment_id: int
    actor: str
    from_status: str
    to_status: str
    at: datetime
    reason: str
    article_id: int
    article_title: str
    author_name: str
    author_email: str
    excerpt: str
    current_status: str


class UndoRefusedError(Exception):
    """The decision cannot be undone any more: the event is gone (``current_status`` None) or
    the comment has moved to ``current_status`` since."""

    def __init__(self, message: str, current_status: str | None = None) -> None:
        super().__init__(message)
        self.current_status = current_status


def _select() -> Any:
    return (
        select(
            *EVENT_COLUMNS,
            Comment.article_id,
            Article.title,
            Comment.author_name,
            Comment.author_email,
            func.substr(Comment.body, 1, EXCERPT_CHARS),
            Comment.status,
        )
        .join(Comment, Comment.id == ModerationEvent.comment_id)
        .join(Article, Article.id == Comment.article_id)
    )


def _conditions(f: LogFilter, sqlite: bool) -> list[Any]:
    where: list[Any] = []
    if f.actor:
        where.append(ModerationEvent.actor == f.actor)
    if f.status:
        where.append(ModerationEvent.to_status == CommentStatus.parse(f.status).value)
    if f.since is not None:
        where.append(ModerationEvent.at >= f.since)
    if f.until is not None:
        where.append(ModerationEvent.at < f.until)
    if f.comment_id is not None:
        where.append(ModerationEvent.comment_id == f.comment_id)
    words = f.text.split()
    if words:
        about_event = and_(
            *[
                or_(
                    ModerationEvent.reason.icontains(word, autoescape=True),
                    Comment.author_name.icontains(word, autoescape=True),
                    Comment.author_email.icontains(word, autoescape=True),
                )
                if sqlite
                else or_(
                    contains_folded(ModerationEvent.reason, word),
                    contains_folded(Comment.author_name, word),
                    contains_folded(Comment.author_email, word),
                    contains_folded(Comment.body, word),
                )
                for word in words
            ]
        )
        expression = match_query(f.text) if sqlite else None
        if expression:
            # The comment's own words are found through the full-text index.
            match = literal_column("comment_fts").op("MATCH")(expression)
            where.append(or_(about_event, Comment.id.in_(select(_FTS.c.rowid).where(match))))
        else:
            where.append(about_event)
    return where


def list_log_in(
    session: Session, f: LogFilter, after: LogRow | None = None, limit: int = PAGE_SIZE
) -> list[LogRow]:
    stmt = _select().where(*_conditions(f, session.get_bind().dialect.name == "sqlite"))
    if after is not None:
        bound = tuple_(literal(after.at, type_=ModerationEvent.at.type), literal(after.id, type_=Integer()))
        stmt = stmt.where(tuple_(ModerationEvent.at, ModerationEvent.id) < bound)
    stmt = stmt.order_by(ModerationEvent.at.desc(), ModerationEvent.id.desc()).limit(limit)
    return [LogRow(*row) for row in session.execute(stmt)]


def log_actors_in(session: Session) -> list[str]:
    """Everyone who has taken a decision, alphabetically."""
    return [
        a
        for a in session.scalars(select(ModerationEvent.actor).distinct().order_by(ModerationEvent.actor))
        if a
    ]


def list_log(db: Database, f: LogFilter, after: LogRow | None = None, limit: int = PAGE_SIZE) -> list[LogRow]:
    with db.session() as session:
        return list_log_in(session, f, after, limit)


def log_actors(db: Database) -> list[str]:
    with db.session() as session:
        return log_actors_in(session)


@patient
def undo_event(db: Database, event_id: int, actor: str) -> Decision:
    """Put the event's comment back in the status the event moved it from."""
    with db.session() as session:
        found = session.execute(
            select(
                ModerationEvent.comment_id,
                ModerationEvent.from_status,
                ModerationEvent.to_status,
                Comment.status,
            )
            .join(Comment, Comment.id == ModerationEvent.comment_id)
            .where(ModerationEvent.id == event_id)
        ).first()
        if found is None:
            raise UndoRefusedError("This decision is no longer in the log.")
        comment_id, from_status, to_status, current = found
        if current != to_status:
            raise UndoRefusedError(
                f"The comment has been moved to {current} since; that later decision stands.", current
            )
        decisions = set_status_in(
            session, [comment_id], from_status, actor, reason=f"undo of decision {event_id}"
        )
    return decisions[0]
