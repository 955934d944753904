"""What the window reads of the site (services/site/overview.py) and putting refused changes
aside: no WordPress needed, the site's row is written as connecting would."""

from __future__ import annotations

from sqlalchemy import update

from redaction.services.articles.editing import create_article
from redaction.services.articles.values import ArticleFields
from redaction.services.site.outbox import set_state_in
from redaction.services.site.overview import outbox_counts, outbox_rows, public_link, site_state
from redaction.services.site.publish import publish_articles
from redaction.services.site.sync import dismiss_items, retry_items
from redaction.services.site.values import FAILED, RESOLVED, OutboxCounts
from redaction.storage.database import Database
from redaction.storage.models import OutboxItem, SitePost
from tests.services.site.rows import connect


def _ready(db: Database, title: str) -> int:
    return create_article(db, ArticleFields(title=title, body="Texte.", status="ready"), "Claire").id


def test_state_counts_rows_and_links(both_db: Database) -> None:
    assert site_state(both_db) is None
    connect(both_db)
    first, second = _ready(both_db, "La criée"), _ready(both_db, "Le festival")
    publish_articles(both_db, [first, second], "Claire")
    state = site_state(both_db)
    assert state is not None and (state.name, state.user_name, state.waiting) == ("Le Journal", "claire", 2)
    rows = outbox_rows(both_db)
    assert [(r.entry.kind, r.article_title) for r in rows] == [
        ("publish", "La criée"),
        ("publish", "Le festival"),
    ]

    with both_db.session() as s:
        set_state_in(s, rows[1].entry.id, FAILED, "the site refused it")
    assert outbox_counts(both_db) == OutboxCounts(waiting=1, failed=1)
    assert outbox_counts(both_db).open == 2

    assert public_link(both_db, first) is None  # not sent yet
    with both_db.session() as s:
        s.add(
            SitePost(article_id=first, post_id=7, link="https://journal.example/la-criee/", status="publish")
        )
    assert public_link(both_db, first).link == "https://journal.example/la-criee/"


def test_refused_changes_are_retried_or_put_aside_and_nothing_else(both_db: Database) -> None:
    connect(both_db)
    first, second = _ready(both_db, "Un"), _ready(both_db, "Deux")
    publish_articles(both_db, [first, second], "Claire")
    waiting, refused = (r.entry.id for r in outbox_rows(both_db))
    with both_db.session() as s:
        s.execute(update(OutboxItem).where(OutboxItem.id == refused).values(state=FAILED, last_error="no"))
    assert dismiss_items(both_db, [waiting, refused]) == 1  # a waiting change is never put aside
    assert outbox_counts(both_db) == OutboxCounts(waiting=1)
    assert [r.entry.id for r in outbox_rows(both_db)] == [waiting]
    with both_db.session() as s:
        assert s.get(OutboxItem, refused).state == RESOLVED
        assert s.get(OutboxItem, refused).last_error == "no"  # the reason stays in the history
    assert retry_items(both_db, [refused]) == 0  # put aside is settled: not retried by mistake
