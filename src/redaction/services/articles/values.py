"""The values article services hand to their callers (the window, the command line), apart from
the queries that make them: nothing here imports SQLAlchemy, so the window's modules can name
them before the database layers are loaded."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from redaction.domain.workflow import ArticleStatus, Language

PAGE_SIZE = 200


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list."""

    id: int
    uuid: str
    title: str
    slug: str
    rubric: str
    status: str
    language: str
    author: str
    word_count: int
    pending_comments: int
    updated_at: datetime
    published_at: datetime | None


@dataclass(frozen=True, slots=True)
class ArticleFields:
    """What a person edits; everything needed to save an article."""

    title: str = ""
    rubric: str = ""
    standfirst: str = ""
    tags: tuple[str, ...] = ()
    author: str = ""
    language: str = Language.FR.value
    status: str = ArticleStatus.DRAFT.value
    body: str = ""

    def normalized(self) -> ArticleFields:
        tags = tuple(dict.fromkeys(t.strip() for t in self.tags if t.strip()))
        return replace(
            self,
            title=self.title.strip(),
            rubric=self.rubric.strip(),
            author=self.author.strip(),
            tags=tags,
            language=Language.parse(self.language).value,
            status=ArticleStatus.parse(self.status).value,
        )


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """An opened article: its fields plus identity, times and version."""

    id: int
    uuid: str
    slug: str
    fields: ArticleFields
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    version: int
    word_count: int
    pending_comments: int
    target_length: int = 0  # 0: no target
    target_unit: str = "signs"  # "signs" (characters with spaces) or "words"


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Filter and order of the article list."""

    status: str | None = None
    text: str = ""
    sort: str = "updated_at"
    descending: bool = True


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    id: int
    created_at: datetime
    author_name: str
    reason: str
    article_version: int
    word_count: int
    fields: ArticleFields = field(repr=False)


class ConflictError(Exception):
    """Someone saved the article after the caller opened it."""

    def __init__(self, current: ArticleDetail) -> None:
        super().__init__(
            f"“{current.fields.title}” was changed elsewhere (now version {current.version}); "
            "compare and merge before saving."
        )
        self.current = current


class ArticleNotFoundError(LookupError):
    pass


SORT_KEYS = ("title", "rubric", "status", "author", "updated_at", "pending_comments")


def containing(word: str) -> str:
    """The LIKE pattern (escape character ``\\``) of a text that contains ``word`` as typed."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.split(",") if t.strip())


def sort_key_of(summary: ArticleSummary, sort: str) -> tuple[Any, int]:
    """The keyset position of ``summary`` for the given sort, to ask for the next page."""
    value = getattr(summary, sort)
    return (value, summary.id)


def autosave_text(fields: ArticleFields) -> str:
    """How an autosave keeps the fields (JSON; ``autosave_fields`` reads them back)."""
    data = asdict(fields)
    data["tags"] = list(fields.tags)
    return json.dumps(data, ensure_ascii=False)


def autosave_fields(text: str) -> ArticleFields:
    data = json.loads(text)
    data["tags"] = tuple(data.get("tags", ()))
    return ArticleFields(**data)


@dataclass(frozen=True, slots=True)
class Recovered:
    """Text autosaved for an article and never saved explicitly."""

    fields: ArticleFields
    base_version: int  # the article version the text was being written over
    saved_at: datetime
    author_name: str
