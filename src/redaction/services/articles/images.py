"""Images in articles: stored once per content, referenced from Markdown as ``image:<hash>``.

An article body refers to an image by the first 16 hex digits of its SHA-256
(``![Le port](image:3f2a9c0d1e5b7a64)``): the text stays short, survives copy and paste
between articles, and the same photo inserted twice is stored once. Images are checked by
their content (:mod:`redaction.domain.images`) before anything is written; a refusal is an
:class:`ImageRefusedError` whose message names the file. Export and import of image files
beside the Markdown/HTML live in :mod:`redaction.services.exchange.image_files`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redaction.domain.image_refs import image_url, parse_image_url
from redaction.domain.images import MAX_IMAGE_BYTES, ImageError, check_size, inspect_image
from redaction.services.errors import RefusedError
from redaction.storage.database import Database
from redaction.storage.models import Image


class ImageRefusedError(RefusedError):
    """An image that was not stored (too big, not an image, damaged, unreadable)."""


@dataclass(frozen=True, slots=True)
class StoredImage:
    sha256: str
    mime: str
    size: int
    width: int
    height: int
    original_name: str
    created: bool = False  # False when the same content was already stored

    @property
    def url(self) -> str:
        return image_url(self.sha256)

    def markdown(self, alt: str | None = None) -> str:
        return markdown_image(alt_from_name(self.original_name) if alt is None else alt, self.url)


def alt_from_name(name: str) -> str:
    """A first alternative text from a file name: "port-de-brest_2.jpg" gives "port de brest 2"."""
    stem = Path(name).stem
    return " ".join(stem.replace("_", " ").replace("-", " ").split())


def markdown_image(alt: str, url: str) -> str:
    escaped = alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return f"![{' '.join(escaped.split())}]({url})"


def _stored(row: Image, created: bool) -> StoredImage:
    return StoredImage(
        sha256=row.sha256,
        mime=row.mime,
        size=row.size,
        width=row.width,
        height=row.height,
        original_name=row.original_name,
        created=created,
    )


def store_image_in(session: Session, data: bytes, name: str, limit: int = MAX_IMAGE_BYTES) -> StoredImage:
    """Check ``data`` and store it unless the same content is already there."""
    try:
        info = inspect_image(data, name, limit)
    except ImageError as exc:
        raise ImageRefusedError(str(exc)) from None
    sha = hashlib.sha256(data).hexdigest()
    existing = session.execute(select(Image).where(Image.sha256 == sha)).scalar_one_or_none()
    if existing is not None:
        return _stored(existing, created=False)
    row = Image(
        sha256=sha,
        mime=info.mime,
        size=len(data),
        width=info.width,
        height=info.height,
        original_name=Path(name).name[:300],
        data=data,
    )
    session.add(row)
    session.flush()
    return _stored(row, created=True)


def read_image_file(path: Path, limit: int = MAX_IMAGE_BYTES) -> bytes:
    """The bytes of ``path``, refused by its size before a single byte is read."""
    try:
        check_size(path.name, path.stat().st_size, limit)
        return path.read_bytes()
    except ImageError as exc:
        raise ImageRefusedError(str(exc)) from None
    except OSError as exc:
        raise ImageRefusedError(f"cannot read {path.name}: {exc.strerror or exc}") from None


class ImageStore:
    """What the editor needs to add images: one short unit of work per image."""

    def __init__(self, db: Database, limit: int = MAX_IMAGE_BYTES) -> None:
        self.db = db
        self.limit = limit

    def add_bytes(self, data: bytes, name: str) -> StoredImage:
        with self.db.session() as session:
            return store_image_in(session, data, name, self.limit)

    def add_file(self, path: Path) -> StoredImage:
        return self.add_bytes(read_image_file(path, self.limit), path.name)


def find_image_in(session: Session, prefix: str) -> Image | None:
    """The image whose hash starts with ``prefix`` (an index range scan, not LIKE)."""
    prefix = prefix.lower()
    stmt = (
        select(Image)
        .where(Image.sha256 >= prefix, Image.sha256 < prefix + "g")  # "g" sorts after every hex digit
        .order_by(Image.sha256)
        .limit(1)
    )
    return session.execute(stmt).scalar_one_or_none()


def image_resource(db: Database, url: str) -> bytes | None:
    """The bytes behind an ``image:`` URL for the preview; None if unknown or not ours."""
    prefix = parse_image_url(url)
    if prefix is None:
        return None
    with db.session() as session:
        row = find_image_in(session, prefix)
        return None if row is None else row.data
