"""``redaction import`` of WordPress exports and CSV comments, and ``list comments --all-kinds``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.cli.conftest import Run, one_error_line

Runner = Callable[..., Run]
WXR_10 = Path(__file__).resolve().parents[1] / "fixtures" / "wxr" / "wxr-1.0-http.xml"
HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "wxr" / "billion-laughs.xml"


def test_importing_a_wordpress_export_prints_what_came_in(run: Runner, db_path: Path) -> None:
    result = run("import", WXR_10, "--db", db_path)
    assert result.status == 0, result.err
    assert result.out.splitlines() == [
        f"imported 1 article and 4 comments into {db_path}",
        "  wxr-1.0-http.xml: articles: 1 new, 0 already here",
        "  wxr-1.0-http.xml: comments: 3 new reader comments (1 reply), 1 pingback, 0 trackbacks; 0 already here",
        "  wxr-1.0-http.xml: moderation rules: 0 held, 0 trashed, 0 approved",
        "  wxr-1.0-http.xml: replies whose parent is missing, kept as top-level comments: 1",
        "  wxr-1.0-http.xml: skipped items: 1 attachment, 1 page (with 1 comment)",
    ]
    again = run("import", WXR_10, "--db", db_path)
    assert again.out.splitlines()[0] == f"imported 0 articles into {db_path}"


def test_a_hostile_export_is_one_error_line_and_no_database(run: Runner, db_path: Path) -> None:
    result = run("import", HOSTILE, "--db", db_path)
    assert result.status == 2
    assert "declares a DTD or entities" in one_error_line(result.err)
    assert not db_path.exists()


def test_comments_lists_readers_only_unless_all_kinds(run: Runner, db_path: Path) -> None:
    run("import", WXR_10, "--db", db_path)
    readers = json.loads(run("list", "comments", "--json", "--db", db_path).out)
    assert sorted(c["author_name"] for c in readers) == ["Anne Le Bras", "Loïc", "Yann Kerbrat"]
    assert {c["kind"] for c in readers} == {"comment"}
    everything = json.loads(run("list", "comments", "--json", "--all-kinds", "--db", db_path).out)
    assert {c["kind"] for c in everything} == {"comment", "pingback"}
    assert len(everything) == 4
    table = run("list", "comments", "--all-kinds", "--db", db_path).out
    assert "[pingback] [...] comme le raconte" in table
    assert "[pingback]" not in run("list", "comments", "--db", db_path).out
    refused = run("list", "articles", "--all-kinds", "--db", db_path)
    assert refused.status == 2
    assert "--all-kinds applies to 'list comments' only" in one_error_line(refused.err)


def test_importing_comments_from_csv(run: Runner, tmp_path: Path, db_path: Path) -> None:
    run("import", WXR_10, "--db", db_path)
    csv = tmp_path / "site.csv"
    csv.write_text(
        "article_slug,author_name,created_at,body,source_id\n"
        "port-de-lorient,Marie,2025-04-19T08:30:00Z,Encore un commentaire,site:77\n",
        encoding="utf-8",
    )
    result = run("import", csv, "--db", db_path)
    assert result.status == 0, result.err
    assert result.out.splitlines()[:2] == [
        f"imported 0 articles and 1 comment into {db_path}",
        "  site.csv: comments: 1 new (0 replies) on 1 article, 0 already here",
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("article_slug,created_at,body\nport-de-lorient,hier,Texte\n", encoding="utf-8")
    refused = run("import", bad, "--db", db_path)
    assert refused.status == 2
    assert f"cannot import {bad}, line 2: created_at 'hier' is not an ISO 8601 time" in one_error_line(
        refused.err
    )
