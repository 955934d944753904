"""What the site tests do as a reader or as someone on the site's admin would: read the public
page, post a comment through the site's own form, look at a comment or a post through the REST
API, and the newsroom's seed article."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from typing import Any

import httpx

from redaction.domain.typography import apply_typography
from redaction.services.articles.editing import create_article
from redaction.services.articles.values import ArticleDetail, ArticleFields
from redaction.services.demo.articles import ARTICLES
from redaction.storage.database import Database
from tests.site.wordpress import LocalWordPress


def seed_fields(title_suffix: str = "") -> ArticleFields:
    """The seed's French portrait (rubric, standfirst, sub-headings, French typography), ready."""
    demo = ARTICLES[0]
    return ArticleFields(
        title=demo.title + title_suffix,
        rubric=demo.rubric,
        standfirst=apply_typography(demo.standfirst),
        tags=demo.tags,
        author=demo.author,
        language=demo.language,
        status="ready",
        body=apply_typography(demo.body),
    )


def seed_article(db: Database, title_suffix: str = "", **changes: Any) -> ArticleDetail:
    return create_article(db, replace(seed_fields(title_suffix), **changes), actor="Claire Vasseur")


def headings(markdown: str) -> list[str]:
    return [line[3:].strip() for line in markdown.splitlines() if line.startswith("## ")]


def public_text(url: str) -> str:
    """The public page as a reader's browser gets it, tags removed and entities decoded."""
    page = httpx.get(url, timeout=30.0, follow_redirects=True)
    page.raise_for_status()
    # Runs of ordinary white space only: no-break spaces are part of French typography.
    return re.sub(r"[ \t\r\n]+", " ", unescape(re.sub(r"<[^>]+>", " ", page.text)))


def post_reader_comment(
    site: LocalWordPress, post_id: int, body: str, author: str, email: str, parent: int = 0, url: str = ""
) -> int:
    """A reader's comment sent through the article page's form (wp-comments-post.php)."""
    answer = httpx.post(
        f"{site.url}/wp-comments-post.php",
        data={
            "comment": body,
            "author": author,
            "email": email,
            "url": url,
            "comment_post_ID": str(post_id),
            "comment_parent": str(parent),
        },
        timeout=30.0,
    )
    assert answer.status_code == 302, answer.text[:500]
    match = re.search(r"#comment-(\d+)", answer.headers["Location"])
    assert match, answer.headers["Location"]
    return int(match.group(1))


def rest(site: LocalWordPress, method: str, route: str, **kwargs: Any) -> Any:
    """A request to the site's REST API as its administrator (what someone does on the site)."""
    answer = httpx.request(
        method, f"{site.url}/wp-json/{route}", auth=(site.user, site.app_password), timeout=30.0, **kwargs
    )
    assert answer.status_code < 300, answer.text[:500]
    return answer.json()


def site_comment(site: LocalWordPress, wp_id: int) -> dict[str, Any]:
    return rest(site, "GET", f"wp/v2/comments/{wp_id}", params={"context": "edit"})
