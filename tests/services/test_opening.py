"""A database opened on a thread of its own while the first screen is shown
(redaction.services.opening): it stands for the Database meanwhile, and the first screen's reads
answer from what was read before the paint."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from redaction.services import opening as reads
from redaction.services.articles import editing as article_service
from redaction.services.articles.values import ArticleFields, ArticleQuery
from redaction.services.first_screen import FirstScreen
from redaction.services.opening import OpeningDatabase
from redaction.storage.database import Database
from redaction.storage.errors import DatabaseUnavailableError, NotADatabaseError


def _titles(summaries: list) -> list[str]:
    return [s.title for s in summaries]


def test_it_answers_from_the_first_screen_until_open_then_from_the_database(
    db: Database, db_path: Path
) -> None:
    article_service.create_article(db, ArticleFields(title="La criée de Douarnenez"))
    screen = FirstScreen.open(db_path)
    assert screen is not None
    opening = OpeningDatabase(str(db_path), screen)
    try:
        # Another program saves after the first screen was read.
        article_service.create_article(db, ArticleFields(title="Tempête sur Ouessant"))
        assert opening.opening
        assert _titles(reads.list_articles(opening, ArticleQuery())) == ["La criée de Douarnenez"]
        assert reads.count_articles(opening, ArticleQuery()) == 1
        assert opening.location == str(db_path)  # the status bar's, without opening anything
        assert opening.opening

        opened = opening.wait()  # not started yet: opens now
        assert isinstance(opened, Database) and not opening.opening
        assert _titles(reads.list_articles(opening, ArticleQuery())) == [
            "Tempête sur Ouessant",
            "La criée de Douarnenez",
        ]
        assert opening.is_sqlite  # everything else is the opened database's
        assert opening.engine is opened.engine
    finally:
        screen.close()
        opening.close()


def test_started_it_opens_on_another_thread_and_tells_when_done(db: Database, db_path: Path) -> None:
    ended: list[bool] = []
    opening = OpeningDatabase(str(db_path), prepare=lambda: ended.append(False))
    opening.add_done_listener(lambda: ended.append(True))
    opening.start()
    opening.start()  # once
    database = opening.wait()
    assert ended == [False, True]  # prepared on its thread, then told
    assert article_service.count_articles(database, ArticleQuery()) == 0
    opening.close()


def test_a_failed_opening_is_raised_where_the_database_is_used_and_closing_is_quiet(tmp_path: Path) -> None:
    folder = tmp_path / "a folder.db"
    folder.mkdir()
    opening = OpeningDatabase(str(folder))
    opening.start()
    with pytest.raises(NotADatabaseError):
        opening.session()
    with pytest.raises(NotADatabaseError):
        article_service.list_articles(opening, ArticleQuery())  # type: ignore[arg-type]
    opening.close()


def test_closing_before_it_started_opens_nothing_ever(tmp_path: Path) -> None:
    path = tmp_path / "never.db"
    opening = OpeningDatabase(str(path))
    opening.close()
    with pytest.raises(DatabaseUnavailableError):  # a timer firing after the window was closed
        opening.session()
    opening.start()
    assert not path.exists() and not any(t.name == "redaction-opening" for t in threading.enumerate())


def test_a_worker_thread_reads_from_the_database_not_from_the_first_screen(
    db: Database, db_path: Path
) -> None:
    """The first screen's sqlite3 connection belongs to the thread that read it: a count run on a
    worker thread while the database opens waits for the database and counts what it holds."""
    article_service.create_article(db, ArticleFields(title="La criée de Douarnenez"))
    screen = FirstScreen.open(db_path)
    assert screen is not None
    opening = OpeningDatabase(str(db_path), screen)
    article_service.create_article(db, ArticleFields(title="Tempête sur Ouessant"))
    counted: list[int] = []
    try:
        worker = threading.Thread(
            target=lambda: counted.append(reads.count_articles(opening, ArticleQuery()))
        )
        worker.start()
        worker.join(timeout=60)
        assert counted == [2]  # the database's count; the first screen says 1
        assert reads.count_articles(opening, ArticleQuery()) == 2  # opened by then
    finally:
        screen.close()
        opening.close()


def test_a_first_screen_its_file_fails_is_let_go_and_the_services_answer(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page of the file damaged where the first screen reads: the read goes to the services
    (which open the database and say what is wrong with it), never a raw sqlite3 error."""
    article_service.create_article(db, ArticleFields(title="La criée de Douarnenez"))
    screen = FirstScreen.open(db_path)
    assert screen is not None
    opening = OpeningDatabase(str(db_path), screen)

    def damaged(*_args: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(screen, "list_articles", damaged)
    try:
        assert _titles(reads.list_articles(opening, ArticleQuery())) == ["La criée de Douarnenez"]
        assert opening.first_screen_failed and not opening.opening  # let go; the database opened
        assert opening.first_screen is screen  # its feed position still there for the change bus
    finally:
        opening.close()
