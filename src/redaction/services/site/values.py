"""The values site services hand to the window, apart from the queries that make them: nothing
here imports SQLAlchemy, so the window's modules can name them before the database layers are
loaded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

PUBLISH, UNPUBLISH, MODERATE, REPLY = "publish", "unpublish", "moderate", "reply"
WAITING, SENT, CONFLICT, FAILED, RESOLVED = "waiting", "sent", "conflict", "failed", "resolved"
OPEN_STATES = (WAITING, CONFLICT, FAILED)  # what the window lists; sent and resolved are history


@dataclass(frozen=True, slots=True)
class SiteState:
    """The connected site and what waits for it."""

    url: str
    name: str
    user_name: str
    timezone: str
    capabilities: tuple[str, ...]
    connected_at: datetime
    last_sync_at: datetime | None
    waiting: int
    conflicts: int
    failed: int


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    waiting: int = 0
    conflicts: int = 0
    failed: int = 0

    @property
    def open(self) -> int:
        return self.waiting + self.conflicts + self.failed


@dataclass(frozen=True, slots=True)
class PublicLink:
    """An article's post: its address (for a scheduled post, the one it will have) and the
    site's status of it (``publish``, ``future``, ``draft``…)."""

    article_id: int
    post_id: int
    link: str
    status: str
