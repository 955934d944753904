"""Bringing comments back from the site: incremental, paged, idempotent, cancellable.

WordPress keeps no modification date on comments, so "what changed since the last sync" is
found in two steps:

1. *New comments.* Comment ids only grow. One request per status (pending, approved, spam,
   trash; sent side by side) asks for the newest id and the status's total. A status whose
   newest id is above the high-water mark (``Site.pulled_up_to``) is read newest first, 100 a
   page, down to the mark. Each page is written in its own transaction (already-known comments
   are skipped, so a page read twice writes nothing twice); the mark moves only once every page
   is in, so a cancelled or failed pull is simply taken up again by the next sync.
2. *Decisions and deletions made on the site.* The totals per status are compared with those
   of the last sync moved by what redaction itself did (its decisions, its replies, the new
   comments). A status whose total moved otherwise is listed in full (ids and statuses only),
   and what differs is applied here: a status changed on the site is applied with the log
   saying "moderated on the site", a comment gone from the site is marked deleted (kept here).
   Every status is listed once a day whatever the totals say, and when asked (``full``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update

from redaction.domain.dates import utcnow
from redaction.services.moderation.comments import set_status_in
from redaction.services.site.context import PushContext
from redaction.services.site.outbox import FROM_WORDPRESS, LISTED
from redaction.services.site.pull_store import store_comments
from redaction.services.site.push_comments import SITE_ACTOR, mark_deleted_in
from redaction.services.site.values import CONFLICT, MODERATE, WAITING
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.models import OutboxItem, Site, SiteComment

PAGE = 100
FULL_CHECK_EVERY = timedelta(hours=24)
FIELDS = "id,post,parent,author_name,author_email,author_url,author_ip,date_gmt,content,status,type"
STATUSES = tuple(LISTED)  # ours: pending, approved, spam, trash

Progress = Callable[[int, int], bool | None]


@dataclass(frozen=True, slots=True)
class Probe:
    status: str
    total: int
    newest: int


def _list(ctx: PushContext, status: str, **params: Any) -> Any:
    query = {
        "status": LISTED.get(status, status),
        "type": "",
        "orderby": "id",
        "order": "desc",
        "per_page": PAGE,
        "context": "edit",
        **params,
    }
    return ctx.client.get("wp/v2/comments", query)


def probe(ctx: PushContext) -> dict[str, Probe]:
    def one(status: str) -> Probe:
        answer = _list(ctx, status, per_page=1, _fields="id")
        newest = int(answer.data[0]["id"]) if answer.data else 0
        return Probe(status, answer.total or 0, newest)

    return {p.status: p for p in ctx.client.map(one, STATUSES)}


def pull_comments(ctx: PushContext, progress: Progress | None = None, full: bool = False) -> None:
    """Pull what is new or changed on the site into ``ctx.result``."""
    with ctx.db.session() as session:
        site = session.get(Site, 1)
        assert site is not None
        mark, before = site.pulled_up_to, json.loads(site.site_totals or "{}")
        last_full = site.last_full_check_at
    probes = probe(ctx)
    fresh_statuses = [p for p in probes.values() if p.newest > mark]
    total = sum(max(0, p.total - before.get(p.status, 0) - ctx.moved[p.status]) for p in fresh_statuses)
    done, newest = 0, mark
    arrived: Counter[str] = Counter()
    for p in fresh_statuses:
        page = 1
        while True:
            rows = _list(ctx, p.status, page=page, _fields=FIELDS).data or []
            fresh = [r for r in rows if int(r["id"]) > mark]
            stored = store_comments(ctx, fresh)
            ctx.result.pulled += stored.new
            ctx.result.pulled_links += stored.links
            arrived[p.status] += stored.new + stored.linked + stored.ignored
            newest = max([newest, *(int(r["id"]) for r in fresh)])
            done += len(fresh)
            total = max(total, done)
            if progress is not None and progress(done, total) is False:
                ctx.result.cancelled = True
                return
            if len(rows) < PAGE or len(fresh) < len(rows):
                break
            page += 1
    expected = {s: before.get(s, 0) + ctx.moved[s] + arrived[s] for s in STATUSES}
    moved_on_site = [s for s in STATUSES if probes[s].total != expected[s]]
    due = last_full is None or utcnow() - last_full > FULL_CHECK_EVERY
    everything = full or (due and mark > 0)
    if everything or moved_on_site:
        reconcile(ctx, list(STATUSES) if everything else moved_on_site)
    with ctx.db.session() as session:
        site = session.get(Site, 1)
        assert site is not None
        site.pulled_up_to = max(site.pulled_up_to, newest)
        site.site_totals = json.dumps({s: probes[s].total for s in STATUSES})
        if everything or mark == 0:  # a first pull from nothing has seen everything too
            site.last_full_check_at = utcnow()


def _listing(ctx: PushContext, status: str) -> list[dict[str, Any]]:
    """Every comment of ``status`` on the site (ids, statuses, posts, parents), pages side by side."""
    first = _list(ctx, status, _fields="id,status,post,parent", order="asc")
    rows = list(first.data or [])
    pages = range(2, (first.total_pages or 1) + 1)
    for more in ctx.client.map(
        lambda n: _list(ctx, status, page=n, _fields="id,status,post,parent", order="asc"), pages
    ):
        rows.extend(more.data or [])
    return rows


def reconcile(ctx: PushContext, statuses: list[str]) -> None:
    """Compare the site's comments of ``statuses`` with ours and apply what the site changed."""
    listed = [*statuses, "post-trashed"] if len(statuses) == len(STATUSES) else statuses
    on_site: dict[int, dict[str, Any]] = {}
    for rows in ctx.client.map(lambda s: _listing(ctx, s), listed):
        on_site.update((int(r["id"]), r) for r in rows)
    with ctx.db.session() as session:
        site = session.get(Site, 1)
        assert site is not None
        ignored = set(json.loads(site.ignored or "[]"))
        known = {
            wp_id: (cid, seen, deleted)
            for wp_id, cid, seen, deleted in session.execute(
                select(
                    SiteComment.wp_id, SiteComment.comment_id, SiteComment.site_status, SiteComment.deleted_at
                )
            )
        }
    # Ours in the listed statuses that the listing lacks moved to another status, or were deleted.
    wanted = {ours for ours in statuses}
    missing = [
        wp
        for wp, (_, seen, deleted) in known.items()
        if seen in wanted and deleted is None and wp not in on_site
    ]
    if missing and len(statuses) < len(STATUSES):
        for rows in ctx.client.map(
            lambda job: (
                _list(ctx, job[0], include=",".join(map(str, job[1])), _fields="id,status,post,parent").data
                or []
            ),
            [
                (s, missing[i : i + PAGE])
                for s in [*STATUSES, "post-trashed"]
                if s not in wanted
                for i in range(0, len(missing), PAGE)
            ],
        ):
            on_site.update((int(r["id"]), r) for r in rows)
    unknown = [r for wp, r in on_site.items() if wp not in known and wp not in ignored]
    _apply(ctx, on_site, known, missing)
    if unknown:
        _fetch_unknown(ctx, unknown)


def _apply(
    ctx: PushContext, on_site: dict[int, dict[str, Any]], known: dict[int, Any], missing: list[int]
) -> None:
    with ctx.db.session() as session:
        queued = _undecided(session)
        moves: dict[str, list[int]] = {}
        for wp_id, row in on_site.items():
            if wp_id not in known:
                continue
            cid, seen, deleted = known[wp_id]
            status = FROM_WORDPRESS.get(str(row.get("status")), seen)
            if deleted is not None:
                session.execute(update(SiteComment).where(SiteComment.wp_id == wp_id).values(deleted_at=None))
            if status != seen and cid not in queued:  # a decision of ours on its way is settled by the push
                moves.setdefault(status, []).append(cid)
                session.execute(
                    update(SiteComment).where(SiteComment.wp_id == wp_id).values(site_status=status)
                )
        for status, ids in moves.items():
            decided = set_status_in(session, ids, status, SITE_ACTOR, "moderated on the site", to_site=False)
            ctx.result.changed_on_site += len(decided)
            record(session, Changes.of(comments=ids))
        gone = [known[wp][0] for wp in missing if wp not in on_site]
        if gone:
            mark_deleted_in(session, gone)
            ctx.result.deleted_on_site += len(gone)


def _undecided(session: Any) -> set[int]:
    """Comments with a decision of ours not yet on the site (waiting, or held as a conflict)."""
    payloads = session.execute(
        select(OutboxItem.payload).where(
            OutboxItem.kind == MODERATE, OutboxItem.state.in_([WAITING, CONFLICT])
        )
    ).scalars()
    return {int(json.loads(p)["comment"]) for p in payloads}


def _fetch_unknown(ctx: PushContext, rows: list[dict[str, Any]]) -> None:
    """Comments the site has and we never pulled (read while pages shifted): fetched in full."""
    by_status: dict[str, list[int]] = {}
    for row in rows:
        by_status.setdefault(FROM_WORDPRESS.get(str(row.get("status")), "pending"), []).append(int(row["id"]))
    for status, ids in by_status.items():
        for start in range(0, len(ids), PAGE):
            full = (
                _list(ctx, status, include=",".join(map(str, ids[start : start + PAGE])), _fields=FIELDS).data
                or []
            )
            stored = store_comments(ctx, full)
            ctx.result.pulled += stored.new
            ctx.result.pulled_links += stored.links
