"""Slugs for article URLs: lower case ASCII, accents folded, words joined by hyphens."""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "’": "-", "'": "-"}
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold_accents(text: str) -> str:
    """ "Économie à Noël" -> "Economie a Noel" (ligatures expanded)."""
    for src, dst in _LIGATURES.items():
        text = text.replace(src, dst)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(title: str, max_length: int = 80) -> str:
    """A URL slug for ``title``; never empty ("article" when nothing usable is left)."""
    slug = _NON_WORD.sub("-", fold_accents(title).lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or "article"
