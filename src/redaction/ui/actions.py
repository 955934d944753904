"""Every command of the window in one registry, named ``<menu>_<verb>``.

Menus, toolbars and the shortcut help all read from here; shortcuts have defaults and user
overrides kept in QSettings under ``shortcuts/<name>`` (Frescobaldi's actioncollection, Picard's
actions). Texts are translated when the registry is built, so build it after the translator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from redaction.ui import settings


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    text: str
    shortcut: str | QKeySequence.StandardKey = ""
    tip: str = ""
    checkable: bool = False
    widget_scope: bool = False  # only while the owning panel has focus (single-key shortcuts)
    short_text: str = ""  # on buttons, where the menu text is too long


def _t(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def specs() -> list[ActionSpec]:
    """The catalogue. Translated at call time."""
    std = QKeySequence.StandardKey
    return [
        ActionSpec("file_new", _t("&New Article"), std.New, _t("Create a new draft article")),
        ActionSpec("file_save", _t("&Save"), std.Save, _t("Save the article and keep a revision")),
        ActionSpec("file_quit", _t("&Quit"), std.Quit, _t("Save and quit")),
        ActionSpec(
            "edit_find_article", _t("&Filter Articles"), "Ctrl+L", _t("Type to filter the article list")
        ),
        ActionSpec(
            "article_next", _t("&Next Article"), "Ctrl+PgDown", _t("Open the next article in the list")
        ),
        ActionSpec("article_previous", _t("&Previous Article"), "Ctrl+PgUp", _t("Open the previous article")),
        ActionSpec("article_submit", _t("Send to &Review"), "Ctrl+Shift+R", _t("Move the article to review")),
        ActionSpec(
            "article_ready", _t("Mark &Ready"), "Ctrl+Shift+Y", _t("Mark the article ready to publish")
        ),
        ActionSpec("article_publish", _t("&Publish"), "Ctrl+Shift+P", _t("Publish the article")),
        ActionSpec(
            "comment_approve", _t("&Approve"), "A", _t("Approve the selected comments"), widget_scope=True
        ),
        ActionSpec(
            "comment_spam",
            _t("Mark as &Spam"),
            "S",
            _t("Mark the selected comments as spam"),
            widget_scope=True,
        ),
        ActionSpec(
            "comment_trash",
            _t("&Trash"),
            "D",
            _t("Move the selected comments to the trash"),
            widget_scope=True,
        ),
        ActionSpec(
            "comment_pending",
            _t("Back to &Pending"),
            "U",
            _t("Send the selected comments back to pending"),
            widget_scope=True,
        ),
        ActionSpec(
            "comment_focus", _t("&Go to Comments"), "Ctrl+M", _t("Move the keyboard to the comment queue")
        ),
        ActionSpec("view_articles", _t("&Article List"), "Ctrl+Shift+1", checkable=True),
        ActionSpec("view_comments", _t("&Comments"), "Ctrl+Shift+3", checkable=True),
        ActionSpec("view_preview", _t("&Preview"), "Ctrl+Shift+2", checkable=True),
        ActionSpec("help_shortcuts", _t("&Keyboard Shortcuts"), "F1"),
        ActionSpec("help_about", _t("&About redaction")),
    ]


def _sequence(shortcut: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    if isinstance(shortcut, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(shortcut)
    return [QKeySequence(shortcut)] if shortcut else []


class ActionRegistry(QObject):
    """Owns the QActions; look them up by name."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        self._specs: dict[str, ActionSpec] = {}
        store = settings.settings()
        for spec in specs():
            action = QAction(spec.text, parent)
            action.setObjectName(spec.name)
            action.setCheckable(spec.checkable)
            if spec.short_text:
                action.setIconText(spec.short_text)
            override = store.value(f"shortcuts/{spec.name}")
            keys = [QKeySequence(str(override))] if override else _sequence(spec.shortcut)
            action.setShortcuts(keys)
            if spec.tip:
                action.setStatusTip(spec.tip)
                action.setToolTip(
                    f"{spec.tip} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
                    if keys
                    else spec.tip
                )
            if spec.widget_scope:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._actions[spec.name] = action
            self._specs[spec.name] = spec

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def connect(self, name: str, slot: Callable[..., object]) -> None:
        self._actions[name].triggered.connect(slot)

    def items(self) -> list[tuple[ActionSpec, QAction]]:
        return [(self._specs[n], a) for n, a in self._actions.items()]
