"""The application's one action registry: every command, one QAction each, shared by every window.

Menus, toolbars, the desk's buttons and the shortcut help all read from here (Frescobaldi's
actioncollection, Picard's actions). Shortcuts have defaults (:mod:`redaction.ui.action_catalogue`)
and user overrides kept in QSettings under ``shortcuts/<name>``; an override changes the one
QAction, so it reaches every open window at once, and ``shortcuts_changed`` tells those that
show keys in their own widgets.

A command may be offered in several places (A approves in the main window's comments panel and
at the desk): each place registers a handler with :meth:`ActionRegistry.handle`, and a trigger
goes to the handler whose widget holds the keyboard focus, else to the one in the active window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from redaction.ui import settings
from redaction.ui.action_catalogue import A, ActionName, ActionSpec, specs

__all__ = ["A", "ActionName", "ActionRegistry", "ActionSpec"]

Handler = tuple[QWidget, Callable[[], object]]


def _sequence(shortcut: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    if isinstance(shortcut, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(shortcut)
    return [QKeySequence(shortcut)] if shortcut else []


class ActionRegistry(QObject):
    """Owns one QAction per :class:`ActionName`; look them up with ``registry[A.FILE_SAVE]``."""

    shortcuts_changed = Signal(str)  # the action's name

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actions: dict[ActionName, QAction] = {}
        self._specs: dict[ActionName, ActionSpec] = {}
        self._handlers: dict[ActionName, list[Handler]] = {}
        for spec in specs():
            action = QAction(spec.text, self)
            action.setObjectName(spec.name)
            action.setCheckable(spec.checkable)
            if spec.widget_scope:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            elif spec.editor_key:
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            name = ActionName(spec.name)
            self._actions[name] = action
            self._specs[name] = spec
            action.triggered.connect(lambda _checked=False, n=name: self._dispatch(n))
        self._apply_texts()
        store = settings.settings()
        for name in self._actions:
            key = f"shortcuts/{name}"
            # An override of "" means "no shortcut", which is not the same as no override.
            override = store.value(key) if store.contains(key) else None
            if isinstance(override, list):  # "Ctrl+," hand-written in the INI file reads as a list
                override = ",".join(override)
            self._apply(name, _sequence(str(override)) if override is not None else None)

    # -- texts and shortcuts --------------------------------------------------------------------
    def retranslate(self) -> None:
        """Read every text again from the catalogue (after the interface language changed)."""
        for spec in specs():
            self._specs[ActionName(spec.name)] = spec
        self._apply_texts()
        for name in self._actions:
            self._apply_tip(name)

    def _apply_texts(self) -> None:
        for name, spec in self._specs.items():
            action = self._actions[name]
            action.setText(spec.text)
            action.setIconText(spec.short_text or spec.text.replace("&", ""))
            action.setStatusTip(spec.tip)

    def default_shortcuts(self, name: str) -> list[QKeySequence]:
        return _sequence(self._specs[ActionName(name)].shortcut)

    def set_shortcut(self, name: str, keys: QKeySequence | None) -> None:
        """Override ``name``'s shortcut now, in every window, and for later sessions (an empty
        sequence removes it); None goes back to the default."""
        name = ActionName(name)
        key = f"shortcuts/{name}"
        store = settings.settings()
        if keys is None:
            store.remove(key)
            self._apply(name, None)
        else:
            text = keys.toString(QKeySequence.SequenceFormat.PortableText)
            store.setValue(key, text)
            self._apply(name, _sequence(text))
        self.shortcuts_changed.emit(str(name))

    def _apply(self, name: ActionName, keys: list[QKeySequence] | None) -> None:
        keys = self.default_shortcuts(name) if keys is None else keys
        self._actions[name].setShortcuts(keys)
        self._apply_tip(name)

    def _apply_tip(self, name: ActionName) -> None:
        spec, action = self._specs[name], self._actions[name]
        shown = self.key_text(name)
        tip = spec.tip or spec.text.replace("&", "")
        action.setToolTip(f"{tip} ({shown})" if shown else tip)

    def key_text(self, name: str) -> str:
        """The first shortcut of ``name`` as the person reads it ("" when it has none)."""
        keys = self._actions[ActionName(name)].shortcuts()
        return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""

    # -- lookups --------------------------------------------------------------------------------
    def __getitem__(self, name: str) -> QAction:
        return self._actions[ActionName(name)]

    def spec(self, name: str) -> ActionSpec:
        return self._specs[ActionName(name)]

    def items(self) -> list[tuple[ActionSpec, QAction]]:
        return [(self._specs[n], a) for n, a in self._actions.items()]

    def attach(self, widget: QWidget, names: Iterable[str]) -> None:
        """Make these actions' shortcuts live in ``widget`` (a window: whatever shows or hides;
        a panel: while the focus is inside it, for widget-scoped actions)."""
        widget.addActions([self[name] for name in names])

    # -- handlers -------------------------------------------------------------------------------
    def handle(self, name: str, owner: QWidget, slot: Callable[[], object]) -> None:
        """Run ``slot`` when ``name`` is triggered while ``owner`` (or a widget inside it) has the
        focus, or ``owner``'s window is the active one. Forgotten when ``owner`` is destroyed."""
        name = ActionName(name)
        self._handlers.setdefault(name, []).append((owner, slot))

    def _live_handlers(self, name: ActionName) -> list[Handler]:
        handlers = [(w, s) for w, s in self._handlers.get(name, []) if shiboken6.isValid(w)]
        self._handlers[name] = handlers
        return handlers

    def _dispatch(self, name: ActionName) -> None:
        handlers = self._live_handlers(name)
        if not handlers:
            return
        widget = QApplication.focusWidget()
        while widget is not None:
            for owner, slot in handlers:
                if owner is widget:
                    slot()
                    return
            widget = widget.parentWidget()
        active = QApplication.activeWindow()
        for owner, slot in handlers:
            if owner.window() is active:
                slot()
                return
        visible = [(owner, slot) for owner, slot in handlers if owner.isVisible()]
        if len(visible) == 1:
            visible[0][1]()
