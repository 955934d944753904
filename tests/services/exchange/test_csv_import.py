"""Importing comments from CSV: documented columns, threads, idempotency, refusals with a line."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from redaction.domain.moderation_rules import RuleSet
from redaction.services.articles.editing import create_article_in, get_article_in
from redaction.services.articles.values import ArticleFields
from redaction.services.exchange.csv_import import import_comments_csv, read_comments_csv
from redaction.services.exchange.importing import ImportRefusedError, import_files, importer_for
from redaction.services.moderation.rules import save_rules
from redaction.storage.database import Database
from redaction.storage.models import Comment

HEADER = "article_slug,author_name,author_email,author_url,author_ip,created_at,body,status,parent_source_id,source_id\n"


@pytest.fixture
def article(db: Database) -> tuple[int, str]:
    with db.session() as session:
        created = create_article_in(session, ArticleFields(title="Le port de Lorient"))
        return created.id, created.uuid


def write(tmp_path: Path, text: str, name: str = "comments.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def stored(db: Database) -> dict[str, Comment]:
    with db.session() as session:
        return {c.source_id or c.body: c for c in session.execute(select(Comment)).scalars()}


def refusal(path: Path) -> str:
    with pytest.raises(ImportRefusedError) as caught:
        read_comments_csv(path)
    return str(caught.value)


def test_csv_files_go_to_the_csv_importer() -> None:
    assert importer_for(Path("comments.CSV")) is read_comments_csv


def test_rows_become_threaded_comments_with_every_column(
    db: Database, tmp_path: Path, article: tuple[int, str]
) -> None:
    path = write(
        tmp_path,
        HEADER
        + "le-port-de-lorient,Anne,anne@example.fr,https://anne.example,192.0.2.1,2025-04-19T08:30:00Z,"
        '"Merci.\nDeux lignes, et une virgule.",approved,,site:1\n'
        "le-port-de-lorient,Yann,yann@example.fr,,192.0.2.2,2025-04-19T10:30:00+02:00,D'accord !,,site:1,site:2\n",
        bom=True,
    )
    summary = import_comments_csv(db, path)
    assert (summary.comments, summary.replies, summary.existing) == (2, 1, 0)
    found = stored(db)
    first, reply = found["site:1"], found["site:2"]
    assert first.body == "Merci.\nDeux lignes, et une virgule."
    assert (first.author_name, first.author_email, first.author_url, first.author_ip) == (
        "Anne",
        "anne@example.fr",
        "https://anne.example",
        "192.0.2.1",
    )
    assert first.created_at == datetime(2025, 4, 19, 8, 30, tzinfo=UTC)
    assert reply.created_at == datetime(2025, 4, 19, 8, 30, tzinfo=UTC)
    assert (first.status, reply.status) == ("approved", "pending")
    assert reply.parent_id == first.id
    with db.session() as session:
        assert get_article_in(session, article[0]).pending_comments == 1


def test_articles_by_uuid_semicolons_and_times_without_zone(
    db: Database, tmp_path: Path, article: tuple[int, str]
) -> None:
    path = write(tmp_path, f"article_uuid;created_at;body\n{article[1]};2025-04-19 08:30;Bonjour\n")
    import_comments_csv(db, path)
    (comment,) = stored(db).values()
    assert (comment.article_id, comment.body, comment.kind) == (article[0], "Bonjour", "comment")
    assert comment.created_at == datetime(2025, 4, 19, 8, 30, tzinfo=UTC)


def test_importing_twice_adds_nothing_when_rows_have_source_ids(
    db: Database, tmp_path: Path, article: tuple[int, str]
) -> None:
    path = write(tmp_path, HEADER + "le-port-de-lorient,A,,,,2025-04-19T08:30:00Z,Un,,,s1\n")
    import_comments_csv(db, path)
    again = import_comments_csv(db, path)
    assert (again.comments, again.existing) == (0, 1)
    assert len(stored(db)) == 1


def test_a_reply_to_a_comment_imported_earlier(
    db: Database, tmp_path: Path, article: tuple[int, str]
) -> None:
    import_comments_csv(
        db, write(tmp_path, HEADER + "le-port-de-lorient,A,,,,2025-04-19T08:30:00Z,Un,,,s1\n", "a.csv")
    )
    import_comments_csv(
        db, write(tmp_path, HEADER + "le-port-de-lorient,B,,,,2025-04-19T09:30:00Z,Deux,,s1,s2\n", "b.csv")
    )
    found = stored(db)
    assert found["s2"].parent_id == found["s1"].id


def test_new_pending_comments_pass_through_the_rules(
    db: Database, tmp_path: Path, article: tuple[int, str]
) -> None:
    save_rules(db, RuleSet(blocked_words=("casino",)))
    path = write(tmp_path, HEADER + "le-port-de-lorient,Spam,,,,2025-04-19T08:30:00Z,Best CASINO,,,s1\n")
    summary = import_comments_csv(db, path)
    assert summary.trashed == 1
    assert (stored(db)["s1"].status, stored(db)["s1"].reason) == ("trash", "trash: blocked word “casino”")


def test_the_registry_imports_csv_files_all_or_nothing(
    db: Database, tmp_path: Path, article: tuple[int, str]
) -> None:
    good = write(tmp_path, HEADER + "le-port-de-lorient,A,,,,2025-04-19T08:30:00Z,Un,,,s1\n", "good.csv")
    unknown = write(tmp_path, HEADER + "no-such-article,A,,,,2025-04-19T08:30:00Z,Un,,,s2\n", "bad.csv")
    with pytest.raises(
        ImportRefusedError, match=r"bad\.csv, line 2: there is no article with slug 'no-such-article'"
    ):
        import_files(db, [good, unknown])
    assert stored(db) == {}
    assert import_files(db, [good]).comments == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("article_slug,created_at,body,likes\n", "line 1: unknown column 'likes'"),
        ("article_slug,body\n", "line 1: the column 'created_at' is missing"),
        ("author_name,created_at,body\n", "line 1: there must be an article_uuid or an article_slug column"),
        (
            "article_slug,created_at,body\na,yesterday,Un\n",
            "line 2: created_at 'yesterday' is not an ISO 8601 time",
        ),
        ("article_slug,created_at,body\na,2025-04-19,\n", "line 2: the body is empty"),
        (
            "article_slug,created_at,body,status\na,2025-04-19,Un,maybe\n",
            "line 2: unknown comment status 'maybe'",
        ),
        ("article_slug,created_at,body\na,2025-04-19,Un,deux\n", "line 2: 4 values for 3 columns"),
        (
            'article_slug,created_at,body,source_id\na,2025-04-19,"Un\nsur deux lignes",s1\nb,2025-04-19,Deux,s1\n',
            "line 4: source_id 's1' was already used on line 2",
        ),
        ("article_slug,created_at,body\n,2025-04-19,Un\n", "line 2: the row names no article"),
    ],
)
def test_bad_files_are_refused_with_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    message = refusal(path)
    assert message.startswith(f"cannot import {path}")
    assert expected in message


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("article_slug,created_at,body\na,2025-04-19,Très bien\n".encode("latin-1"))
    assert "line 2: the file is not UTF-8 text (byte 0xE8)" in refusal(path)


def test_unknown_parents_and_parents_elsewhere_are_refused(
    db: Database, tmp_path: Path, article: tuple[int, str]
) -> None:
    orphan = write(
        tmp_path, HEADER + "le-port-de-lorient,A,,,,2025-04-19T08:30:00Z,Un,,nowhere,s1\n", "o.csv"
    )
    with pytest.raises(
        ImportRefusedError, match="line 2: parent_source_id 'nowhere' is neither in this file"
    ):
        import_comments_csv(db, orphan)
    with db.session() as session:
        create_article_in(session, ArticleFields(title="Autre article"))
    elsewhere = write(
        tmp_path,
        HEADER
        + "le-port-de-lorient,A,,,,2025-04-19T08:30:00Z,Un,,,s1\nautre-article,B,,,,2025-04-19T09:00:00Z,Deux,,s1,s2\n",
        "e.csv",
    )
    with pytest.raises(ImportRefusedError, match=r"line 3: the comment answered .* is under another article"):
        import_comments_csv(db, elsewhere)
    assert stored(db) == {}


def test_an_ambiguous_slug_asks_for_the_uuid(db: Database, tmp_path: Path, article: tuple[int, str]) -> None:
    with db.session() as session:
        create_article_in(session, ArticleFields(title="Le port de Lorient"))
    path = write(tmp_path, HEADER + "le-port-de-lorient,A,,,,2025-04-19T08:30:00Z,Un,,,s1\n")
    with pytest.raises(
        ImportRefusedError, match="2 articles have the slug 'le-port-de-lorient'; give the article_uuid"
    ):
        import_comments_csv(db, path)


def test_progress_reaches_the_total(db: Database, tmp_path: Path, article: tuple[int, str]) -> None:
    rows = "".join(f"le-port-de-lorient,A{n},,,,2025-04-19T08:{n:02d}:00Z,Un {n},,,s{n}\n" for n in range(7))
    reports: list[tuple[int, int]] = []
    import_comments_csv(db, write(tmp_path, HEADER + rows), progress=lambda d, t: reports.append((d, t)))
    assert reports[0] == (0, 7) and reports[-1] == (7, 7)
