"""The site in the window, against the real WordPress of tests/site/conftest.py (one per test
session), with the UI tests' fixtures (settings in a temporary folder, a shown main window).

No test syncs in the background unless it asks to: the timer's interval is injected (0: off),
so that every sync a test sees is one it started."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QWidget

from redaction.services.site import credentials
from redaction.ui import i18n
from redaction.ui.site import sync_runner
from tests.ui.conftest import isolated_settings, make_window  # noqa: F401 - fixtures
from tests.ui.keys import press


@pytest.fixture(autouse=True)
def no_kept_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """No password from an earlier test's session, nor from the environment unless a test
    sets it (the ``password`` fixture does, as scripts give it)."""
    monkeypatch.setattr(credentials, "_memory", {})
    monkeypatch.delenv(credentials.ENV_VAR, raising=False)


@pytest.fixture(autouse=True)
def english(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The English translator, for its plurals ("1 change", "2 changes"); removed after."""
    default = QLocale()
    i18n.install_translators(qapp, QLocale(QLocale.Language.English), cache=tmp_path / "cache")
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(default)


@pytest.fixture(autouse=True)
def no_background_sync(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_runner, "BACKGROUND_MS", 0)
    monkeypatch.setattr(sync_runner, "FIRST_MS", 0)


SYNC_MS = 60_000  # a sync against the local WordPress takes well under a second; the machine is shared


def sync_by_key(qtbot, widget: QWidget, window) -> object:
    """Press F9 on ``widget`` and wait for the sync to end; returns its result or error."""
    outcome: list[object] = []
    sync = window.site.sync
    sync.finished.connect(outcome.append)
    sync.failed.connect(lambda error, _say: outcome.append(error))
    press(qtbot, widget, "F9")
    qtbot.waitUntil(lambda: bool(outcome) and not sync.running, timeout=SYNC_MS)
    return outcome[0]


def choose_in_menu(qtbot, window, title: str, item_key: Qt.Key) -> None:
    """Click the menu's title in the menu bar, then press the item's underlined letter."""
    bar = window.menuBar()
    action = next(a for a in bar.actions() if a.text().replace("&", "") == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(action).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), item_key)


def rows_of(queue) -> list[object]:
    return [queue.model.comment(r) for r in range(queue.model.rowCount())]
