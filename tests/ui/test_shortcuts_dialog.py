"""F1: every shortcut of the registry, once, grouped by menu, searchable."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from redaction.storage.database import Database
from redaction.ui.shortcuts_dialog import ShortcutsDialog
from tests.ui.keys import press


@pytest.fixture
def dialog(qtbot, seeded_db: Database, make_window) -> ShortcutsDialog:
    window = make_window(seeded_db)
    window.open_article(1)
    window.editor.body_edit.setFocus()
    press(qtbot, window.editor.body_edit, "F1")
    found = window.findChild(ShortcutsDialog)
    assert found is not None and found.isVisible()
    return found


def rows(dialog: ShortcutsDialog, visible_only: bool = False) -> list[tuple[str, str, str]]:
    """(group, command, keys) of each row."""
    out = []
    for group in dialog.groups():
        if visible_only and group.isHidden():
            continue
        for i in range(group.childCount()):
            item = group.child(i)
            if not (visible_only and item.isHidden()):
                out.append((group.text(0), item.text(0), item.text(1)))
    return out


def test_every_shortcut_is_listed_once_under_its_menu(dialog: ShortcutsDialog, qapp) -> None:
    registry = dialog.parent().ctx.actions
    with_keys = [a for _spec, a in registry.items() if a.shortcuts()]
    listed = rows(dialog)
    assert len(listed) == len(with_keys)  # nothing missing, nothing twice
    counts = Counter(command for _group, command, _keys in listed)
    shown = {(command, keys) for _group, command, keys in listed}
    for action in with_keys:
        keys = action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
        assert any(c == action.text().replace("&", "") and keys in k for c, k in shown), action.objectName()
    groups = {command: group for group, command, _keys in listed}
    assert groups["Bold"] == "Format" and groups["Heading 2"] == "Format"
    assert groups["Outline"] == "View" and groups["Focus Mode"] == "View"
    assert groups["Next Comment"].endswith("Queue")  # the desk's keys, under the desk's menus
    assert counts["Approve"] == 1  # offered in the Comments menu and at the desk: listed once


def test_typing_filters_by_command_or_key(qtbot, dialog: ShortcutsDialog) -> None:
    assert QApplication.focusWidget() is dialog.search  # type at once
    qtbot.keyClicks(dialog.search, "bold")
    assert [command for _g, command, _k in rows(dialog, visible_only=True)] == ["Bold"]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "ctrl+shift+o")
    assert [command for _g, command, _k in rows(dialog, visible_only=True)] == ["Outline"]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "zzz")
    assert not rows(dialog, visible_only=True)
    assert dialog.empty.isVisible()
    dialog.search.clear()
    assert len(rows(dialog, visible_only=True)) == len(rows(dialog))


def test_a_changed_shortcut_shows_its_new_key(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.ctx.actions.set_shortcut("format_bold", QKeySequence("Ctrl+Alt+B"))
    dialog = ShortcutsDialog(window.ctx.actions, window)
    qtbot.addWidget(dialog)
    bold = [keys for _g, command, keys in rows(dialog) if command == "Bold"]
    assert bold == [QKeySequence("Ctrl+Alt+B").toString(QKeySequence.SequenceFormat.NativeText)]


def test_search_ignores_case_and_accents_in_french(
    qtbot, ui_language, seeded_db: Database, make_window
) -> None:
    ui_language("fr")
    window = make_window(seeded_db)
    dialog = ShortcutsDialog(window.ctx.actions, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "APERCU")
    assert [command for _g, command, _k in rows(dialog, visible_only=True)] == ["Aperçu"]
    groups = {group for group, _c, _k in rows(dialog)}
    assert "Affichage" in groups and "Bureau de modération ▸ File" in groups
