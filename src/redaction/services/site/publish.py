"""Publishing and unpublishing articles on the site: the local half.

Contract: :func:`publish_articles` and :func:`unpublish_articles` change the articles locally
(status, publication date, a revision) and queue what the site must receive in the SAME
transaction, so that the action succeeds offline and reaches the site at the next sync, once.
What is queued is a snapshot of the fields as published, so an edit saved afterwards is not
sent until the article is published again (as WordPress's own "Update" button works). A
publication date in the future schedules the post (WordPress's ``future`` status).

A post edited on the site since redaction last saw it is never overwritten: the sync reports a
:class:`PostConflict` with the three versions (what we last sent, ours, the site's), which the
window merges with the articles' three-way merge; :func:`publish_merged` then queues the merged
fields to replace the site's version, and :func:`keep_site_version` takes the site's instead.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction.domain.dates import utcnow
from redaction.domain.workflow import ArticleStatus, can_move
from redaction.services.articles.editing import get_article_in, revision_of, save_article
from redaction.services.articles.values import ArticleFields
from redaction.services.errors import RefusedError
from redaction.services.site import errors
from redaction.services.site.outbox import enqueue_in, set_state_in
from redaction.services.site.values import CONFLICT, PUBLISH, RESOLVED, UNPUBLISH
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.database import Database
from redaction.storage.models import Article, OutboxItem, Site, SitePost


class PublishRefusedError(RefusedError):
    """An article that may not be published (or unpublished) as asked."""


@dataclass(frozen=True, slots=True)
class Queued:
    """An article whose publication (or unpublication) waits in the outbox."""

    article_id: int
    outbox_id: int
    title: str
    scheduled: datetime | None = None  # a publication date in the future


@dataclass(frozen=True, slots=True)
class PostConflict:
    """The post changed on the site since we last saw it; nothing was overwritten.

    ``base`` is what we last sent (None if we never sent it), ``mine`` what we are publishing,
    ``theirs`` the site's version now (None: the post was deleted or trashed on the site)."""

    outbox_id: int
    article_id: int
    post_id: int
    base: ArticleFields | None
    mine: ArticleFields
    theirs: ArticleFields | None
    site_modified: str
    message: str


def fields_from_json(data: dict[str, object]) -> ArticleFields:
    values = dict(data)
    values["tags"] = tuple(values.get("tags") or ())  # type: ignore[arg-type]
    return ArticleFields(**values)  # type: ignore[arg-type]


def fields_to_json(fields: ArticleFields) -> dict[str, object]:
    data = asdict(fields)
    data["tags"] = list(fields.tags)
    return data


def _require_site(session: Session) -> None:
    if session.get(Site, 1) is None:
        raise errors.NotConnectedError(
            "no site is connected: run 'redaction site connect URL --user USER' first"
        )


def _articles(session: Session, article_ids: Sequence[int]) -> list[Article]:
    found = []
    for article_id in dict.fromkeys(article_ids):
        article = session.get(Article, article_id)
        if article is None:
            raise PublishRefusedError(f"there is no article {article_id}")
        found.append(article)
    return found


def queue_publication_in(
    session: Session, article: Article, base_modified: str = "", base_post: dict[str, str] | None = None
) -> int:
    """Queue the article as it stands now (its fields, uuid, slug and publication date)."""
    detail = get_article_in(session, article.id)
    payload: dict[str, object] = {
        "article": article.id,
        "uuid": article.uuid,
        "slug": article.slug,
        "published_at": (article.published_at or utcnow()).isoformat(),
        "fields": fields_to_json(detail.fields),
    }
    if base_modified:
        payload["base_modified"] = base_modified  # the site's version the merge was made against
        payload["base_post"] = base_post or {}
    return enqueue_in(session, PUBLISH, payload)


def _move(session: Session, article: Article, status: ArticleStatus, actor: str, reason: str) -> None:
    now = utcnow()
    article.status = status.value
    article.updated_at = now
    session.flush()
    detail = get_article_in(session, article.id)
    session.add(
        revision_of(article.id, detail.fields, article.version, actor, reason, now, article.word_count)
    )


def publish_articles(
    db: Database, article_ids: Sequence[int], actor: str, at: datetime | None = None
) -> list[Queued]:
    """Mark the articles published (at ``at``, else their publication date, else now) and queue
    them for the site, all in one transaction. Only ready or published articles may be."""
    if at is not None and at.tzinfo is None:
        raise PublishRefusedError("the publication date needs a time zone (e.g. 2025-04-19T08:30+02:00)")
    queued: list[Queued] = []
    with db.session() as session:
        _require_site(session)
        articles = _articles(session, article_ids)
        for article in articles:
            current = ArticleStatus.parse(article.status)
            if not can_move(current, ArticleStatus.PUBLISHED):
                raise PublishRefusedError(
                    f"article {article.id} “{article.title}” is {current.value.replace('_', ' ')}: "
                    "only a ready article can be published"
                )
        now = utcnow()
        for article in articles:
            if at is not None:
                article.published_at = at
            elif article.published_at is None:
                article.published_at = now
            if article.status != ArticleStatus.PUBLISHED or at is not None:
                _move(session, article, ArticleStatus.PUBLISHED, actor, "published")
            outbox_id = queue_publication_in(session, article)
            scheduled = article.published_at if article.published_at and article.published_at > now else None
            queued.append(Queued(article.id, outbox_id, article.title, scheduled))
        record(session, Changes.of(articles=[a.id for a in articles], outbox=True))
    return queued


def unpublish_articles(db: Database, article_ids: Sequence[int], actor: str) -> list[Queued]:
    """Send published articles back to draft, here and (at the next sync) on the site."""
    queued: list[Queued] = []
    with db.session() as session:
        _require_site(session)
        articles = _articles(session, article_ids)
        for article in articles:
            if article.status != ArticleStatus.PUBLISHED:
                raise PublishRefusedError(f"article {article.id} “{article.title}” is not published")
        for article in articles:
            _move(session, article, ArticleStatus.DRAFT, actor, "unpublished")
            outbox_id = enqueue_in(session, UNPUBLISH, {"article": article.id})
            queued.append(Queued(article.id, outbox_id, article.title))
        record(session, Changes.of(articles=[a.id for a in articles], outbox=True))
    return queued


# -- conflicts ------------------------------------------------------------------------------------
def conflict_of(item: OutboxItem) -> PostConflict | None:
    """The conflict an outbox item holds (written there by the sync), if it is one."""
    if item.kind != PUBLISH or item.state != CONFLICT:
        return None
    payload = json.loads(item.payload)
    conflict = payload.get("conflict") or {}
    return PostConflict(
        outbox_id=item.id,
        article_id=int(payload["article"]),
        post_id=int(conflict.get("post", 0)),
        base=fields_from_json(conflict["base"]) if conflict.get("base") else None,
        mine=fields_from_json(payload["fields"]),
        theirs=fields_from_json(conflict["theirs"]) if conflict.get("theirs") else None,
        site_modified=str(conflict.get("site_modified", "")),
        message=item.last_error,
    )


def post_conflicts(db: Database) -> list[PostConflict]:
    """Every publication held back because the post changed on the site, oldest first."""
    with db.session() as session:
        items = session.execute(
            select(OutboxItem)
            .where(OutboxItem.state == CONFLICT, OutboxItem.kind == PUBLISH)
            .order_by(OutboxItem.id)
        ).scalars()
        return [c for c in (conflict_of(i) for i in items) if c is not None]


def _conflict(session: Session, outbox_id: int) -> tuple[OutboxItem, PostConflict]:
    item = session.get(OutboxItem, outbox_id)
    conflict = conflict_of(item) if item is not None else None
    if item is None or conflict is None:
        raise PublishRefusedError(f"outbox item {outbox_id} is not a publication in conflict")
    return item, conflict


def publish_merged(db: Database, outbox_id: int, fields: ArticleFields, actor: str) -> int:
    """Settle a :class:`PostConflict` with ``fields`` (merged, or ours, or theirs): saved here as
    a new revision and queued to replace the site's version the merge was made against (a post
    deleted on the site is published again). Returns the new outbox item's id."""
    with db.session() as session:
        _, conflict = _conflict(session, outbox_id)
        version = session.execute(
            select(Article.version).where(Article.id == conflict.article_id)
        ).scalar_one()
    merged = (
        fields
        if fields.status == ArticleStatus.PUBLISHED
        else ArticleFields(**{**asdict(fields), "status": "published"})
    )
    save_article(db, conflict.article_id, merged, version, actor, reason="merged with the site")
    with db.session() as session:
        item, _ = _conflict(session, outbox_id)  # still in conflict: nobody settled it meanwhile
        site_post = json.loads(item.payload)["conflict"].get("site_post") or {}
        set_state_in(session, outbox_id, RESOLVED, "settled: merged version published")
        article = session.get(Article, conflict.article_id)
        assert article is not None
        new_id = queue_publication_in(
            session, article, base_modified=conflict.site_modified or "deleted", base_post=site_post
        )
        record(session, Changes.of(articles=[conflict.article_id], outbox=True))
    return new_id


def keep_site_version(db: Database, outbox_id: int, actor: str) -> None:
    """Settle a :class:`PostConflict` by taking the site's version here; nothing is sent."""
    with db.session() as session:
        _, conflict = _conflict(session, outbox_id)
        version = session.execute(
            select(Article.version).where(Article.id == conflict.article_id)
        ).scalar_one()
    if conflict.theirs is None:
        raise PublishRefusedError("the post was deleted on the site: there is no site version to keep")
    save_article(db, conflict.article_id, conflict.theirs, version, actor, reason="kept the site's version")
    with db.session() as session:
        item, _ = _conflict(session, outbox_id)
        site_post = json.loads(item.payload)["conflict"].get("site_post") or {}
        set_state_in(session, outbox_id, RESOLVED, "settled: the site's version kept")
        post = session.get(SitePost, conflict.article_id)
        if post is not None:  # the site's version is now the one we know
            post.modified_gmt = conflict.site_modified
            post.sent_fields = json.dumps(
                {"fields": fields_to_json(conflict.theirs), "post": site_post}, ensure_ascii=False
            )
        record(session, Changes.of(articles=[conflict.article_id], outbox=True))
