"""Moderation rules at work on the database: the stored rule set, new comments, the dry run.

The rule set lives in the ``setting`` table (key ``moderation.rules``, JSON), shared by everyone
on the database. :func:`apply_rules_in` passes NEW pending reader comments through the rules
inside the caller's unit of work (imports use it): every automatic decision writes its reason
to ``Comment.reason`` and a ModerationEvent with actor ``rules``. :func:`dry_run` tells what a
changed rule set would do to the whole pending queue without writing anything, and
:func:`apply_to_queue` does it.

Speed: the whole pending queue of a SQLite database is judged set-wise by
:mod:`.rules_fast` (SQL and the full-text index decide which comments Python must read). New
comments, and the queue on PostgreSQL, are streamed in keyset pages of only the needed columns
and judged one by one, with the database facts (duplicates, floods, previously approved
authors, :mod:`.rules_facts`) computed once per run with set-based SQL.
"""

from __future__ import annotations

import gc
import json
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import func, insert, literal, select, tuple_, update
from sqlalchemy.orm import Session

from redaction.domain.dates import utcnow
from redaction.domain.moderation_rules import (
    CompiledRules,
    KnownFacts,
    Outcome,
    RuleSet,
    Verdict,
    compile_rules,
)
from redaction.services.backup import protect_bulk
from redaction.services.moderation.comments import _adjust_pending
from redaction.services.moderation.rules_facts import Scope, facts
from redaction.services.moderation.rules_fast import Judged, judge_queue
from redaction.services.moderation.values import Decision
from redaction.storage.changes import record
from redaction.storage.changeset import Changes
from redaction.storage.database import Database, database_file
from redaction.storage.models import Comment, ModerationEvent, Setting
from redaction.storage.patience import patient

SETTING_KEY = "moderation.rules"
ACTOR = "rules"
PAGE_SIZE = 2000
_WRITE_CHUNK = 1000
_IDS_CHUNK = 500
# A reason the rules wrote for a held comment: cleared when the rules no longer hold it.
_HELD_PREFIX = "held: "

Progress = Callable[[int, int], None]


# -- the stored rule set ------------------------------------------------------------------------


def load_rules_in(session: Session) -> RuleSet:
    """The newsroom's rules, or the defaults when none were saved."""
    stored = session.get(Setting, SETTING_KEY)
    if stored is None:
        return RuleSet()
    try:
        data = json.loads(stored.value)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return RuleSet.from_dict(data)
    except ValueError as exc:
        raise ValueError(f"the saved moderation rules cannot be read ({exc}); save them again") from None


def save_rules_in(session: Session, rules: RuleSet) -> RuleSet:
    """Check and store ``rules`` inside a unit of work; returns them tidied."""
    rules = rules.normalized()
    value = json.dumps(rules.to_dict(), ensure_ascii=False, sort_keys=True)
    stored = session.get(Setting, SETTING_KEY)
    if stored is None:
        session.add(Setting(key=SETTING_KEY, value=value))
    else:
        stored.value = value
    session.flush()
    record(session, Changes.of(settings={"rules"}))
    return rules


def get_rules(db: Database) -> RuleSet:
    with db.session() as session:
        return load_rules_in(session)


@patient
def save_rules(db: Database, rules: RuleSet) -> RuleSet:
    with db.session() as session:
        return save_rules_in(session, rules)


@patient
def block_author(db: Database, email: str) -> RuleSet:
    """Add ``email`` to the blocked emails (the desk's "block them"); returns the new rules."""
    with db.session() as session:
        return save_rules_in(session, load_rules_in(session).with_blocked_email(email))


# -- deciding ---------------------------------------------------------------------------------


class Change(NamedTuple):
    """What the rules do (or would do) to one pending comment (a tuple: a dry run over the
    queue makes ~100,000 of them, twice as fast as a frozen dataclass)."""

    comment_id: int
    article_id: int
    from_status: str
    to_status: str
    reason: str


def _changes(verdict: Verdict, comments: Sequence[Sequence[Any]]) -> list[Change]:
    """What ``verdict`` changes among ``comments``, rows beginning with (id, article id, reason)."""
    status = verdict.status
    make = Change._make
    if verdict.outcome == Outcome.PENDING:  # a "held" note the rules wrote goes; a person's stays
        return [make((c[0], c[1], "pending", status, "")) for c in comments if c[2].startswith(_HELD_PREFIX)]
    reason = verdict.reason  # unless already held for that very reason
    return [make((c[0], c[1], "pending", status, reason)) for c in comments if c[2] != reason]


class _Seen(NamedTuple):
    """What is kept of a comment while the database facts are still being computed."""

    id: int
    article_id: int
    author_name: str
    author_email: str
    reason: str
    content: Verdict | None


_COLUMNS = (
    Comment.id,
    Comment.article_id,
    Comment.author_name,
    Comment.author_email,
    Comment.author_url,
    Comment.author_ip,
    Comment.body,
    Comment.reason,
    Comment.search_text,
    Comment.text_flags,
)


def _pages(session: Session, scope: Scope) -> Iterator[Sequence[Any]]:
    """The scope's comments in pages: by id for given ids, else in the order of the
    (status, created_at, id) index, so that every page is an index range and not a sort."""
    if scope.ids is not None:
        ids = sorted(scope.ids)
        for start in range(0, len(ids), _IDS_CHUNK):
            chunk = ids[start : start + _IDS_CHUNK]
            yield session.execute(
                select(*_COLUMNS).where(scope.clause(Comment), Comment.id.in_(chunk)).order_by(Comment.id)
            ).all()
        return
    after: tuple[Any, int] | None = None
    while True:
        stmt = select(*_COLUMNS).where(scope.clause(Comment))
        if after is not None:
            bound = tuple_(
                literal(after[0], type_=Comment.created_at.type), literal(after[1], type_=Comment.id.type)
            )
            stmt = stmt.where(tuple_(Comment.created_at, Comment.id) > bound)
        page = session.execute(stmt.order_by(Comment.created_at, Comment.id).limit(PAGE_SIZE)).all()
        yield page
        if len(page) < PAGE_SIZE:
            return
        # Only the last row's time is needed: converting every row's time costs ~0.4 s per 100,000.
        last = session.execute(select(Comment.created_at).where(Comment.id == page[-1].id)).scalar_one()
        after = (last, page[-1].id)


def _start_facts(
    pool: ThreadPoolExecutor, db: Database | None, rules: RuleSet, scope: Scope
) -> Future[KnownFacts] | None:
    """Compute the facts on a second connection while this one reads and judges the comments:
    the database sorts for the window functions with the GIL released, so both cores work. Only
    for the whole queue (new comments are not visible to another connection yet), and not for
    an in-memory database (another connection would see another database)."""
    if db is None or scope.ids is not None or (db.is_sqlite and database_file(db) is None):
        return None

    def work() -> KnownFacts:
        with db.session() as session:
            return facts(session, rules, scope)

    return pool.submit(work)


def _judge_one_by_one(
    session: Session, db: Database | None, compiled: CompiledRules, scope: Scope, progress: Progress | None
) -> Iterator[Judged]:
    """Every comment of ``scope`` through :meth:`CompiledRules.judge_content`, the database
    facts computed set-wise beside: new comments, and the queue on PostgreSQL."""
    rules = compiled.rules
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rules-facts")
    try:
        later = _start_facts(pool, db, rules, scope)
        if scope.ids is None:
            count = select(func.count()).select_from(Comment).where(scope.clause(Comment))
            total = session.execute(count).scalar_one()
        else:
            total = len(scope.ids)
        if progress is not None:
            progress(0, total)
        seen: list[_Seen] = []
        for page in _pages(session, scope):
            for row in page:
                seen.append(
                    _Seen(
                        row.id,
                        row.article_id,
                        row.author_name,
                        row.author_email,
                        row.reason,
                        compiled.judge_content(row),
                    )
                )
            if progress is not None and page:
                progress(len(seen), total)
        known = later.result() if later is not None else facts(session, rules, scope)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    for item in seen:
        verdict = compiled.finish(item.id, item.author_name, item.author_email, item.content, known)
        yield verdict, ((item.id, item.article_id, item.reason),)


def _judge(
    session: Session,
    db: Database | None,
    rules: RuleSet,
    scope: Scope,
    progress: Progress | None,
    fast: bool = True,
) -> Iterator[Judged]:
    compiled = compile_rules(rules.normalized())
    if fast and scope.ids is None and session.get_bind().dialect.name == "sqlite":
        return judge_queue(session, db, compiled, progress)
    return _judge_one_by_one(session, db, compiled, scope, progress)


def _write(session: Session, changes: list[Change]) -> None:
    record(
        session,
        Changes.of(articles={c.article_id for c in changes}, comments={c.comment_id for c in changes}),
    )
    now = utcnow()
    pending: Counter[int] = Counter()
    for start in range(0, len(changes), _WRITE_CHUNK):
        chunk = changes[start : start + _WRITE_CHUNK]
        session.execute(
            update(Comment).execution_options(synchronize_session=False),
            [{"id": c.comment_id, "status": c.to_status, "reason": c.reason} for c in chunk],
        )
        events = [
            {
                "comment_id": c.comment_id,
                "actor": ACTOR,
                "from_status": c.from_status,
                "to_status": c.to_status,
                "at": now,
                "reason": c.reason,
            }
            for c in chunk
            if c.reason  # clearing a stale "held" note is not a decision
        ]
        if events:
            session.execute(insert(ModerationEvent), events)
        for c in chunk:
            if c.to_status != "pending":
                pending[c.article_id] -= 1
    _adjust_pending(session, pending)
    # The rules' decisions are decisions like any other: those on the connected site's comments
    # go to the site too (applied to the queue, or to comments arriving by import or sync).
    decisions = [
        Decision(c.comment_id, c.article_id, c.from_status, c.to_status)
        for c in changes
        if c.to_status != c.from_status
    ]
    if decisions:
        from redaction.services.site.outbox import enqueue_decisions_in

        enqueue_decisions_in(session, decisions, ACTOR)


@dataclass(slots=True)
class RuleRun:
    """What a run of the rules did (or would do): comments per outcome, and the changes."""

    counts: dict[str, int] = field(default_factory=lambda: {o.value: 0 for o in Outcome})
    changes: list[Change] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def held(self) -> int:
        return self.counts[Outcome.HELD]

    @property
    def trashed(self) -> int:
        return self.counts[Outcome.TRASH]

    @property
    def approved(self) -> int:
        return self.counts[Outcome.APPROVED]

    @property
    def pending(self) -> int:
        return self.counts[Outcome.PENDING]

    @property
    def spam(self) -> int:
        return self.counts[Outcome.SPAM]


def _run(
    session: Session,
    db: Database | None,
    rules: RuleSet,
    scope: Scope,
    progress: Progress | None,
    fast: bool = True,
) -> RuleRun:
    run = RuleRun()
    with _collector_paused():
        for verdict, comments in _judge(session, db, rules, scope, progress, fast):
            run.counts[verdict.outcome] += len(comments)
            run.changes += _changes(verdict, comments)
    return run


_pauses = 0
_pauses_lock = threading.Lock()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the block (and resumed after the last of
    overlapping blocks on other threads): a run over the queue makes ~200,000 rows, changes and
    tuples that live to its end, and the collector walked them again and again, a tenth of a
    dry run over 100,000 comments (~100 ms). The little cyclic garbage a run leaves waits for the
    next collection."""
    global _pauses
    with _pauses_lock:
        ours = _pauses > 0 or gc.isenabled()  # paused by somebody else: left as it is
        if ours:
            _pauses += 1
            gc.disable()
    if not ours:
        yield
        return
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if _pauses == 0:
                gc.enable()


def apply_rules_in(
    session: Session,
    comment_ids: Collection[int],
    rules: RuleSet | None = None,
    progress: Progress | None = None,
) -> RuleRun:
    """Pass the NEW comments ``comment_ids`` through the rules (stored ones by default).

    Only pending reader comments are considered; the others among ``comment_ids`` are left alone.
    """
    if not comment_ids:
        return RuleRun()
    rules = load_rules_in(session) if rules is None else rules
    session.flush()
    run = _run(session, None, rules, Scope(frozenset(comment_ids)), progress)
    _write(session, run.changes)
    return run


def dry_run(db: Database, rules: RuleSet, progress: Progress | None = None, fast: bool = True) -> RuleRun:
    """What ``rules`` would do to the current pending queue; nothing is written. ``fast=False``
    judges comment by comment even on SQLite (the tests compare both ways)."""
    with db.session() as session:
        run = _run(session, db, rules, Scope(), progress, fast)
        session.rollback()
    return run


@patient
def apply_to_queue(db: Database, rules: RuleSet | None = None, progress: Progress | None = None) -> RuleRun:
    """Run ``rules`` (stored ones by default) over the whole pending queue, in one transaction,
    after a copy of the database is pinned (written in the background meanwhile)."""
    protect_bulk(db, "apply-rules")
    with db.session() as session:
        rules = load_rules_in(session) if rules is None else rules
        run = _run(session, db, rules, Scope(), progress)
        _write(session, run.changes)
    return run
