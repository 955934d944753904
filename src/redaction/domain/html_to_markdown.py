r"""WordPress HTML (post content, excerpts, comments) turned into the Markdown the editor writes.

WordPress stores text the way people typed it: paragraphs are often separated by blank lines
instead of ``<p>`` tags, and single line breaks are ``<br>`` on the page. :func:`wpautop` adds
the tags the way WordPress's own ``wpautop()`` does before the page is shown, then
markdownify (BeautifulSoup's HTML parser, never an XML one) writes Markdown: ``##`` headings
(an ``<h1>`` in a body becomes ``##``: the article title is the page's only h1), paragraphs,
lists, links, emphasis, block quotes, code, tables and images as ``![alt](src)``.

What a newsroom page must not carry is dropped: scripts, styles, iframes, objects, embeds,
forms, SVG; a ``javascript:`` (or ``data:``, ``vbscript:``) link keeps its text without the link;
text that reads like a tag (``&lt;script&gt;`` in the HTML) is written ``&lt;script>`` so that
the Markdown renderer shows it instead of passing it through as HTML, and text that would start
a block at the start of a line is escaped (``<p>1. Premier point</p>`` is ``1\. Premier point``,
``<p># dowork</p>`` is ``\# dowork``; ``#dowork`` needs nothing, see ``block_syntax``).
The ``[caption]`` shortcode is unwrapped to its image and caption and ``[embed]URL[/embed]``
becomes the URL; other shortcodes stay as text so that nothing is silently lost.
:func:`html_to_text` is the same for comments and excerpts, shown as text: no emphasis marks, no
Markdown escapes, links written "text (url)".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bs4 import BeautifulSoup
from markdownify import MarkdownConverter

from redaction.domain.block_syntax import escape_line_start

_BLOCKS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|"
    "blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|"
    "footer|nav|figure|figcaption|details|menu|summary"
)
# Line breaks inside these are not paragraphs: their insides are set aside while tags are added.
_PROTECTED = re.compile(
    r"(<(pre|script|style|svg|textarea)\b[^>]*>)(.*?)(</\2\s*>)", re.IGNORECASE | re.DOTALL
)
_TAG = re.compile(r"<[^>]*>")
_DOUBLE_BR = re.compile(r"<br\s*/?>\s*<br\s*/?>", re.IGNORECASE)
_BLOCK_OPEN = re.compile(rf"(<(?:{_BLOCKS})[\s/>])", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(rf"(</(?:{_BLOCKS})>)", re.IGNORECASE)
_HR = re.compile(r"<hr\s*/?>", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_EMPTY_P = re.compile(r"<p>\s*</p>")
_P_AROUND_BLOCK = re.compile(rf"<p>\s*(</?(?:{_BLOCKS})[^>]*>)\s*</p>", re.IGNORECASE)
_P_BEFORE_BLOCK = re.compile(rf"<p>\s*(</?(?:{_BLOCKS})[^>]*>)", re.IGNORECASE)
_P_AFTER_BLOCK = re.compile(rf"(</?(?:{_BLOCKS})[^>]*>)\s*</p>", re.IGNORECASE)
_P_BLOCKQUOTE = re.compile(r"<p><blockquote([^>]*)>", re.IGNORECASE)
_LINE_BREAK = re.compile(r"(?<!<br />)\s*\n")
_BR_AFTER_BLOCK = re.compile(rf"(</?(?:{_BLOCKS})[^>]*>)\s*<br />", re.IGNORECASE)
_BR_BEFORE_BLOCK = re.compile(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", re.IGNORECASE)

_CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.IGNORECASE | re.DOTALL)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.IGNORECASE | re.DOTALL)
_DROPPED = ("script", "style", "iframe", "object", "embed", "form", "svg", "noscript", "template", "canvas")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_UNSAFE_LINK = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)
_HARD_BREAK_AT_END = re.compile(r" +\n(\n|$)")  # a line break that ends a paragraph is not one
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
# Elements whose first text starts a line of Markdown (a heading's text follows its "## ").
_LINE_STARTING = frozenset(("p", "div", "li", "blockquote", "dd", "dt", "section", "article", "[document]"))


def wpautop(text: str) -> str:
    """WordPress's ``wpautop()``: blank lines become paragraphs, single line breaks ``<br />``."""
    if not text.strip():
        return ""
    saved: list[str] = []

    def protect(match: re.Match[str]) -> str:
        saved.append(match.group(3))
        return f"{match.group(1)}<wp-protected-{len(saved) - 1}>{match.group(4)}"

    text = _PROTECTED.sub(protect, text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _TAG.sub(lambda m: m.group().replace("\n", " "), text)  # no breaks inside tags
    text = _DOUBLE_BR.sub("\n\n", text + "\n")
    text = _BLOCK_OPEN.sub(r"\n\n\1", text)
    text = _BLOCK_CLOSE.sub(r"\1\n\n", text)
    text = _HR.sub("<hr />\n\n", text)
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    text = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    text = _EMPTY_P.sub("", text)
    text = _P_AROUND_BLOCK.sub(r"\1", text)
    text = _P_BLOCKQUOTE.sub(r"<blockquote\1><p>", text).replace("</blockquote></p>", "</p></blockquote>")
    text = _P_BEFORE_BLOCK.sub(r"\1", text)
    text = _P_AFTER_BLOCK.sub(r"\1", text)
    text = _LINE_BREAK.sub("<br />\n", text)
    text = _BR_AFTER_BLOCK.sub(r"\1", text)
    text = _BR_BEFORE_BLOCK.sub(r"\1", text)
    return re.sub(r"<wp-protected-(\d+)>", lambda m: saved[int(m.group(1))], text)


def _shortcodes(text: str) -> str:
    text = _CAPTION.sub(r"\1", text)
    return _EMBED.sub(lambda m: f"\n\n{m.group(1).strip()}\n\n", text)


class _Converter(MarkdownConverter):
    """markdownify with the newsroom's choices (see the module docstring)."""

    # Text that reads "<script>" must stay text: Markdown would pass it through as raw HTML.
    escape_tags = True
    convert_hN: Callable[..., str]  # markdownify's own, missing from its type stubs

    def escape(self, text: str, parent_tags: set[str]) -> str:
        text = str(super().escape(text, parent_tags))  # type: ignore[misc]  # not in markdownify's stubs
        return _TAG_START.sub("&lt;", text) if self.escape_tags else text

    def process_text(self, el: Any, parent_tags: set[str] | None = None) -> str:
        text = str(super().process_text(el, parent_tags))  # type: ignore[misc]
        if not self.escape_tags or "_noformat" in (parent_tags or ()):
            return text
        # Text that starts a line must not start a block: "<p>1. Premier point</p>" is a
        # sentence, not a list. At the start of a block any marker counts; after a line break
        # only what would interrupt the paragraph (a heading, a quote, "- …", "1. …").
        previous = el.previous_sibling
        at_block_start = previous is None and getattr(el.parent, "name", None) in _LINE_STARTING
        after_break = getattr(previous, "name", None) == "br"
        lines = text.split("\n")
        if at_block_start or after_break:
            lines[0] = escape_line_start(lines[0], block_start=at_block_start)
        lines[1:] = [escape_line_start(line, block_start=False) for line in lines[1:]]
        return "\n".join(lines)

    def convert_a(self, el: Any, text: str, parent_tags: set[str]) -> str:
        href = el.get("href")
        if href and _UNSAFE_LINK.match(href):
            del el["href"]
        return str(super().convert_a(el, text, parent_tags))  # type: ignore[misc]

    def convert_img(self, el: Any, text: str, parent_tags: set[str]) -> str:
        if _UNSAFE_LINK.match(el.attrs.get("src", "") or ""):
            return str(el.attrs.get("alt", "") or "")
        return str(super().convert_img(el, text, parent_tags))  # type: ignore[misc]

    def convert_h1(self, el: Any, text: str, parent_tags: set[str]) -> str:
        return str(self.convert_hN(2, el, text, parent_tags))


def _convert(html: str, converter_class: type[_Converter] = _Converter, **options: Any) -> str:
    soup = BeautifulSoup(wpautop(_shortcodes(html)), "html.parser")
    for element in soup.find_all(_DROPPED):
        element.decompose()
    converter = converter_class(heading_style="ATX", bullets="-", **options)
    markdown = converter.convert_soup(soup)
    lines = [line.rstrip() if not line.endswith("  ") else line for line in markdown.split("\n")]
    markdown = _HARD_BREAK_AT_END.sub(r"\n\1", "\n".join(lines) + "\n")
    return _BLANK_LINES.sub("\n\n", markdown).strip()


def html_to_markdown(html: str) -> str:
    """The Markdown of an article body or excerpt written in WordPress HTML."""
    return _convert(html)


class _TextConverter(_Converter):
    """For text shown as text: no emphasis marks, links as "text (url)" or the bare URL."""

    escape_tags = False

    def convert_a(self, el: Any, text: str, parent_tags: set[str]) -> str:
        href = (el.get("href") or "").strip()
        text = text.strip()
        if not href or _UNSAFE_LINK.match(href) or href == text:
            return text
        return f"{text} ({href})" if text else href

    def _plain(self, el: Any, text: str, parent_tags: set[str]) -> str:
        return text

    convert_b = convert_strong = convert_i = convert_em = convert_del = convert_s = _plain


def html_to_text(html: str) -> str:
    """A comment's (or an excerpt's) text: paragraphs, line breaks, quotes and lists kept, links
    written "text (url)", no emphasis marks and no Markdown escapes (it is shown as text)."""
    text = _convert(html, _TextConverter, escape_asterisks=False, escape_underscores=False)
    return text.replace("  \n", "\n")
