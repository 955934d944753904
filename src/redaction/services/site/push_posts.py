"""Sending publications and unpublications to the site (one outbox item each, in order).

A publication uploads the article's images first — each once per content hash: our record of
uploads, else the site's media library searched by the hash (the file is named after it), else
an upload — then finds or creates the rubric's category and the tags, then creates or updates
the post. Before updating, the post's ``modified_gmt`` is compared with the one we last saw: a
post edited (or deleted) on the site since is not touched and the item becomes a conflict
holding the three versions. An item tried before (redaction stopped mid-way) that never got a
post id first looks for a post carrying the article's marker, so a crash never creates a
second post.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from html import unescape
from typing import Any

from sqlalchemy import delete, select, update

from redaction.domain.dates import utcnow
from redaction.domain.image_refs import image_url
from redaction.domain.images import EXTENSIONS
from redaction.services.articles.images import find_image_in
from redaction.services.articles.values import ArticleFields
from redaction.services.site import content, errors
from redaction.services.site.context import PushContext
from redaction.services.site.outbox import OutboxEntry, set_state_in
from redaction.services.site.publish import PostConflict, fields_from_json, fields_to_json
from redaction.services.site.values import CONFLICT, SENT
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.models import OutboxItem, SiteMedia, SitePost

_POST_FIELDS = "id,link,status,modified_gmt,permalink_template,generated_slug,slug,title,content,excerpt"


def public_link(post: dict[str, Any]) -> str:
    """The post's public address; for a scheduled post, the one it will have."""
    template, slug = (
        post.get("permalink_template") or "",
        post.get("slug") or post.get("generated_slug") or "",  # ours; WordPress's guess if none
    )
    if post.get("status") == "future" and template and slug:
        return template.replace("%postname%", slug).replace("%pagename%", slug)
    return str(post.get("link") or "")


# -- images and terms -------------------------------------------------------------------------------
def upload_images(ctx: PushContext, prefixes: list[str]) -> dict[str, str]:
    """hash prefix → address on the site, uploading what the site does not have yet."""
    found: dict[str, str] = {}
    for prefix in prefixes:
        with ctx.db.session() as session:
            image = find_image_in(session, prefix)
            if image is None:
                continue  # unknown here: left as written, as the preview shows it missing
            sha, mime, data = image.sha256, image.mime, image.data
            known = session.get(SiteMedia, sha)
            if known is not None:
                found[prefix] = known.url
                continue
        name = f"{sha}.{EXTENSIONS.get(mime, 'bin')}"
        hits = ctx.client.get(
            "wp/v2/media", {"search": sha, "_fields": "id,source_url,title", "context": "edit"}
        ).data
        media = next((m for m in hits or () if (m.get("title") or {}).get("raw") == sha), None)
        if media is None:
            media = ctx.client.post(
                "wp/v2/media",
                content=data,
                headers={"Content-Type": mime, "Content-Disposition": f'attachment; filename="{name}"'},
            ).data
        with ctx.db.session() as session:
            session.merge(SiteMedia(sha256=sha, media_id=int(media["id"]), url=str(media["source_url"])))
        found[prefix] = str(media["source_url"])
    return found


def term_id(ctx: PushContext, taxonomy: str, name: str) -> int:
    """The id of the category or tag ``name``, created on the site if missing."""
    key = (taxonomy, name.casefold())
    if key not in ctx.terms:
        try:
            ctx.terms[key] = int(ctx.client.post(f"wp/v2/{taxonomy}", {"name": name}).data["id"])
        except errors.SiteRejectedError as exc:
            existing = exc.data.get("term_id") if isinstance(exc.data, dict) else None
            if exc.code != "term_exists" or existing is None:
                raise
            ctx.terms[key] = int(existing)
    return ctx.terms[key]


def terms_of(ctx: PushContext, fields: ArticleFields) -> tuple[list[int], list[int]]:
    wanted = ([("categories", fields.rubric)] if fields.rubric else []) + [("tags", t) for t in fields.tags]
    ids = ctx.client.map(lambda t: term_id(ctx, *t), wanted)
    return (ids[:1], ids[1:]) if fields.rubric else ([], ids)


# -- the site's version, for a conflict ------------------------------------------------------------
def raw_post(post: dict[str, Any]) -> dict[str, str]:
    """The post's title, content and excerpt exactly as the site stores them."""
    return {key: content.raw_field(post, key) for key in ("title", "content", "excerpt")}


def site_version(
    ctx: PushContext, post: dict[str, Any], sent: dict[str, Any], mine: ArticleFields
) -> ArticleFields:
    """The post as the site has it now (``context=edit``, terms embedded), as article fields;
    what the site did not change is taken from what we sent, so a merge sees only real edits."""
    rubric, tags = "", []
    for group in (post.get("_embedded") or {}).get("wp:term") or ():
        for term in group or ():
            if term.get("taxonomy") == "category" and not rubric and term.get("slug") != "uncategorized":
                rubric = unescape(str(term.get("name", "")))
            elif term.get("taxonomy") == "post_tag":
                tags.append(unescape(str(term.get("name", ""))))
    with ctx.db.session() as session:
        media_back = {
            url: image_url(sha) for sha, url in session.execute(select(SiteMedia.sha256, SiteMedia.url))
        }
    base = fields_from_json(sent["fields"]) if sent.get("fields") else None
    theirs = content.fields_of_post(post, rubric, tuple(tags), media_back, defaults=base or mine)
    stored = sent.get("post") or {}
    if base is not None:
        now = raw_post(post)
        unchanged = {
            "title": now["title"] == stored.get("title"),
            "standfirst": now["excerpt"] == stored.get("excerpt"),
            "body": now["content"] == stored.get("content"),
        }
        theirs = ArticleFields(
            **{
                **fields_to_json(theirs),
                **{name: getattr(base, name) for name, same in unchanged.items() if same},
                "tags": base.tags if set(theirs.tags) == set(base.tags) else theirs.tags,
            }
        )
        if base.body.endswith("\n") and not theirs.body.endswith("\n"):
            # HTML keeps no final newline: losing it is no edit made on the site (merges would
            # otherwise find the last paragraph changed on both sides whenever ours changed it).
            theirs = replace(theirs, body=theirs.body + "\n")
    return theirs


def _unchanged(post: dict[str, Any], modified: str, stored: dict[str, str] | None) -> bool:
    """The site's post is still the version we knew: same ``modified_gmt`` (to the second) and,
    when we know it, the same stored text (an edit within the same second changes the text)."""
    return (
        bool(modified) and post.get("modified_gmt") == modified and (not stored or raw_post(post) == stored)
    )


def _hold_conflict(
    ctx: PushContext, entry: OutboxEntry, conflict: PostConflict, site_post: dict[str, str]
) -> None:
    payload = dict(entry.payload)
    payload["conflict"] = {
        "post": conflict.post_id,
        "site_post": site_post,
        "base": fields_to_json(conflict.base) if conflict.base else None,
        "theirs": fields_to_json(conflict.theirs) if conflict.theirs else None,
        "site_modified": conflict.site_modified,
    }
    with ctx.db.session() as session:
        session.execute(
            update(OutboxItem)
            .where(OutboxItem.id == entry.id)
            .values(payload=json.dumps(payload, ensure_ascii=False))
        )
        set_state_in(session, entry.id, CONFLICT, conflict.message)
    ctx.result.post_conflicts.append(conflict)


# -- publish and unpublish ---------------------------------------------------------------------------
def push_publish(ctx: PushContext, entry: OutboxEntry) -> None:
    payload = entry.payload
    article_id = int(payload["article"])
    mine = fields_from_json(payload["fields"])
    with ctx.db.session() as session:
        known = session.get(SitePost, article_id)
        post_id = known.post_id if known else None
        seen_modified = known.modified_gmt if known else ""
        sent = json.loads(known.sent_fields) if known and known.sent_fields else {}
    if post_id is not None:
        try:
            now = ctx.client.get(f"wp/v2/posts/{post_id}", {"context": "edit", "_embed": "wp:term"}).data
        except errors.SiteNotFoundError:
            now = None
        base = fields_from_json(sent["fields"]) if sent.get("fields") else None
        if now is None or now.get("status") == "trash":
            if payload.get("base_modified") != "deleted":
                message = (
                    f"“{mine.title}” was deleted on the site {ctx.site.url} since it was published from here"
                )
                return _hold_conflict(
                    ctx, entry, PostConflict(entry.id, article_id, post_id, base, mine, None, "", message), {}
                )
            post_id = None  # the person chose to publish it again
        elif not (
            _unchanged(now, seen_modified, sent.get("post"))
            or _unchanged(now, str(payload.get("base_modified", "")), payload.get("base_post"))
        ):
            theirs = site_version(ctx, now, sent, mine)
            message = (
                f"“{mine.title}” was edited on the site {ctx.site.url} since it was published from here: "
                "compare and merge before publishing"
            )
            conflict = PostConflict(
                entry.id, article_id, post_id, base, mine, theirs, str(now["modified_gmt"]), message
            )
            return _hold_conflict(ctx, entry, conflict, raw_post(now))
    elif entry.attempts > 0:
        post_id = _post_with_marker(ctx, str(payload["uuid"]))
    ctx.attempted(entry.id)
    body_html = content.render_body(mine)
    media = upload_images(ctx, content.image_prefixes(body_html))
    categories, tags = terms_of(ctx, mine)
    published_at = datetime.fromisoformat(str(payload["published_at"]))
    data = content.post_payload(
        mine,
        str(payload["uuid"]),
        str(payload["slug"]),
        body_html,
        media,
        published_at,
        categories,
        tags,
        utcnow(),
    )
    route = f"wp/v2/posts/{post_id}" if post_id else "wp/v2/posts"
    post = ctx.client.post(route, data, params={"_fields": _POST_FIELDS}, idempotent=post_id is not None).data
    link = public_link(post)
    sent_now = {"fields": fields_to_json(mine), "post": raw_post(post)}  # as the site stored it
    with ctx.db.session() as session:
        session.execute(
            delete(SitePost).where(SitePost.post_id == int(post["id"]), SitePost.article_id != article_id)
        )
        session.merge(
            SitePost(
                article_id=article_id,
                post_id=int(post["id"]),
                link=link,
                modified_gmt=str(post.get("modified_gmt", "")),
                status=str(post.get("status", "")),
                sent_fields=json.dumps(sent_now, ensure_ascii=False),
                sent_at=utcnow(),
            )
        )
        set_state_in(session, entry.id, SENT)
        record(session, Changes.of(articles=[article_id]))
    ctx.result.links[article_id] = link
    ctx.result.sent += 1


def _post_with_marker(ctx: PushContext, uuid: str) -> int | None:
    """A post created by an earlier attempt that did not live to record it."""
    hits = ctx.client.get(
        "wp/v2/posts",
        {
            "search": uuid,
            "status": "publish,future,draft,pending,private",
            "context": "edit",
            "_fields": "id,content",
        },
    ).data
    for post in hits or ():
        if content.uuid_in(content.raw_field(post, "content")) == uuid:
            return int(post["id"])
    return None


def push_unpublish(ctx: PushContext, entry: OutboxEntry) -> None:
    article_id = int(entry.payload["article"])
    with ctx.db.session() as session:
        known = session.get(SitePost, article_id)
        post_id = known.post_id if known else None
    note = ""
    if post_id is None:
        note = "was not on the site"
    else:
        try:
            post = ctx.client.post(
                f"wp/v2/posts/{post_id}",
                {"status": "draft"},
                params={"_fields": _POST_FIELDS},
                idempotent=True,
            ).data
        except errors.SiteNotFoundError:
            post, note = None, "already gone from the site"
        with ctx.db.session() as session:
            if post is not None:
                session.execute(
                    update(SitePost)
                    .where(SitePost.article_id == article_id)
                    .values(
                        status=str(post.get("status", "draft")),
                        modified_gmt=str(post.get("modified_gmt", "")),
                    )
                )
    with ctx.db.session() as session:
        set_state_in(session, entry.id, SENT, note)
        record(session, Changes.of(articles=[article_id]))
    ctx.result.sent += 1
