"""Importing Markdown files: good files become articles, bad ones are refused with file and line."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from redaction.domain.dates import to_local
from redaction.services.articles.editing import get_article_in
from redaction.services.exchange.importing import (
    IMPORTERS,
    ImportRefusedError,
    ImportResult,
    import_files,
    read_files,
    register,
    supported_suffixes,
)
from redaction.storage.database import Database
from redaction.storage.models import Article

GOOD = """---
title: "Port de Lorient : la pêche face au gazole"
rubric: Économie
date: 2025-04-19
status: in review
language: fr
tags: pêche, Lorient
standfirst: Le prix du litre a pris 38 centimes.
author: Thomas Le Gall
---

## Des marges rognées

Le gazole coûte cher.
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def article_count(db: Database) -> int:
    with db.session() as session:
        return session.execute(select(func.count(Article.id))).scalar_one()


def refusal(paths: list[Path]) -> ImportRefusedError:
    with pytest.raises(ImportRefusedError) as caught:
        read_files(paths)
    return caught.value


def test_a_good_file_becomes_an_article(db: Database, tmp_path: Path) -> None:
    result = import_files(db, [write(tmp_path, "peche.md", GOOD)])
    assert result == ImportResult(articles=1)
    with db.session() as session:
        article = get_article_in(session, 1)
    assert article.fields.title == "Port de Lorient : la pêche face au gazole"
    assert article.fields.rubric == "Économie"
    assert article.fields.status == "in_review"
    assert article.fields.tags == ("pêche", "Lorient")
    assert article.fields.author == "Thomas Le Gall"
    assert article.fields.body == "## Des marges rognées\n\nLe gazole coûte cher.\n"
    assert article.slug == "port-de-lorient-la-peche-face-au-gazole"
    assert to_local(article.created_at).date().isoformat() == "2025-04-19"
    assert article.published_at is None


def test_published_article_is_published_on_its_date(db: Database, tmp_path: Path) -> None:
    text = "---\ntitle: Publié\nstatus: published\ndate: 2025-04-19T08:30:00Z\ntags: [a, b]\n---\nTexte\n"
    import_files(db, [write(tmp_path, "a.markdown", text)])
    with db.session() as session:
        article = get_article_in(session, 1)
    moment = datetime(2025, 4, 19, 8, 30, tzinfo=UTC)
    assert (article.created_at, article.published_at) == (moment, moment)
    assert article.fields.tags == ("a", "b")


def test_minimal_file_gets_sensible_defaults(db: Database, tmp_path: Path) -> None:
    import_files(db, [write(tmp_path, "min.md", "---\ntitle: Juste un titre\n---\n")])
    with db.session() as session:
        article = get_article_in(session, 1)
    assert (article.fields.status, article.fields.language, article.fields.body) == ("draft", "fr", "")


def test_utf8_bom_is_ignored(db: Database, tmp_path: Path) -> None:
    import_files(db, [write(tmp_path, "bom.md", "\ufeff" + GOOD)])
    assert article_count(db) == 1


def test_second_file_bad_means_nothing_is_imported(db: Database, tmp_path: Path) -> None:
    good = write(tmp_path, "good.md", GOOD)
    bad = write(tmp_path, "bad.md", "---\ntitle: Bad\nstatus: pubished\n---\n")
    with pytest.raises(ImportRefusedError, match=r"bad\.md, line 3: unknown article status 'pubished'"):
        import_files(db, [good, bad])
    assert article_count(db) == 0


def test_a_failure_while_storing_rolls_back_earlier_files(db: Database, tmp_path: Path) -> None:
    first = write(
        tmp_path, "one.md", GOOD.replace("author:", "uuid: 6f1c0e7e-6d07-4a43-9a4b-2f5b7d1f7c11\nauthor:")
    )
    second = write(tmp_path, "two.md", "---\ntitle: Copy\nuuid: 6f1c0e7e-6d07-4a43-9a4b-2f5b7d1f7c11\n---\n")
    with pytest.raises(ImportRefusedError, match=r"two\.md, line 3: an article with uuid .* already"):
        import_files(db, [first, second])
    assert article_count(db) == 0


def test_importing_an_existing_uuid_again_is_refused(db: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "---\ntitle: A\nuuid: 6F1C0E7E-6D07-4A43-9A4B-2F5B7D1F7C11\n---\n")
    import_files(db, [path])
    with pytest.raises(ImportRefusedError, match="remove the uuid line"):
        import_files(db, [path])
    assert article_count(db) == 1


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("---\ntitle: A\nrubric: [x\n---\n", 4, "malformed front matter"),
        ("---\ntitle: A\ntags: a\n  b: c\n---\n", 4, "malformed front matter"),
        ("---\ntitle: A\nstatus: draft\n", 1, "never closed"),
        ("---\ntitle: A\n\nlanguage: de\n---\n", 4, "unknown language 'de'"),
        ("---\ntitle: A\ncategory: Sport\n---\n", 3, "unknown front-matter key 'category'"),
        ("---\ntitle: '  '\n---\n", 2, "the title is empty"),
        ("---\nrubric: Sport\n---\n", 1, "the title is empty"),
        ("---\ntitle: A\ndate: 19/04/2025\n---\n", 3, "is not a date"),
        ("---\ntitle: A\nuuid: 1234\n---\n", 3, "not a valid UUID"),
        ("---\ntitle: [A, B]\n---\n", 2, "title must be text, not a list"),
        ("Just text, no header\n", 1, "no front matter"),
    ],
)
def test_bad_files_are_refused_with_file_and_line(
    tmp_path: Path, content: str, line: int, message: str
) -> None:
    error = refusal([write(tmp_path, "post.md", content)])
    assert error.line == line
    assert error.path.name == "post.md"
    assert f"post.md, line {line}: " in str(error)
    assert message in str(error)


def test_non_utf8_file_names_the_byte_and_line(tmp_path: Path) -> None:
    data = "---\ntitle: Noël\n---\n".encode() + "\nÉté à Lorient\n".encode("latin-1")
    error = refusal([write(tmp_path, "latin.md", data)])
    assert "latin.md, line 5: the file is not UTF-8 text (byte 0xC9 at offset 22)" in str(error)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    error = refusal([write(tmp_path, "photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")])
    assert "photo.md, line 3: it is a binary file, not Markdown text (NUL byte at offset 8)" in str(error)


def test_unknown_suffix_missing_file_and_folder(tmp_path: Path) -> None:
    assert (
        str(refusal([write(tmp_path, "notes.txt", GOOD)]))
        == f"cannot import {tmp_path / 'notes.txt'}: unsupported file type"
    )
    assert "no such file" in str(refusal([tmp_path / "missing.md"]))
    (tmp_path / "folder.md").mkdir()
    assert "it is a folder" in str(refusal([tmp_path / "folder.md"]))


def test_unknown_suffix_is_refused_before_any_file_is_read(tmp_path: Path) -> None:
    bad_md = write(tmp_path, "bad.md", "not front matter")
    error = refusal([bad_md, write(tmp_path, "export.odt", "a,b")])
    assert "export.odt: unsupported file type" in str(error)


def test_other_importers_plug_in_by_suffix(db: Database, tmp_path: Path) -> None:
    class Batch:
        def __init__(self, path: Path) -> None:
            self.source = path

        def store(self, session: object) -> ImportResult:
            return ImportResult(comments=3)

    assert {".md", ".markdown"} <= set(supported_suffixes())
    register(".fake")(Batch)
    try:
        result = import_files(db, [write(tmp_path, "x.FAKE", "data"), write(tmp_path, "y.md", GOOD)])
    finally:
        del IMPORTERS[".fake"]
    assert result == ImportResult(articles=1, comments=3)
