"""A start that skips the first run (--db) asks who is at the desk, once, so that saves and
decisions are signed with the person's name and not the system login."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from redaction import config
from redaction.ui import app, i18n
from redaction.ui.main_window import MainWindow
from redaction.ui.name_dialog import NameDialog, ask_name_once


def answer(qtbot, typed: str | None) -> None:
    """When the dialog shows: type ``typed`` and press Enter, or press Skip (None)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NameDialog)
        if typed is None:
            dialog.skip_button.click()
            return
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, typed)
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, act)


def test_the_name_is_asked_once_and_stored(qtbot) -> None:
    answer(qtbot, "Anne Le Goff")
    assert ask_name_once() == "Anne Le Goff"
    assert config.get(config.USER_NAME) == "Anne Le Goff"
    assert config.user_name() == "Anne Le Goff"
    assert ask_name_once() is None  # not again


def test_skipping_keeps_the_login_and_is_not_asked_again(qtbot) -> None:
    answer(qtbot, None)
    assert ask_name_once() == ""
    assert config.load().has(config.USER_NAME)
    assert ask_name_once() is None


def test_an_empty_name_cannot_be_confirmed(qtbot) -> None:
    dialog = NameDialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.clear()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "  ")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Yann")
    assert ok.isEnabled()


def test_starting_with_db_asks_the_name_before_the_window(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(app.EXIT_AFTER_PAINT_ENV, raising=False)
    signed: list[str] = []

    def event_loop(_app: QApplication) -> int:  # instead of running: who would sign, then quit
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and str(tmp_path) in w.db.location
        )
        signed.append(window.ctx.actor)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    answer(qtbot, "Claire Martin")
    try:
        assert app.run_gui(str(tmp_path / "newsroom.db")) == 0
    finally:
        i18n.remove_translators(QApplication.instance())  # run_gui installed the system's
    assert signed == ["Claire Martin"]
    assert config.get(config.USER_NAME) == "Claire Martin"
