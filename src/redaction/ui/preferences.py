"""Preferences: who you are, languages, theme and keyboard shortcuts, applied as soon as you
press OK (no restart).

Every value is one of the typed options of :mod:`redaction.ui.settings` (config.toml, or Qt's
settings for the theme). The theme and the
shortcuts change the running window directly; a new interface language asks the application
to rebuild the window (``AppContext.rebuild_requested``, handled by :mod:`redaction.ui.shell`),
which is how every string, including those of panels built by others, comes up translated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redaction.ui import labels, settings
from redaction.ui.actions import ActionRegistry
from redaction.ui.i18n import NATIVE_NAMES
from redaction.ui.shortcut_editor import ShortcutEditor
from redaction.ui.theme import apply_theme

if TYPE_CHECKING:
    from redaction.ui.context import AppContext


def _combo(name: str, entries: list[tuple[str, Any]], current: Any) -> QComboBox:
    combo = QComboBox(objectName=name)
    for text, value in entries:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class PreferencesDialog(QDialog):
    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.changed: set[str] = set()
        self.tabs = QTabWidget(self, objectName="preferences_tabs")
        self.tabs.addTab(self._general_tab(), self.tr("&General"))
        self.tabs.addTab(self._appearance_tab(), self.tr("&Language and Theme"))
        self.shortcuts = ShortcutEditor(registry, self)
        self.tabs.addTab(self.shortcuts, self.tr("&Shortcuts"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(620, 500)

    def _general_tab(self) -> QWidget:
        page = QWidget()
        self.name_edit = QLineEdit(settings.get(settings.USER_NAME), objectName="name_edit")
        self.name_edit.setPlaceholderText(settings.user_name())
        self.role_combo = _combo(
            "role_combo",
            [(self.tr("Journalist"), "journalist"), (self.tr("Editor"), "editor")],
            settings.get(settings.USER_ROLE),
        )
        self.article_language_combo = _combo(
            "article_language_combo",
            [(labels.language(code), code) for code in settings.DEFAULT_LANGUAGE.choices],
            settings.get(settings.DEFAULT_LANGUAGE),
        )
        self.autosave_spin = QSpinBox(objectName="autosave_spin")
        self.autosave_spin.setRange(
            settings.AUTOSAVE_SECONDS.minimum or 1, settings.AUTOSAVE_SECONDS.maximum or 600
        )
        self.autosave_spin.setSuffix(self.tr(" s"))
        self.autosave_spin.setValue(settings.get(settings.AUTOSAVE_SECONDS))
        spelling = settings.get(settings.SPELL_LANGUAGES)
        self.spell_checks: dict[str, QCheckBox] = {}
        spell_row = QHBoxLayout()
        for code in settings.SPELL_LANGUAGES.choices:
            box = QCheckBox(labels.language(code), objectName=f"spell_{code}")
            box.setChecked(code in spelling)
            self.spell_checks[code] = box
            spell_row.addWidget(box)
        spell_row.addStretch(1)

        self.focus_column_spin = QSpinBox(objectName="focus_column_spin")
        self.focus_column_spin.setRange(
            settings.FOCUS_COLUMN.minimum or 40, settings.FOCUS_COLUMN.maximum or 160
        )
        self.focus_column_spin.setSuffix(self.tr(" characters"))
        self.focus_column_spin.setValue(settings.get(settings.FOCUS_COLUMN))

        form = QFormLayout(page)
        form.addRow(self.tr("Your &name:"), self.name_edit)
        form.addRow(self.tr("&Role:"), self.role_combo)
        form.addRow(self._hint(self.tr("Your name is written on your saves and moderation decisions.")))
        form.addRow(self.tr("New articles &in:"), self.article_language_combo)
        form.addRow(self.tr("&Autosave every:"), self.autosave_spin)
        form.addRow(self.tr("Check spelling in:"), spell_row)
        form.addRow(self.tr("&Focus mode column:"), self.focus_column_spin)
        form.addRow(
            self._hint(self.tr("How wide the text stands in focus mode (F11), centred on the screen."))
        )
        return page

    def _appearance_tab(self) -> QWidget:
        page = QWidget()
        self.theme_combo = _combo(
            "theme_combo",
            [
                (self.tr("Follow the system"), "system"),
                (self.tr("Light"), "light"),
                (self.tr("Dark"), "dark"),
            ],
            settings.get(settings.THEME),
        )
        self.ui_language_combo = _combo(
            "ui_language_combo",
            [(self.tr("Follow the system"), ""), *((NATIVE_NAMES[c], c) for c in ("fr", "en"))],
            settings.get(settings.UI_LANGUAGE),
        )
        form = QFormLayout(page)
        form.addRow(self.tr("&Interface language:"), self.ui_language_combo)
        form.addRow(
            self._hint(
                self.tr("Menus, dates and numbers follow this language. The window is rebuilt at once.")
            )
        )
        form.addRow(self.tr("&Theme:"), self.theme_combo)
        return page

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
        return label

    def values(self) -> dict[settings.Option[Any], Any]:
        return {
            settings.USER_NAME: self.name_edit.text().strip(),
            settings.USER_ROLE: self.role_combo.currentData(),
            settings.DEFAULT_LANGUAGE: self.article_language_combo.currentData(),
            settings.AUTOSAVE_SECONDS: self.autosave_spin.value(),
            settings.FOCUS_COLUMN: self.focus_column_spin.value(),
            settings.SPELL_LANGUAGES: tuple(c for c, box in self.spell_checks.items() if box.isChecked()),
            settings.THEME: self.theme_combo.currentData(),
            settings.UI_LANGUAGE: self.ui_language_combo.currentData(),
        }

    def apply(self) -> set[str]:
        """Store every value and apply the theme and shortcuts now; returns the changed keys."""
        changed = set()
        for option, value in self.values().items():
            if settings.get(option) != value:
                settings.put(option, value)
                changed.add(option.key)
        if settings.THEME.key in changed:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, settings.get(settings.THEME))
        if self.shortcuts.apply():
            changed.add("shortcuts")
        self.changed = changed
        return changed

    def accept(self) -> None:
        self.apply()
        super().accept()


def edit_preferences(ctx: AppContext, window: QWidget) -> PreferencesDialog:
    """Open Preferences over ``window`` (window-modal, returns at once) and act on OK."""
    dialog = PreferencesDialog(ctx.actions, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        if settings.USER_NAME.key in dialog.changed:
            ctx.refresh_actor()  # the next save and decision are signed with the new name
        ctx.preferences_changed.emit(frozenset(dialog.changed))
        if settings.UI_LANGUAGE.key in dialog.changed:
            ctx.rebuild_requested.emit()

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog
