"""Every released schema has a fixture database here; each must open in this version with its
content intact. Add a fixture when a release changes the schema (see tests/fixtures/README.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from redaction.services.articles import editing as article_service
from redaction.services.moderation import comments as comment_service
from redaction.storage.database import Database

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("schema_*.db")))
def test_released_schema_opens_with_its_content(fixture: str, tmp_path: Path) -> None:
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    db = Database.open(path)
    try:
        with db.session() as s:
            articles = article_service.list_articles_in(s, article_service.ArticleQuery(), limit=1000)
            assert articles
            for summary in articles:
                detail = article_service.get_article_in(s, summary.id)
                assert detail.fields.title == summary.title
                counts = comment_service.count_by_status_in(s, summary.id)
                assert counts["pending"] == summary.pending_comments  # the counter survived
        # still writable after the upgrade
        first = articles[0]
        with db.session() as s:
            detail = article_service.get_article_in(s, first.id)
        saved = article_service.save_article(
            db,
            first.id,
            article_service.ArticleFields(title=detail.fields.title + " (suite)"),
            detail.version,
        )
        assert saved.version == detail.version + 1
    finally:
        db.close()


def test_the_current_release_fixture_holds_the_demo_newsroom() -> None:
    assert (FIXTURES / "schema_0007.db").is_file()
