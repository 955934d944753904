"""Export articles to a folder, one file each: Markdown with front matter, or a standalone page.

Files are named ``<slug>.md`` / ``<slug>.html``; when two articles share a slug the later one
(by id) gets ``-2``, ``-3``… Markdown exports carry every field the importer reads, so that
importing the folder into an empty database gives back the same articles: same uuid, title,
rubric, tags, standfirst, author, language, status, body, creation and publication times.
Articles are read a page at a time, so a large database is exported in constant memory.
Images the articles use are written to ``images/`` and referenced by that relative path
(:mod:`redaction.services.exchange.image_files`), in both formats. An image that cannot be
exported (a path such as ``images/marche.jpg``, an ``image:`` the database does not hold) is
named in ``ExportResult.warnings`` and, in an HTML page, shown as a placeholder with its alt text
(:mod:`redaction.render.missing_images`); the export itself goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction.domain.dates import to_local
from redaction.domain.image_refs import missing_images
from redaction.domain.workflow import ArticleStatus
from redaction.render.missing_images import MISSING, replace_images
from redaction.render.page import PageInfo, article_page
from redaction.services.articles.editing import get_article_in
from redaction.services.articles.image_check import known_images_in
from redaction.services.articles.values import ArticleDetail
from redaction.services.errors import RefusedError
from redaction.services.exchange import frontmatter
from redaction.services.exchange.files import write_file
from redaction.services.exchange.image_files import ImageExporter
from redaction.storage.database import Database
from redaction.storage.models import Article

FORMATS = ("md", "html")
PAGE_SIZE = 200


class ExportRefusedError(RefusedError):
    pass


@dataclass(frozen=True, slots=True)
class ExportResult:
    count: int
    folder: Path
    warnings: tuple[str, ...] = ()  # one line each: "<file>: image not found: <target>"


def iso_utc(moment: datetime | None) -> str | None:
    """2025-04-19T08:30:00Z (microseconds kept when there are some); None stays None."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def markdown_document(article: ArticleDetail) -> str:
    """The article as a Markdown file that :mod:`markdown_import` reads back identically."""
    f = article.fields
    values: dict[str, str | list[str]] = {
        "title": f.title,
        "rubric": f.rubric,
        "date": iso_utc(article.created_at) or "",
        "status": f.status,
        "language": f.language,
        "tags": list(f.tags),
        "standfirst": f.standfirst,
        "author": f.author,
        "uuid": article.uuid,
    }
    implied = article.created_at if f.status == ArticleStatus.PUBLISHED else None
    if article.published_at is not None and article.published_at != implied:
        values["published"] = iso_utc(article.published_at) or ""
    return frontmatter.render(values, f.body)


def page_info(article: ArticleDetail) -> PageInfo:
    """What the page header shows; the date is the publication day, else the creation day."""
    f = article.fields
    moment = article.published_at or article.created_at
    return PageInfo(
        title=f.title,
        rubric=f.rubric,
        standfirst=f.standfirst,
        author=f.author,
        language=f.language,
        day=to_local(moment).date(),
        tags=f.tags,
    )


def html_document(article: ArticleDetail) -> str:
    return article_page(page_info(article), article.fields.body, standalone=True)


def iter_details_in(session: Session, status: str | None = None) -> Iterator[ArticleDetail]:
    """Every article (optionally of one status) in id order, a page at a time."""
    last_id = 0
    while True:
        stmt = select(Article.id).where(Article.id > last_id).order_by(Article.id).limit(PAGE_SIZE)
        if status:
            stmt = stmt.where(Article.status == ArticleStatus.parse(status).value)
        ids = list(session.execute(stmt).scalars())
        if not ids:
            return
        rows = session.execute(select(Article).where(Article.id.in_(ids))).scalars().all()
        by_id = {row.id: row for row in rows}
        for article_id in ids:
            if article_id in by_id:
                yield get_article_in(session, article_id)
        last_id = ids[-1]
        session.expunge_all()  # keep memory flat on big databases


def unique_name(slug: str, suffix: str, taken: set[str]) -> str:
    name = f"{slug}{suffix}"
    n = 2
    while name.lower() in taken:  # case-insensitive file systems
        name = f"{slug}-{n}{suffix}"
        n += 1
    taken.add(name.lower())
    return name


def _write(path: Path, text: str) -> None:
    """Write through a temporary file so that an interrupted export leaves no half file."""
    write_file(path, text.encode("utf-8"))


def prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportRefusedError(f"cannot export to {folder}: it is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportRefusedError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK):
        raise ExportRefusedError(f"cannot export to {folder}: the folder is read-only")


def export_articles(
    db: Database,
    folder: Path,
    fmt: str,
    status: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExportResult:
    """Write one file per article into ``folder`` (created if needed)."""
    if fmt not in FORMATS:
        raise ExportRefusedError(f"unknown export format {fmt!r} (expected md or html)")
    if status:
        try:
            ArticleStatus.parse(status)
        except ValueError as exc:
            raise ExportRefusedError(str(exc)) from None
    prepare_folder(folder)
    render = markdown_document if fmt == "md" else html_document
    taken: set[str] = set()
    count = 0
    warnings: list[str] = []
    with db.session() as session:
        images = ImageExporter(session, folder)  # images/<sha256>.<ext>, each written once
        for article in iter_details_in(session, status):
            path = folder / unique_name(article.slug or "article", f".{fmt}", taken)
            missing = missing_images(article.fields.body, known_images_in(session, article.fields.body))
            text = images.rewrite(render(article))
            if missing and fmt == "html":
                targets = {ref.target for ref in missing}

                def kind(src: str, targets: set[str] = targets) -> str | None:
                    return MISSING if src in targets else None

                text = replace_images(text, kind, article.fields.language)
            _write(path, text)
            warnings.extend(f"{path.name}: image not found: {ref.target}" for ref in missing)
            count += 1
            if progress is not None:
                progress(count)
    return ExportResult(count=count, folder=folder, warnings=tuple(warnings))
