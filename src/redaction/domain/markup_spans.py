"""Where a Markdown text is not prose: code, addresses, link targets, HTML.

Typography and spell checking must never touch these parts, and the editor's highlighter colours
them, so all three read the same answer from here. Two levels:

* :func:`line_spans` finds the inline parts of one line (code spans, URLs, e-mail addresses, link
  targets, autolinks, HTML tags and entities, footnote markers, image markers, table rules). The
  highlighter calls it once per block, so it is line-local and fast.
* :func:`protected_spans` does the whole text: fenced code blocks (``` or ~~~, closed by a fence of
  the same character at least as long; an unclosed fence runs to the end, as in CommonMark) plus
  the inline parts of every other line.

Indented code blocks are not recognised: in a newsroom article an indented line is far more often a
list continuation than code, and a fence is what the editor's help teaches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

CODE = "code"
URL = "url"
EMAIL = "email"
LINK_TARGET = "link_target"
AUTOLINK = "autolink"
HTML = "html"
ENTITY = "entity"
FOOTNOTE = "footnote"
IMAGE_MARK = "image_mark"
REFERENCE = "reference"
TABLE_RULE = "table_rule"

# Trailing sentence punctuation is not part of an address (GFM's autolink rule).
_TRAIL = r"(?<![.,;:!?)»”’'\"*_])"
_PATTERNS: tuple[tuple[str, str], ...] = (
    (CODE, r"(?P<ticks>`+)(?!`).*?(?<!`)(?P=ticks)(?!`)"),
    (HTML, r"<!--.*?(?:-->|$)"),
    (AUTOLINK, r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>"),
    (HTML, r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),
    (LINK_TARGET, r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"),
    (FOOTNOTE, r"\[\^[^\]\s]+\](?::)?"),
    (URL, r"(?:(?:https?|ftp|sftp|file|ssh|git|wss?)://|www\.)[^\s<>\[\]`]+" + _TRAIL),
    (URL, r"(?:mailto|tel|urn|data):[^\s<>\[\]`]+" + _TRAIL),
    (EMAIL, r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    (ENTITY, r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});"),
    (IMAGE_MARK, r"!(?=\[)"),
)
_INLINE = re.compile("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_PATTERNS)))
_KIND_OF_GROUP = {f"k{i}": kind for i, (kind, _) in enumerate(_PATTERNS)}
_TRIGGERS = frozenset("`<]![&@:")
_CODE_SPAN = re.compile(_PATTERNS[0][1])
_REFERENCE_DEF = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S.*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str


def line_spans(line: str) -> list[Span]:
    """The non-prose parts of one line (no newline inside), in order, not overlapping."""
    if _REFERENCE_DEF.match(line):
        return [Span(0, len(line), REFERENCE)]
    if "-" in line and _TABLE_RULE.match(line):
        return [Span(0, len(line), TABLE_RULE)]
    if "www." not in line and not any(ch in line for ch in _TRIGGERS):
        return []
    return [Span(m.start(), m.end(), _KIND_OF_GROUP[m.lastgroup or ""]) for m in _INLINE.finditer(line)]


def fence_opening(line: str) -> str | None:
    """The fence (e.g. ``"```"``) if ``line`` opens or closes a fenced code block."""
    match = _FENCE.match(line)
    if match is None:
        return None
    fence = match.group("fence")
    if fence[0] == "`" and "`" in line[match.end() :]:  # CommonMark: no backtick in the info string
        return None
    return fence


def closes_fence(line: str, opening: str) -> bool:
    match = _FENCE.match(line)
    if match is None:
        return False
    fence = match.group("fence")
    return fence[0] == opening[0] and len(fence) >= len(opening) and not line[match.end() :].strip()


def iter_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, line, in_fenced_code) for every line; fence lines count as code."""
    opening: str | None = None
    offset = 0
    for line in text.split("\n"):
        if opening is not None:
            yield offset, line, True
            if closes_fence(line, opening):
                opening = None
        else:
            opening = fence_opening(line)
            yield offset, line, opening is not None
        offset += len(line) + 1


def protected_spans(text: str) -> list[Span]:
    """Every non-prose part of ``text``: whole fenced blocks plus the inline parts of other lines."""
    spans: list[Span] = []
    for offset, line, in_code in iter_lines(text):
        if in_code:
            end = offset + len(line) + 1
            if spans and spans[-1].kind == CODE and spans[-1].end >= offset:
                spans[-1] = Span(spans[-1].start, min(end, len(text)), CODE)
            else:
                spans.append(Span(offset, min(end, len(text)), CODE))
            continue
        spans.extend(Span(offset + s.start, offset + s.end, s.kind) for s in line_spans(line))
    return spans


def prose_segments(text: str, spans: list[Span] | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of the parts of ``text`` between protected spans."""
    position = 0
    for span in protected_spans(text) if spans is None else spans:
        if span.start > position:
            yield position, span.start
        position = max(position, span.end)
    if position < len(text):
        yield position, len(text)


def open_code_span(prefix: str) -> bool:
    """True when the end of ``prefix`` (a line up to the cursor) is inside an unclosed code span."""
    if "`" not in prefix:
        return False
    return "`" in _CODE_SPAN.sub("", prefix)
