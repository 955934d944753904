"""An article longer than any a newsroom publishes (domain.limits) is imported whole, with a
warning that names the file and the article, from Markdown and from WordPress, window and CLI."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from redaction.cli import main
from redaction.domain.limits import LONG_TEXT_CHARS
from redaction.services.articles.editing import get_article
from redaction.services.exchange.importing import import_files
from redaction.storage.database import Database
from redaction.storage.models import Article

SENTENCE = "Le conseil municipal a voté le budget de l’année, après un long débat."
PARAGRAPHS = LONG_TEXT_CHARS // len(SENTENCE) + 100
WXR = Path(__file__).resolve().parents[2] / "fixtures" / "wxr" / "wxr-1.2-https.xml"


def long_markdown(folder: Path) -> tuple[Path, str]:
    body = "\n\n".join([SENTENCE] * PARAGRAPHS)
    path = folder / "integral.md"
    path.write_text(f'---\ntitle: "Le compte rendu intégral"\n---\n\n{body}', encoding="utf-8")
    return path, body


def test_a_long_markdown_article_is_imported_whole_with_a_warning(db: Database, tmp_path: Path) -> None:
    path, body = long_markdown(tmp_path)
    result = import_files(db, [path])
    assert result.articles == 1
    (warning,) = result.warnings
    assert warning.startswith("integral.md: “Le compte rendu intégral” is ")
    assert f"{len(body):,} characters long" in warning and "imported whole" in warning
    with db.session() as session:
        article_id = session.execute(select(Article.id)).scalar_one()
    assert get_article(db, article_id).fields.body == body


def test_a_long_wordpress_post_is_imported_with_a_warning(db: Database, tmp_path: Path) -> None:
    source = WXR.read_text(encoding="utf-8")
    start = source.index("<content:encoded><![CDATA[") + len("<content:encoded><![CDATA[")
    path = tmp_path / "export.xml"
    path.write_text(source[:start] + f"<p>{SENTENCE}</p>\n" * PARAGRAPHS + source[start:], encoding="utf-8")
    result = import_files(db, [path])
    assert result.articles >= 1
    assert len(result.warnings) == 1 and result.warnings[0].startswith("export.xml: “")


def test_ordinary_articles_bring_no_warning(db: Database) -> None:
    assert import_files(db, [WXR]).warnings == ()


def test_the_command_line_says_it_on_stderr(tmp_path: Path, capsys) -> None:
    path, _body = long_markdown(tmp_path)
    assert main(["import", str(path), "--db", str(tmp_path / "news.db")]) == 0
    out, err = capsys.readouterr()
    assert "imported 1 article" in out
    assert err.startswith("redaction: warning: integral.md: “Le compte rendu intégral” is ")
