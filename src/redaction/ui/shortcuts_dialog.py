"""Help ▸ Keyboard Shortcuts (F1): every shortcut the action registry holds, user overrides
included, once each, grouped by the menu that offers it, with a search field.

Read from the registry and :func:`redaction.ui.menus.shortcut_groups` each time it opens, so it
can never disagree with the keys that work. Searching matches the command's name or its keys,
ignoring case and accents ("arti" finds "Article", "ctrl+s" finds Save).
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redaction.ui.actions import ActionRegistry
from redaction.ui.menus import shortcut_groups


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class ShortcutsDialog(QDialog):
    def __init__(self, registry: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.search = QLineEdit(objectName="shortcut_search")
        self.search.setPlaceholderText(self.tr("Search commands and keys"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget(objectName="shortcut_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QTreeWidget.EditTrigger.NoEditTriggers)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the search field
        self.empty = QLabel(self.tr("No command matches."), objectName="shortcut_empty")
        self.empty.hide()
        self._fill(registry)
        self.search.textChanged.connect(self.filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Wide enough for every command and every key, in either language: nothing cut.
        margins = layout.contentsMargins()
        wanted = (
            self.tree.sizeHintForColumn(0)
            + self.tree.sizeHintForColumn(1)
            + 2 * self.tree.frameWidth()
            + self.tree.verticalScrollBar().sizeHint().width()
            + margins.left()
            + margins.right()
            + 24
        )
        self.resize(max(520, wanted), 620)
        self.search.setFocus()

    def _fill(self, registry: ActionRegistry) -> None:
        for title, names in shortcut_groups():
            rows = []
            for name in names:
                keys = registry[name].shortcuts()
                if keys:
                    text = registry[name].text().replace("&", "")
                    shown = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
                    rows.append((text, shown))
            if not rows:
                continue
            group = QTreeWidgetItem(self.tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for text, shown in rows:
                item = QTreeWidgetItem(group, [text, shown])
                item.setData(0, Qt.ItemDataRole.UserRole, _folded(f"{text}\n{shown}"))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.expandAll()

    def groups(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def filter(self, text: str) -> None:
        """Show the commands whose name or keys contain every word typed."""
        words = _folded(text).split()
        shown = 0
        for group in self.groups():
            visible = 0
            for row in range(group.childCount()):
                item = group.child(row)
                haystack = item.data(0, Qt.ItemDataRole.UserRole)
                match = all(word in haystack for word in words)
                item.setHidden(not match)
                visible += match
            group.setHidden(not visible)
            shown += visible
        self.empty.setVisible(not shown)
