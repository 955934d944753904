"""Images: stored once per content, refused by content and size, exported beside the pages."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redaction.domain.image_refs import parse_image_url
from redaction.domain.images import MB
from redaction.services.articles.editing import create_article_in, get_article_in
from redaction.services.articles.images import ImageRefusedError, ImageStore, image_resource, markdown_image
from redaction.services.articles.values import ArticleFields
from redaction.services.exchange.export import export_articles
from redaction.services.exchange.importing import ImportRefusedError, import_files
from redaction.storage.database import Database
from redaction.storage.models import Image
from tests.image_samples import GIF, JPEG, PNG

PNG_SHA = hashlib.sha256(PNG).hexdigest()


def image_count(db: Database) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(Image)).scalar_one()


def test_same_content_is_stored_once_whatever_its_name(db: Database) -> None:
    store = ImageStore(db)
    first = store.add_bytes(PNG, "port.png")
    again = store.add_bytes(PNG, "copie du port.png")
    other = store.add_bytes(JPEG, "quai.jpg")
    assert first.created and not again.created and other.created
    assert first.sha256 == again.sha256 == PNG_SHA
    assert (first.mime, first.width, first.height, first.size) == ("image/png", 3, 2, len(PNG))
    assert first.url == f"image:{PNG_SHA[:16]}"
    assert again.original_name == "port.png"  # the first name is kept
    assert image_count(db) == 2


def test_markdown_reference_uses_the_file_name_as_first_alt_text(db: Database) -> None:
    stored = ImageStore(db).add_bytes(GIF, "port-de_Brest.gif")
    assert stored.markdown() == f"![port de Brest]({stored.url})"
    assert markdown_image("a [b] c", "image:x") == r"![a \[b\] c](image:x)"


def test_fake_broken_and_oversized_images_are_refused_and_nothing_is_stored(
    db: Database, tmp_path: Path
) -> None:
    store = ImageStore(db)
    fake = tmp_path / "image.png"
    fake.write_text("I am text pretending to be a PNG\n")
    with pytest.raises(ImageRefusedError, match=r"^image\.png is not a PNG, JPEG, GIF or WebP image"):
        store.add_file(fake)
    broken = tmp_path / "cut.jpg"
    broken.write_bytes(JPEG[: len(JPEG) // 2])
    with pytest.raises(ImageRefusedError, match=r"^cut\.jpg is a damaged JPEG image: the file is truncated$"):
        store.add_file(broken)
    huge = tmp_path / "image.png"
    with huge.open("wb") as fh:  # sparse: refused from its size, never read
        fh.write(PNG)
        fh.truncate(int(14.2 * MB))
    with pytest.raises(ImageRefusedError) as caught:
        store.add_file(huge)
    assert str(caught.value) == "image.png is 14.2 MB; the limit is 10 MB"
    with pytest.raises(ImageRefusedError, match=r"cannot read gone\.png"):
        store.add_file(tmp_path / "gone.png")
    assert image_count(db) == 0


def test_the_limit_is_a_setting_of_the_store(db: Database) -> None:
    with pytest.raises(ImageRefusedError, match="is 632 bytes; the limit is 100 bytes"):
        ImageStore(db, limit=100).add_bytes(JPEG, "a.jpg")


def test_image_resource_answers_image_urls_only(db: Database) -> None:
    stored = ImageStore(db).add_bytes(PNG, "a.png")
    assert image_resource(db, stored.url) == PNG
    assert image_resource(db, f"image:{PNG_SHA}") == PNG  # the full hash works too
    assert image_resource(db, "image:" + "0" * 16) is None
    assert image_resource(db, "https://example.com/a.png") is None
    assert image_resource(db, "image:../../etc/passwd") is None
    assert parse_image_url("IMAGE:" + PNG_SHA[:16].upper()) == PNG_SHA[:16]


def article_with_images(db: Database) -> tuple[str, str]:
    store = ImageStore(db)
    png, gif = store.add_bytes(PNG, "port.png"), store.add_bytes(GIF, "quai.gif")
    body = (
        f"## Le port\n\n{png.markdown('Le port')}\n\nTexte et {gif.markdown('le quai')} "
        f"puis encore {png.markdown('Le port')}.\n\n![absent](image:{'0' * 16})\n"
    )
    with db.session() as s:
        create_article_in(s, ArticleFields(title="Le port", body=body, status="published"))
    return png.sha256, gif.sha256


def test_html_export_writes_images_beside_the_page_and_points_at_them(db: Database, tmp_path: Path) -> None:
    png_sha, gif_sha = article_with_images(db)
    export_articles(db, tmp_path / "out", "html")
    html = (tmp_path / "out" / "le-port.html").read_text(encoding="utf-8")
    assert f'src="images/{png_sha}.png"' in html
    assert f'src="images/{gif_sha}.gif"' in html
    # unknown: a placeholder naming it, not a broken image
    assert f'title="image:{"0" * 16}">Image introuvable\u00a0: absent</span>' in html
    assert "image:" + png_sha[:16] not in html
    assert (tmp_path / "out" / "images" / f"{png_sha}.png").read_bytes() == PNG
    assert (tmp_path / "out" / "images" / f"{gif_sha}.gif").read_bytes() == GIF
    assert sorted(p.name for p in (tmp_path / "out" / "images").iterdir()) == sorted(
        [f"{png_sha}.png", f"{gif_sha}.gif"]
    )


def test_markdown_export_and_import_carry_images_to_another_database(db: Database, tmp_path: Path) -> None:
    png_sha, _ = article_with_images(db)
    export_articles(db, tmp_path / "out", "md")
    text = (tmp_path / "out" / "le-port.md").read_text(encoding="utf-8")
    assert f"![Le port](images/{png_sha}.png)" in text
    other = Database.open(tmp_path / "other.db")
    try:
        import_files(other, [tmp_path / "out" / "le-port.md"])
        with db.session() as s:
            original = get_article_in(s, 1).fields.body
        with other.session() as s:
            assert get_article_in(s, 1).fields.body == original  # image:<hash> again
        assert image_count(other) == 2
        assert image_resource(other, f"image:{png_sha[:16]}") == PNG
    finally:
        other.close()


def test_import_stores_images_beside_the_file_and_refuses_fake_ones(db: Database, tmp_path: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "quai du port.jpg").write_bytes(JPEG)
    (tmp_path / "secret.png").write_bytes(PNG)
    doc = tmp_path / "articles" / "a.md"
    doc.parent.mkdir()
    (tmp_path / "articles" / "photos").symlink_to(tmp_path / "photos")
    doc.write_text(
        '---\ntitle: Quai\n---\n![Le quai](photos/quai%20du%20port.jpg "titre")\n'
        "![dehors](../secret.png) ![web](https://example.com/x.png) ![absent](nope.png)\n",
        encoding="utf-8",
    )
    # the symlinked folder resolves outside the article's folder: not read
    import_files(db, [doc])
    with db.session() as s:
        assert "photos/quai%20du%20port.jpg" in get_article_in(s, 1).fields.body
    (tmp_path / "articles" / "photos").unlink()
    (tmp_path / "articles" / "photos").mkdir()
    (tmp_path / "articles" / "photos" / "quai du port.jpg").write_bytes(JPEG)
    doc.write_text(doc.read_text(encoding="utf-8").replace("Quai", "Quai 2"), encoding="utf-8")
    import_files(db, [doc])
    jpeg_prefix = hashlib.sha256(JPEG).hexdigest()[:16]
    with db.session() as s:
        body = get_article_in(s, 2).fields.body
    assert f'![Le quai](image:{jpeg_prefix} "titre")' in body
    assert "![dehors](../secret.png) ![web](https://example.com/x.png) ![absent](nope.png)" in body
    assert image_count(db) == 1

    (tmp_path / "articles" / "fake.png").write_text("not an image")
    bad = tmp_path / "articles" / "b.md"
    bad.write_text("---\ntitle: B\n---\n![x](fake.png)\n", encoding="utf-8")
    with pytest.raises(ImportRefusedError, match=re.escape(f"cannot import {bad}: fake.png is not a PNG")):
        import_files(db, [bad])
