"""``redaction --self-test``: prove an installed (or frozen) build works, without a display.

In a temporary folder: create a database (running the migrations), write an article with
accents and quotes, render its page, export it as Markdown and HTML, import the Markdown into
a second database and compare every field. Each check prints "ok   <name>"; the first failure
stops the run and is reported by name. Never imports Qt.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TextIO

from sqlalchemy import text

from redaction.paths import resource
from redaction.render.page import article_page
from redaction.services.articles.editing import create_article, get_article_in
from redaction.services.articles.values import ArticleDetail, ArticleFields
from redaction.services.exchange.export import export_articles, page_info
from redaction.services.exchange.importing import import_files
from redaction.storage.database import Database
from redaction.storage.revisions import head_revision

SAMPLE = ArticleFields(
    title='Auto-test : « Économie » à Noël, l’été "2025"',
    rubric="Économie",
    standfirst="Un chapeau\nsur deux lignes.",
    tags=("test", "accents éàü"),
    author="Claire Vasseur",
    language="fr",
    status="published",
    body="## Intertitre\n\n- un\n- deux\n\n> Une citation.\n\n[Un lien](https://www.example.org/)\n",
)


class SelfTestFailure(Exception):
    def __init__(self, check: str, reason: str) -> None:
        super().__init__(f"self-test failed at “{check}”: {reason}")
        self.check = check


def _expect(condition: object, reason: str) -> None:
    # Not ``assert``: a frozen build may run with -O, which strips assertions.
    if not condition:
        raise AssertionError(reason)


@dataclass
class _Context:
    folder: Path
    db: Database | None = None
    article: ArticleDetail | None = None
    page: str = ""


def _resources(ctx: _Context) -> None:
    css = resource("preview.css").read_text(encoding="utf-8")
    _expect(css.strip(), "preview.css is empty")


def _migrations(ctx: _Context) -> None:
    ctx.db = Database.open(ctx.folder / "selftest.db")
    with ctx.db.engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    _expect(version == head_revision(), f"schema is {version}, expected {head_revision()}")


def _create(ctx: _Context) -> None:
    assert ctx.db is not None
    ctx.article = create_article(ctx.db, SAMPLE, actor="self-test")
    _expect(ctx.article.fields == SAMPLE.normalized(), "the saved article differs from what was written")


def _render(ctx: _Context) -> None:
    assert ctx.article is not None
    ctx.page = article_page(page_info(ctx.article), ctx.article.fields.body)
    _expect(escape(SAMPLE.title) in ctx.page, "the title is missing from the page")
    _expect("<h2" in ctx.page and "<blockquote>" in ctx.page, "the body was not rendered")


def _export(fmt: str) -> Callable[[_Context], None]:
    def check(ctx: _Context) -> None:
        assert ctx.db is not None and ctx.article is not None
        result = export_articles(ctx.db, ctx.folder / "export", fmt)
        path = ctx.folder / "export" / f"{ctx.article.slug}.{fmt}"
        _expect(result.count == 1 and path.is_file(), f"{path.name} was not written")
        if fmt == "html":
            _expect(escape(SAMPLE.title) in path.read_text(encoding="utf-8"), "the title is missing")

    return check


def _round_trip(ctx: _Context) -> None:
    assert ctx.article is not None
    other = Database.open(ctx.folder / "reimport.db")
    try:
        result = import_files(other, [ctx.folder / "export" / f"{ctx.article.slug}.md"])
        _expect(result.articles == 1, f"{result.articles} articles imported")
        with other.session() as session:
            back = get_article_in(session, 1)
        for name in ("uuid", "slug", "fields", "created_at", "published_at", "word_count"):
            _expect(getattr(back, name) == getattr(ctx.article, name), f"{name} changed")
    finally:
        other.close()


def _spelling(ctx: _Context) -> None:
    from redaction.domain.spelling import PersonalDictionary, SpellChecker

    for language, good, bad in (("fr", "journalistes", "jurnalistes"), ("en", "newsroom", "nwesroom")):
        checker = SpellChecker(language, PersonalDictionary(ctx.folder / "personal.txt"))
        checker.load(suggestions=False)
        _expect(checker.is_misspelled(good) is False, f"{language}: “{good}” is not in the word list")
        _expect(checker.is_misspelled(bad) is True, f"{language}: “{bad}” is not flagged")


CHECKS: tuple[tuple[str, Callable[[_Context], None]], ...] = (
    ("resources found", _resources),
    ("migrations to schema {head}", _migrations),
    ("create an article", _create),
    ("render the preview page", _render),
    ("export as Markdown", _export("md")),
    ("export as HTML", _export("html")),
    ("Markdown import round trip", _round_trip),
    ("spelling word lists (fr, en)", _spelling),
)


def run_self_test(out: TextIO) -> None:
    """Run every check, printing one line each; raise SelfTestFailure on the first failure."""
    with tempfile.TemporaryDirectory(prefix="redaction-selftest-") as folder:
        ctx = _Context(Path(folder))
        try:
            head = head_revision()
        except Exception:
            head = "(unreadable)"
        try:
            for template, check in CHECKS:
                name = template.format(head=head)
                try:
                    check(ctx)
                except Exception as exc:
                    out.write(f"FAIL {name}\n")
                    raise SelfTestFailure(name, str(exc) or type(exc).__name__) from exc
                out.write(f"ok   {name}\n")
        finally:
            if ctx.db is not None:
                ctx.db.close()
