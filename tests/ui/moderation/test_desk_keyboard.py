"""The desk from the keyboard: J/K, A/S/D/U, Z (several levels, bulk included), X and Shift+A,
/ and 1–5, counts that follow, and single-key shortcuts that never fire while typing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from redaction.services.moderation.comments import get_comment_in
from redaction.storage.database import Database
from tests.ui.keys import type_text


def key(qtbot, desk, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(desk.view, k, modifier)


def current_body(desk) -> str:
    return desk.queue.model.comment(desk.queue.current_row()).excerpt


def tabs(desk) -> list[str]:
    return [desk.queue.tabs.tabText(i) for i in range(desk.queue.tabs.count())]


def status_of(db: Database, comment_id: int) -> str:
    with db.session() as s:
        return get_comment_in(s, comment_id).status  # type: ignore[union-attr]


def test_decisions_from_the_keyboard_bring_up_the_next_comment_and_counts_follow(
    qtbot, desk_db, open_desk
) -> None:
    window = open_desk(desk_db)
    desk = window.desk
    assert tabs(desk) == ["Pending (8)", "Approved (2)", "Spam (0)", "Trash (0)", "All (10)"]
    assert current_body(desk).startswith("Commentaire numéro 7")
    key(qtbot, desk, Qt.Key.Key_J)
    key(qtbot, desk, Qt.Key.Key_J)
    key(qtbot, desk, Qt.Key.Key_K)
    assert current_body(desk).startswith("Commentaire numéro 6")
    first = desk.queue.model.comment(desk.queue.current_row()).id
    key(qtbot, desk, Qt.Key.Key_A)
    assert status_of(desk_db, first) == "approved"
    assert current_body(desk).startswith("Commentaire numéro 5")  # the next one, focused
    assert desk.view.hasFocus() and desk.queue.detail.detail.row.excerpt.startswith("Commentaire numéro 5")
    key(qtbot, desk, Qt.Key.Key_S)
    key(qtbot, desk, Qt.Key.Key_D)
    assert current_body(desk).startswith("Commentaire numéro 3")
    assert tabs(desk) == ["Pending (5)", "Approved (3)", "Spam (1)", "Trash (1)", "All (10)"]
    key(qtbot, desk, Qt.Key.Key_4)  # the trash queue
    assert desk.queue.status() == "trash" and current_body(desk).startswith("Commentaire numéro 4")
    key(qtbot, desk, Qt.Key.Key_U)  # back to pending
    assert desk.queue.model.rowCount() == 0 and "empty" in desk.queue.empty_label.text()
    key(qtbot, desk, Qt.Key.Key_1)
    assert tabs(desk)[0] == "Pending (6)" and desk.queue.status() == "pending"


def test_undo_goes_back_several_levels_and_refocuses_the_comment(qtbot, desk_db, open_desk) -> None:
    desk = open_desk(desk_db).desk
    ids = [desk.queue.model.comment(r).id for r in range(3)]
    for k in (Qt.Key.Key_A, Qt.Key.Key_S, Qt.Key.Key_D):
        key(qtbot, desk, k)
    assert [status_of(desk_db, i) for i in ids] == ["approved", "spam", "trash"]
    key(qtbot, desk, Qt.Key.Key_Z)
    assert status_of(desk_db, ids[2]) == "pending"
    assert desk.queue.model.comment(desk.queue.current_row()).id == ids[2]
    key(qtbot, desk, Qt.Key.Key_Z)
    key(qtbot, desk, Qt.Key.Key_Z)
    assert [status_of(desk_db, i) for i in ids] == ["pending"] * 3
    assert desk.queue.model.comment(desk.queue.current_row()).id == ids[0]
    assert desk.queue.tabs.tabText(0) == "Pending (8)"
    key(qtbot, desk, Qt.Key.Key_Z)  # nothing left: says so, changes nothing
    assert desk.queue.tabs.tabText(0) == "Pending (8)"


def test_marks_and_shift_decisions_then_undo_of_the_bulk_step(qtbot, desk_db, open_desk) -> None:
    desk = open_desk(desk_db).desk
    key(qtbot, desk, Qt.Key.Key_X)
    key(qtbot, desk, Qt.Key.Key_J)
    key(qtbot, desk, Qt.Key.Key_J)
    key(qtbot, desk, Qt.Key.Key_X)
    marked = desk.queue.model.marked_ids()
    assert len(marked) == 2 and "2 marked" in desk.queue.marks_label.text()
    key(qtbot, desk, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert [status_of(desk_db, i) for i in marked] == ["approved", "approved"]
    assert desk.queue.model.mark_count() == 0 and desk.queue.tabs.tabText(0) == "Pending (6)"
    key(qtbot, desk, Qt.Key.Key_D)  # one more decision on top of the bulk one
    key(qtbot, desk, Qt.Key.Key_Z)
    key(qtbot, desk, Qt.Key.Key_Z)  # the bulk step is one level
    assert [status_of(desk_db, i) for i in marked] == ["pending", "pending"]
    assert desk.queue.tabs.tabText(0) == "Pending (8)"


def test_shift_decision_without_marks_acts_on_the_selected_rows(qtbot, desk_db, open_desk) -> None:
    desk = open_desk(desk_db).desk
    desk.view.selectRow(0)
    qtbot.keyClick(desk.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = desk.queue.target_ids()
    assert len(chosen) == 2
    key(qtbot, desk, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    assert [status_of(desk_db, i) for i in chosen] == ["spam", "spam"]


def test_single_keys_are_typed_in_the_search_field_not_obeyed(qtbot, desk_db, open_desk) -> None:
    desk = open_desk(desk_db).desk
    key(qtbot, desk, Qt.Key.Key_Slash)
    assert desk.filters.search_edit.hasFocus()
    type_text(qtbot, desk.filters.search_edit, "asdzjx1")
    assert desk.filters.search_edit.text() == "asdzjx1"
    assert desk.queue.tabs.tabText(0) == "Pending (8)" and desk.queue.status() == "pending"
    assert desk.ctx.moderation.undo_stack == []
    qtbot.keyClick(desk.filters.search_edit, Qt.Key.Key_Escape)
    assert desk.view.hasFocus()


def test_search_is_accent_insensitive_and_filters_narrow_the_counts(qtbot, desk_db, open_desk) -> None:
    desk = open_desk(desk_db).desk
    key(qtbot, desk, Qt.Key.Key_Slash)
    type_text(qtbot, desk.filters.search_edit, "numero 3 cafe")
    qtbot.keyClick(desk.filters.search_edit, Qt.Key.Key_Return)  # search now, back to the queue
    assert desk.view.hasFocus()
    assert desk.queue.model.rowCount() == 1 and current_body(desk).startswith("Commentaire numéro 3")
    qtbot.waitUntil(lambda: desk.queue.tabs.tabText(0) == "Pending (1)")
    desk.filters.search_edit.clear()
    desk.filters.author_edit.setText("lea")  # Léa, accents folded
    desk.filters.apply_now()
    assert {desk.queue.model.comment(r).author_name for r in range(desk.queue.model.rowCount())} == {"Léa"}
    qtbot.waitUntil(lambda: desk.queue.tabs.tabText(0) == "Pending (3)")


def test_article_scope_follows_the_main_window_article(qtbot, desk_db, open_desk) -> None:
    window = open_desk(desk_db)
    desk = window.desk
    article = desk.queue.model.comment(0).article_id
    window.set_current_article(article, "Le festival")
    assert desk.queue.model.rowCount() == 8  # offered, not imposed
    key(qtbot, desk, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert {desk.queue.model.comment(r).article_id for r in range(desk.queue.model.rowCount())} == {article}
    qtbot.waitUntil(lambda: desk.queue.tabs.tabText(0) == "Pending (4)")


def test_question_mark_overlay_lists_every_desk_shortcut_from_the_registry(qtbot, desk_db, open_desk) -> None:
    desk = open_desk(desk_db).desk
    desk.ctx.actions.set_shortcut("queue_next", None)
    key(qtbot, desk, Qt.Key.Key_Question)
    assert desk.overlay.isVisible()
    listed = dict(desk.overlay.rows)
    for name in [n for _title, names in desk.shortcut_groups() for n in names]:
        shortcut = desk.ctx.actions[name].shortcut().toString()
        assert shortcut in listed, name
    assert (
        listed["J"] == "Next Comment"
        and listed["Shift+A"] == "Approve Marked"
        and listed["Shift+S"] == "Spam Marked"
    )
    qtbot.keyClick(desk.overlay, Qt.Key.Key_A)  # closes, and decides nothing
    assert not desk.overlay.isVisible() and desk.queue.tabs.tabText(0) == "Pending (8)"


def test_date_filters_narrow_the_queue_and_say_so_when_empty(qtbot, desk_db, open_desk) -> None:
    desk = open_desk(desk_db).desk
    dates = desk.filters.date_combo
    dates.setCurrentIndex(dates.findData("week"))  # the fixture's comments are from 2025
    assert (
        desk.queue.model.rowCount() == 0
        and desk.queue.empty_label.text() == "No comment matches these filters."
    )
    qtbot.waitUntil(lambda: desk.queue.tabs.tabText(0) == "Pending (0)")
    dates.setCurrentIndex(dates.findData("older"))
    assert desk.queue.model.rowCount() == 8
    dates.setCurrentIndex(dates.findData("range"))
    assert desk.filters.from_edit.isVisibleTo(desk)
    from PySide6.QtCore import QDate

    desk.filters.from_edit.setDate(QDate(2025, 4, 18))  # local days: any time zone
    desk.filters.to_edit.setDate(QDate(2025, 4, 20))
    qtbot.waitUntil(lambda: desk.queue.tabs.tabText(0) == "Pending (8)")
    assert desk.queue.model.rowCount() == 8


def test_a_click_on_the_check_box_marks_the_comment(qtbot, desk_db, open_desk) -> None:
    from PySide6.QtCore import QPoint

    desk = open_desk(desk_db).desk
    rect = desk.view.visualRect(desk.queue.model.index(2, 0))
    box = QPoint(rect.left() + rect.height() // 2, rect.center().y())
    qtbot.mouseClick(desk.view.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert desk.queue.model.marked_ids() == [desk.queue.model.comment(2).id]
    qtbot.mouseClick(desk.view.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert desk.queue.model.marked_ids() == []


def darkest(desk, row: int) -> int:
    """The darkest pixel of a row's comment cell, as drawn on screen (0 black, 255 white)."""
    from redaction.ui.moderation.queue_model import COLUMNS

    image = desk.view.viewport().grab().toImage()
    rect = desk.view.visualRect(desk.queue.model.index(row, COLUMNS.index("comment")))
    return min(
        image.pixelColor(x, y).lightness()
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom())
    )


def test_a_decided_comment_stays_dimmed_in_place_until_the_queue_is_read_again(
    qtbot, desk_db, open_desk
) -> None:
    from redaction.ui.moderation.queue_model import COLUMNS

    desk = open_desk(desk_db).desk
    rows = desk.queue.model.rowCount()
    first = desk.queue.model.comment(0).id
    key(qtbot, desk, Qt.Key.Key_A)
    assert desk.queue.model.rowCount() == rows and desk.queue.current_row() == 1  # nothing jumped
    assert desk.queue.model.display_text(0, COLUMNS.index("comment")).startswith(
        "→ Approved · Commentaire numéro 7"
    )
    assert darkest(desk, 0) > darkest(desk, 2) + 40  # drawn dimmed, the open ones are not
    assert desk.queue.tabs.tabText(0) == "Pending (7)"
    key(qtbot, desk, Qt.Key.Key_K)  # back on it: it can be read and decided again
    assert desk.queue.detail.why_label.text().startswith("Moved to approved by claire")
    key(qtbot, desk, Qt.Key.Key_S)
    assert status_of(desk_db, first) == "spam" and desk.queue.current_row() == 1
    assert desk.queue.model.display_text(0, COLUMNS.index("comment")).startswith("→ Spam · ")
    key(qtbot, desk, Qt.Key.Key_U)  # row 1 back to pending: still in the queue, not dimmed
    assert not desk.queue.model.has_left(1) and desk.queue.current_row() == 2
    key(qtbot, desk, Qt.Key.Key_1)  # the queue read again: the decided one is gone
    assert desk.queue.model.rowCount() == rows - 1
    assert desk.queue.model.comment(0).id != first and not desk.queue.model.has_left(0)


def test_deciding_the_last_open_comment_shows_the_queue_empty(qtbot, desk_db, open_desk) -> None:
    desk = open_desk(desk_db).desk
    for _ in range(8):
        key(qtbot, desk, Qt.Key.Key_D)
    assert desk.queue.tabs.tabText(0) == "Pending (0)"
    assert desk.queue.model.rowCount() == 0 and desk.queue.empty_label.isVisible()
    assert "Nothing is waiting" in desk.queue.empty_label.text()


def test_deciding_the_last_row_goes_back_up_to_the_nearest_open_comment(qtbot, desk_db, open_desk) -> None:
    desk = open_desk(desk_db).desk
    last = desk.queue.model.rowCount() - 1
    desk.queue.select_row(last)
    key(qtbot, desk, Qt.Key.Key_A)
    assert desk.queue.model.has_left(last) and desk.queue.current_row() == last - 1
    assert desk.queue.detail.detail.row.id == desk.queue.model.comment(last - 1).id
