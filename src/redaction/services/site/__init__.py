"""The newsroom's WordPress site: connect, publish, sync — offline first.

Public calls (each takes ``db: Database``; every error is a one-line
:class:`~redaction.services.site.errors.SiteError`):

- ``connect_site(db, url, user, password) -> Connected`` (:mod:`.connect`), ``site_info(db)``,
  ``disconnect_site(db)``; the password is kept as :mod:`.credentials` says (never in the db);
- ``publish_articles(db, ids, actor, at=None) -> list[Queued]``,
  ``unpublish_articles(db, ids, actor)`` (:mod:`.publish`): the local change and the outbox
  item in one transaction;
- ``sync(db, progress=None, *, full=False, keep_site_decisions=True) -> SyncResult`` and
  ``push_outbox(db)`` (:mod:`.sync`);
- ``outbox_count(db)``, ``pending_outbox(db)`` (:mod:`.outbox`), ``retry_items(db, ids)``, ``dismiss_items(db, ids)``;
- conflicts: ``post_conflicts(db)``, ``publish_merged(db, outbox_id, fields, actor)``,
  ``keep_site_version(db, outbox_id, actor)`` (:mod:`.publish`);
  ``resolve_comment_conflict(db, outbox_id, keep, actor)`` (:mod:`.push_comments`).

Moderation decisions and newsroom replies on comments from the site are queued by the
moderation services themselves (``set_status_in``, ``reply_as_newsroom``).

Names are imported on first use, so that deciding on a comment does not load the HTTP client.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "connect_site": "connect",
    "disconnect_site": "connect",
    "site_info": "connect",
    "Connected": "connect",
    "SiteInfo": "connect",
    "publish_articles": "publish",
    "unpublish_articles": "publish",
    "post_conflicts": "publish",
    "publish_merged": "publish",
    "keep_site_version": "publish",
    "PostConflict": "publish",
    "Queued": "publish",
    "sync": "sync",
    "push_outbox": "sync",
    "retry_items": "sync",
    "dismiss_items": "sync",
    "SyncResult": "context",
    "CommentConflict": "context",
    "outbox_count": "outbox",
    "pending_outbox": "outbox",
    "OutboxEntry": "outbox",
    "resolve_comment_conflict": "push_comments",
    "SiteError": "errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
