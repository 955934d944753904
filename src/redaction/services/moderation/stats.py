"""Figures for the moderation dashboard: comments per day by status, the backlog, how long
readers wait for a decision, and the most-commented articles.

Days are UTC calendar days. Range queries name every status so that the database walks the
(status, created_at) index instead of the whole comment table. The median wait is measured
from a comment's arrival to the first decision recorded for it, over the comments that arrived
in the period and have been decided.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from redaction.domain.dates import utcnow
from redaction.domain.workflow import CommentStatus
from redaction.services.moderation.values import READER_KINDS, STATUSES
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment, CommentCount, ModerationEvent

TOP_ARTICLES = 10


@dataclass(frozen=True, slots=True)
class DayCounts:
    day: date
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class TopArticle:
    article_id: int
    title: str
    comments: int


@dataclass(frozen=True, slots=True)
class DashboardFigures:
    days: list[DayCounts]
    pending: int
    oldest_pending: datetime | None
    median_wait: timedelta | None
    decided: int  # comments the median is measured over
    top_articles: list[TopArticle]
    now: datetime


def _as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def dashboard_figures(db: Database, days: int = 30, now: datetime | None = None) -> DashboardFigures:
    now = now or utcnow()
    first_day = (now - timedelta(days=days - 1)).date()
    since = datetime(first_day.year, first_day.month, first_day.day, tzinfo=UTC)
    in_period = (Comment.status.in_(STATUSES), Comment.created_at >= since, Comment.kind.in_(READER_KINDS))
    with db.session() as session:
        per_day: dict[date, dict[str, int]] = {
            first_day + timedelta(days=i): dict.fromkeys(STATUSES, 0) for i in range(days)
        }
        day = func.date(Comment.created_at)
        for raw_day, status, n in session.execute(
            select(day, Comment.status, func.count()).where(*in_period).group_by(day, Comment.status)
        ):
            bucket = per_day.get(_as_date(raw_day))
            if bucket is not None and status in bucket:
                bucket[status] = n
        pending = session.scalar(
            select(func.coalesce(func.sum(CommentCount.n), 0)).where(
                CommentCount.status == CommentStatus.PENDING.value, CommentCount.kind.in_(READER_KINDS)
            )
        )
        oldest = session.scalar(
            select(func.min(Comment.created_at)).where(
                Comment.status == CommentStatus.PENDING.value, Comment.kind.in_(READER_KINDS)
            )
        )
        first_decision = (
            select(func.min(ModerationEvent.at))
            .where(ModerationEvent.comment_id == Comment.id)
            .correlate(Comment)
            .scalar_subquery()
        )
        decided = [
            (at - created).total_seconds()
            for created, at in session.execute(
                select(Comment.created_at, first_decision.label("first")).where(
                    Comment.status.in_([s for s in STATUSES if s != CommentStatus.PENDING]),
                    Comment.created_at >= since,
                    Comment.kind.in_(READER_KINDS),
                )
            )
            if at is not None
        ]
        counted = func.count().label("n")
        top = session.execute(
            select(Comment.article_id, Article.title, counted)
            .join(Article, Article.id == Comment.article_id)
            .where(*in_period)
            .group_by(Comment.article_id, Article.title)
            .order_by(counted.desc(), Comment.article_id)
            .limit(TOP_ARTICLES)
        ).all()
    if isinstance(oldest, str):  # SQLite hands aggregates of DATETIME back as text
        oldest = datetime.fromisoformat(oldest).replace(tzinfo=UTC)
    return DashboardFigures(
        days=[DayCounts(d, c) for d, c in sorted(per_day.items())],
        pending=int(pending or 0),
        oldest_pending=oldest,
        median_wait=timedelta(seconds=statistics.median(decided)) if decided else None,
        decided=len(decided),
        top_articles=[TopArticle(a, t, n) for a, t, n in top],
        now=now,
    )
