"""Sending moderation decisions and newsroom replies to the site.

Decisions go in runs: the site's current status of every comment of the run is read first (a
few requests of up to 100 comments each, WordPress having no batch endpoint for comments), then
the changes are sent on several connections at once. Of several decisions on one comment only
the last is sent (the earlier ones are marked sent: the site ends where the desk ended).

A comment whose status on the site is no longer the one we last saw was moderated there after
our decision: the site's decision is kept — and applied here, with the moderation log saying so
— and the item becomes a conflict for the person to settle (:func:`resolve_comment_conflict`),
unless the sync was asked to prefer ours. A comment deleted on the site is marked so here (its
row, text and history stay).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update

from redaction.domain.dates import utcnow
from redaction.services.moderation.comments import set_status_in
from redaction.services.moderation.values import DELETED_ON_SITE
from redaction.services.site import errors
from redaction.services.site.context import CommentConflict, PushContext
from redaction.services.site.outbox import (
    FROM_WORDPRESS,
    LISTED,
    TO_WORDPRESS,
    OutboxEntry,
    parse_source,
    set_state_in,
    source_key,
)
from redaction.services.site.values import CONFLICT, FAILED, RESOLVED, SENT
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.database import Database
from redaction.storage.models import Comment, OutboxItem, SiteComment

SITE_ACTOR = "site"
PAGE = 100


@dataclass(slots=True)
class _Target:
    entry: OutboxEntry
    superseded: list[int]
    comment_id: int
    wp_id: int
    post_id: int
    wanted: str  # our status
    believed: str  # what we last knew the site had
    outcome: str = ""  # sent, conflict, deleted, failed, transient
    site_status: str = ""
    before: str = ""  # the site's status before we sent ours
    error: str = ""


def site_statuses(ctx: PushContext, wp_ids: Sequence[int]) -> dict[int, str]:
    """The site's current status (ours: pending, approved…) of each comment it still has."""
    asks = [
        (status, list(wp_ids[start : start + PAGE]))
        for status in LISTED.values()
        for start in range(0, len(wp_ids), PAGE)
    ]

    def ask(job: tuple[str, list[int]]) -> list[Any]:
        status, ids = job
        params = {
            "include": ",".join(map(str, ids)),
            "status": status,
            "type": "",
            "per_page": PAGE,
            "_fields": "id,status",
            "context": "edit",
        }
        return list(ctx.client.get("wp/v2/comments", params).data or ())

    found: dict[int, str] = {}
    for rows in ctx.client.map(ask, asks):
        for row in rows:
            found[int(row["id"])] = FROM_WORDPRESS.get(str(row.get("status")), str(row.get("status")))
    return found


def push_decisions(ctx: PushContext, entries: Sequence[OutboxEntry]) -> None:
    """Send a run of ``moderate`` items; raises the first transient error after recording the rest."""
    last: dict[int, OutboxEntry] = {}
    earlier: dict[int, list[int]] = {}
    for entry in entries:
        cid = int(entry.payload["comment"])
        if cid in last:
            earlier.setdefault(cid, []).append(last[cid].id)
        last[cid] = entry
    targets: list[_Target] = []
    with ctx.db.session() as session:
        rows = {
            r.id: r
            for r in session.execute(
                select(Comment.id, Comment.source_id, SiteComment.wp_id, SiteComment.site_status)
                .outerjoin(SiteComment, SiteComment.comment_id == Comment.id)
                .where(Comment.id.in_(list(last)))
            )
        }
        for cid, entry in last.items():
            row = rows.get(cid)
            parsed = parse_source(row.source_id, ctx.site.key) if row else None
            if row is None or parsed is None:
                set_state_in(
                    session, entry.id, FAILED, f"comment {cid} is no longer here, or not from the site"
                )
                ctx.result.failed.append(f"comment {cid}: not from the site; its decision was not sent")
                continue
            first = next(e for e in entries if int(e.payload["comment"]) == cid)
            believed = row.site_status or str(first.payload.get("from", ""))
            targets.append(
                _Target(
                    entry,
                    earlier.get(cid, []),
                    cid,
                    parsed[1],
                    parsed[0],
                    str(entry.payload["status"]),
                    believed,
                )
            )
    if not targets:
        return
    now = site_statuses(ctx, [t.wp_id for t in targets])
    to_send = []
    for t in targets:
        t.site_status = now.get(t.wp_id, "")
        if not t.site_status:
            t.outcome = "deleted"
        elif t.site_status == t.wanted:
            t.outcome = "sent"
        elif t.site_status != t.believed and ctx.keep_site_decisions:
            t.outcome = "conflict"
        else:
            to_send.append(t)
    ctx.client.map(lambda t: _send(ctx, t), to_send)
    _record(ctx, targets)
    transient = next((t for t in targets if t.outcome == "transient"), None)
    if transient is not None:
        raise _TransientError(transient.error)


class _TransientError(errors.SiteError):
    transient = True


def _send(ctx: PushContext, t: _Target) -> None:
    try:
        answer = ctx.client.post(
            f"wp/v2/comments/{t.wp_id}",
            {"status": TO_WORDPRESS[t.wanted]},
            params={"_fields": "id,status", "context": "edit"},
            idempotent=True,  # setting a status twice is setting it once
        )
        t.before, t.site_status = t.site_status, FROM_WORDPRESS.get(str(answer.data.get("status")), t.wanted)
        t.outcome = "sent"
    except errors.SiteNotFoundError:
        t.outcome = "deleted"
    except errors.SiteError as exc:
        t.outcome = "transient" if exc.transient or isinstance(exc, errors.BadCredentialsError) else "failed"
        t.error = str(exc)


def _record(ctx: PushContext, targets: Sequence[_Target]) -> None:
    with ctx.db.session() as session:
        changed: list[int] = []
        for t in targets:
            if t.outcome == "transient":
                continue  # stays waiting; sent again at the next sync
            for item_id in t.superseded:
                set_state_in(session, item_id, SENT, "superseded by a later decision")
            if t.outcome == "sent":
                if t.before:  # our own move, not to be taken for one made on the site
                    ctx.moved[t.before] -= 1
                    ctx.moved[t.site_status] += 1
                _seen(session, t.comment_id, t.wp_id, t.site_status)
                set_state_in(session, t.entry.id, SENT)
                ctx.result.sent += 1
            elif t.outcome == "deleted":
                mark_deleted_in(session, [t.comment_id])
                set_state_in(session, t.entry.id, FAILED, f"comment {t.comment_id} was deleted on the site")
                ctx.result.deleted_on_site += 1
                changed.append(t.comment_id)
            elif t.outcome == "conflict":
                message = (
                    f"comment {t.comment_id} was marked {t.site_status} on the site after it was marked "
                    f"{t.wanted} here: the site's decision was kept"
                )
                set_status_in(
                    session, [t.comment_id], t.site_status, SITE_ACTOR, "moderated on the site", to_site=False
                )
                _seen(session, t.comment_id, t.wp_id, t.site_status)
                payload = {**t.entry.payload, "site_status": t.site_status}
                session.execute(
                    update(OutboxItem).where(OutboxItem.id == t.entry.id).values(payload=json.dumps(payload))
                )
                set_state_in(session, t.entry.id, CONFLICT, message)
                ctx.result.comment_conflicts.append(
                    CommentConflict(t.entry.id, t.comment_id, t.wanted, t.site_status, message)
                )
                changed.append(t.comment_id)
            else:
                set_state_in(session, t.entry.id, FAILED, t.error)
                ctx.result.failed.append(f"comment {t.comment_id}: {t.error}")
        if changed:
            record(session, Changes.of(comments=changed))


def _seen(session: Any, comment_id: int, wp_id: int, status: str) -> None:
    row = session.get(SiteComment, comment_id)
    if row is None:
        session.add(SiteComment(comment_id=comment_id, wp_id=wp_id, wp_parent=0, site_status=status))
    else:
        row.site_status = status


def mark_deleted_in(session: Any, comment_ids: Sequence[int]) -> None:
    """Comments the site no longer has: marked (their reason says so), never removed here."""
    now = utcnow()
    session.execute(
        update(SiteComment).where(SiteComment.comment_id.in_(list(comment_ids))).values(deleted_at=now)
    )
    session.execute(
        update(Comment)
        .where(Comment.id.in_(list(comment_ids)))
        .values(reason=f"{DELETED_ON_SITE}{now:%Y-%m-%d}")
        .execution_options(synchronize_session=False)
    )
    record(session, Changes.of(comments=comment_ids))


def resolve_comment_conflict(db: Database, outbox_id: int, keep: str, actor: str) -> None:
    """Settle a :class:`CommentConflict`: ``keep="site"`` leaves the site's decision (already
    applied here); ``keep="local"`` takes our decision again and queues it for the site."""
    if keep not in ("site", "local"):
        raise ValueError("keep is 'site' or 'local'")
    with db.session() as session:
        item = session.get(OutboxItem, outbox_id)
        if item is None or item.kind != "moderate" or item.state != CONFLICT:
            raise errors.SiteRejectedError(f"outbox item {outbox_id} is not a comment decision in conflict")
        payload = json.loads(item.payload)
        if keep == "local":
            set_status_in(
                session,
                [int(payload["comment"])],
                str(payload["status"]),
                actor,
                "kept over the site's decision",
            )
        set_state_in(
            session,
            outbox_id,
            RESOLVED,
            f"settled: {'our' if keep == 'local' else 'the site’s'} decision kept",
        )


# -- newsroom replies ------------------------------------------------------------------------------
def push_reply(ctx: PushContext, entry: OutboxEntry) -> None:
    reply_id, parent_id = int(entry.payload["comment"]), int(entry.payload["parent"])
    with ctx.db.session() as session:
        reply = session.get(Comment, reply_id)
        parent = session.get(Comment, parent_id)
        parsed = parse_source(parent.source_id, ctx.site.key) if parent else None
        if reply is None or parsed is None:
            set_state_in(session, entry.id, FAILED, "the reply or the comment it answers is no longer here")
            ctx.result.failed.append(
                f"reply {reply_id}: the reply or the comment it answers is no longer here"
            )
            return
        if parse_source(reply.source_id, ctx.site.key) is not None:
            set_state_in(session, entry.id, SENT, "already on the site")
            return
        body, author = reply.body, reply.author_name
    post_id, wp_parent = parsed
    wp_id = _existing_reply(ctx, post_id, wp_parent, body, author) if entry.attempts > 0 else None
    if wp_id is None:
        ctx.attempted(entry.id)
        data = {
            "post": post_id,
            "parent": wp_parent,
            "content": body,
            "author": ctx.user_id(),
            "author_name": author,
            "status": "approved",
        }
        try:
            wp_id = int(ctx.client.post("wp/v2/comments", data, params={"_fields": "id"}).data["id"])
        except errors.SiteNotFoundError as exc:
            with ctx.db.session() as session:
                set_state_in(session, entry.id, FAILED, str(exc))
            ctx.result.failed.append(f"reply {reply_id}: {exc}")
            return
    with ctx.db.session() as session:
        session.execute(
            update(Comment)
            .where(Comment.id == reply_id)
            .values(source_id=source_key(ctx.site.key, post_id, wp_id))
            .execution_options(synchronize_session=False)
        )
        session.merge(
            SiteComment(comment_id=reply_id, wp_id=wp_id, wp_parent=wp_parent, site_status="approved")
        )
        set_state_in(session, entry.id, SENT)
    ctx.moved["approved"] += 1
    ctx.result.sent += 1


def _existing_reply(ctx: PushContext, post_id: int, wp_parent: int, body: str, author: str) -> int | None:
    """A reply sent by an attempt that did not live to record it (so it is not sent twice)."""
    rows = ctx.client.get(
        "wp/v2/comments",
        {
            "post": post_id,
            "parent": wp_parent,
            "status": "approve",
            "per_page": PAGE,
            "context": "edit",
            "_fields": "id,content,author_name",
        },
    ).data
    for row in rows or ():
        if row.get("author_name") == author and (row.get("content") or {}).get("raw") == body:
            return int(row["id"])
    return None
