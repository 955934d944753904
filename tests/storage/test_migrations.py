"""A database written by an earlier schema opens, is upgraded, and keeps every row."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import inspect, text

from redaction.services.articles import editing as article_service
from redaction.services.moderation import comments as comment_service
from redaction.storage.database import Database
from redaction.storage.revisions import head_revision

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_schema_0001_database_upgrades_and_keeps_its_content(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_0001.db", path)
    db = Database.open(path)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        assert {"setting", "autosave", "image"} <= set(inspect(db.engine).get_table_names())
        with db.session() as s:
            titles = sorted(
                a.title for a in article_service.list_articles_in(s, article_service.ArticleQuery())
            )
            assert titles == ["Le marché de Noël de Quimper", "Storm Ciarán: one year on"]
            noel = next(
                a
                for a in article_service.list_articles_in(s, article_service.ArticleQuery())
                if "Noël" in a.title
            )
            detail = article_service.get_article_in(s, noel.id)
            assert detail.fields.tags == ("noël", "commerce")
            assert "« On attendait ça »" in detail.fields.body
            counts = comment_service.count_by_status_in(s, noel.id)
            assert counts == {"pending": 1, "approved": 1, "spam": 1, "trash": 0}
            replies = [c for c in comment_service.list_comments_in(s, noel.id) if c.parent_id is not None]
            assert [c.body for c in replies] == ["Je confirme"]
        # The article can be edited after the upgrade: the version counter carried over.
        saved = article_service.save_article(
            db,
            detail.id,
            article_service.ArticleFields(**{**_fields(detail), "title": "Marché de Noël"}),
            detail.version,
        )
        assert saved.version == detail.version + 1
        # Comments that existed before the upgrade are searchable.
        with db.engine.connect() as conn:
            hits = conn.execute(text("SELECT rowid FROM comment_fts WHERE comment_fts MATCH 'marche'")).all()
            assert len(hits) == 1
    finally:
        db.close()


def _fields(detail: article_service.ArticleDetail) -> dict:
    f = detail.fields
    return {
        "title": f.title,
        "rubric": f.rubric,
        "standfirst": f.standfirst,
        "tags": f.tags,
        "author": f.author,
        "language": f.language,
        "status": f.status,
        "body": f.body,
    }
