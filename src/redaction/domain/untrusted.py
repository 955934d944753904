"""Text from strangers (comment bodies, names, URLs) made safe to look at.

Nothing here interprets markup: these helpers only decide what a moderator sees. Invisible and
direction-changing characters in names are shown as visible codes, so "‮nimda" cannot pose as
"admin", and a link shows the real domain it points to.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

# Bidirectional controls and zero-width characters that hide or reorder what a name says.
_INVISIBLE = {
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u2060": "WJ",
    "\ufeff": "BOM",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}


def reveal_invisible(text: str) -> str:
    """Replace invisible/bidi control characters with a visible ⟦CODE⟧ marker."""
    out = []
    for ch in text:
        code = _INVISIBLE.get(ch)
        if code is not None:
            out.append(f"⟦{code}⟧")
        elif unicodedata.category(ch) == "Cc" and ch not in "\n\t":
            out.append(f"⟦U+{ord(ch):04X}⟧")
        else:
            out.append(ch)
    return "".join(out)


def visible_name(name: str) -> str:
    return reveal_invisible(" ".join(name.split()))


def one_line(text: str, limit: int) -> str:
    """The first ``limit`` characters on one line (cheap even for a 1 MB comment)."""
    head = text[: limit * 2]
    flat = " ".join(head.split())
    if len(flat) > limit or len(text) > len(head):
        return flat[: limit - 1].rstrip() + "…"
    return flat


def link_domain(url: str) -> str:
    """The host a link really goes to ("" when there is none), punycode shown as such."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    host = parts.hostname or ""
    if host and not host.isascii():
        try:
            return host.encode("idna").decode("ascii")
        except UnicodeError:
            return reveal_invisible(host)
    return host
