"""Schema 0005: the list indexes are as the models declare them, downgrade cleanly, and keep every
list query off the article rows (whose bodies make a scan of 100,000 of them cost 250 MB)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from alembic import command
from sqlalchemy import event, inspect

from redaction.services.articles import editing as article_service
from redaction.services.moderation import comments as comment_service
from redaction.storage.database import Database
from redaction.storage.models import Base
from redaction.storage.revisions import alembic_config

TABLES = ("article", "comment")


def _declared(table: str) -> dict[str, list[str]]:
    return {ix.name: [c.name for c in ix.columns] for ix in Base.metadata.tables[table].indexes}  # type: ignore[misc]


def _in_database(db: Database, table: str) -> dict[str, list[str]]:
    return {ix["name"]: list(ix["column_names"]) for ix in inspect(db.engine).get_indexes(table)}  # type: ignore[misc]


@pytest.mark.parametrize("table", TABLES)
def test_migrated_indexes_are_the_declared_ones(db: Database, table: str) -> None:
    assert _in_database(db, table) == _declared(table)


def _migrate(db: Database, action: str, revision: str) -> None:
    cfg = alembic_config()
    with db.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        getattr(command, action)(cfg, revision)


def test_downgrade_to_0004_restores_the_narrow_indexes_and_upgrade_widens_them(db: Database) -> None:
    _migrate(db, "downgrade", "0004")
    article = _in_database(db, "article")
    assert article["ix_article_updated"] == ["updated_at", "id"]
    assert article["ix_article_title"] == ["title", "id"]
    assert "ix_article_status" not in article
    assert "ix_comment_article_kind_created" not in _in_database(db, "comment")
    _migrate(db, "upgrade", "head")
    assert _in_database(db, "article") == _declared("article")


@contextmanager
def _statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and " article" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def _article_plan_steps(db: Database, statement: str, parameters: Any) -> list[str]:
    with db.engine.connect() as conn:
        plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    return [row[3] for row in plan if " article" in f" {row[3]}".replace("(", " ")]


QUERIES = [
    article_service.ArticleQuery(text="lorient"),
    article_service.ArticleQuery(text="lorient", status="draft"),
    article_service.ArticleQuery(text="lorient", sort="title", descending=False),
    article_service.ArticleQuery(text="lorient", sort="status"),
    article_service.ArticleQuery(text="lorient", sort="pending_comments"),
    article_service.ArticleQuery(text="lorient", sort="rubric"),
    article_service.ArticleQuery(text="lorient", sort="author", status="published"),
    article_service.ArticleQuery(status="ready", sort="status"),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: f"{q.sort}-{q.status}-{q.text}")
def test_list_and_count_never_scan_the_article_rows(
    db: Database, query: article_service.ArticleQuery
) -> None:
    with db.session() as s:
        for i in range(30):
            article_service.create_article_in(
                s, article_service.ArticleFields(title=f"Lorient {i}", rubric="Mer", body="Du texte. " * 200)
            )
    with _statements(db) as seen, db.session() as s:
        article_service.list_articles_in(s, query, limit=10)
        article_service.count_articles_in(s, query)
    steps = [
        step for statement, parameters in seen for step in _article_plan_steps(db, statement, parameters)
    ]
    assert steps
    # Article rows are only read by id (the page itself); filters and orders walk an index.
    scans = [step for step in steps if step.startswith("SCAN") and "INDEX" not in step]
    assert scans == []


def test_an_articles_comments_are_listed_and_counted_from_an_index(db: Database) -> None:
    with db.session() as s:
        article = article_service.create_article_in(s, article_service.ArticleFields(title="Débat"))
        comment_service.add_comments_in(
            s, [comment_service.NewComment(article.id, f"avis {i}", status="approved") for i in range(20)]
        )
    with db.engine.connect() as conn:
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM comment WHERE article_id = ? AND kind IN ('comment') "
            "ORDER BY created_at DESC, id DESC LIMIT 10",
            (article.id,),
        ).all()
    assert not any("TEMP B-TREE" in row[3] for row in plan)  # newest first without sorting them all


def test_the_links_queue_walks_the_partial_indexes(db: Database) -> None:
    from redaction.services.moderation.queue import list_queue_in
    from redaction.services.moderation.values import QueueFilter

    with db.session() as s:
        article = article_service.create_article_in(s, article_service.ArticleFields(title="Relayé"))
        comment_service.add_comments_in(
            s,
            [comment_service.NewComment(article.id, f"avis {i}") for i in range(20)]
            + [comment_service.NewComment(article.id, "[…]", kind="pingback")],
        )
    for status in ("pending", None):
        with _statements(db) as seen, db.session() as s:
            assert len(list_queue_in(s, QueueFilter(status=status, links=True))) == 1
        ((statement, parameters),) = seen
        with db.engine.connect() as conn:
            plan = " ".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
        assert "ix_comment_links" in plan and "TEMP B-TREE" not in plan
