"""The article page as the site publishes it: rubric, date, title, standfirst, byline, body.

``article_page`` builds the HTML document used by the live preview and, with ``standalone``,
the file ``redaction export --format html`` writes (styles inlined, nothing fetched remotely).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from html import escape

from redaction.domain.dates import long_date
from redaction.paths import resource
from redaction.render.markdown import markdown_to_html

_BYLINE = {"fr": "Par", "en": "By"}
_TAGS = {"fr": "Mots-clés", "en": "Tags"}


@dataclass(frozen=True, slots=True)
class PageInfo:
    title: str
    rubric: str
    standfirst: str
    author: str
    language: str
    day: date
    tags: tuple[str, ...] = ()


@cache
def page_css() -> str:
    return resource("preview.css").read_text(encoding="utf-8")


def header_html(info: PageInfo) -> str:
    """Everything above the body, escaped (titles are text, never markup)."""
    lang = info.language if info.language in _BYLINE else "en"
    parts = ['<div class="article-header">']
    if info.rubric:
        parts.append(f'<p class="rubric">{escape(info.rubric)}</p>')
    parts.append(f'<p class="date">{escape(long_date(info.day, lang))}</p>')
    parts.append(f'<h1 class="title">{escape(info.title)}</h1>')
    if info.standfirst:
        parts.append(f'<p class="standfirst">{escape(info.standfirst)}</p>')
    if info.author:
        parts.append(
            f'<p class="byline">{_BYLINE[lang]} <span class="author">{escape(info.author)}</span></p>'
        )
    parts.append("</div>")
    return "\n".join(parts)


def footer_html(info: PageInfo) -> str:
    if not info.tags:
        return ""
    lang = info.language if info.language in _TAGS else "en"
    tags = ", ".join(escape(t) for t in info.tags)
    return (
        f'<p class="tags">{_TAGS[lang]} : {tags}</p>'
        if lang == "fr"
        else f'<p class="tags">{_TAGS[lang]}: {tags}</p>'
    )


def article_page(
    info: PageInfo, body_markdown: str, *, standalone: bool = False, body_html: str | None = None
) -> str:
    """The whole page. ``body_html`` lets a caller reuse a body it already rendered."""
    body = markdown_to_html(body_markdown) if body_html is None else body_html
    content = f'{header_html(info)}\n<div class="article-body">\n{body}\n</div>\n{footer_html(info)}'
    head = f'<meta charset="utf-8">\n<title>{escape(info.title)}</title>\n<style>\n{page_css()}</style>'
    if standalone:
        head = '<meta name="viewport" content="width=device-width, initial-scale=1">\n' + head
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(info.language)}">\n<head>\n{head}\n</head>\n'
        f'<body>\n<article class="article">\n{content}\n</article>\n</body>\n</html>\n'
    )
