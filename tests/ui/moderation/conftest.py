"""A newsroom with comments from several readers on two articles, and a desk open on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from redaction.services.articles.editing import create_article_in
from redaction.services.articles.values import ArticleFields
from redaction.services.moderation.comments import NewComment, add_comments_in
from redaction.storage.database import Database

T0 = datetime(2025, 4, 19, 8, 0, tzinfo=UTC)


@pytest.fixture
def desk_db(db: Database) -> Database:
    """Articles "La criée" and "Le festival"; eight pending comments (newest first: p7 … p0),
    two approved; p5 answers p1."""
    with db.session() as s:
        a = create_article_in(s, ArticleFields(title="La criée", status="published")).id
        b = create_article_in(s, ArticleFields(title="Le festival", status="published")).id
        readers = [("Yann", "yann@example.fr"), ("Léa", "lea@example.fr"), ("Bot", "bot@spam.test")]
        pending = [
            NewComment(
                a if i % 2 == 0 else b,
                f"Commentaire numéro {i} sur le café",
                readers[i % 3][0],
                readers[i % 3][1],
                author_ip=f"10.0.0.{i}",
                created_at=T0 + timedelta(minutes=i),
            )
            for i in range(8)
        ]
        ids = add_comments_in(s, pending)
        add_comments_in(
            s,
            [
                NewComment(
                    a,
                    "Merci",
                    "Anne",
                    "anne@example.fr",
                    created_at=T0 - timedelta(days=1),
                    status="approved",
                ),
                NewComment(b, "Bravo", "Marc", "", created_at=T0 - timedelta(days=2), status="approved"),
            ],
        )
        from sqlalchemy import update

        from redaction.storage.models import Comment

        s.execute(update(Comment).where(Comment.id == ids[5]).values(parent_id=ids[1]))
    return db


@pytest.fixture
def open_desk(qtbot: object, request: pytest.FixtureRequest) -> Callable[[Database], object]:
    from redaction import config
    from redaction.ui.context import AppContext
    from redaction.ui.moderation.window import DeskWindow

    def factory(database: Database, actor: str = "claire") -> DeskWindow:
        config.put(USER_NAME=actor)  # who signs the decisions
        ctx = AppContext(database)
        request.addfinalizer(ctx.close)
        window = DeskWindow(ctx)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        with qtbot.waitExposed(window):  # type: ignore[attr-defined]
            window.show()
        with qtbot.waitActive(window):  # type: ignore[attr-defined]
            window.activateWindow()
        window.desk.view.setFocus()
        return window

    return factory


@pytest.fixture(autouse=True)
def workers_done(qapp: object) -> Iterator[None]:
    """No worker thread outlives its test (it would report to a closed window)."""
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30_000)
    from redaction.services.backup import backups_in_progress

    for backup in backups_in_progress():  # copies taken before bulk moves, written in the background
        backup.wait_done(30)
    qapp.processEvents()  # type: ignore[attr-defined]
