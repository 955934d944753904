"""Workflow states of articles and comments, and the languages an article may be written in.

Values are the stable strings stored in the database and used on the command line.
"""

from __future__ import annotations

from enum import StrEnum


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    READY = "ready"
    PUBLISHED = "published"
    ARCHIVED = "archived"

    @classmethod
    def parse(cls, value: str) -> ArticleStatus:
        """Accept the stored value and the friendly spellings people type ("in review", "In-Review")."""
        key = value.strip().lower().replace(" ", "_").replace("-", "_")
        try:
            return cls(key)
        except ValueError:
            allowed = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown article status {value!r} (expected one of: {allowed})") from None


class CommentStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    SPAM = "spam"
    TRASH = "trash"

    @classmethod
    def parse(cls, value: str) -> CommentStatus:
        try:
            return cls(value.strip().lower())
        except ValueError:
            allowed = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown comment status {value!r} (expected one of: {allowed})") from None


class Language(StrEnum):
    FR = "fr"
    EN = "en"

    @classmethod
    def parse(cls, value: str) -> Language:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(f"unknown language {value!r} (expected fr or en)") from None


class Role(StrEnum):
    JOURNALIST = "journalist"
    EDITOR = "editor"


# Which status an article may move to from each status. Editors can always send an article
# back to draft; publication is only reachable from "ready".
ARTICLE_TRANSITIONS: dict[ArticleStatus, frozenset[ArticleStatus]] = {
    ArticleStatus.DRAFT: frozenset({ArticleStatus.IN_REVIEW, ArticleStatus.ARCHIVED}),
    ArticleStatus.IN_REVIEW: frozenset({ArticleStatus.DRAFT, ArticleStatus.READY, ArticleStatus.ARCHIVED}),
    ArticleStatus.READY: frozenset({ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED}),
    ArticleStatus.PUBLISHED: frozenset({ArticleStatus.ARCHIVED, ArticleStatus.DRAFT}),
    ArticleStatus.ARCHIVED: frozenset({ArticleStatus.DRAFT}),
}


def can_move(current: ArticleStatus, target: ArticleStatus) -> bool:
    """True when the newsroom workflow allows ``current`` -> ``target`` (staying put is allowed)."""
    return current == target or target in ARTICLE_TRANSITIONS[current]
