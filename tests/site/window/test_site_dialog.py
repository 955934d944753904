"""File ▸ Site… as a person uses it: a refused password is said in the dialog and nothing is kept;
the right one connects and the dialog shows the site; Disconnect is refused while changes wait."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from redaction.services.site import credentials
from redaction.services.site.overview import site_state
from redaction.services.site.publish import publish_articles
from redaction.storage.database import Database
from tests.site.helpers import seed_article
from tests.site.window.conftest import SYNC_MS, choose_in_menu
from tests.site.wordpress import LocalWordPress
from tests.ui.keys import press, type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def _site_dialog(qtbot, window) -> QDialog:
    choose_in_menu(qtbot, window, "File", Qt.Key.Key_T)  # File ▸ Si&te…
    dialog = window.site.dialogs["site"]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _fill_and_connect(qtbot, dialog, url: str, user: str, password: str) -> None:
    type_text(qtbot, QApplication.focusWidget(), url)
    press(qtbot, QApplication.focusWidget(), "Tab")
    type_text(qtbot, QApplication.focusWidget(), user)
    press(qtbot, QApplication.focusWidget(), "Tab")
    type_text(qtbot, QApplication.focusWidget(), password)
    press(qtbot, QApplication.focusWidget(), "Return")


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A machine without a keyring (whatever another test module registered)."""
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_a_refused_password_is_said_and_nothing_kept_then_the_right_one_connects(
    qtbot, db: Database, site: LocalWordPress, make_window, no_keyring
) -> None:
    window = make_window(db)
    dialog = _site_dialog(qtbot, window)
    assert dialog.url_edit.hasFocus() and not dialog.site_box.isVisible()
    # No keyring: the dialog says where the password goes instead of offering one.
    assert dialog.keyring_note.isVisible() and "this session only" in dialog.keyring_note.text()

    _fill_and_connect(qtbot, dialog, site.url, site.user, "wrong pass word 1234")
    qtbot.waitUntil(lambda: dialog.error_title.isVisible(), timeout=SYNC_MS)
    assert dialog.error_title.text() == "The site refused the user name or the password."
    assert site.url in dialog.error_label.text() and "refused" in dialog.error_label.text()
    assert "\n" not in dialog.error_label.text()  # the service's one line
    assert site_state(db) is None
    assert credentials.find_password(site.url, site.user) is None  # nothing kept anywhere
    assert dialog.password_edit.hasFocus()  # to type it again; the address and user stay
    assert dialog.url_edit.text() == site.url and dialog.user_edit.text() == site.user

    type_text(qtbot, dialog.password_edit, site.app_password)  # replaces the selected wrong one
    press(qtbot, dialog.password_edit, "Return")
    qtbot.waitUntil(lambda: dialog.site_box.isVisible(), timeout=SYNC_MS)
    assert not dialog.error_title.isVisible()
    assert dialog.site_box.name_label.text() == "Le Journal"
    assert site.url in dialog.site_box.url_label.text() and dialog.site_box.user_label.text() == "admin"
    assert (
        "publish posts" in dialog.site_box.can_label.text()
        and "moderate comments" in dialog.site_box.can_label.text()
    )
    assert dialog.site_box.sync_label.text() == "never"
    assert dialog.site_box.waiting_label.text() == "nothing waits for the site"
    assert "this session only" in dialog.site_box.password_label.text()
    assert credentials.find_password(site.url, site.user) == site.app_password  # in memory only
    assert dialog.password_edit.text() == ""
    assert window.statusBar().currentMessage() == "Connected to Le Journal."
    assert not window.site.badge.isVisible()

    # The sync from the dialog: the last sync is now known.
    qtbot.mouseClick(dialog.site_box.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.site_box.sync_label.text() != "never", timeout=SYNC_MS)
    qtbot.waitUntil(lambda: not window.site.sync.running, timeout=SYNC_MS)


def test_a_user_who_may_not_publish_is_told_why(
    qtbot, db: Database, site: LocalWordPress, make_window
) -> None:
    window = make_window(db)
    dialog = _site_dialog(qtbot, window)
    _fill_and_connect(qtbot, dialog, site.url, site.contributor, site.contributor_password)
    qtbot.waitUntil(lambda: dialog.error_title.isVisible(), timeout=SYNC_MS)
    assert dialog.error_title.text() == "This is not allowed."
    assert "cannot publish posts or moderate comments" in dialog.error_label.text()
    assert site_state(db) is None


@pytest.fixture
def memory_keyring() -> Iterator[object]:
    """A keyring that keeps passwords in a dict (this machine has none)."""
    from keyring.backend import KeyringBackend

    before = keyring.get_keyring()  # chosen now, before the class below registers itself

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        kept: ClassVar[dict[tuple[str, str], str]] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.kept.pop((service, username), None)

    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_with_a_keyring_the_password_is_kept_there_when_asked(
    qtbot, db: Database, site: LocalWordPress, make_window, memory_keyring
) -> None:
    window = make_window(db)
    dialog = _site_dialog(qtbot, window)
    assert dialog.keyring_box.isVisible() and dialog.keyring_box.isChecked()
    assert not dialog.keyring_note.isVisible()
    _fill_and_connect(qtbot, dialog, site.url, site.user, site.app_password)
    qtbot.waitUntil(lambda: dialog.site_box.isVisible(), timeout=SYNC_MS)
    assert memory_keyring.kept == {("redaction", f"admin@127.0.0.1:{site.port}"): site.app_password}
    assert dialog.site_box.password_label.text() == "The password is kept in the system keyring."


def test_disconnect_is_refused_while_changes_wait_then_allowed(
    qtbot, site_db: Database, site: LocalWordPress, make_window, no_keyring
) -> None:
    article = seed_article(site_db, " (déconnexion)")
    publish_articles(site_db, [article.id], "Claire Vasseur")  # queued, not sent yet
    window = make_window(site_db)
    assert window.site.badge.text() == "1 change waiting for the site"
    dialog = _site_dialog(qtbot, window)
    assert dialog.site_box.waiting_label.text() == "1 change waiting for the site"
    assert "$REDACTION_SITE_PASSWORD" in dialog.site_box.password_label.text()  # how site_db gives it

    qtbot.mouseClick(dialog.site_box.disconnect_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.site_box.confirm_button.isVisible() and dialog.site_box.keep_button.hasFocus()
    )  # Enter keeps the site
    qtbot.mouseClick(dialog.site_box.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.error_title.text() == "Changes still wait for the site: sync them first."
    assert "1 change waiting for" in dialog.error_label.text()
    assert site_state(site_db) is not None and dialog.site_box.isVisible()

    qtbot.mouseClick(dialog.site_box.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.site_box.waiting_label.text() == "nothing waits for the site", timeout=SYNC_MS
    )
    qtbot.waitUntil(lambda: not window.site.sync.running, timeout=SYNC_MS)
    qtbot.mouseClick(dialog.site_box.disconnect_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.site_box.confirm_button, Qt.MouseButton.LeftButton)
    assert site_state(site_db) is None
    assert not dialog.site_box.isVisible() and dialog.connect_button.text() == "Connect"
    assert window.statusBar().currentMessage() == "The site is disconnected."
