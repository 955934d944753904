"""The values moderation services hand to the window and the command line, apart from the
queries that make them: nothing here imports SQLAlchemy, so the window's modules can name them
before the database layers are loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from redaction.domain.workflow import CommentStatus

PAGE_SIZE = 200  # comments in a page of the queue
EXCERPT_CHARS = 400  # of a comment's text in a queue row
READER_KINDS = ("comment",)
LINK_KINDS = ("pingback", "trackback")  # other sites linking to the article, kept apart
STATUSES: tuple[str, ...] = tuple(s.value for s in CommentStatus)
ALL = "all"


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What the desk shows. ``status`` None means every status; the rest narrows it."""

    status: str | None = CommentStatus.PENDING.value
    article_id: int | None = None
    author: str = ""  # words found in the name or the email address
    author_email: str | None = None  # exactly this address (the dossier)
    author_name: str | None = None  # exactly this name (the dossier, for readers without email)
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""  # words of the comment (or its author), accent-insensitive on SQLite
    links: bool = False  # pingbacks and trackbacks instead of reader comments

    def narrowed(self) -> bool:
        """True when more than status and article are filtered (counts then need counting)."""
        return bool(
            self.author.strip()
            or self.text.strip()
            or self.author_email is not None
            or self.author_name is not None
            or self.since
            or self.until
        )

    def searches_words(self) -> bool:
        """Words of the text or of the author: the queue is then in arrival (id) order."""
        return bool(self.text.split() or self.author.split())


def counts_are_cheap(f: QueueFilter) -> bool:
    """Whether ``queue_counts`` answers from counters and indexes alone (safe on the UI thread)."""
    return not f.narrowed()


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One comment in the queue. Every string is untrusted text; ``excerpt`` is bounded."""

    id: int
    article_id: int
    article_title: str
    parent_id: int | None
    author_name: str
    author_email: str
    author_url: str
    author_ip: str
    excerpt: str
    body_length: int
    created_at: datetime
    status: str
    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class Decision:
    """One comment's move, as recorded (kept so that it can be undone)."""

    comment_id: int
    article_id: int
    from_status: str
    to_status: str


NEWSROOM_REASON = "reply from the newsroom"
# The start of the reason of a comment the connected site no longer has (written by a sync).
DELETED_ON_SITE = "deleted on the site on "


@dataclass(frozen=True, slots=True)
class LastDecision:
    actor: str
    from_status: str
    to_status: str
    at: datetime
    reason: str


@dataclass(frozen=True, slots=True)
class CommentDetail:
    row: QueueRow
    body: str
    parent: QueueRow | None
    replies: int
    last_decision: LastDecision | None
