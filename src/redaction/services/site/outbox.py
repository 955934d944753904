"""The outbox: what must reach the site, written in the same transaction as the local change.

Contract: ``enqueue_*_in`` take the caller's session, so an outbox row exists exactly when the
local change committed (a crash loses both or neither), and record ``Changes(outbox=True)`` so
open windows update their "N changes waiting for the site". Items are sent in id order by
:mod:`redaction.services.site.sync`; each ends ``sent``, ``conflict`` (the site changed the
same thing: kept for the person to settle), ``failed`` (the site refused it for good; the reason
is in ``last_error``) or ``resolved`` (a conflict settled). Only comments that came from the
connected site (their ``source_id`` names it) produce moderation items.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from redaction.domain.dates import utcnow
from redaction.services.site.values import (
    MODERATE,
    OPEN_STATES,
    REPLY,
    WAITING,
)
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.database import Database
from redaction.storage.models import Comment, OutboxItem, Site

_SITE_KEY = "redaction_site_key"
_CHUNK = 900

# Our comment statuses and WordPress's (REST API) names for them, both ways.
TO_WORDPRESS = {"pending": "hold", "approved": "approved", "spam": "spam", "trash": "trash"}
FROM_WORDPRESS = {
    "hold": "pending",
    "approved": "approved",
    "spam": "spam",
    "trash": "trash",
    "post-trashed": "trash",
}
# The names the comment listing filters on (``status=approve``, not ``approved``).
LISTED = {"pending": "hold", "approved": "approve", "spam": "spam", "trash": "trash"}


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One outbox item as the window lists it."""

    id: int
    kind: str
    payload: dict[str, Any]
    created_at: datetime
    attempts: int
    last_error: str
    state: str


def source_key(key: str, post_id: int, comment_id: int) -> str:
    """A site comment's ``Comment.source_id``: the very key WordPress imports (WXR) write, so a
    comment imported from an export and the same comment pulled by a sync are one row."""
    return f"wxr:{key}:{post_id}:{comment_id}"


def parse_source(source_id: str | None, key: str) -> tuple[int, int] | None:
    """(post id, comment id) of a comment from the site ``key``; None for any other comment."""
    prefix = f"wxr:{key}:"
    if not source_id or not source_id.startswith(prefix):
        return None
    post, _, comment = source_id[len(prefix) :].partition(":")
    return (int(post), int(comment)) if post.isdigit() and comment.isdigit() else None


def site_key_in(session: Session) -> str | None:
    """The connected site's key (``courrier.example/blog``), or None; read once per session."""
    if _SITE_KEY not in session.info:
        # Imported here: the window reads the outbox at start-up without the WXR reader.
        from redaction.services.exchange.wxr_read import site_key

        url = session.execute(select(Site.url).where(Site.id == 1)).scalar_one_or_none()
        session.info[_SITE_KEY] = site_key(url) if url else None
    return session.info[_SITE_KEY]


def forget_site_key(session: Session) -> None:
    session.info.pop(_SITE_KEY, None)


def enqueue_in(session: Session, kind: str, payload: dict[str, Any]) -> int:
    """Add one item; returns its id."""
    item_id = session.execute(
        insert(OutboxItem)
        .values(
            kind=kind,
            payload=json.dumps(payload, ensure_ascii=False),
            created_at=utcnow(),
            attempts=0,
            last_error="",
            state=WAITING,
        )
        .returning(OutboxItem.id)
    ).scalar_one()
    record(session, Changes.of(outbox=True))
    return int(item_id)


def site_comment_ids_in(session: Session, comment_ids: Sequence[int]) -> set[int]:
    """Which of ``comment_ids`` came from the connected site."""
    key = site_key_in(session)
    if key is None or not comment_ids:
        return set()
    prefix = f"wxr:{key}:"
    found: set[int] = set()
    for start in range(0, len(comment_ids), _CHUNK):
        chunk = list(comment_ids[start : start + _CHUNK])
        # A range on the unique source index: source_id >= prefix AND < prefix with the last
        # character bumped (":" + 1 = ";"), instead of LIKE, which the index cannot serve.
        found.update(
            session.execute(
                select(Comment.id).where(
                    Comment.id.in_(chunk), Comment.source_id >= prefix, Comment.source_id < prefix[:-1] + ";"
                )
            ).scalars()
        )
    return found


def enqueue_decisions_in(session: Session, decisions: Sequence[Any], actor: str) -> int:
    """One ``moderate`` item per decision on a comment from the connected site (``decisions``
    are :class:`redaction.services.moderation.comments.Decision`); returns how many."""
    if not decisions or site_key_in(session) is None:
        return 0
    from_site = site_comment_ids_in(session, [d.comment_id for d in decisions])
    rows = [
        {
            "kind": MODERATE,
            "payload": json.dumps(
                {"comment": d.comment_id, "status": d.to_status, "from": d.from_status, "actor": actor}
            ),
            "created_at": utcnow(),
            "attempts": 0,
            "last_error": "",
            "state": WAITING,
        }
        for d in decisions
        if d.comment_id in from_site
    ]
    if rows:
        session.execute(insert(OutboxItem), rows)
        record(session, Changes.of(outbox=True))
    return len(rows)


def enqueue_reply_in(session: Session, reply_id: int, parent_id: int) -> bool:
    """A newsroom reply to a comment from the connected site is sent there too."""
    if not site_comment_ids_in(session, [parent_id]):
        return False
    enqueue_in(session, REPLY, {"comment": reply_id, "parent": parent_id})
    return True


def set_state_in(session: Session, item_id: int, state: str, error: str = "") -> None:
    values: dict[str, Any] = {"state": state, "last_error": error}
    if state != WAITING:
        values["done_at"] = utcnow()
    session.execute(update(OutboxItem).where(OutboxItem.id == item_id).values(**values))
    record(session, Changes.of(outbox=True))


def entry_of(row: OutboxItem) -> OutboxEntry:
    return OutboxEntry(
        id=row.id,
        kind=row.kind,
        payload=json.loads(row.payload),
        created_at=row.created_at,
        attempts=row.attempts,
        last_error=row.last_error,
        state=row.state,
    )


def waiting_in(session: Session, after: int = 0, limit: int = 500) -> list[OutboxEntry]:
    rows = session.execute(
        select(OutboxItem)
        .where(OutboxItem.state == WAITING, OutboxItem.id > after)
        .order_by(OutboxItem.id)
        .limit(limit)
    ).scalars()
    return [entry_of(r) for r in rows]


def outbox_count(db: Database, states: Sequence[str] = (WAITING,)) -> int:
    """How many changes wait for the site ("N changes waiting for the site"): an index count."""
    with db.session() as session:
        return int(
            session.execute(
                select(func.count()).select_from(OutboxItem).where(OutboxItem.state.in_(list(states)))
            ).scalar_one()
        )


def pending_outbox(db: Database, states: Sequence[str] = OPEN_STATES, limit: int = 500) -> list[OutboxEntry]:
    """The items not yet settled (waiting, in conflict, failed), oldest first."""
    with db.session() as session:
        rows = session.execute(
            select(OutboxItem).where(OutboxItem.state.in_(list(states))).order_by(OutboxItem.id).limit(limit)
        ).scalars()
        return [entry_of(r) for r in rows]


def get_entry(db: Database, item_id: int) -> OutboxEntry | None:
    with db.session() as session:
        row = session.get(OutboxItem, item_id)
        return entry_of(row) if row is not None else None
