"""The first screen read with plain sqlite3 (services/first_screen.py) gives what the services give.

Random databases are built through the services themselves (titles with accents and LIKE's own
characters, deleted and empty rubric and author names, comments of every status and kind, autosaves,
a connected site and its outbox); every read of the first screen is compared with the service it
stands for. Plain tests cover what only the first screen promises: None rather than an error for a
file it cannot read, one read transaction, the file's bytes untouched, no SQLAlchemy imported.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from redaction.domain.workflow import ArticleStatus
from redaction.services import first_screen
from redaction.services.articles import editing
from redaction.services.articles.autosave import read_autosave, write_autosave
from redaction.services.articles.images import ImageStore, image_resource
from redaction.services.articles.values import (
    SORT_KEYS,
    ArticleFields,
    ArticleNotFoundError,
    ArticleQuery,
)
from redaction.services.first_screen import FirstScreen, NotOnFirstScreen
from redaction.services.moderation import queue
from redaction.services.moderation.comments import NewComment, add_comments_in
from redaction.services.moderation.detail import comment_detail
from redaction.services.moderation.values import STATUSES, QueueFilter
from redaction.services.site.overview import outbox_counts, public_link, site_state
from redaction.storage import models
from redaction.storage.changes import last_feed_id
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment, OutboxItem, Person, Rubric, SitePost
from redaction.storage.revisions import head_revision, known_revisions
from tests.services.site.rows import connected_site

T0 = datetime(2025, 4, 19, 8, 0, tzinfo=UTC)

RUBRICS = ("", "Économie", "Culture", "culture", "Faits_divers", "100 % local", "Mer\\Terre")
AUTHORS = ("", "Anne Le Bras", "Gwenaëlle", "anne", "Jean_Yves", "Ronan 50%")
WORDS = ("café", "Cafe", "mer", "%", "_", "50%", "a_b", "\\", "été", "L'été", "œuvre", "Noël", "le")
ALPHABET = "aeoéèçœÉ%_\\ -'"
ARTICLE_STATUSES = [s.value for s in ArticleStatus] + ["In review", " Published "]
COMMENT_STATUSES = list(STATUSES)
KINDS = ("comment", "comment", "pingback", "trackback")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def feed_of(db: Database) -> int:
    with db.engine.connect() as connection:
        return last_feed_id(connection)


def outcome(call: Callable[[], Any]) -> tuple[Any, ...]:
    """What a call gives, or the error it raises (type and message), to compare two calls."""
    try:
        return ("value", call())
    except (ValueError, ArticleNotFoundError) as error:
        return ("raised", type(error), str(error))


# -- random newsrooms, built through the services ----------------------------------------------------
words = st.sampled_from(WORDS) | st.text(alphabet=ALPHABET, min_size=1, max_size=5)
titles = st.lists(words, max_size=4).map(" ".join)
stamps = st.integers(0, 3)  # few distinct times: ties are ordered by id
articles = st.lists(
    st.tuples(
        titles,
        st.sampled_from(RUBRICS),
        st.sampled_from(AUTHORS),
        st.sampled_from(ARTICLE_STATUSES),
        st.sampled_from(("fr", "en")),
        st.lists(st.sampled_from(("mer", " port ", "été", "a,b")), max_size=3),
        stamps,
        st.none() | stamps,
    ),
    min_size=1,
    max_size=9,
)
bodies = st.text(alphabet=ALPHABET, max_size=12) | st.integers(398, 403).map(lambda n: ("é%x" * n)[:n])
comments = st.lists(
    st.tuples(
        st.integers(0, 100),  # which article (modulo how many there are)
        bodies,
        st.sampled_from(("Yann", "Léa", "", "bot_%")),
        st.sampled_from(COMMENT_STATUSES),
        st.sampled_from(KINDS),
        st.integers(0, 2),  # minutes after T0: ties again
        st.booleans(),  # a reply to the comment before it
        st.sampled_from(("", "held: 3 links ≥ 2")),
    ),
    max_size=18,
)
newsrooms = st.fixed_dictionaries(
    {
        "articles": articles,
        "comments": comments,
        "autosaves": st.lists(st.tuples(st.integers(0, 100), titles, st.lists(words, max_size=2))),
        "deleted_rubrics": st.sets(st.sampled_from(RUBRICS[1:]), max_size=2),
        "deleted_people": st.sets(st.sampled_from(AUTHORS[1:]), max_size=2),
        "empty_named": st.sets(st.integers(0, 100), max_size=3),  # articles given "" names
        "site": st.none()
        | st.tuples(st.lists(st.sampled_from(("publish_posts", "moderate_comments"))), st.none() | stamps),
        "outbox": st.lists(st.sampled_from(("waiting", "sent", "conflict", "failed", "resolved"))),
    }
)


def build(db: Database, spec: dict[str, Any]) -> list[int]:
    """Fill ``db`` as ``spec`` says, through the services where a person's action would; the
    article ids in order."""
    ids = []
    for title, rubric, author, status, language, tags, _, _ in spec["articles"]:
        fields = ArticleFields(title, rubric, "Chapô", tuple(tags), author, language, status, "Le texte.")
        ids.append(editing.create_article(db, fields, "Claire").id)
    with db.session() as s:
        for article_id, (*_, updated, published) in zip(ids, spec["articles"], strict=True):
            s.execute(
                update(Article)
                .where(Article.id == article_id)
                .values(
                    updated_at=T0 + timedelta(hours=updated),
                    published_at=None if published is None else T0 + timedelta(hours=published),
                )
            )
    made: list[int] = []
    for index, body, name, status, kind, minutes, reply, reason in spec["comments"]:
        new = NewComment(
            ids[index % len(ids)],
            body,
            name,
            f"{name.lower()}@example.fr" if name else "",
            "https://example.fr" if kind != "comment" else "",
            "192.0.2.7",
            created_at=T0 + timedelta(minutes=minutes),
            status=status,
            parent_id=made[-1] if reply and made else None,
            kind=kind,
        )
        with db.session() as s:
            (comment_id,) = add_comments_in(s, [new])
            if reason:
                s.execute(update(Comment).where(Comment.id == comment_id).values(reason=reason))
        made.append(comment_id)
    for index, title, tags in spec["autosaves"]:
        fields = ArticleFields(title=title, rubric="Culture", tags=tuple(tags), body="Pas encore enregistré")
        write_autosave(db, ids[index % len(ids)], fields, 1, "Claire")
    with db.session() as s:
        if spec["empty_named"]:
            rubric, person = Rubric(name=""), Person(name="")
            s.add_all([rubric, person])
            s.flush()
            chosen = [ids[i % len(ids)] for i in spec["empty_named"]]
            s.execute(
                update(Article).where(Article.id.in_(chosen)).values(rubric_id=rubric.id, author_id=person.id)
            )
        # Foreign keys are on: the articles of a deleted rubric or person keep none.
        s.execute(delete(Rubric).where(Rubric.name.in_(spec["deleted_rubrics"])))
        s.execute(delete(Person).where(Person.name.in_(spec["deleted_people"])))
        if spec["site"] is not None:
            capabilities, synced = spec["site"]
            s.add(
                connected_site(
                    capabilities=json.dumps(capabilities),
                    connected_at=T0,
                    last_sync_at=None if synced is None else T0 + timedelta(hours=synced),
                )
            )
        s.add_all(OutboxItem(kind="publish", payload="{}", state=state) for state in spec["outbox"])
    return ids


def pool_of_words(spec: dict[str, Any]) -> list[str]:
    """Words a person would type: from the titles, rubrics and authors, and pieces of them."""
    found = set(WORDS)
    for title, rubric, author, *_ in spec["articles"]:
        for word in f"{title} {rubric} {author}".split():
            found.update((word, word[:2], word[1:].upper()))
    return sorted(w for w in found if w.strip())


def queries(pool: list[str]) -> st.SearchStrategy[ArticleQuery]:
    word = st.sampled_from(pool) | st.text(alphabet=ALPHABET, min_size=1, max_size=4)
    return st.builds(
        ArticleQuery,
        status=st.sampled_from([None, "", *ARTICLE_STATUSES]),
        text=st.lists(word, max_size=2).map(" ".join),
        sort=st.sampled_from(SORT_KEYS),
        descending=st.booleans(),
    )


def filters(article_ids: list[int]) -> st.SearchStrategy[QueueFilter]:
    return st.builds(
        QueueFilter,
        # "all" is no status to the queue (ValueError there, as in the service) but counts ignore it.
        status=st.sampled_from([None, "", *COMMENT_STATUSES, " Spam", "all"]),
        article_id=st.none() | st.sampled_from([*article_ids, 10**6]),
        links=st.booleans(),
    )


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("first_screen") / "empty.db"
    Database.open(path).close()
    return path


@pytest.fixture
def fresh(empty_db: Path, tmp_path: Path) -> Callable[[], Path]:
    """Makes a migrated empty database file (a copy: migrating each time would take most of a test)."""

    def make() -> Path:
        path = tmp_path / "newsroom.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(empty_db, path)
        return path

    return make


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=newsrooms, data=st.data())
def test_every_read_gives_what_the_service_gives(
    fresh: Callable[[], Path], spec: dict[str, Any], data: st.DataObject
) -> None:
    path = fresh()
    db = Database.open(path)
    try:
        ids = build(db, spec)
        with db.session() as s:
            comment_ids = list(s.scalars(select(Comment.id)))
        # Decisions at the desk (twice for some): the comment in full names the last one.
        for _ in range(2):
            moved = (
                data.draw(st.lists(st.sampled_from(comment_ids), unique=True), label="decided")
                if comment_ids
                else []
            )
            status = data.draw(st.sampled_from(COMMENT_STATUSES), label="decision")
            queue.decide(db, moved, status, "Claire", "relu")
        screen = FirstScreen.open(path)
        assert screen is not None
        try:
            assert screen.feed_position == feed_of(db) > 0
            for comment_id in [*comment_ids, 10**6]:
                assert screen.comment_detail(comment_id) == comment_detail(db, comment_id)
            assert screen.list_rubrics() == editing.list_rubrics(db)
            assert screen.list_people() == editing.list_people(db)
            for article_id in [*ids, 10**6]:
                assert outcome(lambda i=article_id: screen.get_article(i)) == outcome(
                    lambda i=article_id: editing.get_article(db, i)
                )
                assert screen.read_autosave(article_id) == read_autosave(db, article_id)
            assert screen.site_state() == site_state(db)
            assert screen.outbox_counts() == outbox_counts(db)

            # Every order of the whole list, and every tab of the desk: the window's first screens.
            for sort in SORT_KEYS:
                for descending in (True, False):
                    query = ArticleQuery(sort=sort, descending=descending)
                    assert screen.list_articles(query) == editing.list_articles(db, query)
            for article_id in [None, *ids[:3]]:
                for status in (None, *COMMENT_STATUSES):
                    for links in (False, True):
                        f = QueueFilter(status, article_id, links=links)
                        assert screen.list_queue(f) == queue.list_queue(db, f)
                        assert screen.queue_counts(f) == queue.queue_counts(db, f)

            pool = pool_of_words(spec)
            for _ in range(6):
                query = data.draw(queries(pool), label="article query")
                limit = data.draw(st.integers(1, 5), label="limit")
                assert outcome(lambda q=query, n=limit: screen.list_articles(q, n)) == outcome(
                    lambda q=query, n=limit: editing.list_articles(db, q, None, n)
                )
                assert outcome(lambda q=query: screen.list_articles(q)) == outcome(
                    lambda q=query: editing.list_articles(db, q)
                )
                assert outcome(lambda q=query: screen.count_articles(q)) == outcome(
                    lambda q=query: editing.count_articles(db, q)
                )
            for _ in range(4):
                f = data.draw(filters(ids), label="queue filter")
                limit = data.draw(st.integers(1, 5), label="limit")
                assert outcome(lambda f=f, n=limit: screen.list_queue(f, n)) == outcome(
                    lambda f=f, n=limit: queue.list_queue(db, f, None, n)
                )
                assert outcome(lambda f=f: screen.list_queue(f)) == outcome(
                    lambda f=f: queue.list_queue(db, f)
                )
                assert screen.queue_counts(f) == queue.queue_counts(db, f)
        finally:
            screen.close()
    finally:
        db.close()


# -- what only the first screen promises --------------------------------------------------------------
def _newsroom(path: Path) -> tuple[int, int]:
    """A small newsroom at ``path``, closed: one article with two comments and an autosave; the
    article's id and the change feed's last id."""
    db = Database.open(path)
    try:
        article = editing.create_article(
            db, ArticleFields(title="La criée de Lorient", rubric="Mer", author="Anne"), "Claire"
        )
        with db.session() as s:
            add_comments_in(
                s,
                [
                    NewComment(article.id, "Bravo", "Yann", created_at=T0),
                    NewComment(article.id, "Lien", "Site", kind="pingback", created_at=T0, status="approved"),
                ],
            )
        write_autosave(db, article.id, ArticleFields(title="La criée", tags=("mer",)), 1, "Claire")
        return article.id, feed_of(db)
    finally:
        db.close()


def _read_everything(screen: FirstScreen, article_id: int) -> None:
    screen.list_articles(ArticleQuery())
    screen.count_articles(ArticleQuery(text="criée"))
    screen.get_article(article_id)
    screen.read_autosave(article_id)
    screen.list_rubrics()
    screen.list_people()
    for f in (QueueFilter(article_id=article_id), QueueFilter(status=None, links=True)):
        screen.list_queue(f)
        screen.queue_counts(f)
    screen.site_state()
    screen.outbox_counts()


def test_reading_a_closed_database_leaves_its_bytes_as_they_were(db_path: Path) -> None:
    article_id, feed = _newsroom(db_path)
    assert not Path(f"{db_path}-wal").exists()  # nobody has it open: the log was folded in
    before = digest(db_path)
    screen = FirstScreen.open(db_path)
    assert screen is not None
    try:
        assert screen.feed_position == feed > 0
        assert screen.get_article(article_id).fields.rubric == "Mer"
        assert screen.queue_counts(QueueFilter()) == {
            "pending": 1,
            "approved": 0,
            "spam": 0,
            "trash": 0,
            "all": 1,
        }
        _read_everything(screen, article_id)
    finally:
        screen.close()
    screen.close()  # twice is harmless
    assert digest(db_path) == before
    db = Database.open(db_path)  # and the app opens it as usual afterwards
    try:
        assert editing.get_article(db, article_id).fields.title == "La criée de Lorient"
    finally:
        db.close()


def test_reading_while_the_app_writes_sees_its_log_and_leaves_the_file_as_it_was(db_path: Path) -> None:
    article_id, _ = _newsroom(db_path)
    app = sqlite3.connect(db_path, isolation_level=None)
    try:
        app.execute("PRAGMA journal_mode=WAL")
        app.execute("PRAGMA wal_autocheckpoint=0")  # the change stays in the log, not in the file
        app.execute("UPDATE article SET title = 'Dans le journal seulement' WHERE id = ?", (article_id,))
        assert Path(f"{db_path}-wal").stat().st_size > 0
        before = digest(db_path)
        screen = FirstScreen.open(db_path)
        assert screen is not None
        try:
            assert screen.get_article(article_id).fields.title == "Dans le journal seulement"
            assert [s.title for s in screen.list_articles(ArticleQuery())] == ["Dans le journal seulement"]
            _read_everything(screen, article_id)
        finally:
            screen.close()
        assert digest(db_path) == before
    finally:
        app.close()


def test_every_read_is_of_the_moment_it_opened(db_path: Path) -> None:
    article_id, feed = _newsroom(db_path)
    db = Database.open(db_path)
    try:
        screen = FirstScreen.open(db_path)
        assert screen is not None
        try:
            first_rows = screen.list_articles(ArticleQuery())
            # Another process writes meanwhile: new article, new comment, new autosave.
            other = editing.create_article(db, ArticleFields(title="Plus tard"), "Claire").id
            with db.session() as s:
                add_comments_in(s, [NewComment(article_id, "Encore", "Léa", created_at=T0)])
            write_autosave(db, other, ArticleFields(title="Plus tard encore"), 1, "Claire")
            assert feed_of(db) > feed
            assert screen.feed_position == feed
            assert screen.list_articles(ArticleQuery()) == first_rows
            assert screen.count_articles(ArticleQuery()) == 1
            assert screen.queue_counts(QueueFilter(article_id=article_id))["pending"] == 1
            assert screen.read_autosave(other) is None
            with pytest.raises(ArticleNotFoundError, match=f"there is no article {other}"):
                screen.get_article(other)
        finally:
            screen.close()
        later = FirstScreen.open(db_path)
        assert later is not None
        try:
            assert later.feed_position == feed_of(db)
            assert later.count_articles(ArticleQuery()) == 2
            assert later.queue_counts(QueueFilter(article_id=article_id))["pending"] == 2
            assert later.get_article(other) == editing.get_article(db, other)
        finally:
            later.close()
    finally:
        db.close()


def test_times_are_aware_utc_like_the_orm_gives_them(db_path: Path) -> None:
    article_id, _ = _newsroom(db_path)
    screen = FirstScreen.open(db_path)
    assert screen is not None
    try:
        summary = screen.list_articles(ArticleQuery())[0]
        detail = screen.get_article(article_id)
        recovered = screen.read_autosave(article_id)
        row = screen.list_queue(QueueFilter())[0]
        assert recovered is not None
        for moment in (summary.updated_at, detail.created_at, detail.updated_at, recovered.saved_at):
            assert moment.tzinfo is UTC
        assert row.created_at == T0 and row.created_at.tzinfo is UTC
    finally:
        screen.close()


def test_files_it_cannot_read_give_none_and_stay_as_they_were(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    assert FirstScreen.open(missing) is None
    assert not missing.exists()  # never created
    assert FirstScreen.open(tmp_path) is None  # a folder

    notes = tmp_path / "notes.db"
    notes.write_text("these are my notes, not a database\n")
    empty = tmp_path / "empty.db"
    empty.touch()
    foreign = tmp_path / "shopping.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE shopping (item TEXT)")
    for path in (notes, empty, foreign):
        before = path.read_bytes()
        assert FirstScreen.open(path) is None, path.name
        assert path.read_bytes() == before, path.name


def test_another_schema_revision_gives_none(db_path: Path, tmp_path: Path) -> None:
    _newsroom(db_path)
    screen = FirstScreen.open(db_path)
    assert screen is not None  # the same file at the newest revision opens
    screen.close()
    older = sorted(known_revisions() - {head_revision()})[-1]
    for revision in (older, "9999_from_the_future"):
        copy = tmp_path / f"{revision}.db"
        shutil.copyfile(db_path, copy)
        with sqlite3.connect(copy) as conn:
            conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.close()
        before = digest(copy)
        assert FirstScreen.open(copy) is None, revision
        assert digest(copy) == before


def test_a_file_locked_by_a_writer_gives_none_quickly(db_path: Path) -> None:
    _newsroom(db_path)
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode=DELETE")  # as a restore writes: readers must wait
        holder.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        assert FirstScreen.open(db_path) is None
        assert time.monotonic() - started < 2
        holder.execute("ROLLBACK")
        screen = FirstScreen.open(db_path)
        assert screen is not None  # the lock gone, it opens
        screen.close()
    finally:
        holder.close()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_gives_none(db_path: Path) -> None:
    _newsroom(db_path)
    db_path.chmod(0o000)
    try:
        assert FirstScreen.open(db_path) is None
    finally:
        db_path.chmod(0o644)


def test_narrowed_queues_and_word_searches_are_left_to_the_services(db_path: Path) -> None:
    article_id, _ = _newsroom(db_path)
    screen = FirstScreen.open(db_path)
    assert screen is not None
    try:
        for f in (
            QueueFilter(text="bravo"),
            QueueFilter(author="yann"),
            QueueFilter(author_email="yann@example.fr"),
            QueueFilter(author_name="Yann", article_id=article_id),
            QueueFilter(since=T0),
            QueueFilter(until=T0, status=None),
        ):
            with pytest.raises(NotOnFirstScreen):
                screen.list_queue(f)
            with pytest.raises(NotOnFirstScreen):
                screen.queue_counts(f)
        assert [r.excerpt for r in screen.list_queue(QueueFilter(status=None, text="  "))] == ["Bravo"]
    finally:
        screen.close()


def test_the_links_condition_it_repeats_is_still_the_partial_indexes_own() -> None:
    assert models.LINKS_ONLY.text == first_screen.LINKS_ONLY


def test_importing_it_loads_no_database_layer_nor_qt() -> None:
    code = (
        "import redaction.services.first_screen, sys; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'PySide6')); "
        "assert not bad, bad"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr


def test_an_image_in_the_article_is_read_as_the_services_read_it(db_path: Path) -> None:
    db = Database.open(db_path)
    try:
        png = (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
            b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\xa5\xf7"
            b"\xa6\x81\x00\x00\x00\x00IEND\xaeB`\x82"
        )
        stored = ImageStore(db).add_bytes(png, "phare.png")
        urls = [
            stored.url,
            stored.url.upper(),
            "image:0123456789abcdef",
            "https://example.fr/a.png",
            "image:zz",
        ]
        screen = FirstScreen.open(db_path)
        assert screen is not None
        try:
            for url in urls:
                assert screen.image_resource(url) == image_resource(db, url)
            assert screen.image_resource(stored.url) == png
        finally:
            screen.close()
    finally:
        db.close()


def test_the_public_link_of_a_published_article_is_read_as_the_services_read_it(db_path: Path) -> None:
    db = Database.open(db_path)
    try:
        published, unsent, linkless = (
            editing.create_article(db, ArticleFields(title=title)).id
            for title in ("En ligne", "Ici", "Brouillon")
        )
        with db.session() as s:
            s.add(
                SitePost(
                    article_id=published, post_id=41, link="https://journal.example/?p=41", status="future"
                )
            )
            s.add(SitePost(article_id=linkless, post_id=42, link="", status="draft"))
        screen = FirstScreen.open(db_path)
        assert screen is not None
        try:
            for article_id in (published, unsent, linkless, 10**6):
                assert screen.public_link(article_id) == public_link(db, article_id)
            assert screen.public_link(published) is not None
        finally:
            screen.close()
    finally:
        db.close()
