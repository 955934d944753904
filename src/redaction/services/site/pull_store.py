"""Comments from the site written here: converted, threaded, judged by the rules, remembered.

Contract: :func:`store_comments` takes one page of the REST API's comments (``context=edit``)
and writes, in the caller's session, those not already here — a comment already imported from
the site's WordPress export has the same ``source_id`` and is only linked — through
:func:`redaction.services.moderation.incoming.receive`, so the moderation rules judge them as
they judge imported ones; the rules' decisions are queued for the site. The text is the site's
raw text, byte for byte (shown as plain text at the desk). A reply whose parent is not here yet
(pages come newest first) is linked as soon as the parent arrives.

Comments on posts redaction did not publish bring their post here as an article
(:func:`adopt_posts`, as a WordPress import would); comments on pages and of unknown types are
skipped and remembered as such.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import unescape
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from redaction.domain.workflow import ArticleStatus
from redaction.services.articles.editing import create_article_in
from redaction.services.exchange.wxr_read import POST_STATUS
from redaction.services.moderation.comments import NewComment
from redaction.services.moderation.incoming import existing_sources, receive
from redaction.services.site import content
from redaction.services.site.context import PushContext
from redaction.services.site.outbox import FROM_WORDPRESS, source_key
from redaction.services.site.publish import fields_to_json
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.models import Article, Comment, Site, SiteComment, SitePost

KINDS = {"comment": "comment", "": "comment", "pingback": "pingback", "trackback": "trackback"}
ADOPT_ACTOR = "site"


@dataclass(slots=True)
class Stored:
    new: int = 0
    links: int = 0  # pingbacks and trackbacks among the new
    linked: int = 0  # already here (an import of the site's export): now known as the site's
    ignored: int = 0


def adopt_posts(ctx: PushContext, post_ids: Iterable[int]) -> dict[int, int]:
    """post id → article id for posts we have no article for: an article imported from the
    site's export (same uuid) is linked, any other post becomes a new article."""
    wanted = sorted(set(post_ids))
    found: dict[int, int] = {}
    for start in range(0, len(wanted), 100):
        chunk = wanted[start : start + 100]
        posts = ctx.client.get(
            "wp/v2/posts",
            {
                "include": ",".join(map(str, chunk)),
                "per_page": 100,
                "context": "edit",
                "_embed": "wp:term",
                "status": "publish,future,draft,pending,private",
            },
        ).data
        with ctx.db.session() as session:
            for post in posts or ():
                found[int(post["id"])] = _adopt(session, post)
    return found


def _adopt(session: Session, post: dict[str, Any]) -> int:
    guid = content.raw_field(post, "guid") or content.raw_field(post, "link")
    uuid = str(uuid_module.uuid5(uuid_module.NAMESPACE_URL, guid))  # as the WordPress importer does
    rubric, tags = "", []
    for group in (post.get("_embedded") or {}).get("wp:term") or ():
        for term in group or ():
            if term.get("taxonomy") == "category" and not rubric and term.get("slug") != "uncategorized":
                rubric = unescape(str(term.get("name", "")))
            elif term.get("taxonomy") == "post_tag":
                tags.append(unescape(str(term.get("name", ""))))
    status = POST_STATUS.get(str(post.get("status")), ArticleStatus.DRAFT).value
    fields = content.fields_of_post(post, rubric, tuple(tags), {}, status=status)
    article_id = session.execute(select(Article.id).where(Article.uuid == uuid)).scalar_one_or_none()
    if article_id is None:
        created = content.parse_wordpress_date(post.get("date_gmt"))
        article = create_article_in(
            session,
            fields,
            ADOPT_ACTOR,
            created_at=created,
            published_at=created if status == ArticleStatus.PUBLISHED else None,
            uuid=uuid,
        )
        article.slug = str(post.get("slug") or article.slug)[:200]
        article_id = article.id
        record(session, Changes.of(articles=[article_id], article_set=True))
    sent = {
        "fields": fields_to_json(fields),
        "post": {k: content.raw_field(post, k) for k in ("title", "content", "excerpt")},
    }
    session.merge(
        SitePost(
            article_id=article_id,
            post_id=int(post["id"]),
            link=str(post.get("link", "")),
            modified_gmt=str(post.get("modified_gmt", "")),
            status=str(post.get("status", "")),
            sent_fields=json.dumps(sent, ensure_ascii=False),
        )
    )
    return article_id


def articles_of(session: Session, post_ids: Iterable[int]) -> dict[int, int]:
    ids = list(set(post_ids))
    return dict(
        session.execute(select(SitePost.post_id, SitePost.article_id).where(SitePost.post_id.in_(ids))).all()
    )


def store_comments(ctx: PushContext, rows: Sequence[dict[str, Any]]) -> Stored:
    """Write one page of comments (already-known ones are skipped)."""
    stored = Stored()
    key = ctx.site.key
    with ctx.db.session() as session:
        already_ignored = set(
            json.loads(session.execute(select(Site.ignored).where(Site.id == 1)).scalar_one() or "[]")
        )
        rows = [r for r in rows if int(r["id"]) not in already_ignored]
        missing_posts = {int(r["post"]) for r in rows} - set(
            articles_of(session, (int(r["post"]) for r in rows))
        )
    if not rows:
        return stored
    if missing_posts:
        adopt_posts(ctx, missing_posts)
    with ctx.db.session() as session:
        site = session.get(Site, 1)
        assert site is not None
        ignored = set(json.loads(site.ignored or "[]"))
        article_of = articles_of(session, (int(r["post"]) for r in rows))
        wp_ids = [int(r["id"]) for r in rows]
        known = set(session.execute(select(SiteComment.wp_id).where(SiteComment.wp_id.in_(wp_ids))).scalars())
        sources = {int(r["id"]): source_key(key, int(r["post"]), int(r["id"])) for r in rows}
        imported = existing_sources(session, [sources[i] for i in wp_ids if i not in known])
        parents = _local_ids(session, {int(r["parent"]) for r in rows if int(r.get("parent") or 0)})
        new: list[NewComment] = []
        meta: list[tuple[int, int, str]] = []  # (wp id, wp parent, our status) of each new comment
        replies: dict[int, int] = {}
        position: dict[int, int] = {}
        for row in sorted(rows, key=lambda r: int(r["id"])):  # parents before their replies
            wp_id, wp_parent = int(row["id"]), int(row.get("parent") or 0)
            status = FROM_WORDPRESS.get(str(row.get("status")), "pending")
            if wp_id in known or wp_id in position:
                continue
            if sources[wp_id] in imported:
                session.add(
                    SiteComment(
                        comment_id=imported[sources[wp_id]],
                        wp_id=wp_id,
                        wp_parent=wp_parent,
                        site_status=status,
                    )
                )
                stored.linked += 1
                continue
            kind = KINDS.get(str(row.get("type") or ""))
            article_id = article_of.get(int(row["post"]))
            if kind is None or article_id is None:
                ignored.add(wp_id)
                stored.ignored += 1
                continue
            if wp_parent in position:
                replies[len(new)] = position[wp_parent]
            position[wp_id] = len(new)
            new.append(
                NewComment(
                    article_id=article_id,
                    body=(row.get("content") or {}).get("raw", ""),
                    author_name=str(row.get("author_name") or "")[:200],
                    author_email=str(row.get("author_email") or "")[:320],
                    author_url=str(row.get("author_url") or "")[:2000],
                    author_ip=str(row.get("author_ip") or "")[:64],
                    created_at=content.parse_wordpress_date(row.get("date_gmt")),
                    status=status,
                    parent_id=parents.get(wp_parent),
                    kind=kind,
                    source_id=sources[wp_id],
                )
            )
            meta.append((wp_id, wp_parent, status))
        arrived = receive(session, new, replies)
        session.add_all(
            SiteComment(comment_id=cid, wp_id=wp_id, wp_parent=wp_parent, site_status=status)
            for cid, (wp_id, wp_parent, status) in zip(arrived.ids, meta, strict=True)
        )
        session.flush()
        _thread(session, [wp_id for wp_id, _, _ in meta])
        # What the rules decided goes to the site too: the rules queue it (moderation.rules._write).
        if stored.ignored:
            site.ignored = json.dumps(sorted(ignored))
        stored.new = len(new)
        stored.links = sum(1 for n in new if n.kind != "comment")
        if new:
            record(session, Changes.of(articles={n.article_id for n in new}, comment_set=True))
    return stored


def _local_ids(session: Session, wp_ids: set[int]) -> dict[int, int]:
    if not wp_ids:
        return {}
    rows = session.execute(
        select(SiteComment.wp_id, SiteComment.comment_id).where(SiteComment.wp_id.in_(list(wp_ids)))
    )
    return dict(rows.all())


def _thread(session: Session, parents: list[int]) -> None:
    """Link the replies that arrived before these parents (pages come newest first, and a pull
    may have been cancelled between the reply's page and the parent's)."""
    for start in range(0, len(parents), 500):
        chunk = parents[start : start + 500]
        child, parent = SiteComment.__table__.alias("child"), SiteComment.__table__.alias("parent")
        waiting = session.execute(
            select(child.c.comment_id, parent.c.comment_id)
            .join(parent, parent.c.wp_id == child.c.wp_parent)
            .join(Comment, Comment.id == child.c.comment_id)
            .where(child.c.wp_parent.in_(chunk), Comment.parent_id.is_(None))
        ).all()
        if waiting:
            session.execute(
                update(Comment).execution_options(synchronize_session=False),
                [{"id": c, "parent_id": p} for c, p in waiting],
            )
