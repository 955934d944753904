"""Loading an editor panel with a body, without a database."""

from __future__ import annotations

from datetime import UTC, datetime

from redaction.services.articles.values import ArticleDetail, ArticleFields


def load_panel(qtbot, panel, body: str) -> None:
    panel.resize(1200, 700)
    panel.show()
    now = datetime.now(UTC)
    fields = ArticleFields(title="Titre", rubric="Portrait", body=body)
    panel.load(ArticleDetail(1, "u", "s", fields, now, now, None, 1, 0, 0))
    qtbot.waitUntil(lambda: panel.preview.complete)
