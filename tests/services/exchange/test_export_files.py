"""Exported files as a colleague or a web server finds them: readable by others (the person's
umask, not 0600), no temporary file left, and the HTML page centred like the preview."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from redaction.services.articles.editing import create_article_in
from redaction.services.articles.images import ImageStore
from redaction.services.articles.values import ArticleFields
from redaction.services.exchange.export import export_articles
from redaction.storage.database import Database
from tests.image_samples import PNG


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_exported_files_get_the_umask_permissions(db: Database, tmp_path: Path, umask_022, fmt: str) -> None:
    stored = ImageStore(db).add_bytes(PNG, "port.png")
    with db.session() as session:
        create_article_in(session, ArticleFields(title="Le port", body=f"![Le port]({stored.url})"))
    export_articles(db, tmp_path / "out", fmt)
    written = sorted(p for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert sorted(p.name for p in written) == sorted(
        [f"le-port.{fmt}", f"{stored.sha256}.png"]
    )  # nothing more
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path.name


def test_the_exported_page_is_centred(db: Database, tmp_path: Path) -> None:
    with db.session() as session:
        create_article_in(session, ArticleFields(title="Le port", body="Du texte."))
    export_articles(db, tmp_path, "html")
    page = (tmp_path / "le-port.html").read_text(encoding="utf-8")
    rule = re.search(r"\.article \{([^}]*)\}", page)
    assert rule is not None
    assert "max-width: 720px" in rule.group(1) and "margin: 0 auto" in rule.group(1)
    assert '<article class="article">' in page
