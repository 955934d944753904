"""The window as a journalist and an editor use it, driven through real widgets."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from redaction.services.articles import editing as article_service
from redaction.services.moderation import comments as comment_service
from redaction.storage.database import Database
from redaction.storage.errors import DiskFullError
from redaction.ui.articles.model import COLUMNS
from redaction.ui.editor.merge_dialog import MergeDialog
from tests.ui.keys import type_text


def row_titles(window) -> list[str]:
    model = window.articles.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_create_type_preview_save_and_find_it_after_restart(qtbot, db: Database, make_window) -> None:
    window = make_window(db)
    qtbot.keyClick(window.articles.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.detail is not None
    assert window.editor.title_edit.hasFocus()
    qtbot.keyClicks(window.editor.title_edit, "Les goelands de Concarneau")
    window.editor.rubric_combo.setEditText("Portrait")
    type_text(qtbot, window.editor.body_edit, "## Sur le port\n\nIls sont *partout*.")
    qtbot.waitUntil(lambda: "<em>partout</em>" in window.editor.preview.rendered_html)
    assert "<h2" in window.editor.preview.rendered_html
    assert "Sur le port" in window.editor.preview.toPlainText()
    assert window.isWindowModified()

    qtbot.keyClick(window.editor.body_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert "Les goelands de Concarneau" in row_titles(window)
    window.close()

    again = make_window(db)
    qtbot.waitUntil(lambda: again.editor.detail is not None)
    assert again.editor.title_edit.text() == "Les goelands de Concarneau"
    assert again.editor.rubric_combo.currentText() == "Portrait"
    assert again.editor.body_edit.toPlainText() == "## Sur le port\n\nIls sont *partout*."
    revisions = article_service.list_revisions(db, again.editor.detail.id)
    assert revisions[0].reason == "save"


def test_switching_article_saves_what_was_typed(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    first_id = window.editor.detail.id
    window.editor.body_edit.moveCursor(window.editor.body_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor.body_edit, " Une phrase de plus.")
    window.articles.move_current(1)
    assert window.editor.detail.id != first_id
    with seeded_db.session() as s:
        assert article_service.get_article_in(s, first_id).fields.body.endswith("Une phrase de plus.")


def test_an_article_opened_otherwise_than_from_the_list_is_the_one_lit_in_it(
    qtbot, seeded_db: Database, make_window
) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    shown = window.editor.detail.id
    other = next(
        a.id
        for a in article_service.list_articles(seeded_db, article_service.ArticleQuery())
        if a.id != shown
    )
    assert window.open_article(other)
    assert window.articles.current_article_id() == other
    assert window.editor.detail.id == other


def test_closing_saves_unsaved_text(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    article_id = window.editor.detail.id
    window.editor.title_edit.setText("Titre changé avant de fermer")
    window.close()
    with seeded_db.session() as s:
        assert article_service.get_article_in(s, article_id).fields.title == "Titre changé avant de fermer"


def test_failed_save_keeps_the_text_and_says_why(
    qtbot, seeded_db: Database, make_window, monkeypatch
) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))

    def disk_full(*_args, **_kwargs):
        raise DiskFullError("The disk is full: the change was not saved.")

    monkeypatch.setattr(article_service, "save_article", disk_full)
    qtbot.keyClicks(window.editor.body_edit, "Texte precieux")
    assert not window.save()
    assert "disk is full" in shown[0] and "still in the editor" in shown[0]
    assert "Texte precieux" in window.editor.body_edit.toPlainText()
    assert window.isWindowModified()
    window.close()  # the close is refused too: the text would be lost
    assert window.isVisible()
    monkeypatch.undo()
    window.close()


def _their_save(db: Database, detail, **changes) -> None:
    """Someone else saves the same article meanwhile (another window or machine)."""
    f = detail.fields
    fields = article_service.ArticleFields(
        title=f.title,
        rubric=f.rubric,
        standfirst=f.standfirst,
        tags=f.tags,
        author=f.author,
        language=f.language,
        status=f.status,
        body=f.body,
    )
    article_service.save_article(db, detail.id, replace(fields, **changes), detail.version, "someone else")


def _on_dialog(action) -> None:
    """Act on the modal dialog the next call opens (closing it if the check fails)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            action(dialog)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)


def test_second_save_detects_the_conflict(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    detail = window.editor.detail
    window.editor.title_edit.setText("Mon titre")  # typing, not saved yet…
    _their_save(seeded_db, detail, title="Leur titre")  # …when someone else saves
    assert window.editor.title_edit.text() == "Mon titre"  # what is typed here is kept

    def cancel(dialog) -> None:
        assert isinstance(dialog, MergeDialog)
        assert "while you were editing" in dialog.findChild(QLabel).text()
        dialog.reject()

    _on_dialog(cancel)
    assert not window.save()
    with seeded_db.session() as s:
        assert article_service.get_article_in(s, detail.id).fields.title == "Leur titre"
    assert window.editor.title_edit.text() == "Mon titre"

    _on_dialog(lambda dialog: dialog.keep_mine.click())
    assert window.save()
    with seeded_db.session() as s:
        assert article_service.get_article_in(s, detail.id).fields.title == "Mon titre"
    titles = [r.fields.title for r in article_service.list_revisions(seeded_db, detail.id)]
    assert "Leur titre" in titles  # theirs is kept in the history


def test_conflicting_edits_of_different_paragraphs_merge(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.open_article(1)
    detail = window.editor.detail
    assert detail.fields.body == "## Le port\n\nDes bateaux."
    window.editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor.body_edit, " Et des mouettes.".encode("ascii", "ignore").decode())
    _their_save(seeded_db, detail, body="## Le port de pêche\n\nDes bateaux.")

    def merge(dialog) -> None:
        assert "merge cleanly" in dialog.conflict_label.text()
        dialog.save_merged.click()

    _on_dialog(merge)
    assert window.save()
    expected = "## Le port de pêche\n\nDes bateaux. Et des mouettes."
    assert window.editor.body_edit.toPlainText() == expected
    with seeded_db.session() as s:
        assert article_service.get_article_in(s, 1).fields.body == expected


def test_history_compares_and_restores_without_destroying(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.open_article(1)
    original = window.editor.body_edit.toPlainText()
    window.editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor.body_edit, " Nouvelle phrase.")
    assert window.save()

    def restore_oldest(dialog) -> None:
        dialog.table.selectRow(dialog.table.rowCount() - 1)  # the first version
        assert "words added" in dialog.summary.text()
        assert "Nouvelle phrase" in dialog.diff.toPlainText()
        dialog.restore_button.click()

    _on_dialog(restore_oldest)
    window.ctx.actions["article_history"].trigger()
    assert window.editor.body_edit.toPlainText() == original
    reasons = [r.reason for r in article_service.list_revisions(seeded_db, 1)]
    assert reasons[:2] == ["restore", "save"]  # nothing destroyed: restoring is a new revision


def test_focus_mode_shows_only_the_text_and_comes_back(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.open_article(1)
    window.ctx.actions["view_focus"].trigger()
    assert not window.articles_dock.isVisible() and not window.comments_dock.isVisible()
    assert not window.editor.preview.isVisible() and not window.editor.title_edit.isVisible()
    assert window.editor.body_edit.isVisible()
    window.ctx.actions["view_focus"].trigger()
    assert (
        window.articles_dock.isVisible()
        and window.editor.preview.isVisible()
        and window.editor.title_edit.isVisible()
    )


def test_approving_a_comment_updates_queue_and_pending_count(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.articles.select_article(1)
    qtbot.waitUntil(lambda: window.editor.detail is not None and window.editor.detail.id == 1)
    row = window.articles.model.row_of(1)
    pending_column = COLUMNS.index("pending_comments")
    assert window.articles.model.index(row, pending_column).data() == "2"
    assert window.comments.tabs.tabText(0).endswith("(2)")
    table = window.comments.view
    table.setFocus()
    first = window.comments.model.comment(0)
    qtbot.keyClick(table, Qt.Key.Key_A)
    # The decided comment keeps its row, dimmed, marked with where it went; the next one is current.
    assert window.comments.model.has_left(0)
    assert window.articles.model.index(row, pending_column).data() == "1"
    assert window.comments.tabs.tabText(0).endswith("(1)")
    assert window.comments.tabs.tabText(1).endswith("(2)")
    assert table.currentIndex().row() == 1  # the next comment is ready for a decision
    history = comment_service.history_of(seeded_db, first.id)
    assert [(e.from_status, e.to_status) for e in history] == [("pending", "approved")]


def test_hostile_comment_is_shown_as_text(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.articles.select_article(1)
    qtbot.waitUntil(lambda: window.editor.detail is not None and window.editor.detail.id == 1)
    model = window.comments.model
    row = next(r for r in range(model.rowCount()) if "script" in model.comment(r).excerpt)
    window.comments.view.selectRow(row)
    assert window.comments.queue.detail.body_view.toPlainText() == "<script>alert('x')</script>"


def test_list_filter_by_typed_text_and_status(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    qtbot.keyClicks(window.articles.filter_edit, "luthi")
    qtbot.waitUntil(lambda: row_titles(window) == ["Portrait d'une luthière"])
    window.articles.filter_edit.clear()
    window.articles.status_combo.setCurrentIndex(window.articles.status_combo.findData("ready"))
    qtbot.waitUntil(lambda: row_titles(window) == ["Match nul à Brest"])
    assert window.articles.count_label.text().startswith("1 ")


def test_status_moves_follow_the_workflow(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.articles.select_article(1)
    qtbot.waitUntil(lambda: window.editor.detail is not None and window.editor.detail.id == 1)
    window.ctx.actions["article_publish"].trigger()  # a draft cannot be published directly
    assert window.editor.detail.fields.status == "draft"
    window.ctx.actions["article_submit"].trigger()
    assert window.editor.detail.fields.status == "in_review"
    window.ctx.actions["article_ready"].trigger()
    window.ctx.actions["article_publish"].trigger()
    assert window.editor.detail.fields.status == "published"
    assert window.editor.detail.published_at is not None


def test_window_layout_is_remembered(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.comments_dock.hide()
    height = 580  # inside the 800x600 offscreen screen, and not the default size (552 there)
    window.resize(720, height)
    assert window.height() == height
    window.close()
    again = make_window(seeded_db)
    assert not again.comments_dock.isVisible()
    # The offscreen screen is 800x600 and Qt fits restored windows to the screen, so the width
    # (smaller than the window's minimum with every dock) is not comparable here; the height is.
    assert again.size().height() == height


def test_length_target_gauge_follows_the_text(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.open_article(1)
    assert not window.writing.gauge.isVisible()

    def set_target(dialog) -> None:
        dialog.length.setValue(30)
        dialog.unit.setCurrentIndex(dialog.unit.findData("signs"))
        dialog.accept()

    _on_dialog(set_target)
    window.ctx.actions["article_target"].trigger()
    gauge = window.writing.gauge
    assert gauge.isVisible() and gauge.maximum() == 30
    assert gauge.text().endswith("/ 30 signs")
    assert "to go" in gauge.toolTip()
    window.editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor.body_edit, " Une phrase de plus pour depasser.")
    qtbot.waitUntil(lambda: "over the target" in gauge.toolTip())
    with seeded_db.session() as s:
        assert article_service.get_article_in(s, 1).target_length == 30


def test_house_rules_block_ready_list_problems_and_can_be_edited(
    qtbot, seeded_db: Database, make_window
) -> None:
    window = make_window(seeded_db)
    window.open_article(2)  # in review, no standfirst
    window.ctx.actions["article_ready"].trigger()
    assert window.editor.detail.fields.status == "in_review"  # refused
    view = window.writing.rules_view
    assert window.writing.rules_dock.isVisible()
    messages = [view.item(i).text() for i in range(view.count())]
    assert any("standfirst" in m for m in messages)

    def relax(dialog) -> None:
        dialog.required["standfirst"].setChecked(False)
        dialog.banned.setPlainText("luthière")
        dialog.accept()

    _on_dialog(relax)
    window.ctx.actions["article_rules"].trigger()
    messages = [view.item(i).text() for i in range(view.count())]
    assert not any("standfirst" in m for m in messages)
    assert any("luthière" in m for m in messages)  # the new banned phrase, found in the headline
    row = next(i for i in range(view.count()) if "luthière" in view.item(i).text())
    view.itemActivated.emit(view.item(row))
    title = window.editor.title_edit
    assert title.cursorPosition() == title.text().index("luthière")  # the jump lands on the phrase
