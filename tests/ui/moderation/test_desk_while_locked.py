"""A decision taken at the desk while another program holds the write lock: the desk shows that
it waits (it does not freeze), and the decision is recorded once the other program is done."""

from __future__ import annotations

from PySide6.QtCore import Qt

from redaction.services.moderation.comments import get_comment_in
from redaction.storage.database import Database
from tests.robustness.locks import LockHolder
from tests.ui.keys import when_lock_wait_shows


def test_a_decision_waits_for_the_other_program_then_moves_on(qtbot, desk_db: Database, open_desk) -> None:
    window = open_desk(desk_db)
    desk = window.desk
    first = desk.queue.model.comment(desk.queue.current_row()).id
    holder = LockHolder(str(desk_db.engine.url.database))
    try:
        shown = when_lock_wait_shows(lambda _dialog: holder.release())
        qtbot.keyClick(desk.view, Qt.Key.Key_A)
    finally:
        holder.release()
    assert len(shown) == 1 and "The decision will be recorded" in shown[0]
    with desk_db.session() as s:
        assert get_comment_in(s, first).status == "approved"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: desk.queue.tabs.tabText(0) == "Pending (7)")
    assert desk.queue.model.comment(desk.queue.current_row()).id != first  # on to the next one
