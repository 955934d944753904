"""What the comment queue's actions do: the decisions by key, the queue tabs by key, every action
the queue attaches, and the buttons under the comment (read by the queue and by the desk's
list of shortcuts)."""

from __future__ import annotations

from redaction.ui.actions import A

DECISIONS = {
    A.COMMENT_APPROVE: "approved",
    A.COMMENT_SPAM: "spam",
    A.COMMENT_TRASH: "trash",
    A.COMMENT_PENDING: "pending",
}
MARKED_DECISIONS = {
    A.COMMENT_APPROVE_MARKED: "approved",
    A.COMMENT_SPAM_MARKED: "spam",
    A.COMMENT_TRASH_MARKED: "trash",
    A.COMMENT_PENDING_MARKED: "pending",
}
QUEUE_KEYS = {A.QUEUE_PENDING: 0, A.QUEUE_APPROVED: 1, A.QUEUE_SPAM: 2, A.QUEUE_TRASH: 3, A.QUEUE_ALL: 4}
QUEUE_ACTIONS = (
    *DECISIONS,
    *MARKED_DECISIONS,
    *QUEUE_KEYS,
    A.COMMENT_UNDO,
    A.COMMENT_REPLY,
    A.COMMENT_DOSSIER,
    A.QUEUE_NEXT,
    A.QUEUE_PREVIOUS,
    A.QUEUE_MARK,
    A.QUEUE_MARK_ALL,
    A.QUEUE_CLEAR_MARKS,
    A.QUEUE_REFRESH,
)
BUTTONS = (A.COMMENT_APPROVE, A.COMMENT_SPAM, A.COMMENT_TRASH, A.COMMENT_PENDING, A.COMMENT_REPLY)
