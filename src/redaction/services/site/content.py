"""An article as a WordPress post, and a WordPress post as article fields.

The body goes through the preview's renderer (:func:`redaction.render.markdown.markdown_to_html`),
so the site shows what the preview showed. The post's HTML is wrapped in a Custom HTML block
(``<!-- wp:html -->``): WordPress then leaves it as it is instead of running ``wpautop`` over it,
which would turn the soft line breaks of a paragraph into ``<br>``. Inside it: a marker naming
the article's uuid (how a post created just before a crash is recognised instead of created
twice), a ``<div lang="fr">`` carrying the article's language, the byline ("Par …", as on the
preview), then the body with every ``image:<hash>`` pointing at the image's copy in the site's
media library. The title and the standfirst (the excerpt) are text, escaped.

The way back (:func:`fields_of_post`) serves conflicts and comments on posts redaction did not
publish: the marker, the wrapper and the byline are taken off again, the body goes back to
Markdown through the WordPress importer's converter, and media addresses we uploaded become
``image:<hash>`` again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from html import escape, unescape
from typing import Any

from redaction.domain.html_to_markdown import html_to_markdown, html_to_text
from redaction.domain.image_refs import PREFIX_LENGTH, SCHEME
from redaction.render.markdown import markdown_to_html
from redaction.services.articles.values import ArticleFields

BYLINE = {"fr": "Par", "en": "By"}
_MARKER = re.compile(r"<!-- redaction:([0-9a-f-]{36}) -->\n?")
_BLOCK = re.compile(r"<!-- /?wp:html -->\n?")
_WRAPPER = re.compile(r'^\s*<div class="redaction-article" lang="([a-z]{2})">\n?(.*)\n?</div>\s*$', re.DOTALL)
_BYLINE = re.compile(r'^\s*<p class="byline">[^<]*<span class="author">(.*?)</span></p>\n?', re.DOTALL)
_IMAGE_SRC = re.compile(rf'(src=")({SCHEME}:([0-9a-f]{{{PREFIX_LENGTH},64}}))(")')


def marker(uuid: str) -> str:
    return f"<!-- redaction:{uuid} -->"


def image_prefixes(body_html: str) -> list[str]:
    """The ``image:`` hash prefixes a rendered body uses, each once, in order."""
    return list(dict.fromkeys(m.group(3) for m in _IMAGE_SRC.finditer(body_html)))


def render_body(fields: ArticleFields) -> str:
    return markdown_to_html(fields.body)


def post_content(fields: ArticleFields, uuid: str, body_html: str, media: Mapping[str, str]) -> str:
    """The post's HTML. ``media`` maps an image hash prefix to its address on the site."""
    body = _IMAGE_SRC.sub(
        lambda m: m.group(1) + escape(media.get(m.group(3), m.group(2))) + m.group(4), body_html
    )
    lang = fields.language if fields.language in BYLINE else "en"
    byline = (
        f'<p class="byline">{BYLINE[lang]} <span class="author">{escape(fields.author)}</span></p>\n'
        if fields.author
        else ""
    )
    return (
        f'{marker(uuid)}\n<!-- wp:html -->\n<div class="redaction-article" lang="{escape(fields.language)}">\n'
        f"{byline}{body}\n</div>\n<!-- /wp:html -->"
    )


def wordpress_date(moment: datetime) -> str:
    """WordPress's ``date_gmt``: ISO 8601 without a zone, in UTC."""
    return moment.astimezone(UTC).replace(tzinfo=None, microsecond=0).isoformat()


def parse_wordpress_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        return None


def post_payload(
    fields: ArticleFields,
    uuid: str,
    slug: str,
    body_html: str,
    media: Mapping[str, str],
    published_at: datetime,
    categories: list[int],
    tags: list[int],
    now: datetime,
) -> dict[str, Any]:
    """What ``POST /wp/v2/posts`` receives; a date in the future schedules the post."""
    return {
        "title": escape(fields.title, quote=False),
        "content": post_content(fields, uuid, body_html, media),
        "excerpt": escape(fields.standfirst, quote=False),
        "slug": slug,
        "status": "future" if published_at > now else "publish",
        "date_gmt": wordpress_date(published_at),
        "categories": categories,
        "tags": tags,
    }


def raw_field(post: Mapping[str, Any], key: str) -> str:
    value = post.get(key)
    if isinstance(value, dict):
        return str(value.get("raw", value.get("rendered", "")) or "")
    return str(value or "")


def uuid_in(content: str) -> str | None:
    match = _MARKER.search(content)
    return match.group(1) if match else None


def fields_of_post(
    post: Mapping[str, Any],
    rubric: str,
    tags: tuple[str, ...],
    media_back: Mapping[str, str],
    defaults: ArticleFields | None = None,
    status: str = "published",
) -> ArticleFields:
    """A post (``context=edit``) as article fields. ``media_back`` maps a media address on the
    site to its ``image:<hash>``; ``defaults`` supplies what a post does not carry."""
    base = defaults or ArticleFields()
    content = _BLOCK.sub("", _MARKER.sub("", raw_field(post, "content")))
    language, author = base.language, base.author
    wrapped = _WRAPPER.match(content)
    if wrapped:
        language, content = wrapped.group(1), wrapped.group(2)
        byline = _BYLINE.match(content)
        if byline:
            author, content = unescape(byline.group(1)), content[byline.end() :]
    for address, image in media_back.items():
        content = content.replace(f'src="{escape(address)}"', f'src="{image}"').replace(
            f'src="{address}"', f'src="{image}"'
        )
    return ArticleFields(
        title=unescape(raw_field(post, "title")).strip(),
        rubric=rubric,
        standfirst=html_to_text(raw_field(post, "excerpt")).strip(),
        tags=tags,
        author=author,
        language=language,
        status=status,
        body=html_to_markdown(content),
    )
