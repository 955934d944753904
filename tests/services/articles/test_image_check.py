"""House rules asked with the database: an ``image:`` nobody stored is a missing image."""

from __future__ import annotations

from redaction.domain.house_rules import MISSING_IMAGE, check_article
from redaction.services.articles.image_check import known_images
from redaction.services.articles.images import ImageStore
from redaction.services.articles.values import ArticleFields
from redaction.storage.database import Database
from tests.image_samples import PNG


def test_only_images_the_database_holds_are_known(both_db: Database) -> None:
    db = both_db
    stored = ImageStore(db).add_bytes(PNG, "port.png")
    unknown = f"image:{'0' * 16}"
    body = f"![Le port]({stored.url})\n\n![Perdue]({unknown})"
    known = known_images(db, body)
    assert known(stored.url) and not known(unknown)
    fields = ArticleFields(title="Le port", rubric="Économie", standfirst="Chapô", body=body)
    problems = check_article(fields, known_images=known)
    assert [(p.code, p.detail) for p in problems] == [(MISSING_IMAGE, "Perdue")]
