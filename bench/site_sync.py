"""The site's sync against a real local WordPress (Debian's packages, started here as the tests
start it): how long publishing, pulling, pushing and an idle sync take.

Measures, as medians in milliseconds (targets in brackets):

- ``publish_ms``: ``publish_articles`` + ``push_outbox`` of the seed's French portrait (new post
  each run: rubric and tags already on the site after the first);
- ``pull_1000_comments_ms``: a sync that receives 1,000 new reader comments (threaded, through
  the moderation rules) [≤ 5,000];
- ``push_100_decisions_ms``: ``push_outbox`` of 100 decisions taken at the desk (their current
  status read in a few requests, then sent on several connections: WordPress has no batch
  endpoint for comments) [≤ 5,000];
- ``sync_nothing_new_ms``: a sync when nothing changed on either side [≤ 300].

PHP's built-in server runs with 4 workers (the tests' set-up), so the numbers are those of a
small real server; a reference loop timed before and after tells a slow machine from a slow sync.
Details (request counts, each sample) go to stderr.

    .venv/bin/python bench/site_sync.py [--json] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGETS = {"pull_1000_comments_ms": 5000, "push_100_decisions_ms": 5000, "sync_nothing_new_ms": 300}


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def machine_speed() -> float:
    """Milliseconds for a fixed pure-Python loop (the machine is shared; its speed drifts)."""
    start = time.perf_counter()
    total = 0
    for i in range(5_000_000):
        total += i
    return (time.perf_counter() - start) * 1000


def timed(action: Callable[..., object], *args: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = action(*args)
    return (time.perf_counter() - start) * 1000, result


def make_comments(wp: object, post_id: int, n: int, tag: str) -> None:
    """``n`` pending reader comments on the post, a fifth of them replies, spread over hours."""
    wp.php(  # type: ignore[attr-defined]
        f"""
        $previous = 0;
        for ($i = 1; $i <= {n}; $i++) {{
            $id = wp_insert_comment(array('comment_post_ID' => {post_id}, 'comment_author' => "Lecteur {tag} $i",
                'comment_author_email' => "l{tag}$i@example.org", 'comment_author_IP' => '198.51.100.' . ($i % 250),
                'comment_content' => "Réponse n° $i ({tag}) : merci pour cet article ; « bravo » !",
                'comment_approved' => '0', 'comment_parent' => ($i % 5 == 0) ? $previous : 0,
                'comment_date_gmt' => gmdate('Y-m-d H:i:s', time() - ({n} - $i) * 37)));
            $previous = $id;
        }}
        """
    )


def run(folder: Path, runs: int) -> dict[str, float]:
    from sqlalchemy import select
    from tests.site.helpers import seed_article
    from tests.site.wordpress import LocalWordPress, free_port, missing_tools

    from redaction.services.moderation.queue import decide
    from redaction.services.site import credentials, http
    from redaction.services.site.connect import connect_site
    from redaction.services.site.publish import publish_articles
    from redaction.services.site.sync import push_outbox, sync
    from redaction.storage.database import Database
    from redaction.storage.models import Comment, SiteComment, SitePost

    def publish_and_push(db: Database, article_id: int) -> object:
        publish_articles(db, [article_id], "bench")
        return push_outbox(db)

    missing = missing_tools()
    if missing:
        raise SystemExit(f"no local WordPress: missing {', '.join(missing)}")
    log(f"machine speed before: {machine_speed():.0f} ms for the reference loop")
    started = time.perf_counter()
    wp = LocalWordPress(folder / "wordpress", free_port()).start()
    log(f"WordPress started in {time.perf_counter() - started:.1f} s at {wp.url}")
    sent: dict[str, list[int]] = {}
    counting = http.SiteClient.request

    def counted(self: http.SiteClient, *args: object, **kwargs: object) -> object:
        sent.setdefault(current[0], [0])[0] += 1
        return counting(self, *args, **kwargs)  # type: ignore[arg-type]

    current = ["setup"]
    http.SiteClient.request = counted  # type: ignore[method-assign]
    samples: dict[str, list[float]] = {
        k: [] for k in ("publish_ms", "pull_1000_comments_ms", "push_100_decisions_ms", "sync_nothing_new_ms")
    }
    try:
        import os

        os.environ[credentials.ENV_VAR] = wp.app_password
        for n in range(runs):
            current[0] = "setup"
            db = Database.open(folder / f"bench-{n}.db")
            connect_site(db, wp.url, wp.user, wp.app_password)
            sync(db)  # the site as it is: the sample post and earlier runs' comments
            article = seed_article(db, f" ({n + 1})")
            current[0] = "publish_ms"
            ms, result = timed(publish_and_push, db, article.id)
            samples["publish_ms"].append(ms)
            log(f"run {n + 1}: publish {ms:.0f} ms -> {result.links[article.id]}")  # type: ignore[attr-defined]
            with db.session() as s:
                post_id = s.execute(
                    select(SitePost.post_id).where(SitePost.article_id == article.id)
                ).scalar_one()
            make_comments(wp, post_id, 1000, f"r{n}")
            current[0] = "pull_1000_comments_ms"
            ms, result = timed(sync, db)
            samples["pull_1000_comments_ms"].append(ms)
            log(f"run {n + 1}: pull {ms:.0f} ms, {result.pulled} comments received")  # type: ignore[attr-defined]
            with db.session() as s:
                ids = list(
                    s.execute(
                        select(Comment.id)
                        .join(SiteComment, SiteComment.comment_id == Comment.id)
                        .where(Comment.article_id == article.id, Comment.status == "pending")
                        .limit(100)
                    ).scalars()
                )
            decide(db, ids, "approved", "bench")
            current[0] = "push_100_decisions_ms"
            ms, result = timed(push_outbox, db)
            samples["push_100_decisions_ms"].append(ms)
            log(f"run {n + 1}: push {ms:.0f} ms, {result.sent} decisions sent")  # type: ignore[attr-defined]
            current[0] = "setup"
            sync(db)  # settle: the counts after our own pushes
            current[0] = "sync_nothing_new_ms"
            for _ in range(5):
                ms, result = timed(sync, db)
                samples["sync_nothing_new_ms"].append(ms)
            log(
                f"run {n + 1}: idle syncs {', '.join(f'{x:.0f}' for x in samples['sync_nothing_new_ms'][-5:])} ms"
            )
            db.close()
    finally:
        http.SiteClient.request = counting  # type: ignore[method-assign]
        wp.stop()
    for key, count in sent.items():
        if key in samples:
            log(f"{key}: {count[0] / max(1, len(samples[key])):.0f} requests per sample")
    log(f"machine speed after: {machine_speed():.0f} ms for the reference loop")
    figures = {key: round(statistics.median(values), 1) for key, values in samples.items()}
    for key, target in TARGETS.items():
        log(
            f"{key}: {figures[key]} ms (target ≤ {target} ms: {'ok' if figures[key] <= target else 'MISSED'})"
        )
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object (details on stderr)")
    parser.add_argument("--runs", type=int, default=3, help="how many times each measurement is taken")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="redaction-site-bench-") as folder:
        figures = run(Path(folder), args.runs)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:24s} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
