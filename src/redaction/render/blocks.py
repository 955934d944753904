"""Incremental Markdown: split a body into top-level segments and render only what changed.

A *segment* is a run of Markdown that Python-Markdown renders the same alone as inside the whole
document: segments are cut at blank lines, except where the next block would continue the
previous one (indented text, list items, quotes, definition lists, fenced code, raw HTML blocks).
The body HTML is the segments' HTML joined by newlines, which is byte-for-byte what
``markdown.convert`` gives for the whole text (tests check this on every construct we support).

Three things in Markdown are not local to a block, and are handled here:

* reference links and abbreviations: their definitions are appended to every segment rendered,
  so a ``[text][id]`` anywhere resolves (editing a definition re-renders every segment);
* heading ids (``toc``): duplicates get ``_1``, ``_2`` across the whole document, fixed in a
  final pass over the segments' headings;
* footnotes: numbered across the document with their list at the end, so a body with footnotes
  is rendered whole (``Rendered.whole`` is True) — correct, but not incremental.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from redaction.render.markdown import convert_whole

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]")
_DEFINITION = re.compile(r"^:[ \t]")
_BLOCK_STARTS = frozenset(" -*+>:0123456789")
_HTML_BLOCK = re.compile(r"^<([a-zA-Z][a-zA-Z0-9-]*)[\s/>]")
_REF_DEF = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*$", re.M)
_ABBR_DEF = re.compile(r"^\*\[[^\]\n]+\]:.*$", re.M)
_FOOTNOTE = re.compile(r"\[\^[^\]\n]+\]")
_HEADING_ID = re.compile(r'(<h[1-6][^>]*\bid=")([^"]*)(")')
_VOID_HTML = {"hr", "br", "img", "input", "meta", "link"}
_SENTINEL = "redactionsegmentend"
_SENTINEL_HTML = f"<p>{_SENTINEL}</p>"
# The context under which a whole body (footnotes) is remembered: no definitions' text is this.
WHOLE = "\x00whole"


def _kinds(line: str, defines: bool) -> set[str]:
    """What top-level block a line may start (``defines``: a definition line follows in its
    block or opens the next one, see _defines). A quote with a definition under it may be
    either, depending on where the definition is: both are kept, merging being safe."""
    if _LIST_ITEM.match(line):
        return {"list"}
    kinds = set()
    if line.startswith(">"):
        kinds.add("quote")
    if line.startswith(":") or defines:
        kinds.add("deflist")
    return kinds or {"other"}


def _continues(kinds: set[str], line: str, defines: bool) -> bool:
    """Would Python-Markdown attach this block (after a blank line) to the previous one?
    ``kinds``: what the segment's last block may be (a list, a quote…)."""
    if line[0] in " \t" or line.startswith(":"):
        return True  # indented text continues lists, code and definitions; merging is always safe
    if _REF_DEF.match(line):
        return True  # a definition renders to nothing: what follows it may continue the block
    return bool((_kinds(line, defines) & kinds) - {"other"})


def _inner_kind(line: str) -> str | None:
    """A block that starts inside a segment, under a paragraph line: a list (CommonMark lets
    one interrupt a paragraph), a quote or a definition. None for anything else."""
    if line[0] not in _BLOCK_STARTS:
        return None  # most lines: prose
    if _LIST_ITEM.match(line):
        return "list"
    if line.startswith(">"):
        return "quote"
    if _DEFINITION.match(line):
        return "deflist"
    return None


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_DEFINITION_LINE = re.compile(r"\n:[ \t]")
_DEFINITION_NEXT = re.compile(r"\n(?:[ \t]*\n)*:[ \t]")


def _defines(text: str, eol: int) -> bool:
    """Whether a definition line (": …") follows the line ending at ``eol`` in its block, or
    opens the next block: Python-Markdown then makes the lines above it terms of a definition
    list, which joins a definition list just before ("Term\n\n: definition" too)."""
    blank = _BLANK_LINE.search(text, eol)
    end = blank.start() if blank else len(text)
    if _DEFINITION_LINE.search(text, eol, end):
        return True
    return blank is not None and _DEFINITION_NEXT.match(text, blank.start()) is not None


def iter_segments(text: str, start: int = 0) -> Iterator[tuple[str, int]]:
    """Yield ``(segment, offset)`` for the segments of ``text`` from ``start``, which must be
    the start of a segment (or 0). ``text`` uses ``\\n`` line ends."""
    length = len(text)
    pos = start
    seg_start = -1  # offset of the current segment's first line, -1 before the first
    seg_end = -1  # end of its last non-blank line
    fence: str | None = None
    html_tag: str | None = None
    # What the segment's last block may be. Over-guessing only merges segments, which renders
    # the same; missing one would cut a list or quote that Python-Markdown continues.
    kinds = {"other"}
    after_blank = False
    while pos <= length:
        eol = text.find("\n", pos)
        if eol == -1:
            eol = length
        line = text[pos:eol]
        stripped = line.strip()
        if fence is not None:
            if stripped:
                seg_end = eol
                if stripped.startswith(fence) and not stripped.strip(fence[0]):
                    fence = None
        elif stripped:
            if seg_start < 0:
                seg_start = pos
                kinds = _kinds(line, _defines(text, eol))
            elif after_blank:
                flush = not (line[0] in " \t" or line.startswith(":"))
                defines = flush and _defines(text, eol)
                if html_tag is None and not _continues(kinds, line, defines):
                    yield text[seg_start:seg_end], seg_start
                    seg_start = pos
                if flush:
                    kinds = _kinds(line, defines)
                elif (inner := _inner_kind(line.lstrip(" "))) is not None and len(line) - len(
                    line.lstrip(" ")
                ) < 4:
                    kinds.add(inner)  # "  - item" after a blank line is a list, not a continuation
            elif (inner := _inner_kind(line)) is not None:
                kinds.add(inner)
            after_blank = False
            if html_tag is not None:
                if f"</{html_tag}" in line.lower():
                    html_tag = None
            else:  # Python-Markdown opens raw HTML at any line start, even under a paragraph line
                opening = _HTML_BLOCK.match(line)
                if opening:
                    tag = opening.group(1).lower()
                    if tag not in _VOID_HTML and f"</{tag}" not in line.lower():
                        html_tag = tag
            fence_match = _FENCE.match(line)
            if fence_match:
                fence = fence_match.group(1)
            seg_end = eol
        elif seg_start >= 0:
            after_blank = True
        pos = eol + 1
    if seg_start >= 0:
        yield text[seg_start:seg_end], seg_start


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def split_segments(text: str) -> list[str]:
    """Cut ``text`` into independent top-level segments, in order, without the blank lines
    that separate them."""
    return [segment for segment, _offset in iter_segments(normalize_newlines(text))]


def context_of(text: str) -> str:
    """Definitions that apply document-wide (reference links, abbreviations), one per line.
    Only lines Python-Markdown takes as definitions: "[r]: https://a.frSuite" is a paragraph,
    and appended to every segment it would show up in each of them."""
    definitions = _REF_DEF.findall(text) + _ABBR_DEF.findall(text)
    return "\n".join(line for line in definitions if _is_definition(line))


@lru_cache(maxsize=4096)
def _is_definition(line: str) -> bool:
    return not convert_whole(line)


_EXPLICIT_ID = re.compile(r"\{[^}\n]*#([^\s}]+)")
_ID_COUNT = re.compile(r"^(.*)_([0-9]+)$")


def _unique(candidate: str, used: set[str]) -> str:
    """``toc``'s own rule: x, then x_1, x_2…"""
    while candidate in used or not candidate:
        match = _ID_COUNT.match(candidate)
        candidate = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{candidate}_1"
    used.add(candidate)
    return candidate


# A line that may give a heading (ATX, also inside a quote, list or definition; a setext
# underline; raw HTML heading): a segment without one renders no heading, so its HTML can wait
# until it is shown (render.incremental) without changing any heading id.
_MAY_HOLD_HEADING = re.compile(r"^[ \t>*+\-\d.):]*#|^[ \t>]*[=\-][=\- \t]*$|<[hH][1-6]", re.M)


def may_hold_heading(segment: str) -> bool:
    """False only for a segment whose HTML certainly holds no heading (so no heading id)."""
    return _MAY_HOLD_HEADING.search(segment) is not None


def heading_ids_pass(segments: Sequence[str], raw: Sequence[str | None]) -> dict[int, str]:
    """Final HTML of the segments whose headings need renaming so that generated ids are
    unique across the document, as ``toc`` does over one whole text: ids written by hand
    (``{#id}``) are kept and reserved first. Returns only the segments that differ from ``raw``.
    A segment not rendered yet (None) must be one that holds no heading (see may_hold_heading)."""
    explicit = {i: set(_EXPLICIT_ID.findall(seg)) for i, seg in enumerate(segments) if "{" in seg}
    used: set[str] = set().union(*explicit.values()) if explicit else set()
    renamed: dict[int, str] = {}
    for index, html in enumerate(raw):
        if html is None or "<h" not in html:
            continue
        own = explicit.get(index, set())

        def rename(match: re.Match[str], own: set[str] = own) -> str:
            value = match.group(2)
            return (
                match.group(0) if value in own else f"{match.group(1)}{_unique(value, used)}{match.group(3)}"
            )

        final = _HEADING_ID.sub(rename, html)
        if final != html:
            renamed[index] = final
    return renamed


def _unique_heading_ids(segments: list[str], htmls: list[str | None]) -> list[str | None]:
    renamed = heading_ids_pass(segments, htmls)
    return [renamed.get(i, h) for i, h in enumerate(htmls)] if renamed else list(htmls)


@dataclass(frozen=True, slots=True)
class Rendered:
    segments: tuple[str, ...]
    htmls: tuple[str, ...]  # final HTML per segment (ids made unique); () when ``whole``
    html: str  # the body HTML
    whole: bool = False  # rendered in one piece (footnotes)


class BlockRenderer:
    """Renders bodies segment by segment, remembering the HTML of segments it has seen."""

    def __init__(self, cache_size: int = 20_000) -> None:
        self._cache: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._cache_size = cache_size

    def _segment_html(self, segment: str, context: str) -> str:
        """The segment's HTML *with* the separator that follows it inside a document."""
        key = (segment, context)
        html = self._cache.get(key)
        if html is None:
            # A sentinel paragraph after the segment makes Python-Markdown emit exactly the
            # separator it would put between this segment and the next one.
            source = f"{segment}\n\n{_SENTINEL}"
            html = convert_whole(f"{source}\n\n{context}" if context else source)
            if html.endswith(_SENTINEL_HTML):
                html = html[: -len(_SENTINEL_HTML)]
            else:  # the segment swallowed the sentinel (e.g. an unclosed HTML block); it would
                # swallow definitions after it too, so they go first (they render to nothing)
                html = convert_whole(f"{context}\n\n{segment}" if context else segment) + "\n"
            self._cache[key] = html
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return html

    def whole_html(self, text: str) -> str:
        """A body with footnotes, rendered in one piece (remembered as segments are)."""
        key = (text, WHOLE)
        html = self._cache.get(key)
        if html is None:
            html = self._cache[key] = convert_whole(text)
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return html

    def remembered(self, segment: str, context: str) -> str | None:
        """The HTML remembered for a segment (``context`` WHOLE: a whole body), if any."""
        return self._cache.get((segment, context))

    def remember(self, entries: dict[tuple[str, str], str]) -> None:
        """Take HTML rendered earlier (:mod:`redaction.render.kept`) as if rendered here."""
        for key, html in entries.items():
            self._cache[key] = html
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def render(self, text: str) -> Rendered:
        if _FOOTNOTE.search(text):
            return Rendered((), (), self.whole_html(text), whole=True)
        segments = split_segments(text)
        context = context_of(text)
        raw = [self._segment_html(s, context) for s in segments]
        renamed = heading_ids_pass(segments, raw)
        final = [renamed.get(i, h) for i, h in enumerate(raw)]
        # Python-Markdown strips its output; the segments carry their own separators.
        return Rendered(tuple(segments), tuple(h.strip("\n") for h in final), "".join(final).strip())


_default = BlockRenderer()


def render_body(text: str) -> str:
    """The body HTML: the one renderer shared by the preview and the exports."""
    return _default.render(text).html
