"""What the window shows of the site, each read in one unit of work (Qt-free, no HTTP).

- :func:`site_state`: the connected site as the Site dialog and the status bar show it, with
  how many outbox items wait, are in conflict or were refused (one grouped count);
- :func:`public_link`: an article's address on the site, when it has one;
- :func:`outbox_rows`: the unsettled outbox items with what they are about in words (the
  article's title, the comment's author), for the list of waiting changes;
- :func:`comment_conflicts`: comments moderated on the site after a decision taken here, with
  enough of the comment to recognise it.

Nothing here imports the HTTP client: the window reads these at start-up and after every change
without loading what only a sync needs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redaction.services.site.outbox import OutboxEntry, entry_of
from redaction.services.site.values import (
    CONFLICT,
    FAILED,
    MODERATE,
    OPEN_STATES,
    PUBLISH,
    REPLY,
    UNPUBLISH,
    WAITING,
    OutboxCounts,
    PublicLink,
    SiteState,
)
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment, OutboxItem, Site, SitePost

EXCERPT_CHARS = 120


@dataclass(frozen=True, slots=True)
class OutboxRow:
    entry: OutboxEntry
    article_title: str  # the article published, or the one the comment is on ("" if gone)
    comment_author: str  # for decisions and replies ("" otherwise)


@dataclass(frozen=True, slots=True)
class CommentConflictRow:
    outbox_id: int
    comment_id: int
    author: str
    article_title: str
    excerpt: str
    local_status: str  # the decision taken here
    site_status: str  # the decision the site kept
    message: str


def _counts(session: Session) -> OutboxCounts:
    rows = dict(
        session.execute(
            select(OutboxItem.state, func.count())
            .where(OutboxItem.state.in_(list(OPEN_STATES)))
            .group_by(OutboxItem.state)
        ).all()
    )
    return OutboxCounts(rows.get(WAITING, 0), rows.get(CONFLICT, 0), rows.get(FAILED, 0))


def outbox_counts(db: Database) -> OutboxCounts:
    """Waiting, in conflict, refused: what the status bar's "N changes waiting" says."""
    with db.session() as session:
        return _counts(session)


def site_state(db: Database) -> SiteState | None:
    """The connected site, or None."""
    with db.session() as session:
        site = session.get(Site, 1)
        if site is None:
            return None
        counts = _counts(session)
        return SiteState(
            url=site.url,
            name=site.name,
            user_name=site.user_name,
            timezone=site.timezone,
            capabilities=tuple(json.loads(site.capabilities or "[]")),
            connected_at=site.connected_at,
            last_sync_at=site.last_sync_at,
            waiting=counts.waiting,
            conflicts=counts.conflicts,
            failed=counts.failed,
        )


def public_link(db: Database, article_id: int) -> PublicLink | None:
    """The article's post on the connected site, if it was sent there."""
    with db.session() as session:
        post = session.get(SitePost, article_id)
        if post is None or not post.link:
            return None
        return PublicLink(article_id, post.post_id, post.link, post.status)


def _titles(session: Session, article_ids: Sequence[int]) -> dict[int, str]:
    if not article_ids:
        return {}
    return dict(
        session.execute(select(Article.id, Article.title).where(Article.id.in_(list(set(article_ids))))).all()
    )


def _comments(session: Session, comment_ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
    """comment id → (author, article title, start of the text)."""
    if not comment_ids:
        return {}
    rows = session.execute(
        select(Comment.id, Comment.author_name, Article.title, func.substr(Comment.body, 1, EXCERPT_CHARS))
        .join(Article, Article.id == Comment.article_id)
        .where(Comment.id.in_(list(set(comment_ids))))
    )
    return {r[0]: (r[1] or "", r[2] or "", r[3] or "") for r in rows}


def outbox_rows(db: Database, limit: int = 500) -> list[OutboxRow]:
    """The items not settled yet (waiting, in conflict, refused), oldest first, described."""
    with db.session() as session:
        items = [
            entry_of(r)
            for r in session.execute(
                select(OutboxItem)
                .where(OutboxItem.state.in_(list(OPEN_STATES)))
                .order_by(OutboxItem.id)
                .limit(limit)
            ).scalars()
        ]
        article_ids = [int(e.payload["article"]) for e in items if e.kind in (PUBLISH, UNPUBLISH)]
        comment_ids = [int(e.payload["comment"]) for e in items if e.kind in (MODERATE, REPLY)]
        titles = _titles(session, article_ids)
        comments = _comments(session, comment_ids)
    rows = []
    for entry in items:
        if entry.kind in (PUBLISH, UNPUBLISH):
            title = titles.get(int(entry.payload["article"]), "")
            rows.append(OutboxRow(entry, title, ""))
        else:
            author, title, _ = comments.get(int(entry.payload.get("comment", 0)), ("", "", ""))
            rows.append(OutboxRow(entry, title, author))
    return rows


def comment_conflicts(db: Database) -> list[CommentConflictRow]:
    """Decisions held because the site decided otherwise afterwards, oldest first."""
    with db.session() as session:
        items = [
            entry_of(r)
            for r in session.execute(
                select(OutboxItem)
                .where(OutboxItem.state == CONFLICT, OutboxItem.kind == MODERATE)
                .order_by(OutboxItem.id)
            ).scalars()
        ]
        comments = _comments(session, [int(e.payload["comment"]) for e in items])
    found = []
    for entry in items:
        comment_id = int(entry.payload["comment"])
        author, title, excerpt = comments.get(comment_id, ("", "", ""))
        found.append(
            CommentConflictRow(
                outbox_id=entry.id,
                comment_id=comment_id,
                author=author,
                article_title=title,
                excerpt=excerpt,
                local_status=str(entry.payload.get("status", "")),
                site_status=str(entry.payload.get("site_status", "")),
                message=entry.last_error,
            )
        )
    return found
