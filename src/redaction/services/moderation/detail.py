"""One comment as the desk's detail pane shows it, with its thread, and replying as the newsroom.

``comment_detail`` hands back the full body (the view decides how much to put on screen), the
parent comment as a bounded row (the thread context), how many replies it has and the last
decision taken on it, which together say why the comment sits in its queue.

``reply_as_newsroom`` publishes an approved reply threaded under a reader's comment, signed with
the name of the person at the desk. Replying to a comment that is still pending approves it
first, as a reply under an invisible comment would make no sense on the site.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update

from redaction.domain.workflow import CommentStatus
from redaction.services.moderation.comments import NewComment, add_comments_in, set_status_in
from redaction.services.moderation.queue import _row_select, queue_rows_in
from redaction.services.moderation.values import (
    NEWSROOM_REASON,
    CommentDetail,
    Decision,
    LastDecision,
    QueueRow,
)
from redaction.storage.database import Database
from redaction.storage.models import Comment, ModerationEvent
from redaction.storage.patience import patient


def comment_detail(db: Database, comment_id: int) -> CommentDetail | None:
    replies_count = select(func.count()).where(Comment.parent_id == comment_id).scalar_subquery()
    with db.session() as session:
        found = session.execute(
            _row_select().add_columns(Comment.body, replies_count).where(Comment.id == comment_id)
        ).first()
        if found is None:
            return None
        *columns, body, replies = found
        row = QueueRow(*columns)
        parent_rows = queue_rows_in(session, [row.parent_id]) if row.parent_id is not None else []
        event = session.execute(
            select(
                ModerationEvent.actor,
                ModerationEvent.from_status,
                ModerationEvent.to_status,
                ModerationEvent.at,
                ModerationEvent.reason,
            )
            .where(ModerationEvent.comment_id == comment_id)
            .order_by(ModerationEvent.at.desc(), ModerationEvent.id.desc())
            .limit(1)
        ).first()
    return CommentDetail(
        row=row,
        body=body or "",
        parent=parent_rows[0] if parent_rows else None,
        replies=int(replies),
        last_decision=LastDecision(*event) if event else None,
    )


@dataclass(frozen=True, slots=True)
class ReplyOutcome:
    comment_id: int
    approved_parent: list[Decision]


@patient
def reply_as_newsroom(db: Database, parent_id: int, body: str, actor: str) -> ReplyOutcome:
    """Publish ``body`` as an approved reply to comment ``parent_id``, signed ``actor``."""
    text = body.strip()
    if not text:
        raise ValueError("a reply needs some text")
    if not actor.strip():
        raise ValueError("a reply must be signed: set your name in the preferences")
    with db.session() as session:
        parent = session.execute(
            select(Comment.article_id, Comment.status).where(Comment.id == parent_id)
        ).first()
        if parent is None:
            raise LookupError(f"comment {parent_id} no longer exists")
        approved: list[Decision] = []
        if parent.status == CommentStatus.PENDING:
            approved = set_status_in(
                session, [parent_id], CommentStatus.APPROVED.value, actor, reason="approved with a reply"
            )
        (new_id,) = add_comments_in(
            session,
            [
                NewComment(
                    parent.article_id,
                    text,
                    author_name=actor.strip(),
                    status=CommentStatus.APPROVED.value,
                    parent_id=parent_id,
                )
            ],
        )
        session.execute(
            update(Comment)
            .where(Comment.id == new_id)
            .values(reason=NEWSROOM_REASON)
            .execution_options(synchronize_session=False)
        )
        from redaction.services.site.outbox import enqueue_reply_in

        enqueue_reply_in(session, new_id, parent_id)  # sent to the site when the parent came from it
    return ReplyOutcome(new_id, approved)
