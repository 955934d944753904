"""Listing articles and comments for scripts and people: JSON objects and an aligned text table.

Rows are read in keyset pages (``after=`` the last row's position), so a million comments
stream through in constant memory. Times are ISO 8601 UTC strings ending in "Z", or null.
Characters that reorder or hide text on a terminal (U+202E, zero-width spaces, …) are
written as ``\\uXXXX`` escapes in JSON (same value once parsed) and as ``<U+202E>`` in tables.
"""

from __future__ import annotations

import heapq
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from sqlalchemy.orm import Session

from redaction.domain.workflow import CommentStatus
from redaction.services.articles.editing import list_articles_in
from redaction.services.articles.values import ArticleQuery, ArticleSummary, sort_key_of
from redaction.services.exchange.export import iso_utc
from redaction.services.moderation.comments import CommentRow, list_comments_in
from redaction.services.moderation.values import READER_KINDS

PAGE_SIZE = 500
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def iter_article_rows_in(session: Session, status: str | None = None) -> Iterator[ArticleSummary]:
    """Articles most recently updated first."""
    query = ArticleQuery(status=status, sort="updated_at", descending=True)
    after = None
    while True:
        page = list_articles_in(session, query, after=after, limit=PAGE_SIZE)
        yield from page
        if len(page) < PAGE_SIZE:
            return
        after = sort_key_of(page[-1], query.sort)


def _comment_stream(
    session: Session, status: str, article_id: int | None, kinds: Sequence[str] | None
) -> Iterator[CommentRow]:
    after = None
    while True:
        page = list_comments_in(
            session, article_id=article_id, status=status, after=after, limit=PAGE_SIZE, kinds=kinds
        )
        yield from page
        if len(page) < PAGE_SIZE:
            return
        after = (page[-1].created_at, page[-1].id)


def iter_comment_rows_in(
    session: Session,
    status: str | None = None,
    article_id: int | None = None,
    kinds: Sequence[str] | None = READER_KINDS,
) -> Iterator[CommentRow]:
    """Reader comments newest first (``kinds=None``: pingbacks and trackbacks too).

    Without a status, one stream per status is merged: each page then reads an index that
    starts with the status, where a page over all statuses would sort the whole table.
    """
    if status:
        return _comment_stream(session, CommentStatus.parse(status).value, article_id, kinds)
    streams = [_comment_stream(session, s.value, article_id, kinds) for s in CommentStatus]
    return heapq.merge(*streams, key=lambda row: (row.created_at, row.id), reverse=True)


def article_object(row: ArticleSummary) -> dict[str, Any]:
    return {
        "id": row.id,
        "uuid": row.uuid,
        "title": row.title,
        "slug": row.slug,
        "rubric": row.rubric,
        "status": row.status,
        "language": row.language,
        "author": row.author,
        "word_count": row.word_count,
        "pending_comments": row.pending_comments,
        "updated_at": iso_utc(row.updated_at),
        "published_at": iso_utc(row.published_at),
    }


def comment_object(row: CommentRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "uuid": row.uuid,
        "article_id": row.article_id,
        "parent_id": row.parent_id,
        "author_name": row.author_name,
        "author_email": row.author_email,
        "author_url": row.author_url,
        "status": row.status,
        "kind": row.kind,
        "created_at": iso_utc(row.created_at),
        "body": row.body,
    }


def _json(obj: dict[str, Any]) -> str:
    text = json.dumps(obj, ensure_ascii=False)
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_json(objects: Iterator[dict[str, Any]], out: TextIO) -> int:
    """Write ONE JSON array, an object per line, as the rows arrive; returns the count."""
    count = 0
    out.write("[")
    for obj in objects:
        out.write(",\n" if count else "\n")
        out.write(_json(obj))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def visible(text: str) -> str:
    """One line of text safe to print: controls and invisible characters shown as <U+XXXX>."""
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return "".join(
        f"<U+{ord(c):04X}>" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text
    )


def cell(text: str, width: int) -> str:
    text = visible(text)
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.ljust(width)


def _short_time(row_time: Any) -> str:
    stamp = iso_utc(row_time)
    return stamp[:16].replace("T", " ") if stamp else "-"


ARTICLE_COLUMNS = (("ID", 7), ("STATUS", 10), ("LANG", 4), ("RUBRIC", 14), ("AUTHOR", 20), ("WORDS", 6))
COMMENT_COLUMNS = (("ID", 7), ("ARTICLE", 7), ("REPLY TO", 8), ("STATUS", 8), ("CREATED (UTC)", 16))


def article_table(rows: Iterator[ArticleSummary], out: TextIO) -> int:
    """A table a person reads; fixed widths so that it streams. Returns the row count."""
    header = [cell(name, width) for name, width in ARTICLE_COLUMNS]
    out.write("  ".join([*header, "UPDATED (UTC)   ", "TITLE"]).rstrip() + "\n")
    count = 0
    for row in rows:
        cells = [
            str(row.id).rjust(7),
            cell(row.status, 10),
            cell(row.language, 4),
            cell(row.rubric, 14),
            cell(row.author, 20),
            str(row.word_count).rjust(6),
            _short_time(row.updated_at).ljust(16),
            visible(row.title),
        ]
        out.write("  ".join(cells).rstrip() + "\n")
        count += 1
    return count


def comment_table(rows: Iterator[CommentRow], out: TextIO) -> int:
    header = [cell(name, width) for name, width in COMMENT_COLUMNS]
    out.write("  ".join([*header, "AUTHOR              ", "COMMENT"]).rstrip() + "\n")
    count = 0
    for row in rows:
        cells = [
            str(row.id).rjust(7),
            str(row.article_id).rjust(7),
            (str(row.parent_id) if row.parent_id else "").rjust(8),
            cell(row.status, 8),
            _short_time(row.created_at).ljust(16),
            cell(row.author_name, 20),
            cell(row.body if row.kind == "comment" else f"[{row.kind}] {row.body}", 60).rstrip(),
        ]
        out.write("  ".join(cells).rstrip() + "\n")
        count += 1
    return count
