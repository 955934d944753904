"""Sync with the site: send the outbox in order, then bring back what is new or changed there.

Contract of :func:`sync` (and :func:`push_outbox`, its first half):

- items are sent in id order, each once; every outcome is committed as soon as it is known, so
  a sync stopped at any point — cancelled, site gone, process killed — loses nothing and sends
  nothing twice (see ``PushContext.attempted`` for the one request that is not naturally
  idempotent, creating a post or a comment);
- the site unreachable, a 5xx, a rate limit or a broken answer stops the sync: the item being
  sent stays waiting with the reason in ``last_error`` and the :class:`SiteError` is raised (its
  message names the site and the reason); the outbox is kept for the next sync;
- an item the site refuses for good (a comment deleted there, an invalid request) is marked
  ``failed`` with the reason, and the sync goes on; conflicts are held (``conflict``), reported
  in the :class:`SyncResult`, and never overwrite the site;
- ``progress(done, total)`` is called after each item sent, then after each page of comments
  received; returning False stops between two of them (``SyncResult.cancelled``);
- what the moderation rules decide about the comments received is sent in the same sync.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update

from redaction.domain.dates import utcnow
from redaction.services.site import errors
from redaction.services.site.connect import open_client, require_site
from redaction.services.site.context import PushContext, SyncResult
from redaction.services.site.outbox import OutboxEntry, set_state_in, waiting_in
from redaction.services.site.pull import pull_comments
from redaction.services.site.push_comments import push_decisions, push_reply
from redaction.services.site.push_posts import push_publish, push_unpublish
from redaction.services.site.values import FAILED, MODERATE, PUBLISH, REPLY, RESOLVED, UNPUBLISH, WAITING
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.database import Database
from redaction.storage.models import OutboxItem, Site

Progress = Callable[[int, int], bool | None]
DECISIONS_PER_RUN = 100
_HANDLERS = {PUBLISH: push_publish, UNPUBLISH: push_unpublish, REPLY: push_reply}
# Errors that stop the whole sync (every later item would meet them too).
_STOPPING = (
    errors.BadCredentialsError,
    errors.SiteRedirectError,
    errors.RestDisabledError,
    errors.NoPasswordError,
)


def sync(
    db: Database,
    progress: Progress | None = None,
    *,
    full: bool = False,
    keep_site_decisions: bool = True,
    password: str | None = None,
) -> SyncResult:
    """Push the outbox, then pull comments. Raises SiteError when the site cannot be used."""
    return _run(
        db, progress, full=full, keep_site_decisions=keep_site_decisions, password=password, pull=True
    )


def push_outbox(db: Database, progress: Progress | None = None, *, password: str | None = None) -> SyncResult:
    """Send what waits in the outbox (publishing calls this), without pulling comments."""
    return _run(db, progress, full=False, keep_site_decisions=True, password=password, pull=False)


def _run(
    db: Database,
    progress: Progress | None,
    *,
    full: bool,
    keep_site_decisions: bool,
    password: str | None,
    pull: bool,
) -> SyncResult:
    site = require_site(db)
    result = SyncResult()
    try:
        with open_client(site, password) as client:
            ctx = PushContext(db, client, site, result, keep_site_decisions)
            if _push(ctx, progress) and pull:
                pull_comments(ctx, progress, full)
                # What the rules decided about the comments just received goes out at once.
                if not result.cancelled and _count_waiting(db):
                    before = dict(ctx.moved)
                    _push(ctx, progress)
                    _count_own_moves(db, {s: n - before.get(s, 0) for s, n in ctx.moved.items()})
                with db.session() as session:
                    session.execute(update(Site).where(Site.id == 1).values(last_sync_at=utcnow()))
                    record(session, Changes.of(settings={"site"}))
    finally:
        result.waiting = _count_waiting(db)
    return result


def _count_own_moves(db: Database, moves: dict[str, int]) -> None:
    """The site's counts as they are after our own last pushes (so that the next sync does not
    take them for decisions made on the site)."""
    with db.session() as session:
        site = session.get(Site, 1)
        if site is not None and any(moves.values()):
            totals = json.loads(site.site_totals or "{}")
            site.site_totals = json.dumps({s: totals.get(s, 0) + moves.get(s, 0) for s in {*totals, *moves}})


def _count_waiting(db: Database) -> int:
    with db.session() as session:
        return int(
            session.execute(
                select(func.count()).select_from(OutboxItem).where(OutboxItem.state == WAITING)
            ).scalar_one()
        )


def _push(ctx: PushContext, progress: Progress | None) -> bool:
    """Send every waiting item in order; False when cancelled."""
    total = _count_waiting(ctx.db)
    done, after = 0, 0
    while True:
        with ctx.db.session() as session:
            entries = waiting_in(session, after)
        if not entries:
            return True
        i = 0
        while i < len(entries):
            run = _run_from(entries, i)
            _send(ctx, run)
            i += len(run)
            done += len(run)
            if progress is not None and progress(done, max(total, done)) is False:
                ctx.result.cancelled = True
                return False
        after = entries[-1].id


def _run_from(entries: Sequence[OutboxEntry], start: int) -> list[OutboxEntry]:
    """Consecutive decisions go together (read and sent side by side); anything else alone."""
    if entries[start].kind != MODERATE:
        return [entries[start]]
    end = start
    while end < len(entries) and entries[end].kind == MODERATE and end - start < DECISIONS_PER_RUN:
        end += 1
    return list(entries[start:end])


def _send(ctx: PushContext, run: list[OutboxEntry]) -> None:
    try:
        if run[0].kind == MODERATE:
            push_decisions(ctx, run)
        elif run[0].kind in _HANDLERS:
            _HANDLERS[run[0].kind](ctx, run[0])
        else:
            raise errors.SiteRejectedError(
                f"unknown kind of change {run[0].kind!r} (written by a newer redaction?)"
            )
    except errors.SiteError as exc:
        if exc.transient or isinstance(exc, _STOPPING):
            _note(ctx, run, str(exc))
            raise
        with ctx.db.session() as session:
            for entry in run:
                set_state_in(session, entry.id, FAILED, str(exc))
        ctx.result.failed.extend(f"{entry.kind} (outbox item {entry.id}): {exc}" for entry in run)


def _note(ctx: PushContext, run: list[OutboxEntry], error: str) -> None:
    """The reason these items are still waiting, for the window's outbox list."""
    with ctx.db.session() as session:
        session.execute(
            update(OutboxItem)
            .where(OutboxItem.id.in_([e.id for e in run]), OutboxItem.state == WAITING)
            .values(last_error=error)
        )
        record(session, Changes.of(outbox=True))


def retry_items(db: Database, item_ids: Sequence[int]) -> int:
    """Put failed items back in the queue (after fixing what made the site refuse them)."""
    with db.session() as session:
        result = session.execute(
            update(OutboxItem)
            .where(OutboxItem.id.in_(list(item_ids)), OutboxItem.state == FAILED)
            .values(state=WAITING, last_error="")
        )
        moved = cast(CursorResult[Any], result).rowcount
        record(session, Changes.of(outbox=True))
    return int(moved or 0)


def dismiss_items(db: Database, item_ids: Sequence[int]) -> int:
    """Put refused items aside for good (the person read why; a comment deleted on the site
    cannot take a decision): settled, with their reason kept in the outbox's history."""
    with db.session() as session:
        result = session.execute(
            update(OutboxItem)
            .where(OutboxItem.id.in_(list(item_ids)), OutboxItem.state == FAILED)
            .values(state=RESOLVED, done_at=utcnow())
        )
        moved = cast(CursorResult[Any], result).rowcount
        record(session, Changes.of(outbox=True))
    return int(moved or 0)
