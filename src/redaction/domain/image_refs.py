"""The images a Markdown body shows, and which of them cannot be shown.

An image is ``![alt](target)`` outside code. Its target resolves when it is an ``image:<hash>``
the database holds (the caller says which: ``known``) or a web address (``http``, ``https``:
the reader's browser fetches it). Anything else is *missing*: a path such as
``images/marche.jpg`` (the newsroom keeps its images in the database, not beside the text), a
``file:`` URL, an ``image:`` nobody stored. The preview shows a placeholder with the alt text,
house rules refuse the article as Ready, the export warns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from redaction.domain.markup_spans import CODE, protected_spans

SCHEME = "image"
STORED_SCHEME = f"{SCHEME}:"
PREFIX_LENGTH = 16  # hex digits of the image's SHA-256 in its URL
_STORED_URL = re.compile(rf"{SCHEME}:([0-9a-f]{{{PREFIX_LENGTH},64}})")
_IMAGE = re.compile(
    r"!\[(?P<alt>(?:\\.|[^\]\\\n])*)\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_REMOTE = re.compile(r"^https?://", re.IGNORECASE)
_ESCAPED = re.compile(r"\\(.)")


@dataclass(frozen=True, slots=True)
class ImageRef:
    start: int  # offsets of the whole ``![alt](target)`` in the body
    end: int
    alt: str  # as the reader would read it (Markdown escapes removed)
    target: str


def image_refs(body: str) -> list[ImageRef]:
    """Every image of ``body`` in order, except those written inside code."""
    if "![" not in body:
        return []
    code = [s for s in protected_spans(body) if s.kind == CODE]
    found = []
    for match in _IMAGE.finditer(body):
        if any(s.start <= match.start() < s.end for s in code):
            continue
        alt = _ESCAPED.sub(r"\1", match.group("alt")).strip()
        found.append(ImageRef(match.start(), match.end(), alt, match.group("target")))
    return found


def is_remote(target: str) -> bool:
    return bool(_REMOTE.match(target))


def is_stored(target: str) -> bool:
    return target.lower().startswith(STORED_SCHEME)


def resolves(target: str, known: Callable[[str], bool] | None = None) -> bool:
    """Whether an image target can be shown; ``known`` says which ``image:`` targets the
    database holds (without it they are taken as stored)."""
    if is_remote(target):
        return True
    if is_stored(target):
        return known is None or known(target)
    return False


def missing_images(body: str, known: Callable[[str], bool] | None = None) -> list[ImageRef]:
    """The images of ``body`` that cannot be shown (see the module docstring)."""
    return [ref for ref in image_refs(body) if not resolves(ref.target, known)]


def image_url(sha256: str) -> str:
    """The ``image:`` URL of the stored image whose SHA-256 is ``sha256``."""
    return f"{SCHEME}:{sha256[:PREFIX_LENGTH]}"


def parse_image_url(url: str) -> str | None:
    """The hash prefix of an ``image:`` URL, or None for any other URL."""
    match = _STORED_URL.fullmatch(url.strip().lower())
    return match.group(1) if match else None
