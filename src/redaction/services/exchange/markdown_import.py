"""Markdown files with YAML front matter become articles (registered for .md and .markdown).

Keys: title (required), rubric, date, status, language, tags (a list or "a, b"), standfirst,
author, uuid, published. ``date`` is YYYY-MM-DD or an ISO datetime (local time when it names no
zone) and sets the creation time, and the publication time of a published article unless
``published`` gives it. ``uuid`` keeps an article's identity across export and import: a uuid
already in the database is refused (nothing is overwritten; drop the line to import a copy).
Refusals name the file and line: bad YAML, unclosed header, unknown key, status or language,
bad date or uuid, empty title, text that is not UTF-8, binary files. Images the body references
by a relative path beside the file (``images/<sha256>.png`` as the export writes them) are
checked with the file and stored with the article (:mod:`redaction.services.exchange.image_files`).
"""

from __future__ import annotations

import re
import uuid as uuid_module
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction.domain.workflow import ArticleStatus, Language
from redaction.services.articles.editing import create_article_in
from redaction.services.articles.images import ImageRefusedError
from redaction.services.articles.values import ArticleFields, split_tags
from redaction.services.exchange.frontmatter import Document, FrontMatterError, parse
from redaction.services.exchange.image_files import LocalImage, read_local_images, store_local_images
from redaction.services.exchange.importing import (
    ImportRefusedError,
    ImportResult,
    long_text_warning,
    read_import_file,
    register,
)
from redaction.storage.models import Article

KNOWN_KEYS = (
    "title",
    "rubric",
    "date",
    "status",
    "language",
    "tags",
    "standfirst",
    "author",
    "uuid",
    "published",
)
IMPORT_ACTOR = "import"
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class MarkdownArticle:
    """One checked Markdown file, ready to be stored (an ImportBatch)."""

    source: Path
    fields: ArticleFields
    created_at: datetime | None = None
    published_at: datetime | None = None
    uuid: str | None = None
    lines: dict[str, int] = field(default_factory=dict)
    images: tuple[LocalImage, ...] = ()

    def store(self, session: Session) -> ImportResult:
        if self.uuid is not None:
            taken = session.execute(select(Article.id).where(Article.uuid == self.uuid)).first()
            if taken is not None:
                raise ImportRefusedError(
                    self.source,
                    f"an article with uuid {self.uuid} is already in the database "
                    "(remove the uuid line to import this file as a new article)",
                    self.lines.get("uuid"),
                )
        published_at = self.published_at
        if published_at is None and self.fields.status == ArticleStatus.PUBLISHED:
            published_at = self.created_at
        fields = self.fields
        if self.images:
            try:
                fields = replace(fields, body=store_local_images(session, fields.body, self.images))
            except ImageRefusedError as exc:
                raise ImportRefusedError(self.source, str(exc)) from None
        create_article_in(
            session,
            fields,
            actor=IMPORT_ACTOR,
            created_at=self.created_at,
            published_at=published_at,
            uuid=self.uuid,
        )
        session.flush()
        warning = long_text_warning(self.source, fields.title, fields.body)
        return ImportResult(articles=1, warnings=(warning,) if warning else ())


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text of ``data`` (a leading BOM dropped); refuse binary and other encodings."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ImportRefusedError(
            path, f"it is a binary file, not Markdown text (NUL byte at offset {nul})", _line_at(data, nul)
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportRefusedError(
            path,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X} at offset {exc.start}); "
            "save it as UTF-8 and import it again",
            _line_at(data, exc.start),
        ) from None
    return text.removeprefix("\ufeff")


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _text(doc: Document, key: str) -> str:
    value = doc.values.get(key, "")
    if isinstance(value, list):
        raise FrontMatterError(doc.lines[key], f"{key} must be text, not a list")
    return value


def parse_moment(value: str) -> datetime:
    """YYYY-MM-DD (local midnight) or an ISO 8601 datetime (local time if it names no zone)."""
    value = value.strip()
    if _DATE_ONLY.fullmatch(value):
        moment = datetime.combine(date.fromisoformat(value), datetime.min.time())
    else:
        moment = datetime.fromisoformat(value.replace("z", "Z"))
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a person's wall-clock time, on this machine
    return moment.astimezone(UTC)


def _moment(doc: Document, key: str) -> datetime | None:
    value = _text(doc, key).strip()
    if not value:
        return None
    try:
        return parse_moment(value)
    except ValueError:
        raise FrontMatterError(
            doc.lines[key], f"{key} {value!r} is not a date (use YYYY-MM-DD or 2025-04-19T08:30:00Z)"
        ) from None


def _fields(doc: Document) -> ArticleFields:
    for key, line in doc.lines.items():
        if key not in KNOWN_KEYS:
            raise FrontMatterError(
                line, f"unknown front-matter key {key!r} (known keys: {', '.join(KNOWN_KEYS)})"
            )
    title = _text(doc, "title").strip()
    if not title:
        raise FrontMatterError(doc.lines.get("title", 1), "the title is empty")
    checked: dict[str, str] = {}
    for key, parser, default in (
        ("status", ArticleStatus.parse, ArticleStatus.DRAFT.value),
        ("language", Language.parse, Language.FR.value),
    ):
        raw = _text(doc, key)
        try:
            checked[key] = parser(raw).value if raw.strip() else default
        except ValueError as exc:
            raise FrontMatterError(doc.lines[key], str(exc)) from None
    tags_value = doc.values.get("tags", [])
    tags = tuple(tags_value) if isinstance(tags_value, list) else split_tags(tags_value)
    return ArticleFields(
        title=title,
        rubric=_text(doc, "rubric"),
        standfirst=_text(doc, "standfirst"),
        tags=tags,
        author=_text(doc, "author"),
        language=checked["language"],
        status=checked["status"],
        body=doc.body,
    ).normalized()


def _uuid(doc: Document) -> str | None:
    value = _text(doc, "uuid").strip()
    if not value:
        return None
    try:
        return str(uuid_module.UUID(value))
    except ValueError:
        raise FrontMatterError(doc.lines["uuid"], f"uuid {value!r} is not a valid UUID") from None


def read_markdown_text(path: Path, text: str) -> MarkdownArticle:
    """Check already-decoded Markdown ``text``; errors name ``path`` and the line."""
    try:
        doc = parse(text)
        return MarkdownArticle(
            source=path,
            fields=_fields(doc),
            created_at=_moment(doc, "date"),
            published_at=_moment(doc, "published"),
            uuid=_uuid(doc),
            lines=dict(doc.lines),
        )
    except FrontMatterError as exc:
        raise ImportRefusedError(path, exc.message, exc.line) from None


@register(".md", ".markdown")
def read_markdown(path: Path) -> MarkdownArticle:
    """Read and check one Markdown file (no database needed)."""
    data = read_import_file(path, "Markdown text")
    article = read_markdown_text(path, decode(path, data))
    try:
        images = read_local_images(path, article.fields.body)
    except ImageRefusedError as exc:
        raise ImportRefusedError(path, str(exc)) from None
    return replace(article, images=images) if images else article
