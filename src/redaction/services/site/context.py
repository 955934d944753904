"""What one sync carries from step to step, and what it tells its caller.

:class:`SyncResult` is the whole report of a sync (or of a publish that pushed): what was sent,
what was held back as a conflict (with everything needed to settle it), what failed for good,
what came from the site. Its :meth:`SyncResult.lines` are the sentences a person reads.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import update

from redaction.domain.plural import counted
from redaction.services.site.connect import SiteInfo
from redaction.services.site.http import SiteClient
from redaction.storage.database import Database
from redaction.storage.models import OutboxItem

if TYPE_CHECKING:
    from redaction.services.site.publish import PostConflict


@dataclass(frozen=True, slots=True)
class CommentConflict:
    """A comment moderated on the site after a decision taken here: the site's decision was
    kept (applied here too) unless the sync was asked to prefer ours."""

    outbox_id: int
    comment_id: int
    local_status: str  # the decision taken here
    site_status: str  # the decision found on the site
    message: str


@dataclass(slots=True)
class SyncResult:
    """What a sync did. ``cancelled``: stopped between pages at the caller's request."""

    sent: int = 0
    failed: list[str] = field(default_factory=list)
    post_conflicts: list[PostConflict] = field(default_factory=list)
    comment_conflicts: list[CommentConflict] = field(default_factory=list)
    links: dict[int, str] = field(default_factory=dict)  # article id → public address
    pulled: int = 0  # new comments (pingbacks and trackbacks included)
    pulled_links: int = 0  # of which pingbacks and trackbacks
    changed_on_site: int = 0  # comments whose status the site changed
    deleted_on_site: int = 0
    skipped: list[str] = field(default_factory=list)
    waiting: int = 0  # items still in the outbox afterwards
    cancelled: bool = False

    def lines(self) -> list[str]:
        out = [f"sent {self.sent} change{'s' if self.sent != 1 else ''} to the site"]
        if self.pulled:
            links = f" ({self.pulled_links} pingbacks or trackbacks)" if self.pulled_links else ""
            out.append(f"received {self.pulled} new comment{'s' if self.pulled != 1 else ''}{links}")
        if self.changed_on_site:
            out.append(f"{counted(self.changed_on_site, 'comment')} moderated on the site meanwhile")
        if self.deleted_on_site:
            out.append(f"{counted(self.deleted_on_site, 'comment')} deleted on the site (kept here, marked)")
        out.extend(c.message for c in self.post_conflicts)
        out.extend(c.message for c in self.comment_conflicts)
        out.extend(self.failed)
        out.extend(self.skipped)
        if self.waiting:
            out.append(f"{counted(self.waiting, 'change')} still waiting for the site")
        if self.cancelled:
            out.append("stopped before the end; the next sync goes on from there")
        return out


@dataclass
class PushContext:
    db: Database
    client: SiteClient
    site: SiteInfo
    result: SyncResult
    keep_site_decisions: bool = True
    terms: dict[tuple[str, str], int] = field(default_factory=dict)
    me: int | None = None
    # How our own pushes moved the site's counts per status (so they are not taken for changes
    # made on the site).
    moved: Counter[str] = field(default_factory=Counter)

    def attempted(self, item_id: int) -> None:
        """Note, committed BEFORE sending, that an item is being tried: after a crash, its retry
        checks whether the site already has it instead of creating it twice."""
        with self.db.session() as session:
            session.execute(
                update(OutboxItem).where(OutboxItem.id == item_id).values(attempts=OutboxItem.attempts + 1)
            )

    def user_id(self) -> int:
        if self.me is None:
            self.me = int(self.client.get("wp/v2/users/me", {"_fields": "id"}).data["id"])
        return self.me
