"""How long the moderation-rules dry run takes on a big pending queue (target: 100,000 in ≤ 1 s).

Builds a temporary SQLite database (through Database.open, so with the real schema, triggers
and indexes) holding PENDING pending reader comments plus APPROVED approved ones over 500
articles, with realistic French and English text from the demo's fragments, spam with links,
duplicates and floods; then times :func:`redaction.services.moderation.rules.dry_run` with a rule set of
about 100 moderation words, 100 blocked words, emails, domains and IP networks.

    .venv/bin/python bench/rules_dry_run.py [--pending 100000] [--approved 50000] [--seed 7]
                                            [--runs 3] [--keep PATH] [--json]

With ``--json`` it prints one object on stdout (details on stderr): ``dry_run_100k_ms`` (the
fast path, best of the runs), ``one_by_one_100k_ms`` (the same dry run judged comment by
comment, as new comments and PostgreSQL are), and a fixed pure-Python reference loop timed
before and after (``machine_speed_before_ms``/``_after_ms``): the machine is shared.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from redaction.domain.moderation_rules import RuleSet
from redaction.domain.untrusted import derive
from redaction.services.demo import comments as fragments
from redaction.services.moderation.rules import dry_run
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment

START = datetime(2026, 1, 1, tzinfo=UTC)
ARTICLES = 500
FTS_MIGRATION = "redaction.storage.migrations.versions.0011_comment_search_text"


def _comment_rows(
    rng: random.Random, count: int, status: str, article_ids: list[int]
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for _ in range(count):
        language = "fr" if rng.random() < 0.8 else "en"
        name = fragments.person(rng, language)
        roll = rng.random()
        body = fragments.spam_comment(rng) if roll < 0.05 else fragments.reader_comment(rng, language)
        if 0.05 <= roll < 0.08:
            body += " https://example.org/source http://example.net/autre"
        row: dict[str, object] = {
            "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
            "article_id": rng.choice(article_ids),
            "author_name": name,
            "author_email": fragments.email_for(rng, name),
            "author_url": "",
            "author_ip": f"198.51.{rng.randrange(256)}.{rng.randrange(256)}",
            "body": body,
            "created_at": START + timedelta(seconds=rng.randrange(300 * 24 * 3600)),
            "status": status,
            "kind": "comment",
            "reason": "",
        }
        derived = derive(body)
        row.update(search_text=derived.search_text, text_flags=derived.flags)
        if rows and roll > 0.99:  # a duplicate or a flood of the previous comment
            previous = rows[-1]
            row.update(article_id=previous["article_id"], author_name=previous["author_name"])
            row.update(author_email=previous["author_email"], author_ip=previous["author_ip"])
            row["created_at"] = previous["created_at"] + timedelta(seconds=rng.randrange(1, 30))  # type: ignore[operator]
            if roll > 0.995:
                row.update(body=previous["body"], search_text=previous["search_text"])
                row["text_flags"] = previous["text_flags"]
        rows.append(row)
    return rows


def build(path: Path, pending: int, approved: int, seed: int) -> None:
    """The queue, loaded with the full-text trigger off and the index rebuilt once at the end."""
    rng = random.Random(seed)
    db = Database.open(path)
    fts = importlib.import_module(FTS_MIGRATION)
    (insert_trigger,) = [s for s in fts.FTS_STATEMENTS if s.startswith("CREATE TRIGGER comment_fts_ai")]
    try:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER comment_fts_ai")
        with db.session() as session:
            session.execute(
                insert(Article),
                [
                    {"uuid": str(uuid.uuid4()), "title": f"Article {n}", "slug": f"article-{n}"}
                    for n in range(ARTICLES)
                ],
            )
        with db.session() as session:
            ids = list(range(1, ARTICLES + 1))
            for status, count in (("approved", approved), ("pending", pending)):
                rows = _comment_rows(rng, count, status, ids)
                for start in range(0, len(rows), 20_000):
                    session.execute(insert(Comment), rows[start : start + 20_000])
        with db.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO comment_fts(comment_fts) VALUES ('rebuild')")
            conn.exec_driver_sql(insert_trigger)
    finally:
        db.close()


def rules() -> RuleSet:
    return RuleSet(
        moderation_words=("élu", "mairie", "scandale", "honte", *(f"surveille{n}" for n in range(96))),
        blocked_words=("casino", "viagra", "crypto", "connard", *(f"interdit{n}" for n in range(96))),
        blocked_emails=("troll@example.fr", "bot@example.com"),
        blocked_domains=("spam.example", "mail.ru"),
        blocked_ips=("10.0.0.0/8", "192.0.2.1", "203.0.113."),
    )


def machine_speed() -> float:
    """Milliseconds for a fixed pure-Python loop (as bench/moderation.py): tells a slow run from
    a slow machine."""
    start = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return (time.perf_counter() - start) * 1000


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def _time(path: Path, runs: int, fast: bool = True) -> float:
    """Dry-run ``runs`` times; print each run, return the best time (the machine is shared)."""
    best = float("inf")
    db = Database.open(path)
    try:
        for _ in range(runs):
            started, cpu = time.perf_counter(), time.process_time()
            calls: list[int] = []
            run = dry_run(
                db, rules(), progress=lambda done, total, calls=calls: calls.append(done), fast=fast
            )
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            best = min(best, elapsed)
            counts = ", ".join(f"{n:,} {outcome}" for outcome, n in run.counts.items())
            log(
                f"{'fast' if fast else 'one by one'}: dry run over {run.total:,} pending comments: {elapsed:.2f} s, {cpu:.2f} s of CPU on all "
                f"threads ({counts}; {len(run.changes):,} changes, {len(calls)} progress reports)"
            )
    finally:
        db.close()
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pending", type=int, default=100_000)
    parser.add_argument("--approved", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3, help="dry runs to time (the best one decides)")
    parser.add_argument("--keep", type=Path, metavar="PATH", help="build the queue here, or reuse it")
    parser.add_argument("--json", action="store_true", help="print one JSON object (details on stderr)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "queue.db"
        if not path.exists():
            started = time.perf_counter()
            build(path, args.pending, args.approved, args.seed)
            log(
                f"built {args.pending:,} pending + {args.approved:,} approved comments "
                f"in {time.perf_counter() - started:.1f} s"
            )
        speed_before = machine_speed()
        log(f"machine speed before: {speed_before:.0f} ms for the reference loop")
        best = _time(path, args.runs)
        one_by_one = _time(path, max(1, args.runs // 2), fast=False)
        speed_after = machine_speed()
        log(f"machine speed after: {speed_after:.0f} ms for the reference loop")
    figures = {
        "dry_run_100k_ms": round(best * 1000),
        "one_by_one_100k_ms": round(one_by_one * 1000),
        "machine_speed_before_ms": round(speed_before),
        "machine_speed_after_ms": round(speed_after),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"best: {best:.2f} s (target ≤ 1 s); comment by comment: {one_by_one:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
