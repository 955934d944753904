"""Schema 0006 adds a length target to every article, none by default."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from redaction.services.articles import editing as article_service
from redaction.storage.database import Database

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_old_articles_have_no_target_and_one_can_be_set(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_0001.db", path)
    db = Database.open(path)
    try:
        with db.session() as s:
            detail = article_service.get_article_in(s, 1)
        assert (detail.target_length, detail.target_unit) == (0, "signs")
        article_service.set_target(db, 1, 4000, "signs")
        with db.session() as s:
            after = article_service.get_article_in(s, 1)
        assert (after.target_length, after.target_unit) == (4000, "signs")
        assert after.version == detail.version  # a target is not an edit of the text
        with pytest.raises(ValueError):
            article_service.set_target(db, 1, 10, "pages")
    finally:
        db.close()
