"""The find bar's options: Match case, Whole words, Regular expression.

With room, they are three check boxes in the bar; without, they fold into one "Options" button
whose menu holds the same three choices, so the bar never forces the editor (and with it the
preview) wider than a usable minimum. The check boxes hold the state either way: the menu's
actions mirror them both ways, and the folded button counts the options that are on, so a
forgotten "Match case" stays visible.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QMenu, QToolButton, QWidget


class FindOptions(QWidget):
    changed = Signal()  # an option was switched, from a box or from the menu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_box = QCheckBox(self.tr("Match &case"), objectName="find_case")
        self.word_box = QCheckBox(self.tr("&Whole words"), objectName="find_words")
        self.regex_box = QCheckBox(self.tr("Regular e&xpression"), objectName="find_regex")
        self.boxes = (self.case_box, self.word_box, self.regex_box)
        self.menu_button = QToolButton(objectName="find_options")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setToolTip(self.tr("Search options"))
        self.menu = QMenu(self.menu_button)
        self.menu_button.setMenu(self.menu)
        for box in self.boxes:
            # The menu shows the option without the box's mnemonic: Alt+letter belongs to the box.
            action = self.menu.addAction(box.text().replace("&", ""))
            action.setCheckable(True)
            action.setObjectName(f"{box.objectName()}_action")
            action.toggled.connect(box.setChecked)
            box.toggled.connect(action.setChecked)
            box.toggled.connect(self._toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes:
            layout.addWidget(box)
        layout.addWidget(self.menu_button)
        self.folded = False
        self.set_folded(True)
        self._label()

    def set_folded(self, folded: bool) -> None:
        if folded == self.folded:
            return
        self.folded = folded
        if folded and any(box.hasFocus() for box in self.boxes):
            self.menu_button.setFocus()  # focus never lands on a hidden widget
        for box in self.boxes:
            box.setVisible(not folded)
        self.menu_button.setVisible(folded)

    def extra_width_unfolded(self) -> int:
        """How much wider the bar gets with the boxes shown instead of the button."""
        spacing = max(0, self.layout().spacing())
        boxes = sum(box.sizeHint().width() for box in self.boxes) + spacing * (len(self.boxes) - 1)
        return boxes - self.menu_button.sizeHint().width()

    def _toggled(self) -> None:
        self._label()
        self.changed.emit()

    def _label(self) -> None:
        on = sum(box.isChecked() for box in self.boxes)
        self.menu_button.setText(self.tr("Options (%1)").replace("%1", str(on)) if on else self.tr("Options"))
