"""The Shortcuts tab of Preferences: every action of the registry, each with a key editor.

A key already used by another action, or one of the text-editing keys (copy, paste, undo, …),
is refused on the spot: the editor goes back to its previous value and a line under the table
says which action has it. Nothing is stored until :meth:`ShortcutEditor.apply`, which writes the
overrides through the registry (``shortcuts/<name>`` in QSettings) and updates the live actions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redaction.ui.actions import ActionRegistry

NATIVE = QKeySequence.SequenceFormat.NativeText
# Text fields need these; a command bound to one of them would steal it from every editor.
TEXT_EDITING_KEYS = ("Ctrl+C", "Ctrl+X", "Ctrl+V", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+A")


def plain(text: str) -> str:
    """Menu text without its accelerator: "&Save" -> "Save", "Q&&A" -> "Q&A"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutEditor(QWidget):
    conflict_refused = Signal(str)  # the sentence shown to the person

    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._registry = registry
        self._names: list[str] = []
        self._labels: dict[str, str] = {}
        self._pending: dict[str, list[QKeySequence]] = {}
        self.edits: dict[str, QKeySequenceEdit] = {}

        items = registry.items()
        self.table = QTableWidget(len(items), 3, self, objectName="shortcut_table")
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Shortcut"), self.tr("Default")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        for row, (spec, action) in enumerate(items):
            name = spec.name
            self._names.append(name)
            self._labels[name] = plain(action.text())
            self._pending[name] = list(action.shortcuts())
            self.table.setItem(row, 0, QTableWidgetItem(self._labels[name]))
            edit = QKeySequenceEdit(self, objectName=f"shortcut_{name}")
            edit.setMaximumSequenceLength(1)
            edit.setClearButtonEnabled(True)
            edit.setKeySequence(self._pending[name][0] if self._pending[name] else QKeySequence())
            edit.keySequenceChanged.connect(lambda keys, n=name: self._changed(n, keys))
            self.edits[name] = edit
            self.table.setCellWidget(row, 1, edit)
            # The first binding only: X11 adds media keys ("New", "Save") that mean nothing here.
            defaults = registry.default_shortcuts(name)
            self.table.setItem(row, 2, QTableWidgetItem(defaults[0].toString(NATIVE) if defaults else ""))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(1, 170)

        self.message = QLabel(self, objectName="shortcut_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        reset = QPushButton(self.tr("Reset Selected"), self, objectName="reset_shortcut")
        reset.clicked.connect(self._reset_selected)
        reset_all = QPushButton(self.tr("Reset All"), self, objectName="reset_all_shortcuts")
        reset_all.clicked.connect(self.reset_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(reset)
        buttons.addWidget(reset_all)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Click a shortcut, then press the new keys. Empty means no shortcut."))
        )
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    # -- editing ------------------------------------------------------------------------------
    def conflict(self, name: str, keys: QKeySequence) -> str:
        """Why ``keys`` cannot be ``name``'s shortcut, or "" when it can."""
        if keys.isEmpty():
            return ""
        shown = keys.toString(NATIVE)
        reserved = [QKeySequence(k) for k in TEXT_EDITING_KEYS]
        for standard in (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Paste):
            reserved += QKeySequence.keyBindings(standard)
        if keys in reserved:
            return self.tr(
                "{0} is kept for editing text (copy, paste, undo…). Choose another shortcut."
            ).format(shown)
        for other in self._names:
            if other != name and keys in self._pending[other]:
                return self.tr(
                    "{0} is already the shortcut of “{1}”. Choose another one, or change that one first."
                ).format(shown, self._labels[other])
        return ""

    def _changed(self, name: str, keys: QKeySequence) -> None:
        problem = self.conflict(name, keys)
        if problem:
            self._show(name, self._pending[name])
            self.message.setText(problem)
            self.conflict_refused.emit(problem)
            return
        self._pending[name] = [keys] if not keys.isEmpty() else []
        self.message.clear()

    def _show(self, name: str, keys: list[QKeySequence]) -> None:
        edit = self.edits[name]
        blocked = edit.blockSignals(True)
        edit.setKeySequence(keys[0] if keys else QKeySequence())
        edit.blockSignals(blocked)

    def set_keys(self, name: str, keys: QKeySequence) -> bool:
        """What typing ``keys`` into ``name``'s editor does; False when refused."""
        self.edits[name].setKeySequence(keys)
        return self._pending[name] == ([keys] if not keys.isEmpty() else [])

    def _reset_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        name = self._names[row]
        defaults = self._registry.default_shortcuts(name)
        problem = next((p for k in defaults if (p := self.conflict(name, k))), "")
        if problem:
            self.message.setText(problem)
            return
        self._pending[name] = defaults
        self._show(name, defaults)
        self.message.clear()

    def reset_all(self) -> None:
        for name in self._names:
            self._pending[name] = self._registry.default_shortcuts(name)
            self._show(name, self._pending[name])
        self.message.clear()

    # -- result -------------------------------------------------------------------------------
    def apply(self) -> bool:
        """Store and apply every change; True if any shortcut changed."""
        changed = False
        for name in self._names:
            keys = self._pending[name]
            if keys == list(self._registry[name].shortcuts()):
                continue
            changed = True
            if keys == self._registry.default_shortcuts(name):
                self._registry.set_shortcut(name, None)
            else:
                self._registry.set_shortcut(name, keys[0] if keys else QKeySequence())
        return changed
