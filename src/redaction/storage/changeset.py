"""What a committed unit of work changed (:class:`Changes`) and who asked for it
(:func:`initiated_by`): the values of :mod:`redaction.storage.changes`, apart from its feed, so
that the window's modules can name them before SQLAlchemy is loaded."""

from __future__ import annotations

import contextlib
import contextvars
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any

MAX_IDS = 500  # more ids than this in one change: "many", and whoever shows them reads again


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed. Empty sets and False flags mean "not this"; ``everything`` means "unknown,
    read again whatever you show"."""

    articles: frozenset[int] = frozenset()  # articles whose fields, status or counters changed
    comments: frozenset[int] = frozenset()  # comments whose status or text changed
    article_set: bool = False  # articles added or removed: lists must be read again
    comment_set: bool = False  # comments arrived or were removed: queues and counts read again
    settings: frozenset[str] = frozenset()  # newsroom settings changed: "rules", "house_rules", "site"
    outbox: bool = False  # what waits for the site changed
    everything: bool = False

    @classmethod
    def of(
        cls,
        articles: Iterable[int] = (),
        comments: Iterable[int] = (),
        **flags: Any,
    ) -> Changes:
        arts, coms = frozenset(articles), frozenset(comments)
        if len(arts) > MAX_IDS:
            arts, flags["article_set"] = frozenset(), True
        if len(coms) > MAX_IDS:
            coms, flags["comment_set"] = frozenset(), True
        if "settings" in flags:
            flags["settings"] = frozenset(flags["settings"])
        return cls(articles=arts, comments=coms, **flags)

    def __or__(self, other: Changes) -> Changes:
        return Changes.of(
            self.articles | other.articles,
            self.comments | other.comments,
            article_set=self.article_set or other.article_set,
            comment_set=self.comment_set or other.comment_set,
            settings=self.settings | other.settings,
            outbox=self.outbox or other.outbox,
            everything=self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def article_changed(self, article_id: int | None) -> bool:
        """Whether the article ``article_id`` (if any) may have changed."""
        return article_id is not None and (self.everything or self.article_set or article_id in self.articles)

    def comments_changed(self) -> bool:
        return self.everything or self.comment_set or bool(self.comments)

    def to_json(self) -> str:
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                data[f.name] = sorted(value) if isinstance(value, frozenset) else value
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, payload: str) -> Changes:
        try:
            data = json.loads(payload)
            return Changes.of(
                (int(i) for i in data.get("articles", ())),
                (int(i) for i in data.get("comments", ())),
                article_set=bool(data.get("article_set")),
                comment_set=bool(data.get("comment_set")),
                settings=(str(s) for s in data.get("settings", ())),
                outbox=bool(data.get("outbox")),
                everything=bool(data.get("everything")),
            )
        except (ValueError, TypeError, AttributeError):
            return Changes(everything=True)  # a row we cannot read: read everything again


NOTHING = Changes()


# -- who asked -------------------------------------------------------------------------------------
_initiator: contextvars.ContextVar[object | None] = contextvars.ContextVar("initiator", default=None)


@contextlib.contextmanager
def initiated_by(initiator: object | None) -> Iterator[None]:
    """Changes committed inside this block are told to listeners as made by ``initiator``."""
    token = _initiator.set(initiator)
    try:
        yield
    finally:
        _initiator.reset(token)


def current_initiator() -> object | None:
    return _initiator.get()
