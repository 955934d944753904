"""Text from strangers (comment bodies, names, URLs) made safe to look at.

Nothing here interprets markup: these helpers only decide what a moderator sees. Invisible and
direction-changing characters in names are shown as visible codes, so "‮nimda" cannot pose as
"admin", and a link shows the real domain it points to.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
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


# -- what a comment's markup hides, and the text that search and the word rules read ----------
#
# A comment is stored exactly as the site stored it (tags, entities, odd characters and all) and
# only ever shown as plain text. :func:`derive` computes, once when the comment arrives, what the
# rest of the program needs from that raw text: the searchable text (tags removed, entities
# decoded, NFC) and a set of flags, stored beside the comment (``Comment.search_text`` and
# ``Comment.text_flags``). Everything here is regular expressions, linear in the text, so the
# desk can also run it on a megabyte-long comment while a person waits.

SCRIPT = 1  # a <script> element
STYLE = 2  # a <style> element
EMBED = 4  # an element that loads other content: iframe, frame, object, embed, applet
HANDLER = 8  # an event handler attribute (onclick=, onerror=, …)
SCRIPT_URL = 16  # a javascript:, vbscript: or data: address in an attribute
HIDDEN_CHARS = 32  # bidi controls or zero-width characters that hide or reorder text
STRIPPED = 64  # other markup a site removes from a comment (tags outside WordPress's comment list)
DANGEROUS = SCRIPT | STYLE | EMBED | HANDLER | SCRIPT_URL | HIDDEN_CHARS
MARKUP = DANGEROUS | STRIPPED
# Not warnings: hints for the moderation rules' fast path (services.moderation.rules_fast).
LINK_HINT = 256  # "<" or "://" in the text: its links must be counted
INDEX_BLIND = 512  # the searchable text holds characters the full-text index cannot judge

# The tags WordPress keeps in a reader's comment (kses' $allowedtags); a site drops the others.
COMMENT_TAGS = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "blockquote",
        "cite",
        "code",
        "del",
        "em",
        "i",
        "q",
        "s",
        "strike",
        "strong",
        "br",
        "p",
    ]
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.DOTALL)
_INVISIBLE_TEXT = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_HANDLER = re.compile(r"[\s/\"']on[a-z]+\s*=", re.IGNORECASE)
_URL_ATTRIBUTE = re.compile(
    r"(?:^|[\s/\"'])(?:href|src|action|formaction|xlink:href|data|poster|background)\s*=\s*"
    r"(\"[^\"]*\"|'[^']*'|[^\s>]+)",
    re.IGNORECASE,
)
_SCHEME_NOISE = re.compile(r"[\x00-\x20\u200b\ufeff]")
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
_EMBEDS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet"})
_HIDDEN_BLOCKS = re.compile(
    r"<(script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?(?:</\1\s*>|$)|<!--.*?(?:-->|$)",
    re.IGNORECASE | re.DOTALL,
)
_LINE_TAGS = frozenset(
    [
        "br",
        "p",
        "div",
        "li",
        "blockquote",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "table",
        "pre",
        "hr",
    ]
)
# Characters on which SQLite's FTS5 tokenizer (unicode61, remove_diacritics 2) and the rules'
# word patterns agree: word or not, and which letter an accented one counts as. Checked one by
# one against the running SQLite in tests/services/moderation/test_rules_fast.py; ß, ĳ, İ, ǡ and
# the scripts and emoji newer than SQLite's tables are not among them.
_INDEX_SAFE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\xde\xe0-\xff\u0100-\u012f\u0131\u0134-\u017f"
    "\u1e00-\u1e9d\u1e9f-\u1eff\u2000-\u2064\u20a0-\u20b9"
    # symbols and the emoji of Unicode 6.0, which SQLite's tables know as symbols
    "\u2190-\u23f3\u2500-\u26ff\u2701-\u27bf\ufe0f"
    "\U0001f300-\U0001f320\U0001f330-\U0001f335\U0001f337-\U0001f37c\U0001f380-\U0001f393"
    "\U0001f3a0-\U0001f3c4\U0001f3c6-\U0001f3ca\U0001f3e0-\U0001f3f0\U0001f400-\U0001f43e"
    "\U0001f440\U0001f442-\U0001f4f7\U0001f4f9-\U0001f4fc\U0001f500-\U0001f53d"
    "\U0001f550-\U0001f567\U0001f5fb-\U0001f640\U0001f645-\U0001f64f\U0001f680-\U0001f6c5]"
)


def _script_url(value: str) -> bool:
    value = html.unescape(value.strip("\"'"))
    return _SCHEME_NOISE.sub("", value).lower().startswith(_SCRIPT_SCHEMES)


def markup_flags(text: str) -> int:
    """The warnings that ``text`` (as the site stored it) deserves: :data:`SCRIPT`, … :data:`STRIPPED`."""
    flags = HIDDEN_CHARS if _INVISIBLE_TEXT.search(text) else 0
    if "<" not in text:
        return flags
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name == "script":
            flags |= SCRIPT
        elif name == "style":
            flags |= STYLE
        elif name in _EMBEDS:
            flags |= EMBED
        elif name not in COMMENT_TAGS:
            flags |= STRIPPED
        attributes = match.group(3)
        if attributes:
            if _HANDLER.search(attributes):
                flags |= HANDLER
            if any(_script_url(m.group(1)) for m in _URL_ATTRIBUTE.finditer(attributes)):
                flags |= SCRIPT_URL
    return flags


def searchable_text(text: str) -> str:
    """What a reader sees of ``text`` once a site has rendered it, for search and the word rules:
    scripts, styles and comments dropped, tags removed (line breaks where they break lines),
    entities decoded, composed accents (NFC)."""
    if "<" in text:
        text = _HIDDEN_BLOCKS.sub(" ", text)
        text = _TAG.sub(lambda m: "\n" if m.group(2).lower() in _LINE_TAGS else "", text)
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


@dataclass(frozen=True, slots=True)
class Derived:
    """What is stored beside a comment's raw text: its searchable text (None when it is the raw
    text itself) and its flags."""

    search_text: str | None
    flags: int


def derive(text: str) -> Derived:
    """The searchable text and the flags of a comment's raw ``text``."""
    search = searchable_text(text)
    flags = markup_flags(text)
    if "<" in text or "://" in text:
        flags |= LINK_HINT
    if _INDEX_SAFE.search(search):
        flags |= INDEX_BLIND
    return Derived(None if search == text else search, flags)


def is_dangerous(flags: int) -> bool:
    return bool(flags & DANGEROUS)
