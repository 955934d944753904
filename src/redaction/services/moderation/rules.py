"""Moderation rules at work on the database: the stored rule set, new comments, the dry run.

The rule set lives in the ``setting`` table (key ``moderation.rules``, JSON), shared by everyone
on the database. :func:`apply_rules_in` passes NEW pending reader comments through the rules
inside the caller's unit of work (imports use it): every automatic decision writes its reason
to ``Comment.reason`` and a ModerationEvent with actor ``rules``. :func:`dry_run` tells what a
changed rule set would do to the whole pending queue without writing anything, and
:func:`apply_to_queue` does it.

Speed: comments are streamed in keyset pages of only the needed columns; the facts the rules
need from the database (duplicates, floods, previously approved authors) are computed once per
run with set-based SQL (window functions), never with a query per comment.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, extract, func, insert, literal, select, text, tuple_, update
from sqlalchemy.orm import Session, aliased

from redaction.domain.dates import utcnow
from redaction.domain.moderation_rules import (
    KnownFacts,
    Outcome,
    RuleSet,
    Verdict,
    author_key,
    compile_rules,
)
from redaction.services.backup import protect_bulk
from redaction.services.moderation.comments import READER_KINDS, _adjust_pending
from redaction.storage.changes import Changes, record
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


# -- which comments, and what the database knows about them ---------------------------------------


@dataclass(frozen=True, slots=True)
class _Scope:
    """The pending reader comments a run looks at: the whole queue, or given ids (new ones)."""

    ids: frozenset[int] | None = None

    def clause(self, table: Any) -> ColumnElement[bool]:
        conditions = [table.status == "pending", table.kind.in_(READER_KINDS)]
        if self.ids is not None:
            # A range is a cheap SQL superset of the ids; rows outside the set are dropped in Python.
            conditions += [table.id >= min(self.ids, default=0), table.id <= max(self.ids, default=-1)]
        return and_(*conditions)

    def keeps(self, comment_id: int) -> bool:
        return self.ids is None or comment_id in self.ids

    def sharing(self, column: Any, key: Callable[[Any], Any]) -> list[ColumnElement[bool]]:
        """A condition keeping rows whose ``key(column)`` some target has (none for the whole queue,
        where it would filter little and cost a lot)."""
        if self.ids is None:
            return []
        target = aliased(Comment)
        return [key(column).in_(select(key(getattr(target, column.key))).where(self.clause(target)))]


def _same(column: Any) -> Any:
    return column


def _seconds_between(session: Session, later: Any, earlier: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return extract("epoch", later - earlier)
    return (func.julianday(later) - func.julianday(earlier)) * 86400.0


def _duplicates(session: Session, scope: _Scope) -> set[int]:
    """Comments with an earlier twin (same article, parent, name, email and text, not trashed)."""
    rank = func.row_number().over(
        partition_by=(
            Comment.article_id,
            Comment.parent_id,
            Comment.author_name,
            Comment.author_email,
            Comment.body,
        ),
        order_by=(Comment.created_at, Comment.id),
    )
    ranked = (
        select(Comment.id, Comment.status, Comment.kind, rank.label("rank"))
        .where(
            Comment.status != "trash",
            Comment.kind.in_(READER_KINDS),
            *scope.sharing(Comment.article_id, lambda c: c),
        )
        .subquery()
    )
    stmt = select(ranked.c.id).where(ranked.c.rank > 1, scope.clause(ranked.c))
    return {i for i in session.execute(stmt).scalars() if scope.keeps(i)}


def _floods(session: Session, scope: _Scope, seconds: int) -> set[int]:
    """Comments that came less than ``seconds`` after another one from the same IP or email."""
    found: set[int] = set()
    for column, key in ((Comment.author_ip, _same), (Comment.author_email, func.lower)):
        previous = func.lag(Comment.created_at).over(
            partition_by=key(column), order_by=(Comment.created_at, Comment.id)
        )
        timed = (
            select(Comment.id, Comment.status, Comment.kind, Comment.created_at, previous.label("previous"))
            .where(column != "", *scope.sharing(column, key))
            .subquery()
        )
        stmt = select(timed.c.id).where(
            scope.clause(timed.c),
            timed.c.previous.is_not(None),
            _seconds_between(session, timed.c.created_at, timed.c.previous) < seconds,
        )
        found.update(i for i in session.execute(stmt).scalars() if scope.keeps(i))
    return found


def _approved_authors(session: Session, scope: _Scope) -> frozenset[tuple[str, str]]:
    stmt = (
        select(Comment.author_name, Comment.author_email)
        .where(
            Comment.status == "approved",
            Comment.kind.in_(READER_KINDS),
            Comment.author_email != "",
            *scope.sharing(Comment.author_email, func.lower),
        )
        .distinct()
    )
    return frozenset(author_key(name, email) for name, email in session.execute(stmt))


# -- the same facts for the whole queue on SQLite, one index seek per pending comment ------------
#
# The window functions above sort the whole table (1,000,000 comments: 11 s) to learn about the
# ~100,000 pending ones. On SQLite each pending comment asks its own question instead, through
# an index: its earlier twin (ix_comment_article_author), the previous comment from its IP
# (ix_comment_ip) or email (ix_comment_email). Same answers: the previous row in the window's
# (created_at, id) order is the one the correlated subquery finds.

_READER_SQL = ", ".join(f"'{k}'" for k in READER_KINDS)
_PENDING_SQL = f"p.status = 'pending' AND p.kind IN ({_READER_SQL})"

_SQLITE_DUPLICATES = text(
    f"SELECT p.id FROM comment AS p WHERE {_PENDING_SQL} AND EXISTS ("
    "SELECT 1 FROM comment AS c INDEXED BY ix_comment_article_author"
    " WHERE c.article_id = p.article_id AND c.author_email = p.author_email"
    " AND c.author_name = p.author_name AND c.parent_id IS p.parent_id AND c.body = p.body"
    f" AND c.status != 'trash' AND c.kind IN ({_READER_SQL})"
    " AND (c.created_at, c.id) < (p.created_at, p.id))"
)


def _sqlite_flood_sql(column: str, index: str, extra: str = "") -> Any:
    return text(
        f"SELECT p.id FROM comment AS p WHERE {_PENDING_SQL} AND p.{column} != ''{extra}"
        " AND (julianday(p.created_at) - julianday(("
        f"SELECT c.created_at FROM comment AS c INDEXED BY {index}"
        f" WHERE c.{column} = p.{column}"
        " AND (c.created_at, c.id) < (p.created_at, p.id)"
        " ORDER BY c.created_at DESC, c.id DESC LIMIT 1))) * 86400.0 < :seconds"
    )


_SQLITE_FLOOD_IP = _sqlite_flood_sql("author_ip", "ix_comment_ip")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _sqlite_floods(session: Session, seconds: int) -> set[int]:
    found = set(session.execute(_SQLITE_FLOOD_IP, {"seconds": seconds}).scalars())
    # The email key is lower(author_email) (SQLite's lower: ASCII only). Emails that are the only
    # spelling of their key are asked about by index; keys spelt several ways keep the window.
    spellings: dict[str, list[str]] = {}
    for (email,) in session.execute(
        text("SELECT DISTINCT author_email FROM comment WHERE author_email != ''")
    ):
        spellings.setdefault(email.translate(_ASCII_LOWER), []).append(email)
    mixed = [e for group in spellings.values() if len(group) > 1 for e in group]
    if not mixed:
        found.update(
            session.execute(
                _sqlite_flood_sql("author_email", "ix_comment_email"), {"seconds": seconds}
            ).scalars()
        )
        return found
    single = _sqlite_flood_sql(
        "author_email", "ix_comment_email", " AND p.author_email NOT IN (SELECT value FROM json_each(:mixed))"
    )
    found.update(session.execute(single, {"seconds": seconds, "mixed": json.dumps(mixed)}).scalars())
    groups = [g for g in spellings.values() if len(g) > 1]
    for start in range(0, len(groups), 100):
        emails = [e for g in groups[start : start + 100] for e in g]
        found.update(_floods_by_email_window(session, seconds, emails))
    return found


def _floods_by_email_window(session: Session, seconds: int, emails: list[str]) -> set[int]:
    previous = func.lag(Comment.created_at).over(
        partition_by=func.lower(Comment.author_email), order_by=(Comment.created_at, Comment.id)
    )
    timed = (
        select(Comment.id, Comment.status, Comment.kind, Comment.created_at, previous.label("previous"))
        .where(Comment.author_email.in_(emails))
        .subquery()
    )
    stmt = select(timed.c.id).where(
        _Scope().clause(timed.c),
        timed.c.previous.is_not(None),
        _seconds_between(session, timed.c.created_at, timed.c.previous) < seconds,
    )
    return set(session.execute(stmt).scalars())


_SQLITE_PENDING_AUTHORS = text(
    f"SELECT DISTINCT p.author_name, p.author_email FROM comment AS p INDEXED BY ix_comment_status_created"
    f" WHERE {_PENDING_SQL}"
    " AND p.author_email != ''"
)
_SQLITE_APPROVED_PAIRS = (
    "WITH k(n, e) AS (VALUES {values}) SELECT n, e FROM k WHERE EXISTS ("
    "SELECT 1 FROM comment AS c INDEXED BY ix_comment_email WHERE c.author_email = k.e"
    f" AND c.author_name = k.n AND c.status = 'approved' AND c.kind IN ({_READER_SQL}))"
)
_PAIRS_CHUNK = 400


def _sqlite_approved_authors(session: Session) -> frozenset[tuple[str, str]]:
    """The authors of pending comments among the previously approved: per author key, whether
    any spelling of it (name as written, email in any case) has an approved comment."""
    wanted = {author_key(n, e) for n, e in session.execute(_SQLITE_PENDING_AUTHORS)}
    wanted = {k for k in wanted if k[1]}
    if not wanted:
        return frozenset()
    names: dict[str, list[str]] = {}
    for (name,) in session.execute(text("SELECT DISTINCT author_name FROM comment")):
        names.setdefault(name.strip(), []).append(name)
    emails: dict[str, list[str]] = {}
    for (email,) in session.execute(
        text("SELECT DISTINCT author_email FROM comment WHERE author_email != ''")
    ):
        emails.setdefault(email.strip().lower(), []).append(email)
    pairs = [(n, e) for key in wanted for n in names.get(key[0], ()) for e in emails.get(key[1], ())]
    found: set[tuple[str, str]] = set()
    for start in range(0, len(pairs), _PAIRS_CHUNK):
        chunk = pairs[start : start + _PAIRS_CHUNK]
        values = ", ".join(f"(:n{i}, :e{i})" for i in range(len(chunk)))
        params = {f"{p}{i}": v for i, pair in enumerate(chunk) for p, v in zip("ne", pair, strict=True)}
        stmt = text(_SQLITE_APPROVED_PAIRS.format(values=values))
        found.update(author_key(n, e) for n, e in session.execute(stmt, params))
    return frozenset(found)


def _facts(session: Session, rules: RuleSet, scope: _Scope) -> KnownFacts:
    if scope.ids is None and session.get_bind().dialect.name == "sqlite":
        return KnownFacts(
            duplicates=frozenset(session.execute(_SQLITE_DUPLICATES).scalars())
            if rules.hold_duplicates
            else frozenset(),
            floods=frozenset(_sqlite_floods(session, rules.flood_seconds))
            if rules.flood_seconds
            else frozenset(),
            approved_authors=_sqlite_approved_authors(session)
            if rules.approve_known_authors
            else frozenset(),
        )
    return KnownFacts(
        duplicates=frozenset(_duplicates(session, scope)) if rules.hold_duplicates else frozenset(),
        floods=frozenset(_floods(session, scope, rules.flood_seconds))
        if rules.flood_seconds
        else frozenset(),
        approved_authors=_approved_authors(session, scope) if rules.approve_known_authors else frozenset(),
    )


# -- deciding ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """What the rules do (or would do) to one pending comment."""

    comment_id: int
    article_id: int
    from_status: str
    to_status: str
    reason: str


def _change(row: Any, verdict: Verdict) -> Change | None:
    if verdict.outcome == Outcome.PENDING:
        if not row.reason.startswith(_HELD_PREFIX):
            return None  # nothing to do; a person's own note stays
    elif verdict.reason == row.reason:
        return None  # already held for that very reason
    return Change(row.id, row.article_id, "pending", verdict.status, verdict.reason)


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
)


def _pages(session: Session, scope: _Scope) -> Iterator[Sequence[Any]]:
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
    pool: ThreadPoolExecutor, db: Database | None, rules: RuleSet, scope: _Scope
) -> Future[KnownFacts] | None:
    """Compute the facts on a second connection while this one reads and judges the comments:
    SQLite sorts for the window functions with the GIL released, so both cores work. Only for
    the whole queue (new comments are not visible to another connection yet), and not for an
    in-memory database (another connection would see another database)."""
    if db is None or scope.ids is not None or (db.is_sqlite and database_file(db) is None):
        return None

    def work() -> KnownFacts:
        with db.session() as session:
            return _facts(session, rules, scope)

    return pool.submit(work)


def _evaluate(
    session: Session, db: Database | None, rules: RuleSet, scope: _Scope, progress: Progress | None
) -> Iterator[tuple[Verdict, Change | None]]:
    compiled = compile_rules(rules.normalized())
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
        facts = later.result() if later is not None else _facts(session, rules, scope)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    for item in seen:
        verdict = compiled.finish(item.id, item.author_name, item.author_email, item.content, facts)
        yield verdict, _change(item, verdict)


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


def _run(
    session: Session, db: Database | None, rules: RuleSet, scope: _Scope, progress: Progress | None
) -> RuleRun:
    run = RuleRun()
    for verdict, change in _evaluate(session, db, rules, scope, progress):
        run.counts[verdict.outcome] += 1
        if change is not None:
            run.changes.append(change)
    return run


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
    run = _run(session, None, rules, _Scope(frozenset(comment_ids)), progress)
    _write(session, run.changes)
    return run


def dry_run(db: Database, rules: RuleSet, progress: Progress | None = None) -> RuleRun:
    """What ``rules`` would do to the current pending queue; nothing is written."""
    with db.session() as session:
        run = _run(session, db, rules, _Scope(), progress)
        session.rollback()
    return run


@patient
def apply_to_queue(db: Database, rules: RuleSet | None = None, progress: Progress | None = None) -> RuleRun:
    """Run ``rules`` (stored ones by default) over the whole pending queue, in one transaction,
    after a copy of the database is pinned (written in the background meanwhile)."""
    protect_bulk(db, "apply-rules")
    with db.session() as session:
        rules = load_rules_in(session) if rules is None else rules
        run = _run(session, db, rules, _Scope(), progress)
        _write(session, run.changes)
    return run
