"""Images that cannot be shown become a visible placeholder carrying their alt text.

A browser (or Qt's preview) shows an image it cannot load as a tiny broken glyph that a reader
overlooks and an editor never notices. :func:`replace_images` swaps each such ``<img>`` of
rendered HTML for a ``<span class="missing-image">`` reading "Image introuvable : Le marché"
in the article's language (like the byline, it is part of the page), styled by the page CSS.
The caller says which ``src`` cannot be shown; the preview also marks web images, which it
never fetches, as "Image en ligne".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

MISSING = "missing"
REMOTE = "remote"
_LABELS = {
    MISSING: {"fr": "Image introuvable\u00a0: ", "en": "Image not found: "},
    REMOTE: {
        "fr": "Image en ligne, non chargée dans l’aperçu\u00a0: ",
        "en": "Web image, not loaded in the preview: ",
    },
}
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'\b(src|alt)="([^"]*)"', re.IGNORECASE)


def placeholder(kind: str, alt: str, src: str, language: str) -> str:
    """The placeholder for one image; ``alt`` and ``src`` are HTML-escaped attribute values."""
    labels = _LABELS[kind]
    label = labels.get(language, labels["en"])
    return f'<span class="missing-image {kind}" title="{src}">{label}{alt or src}</span>'


def replace_images(html: str, kind_of: Callable[[str], str | None], language: str) -> str:
    """``html`` with every ``<img>`` whose ``src`` ``kind_of`` names (MISSING or REMOTE) replaced
    by its placeholder; ``kind_of`` gets the unescaped ``src`` and returns None to keep it."""
    if "<img" not in html:
        return html

    def swap(match: re.Match[str]) -> str:
        attributes = {name.lower(): value for name, value in _ATTRIBUTE.findall(match.group())}
        src = attributes.get("src", "")
        kind = kind_of(unescape(src))
        return match.group() if kind is None else placeholder(kind, attributes.get("alt", ""), src, language)

    return _IMG.sub(swap, html)
