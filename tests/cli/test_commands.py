"""The command line, driven in-process: exit statuses, messages, and what lands in the database."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from redaction.services import selftest
from redaction.storage.revisions import head_revision
from tests.cli.conftest import Run, one_error_line

Runner = Callable[..., Run]

ARTICLE = """---
title: "Taxe foncière : ce qui change"
rubric: Économie
date: 2025-04-19
status: published
tags: [fiscalité, logement]
---

## Deux mécanismes

Texte.
"""


def test_version(run: Runner) -> None:
    result = run("--version")
    assert (result.status, result.out) == (0, "redaction 0.1.0\n")


def test_unknown_command_and_bad_option_are_usage_errors(run: Runner) -> None:
    result = run("frobnicate")
    assert result.status == 2
    assert "invalid choice: 'frobnicate'" in one_error_line(result.err)
    assert run("export", "--format", "pdf", "--out", "x").status == 2
    assert run("import").status == 2


def test_self_test_prints_one_line_per_check(run: Runner) -> None:
    result = run("--self-test")
    assert result.status == 0, result.err
    lines = result.out.splitlines()
    assert lines[:2] == ["ok   resources found", f"ok   migrations to schema {head_revision()}"]
    assert "ok   Markdown import round trip" in lines
    assert "ok   spelling word lists (fr, en)" in lines
    assert all(line.startswith("ok   ") for line in lines)


def test_failing_self_test_names_the_check(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: object) -> None:
        raise RuntimeError("no HTML for you")

    checks = [(name, broken if name == "export as HTML" else check) for name, check in selftest.CHECKS]
    monkeypatch.setattr(selftest, "CHECKS", tuple(checks))
    result = run("--self-test")
    assert result.status == 1
    assert result.out.splitlines()[-1] == "FAIL export as HTML"
    assert "“export as HTML”: no HTML for you" in one_error_line(result.err)


def test_demo_then_refuses_to_fill_twice(run: Runner, db_path: Path) -> None:
    result = run("demo", "--db", db_path)
    assert result.status == 0, result.err
    assert result.out.startswith("demo: 12 articles and ")
    again = run("--db", db_path, "demo")
    assert again.status == 2
    assert "already holds 12 articles" in one_error_line(again.err)


def test_import_then_list_as_json(run: Runner, tmp_path: Path, db_path: Path) -> None:
    post = tmp_path / "taxe.md"
    post.write_text(ARTICLE, encoding="utf-8")
    result = run("import", post, "--db", db_path)
    assert (result.status, result.out) == (0, f"imported 1 article into {db_path}\n")
    listed = run("list", "articles", "--json", "--db", db_path)
    assert listed.status == 0
    [article] = json.loads(listed.out)
    expected = {"id", "uuid", "title", "slug", "rubric", "status", "language", "author", "word_count"}
    assert expected | {"updated_at", "published_at"} <= set(article)
    assert article["title"] == "Taxe foncière : ce qui change"
    assert article["status"] == "published" and article["rubric"] == "Économie"
    assert article["published_at"].endswith(("Z", "+00:00"))


def test_import_is_all_or_nothing(run: Runner, tmp_path: Path, db_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: Oups\nlanguage: breton\n---\n", encoding="utf-8")
    result = run("import", good, bad, "--db", db_path)
    assert result.status == 2
    assert one_error_line(result.err) == (
        f"redaction: error: cannot import {bad}, line 3: unknown language 'breton' (expected fr or en)"
    )
    assert run("list", "articles", "--json", "--db", db_path).out == "[]\n"


def test_import_of_an_unsupported_file(run: Runner, tmp_path: Path, db_path: Path) -> None:
    notes = tmp_path / "notes.docx"
    notes.write_bytes(b"PK\x03\x04")
    result = run("import", notes, "--db", db_path)
    assert result.status == 2
    assert one_error_line(result.err) == f"redaction: error: cannot import {notes}: unsupported file type"
    assert not db_path.exists(), "the database is not even created for refused input"


def test_export_round_trip_through_the_command_line(run: Runner, tmp_path: Path, db_path: Path) -> None:
    assert run("demo", "--db", db_path).status == 0
    result = run("export", "--format", "md", "--out", tmp_path / "md", "--db", db_path)
    assert result.out == f"exported 12 articles to {tmp_path / 'md'}\n"
    copy = tmp_path / "copy.db"
    files = sorted((tmp_path / "md").glob("*.md"))
    assert run("import", *files, "--db", copy).status == 0
    original = json.loads(run("list", "articles", "--json", "--db", db_path).out)
    copied = json.loads(run("list", "articles", "--json", "--db", copy).out)

    def key(a: dict[str, object]) -> str:
        return str(a["uuid"])

    fields = ("uuid", "title", "slug", "rubric", "status", "language", "author", "word_count", "published_at")
    assert [[a[f] for f in fields] for a in sorted(original, key=key)] == [
        [a[f] for f in fields] for a in sorted(copied, key=key)
    ]


def test_export_html_with_status_filter(run: Runner, tmp_path: Path, db_path: Path) -> None:
    run("demo", "--db", db_path)
    result = run(
        "export", "--format", "html", "--out", tmp_path / "site", "--status", "archived", "--db", db_path
    )
    assert result.status == 0 and result.out.startswith("exported 2 articles to ")
    pages = sorted((tmp_path / "site").iterdir())
    assert [p.suffix for p in pages] == [".html", ".html"]
    assert "Le dernier sabotier" in "".join(p.read_text(encoding="utf-8") for p in pages)
    bad = run("export", "--format", "md", "--out", tmp_path, "--status", "online", "--db", db_path)
    assert bad.status == 2 and "unknown article status 'online'" in one_error_line(bad.err)


def test_list_filters_by_status_and_article(run: Runner, db_path: Path) -> None:
    run("demo", "--db", db_path)
    spam = json.loads(run("list", "comments", "--status", "spam", "--json", "--db", db_path).out)
    assert len(spam) >= 40 and {c["status"] for c in spam} == {"spam"}
    expected = {
        "id",
        "uuid",
        "article_id",
        "parent_id",
        "author_name",
        "author_email",
        "status",
        "created_at",
        "body",
    }
    assert expected <= set(spam[0])
    on_one = json.loads(run("list", "comments", "--article", 1, "--json", "--db", db_path).out)
    assert on_one and {c["article_id"] for c in on_one} == {1}
    drafts = json.loads(run("list", "articles", "--status", "draft", "--json", "--db", db_path).out)
    assert drafts and {a["status"] for a in drafts} == {"draft"}
    assert all(a["published_at"] is None for a in drafts)


def test_list_as_a_table(run: Runner, db_path: Path) -> None:
    run("demo", "--db", db_path)
    lines = run("list", "articles", "--status", "published", "--db", db_path).out.splitlines()
    assert lines[0].split()[:3] == ["ID", "STATUS", "LANG"]
    assert len(lines) == 1 + 4
    assert all("published" in line for line in lines[1:])
    title_column = lines[0].index("TITLE")
    assert all(len(line) > title_column for line in lines[1:]), "columns stay aligned"
    comments = run("list", "comments", "--status", "pending", "--db", db_path).out
    assert "<U+202E>" in comments and "\u202e" not in comments
    assert "<script>alert(1)</script>" in comments  # shown as text, never run


def test_list_usage_errors(run: Runner, db_path: Path) -> None:
    assert "--article applies to 'list comments' only" in one_error_line(
        run("list", "articles", "--article", "3", "--db", db_path).err
    )
    assert "unknown comment status 'hidden'" in one_error_line(
        run("list", "comments", "--status", "hidden", "--db", db_path).err
    )
    missing = run("list", "comments", "--article", "99", "--db", db_path)
    assert missing.status == 2 and "there is no article 99" in one_error_line(missing.err)


@pytest.mark.parametrize("place", ["before", "after"])
def test_db_option_before_or_after_the_command(run: Runner, db_path: Path, place: str) -> None:
    args = (
        ["--db", db_path, "list", "articles"] if place == "before" else ["list", "articles", "--db", db_path]
    )
    assert run(*args).status == 0
    assert db_path.exists()


def test_redaction_db_environment_variable(
    run: Runner, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDACTION_DB", str(db_path))
    assert run("demo").status == 0
    assert db_path.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"these are my notes\n", "is not a redaction database"),
        (b"SQLite format 3\x00" + b"\xff" * 3000, "damaged"),
    ],
)
def test_bad_database_file_is_one_line_exit_2_and_untouched(
    run: Runner, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    result = run("list", "articles", "--db", path)
    assert result.status == 2
    assert message in one_error_line(result.err)
    assert path.read_bytes() == content


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://desk:s3cret@db.example.org/news", "mysql://desk:***@db.example.org/news: the driver"),
        ("nosuchdb://desk:s3cret@host/x", "cannot open the database nosuchdb://desk:***@host/x"),
    ],
)
def test_unusable_database_url_is_bad_input_and_hides_the_password(
    run: Runner, url: str, message: str
) -> None:
    result = run("list", "articles", "--db", url)
    assert result.status == 2
    line = one_error_line(result.err)
    assert message in line and "s3cret" not in line


def test_read_only_database_is_refused(run: Runner, db_path: Path) -> None:
    run("demo", "--db", db_path)
    before = db_path.read_bytes()
    db_path.chmod(0o444)
    try:
        result = run("import", Path(__file__), "--db", db_path)  # a .py: refused before opening
        assert "unsupported file type" in one_error_line(result.err)
        result = run("demo", "--db", db_path)
        assert result.status == 2 and "read-only" in one_error_line(result.err)
    finally:
        db_path.chmod(0o644)
    assert db_path.read_bytes() == before


def test_unexpected_failure_is_exit_1_and_debug_adds_the_traceback(
    run: Runner, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from redaction.services.exchange import listing

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(listing, "article_table", explode)
    result = run("list", "articles", "--db", db_path)
    assert result.status == 1
    assert one_error_line(result.err) == "redaction: error: disk on fire (run again with --debug for details)"
    debug = run("list", "articles", "--db", db_path, "--debug")
    assert debug.status == 1
    assert "Traceback (most recent call last)" in debug.err
    assert debug.err.splitlines()[-1] == "redaction: error: disk on fire"


def test_no_command_opens_the_window(run: Runner, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, bool]] = []
    fake = types.ModuleType("redaction.ui.app")
    fake.run_gui = lambda target, debug=False: calls.append((target, debug)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "redaction.ui.app", fake)
    assert run("--db", db_path, "--debug").status == 0
    assert run("--db", "postgresql://desk@db.example.org/news").status == 0
    assert calls == [(str(db_path), True), ("postgresql://desk@db.example.org/news", False)]


def test_without_db_the_command_line_uses_the_database_chosen_in_the_window(
    run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first-run dialog writes its choice to config.toml; the command line reads the same
    file, so `redaction list articles` shows the window's newsroom, not another database."""
    from redaction import config
    from redaction.services.articles.editing import create_article
    from redaction.services.articles.values import ArticleFields
    from redaction.storage.database import Database

    data_home = tmp_path / "data"
    monkeypatch.setattr("platformdirs.user_data_path", lambda *_a, **_k: data_home / "redaction")
    chosen = tmp_path / "shared" / "ouest.db"
    chosen.parent.mkdir()
    db = Database.open(chosen)
    create_article(db, ArticleFields(title="Le papier de la fenêtre"), "Anne")
    db.close()
    config.put(DATABASE=str(chosen))

    result = run("list", "articles", "--json")
    assert result.status == 0
    assert [a["title"] for a in json.loads(result.out)] == ["Le papier de la fenêtre"]
    assert not data_home.exists()  # no second, empty database was made at the default place

    chosen.unlink()
    gone = run("list", "articles")
    assert gone.status == 2
    assert "cannot be found" in one_error_line(gone.err) and str(chosen) in gone.err
