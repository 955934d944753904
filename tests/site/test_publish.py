"""What a published article looks like on the site: every field in its place, images uploaded
once, scheduling and unpublishing."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import select

from redaction.domain.dates import utcnow
from redaction.services.articles.images import ImageStore
from redaction.services.site.publish import publish_articles, unpublish_articles
from redaction.services.site.sync import push_outbox
from redaction.storage.database import Database
from redaction.storage.models import SiteMedia, SitePost
from tests.image_samples import PNG
from tests.site.helpers import public_text, rest, seed_article
from tests.site.wordpress import LocalWordPress


def _post(db: Database, site: LocalWordPress, article_id: int) -> dict:
    with db.session() as s:
        post_id = s.execute(select(SitePost.post_id).where(SitePost.article_id == article_id)).scalar_one()
    return rest(site, "GET", f"wp/v2/posts/{post_id}", params={"context": "edit", "_embed": "wp:term"})


def test_every_field_lands_in_its_place_and_images_are_uploaded_once(
    site_db: Database, site: LocalWordPress
) -> None:
    image = ImageStore(site_db).add_bytes(PNG, "port-de-lorient.png")
    first = seed_article(site_db, " (photo)", rubric="Vie locale", tags=("Saint-Aubin", "photo du jour"))
    second = seed_article(site_db, " (photo, suite)")
    for article in (first, second):
        from dataclasses import replace

        from redaction.services.articles.editing import save_article

        save_article(
            site_db,
            article.id,
            replace(article.fields, body=article.fields.body + f"\n\n{image.markdown()}\n"),
            article.version,
        )
    publish_articles(site_db, [first.id, second.id], "Claire Vasseur")
    result = push_outbox(site_db)
    assert result.sent == 2

    post = _post(site_db, site, first.id)
    assert post["excerpt"]["raw"] == first.fields.standfirst.replace("<", "&lt;")
    assert post["slug"] == first.slug
    terms = {t["taxonomy"]: [] for group in post["_embedded"]["wp:term"] for t in group}
    for group in post["_embedded"]["wp:term"]:
        for term in group:
            terms[term["taxonomy"]].append(term["name"])
    assert terms["category"] == ["Vie locale"]  # the rubric, created on the site
    assert sorted(terms["post_tag"]) == ["Saint-Aubin", "photo du jour"]
    assert 'lang="fr"' in post["content"]["raw"]

    with site_db.session() as s:
        (media,) = s.execute(select(SiteMedia)).scalars().all()
    found = rest(site, "GET", "wp/v2/media", params={"search": image.sha256})
    assert [m["id"] for m in found] == [media.media_id]  # one upload for two articles
    for article in (first, second):
        assert f'src="{media.url}"' in _post(site_db, site, article.id)["content"]["raw"]
    assert httpx.get(media.url).content == PNG
    page = httpx.get(result.links[first.id]).text
    assert media.url in page and "Vie locale" in page


def test_a_future_date_schedules_the_post_and_unpublishing_makes_it_a_draft(
    site_db: Database, site: LocalWordPress
) -> None:
    later = seed_article(site_db, " (demain)")
    (queued,) = publish_articles(site_db, [later.id], "Claire Vasseur", at=utcnow() + timedelta(days=1))
    assert queued.scheduled is not None
    result = push_outbox(site_db)
    post = _post(site_db, site, later.id)
    assert post["status"] == "future"
    assert result.links[later.id].endswith(f"/{post['slug']}/")  # its address-to-be
    assert httpx.get(result.links[later.id]).status_code == 404  # not public yet

    now = seed_article(site_db, " (retiré)")
    publish_articles(site_db, [now.id], "Claire Vasseur")
    url = push_outbox(site_db).links[now.id]
    assert now.fields.title in public_text(url)
    unpublish_articles(site_db, [now.id], "Claire Vasseur")
    assert push_outbox(site_db).sent == 1
    assert _post(site_db, site, now.id)["status"] == "draft"
    assert httpx.get(url).status_code == 404
