"""Around the queue: bulk moves on a worker with progress, the dossier, replying as the
newsroom, the decision log with undo, the dashboard, the rules' dry run, and the models."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from redaction.services.articles.editing import create_article
from redaction.services.articles.values import ArticleFields
from redaction.services.backup import list_backups
from redaction.services.moderation.comments import NewComment, add_comments_in, get_comment_in
from redaction.services.moderation.detail import comment_detail
from redaction.services.moderation.queue import decide
from redaction.services.moderation.values import NEWSROOM_REASON
from redaction.storage.database import Database
from redaction.ui.moderation.controller import SYNC_LIMIT
from redaction.ui.moderation.log_model import LogModel
from redaction.ui.moderation.queue_model import QueueModel
from tests.ui.keys import type_text
from tests.ui.moderation.conftest import T0


def status_of(db: Database, comment_id: int) -> str:
    with db.session() as s:
        return get_comment_in(s, comment_id).status  # type: ignore[union-attr]


def many_pending(db: Database, n: int) -> list[int]:
    article = create_article(db, ArticleFields(title="Très commenté", status="published")).id
    with db.session() as s:
        return add_comments_in(
            s,
            [
                NewComment(article, f"avis {i}", f"Lecteur {i}", created_at=T0 + timedelta(seconds=i))
                for i in range(n)
            ],
        )


def test_bulk_approve_runs_on_a_worker_with_progress_to_the_end_and_is_one_undo(qtbot, db, open_desk) -> None:
    n = SYNC_LIMIT * 2 + 50
    ids = many_pending(db, n)
    desk = open_desk(db).desk
    qtbot.keyClick(desk.view, Qt.Key.Key_X, Qt.KeyboardModifier.ShiftModifier)  # mark all matching
    qtbot.waitUntil(lambda: desk.queue.operation is None)  # collected on a worker thread
    assert desk.queue.model.mark_count() == n and desk.queue.model.rowCount() < n  # more than is loaded
    notices: list[str] = []
    desk.ctx.backups.saved.connect(notices.append)
    qtbot.keyClick(desk.view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    operation = desk.ctx.moderation.operation
    assert operation is not None  # not on the UI thread
    qtbot.waitUntil(lambda: desk.ctx.moderation.operation is None, timeout=20_000)
    assert operation.shown_progress == (n, n)
    assert {status_of(db, i) for i in ids} == {"approved"}
    assert desk.queue.tabs.tabText(0) == "Pending (0)" and desk.queue.tabs.tabText(1) == f"Approved ({n})"
    # A copy of the database as it was before the move, written while (and after) it ran.
    qtbot.waitUntil(lambda: bool(notices), timeout=20_000)
    (backup,) = list_backups(db)
    assert backup.reason == "before-bulk-approve" and notices == [f"Backup copy saved: {backup.path.name}"]
    copy = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
    moved = copy.execute("SELECT status, count(*) FROM comment GROUP BY status").fetchall()
    copy.close()
    assert moved == [("pending", n)]
    assert desk.view.hasFocus()  # the keyboard is back in the queue: the next keys still work
    qtbot.keyClick(desk.view, Qt.Key.Key_Z)  # the whole bulk step, on a worker too
    qtbot.waitUntil(
        lambda: desk.ctx.moderation.operation is None and desk.queue.tabs.tabText(0) == f"Pending ({n})",
        timeout=20_000,
    )
    assert {status_of(db, i) for i in ids} == {"pending"}
    qtbot.waitUntil(lambda: len(notices) == 2, timeout=20_000)  # undoing a bulk move is one too
    assert [b.reason for b in list_backups(db)] == ["before-bulk-undo", "before-bulk-approve"]


def test_no_room_for_the_backup_copy_means_the_bulk_move_does_not_happen(
    qtbot, db, db_path, open_desk, monkeypatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from redaction.storage import backups as backup_files

    ids = many_pending(db, SYNC_LIMIT + 10)
    desk = open_desk(db).desk
    full = shutil.disk_usage(db_path.parent)._replace(free=0)
    monkeypatch.setattr(backup_files.shutil, "disk_usage", lambda _path: full)
    desk.queue.model.set_marks(ids)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read_and_close)
            return
        seen.append(box.text())
        box.close()

    QTimer.singleShot(0, read_and_close)
    qtbot.keyClick(desk.view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: desk.ctx.moderation.operation is None and bool(seen), timeout=20_000)
    assert "Not enough free disk space" in seen[0] and "Nothing was changed" in seen[0]
    assert {status_of(db, i) for i in ids} == {"pending"}
    assert desk.queue.tabs.tabText(0) == f"Pending ({len(ids)})" and list_backups(db) == []


def test_dossier_counts_and_bulk_actions(qtbot, desk_db, open_desk) -> None:
    window = open_desk(desk_db)
    desk = window.desk
    row = next(
        r for r in range(desk.queue.model.rowCount()) if desk.queue.model.comment(r).author_name == "Yann"
    )
    desk.queue.select_row(row)
    qtbot.keyClick(desk.view, Qt.Key.Key_O)
    dialog = window._companions["dossier"]
    assert dialog.who_label.text() == "yann@example.fr"
    assert dialog.dossier.counts["pending"] == 3 and dialog.dossier.articles == 2
    assert dialog.model.rowCount() == 3 and dialog.names_label.text() == "Yann"
    dialog.approve_all_pending()
    qtbot.waitUntil(lambda: dialog.operation is None)
    assert dialog.dossier.counts["approved"] == 3 and not dialog.approve_button.isEnabled()
    qtbot.waitUntil(lambda: desk.queue.tabs.tabText(0) == "Pending (5)")  # the desk follows
    qtbot.mouseClick(dialog.block_button, Qt.MouseButton.LeftButton)
    from redaction.services.moderation.rules import get_rules

    assert "yann@example.fr" in get_rules(desk_db).blocked_emails and not dialog.block_button.isEnabled()


def test_errors_quoting_reader_text_are_shown_as_plain_text(qtbot, desk_db, open_desk) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    dialog = open_desk(desk_db).open_rules()
    dialog.list_edits["blocked_emails"].setPlainText("<img src=http://evil.test/x.png>")
    seen: list[tuple[Qt.TextFormat, str]] = []

    def inspect() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.textFormat(), box.text()))
        box.close()

    QTimer.singleShot(0, inspect)
    assert not dialog.save()
    assert seen and seen[0][0] == Qt.TextFormat.PlainText and "<img" in seen[0][1]


def test_reply_as_the_newsroom_is_threaded_approved_and_signed(qtbot, desk_db, open_desk) -> None:
    desk = open_desk(desk_db, actor="Anne Le Goff").desk
    parent = desk.queue.model.comment(0).id
    qtbot.keyClick(desk.view, Qt.Key.Key_R)
    edit = desk.queue.detail.reply_edit
    assert edit.hasFocus() and desk.queue.detail.reply_send.text() == "Approve and Reply"
    type_text(qtbot, edit, "Merci, nous corrigeons\u00a0!\nLa redaction")  # a French no-break space
    assert desk.queue.tabs.tabText(0) == "Pending (8)"  # typing "a" or "s" decided nothing
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert status_of(desk_db, parent) == "approved"
    detail = comment_detail(desk_db, parent)
    assert detail is not None and detail.replies == 1
    with desk_db.session() as s:
        from sqlalchemy import select

        from redaction.storage.models import Comment

        reply = s.execute(select(Comment).where(Comment.parent_id == parent)).scalar_one()
        assert (reply.status, reply.author_name, reply.reason) == (
            "approved",
            "Anne Le Goff",
            NEWSROOM_REASON,
        )
        assert (
            reply.body == "Merci, nous corrigeons\u00a0!\nLa redaction"
            and reply.article_id == detail.row.article_id
        )
    assert not desk.queue.detail.reply_frame.isVisible() and desk.queue.tabs.tabText(0) == "Pending (7)"


def test_decision_log_lists_filters_and_undoes(qtbot, desk_db, open_desk) -> None:
    window = open_desk(desk_db)
    desk = window.desk
    first, second = desk.queue.model.comment(0).id, desk.queue.model.comment(1).id
    decide(desk_db, [first], "spam", "marc", reason="publicité")
    qtbot.keyClick(desk.view, Qt.Key.Key_F5)
    qtbot.keyClick(desk.view, Qt.Key.Key_A)  # claire approves the next one
    log = window.open_log()
    assert log.model.rowCount() == 2
    assert log.model.data(log.model.index(0, 1)) == "claire"
    log.actor_combo.setCurrentIndex(log.actor_combo.findData("marc"))
    assert log.model.rowCount() == 1 and log.model.event_row(0).comment_id == first
    log.actor_combo.setCurrentIndex(0)
    type_text(qtbot, log.text_edit, "publicit")
    qtbot.waitUntil(lambda: log.model.rowCount() == 1)
    log.view.selectRow(0)
    qtbot.mouseClick(log.undo_button, Qt.MouseButton.LeftButton)
    assert status_of(desk_db, first) == "pending" and "back in pending" in log.message.text()
    qtbot.waitUntil(lambda: desk.queue.tabs.tabText(0) == "Pending (7)")
    log.text_edit.clear()
    log.apply_filter()
    undo_row = next(r for r in range(log.model.rowCount()) if log.model.event_row(r).reason == "publicité")
    log.view.selectRow(undo_row)
    log.undo_selected()  # already undone: refused, with the reason
    assert "moved to pending since" in log.message.text()
    assert status_of(desk_db, second) == "approved"


def test_dashboard_shows_backlog_chart_and_top_articles(qtbot, desk_db, open_desk) -> None:
    window = open_desk(desk_db)
    dashboard = window.open_dashboard()
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=10_000)
    assert dashboard.pending_value.text() == "8"
    assert len(dashboard.chart.series()) == 1 and len(dashboard.chart.series()[0].barSets()) == 4
    assert dashboard.top_table.rowCount() in (0, 2)  # the fixture's comments may be older than 30 days
    dashboard.period_combo.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: dashboard.figures is not None and len(dashboard.figures.days) == 90, timeout=10_000
    )


def test_rules_dry_run_shows_counts_and_changes_before_saving(qtbot, desk_db, open_desk) -> None:
    window = open_desk(desk_db)
    dialog = window.open_rules()
    dialog.list_edits["blocked_emails"].setPlainText("bot@spam.test")
    with qtbot.waitSignal(dialog.dry_run_finished, timeout=20_000):
        qtbot.mouseClick(dialog.dry_run_button, Qt.MouseButton.LeftButton)
    assert dialog.last_run is not None, dialog.result_label.text()
    assert dialog.last_run.trashed == 2
    assert "send 2 to the trash" in dialog.result_label.text()
    assert dialog.changes.rowCount() == 2
    assert dialog.changes.data(dialog.changes.index(0, 2)) == "Bot"
    assert window.desk.queue.tabs.tabText(3) == "Trash (0)"  # a dry run changes nothing
    assert dialog.save()
    from redaction.services.moderation.rules import get_rules

    assert get_rules(desk_db).blocked_emails == ("bot@spam.test",)


def test_the_rules_dialog_keeps_and_sets_what_to_do_with_dangerous_markup(qtbot, desk_db, open_desk) -> None:
    from dataclasses import replace

    from redaction.services.moderation.rules import get_rules, save_rules

    save_rules(desk_db, replace(get_rules(desk_db), dangerous_markup="spam"))  # set on the command line
    dialog = open_desk(desk_db).open_rules()
    assert dialog.markup_combo.currentText() == "Mark as spam"
    dialog.list_edits["blocked_emails"].setPlainText("bot@spam.test")
    assert dialog.save()
    assert get_rules(desk_db).dangerous_markup == "spam"  # saving other rules keeps it
    dialog = open_desk(desk_db).open_rules()
    dialog.markup_combo.setFocus()
    qtbot.keyClick(dialog.markup_combo, Qt.Key.Key_Down)  # spam -> let it through
    assert dialog.save()
    assert get_rules(desk_db).dangerous_markup == "off"


def test_queue_and_log_models_pass_the_model_tester(qtmodeltester, desk_db) -> None:
    decide(desk_db, [1, 2], "spam", "claire")
    queue = QueueModel(desk_db, page_size=3)
    queue.reload()
    qtmodeltester.check(queue, force_py=True)
    queue.toggle_mark(0)
    queue.apply_moves({queue.comment(0).id: "approved", queue.comment(2).id: "trash"})
    qtmodeltester.check(queue, force_py=True)
    log = LogModel(desk_db, page_size=1)
    log.reload()
    qtmodeltester.check(log, force_py=True)
    from redaction.services.moderation.rules import Change, RuleRun
    from redaction.ui.moderation.rules_dialog import ChangesModel

    changes = ChangesModel()
    changes.set_run(RuleRun(changes=[Change(3, 1, "pending", "trash", "blocked: bot@spam.test")]), {})
    qtmodeltester.check(changes, force_py=True)
    QApplication.processEvents()


def test_quitting_waits_for_a_backup_copy_still_being_written(qtbot, db, db_path) -> None:
    from redaction.services.backup import backups_in_progress, pin_backup_before
    from redaction.ui.operations import finish_background_backups

    many_pending(db, 30)
    pinned = pin_backup_before(db, "bulk-approve")
    assert pinned is not None and backups_in_progress() == [pinned]
    pinned.write_in_background()
    finish_background_backups(None)  # what the main window does when it closes
    assert backups_in_progress() == [] and pinned.done
    (backup,) = list_backups(db)
    assert backup.path == pinned.final and backup.path.stat().st_size > 0
