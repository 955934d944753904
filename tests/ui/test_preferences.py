"""Preferences as a person uses them: values kept, theme and shortcuts applied at once, the
interface language switched live, and a shortcut already taken refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from redaction.storage.database import Database
from redaction.ui import i18n, settings
from redaction.ui.preferences import PreferencesDialog
from redaction.ui.shell import Desk
from redaction.ui.theme import apply_theme
from tests.ui.keys import press


@pytest.fixture(autouse=True)
def restore_app_state(qapp: QApplication) -> Iterator[None]:
    """Theme, translators and default locale are application-wide: put them back."""
    default = QLocale()
    yield
    apply_theme(qapp, "system")
    i18n.remove_translators(qapp)
    QLocale.setDefault(default)


def open_preferences(window, qtbot) -> PreferencesDialog:
    window.ctx.actions["file_preferences"].trigger()
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None
    assert dialog.isVisible() and dialog.isModal()  # window-modal over the main window
    return dialog


def press_ok(dialog: PreferencesDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def choose(combo, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_preferences_are_kept_with_their_types(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    dialog = open_preferences(window, qtbot)
    dialog.name_edit.setText("Anne Le Goff")
    choose(dialog.role_combo, "editor")
    choose(dialog.article_language_combo, "en")
    dialog.autosave_spin.setValue(30)
    dialog.spell_checks["en"].setChecked(True)
    dialog.spell_checks["fr"].setChecked(False)
    press_ok(dialog)

    assert settings.get(settings.USER_NAME) == "Anne Le Goff"
    assert settings.get(settings.USER_ROLE) == "editor"
    assert settings.get(settings.DEFAULT_LANGUAGE) == "en"
    assert settings.get(settings.AUTOSAVE_SECONDS) == 30
    assert settings.get(settings.SPELL_LANGUAGES) == ("en",)
    assert window.ctx.actor == "Anne Le Goff"  # the next save is signed with the new name

    again = PreferencesDialog(window.ctx.actions, window)
    assert again.name_edit.text() == "Anne Le Goff"
    assert again.role_combo.currentData() == "editor"
    assert again.autosave_spin.value() == 30
    assert not again.spell_checks["fr"].isChecked() and again.spell_checks["en"].isChecked()


def test_no_spell_check_language_stays_none_and_bad_values_fall_back(isolated_config: Path) -> None:
    settings.put(settings.SPELL_LANGUAGES, ())
    assert settings.get(settings.SPELL_LANGUAGES) == ()
    # Values edited by hand into config.toml (and Qt's settings for the theme) that make no sense.
    isolated_config.write_text(
        '[writing]\nautosave_seconds = "soon"\nspell_languages = ["fr", "xx", "en", "fr"]\n'
        '[user]\nrole = "boss"\n'
    )
    QSettings().setValue("prefs/theme", "purple")
    assert settings.get(settings.AUTOSAVE_SECONDS) == 2
    assert settings.get(settings.USER_ROLE) == "journalist"
    assert settings.get(settings.THEME) == "system"
    assert settings.get(settings.SPELL_LANGUAGES) == ("fr", "en")


def test_preferences_of_an_earlier_version_move_from_qt_settings_to_config_once(
    isolated_config: Path,
) -> None:
    store = QSettings()
    store.setValue("prefs/user_name", "Anne Le Goff")
    store.setValue("prefs/database", "/srv/newsroom/redaction.db")
    store.setValue("prefs/autosave_seconds", 30)
    store.setValue("prefs/theme", "dark")
    assert settings.migrate_qt_preferences()
    text = isolated_config.read_text()
    assert 'name = "Anne Le Goff"' in text and 'target = "/srv/newsroom/redaction.db"' in text
    assert settings.get(settings.AUTOSAVE_SECONDS) == 30
    # Qt's settings keep the theme only; a second start finds nothing left to move.
    assert [k for k in QSettings().allKeys() if k.startswith("prefs/")] == ["prefs/theme"]
    assert settings.migrate_qt_preferences() == []


def test_window_layout_is_kept_apart_from_preferences(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.close()
    keys = QSettings().allKeys()
    assert any(k.startswith("window/") for k in keys)
    assert not any(k.startswith("prefs/") for k in keys)  # closing stores layout, never preferences


def test_dark_theme_applies_at_once_and_system_gives_the_look_back(
    qapp, qtbot, seeded_db, make_window
) -> None:
    window = make_window(seeded_db)
    original = qapp.palette().color(QPalette.ColorRole.Window)
    dialog = open_preferences(window, qtbot)
    choose(dialog.theme_combo, "dark")
    press_ok(dialog)
    # Widgets take the new palette as soon as Qt delivers the change: no restart, no reopening.
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 80)
    assert window.palette().color(QPalette.ColorRole.Text).lightness() > 180

    dialog = open_preferences(window, qtbot)
    choose(dialog.theme_combo, "system")
    press_ok(dialog)
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window) == original)


def test_shortcut_override_applies_at_once_and_after_restart(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    qtbot.waitUntil(lambda: window.editor.detail is not None)
    dialog = open_preferences(window, qtbot)
    dialog.tabs.setCurrentWidget(dialog.shortcuts)
    edit = dialog.shortcuts.edits["file_save"]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert edit.keySequence() == QKeySequence("Ctrl+Alt+W")
    press_ok(dialog)

    assert window.ctx.actions["file_save"].shortcut() == QKeySequence("Ctrl+Alt+W")
    assert QSettings().value("shortcuts/file_save") == "Ctrl+Alt+W"
    window.editor.title_edit.setText("Titre enregistré par Ctrl+Alt+W")
    assert window.isWindowModified()
    press(qtbot, window.editor.title_edit, "Ctrl+Alt+W")
    assert not window.isWindowModified()
    window.close()

    again = make_window(seeded_db)
    assert again.ctx.actions["file_save"].shortcut() == QKeySequence("Ctrl+Alt+W")


def test_a_shortcut_already_taken_is_refused(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    new_keys = window.ctx.actions["file_new"].shortcut()
    save_keys = window.ctx.actions["file_save"].shortcut()
    dialog = open_preferences(window, qtbot)
    dialog.tabs.setCurrentWidget(dialog.shortcuts)
    editor = dialog.shortcuts
    with qtbot.waitSignal(editor.conflict_refused) as refused:
        assert not editor.set_keys("file_save", QKeySequence("Ctrl+M"))  # Go to Comments has it
    assert "Go to Comments" in refused.args[0]
    assert editor.message.text() == refused.args[0]
    assert editor.edits["file_save"].keySequence() == save_keys  # back to what it was
    assert not editor.set_keys("file_quit", QKeySequence("Ctrl+V"))  # paste is for the editor
    assert "copy, paste" in editor.message.text()

    # Taking a key from another command works once that one has let it go.
    assert editor.set_keys("comment_focus", QKeySequence("Ctrl+Alt+G"))
    assert editor.set_keys("file_save", QKeySequence("Ctrl+M"))
    press_ok(dialog)
    assert window.ctx.actions["file_save"].shortcut() == QKeySequence("Ctrl+M")
    assert window.ctx.actions["comment_focus"].shortcut() == QKeySequence("Ctrl+Alt+G")
    assert window.ctx.actions["file_new"].shortcut() == new_keys


def test_reset_all_goes_back_to_the_defaults(qtbot, seeded_db: Database, make_window) -> None:
    window = make_window(seeded_db)
    window.ctx.actions.set_shortcut("article_publish", QKeySequence("Ctrl+Alt+P"))
    dialog = open_preferences(window, qtbot)
    dialog.shortcuts.reset_all()
    press_ok(dialog)
    assert window.ctx.actions["article_publish"].shortcut() == QKeySequence("Ctrl+Shift+P")
    assert not QSettings().contains("shortcuts/article_publish")


def test_interface_language_switches_live(
    qapp, qtbot, seeded_db: Database, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(i18n, "cache_folder", lambda: tmp_path / "cache")
    settings.put(settings.UI_LANGUAGE, "en")
    i18n.install_translators(qapp)
    desk = Desk(qapp, seeded_db)  # the desk deletes the windows it replaces
    try:
        first = desk.window
        with qtbot.waitExposed(first):
            first.show()
        qtbot.waitUntil(lambda: first.editor.detail is not None)
        first.editor.title_edit.setText("Tapé avant de changer de langue")
        assert first.menuBar().actions()[0].text() == "&File"

        dialog = open_preferences(first, qtbot)
        choose(dialog.ui_language_combo, "fr")
        press_ok(dialog)
        qtbot.waitUntil(lambda: desk.window is not first)

        window = desk.window
        assert [a.text() for a in window.menuBar().actions()][:2] == ["&Fichier", "É&dition"]
        assert window.ctx.actions["file_save"].text() == "&Enregistrer"
        qtbot.waitUntil(lambda: window.editor.detail is not None)
        assert window.editor.title_edit.text() == "Tapé avant de changer de langue"  # saved, reopened
        assert QLocale().language() == QLocale.Language.French

        dialog = open_preferences(window, qtbot)
        choose(dialog.ui_language_combo, "en")
        press_ok(dialog)
        qtbot.waitUntil(lambda: desk.window is not window)
        assert desk.window.menuBar().actions()[0].text() == "&File"
    finally:
        desk.window.close()
