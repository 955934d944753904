"""The lazy list models behave as Qt expects and load page by page."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from redaction.services.articles.editing import create_article_in
from redaction.services.articles.values import ArticleFields
from redaction.services.moderation.comments import NewComment, add_comments_in
from redaction.services.moderation.values import QueueFilter
from redaction.storage.database import Database
from redaction.ui.articles.model import COLUMNS, ArticleTableModel
from redaction.ui.moderation.queue_model import COLUMNS as QUEUE_COLUMNS
from redaction.ui.moderation.queue_model import QueueModel


def fill(db: Database, n: int) -> list[int]:
    with db.session() as s:
        ids = [
            create_article_in(s, ArticleFields(title=f"Article {i:03d}", rubric="Culture")).id
            for i in range(n)
        ]
        add_comments_in(
            s, [NewComment(ids[0], f"comment {j} <b>bold</b>", author_name=f"R{j}") for j in range(23)]
        )
    return ids


def test_article_model_passes_qt_checks_and_pages(qtmodeltester, db: Database) -> None:
    fill(db, 23)
    model = ArticleTableModel(db, page_size=5)
    assert model.rowCount() == 5  # only the first page is loaded
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 23
    titles = [model.index(r, 0).data() for r in range(23)]
    assert len(set(titles)) == 23  # keyset paging neither repeats nor skips rows


def test_article_model_sorts_by_title_across_pages(db: Database) -> None:
    fill(db, 12)
    model = ArticleTableModel(db, page_size=4)
    model.sort(COLUMNS.index("title"), Qt.SortOrder.AscendingOrder)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles == sorted(titles)
    model.sort(COLUMNS.index("title"), Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Article 011"


def test_article_model_filters_by_text_and_status(db: Database) -> None:
    fill(db, 3)
    with db.session() as s:
        create_article_in(s, ArticleFields(title="Fête de la Bretagne", status="published"))
    model = ArticleTableModel(db)
    model.set_filter(None, "bretagne")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Fête de la Bretagne"]
    model.set_filter("published", "")
    assert model.rowCount() == 1
    model.set_filter("draft", "bretagne")
    assert model.rowCount() == 0


def test_an_articles_comment_queue_passes_qt_checks_and_shows_markup_as_text(
    qtmodeltester, db: Database
) -> None:
    ids = fill(db, 1)
    model = QueueModel(db, page_size=10)
    model.set_filter(QueueFilter(status="pending", article_id=ids[0]))
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 23
    assert "<b>bold</b>" in model.index(0, QUEUE_COLUMNS.index("comment")).data()


def test_long_comment_is_shortened_in_the_list(db: Database) -> None:
    ids = fill(db, 1)
    with db.session() as s:
        add_comments_in(s, [NewComment(ids[0], "x" * 1_000_000, author_name="Flood")])
    model = QueueModel(db)
    model.set_filter(QueueFilter(status="pending", article_id=ids[0]))
    excerpt = model.index(0, QUEUE_COLUMNS.index("comment")).data()
    assert len(excerpt) <= 200 and excerpt.endswith("…")
