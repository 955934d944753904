"""A comment whose text hides markup from a reader says so above the text, which stays text."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from redaction.services.moderation.comments import NewComment
from redaction.services.moderation.incoming import insert_comments
from redaction.storage.database import Database
from redaction.storage.models import Article
from tests.ui.moderation.conftest import T0

ATTACK = '<a href="javascript:alert(1)" onmouseover="x()">clique ici</a><script>steal()</script>'


def test_hidden_markup_is_named_above_the_comment_shown_as_text(qtbot, desk_db: Database, open_desk) -> None:
    with desk_db.session() as s:
        article = s.query(Article).first()
        assert article is not None
        insert_comments(
            s, [NewComment(article.id, ATTACK, author_name="Zed", created_at=T0 + timedelta(days=1))]
        )
    desk = open_desk(desk_db).desk
    detail = desk.queue.detail
    desk.view.setFocus()
    QTest.keyClick(desk.view, Qt.Key.Key_Home)  # the newest comment: the attack
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.row.author_name == "Zed")
    assert detail.warning_label.isVisibleTo(desk)
    text = detail.warning_label.text()
    assert "a script" in text and "an event handler" in text and "javascript: or data: address" in text
    assert detail.body_view.toPlainText() == ATTACK  # the moderator reads the attack itself
    QTest.keyClick(desk.view, Qt.Key.Key_Down)  # an ordinary comment: no warning
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.row.author_name != "Zed")
    assert not detail.warning_label.isVisibleTo(desk)
