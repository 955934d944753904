"""Exporting articles: Markdown that re-imports identically, standalone HTML pages."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from pathlib import Path

import pytest

from redaction.services.articles.editing import create_article_in, get_article_in
from redaction.services.articles.values import ArticleDetail, ArticleFields
from redaction.services.exchange.export import ExportRefusedError, export_articles
from redaction.services.exchange.importing import import_files
from redaction.storage.database import Database

TRICKY = [
    ArticleFields(
        title='Économie : « la crise » n\'est pas "finie"',
        rubric="Économie",
        standfirst="Un chapeau\nsur deux lignes : avec deux-points.\n",
        tags=("pêche", "Lorient", "l’été"),
        author="Aïcha Benali",
        language="fr",
        status="published",
        body="## Intertitre\n\n- un\n- deux\n\n> Citation\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    ),
    ArticleFields(title="yes", body=""),  # empty rubric, author, tags, standfirst, body
    ArticleFields(
        title="--- # not: yaml ---",
        standfirst="  espaces  ",
        language="en",
        status="archived",
        body="\n\nStarts with blank lines\nand ends without a newline",
    ),
    ArticleFields(title="Brouillon", status="in review", body="---\nnot front matter\n---\n"),
]


def fill(db: Database) -> list[ArticleDetail]:
    created = datetime(2025, 4, 19, 8, 30, 15, 123456, tzinfo=UTC)
    with db.session() as session:
        ids = []
        for n, fields in enumerate(TRICKY):
            published = datetime(2025, 5, 1, tzinfo=UTC) if fields.status == "archived" else None
            article = create_article_in(
                session, fields, created_at=created.replace(day=n + 1), published_at=published
            )
            ids.append(article.id)
    with db.session() as session:
        return [get_article_in(session, i) for i in ids]


def test_markdown_export_reimports_every_field_exactly(db: Database, tmp_path: Path) -> None:
    originals = fill(db)
    result = export_articles(db, tmp_path / "out", "md")
    assert result.count == len(TRICKY)
    other = Database.open(tmp_path / "empty.db")
    try:
        assert import_files(other, sorted((tmp_path / "out").glob("*.md"))).articles == len(TRICKY)
        with other.session() as session:
            copies = {a.uuid: a for a in (get_article_in(session, i) for i in range(1, len(TRICKY) + 1))}
    finally:
        other.close()
    for original in originals:
        copy = copies[original.uuid]
        assert copy.fields == original.fields
        assert copy.slug == original.slug
        assert copy.created_at == original.created_at
        assert copy.published_at == original.published_at
        assert copy.word_count == original.word_count


def test_markdown_file_is_readable(db: Database, tmp_path: Path) -> None:
    fill(db)
    export_articles(db, tmp_path / "out", "md")
    text = (tmp_path / "out" / "economie-la-crise-n-est-pas-finie.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 'Économie : « la crise » n''est pas \"finie\"'\nrubric: Économie\n")
    assert "date: '2025-04-01T08:30:15.123456Z'\nstatus: published\nlanguage: fr\n" in text
    assert "tags:\n- pêche\n- Lorient\n- l’été\n" in text
    assert text.endswith("---\n\n" + TRICKY[0].body)


def test_html_export_is_a_standalone_page_with_escaped_title(db: Database, tmp_path: Path) -> None:
    fill(db)
    result = export_articles(db, tmp_path / "site", "html", status="published")
    assert result.count == 1
    page = (tmp_path / "site" / "economie-la-crise-n-est-pas-finie.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert f'<h1 class="title">{escape(TRICKY[0].title)}</h1>' in page
    assert "<h2 id=" in page and "<blockquote>" in page and "<table>" in page
    assert "mardi 1er avril 2025" in page
    assert '<meta name="viewport"' in page and "<style>" in page


def test_duplicate_slugs_get_numbered(db: Database, tmp_path: Path) -> None:
    with db.session() as session:
        for _ in range(3):
            create_article_in(session, ArticleFields(title="Même titre"))
        create_article_in(session, ArticleFields(title="Même titre 2"))
    assert export_articles(db, tmp_path / "out", "md").count == 4
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["meme-titre-2-2.md", "meme-titre-2.md", "meme-titre-3.md", "meme-titre.md"]


def test_status_filter_and_missing_folder_is_created(db: Database, tmp_path: Path) -> None:
    fill(db)
    out = tmp_path / "a" / "b"
    assert export_articles(db, out, "md", status="in_review").count == 1
    assert [p.name for p in out.iterdir()] == ["brouillon.md"]


def test_export_to_a_file_or_with_a_bad_status_is_refused(db: Database, tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("keep me")
    with pytest.raises(ExportRefusedError, match="it is a file, not a folder"):
        export_articles(db, target, "md")
    with pytest.raises(ExportRefusedError, match="unknown article status"):
        export_articles(db, tmp_path / "x", "md", status="live")
    assert target.read_text() == "keep me"
    assert not (tmp_path / "x").exists()


def test_images_that_cannot_be_exported_are_warned_and_shown_as_placeholders(
    db: Database, tmp_path: Path
) -> None:
    from redaction.services.articles.images import ImageStore
    from tests.image_samples import PNG

    stored = ImageStore(db).add_bytes(PNG, "port.png")
    with db.session() as session:
        create_article_in(
            session,
            ArticleFields(
                title="Le marché",
                language="fr",
                body=(
                    f"![Le port]({stored.url})\n\n![Les étals](images/marche.jpg)\n\n"
                    f"![Photo perdue](image:{'0' * 16})\n\n![Le phare](https://example.org/phare.jpg)"
                ),
            ),
        )
        create_article_in(session, ArticleFields(title="Sans image", body="Rien à voir."))
    result = export_articles(db, tmp_path / "site", "html")
    assert result.count == 2
    assert result.warnings == (
        "le-marche.html: image not found: images/marche.jpg",
        f"le-marche.html: image not found: image:{'0' * 16}",
    )
    page = (tmp_path / "site" / "le-marche.html").read_text(encoding="utf-8")
    assert "Image introuvable\u00a0: Les étals</span>" in page
    assert "Image introuvable\u00a0: Photo perdue</span>" in page
    assert 'src="images/marche.jpg"' not in page  # no broken image left on the page
    assert '<img alt="Le phare" src="https://example.org/phare.jpg"' in page  # the web keeps it
    assert f'src="images/{stored.sha256}.png"' in page
    md = export_articles(db, tmp_path / "md", "md")
    assert md.warnings == tuple(w.replace(".html", ".md") for w in result.warnings)
    assert "![Les étals](images/marche.jpg)" in (tmp_path / "md" / "le-marche.md").read_text("utf-8")
