"""Image files beside exported articles, and image files beside imported Markdown.

Export: every ``image:<hash>`` an article uses is written once to ``FOLDER/images/<sha256>.<ext>``
and the reference (Markdown link target or HTML ``src``) becomes that relative path, so the
folder can be opened, zipped or published as it is. Import reverses it: an image reference
that is a relative path to a file beside the Markdown file (``images/….png``, ``photo.jpg``)
is checked when the file is read and stored when the article is, and the reference becomes
``image:<hash>``. Files outside the Markdown file's folder are never read; missing files leave
the reference as written.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy.orm import Session

from redaction.domain.image_refs import PREFIX_LENGTH, SCHEME
from redaction.domain.images import EXTENSIONS, MAX_IMAGE_BYTES, ImageError, inspect_image
from redaction.services.articles.images import (
    ImageRefusedError,
    find_image_in,
    read_image_file,
    store_image_in,
)
from redaction.services.exchange.files import write_file

IMAGES_FOLDER = "images"
# image:<hex> as a link target "(…)", "<…>" or an attribute value "…" / '…'
_REF = re.compile(rf"(?<=[(<\"']){SCHEME}:([0-9a-f]{{{PREFIX_LENGTH},64}})(?=[)>\"'\s])")
# ![alt](target "title"): group 2 is the target
_MD_IMAGE = re.compile(r"(!\[(?:\\.|[^\]\\\n])*\]\(\s*<?)([^)\s>]+)(>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\))")
_HAS_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _write_bytes(path: Path, data: bytes) -> None:
    write_file(path, data)


class ImageExporter:
    """Rewrites ``image:`` references in exported text, writing each image file once."""

    def __init__(self, session: Session, folder: Path) -> None:
        self.session = session
        self.folder = folder
        self._paths: dict[str, str | None] = {}
        self.written = 0

    def rewrite(self, text: str) -> str:
        return _REF.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        prefix = match.group(1)
        if prefix not in self._paths:
            self._paths[prefix] = self._export(prefix)
        return self._paths[prefix] or match.group(0)

    def _export(self, prefix: str) -> str | None:
        row = find_image_in(self.session, prefix)
        if row is None:
            return None  # an unknown image stays as written; the page shows it missing
        name = f"{row.sha256}.{EXTENSIONS.get(row.mime, 'bin')}"
        target = self.folder / IMAGES_FOLDER / name
        if not (target.is_file() and target.stat().st_size == row.size):
            target.parent.mkdir(exist_ok=True)
            _write_bytes(target, row.data)
            self.written += 1
        self.session.expunge(row)  # the bytes are on disk; keep memory flat
        return f"{IMAGES_FOLDER}/{name}"


@dataclass(frozen=True, slots=True)
class LocalImage:
    """An image file referenced by a Markdown file, checked, not yet stored."""

    ref: str
    path: Path
    sha256: str


def read_local_images(markdown_path: Path, body: str, limit: int = MAX_IMAGE_BYTES) -> tuple[LocalImage, ...]:
    """Check every image file ``body`` references beside ``markdown_path`` (ImageRefusedError)."""
    base = markdown_path.parent.resolve()
    found: dict[str, LocalImage] = {}
    for match in _MD_IMAGE.finditer(body):
        ref = match.group(2)
        if ref in found or _HAS_SCHEME.match(ref) or ref.startswith(("/", "\\", "#")):
            continue
        path = (base / unquote(ref)).resolve()
        if not path.is_relative_to(base) or not path.is_file():
            continue
        data = read_image_file(path, limit)
        try:
            inspect_image(data, ref, limit)
        except ImageError as exc:
            raise ImageRefusedError(str(exc)) from None
        found[ref] = LocalImage(ref=ref, path=path, sha256=hashlib.sha256(data).hexdigest())
    return tuple(found.values())


def store_local_images(session: Session, body: str, images: tuple[LocalImage, ...]) -> str:
    """Store the checked files (once per content) and return ``body`` pointing at them."""
    urls: dict[str, str] = {}
    for image in images:
        data = read_image_file(image.path)
        if hashlib.sha256(data).hexdigest() != image.sha256:
            raise ImageRefusedError(f"{image.ref} changed while it was being imported")
        urls[image.ref] = store_image_in(session, data, image.path.name).url
    if not urls:
        return body
    return _MD_IMAGE.sub(lambda m: m.group(1) + urls.get(m.group(2), m.group(2)) + m.group(3), body)
