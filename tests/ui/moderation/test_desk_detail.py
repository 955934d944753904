"""What the desk shows of a comment: article, thread context with decisions in place, author,
address, site domain, IP, why it is here; and hostile text staying inert text."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStyleOptionViewItem

from redaction.services.articles.editing import create_article
from redaction.services.articles.values import ArticleFields
from redaction.services.moderation.comments import NewComment, add_comments_in, get_comment_in
from redaction.services.moderation.queue import decide
from redaction.storage.database import Database
from redaction.ui.moderation.detail import FIRST_CHARS
from tests.ui.moderation.conftest import T0


def select(desk, comment_id: int) -> None:
    row = desk.queue.model.load_until(comment_id)
    assert row is not None
    desk.queue.select_row(row)


def find_id(desk, prefix: str) -> int:
    for r in range(desk.queue.model.rowCount()):
        if desk.queue.model.comment(r).excerpt.startswith(prefix):
            return desk.queue.model.comment(r).id
    raise AssertionError(prefix)


def test_detail_shows_article_author_ip_and_the_parent_with_decisions_in_place(
    qtbot, desk_db, open_desk
) -> None:
    desk = open_desk(desk_db).desk
    child = find_id(desk, "Commentaire numéro 5")
    parent = find_id(desk, "Commentaire numéro 1")
    select(desk, child)
    d = desk.queue.detail
    assert d.article_label.text() == "Le festival"
    assert d.author_label.text() == "Bot"
    assert "bot@spam.test" in d.meta_label.text() and "IP 10.0.0.5" in d.meta_label.text()
    assert d.why_label.text() == "New comment, waiting for a decision"
    assert d.parent_frame.isVisibleTo(desk)
    assert "In reply to Léa" in d.parent_meta.text() and "numéro 1" in d.parent_text.text()
    qtbot.mouseClick(d.parent_buttons["spam"], Qt.MouseButton.LeftButton)
    with desk_db.session() as s:
        assert get_comment_in(s, parent).status == "spam"  # type: ignore[union-attr]
    assert desk.queue.detail.detail.row.id == child  # still reading the reply
    assert "Spam" in d.parent_meta.text() and not d.parent_buttons["spam"].isEnabled()
    assert desk.queue.tabs.tabText(2) == "Spam (1)"
    desk.queue.undo()
    with desk_db.session() as s:
        assert get_comment_in(s, parent).status == "pending"  # type: ignore[union-attr]


def test_why_it_is_here_names_the_last_decision_or_the_rules_reason(qtbot, desk_db, open_desk) -> None:
    desk = open_desk(desk_db).desk
    target = desk.queue.model.comment(0).id
    decide(desk_db, [target], "spam", "marc", reason="lien publicitaire")
    qtbot.keyClick(desk.view, Qt.Key.Key_3)
    select(desk, target)
    assert desk.queue.detail.why_label.text().startswith("Moved to spam by marc")
    assert desk.queue.detail.why_label.text().endswith("lien publicitaire")


def test_pingbacks_and_trackbacks_are_a_queue_of_their_own_at_the_desk(qtbot, desk_db, open_desk) -> None:
    article = create_article(desk_db, ArticleFields(title="Relayé", status="published")).id
    with desk_db.session() as s:
        (ping,) = add_comments_in(
            s,
            [
                NewComment(
                    article,
                    "[…] comme le raconte Ouest Littoral […]",
                    "Blog du port",
                    author_url="https://blog-du-port.test/2025/04/criee",
                    kind="pingback",
                    created_at=T0 + timedelta(hours=1),
                )
            ],
        )
    desk = open_desk(desk_db).desk
    assert desk.queue.tabs.tabText(0) == "Pending (8)"  # readers only
    assert ping not in [desk.queue.model.comment(r).id for r in range(desk.queue.model.rowCount())]
    kinds = desk.filters.kind_combo
    kinds.setCurrentIndex(kinds.findText("Pingbacks and trackbacks"))
    qtbot.waitUntil(lambda: desk.queue.tabs.tabText(0) == "Pending (1)")
    assert desk.queue.model.rowCount() == 1 and desk.queue.model.comment(0).id == ping
    assert desk.queue.detail.meta_label.text().startswith("Pingback · site: blog-du-port.test")
    qtbot.keyClick(desk.view, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: desk.queue.tabs.tabText(1) == "Approved (1)")
    with desk_db.session() as s:
        assert get_comment_in(s, ping).status == "approved"  # type: ignore[union-attr]
    kinds.setCurrentIndex(kinds.findText("Reader comments"))
    qtbot.waitUntil(lambda: desk.queue.tabs.tabText(0) == "Pending (8)")
    assert desk.queue.tabs.tabText(1) == "Approved (2)"


HOSTILE_NAME = "Admin\u202etxt.exe\u200b"


def test_hostile_comments_are_shown_as_plain_text(qtbot, db: Database, open_desk) -> None:
    article = create_article(db, ArticleFields(title="<b>Titre</b>", status="published")).id
    script = "<script>alert('x')</script><img src=http://evil.test/p.png> <a href='javascript:x'>ici</a>"
    with db.session() as s:
        add_comments_in(
            s,
            [
                NewComment(
                    article,
                    script,
                    HOSTILE_NAME,
                    "<i>m</i>@evil.test",
                    author_url="https://раураl.example/login",
                    created_at=T0,
                ),
            ],
        )
    desk = open_desk(db).desk
    d = desk.queue.detail
    assert d.body_view.toPlainText() == script
    assert d.article_label.text() == "<b>Titre</b>"
    assert d.author_label.text() == "Admin⟦RLO⟧txt.exe⟦ZWSP⟧"
    assert "site: xn--" in d.meta_label.text()  # the real (punycode) domain, not a look-alike
    for label in d.findChildren(QLabel):
        assert (
            label.textFormat() == Qt.TextFormat.PlainText
            or not label.text()
            or label in d.findChildren(QLabel, "detail_hidden")
        )
    assert desk.queue.model.data(desk.queue.model.index(0, 1)) == "Admin⟦RLO⟧txt.exe⟦ZWSP⟧"
    assert desk.queue.model.data(desk.queue.model.index(0, 2)).startswith("<script>alert('x')</script>")
    option = QStyleOptionViewItem()
    option.initFrom(desk.view)
    drawn = desk.view.itemDelegate().static_text(
        desk.queue.model.data(desk.queue.model.index(0, 2)), 2000, option
    )
    assert drawn.textFormat() == Qt.TextFormat.PlainText and drawn.text().startswith("<script>")


def test_a_megabyte_comment_is_capped_then_shown_in_chunks(qtbot, db: Database, open_desk) -> None:
    article = create_article(db, ArticleFields(title="Long", status="published")).id
    rant = ("Je ne suis pas d'accord " * 50_000)[:1_000_000]
    with db.session() as s:
        add_comments_in(s, [NewComment(article, rant, "Long", created_at=T0 + timedelta(minutes=1))])
    desk = open_desk(db).desk
    d = desk.queue.detail
    shown = d.body_view.toPlainText()
    assert len(shown) <= FIRST_CHARS + FIRST_CHARS // 100  # display lines add a few line breaks
    assert d.hidden_label.isVisibleTo(desk) and "more characters not shown yet" in d.hidden_label.text()
    numbers = [int(re.sub(r"\D", "", n)) for n in re.findall(r"\d[\d,.\s\u202f]*\d", d.hidden_label.text())]
    assert numbers == [len(rant) - len(shown), len(rant)]
    qtbot.mouseClick(d.show_all_button, Qt.MouseButton.LeftButton)
    assert d.is_loading()
    qtbot.waitUntil(lambda: not d.is_loading(), timeout=10_000)
    assert d.body_view.toPlainText().replace("\n", " ") == rant
    assert not d.hidden_label.isVisibleTo(desk)
    assert max(len(block) for block in d.body_view.toPlainText().split("\n")) <= 2_000
