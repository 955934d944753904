"""The commenter dossier: everything one reader wrote, across articles.

A reader is known by their email address when they gave one, else by the exact name they typed
(the site asks for both, but imports and old comments may lack the address). The dossier's
queue is an ordinary :class:`QueueFilter`, so the desk's model shows it like any queue, and its
bulk actions (approve everything pending, trash everything) are chunked like any bulk move.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from redaction.domain.workflow import CommentStatus
from redaction.services.moderation.queue import BulkOutcome, Progress, decide_in_chunks, queue_ids_in
from redaction.services.moderation.values import ALL, STATUSES, QueueFilter
from redaction.storage.database import Database
from redaction.storage.models import Comment

SHOWN_VARIANTS = 8  # names, addresses, sites and IPs listed in the dossier (most used first)


@dataclass(frozen=True, slots=True)
class Commenter:
    """Who a dossier is about: an email address, or a name when there is no address."""

    email: str
    name: str

    @property
    def by_email(self) -> bool:
        return bool(self.email)

    def queue_filter(self, status: str | None = None) -> QueueFilter:
        if self.by_email:
            return QueueFilter(status=status, author_email=self.email)
        return QueueFilter(status=status, author_name=self.name)


@dataclass(frozen=True, slots=True)
class Dossier:
    commenter: Commenter
    counts: dict[str, int]
    names: list[str]
    emails: list[str]
    urls: list[str]
    ips: list[str]
    articles: int
    first_seen: datetime | None
    last_seen: datetime | None


def commenter_of(email: str, name: str) -> Commenter:
    return Commenter(email.strip(), "" if email.strip() else name)


def _key(commenter: Commenter) -> ColumnElement[bool]:
    return (
        Comment.author_email == commenter.email
        if commenter.by_email
        else Comment.author_name == commenter.name
    )


def _top(session: Session, column: InstrumentedAttribute[str], commenter: Commenter) -> list[str]:
    stmt = (
        select(column)
        .where(_key(commenter), column != "")
        .group_by(column)
        .order_by(func.count().desc())
        .limit(SHOWN_VARIANTS)
    )
    return [str(v) for v in session.scalars(stmt)]


def dossier(db: Database, commenter: Commenter) -> Dossier:
    with db.session() as session:
        counts = dict.fromkeys(STATUSES, 0)
        for status, n in session.execute(
            select(Comment.status, func.count()).where(_key(commenter)).group_by(Comment.status)
        ):
            if status in counts:
                counts[status] = n
        counts[ALL] = sum(counts[s] for s in STATUSES)
        articles, first, last = session.execute(
            select(
                func.count(func.distinct(Comment.article_id)),
                func.min(Comment.created_at),
                func.max(Comment.created_at),
            ).where(_key(commenter))
        ).one()
        return Dossier(
            commenter=commenter,
            counts=counts,
            names=_top(session, Comment.author_name, commenter),
            emails=_top(session, Comment.author_email, commenter),
            urls=_top(session, Comment.author_url, commenter),
            ips=_top(session, Comment.author_ip, commenter),
            articles=int(articles or 0),
            first_seen=first,
            last_seen=last,
        )


def approve_all_pending(
    db: Database, commenter: Commenter, actor: str, progress: Progress | None = None
) -> BulkOutcome:
    with db.session() as session:
        ids = queue_ids_in(session, commenter.queue_filter(CommentStatus.PENDING.value))
    return decide_in_chunks(
        db, ids, CommentStatus.APPROVED.value, actor, progress, reason="dossier: approve all pending"
    )


def trash_all(
    db: Database, commenter: Commenter, actor: str, progress: Progress | None = None
) -> BulkOutcome:
    with db.session() as session:
        ids = [
            i
            for status in (CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.SPAM)
            for i in queue_ids_in(session, commenter.queue_filter(status.value))
        ]
    return decide_in_chunks(db, ids, CommentStatus.TRASH.value, actor, progress, reason="dossier: trash all")
