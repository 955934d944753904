"""Importing WordPress exports: articles and threaded comments come in once, hostile files are
refused in one line, and the real exports of the shared corpus give the numbers it documents."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from redaction.domain.moderation_rules import RuleSet
from redaction.services.articles.editing import get_article_in
from redaction.services.exchange.importing import ImportRefusedError, import_files, importer_for
from redaction.services.exchange.wxr_import import import_wordpress, read_wordpress
from redaction.services.moderation.rules import save_rules
from redaction.storage.database import Database
from redaction.storage.models import Article, Comment, ModerationEvent

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "wxr"
WXR_10 = FIXTURES / "wxr-1.0-http.xml"
WXR_12 = FIXTURES / "wxr-1.2-https.xml"
CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "wxr"


def articles(db: Database) -> dict[str, Article]:
    with db.session() as session:
        return {a.title: a for a in session.execute(select(Article)).unique().scalars()}


def comments(db: Database) -> dict[str, Comment]:
    """Comments by their WordPress comment id (the last part of the source id)."""
    with db.session() as session:
        rows = session.execute(select(Comment)).scalars()
        return {(c.source_id or "").rsplit(":", 1)[-1]: c for c in rows}


def test_xml_files_go_to_the_wordpress_importer() -> None:
    assert importer_for(Path("export.XML")) is read_wordpress


def test_a_wxr_10_post_becomes_an_article_with_markdown_body(db: Database) -> None:
    summary = import_wordpress(db, WXR_10)
    assert (summary.articles_created, summary.articles_existing) == (1, 0)
    article = articles(db)["Port de Lorient : la pêche face au gazole"]
    with db.session() as session:
        detail = get_article_in(session, article.id)
    assert detail.fields.rubric == "Économie"
    assert detail.fields.tags == ("pêche", "Lorient")
    assert detail.fields.author == "tlegall"
    assert detail.fields.language == "fr"
    assert detail.fields.status == "published"
    assert detail.slug == "port-de-lorient"
    assert detail.created_at == detail.published_at == datetime(2010, 3, 15, 7, 30, tzinfo=UTC)
    # No <p> in the source: blank lines are paragraphs, a single line break stays a break.
    assert detail.fields.body == (
        "Le prix du litre a pris **38 centimes** en un an.  \n"
        "Les patrons pêcheurs font leurs comptes.\n\n"
        "## Des marges rognées\n\n"
        "Un chalutier de 20 mètres consomme [1 000 litres](http://stats.example/gazole) par jour."
    )


def test_comments_are_threaded_even_when_the_parent_comes_later(db: Database) -> None:
    summary = import_wordpress(db, WXR_10)
    assert (summary.reader_comments, summary.replies, summary.pingbacks) == (3, 1, 1)
    assert summary.orphaned_replies == 1
    found = comments(db)
    assert found["31"].parent_id == found["30"].id
    assert found["32"].parent_id is None  # its parent 999 is not in the file
    assert found["30"].body == "Merci pour cet article.\nMon père était patron pêcheur."
    assert (found["30"].author_name, found["30"].author_email) == ("Anne Le Bras", "anne@example.fr")
    assert (found["30"].author_url, found["30"].author_ip) == ("http://anne.example", "192.0.2.30")
    assert found["30"].created_at == datetime(2010, 3, 15, 8, 40, tzinfo=UTC)
    assert found["30"].source_id == "wxr:courrier.example:12:30"
    assert (found["33"].kind, found["33"].status) == ("pingback", "approved")
    assert found["32"].status == "pending"


def test_a_site_that_moved_to_https_is_the_same_site(db: Database, tmp_path: Path) -> None:
    import_wordpress(db, WXR_10)
    text = WXR_10.read_text(encoding="utf-8")
    for element in ("link", "wp:base_site_url", "wp:base_blog_url"):  # guids never change
        text = text.replace(f"<{element}>http://courrier.example/", f"<{element}>https://courrier.example/")
    moved = tmp_path / "after-the-move.xml"
    moved.write_text(text, encoding="utf-8")
    again = import_wordpress(db, moved)
    assert (again.articles_created, again.reader_comments, again.comments_existing) == (0, 0, 4)


def test_pages_attachments_and_their_comments_are_skipped_and_counted(db: Database) -> None:
    summary = import_wordpress(db, WXR_10)
    assert summary.skipped_items == {"page": 1, "attachment": 1}
    assert summary.skipped_comments == 1
    assert "skipped items: 1 attachment, 1 page (with 1 comment)" in summary.lines()
    assert "À propos" not in articles(db)
    assert "40" not in comments(db)


def test_importing_the_same_file_twice_adds_nothing(db: Database) -> None:
    import_wordpress(db, WXR_12)
    before = (articles(db).keys(), {k: (c.status, c.parent_id) for k, c in comments(db).items()})
    again = import_wordpress(db, WXR_12)
    assert (again.articles_created, again.articles_existing) == (0, 5)
    assert (again.reader_comments, again.pingbacks, again.trackbacks) == (0, 0, 0)
    assert again.comments_existing == 6
    after = (articles(db).keys(), {k: (c.status, c.parent_id) for k, c in comments(db).items()})
    assert after == before


def test_wxr_12_https_cdata_statuses_and_types(db: Database) -> None:
    summary = import_wordpress(db, WXR_12)
    assert summary.articles_created == 5
    by_title = articles(db)
    assert {t: a.status for t, a in by_title.items()} == {
        "Ferry schedule: winter timetable": "published",
        "(no title)": "draft",
        "Harbour master's private notes": "archived",
        "Christmas market": "ready",
        "Lifeboat volunteers": "in_review",
    }
    ferry = by_title["Ferry schedule: winter timetable"]
    with db.session() as session:
        detail = get_article_in(session, ferry.id)
    assert detail.fields.author == "Hervé Guégan"
    assert detail.fields.rubric == "Island life"
    assert detail.fields.tags == ("ferry",)
    assert detail.fields.standfirst == "New times from Monday."
    assert detail.fields.language == "en"
    assert "tracking" not in detail.fields.body and "wp:paragraph" not in detail.fields.body
    assert "- 07:45 from Lorient\n- 17:30 from Groix" in detail.fields.body
    assert "> Book early in the holidays." in detail.fields.body
    assert "![The ferry at Port-Tudy](https://gazette.example/ferry.jpg)" in detail.fields.body
    # Two posts share a guid (a copied post): they stay two articles.
    assert by_title["(no title)"].uuid != ferry.uuid
    found = comments(db)
    assert {k: (c.kind, c.status) for k, c in found.items()} == {
        "501": ("comment", "approved"),
        "502": ("comment", "pending"),
        "503": ("comment", "approved"),  # approved by the rules: Sarah was approved before
        "504": ("comment", "spam"),
        "505": ("comment", "trash"),
        "506": ("trackback", "approved"),
    }
    assert summary.skipped_comment_types == {"order_note": 1}
    assert (summary.reader_comments, summary.replies, summary.trackbacks) == (5, 1, 1)
    assert found["505"].parent_id == found["501"].id


def test_new_pending_comments_pass_through_the_rules(db: Database) -> None:
    save_rules(db, RuleSet(max_links=3))
    summary = import_wordpress(db, WXR_12)
    assert (summary.held, summary.trashed, summary.approved) == (1, 0, 1)
    found = comments(db)
    assert (found["502"].status, found["502"].reason) == ("pending", "held: 3 links ≥ 3")
    assert found["503"].reason == "approved: author previously approved"
    with db.session() as session:
        actors = set(session.execute(select(ModerationEvent.actor)).scalars())
        pending = get_article_in(session, found["502"].article_id).pending_comments
    assert actors == {"rules"}
    assert pending == 1


def test_progress_is_reported_up_to_the_total(db: Database) -> None:
    reports: list[tuple[int, int]] = []
    import_wordpress(db, WXR_12, progress=lambda done, total: reports.append((done, total)))
    assert reports[-1] == (11, 11)  # 5 articles and 6 comments
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_the_import_is_one_transaction(db: Database) -> None:
    class Cancelled(Exception):
        pass

    def cancel_at_the_end(done: int, total: int) -> None:
        if done == total:
            raise Cancelled  # as a Cancel button would, after everything was written

    with pytest.raises(Cancelled):
        import_wordpress(db, WXR_12, progress=cancel_at_the_end)
    assert articles(db) == {}
    assert comments(db) == {}


def test_the_cli_registry_imports_xml_files(db: Database) -> None:
    result = import_files(db, [WXR_10])
    assert (result.articles, result.comments) == (1, 4)


# -- hostile and broken files ------------------------------------------------------------------


def refusal(path: Path) -> str:
    with pytest.raises(ImportRefusedError) as caught:
        read_wordpress(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"cannot import {path}")
    return message


def test_billion_laughs_is_refused_without_expanding() -> None:
    assert "declares a DTD or entities" in refusal(FIXTURES / "billion-laughs.xml")


def test_an_external_entity_never_reads_the_file_it_names(db: Database, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD", encoding="utf-8")
    text = WXR_10.read_text(encoding="utf-8").replace(
        "<rss version", f'<!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>\n<rss version', 1
    )
    hostile = tmp_path / "export.xml"
    hostile.write_text(text.replace("<title>Le Courrier du Blavet</title>", "<title>&leak;</title>"), "utf-8")
    message = refusal(hostile)
    assert "TOP-SECRET" not in message
    with pytest.raises(ImportRefusedError):
        import_files(db, [hostile])
    assert articles(db) == {}


def test_a_truncated_export_is_refused_with_its_line(tmp_path: Path) -> None:
    data = WXR_10.read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: len(data) // 2])
    message = refusal(cut)
    assert "ends too early (truncated?)" in message or "not well-formed" in message
    assert ", line " in message


def test_bytes_that_are_not_the_declared_encoding_are_refused() -> None:
    path = FIXTURES / "declared-utf8-but-latin1.xml"
    line = next(n for n, text in enumerate(path.read_bytes().split(b"\n"), 1) if b"dition" in text)
    message = refusal(path)
    assert f"line {line}:" in message
    assert "says it is UTF-8 but byte 0xE9 is not UTF-8" in message


def test_utf16_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    utf16 = tmp_path / "utf16.xml"
    text = WXR_10.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    utf16.write_bytes(text.encode("utf-16"))
    assert [p.fields.title for p in read_wordpress(utf16).posts] == [
        "Port de Lorient : la pêche face au gazole"
    ]


def test_xml_that_is_not_a_wordpress_export_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "feed.xml"
    other.write_text('<?xml version="1.0"?><rss><channel><title>A feed</title></channel></rss>', "utf-8")
    assert "not a WordPress export" in refusal(other)


# -- the shared corpus of real exports (skipped when it is absent) -----------------------------

CORPUS_NUMBERS = {  # file: (posts, reader comments on posts, replies), from the corpus README
    "theme-unit-test-data.xml": (58, 24, 9),
    "a11y-unit-test-data.xml": (47, 22, 9),
    "small-export.xml": (6, 1, 0),
    "valid-wxr-1.1.xml": (1, 1, 0),
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not next to the repository")
@pytest.mark.parametrize("name", sorted(CORPUS_NUMBERS))
def test_real_exports_import_with_the_documented_numbers(db: Database, name: str) -> None:
    summary = import_wordpress(db, CORPUS / name)
    assert (summary.articles_created, summary.reader_comments, summary.replies) == CORPUS_NUMBERS[name]
    again = import_wordpress(db, CORPUS / name)
    assert (again.articles_created, again.reader_comments, again.pingbacks, again.trackbacks) == (0, 0, 0, 0)
    assert again.articles_existing == CORPUS_NUMBERS[name][0]
