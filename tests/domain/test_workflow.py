"""The newsroom workflow: which status an article may move to, and the spellings people type."""

from __future__ import annotations

import pytest

from redaction.domain.workflow import ArticleStatus, CommentStatus, Language, can_move


@pytest.mark.parametrize("typed", ["in review", "in_review", "In-Review", " IN REVIEW "])
def test_friendly_spellings_of_in_review(typed: str) -> None:
    assert ArticleStatus.parse(typed) is ArticleStatus.IN_REVIEW


def test_unknown_status_lists_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown article status 'pubished'.*draft, in_review"):
        ArticleStatus.parse("pubished")
    with pytest.raises(ValueError, match="unknown comment status"):
        CommentStatus.parse("deleted")
    with pytest.raises(ValueError, match="expected fr or en"):
        Language.parse("de")


def test_publication_only_from_ready() -> None:
    assert can_move(ArticleStatus.READY, ArticleStatus.PUBLISHED)
    assert not can_move(ArticleStatus.DRAFT, ArticleStatus.PUBLISHED)
    assert not can_move(ArticleStatus.IN_REVIEW, ArticleStatus.PUBLISHED)


def test_every_status_can_go_back_to_draft_or_stay() -> None:
    for status in ArticleStatus:
        assert can_move(status, status)
        assert can_move(status, ArticleStatus.DRAFT)
