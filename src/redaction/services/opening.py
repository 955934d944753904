"""A database opened on a worker thread while the window paints its first screen.

SQLAlchemy, the models and the services take a third of a second or more to import, most of a
start. So the start reads what the first screen shows with plain ``sqlite3``
(:class:`~redaction.services.first_screen.FirstScreen`), paints it, and meanwhile an
:class:`OpeningDatabase` imports those layers and opens the database on a thread of its own.

Until then it stands for the :class:`~redaction.storage.database.Database`: reading any of its
attributes (as every service does: ``db.session()``, ``db.engine``) waits for the opening to
finish and then is the opened database's, so whatever holds it (a list's model, the autosaver)
works unchanged, only a moment later; a failed opening raises its error there. While it is
opening, the reads below answer from the first screen instead of waiting. This module imports
no SQLAlchemy.
"""

from __future__ import annotations

import importlib
import sqlite3
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from redaction.services.articles.values import PAGE_SIZE as ARTICLES_PAGE_SIZE
from redaction.services.articles.values import ArticleDetail, ArticleQuery, ArticleSummary, Recovered
from redaction.services.first_screen import FirstScreen, NotOnFirstScreen
from redaction.services.moderation.values import PAGE_SIZE as QUEUE_PAGE_SIZE
from redaction.services.moderation.values import CommentDetail, QueueFilter, QueueRow
from redaction.services.site.values import OutboxCounts, PublicLink, SiteState
from redaction.storage.errors import DatabaseUnavailableError

if TYPE_CHECKING:
    from redaction.storage.database import Database


class OpeningDatabase:
    """Opens ``target`` on a thread of its own once :meth:`start` is called; stands for it
    meanwhile (see the module's docstring). ``prepare`` runs first, on that thread (the start
    imports the database layers there)."""

    def __init__(
        self,
        target: str,
        first_screen: FirstScreen | None = None,
        prepare: Callable[[], object] | None = None,
    ) -> None:
        self.target = target
        self.location = target  # what Database.open gives a file's database
        self.first_screen = first_screen
        self.first_screen_failed = False  # its file failed a read: the services answer from then on
        self._prepare = prepare
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._database: Database | None = None
        self._error: BaseException | None = None
        self._listeners: list[Callable[[], object]] = []

    def start(self) -> None:
        """Begin opening (once; later calls, and calls after :meth:`close`, do nothing)."""
        with self._lock:
            if self._thread is not None or self._done.is_set():
                return
            self._thread = threading.Thread(target=self._open, name="redaction-opening", daemon=True)
            self._thread.start()

    def _open(self) -> None:
        try:
            if self._prepare is not None:
                self._prepare()
            from redaction.storage.database import Database

            self._database = Database.open(self.target)
        except BaseException as exc:  # told to whoever waits for the database
            self._error = exc
        finally:
            self._done.set()
            for listener in list(self._listeners):
                listener()

    def add_done_listener(self, listener: Callable[[], object]) -> None:
        """Call ``listener`` when the opening ends, well or not (in the opening thread)."""
        self._listeners.append(listener)

    @property
    def opening(self) -> bool:
        """True until the opening has ended."""
        return not self._done.is_set()

    def wait(self) -> Database:
        """The opened database, once it is (started now if it was not); raises the opening's
        error if it failed."""
        if not self._done.is_set():
            self.start()
            self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._database is not None
        return self._database

    def close(self) -> None:
        """Close the opened database (once the opening has ended; nothing if it failed). Closed
        before it started, it never opens: whatever asks for it afterwards (a timer of a window
        being torn down) gets a StorageError instead of a database nobody would close."""
        with self._lock:
            if self._thread is None and not self._done.is_set():
                self._error = DatabaseUnavailableError(f"{self.location} was closed before it was opened.")
                self._done.set()
                return
        self._done.wait()
        if self._database is not None:
            self._database.close()

    def __getattr__(self, name: str) -> Any:
        # Only for what is not set in __init__: everything a Database has.
        if name.startswith("__") or name in ("_done", "_error", "_database"):
            raise AttributeError(name)
        return getattr(self.wait(), name)

    def __repr__(self) -> str:
        return f"<OpeningDatabase {self.location!r}, {'opening' if self.opening else 'done'}>"


def _screen(db: object) -> FirstScreen | None:
    """The first screen, while ``db`` is still opening, in the thread that read it (its sqlite3
    connection is that thread's; a worker thread waits for the database instead)."""
    if isinstance(db, OpeningDatabase) and db.opening and not db.first_screen_failed:
        screen = db.first_screen
        if screen is not None and screen.thread == threading.get_ident():
            return screen
    return None


def _read(db: Any, on_screen: Callable[[FirstScreen], Any], service: str, name: str, *args: Any) -> Any:
    """``on_screen(first screen)`` while ``db`` opens, in the thread that read it; else, or when
    the first screen does not do that read, or when its file fails it, the service ``name`` of
    the module ``service``, called with ``db`` and ``args``. A file that fails a first-screen read
    (a damaged page) is left to the services, which open the database and say what is wrong with
    it; the first screen is closed then, its feed position kept for the change bus."""
    screen = _screen(db)
    if screen is not None:
        try:
            return on_screen(screen)
        except NotOnFirstScreen:
            pass
        except sqlite3.Error:
            db.first_screen_failed = True
            screen.close()
    return getattr(importlib.import_module(service), name)(db, *args)


_ARTICLES = "redaction.services.articles.editing"
_AUTOSAVE = "redaction.services.articles.autosave"
_IMAGES = "redaction.services.articles.images"
_QUEUE = "redaction.services.moderation.queue"
_DETAIL = "redaction.services.moderation.detail"
_SITE = "redaction.services.site.overview"


# -- the first screen's reads: from the first screen while the database opens, else the services --
def list_articles(
    db: Database, query: ArticleQuery, after: tuple[Any, int] | None = None, limit: int = ARTICLES_PAGE_SIZE
) -> list[ArticleSummary]:
    if after is not None:  # the next pages are the services'
        return importlib.import_module(_ARTICLES).list_articles(db, query, after, limit)
    return _read(db, lambda s: s.list_articles(query, limit), _ARTICLES, "list_articles", query, None, limit)


def count_articles(db: Database, query: ArticleQuery) -> int:
    return _read(db, lambda s: s.count_articles(query), _ARTICLES, "count_articles", query)


def get_article(db: Database, article_id: int) -> ArticleDetail:
    return _read(db, lambda s: s.get_article(article_id), _ARTICLES, "get_article", article_id)


def read_autosave(db: Database, article_id: int) -> Recovered | None:
    return _read(db, lambda s: s.read_autosave(article_id), _AUTOSAVE, "read_autosave", article_id)


def list_rubrics(db: Database) -> list[str]:
    return _read(db, FirstScreen.list_rubrics, _ARTICLES, "list_rubrics")


def list_people(db: Database) -> list[str]:
    return _read(db, FirstScreen.list_people, _ARTICLES, "list_people")


def list_queue(
    db: Database, f: QueueFilter, after: QueueRow | None = None, limit: int = QUEUE_PAGE_SIZE
) -> list[QueueRow]:
    if after is not None:  # the next pages are the services'
        return importlib.import_module(_QUEUE).list_queue(db, f, after, limit)
    return _read(db, lambda s: s.list_queue(f, limit), _QUEUE, "list_queue", f, None, limit)


def queue_counts(db: Database, f: QueueFilter) -> dict[str, int]:
    return _read(db, lambda s: s.queue_counts(f), _QUEUE, "queue_counts", f)


def comment_detail(db: Database, comment_id: int) -> CommentDetail | None:
    return _read(db, lambda s: s.comment_detail(comment_id), _DETAIL, "comment_detail", comment_id)


def image_resource(db: Database, url: str) -> bytes | None:
    return _read(db, lambda s: s.image_resource(url), _IMAGES, "image_resource", url)


def site_state(db: Database) -> SiteState | None:
    return _read(db, FirstScreen.site_state, _SITE, "site_state")


def outbox_counts(db: Database) -> OutboxCounts:
    return _read(db, FirstScreen.outbox_counts, _SITE, "outbox_counts")


def public_link(db: Database, article_id: int) -> PublicLink | None:
    return _read(db, lambda s: s.public_link(article_id), _SITE, "public_link", article_id)
