"""The crash matrix's WordPress sync: kill -9 while redaction publishes an article, pushes the
desk's decisions and pulls readers' comments from a real WordPress on 127.0.0.1.

Registered only where a local WordPress can start (Debian's ``wordpress``, ``mariadb-server``,
``php-cli``, ``php-mysql``: ``.ci/run`` installs them); elsewhere the matrix says it left the sync
out. The parent starts the site once (prepare) and stops it when the matrix ends.

What the kill may leave, read with SQLite alone (``check``): each outbox row in a known state,
each comment pulled whole (its site row with it), never one site comment stored twice. Then
(``opened``) redaction finishes the interrupted sync as the next sync of a person would, and the
site and the database must agree: the article published exactly once (a post killed between
its creation and our record of it is found by its marker, not created again), every decision
taken at the desk applied on the site, and every comment the site has for the post present
locally, once.
"""

from __future__ import annotations

import atexit
import os
import sqlite3
import sys
import uuid as uuid_module
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.site.wordpress import LocalWordPress, free_port, missing_tools  # noqa: E402

from crash_ops import DB_NAME, Context, Facts, Finding, Note, Operation, read_journal, register  # noqa: E402

ON_SITE = 40  # readers' comments the template has already pulled
DECIDED = 20  # of which the desk decided these (queued for the site)
NEW_ON_SITE = 30  # readers' comments written since, for the killed sync to pull
DECISIONS = ("approved", "spam", "trash")
WP_STATUS = {"approved": "approved", "spam": "spam", "trash": "trash"}

_site: LocalWordPress | None = None


def _wordpress(ctx: Context) -> LocalWordPress:
    """The one site of this matrix, started on first use and stopped when the parent exits."""
    global _site
    if _site is None:
        folder = ctx.templates / "wordpress"
        folder.mkdir(parents=True, exist_ok=True)
        _site = LocalWordPress(folder, free_port()).start()
        atexit.register(_site.stop)
    return _site


def _rest(facts: Facts, method: str, route: str, **kwargs: Any) -> Any:
    answer = httpx.request(
        method,
        f"{facts['url']}/wp-json/{route}",
        auth=(facts["user"], facts["password"]),
        timeout=60.0,
        **kwargs,
    )
    answer.raise_for_status()
    return answer.json()


def _reader_comments(facts: Facts, post_id: int, n: int, first: int) -> None:
    for i in range(first, first + n):
        _rest(
            facts,
            "POST",
            "wp/v2/comments",
            json={
                "post": post_id,
                "content": f"Commentaire {i} : <b>merci</b> pour l’article",
                "author_name": f"Lecteur {i}",
                "author_email": f"lecteur{i}@example.org",
                "status": "hold",
            },
        )


def _prepare_sync(folder: Path, ctx: Context) -> Facts:
    from redaction.services.articles.editing import create_article
    from redaction.services.articles.values import ArticleFields
    from redaction.services.moderation.queue import decide
    from redaction.services.site import credentials
    from redaction.services.site.connect import connect_site
    from redaction.services.site.publish import publish_articles
    from redaction.services.site.sync import sync
    from redaction.storage.database import Database

    site = _wordpress(ctx)
    facts: Facts = {"url": site.url, "user": site.user, "password": site.app_password}
    os.environ[credentials.ENV_VAR] = site.app_password  # the children and the checks inherit it
    db = Database.open(folder / DB_NAME)
    connect_site(db, site.url, site.user, site.app_password, keep_password=False)
    fields = ArticleFields(
        title="Le port de Lorient sous la tempête",
        rubric="Économie",
        status="ready",
        author="Claire Vasseur",
        standfirst="Les pêcheurs restent à quai.",
        body="## À quai\n\nTrois jours sans sortie : « du jamais vu », dit le patron.",
    )
    article = create_article(db, fields, "crash")
    publish_articles(db, [article.id], "crash")
    result = sync(db)
    post_id = int(db_scalar(folder, "SELECT post_id FROM site_post WHERE article_id = ?", article.id))
    _reader_comments(facts, post_id, ON_SITE, 1)
    sync(db)  # the template's comments pulled, pending
    with db.session() as session:
        from sqlalchemy import text

        pulled = [
            r[0]
            for r in session.execute(
                text(
                    "SELECT c.id FROM comment c JOIN site_comment s ON s.comment_id = c.id "
                    "JOIN site_post p ON p.article_id = c.article_id "
                    "WHERE c.status = 'pending' AND p.post_id = :post ORDER BY s.wp_id"
                ),
                {"post": post_id},
            )
        ]
    assert len(pulled) >= ON_SITE, f"the template pulled {len(pulled)} comments, not {ON_SITE}"
    for i, comment_id in enumerate(pulled[:DECIDED]):  # decided at the desk, queued for the site
        decide(db, [comment_id], DECISIONS[i % len(DECISIONS)], "crash")
    db.close()
    _reader_comments(facts, post_id, NEW_ON_SITE, ON_SITE + 1)
    facts.update(post=post_id, first_link=result.links.get(article.id, ""))
    return facts


def db_scalar(folder: Path, sql: str, *args: object) -> Any:
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


def _run_sync(folder: Path, facts: Facts, note: Note) -> None:
    from redaction.services.articles.editing import create_article
    from redaction.services.articles.values import ArticleFields
    from redaction.services.site.publish import publish_articles
    from redaction.services.site.sync import sync
    from redaction.storage.database import Database

    db = Database.open(folder / DB_NAME)
    fields = ArticleFields(
        title=f"Brève {uuid_module.uuid4().hex[:8]}",
        rubric="Économie",
        status="ready",
        author="Claire Vasseur",
        body="La criée rouvre demain à 5 h.",
    )
    article = create_article(db, fields, "crash")
    publish_articles(db, [article.id], "crash")  # queued with the desk's decisions
    with db.session() as session:
        from sqlalchemy import select

        from redaction.storage.models import Article

        uuid = session.execute(select(Article.uuid).where(Article.id == article.id)).scalar_one()
    note(ready=True, article=article.id, uuid=uuid)
    sync(db, password=facts["password"])
    note(synced=True)
    db.close()


def _check_sync(
    conn: sqlite3.Connection, folder: Path, facts: Facts, notes: list[dict[str, Any]], killed_at: float
) -> list[Finding]:
    findings = []
    states = dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    unknown = set(states) - {"waiting", "sent", "failed", "conflict", "resolved"}
    if unknown:
        findings.append(Finding("half", f"outbox rows in unknown states {sorted(unknown)}"))
    if conn.execute(
        "SELECT count(*) FROM site_comment s LEFT JOIN comment c ON c.id = s.comment_id WHERE c.id IS NULL"
    ).fetchone()[0]:
        findings.append(Finding("half", "a site row without its comment"))
    orphans = conn.execute(
        "SELECT count(*) FROM comment c LEFT JOIN site_comment s ON s.comment_id = c.id "
        "WHERE s.comment_id IS NULL AND c.source_id LIKE 'wxr:%'"
    ).fetchone()[0]
    if orphans:
        findings.append(Finding("half", f"{orphans} pulled comments without their site row"))
    empty = conn.execute("SELECT count(*) FROM comment WHERE body = '' OR author_name = ''").fetchone()[0]
    if empty:
        findings.append(Finding("half", f"{empty} comments stored without their text or name"))
    article = next((n["article"] for n in notes if "article" in n), None)
    if article is not None:
        import json

        queued = [
            payload
            for (payload,) in conn.execute("SELECT payload FROM outbox WHERE kind = 'publish'")
            if json.loads(payload).get("article") == article
        ]
        if not queued:
            findings.append(Finding("lost", "the article was published here but never queued for the site"))
    return findings


def _opened_sync(path: Path, facts: Facts) -> list[Finding]:
    """The next sync finishes what the kill interrupted; then the site and the database agree."""
    from redaction.services.site.sync import sync
    from redaction.storage.database import Database

    findings: list[Finding] = []
    notes = read_journal(path.parent)
    db = Database.open(path)
    try:
        sync(db, password=facts["password"])
    finally:
        db.close()
    conn = sqlite3.connect(path)
    try:
        left = conn.execute("SELECT kind, state, last_error FROM outbox WHERE state != 'sent'").fetchall()
        if left:
            findings.append(Finding("lost", f"the outbox did not empty after a whole sync: {left[:3]}"))
        of_post = dict(
            conn.execute(
                "SELECT s.wp_id, c.status FROM site_comment s JOIN comment c ON c.id = s.comment_id "
                "JOIN site_post p ON p.article_id = c.article_id WHERE p.post_id = ?",
                (facts["post"],),
            ).fetchall()
        )
        decided = [(wp_id, status) for wp_id, status in of_post.items() if status != "pending"]
        local = set(of_post)
    finally:
        conn.close()
    on_site: dict[int, str] = {}
    for status in ("approve", "hold", "spam", "trash"):
        for row in _rest(
            facts,
            "GET",
            "wp/v2/comments",
            params={"post": facts["post"], "status": status, "per_page": 100, "context": "edit"},
        ):
            on_site[int(row["id"])] = str(row["status"])
    wanted = {"approved": "approved", "spam": "spam", "trash": "trash"}
    wrong = [
        (wp_id, status, on_site.get(wp_id))
        for wp_id, status in decided
        if on_site.get(wp_id) != wanted[status]
    ]
    if wrong:
        findings.append(Finding("lost", f"decisions not on the site: {wrong[:3]}"))
    if set(on_site) - local:
        findings.append(Finding("lost", f"site comments never pulled: {sorted(set(on_site) - local)[:5]}"))
    uuid = next((n["uuid"] for n in notes if "uuid" in n), None)
    if uuid is not None:
        hits = _rest(
            facts,
            "GET",
            "wp/v2/posts",
            params={"search": uuid, "status": "publish,future,draft,pending,private", "context": "edit"},
        )
        copies = [p["id"] for p in hits if uuid in p["content"]["raw"]]
        if len(copies) != 1:
            kind = "lost" if not copies else "half"
            findings.append(Finding(kind, f"the article is on the site {len(copies)} times: {copies}"))
    return findings


if not missing_tools():
    register(Operation("sync", _prepare_sync, _run_sync, _check_sync, _opened_sync))
else:
    print(
        f"crash matrix: the sync is left out (no local WordPress: {', '.join(missing_tools())})",
        file=sys.stderr,
    )
