"""Reader comments from a CSV file (``.csv``), as the site or another tool exports them.

The columns are documented in docs/import-formats.md: ``article_uuid`` or ``article_slug``
(one of them on every row), ``author_name``, ``author_email``, ``author_url``, ``author_ip``,
``created_at`` (ISO 8601; a time without a zone is UTC), ``body``, and optionally ``status``
(pending by default), ``parent_source_id`` (the ``source_id`` of the comment answered, in this
file or already imported) and ``source_id`` (a row whose source id is already in the database
is skipped, so importing a file twice adds nothing). The header row names the columns, in any
order; commas or semicolons separate them; the file is UTF-8, with or without a BOM.

Everything is checked before anything is written, and every refusal names the file and the
line. Storing is one transaction; new pending comments pass through the moderation rules.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction.domain.workflow import CommentStatus
from redaction.services.exchange.importing import ImportRefusedError, ImportResult, read_import_file, register
from redaction.services.moderation.comments import NewComment
from redaction.services.moderation.incoming import CHUNK, counted, existing_sources, receive
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment

Progress = Callable[[int, int], None]
COLUMNS = (
    "article_uuid",
    "article_slug",
    "author_name",
    "author_email",
    "author_url",
    "author_ip",
    "created_at",
    "body",
    "status",
    "parent_source_id",
    "source_id",
)
REQUIRED = ("created_at", "body")
LIMITS = {"author_name": 200, "author_email": 320, "author_url": 2000, "author_ip": 64, "source_id": 300}


@dataclass(frozen=True, slots=True)
class CsvRow:
    line: int
    article_uuid: str
    article_slug: str
    comment: NewComment  # article_id is filled in when stored
    parent_source_id: str


@dataclass(slots=True)
class CsvSummary:
    comments: int = 0
    replies: int = 0
    existing: int = 0
    held: int = 0
    trashed: int = 0
    approved: int = 0
    articles: set[int] = field(default_factory=set)

    def lines(self) -> list[str]:
        return [
            f"comments: {self.comments} new ({counted(self.replies, 'reply', 'replies')}) "
            f"on {counted(len(self.articles), 'article')}, {self.existing} already here",
            f"moderation rules: {self.held} held, {self.trashed} trashed, {self.approved} approved",
        ]


def _decode(path: Path, data: bytes) -> str:
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ImportRefusedError(path, "it is a binary file, not CSV text", data.count(b"\n", 0, nul) + 1)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise ImportRefusedError(
            path,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X}); save it as UTF-8 and import it again",
            data.count(b"\n", 0, exc.start) + 1,
        ) from None


def _moment(value: str) -> datetime:
    moment = datetime.fromisoformat(value.strip())
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _header(path: Path, names: list[str]) -> list[str]:
    if len(names) > 2 * len(COLUMNS):  # checked first: counting a million columns took hours
        raise ImportRefusedError(
            path, f"{len(names)} columns, but there are only {len(COLUMNS)} known ones", 1
        )
    columns = [name.strip().lower() for name in names]
    unknown = [name for name in columns if name not in COLUMNS]
    if unknown:
        raise ImportRefusedError(
            path, f"unknown column {unknown[0]!r} (known columns: {', '.join(COLUMNS)})", 1
        )
    duplicated = [name for name in columns if columns.count(name) > 1]
    if duplicated:
        raise ImportRefusedError(path, f"the column {duplicated[0]!r} appears twice", 1)
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise ImportRefusedError(path, f"the column {missing[0]!r} is missing", 1)
    if "article_uuid" not in columns and "article_slug" not in columns:
        raise ImportRefusedError(path, "there must be an article_uuid or an article_slug column", 1)
    return columns


def _row(path: Path, line: int, values: dict[str, str]) -> CsvRow:
    def refuse(reason: str) -> ImportRefusedError:
        return ImportRefusedError(path, reason, line)

    for name, limit in LIMITS.items():
        if len(values.get(name, "")) > limit:
            raise refuse(f"{name} is longer than {limit} characters")
    uuid, slug = values.get("article_uuid", "").strip(), values.get("article_slug", "").strip()
    if not uuid and not slug:
        raise refuse("the row names no article (article_uuid or article_slug)")
    body = values.get("body", "")
    if not body.strip():
        raise refuse("the body is empty")
    raw_time = values.get("created_at", "").strip()
    try:
        created_at = _moment(raw_time)
    except ValueError:
        raise refuse(f"created_at {raw_time!r} is not an ISO 8601 time (like 2025-04-19T08:30:00Z)") from None
    try:
        status = CommentStatus.parse(values.get("status", "") or "pending").value
    except ValueError as exc:
        raise refuse(str(exc)) from None
    source_id = values.get("source_id", "").strip() or None
    parent = values.get("parent_source_id", "").strip()
    if parent and parent == source_id:
        raise refuse("a comment cannot answer itself (parent_source_id = source_id)")
    comment = NewComment(
        article_id=0,
        body=body,
        author_name=values.get("author_name", "").strip(),
        author_email=values.get("author_email", "").strip(),
        author_url=values.get("author_url", "").strip(),
        author_ip=values.get("author_ip", "").strip(),
        created_at=created_at,
        status=status,
        source_id=source_id,
    )
    return CsvRow(line, uuid, slug, comment, parent)


def read_rows(path: Path, text: str) -> list[CsvRow]:
    """Check every row of ``text``; the first bad one raises ImportRefusedError with its line."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise ImportRefusedError(path, "the file is empty (a header row naming the columns is needed)")
        columns = _header(path, header)
        rows: list[CsvRow] = []
        seen: dict[str, int] = {}
        start = reader.line_num + 1
        for record in reader:
            line, start = start, reader.line_num + 1
            if not any(value.strip() for value in record):
                continue  # a blank line
            if len(record) != len(columns):
                raise ImportRefusedError(
                    path,
                    f"{len(record)} values for {len(columns)} columns (a missing or extra separator?)",
                    line,
                )
            row = _row(path, line, dict(zip(columns, record, strict=True)))
            source = row.comment.source_id
            if source is not None:
                if source in seen:
                    raise ImportRefusedError(
                        path, f"source_id {source!r} was already used on line {seen[source]}", line
                    )
                seen[source] = line
            rows.append(row)
    except csv.Error as exc:
        raise ImportRefusedError(path, f"it is not valid CSV ({exc})", reader.line_num) from None
    return rows


@dataclass(frozen=True, slots=True)
class CommentsCsv:
    """One checked CSV file, ready to be stored (an ImportBatch)."""

    source: Path
    rows: tuple[CsvRow, ...]

    def store(self, session: Session, progress: Progress | None = None) -> ImportResult:
        summary = self.store_summary(session, progress)
        notes = tuple(f"{self.source.name}: {line}" for line in summary.lines())
        return ImportResult(comments=summary.comments, notes=notes)

    def _articles(self, session: Session) -> dict[tuple[str, str], int]:
        """(uuid, slug) of every row → article id; refuses unknown or ambiguous articles."""
        uuids = sorted({r.article_uuid for r in self.rows if r.article_uuid})
        slugs = sorted({r.article_slug for r in self.rows if r.article_slug and not r.article_uuid})
        by_uuid: dict[str, int] = {}
        by_slug: dict[str, list[int]] = {}
        for start in range(0, len(uuids), CHUNK):
            rows = session.execute(
                select(Article.uuid, Article.id).where(Article.uuid.in_(uuids[start : start + CHUNK]))
            )
            by_uuid.update({uuid: article_id for uuid, article_id in rows})
        for start in range(0, len(slugs), CHUNK):
            rows = session.execute(
                select(Article.slug, Article.id).where(Article.slug.in_(slugs[start : start + CHUNK]))
            )
            for slug, article_id in rows:
                by_slug.setdefault(slug, []).append(article_id)
        found: dict[tuple[str, str], int] = {}
        for row in self.rows:
            key = (row.article_uuid, row.article_slug)
            if key in found:
                continue
            if row.article_uuid:
                if row.article_uuid not in by_uuid:
                    raise ImportRefusedError(
                        self.source, f"there is no article with uuid {row.article_uuid}", row.line
                    )
                found[key] = by_uuid[row.article_uuid]
                continue
            matches = by_slug.get(row.article_slug, [])
            if not matches:
                raise ImportRefusedError(
                    self.source, f"there is no article with slug {row.article_slug!r}", row.line
                )
            if len(matches) > 1:
                raise ImportRefusedError(
                    self.source,
                    f"{len(matches)} articles have the slug {row.article_slug!r}; give the article_uuid instead",
                    row.line,
                )
            found[key] = matches[0]
        return found

    def store_summary(self, session: Session, progress: Progress | None = None) -> CsvSummary:
        """Write the comments inside the caller's unit of work and tell what was done."""
        summary = CsvSummary()
        articles = self._articles(session)
        known = existing_sources(
            session,
            [r.comment.source_id for r in self.rows if r.comment.source_id]
            + [r.parent_source_id for r in self.rows if r.parent_source_id],
        )
        new: list[NewComment] = []
        index: dict[str, int] = {}
        new_rows: list[CsvRow] = []
        for row in self.rows:
            if row.comment.source_id in known:
                summary.existing += 1
                continue
            if row.comment.source_id:
                index[row.comment.source_id] = len(new)
            new.append(replace(row.comment, article_id=articles[(row.article_uuid, row.article_slug)]))
            new_rows.append(row)
        replies: dict[int, int] = {}
        parent_articles = self._parent_articles(session, known)
        for position, row in enumerate(new_rows):
            parent = row.parent_source_id
            if not parent:
                continue
            if parent in index:
                parent_article = new[index[parent]].article_id
                replies[position] = index[parent]
            elif parent in known:
                parent_article = parent_articles[known[parent]]
                new[position] = replace(new[position], parent_id=known[parent])
            else:
                raise ImportRefusedError(
                    self.source,
                    f"parent_source_id {parent!r} is neither in this file nor in the database",
                    row.line,
                )
            if parent_article != new[position].article_id:
                raise ImportRefusedError(
                    self.source, f"the comment answered ({parent!r}) is under another article", row.line
                )
            summary.replies += 1
        total, done = len(new), 0

        def step(n: int) -> None:
            nonlocal done
            done += n
            if progress is not None:
                progress(done, total)

        if progress is not None:
            progress(0, total)
        arrived = receive(session, new, replies, progress=step)
        summary.comments = len(arrived.ids)
        summary.articles = {c.article_id for c in new}
        summary.held, summary.trashed, summary.approved = (
            arrived.rules.held,
            arrived.rules.trashed,
            arrived.rules.approved,
        )
        return summary

    @staticmethod
    def _parent_articles(session: Session, known: dict[str, int]) -> dict[int, int]:
        ids = sorted(set(known.values()))
        found: dict[int, int] = {}
        for start in range(0, len(ids), CHUNK):
            rows = session.execute(
                select(Comment.id, Comment.article_id).where(Comment.id.in_(ids[start : start + CHUNK]))
            )
            found.update({comment_id: article_id for comment_id, article_id in rows})
        return found


def read_comments_csv(path: Path) -> CommentsCsv:
    """Read and check one CSV file of comments (no database needed)."""
    data = read_import_file(path, "CSV text")
    return CommentsCsv(source=path, rows=tuple(read_rows(path, _decode(path, data))))


register(".csv")(read_comments_csv)  # not as a decorator, which would hide the precise type


def import_comments_csv(db: Database, path: Path, progress: Progress | None = None) -> CsvSummary:
    """Read ``path`` and store it in ONE transaction: all of it, or nothing on any error."""
    batch = read_comments_csv(path)
    with db.session() as session:
        return batch.store_summary(session, progress)
