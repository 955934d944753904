"""Comments arriving in bulk (WordPress and CSV imports, the site sync): insert, thread, judge.

A comment's text is stored exactly as it came (``NewComment.body``, tags and all); beside it go
its searchable text and flags (``domain.untrusted.derive``: what search and the word rules
read, and the markup warnings), computed here once so nothing downstream parses HTML again.
Inside the caller's unit of work: comments go in with one multi-row INSERT … RETURNING per
chunk (an ORM flush per comment would take minutes for a big export), the articles'
pending-comment counters are kept right, replies are linked to their parents once every
comment has an id (a parent may come after its reply in the file), and the new pending
reader comments are judged by the stored moderation rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from redaction.domain.dates import utcnow
from redaction.domain.untrusted import derive
from redaction.domain.workflow import CommentStatus
from redaction.services.moderation.comments import NewComment, _adjust_pending
from redaction.services.moderation.rules import RuleRun, apply_rules_in
from redaction.services.moderation.values import READER_KINDS
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.models import Comment, new_uuid

CHUNK = 500


def counted(n: int, word: str, plural: str | None = None) -> str:
    """``1 reply``, ``2 replies``: for summaries a person reads."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


Progress = Callable[[int, int], None]


def existing_sources(session: Session, source_ids: Sequence[str]) -> dict[str, int]:
    """Which of ``source_ids`` are already in the database, with their comment ids."""
    found: dict[str, int] = {}
    unique = list(dict.fromkeys(source_ids))
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        rows = session.execute(select(Comment.source_id, Comment.id).where(Comment.source_id.in_(chunk)))
        found.update({source: comment_id for source, comment_id in rows if source is not None})
    return found


def insert_comments(
    session: Session, comments: Sequence[NewComment], progress: Callable[[int], None] | None = None
) -> list[int]:
    """Insert ``comments`` in bulk; returns their ids in order. ``progress(n)`` after each chunk."""
    ids: list[int] = []
    pending: Counter[int] = Counter()
    now = utcnow()
    for start in range(0, len(comments), CHUNK):
        chunk = comments[start : start + CHUNK]
        rows: list[dict[str, Any]] = []
        for new in chunk:
            status = CommentStatus.parse(new.status).value
            derived = derive(new.body)
            rows.append(
                {
                    "uuid": new.uuid or new_uuid(),
                    "article_id": new.article_id,
                    "parent_id": new.parent_id,
                    "author_name": new.author_name,
                    "author_email": new.author_email,
                    "author_url": new.author_url,
                    "author_ip": new.author_ip,
                    "body": new.body,
                    "search_text": derived.search_text,
                    "text_flags": derived.flags,
                    "created_at": new.created_at or now,
                    "status": status,
                    "kind": new.kind,
                    "source_id": new.source_id,
                    "reason": "",
                }
            )
            if status == CommentStatus.PENDING and new.kind in READER_KINDS:
                pending[new.article_id] += 1
        result = session.execute(insert(Comment).returning(Comment.id, sort_by_parameter_order=True), rows)
        ids.extend(result.scalars())
        if progress is not None:
            progress(len(chunk))
    _adjust_pending(session, pending)
    record(session, Changes.of(articles={new.article_id for new in comments}, comment_set=bool(ids)))
    return ids


def link_parents(session: Session, links: dict[int, int]) -> None:
    """Set ``parent_id`` of each comment id (key) to the comment id (value)."""
    items = [{"id": child, "parent_id": parent} for child, parent in links.items()]
    for start in range(0, len(items), CHUNK):
        session.execute(
            update(Comment).execution_options(synchronize_session=False), items[start : start + CHUNK]
        )


@dataclass(frozen=True, slots=True)
class Arrived:
    """What :func:`receive` did."""

    ids: list[int]
    rules: RuleRun


def receive(
    session: Session,
    comments: Sequence[NewComment],
    replies: dict[int, int] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Arrived:
    """Insert ``comments``, thread ``replies`` (index of a reply in ``comments`` → index of its
    parent there; a parent already in the database goes in ``NewComment.parent_id``), then
    judge the new pending reader comments by the stored rules."""
    ids = insert_comments(session, comments, progress)
    if replies:
        link_parents(session, {ids[child]: ids[parent] for child, parent in replies.items()})
    pending = [
        i
        for i, new in zip(ids, comments, strict=True)
        if new.kind in READER_KINDS and CommentStatus.parse(new.status) == CommentStatus.PENDING
    ]
    return Arrived(ids, apply_rules_in(session, pending))
