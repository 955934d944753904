"""The list of house-rule problems of the open article; activating one jumps to it.

:meth:`HouseRulesView.show_problems` fills the list (a "nothing to fix" line when empty);
:attr:`HouseRulesView.problem_activated` carries the field name ("title", "rubric",
"standfirst", "body") and the character offset in it, for the editor to put the cursor there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from redaction.domain.house_rules import BANNED_PHRASE, HEADLINE_TOO_LONG, MISSING, MISSING_IMAGE, Problem

_ROLE = Qt.ItemDataRole.UserRole


class HouseRulesView(QListWidget):
    problem_activated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("house_rules_view")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self.problems: list[Problem] = []

    def field_name(self, field: str) -> str:
        return {
            "title": self.tr("headline"),
            "rubric": self.tr("rubric"),
            "standfirst": self.tr("standfirst"),
            "body": self.tr("body"),
        }.get(field, field)

    def message(self, problem: Problem) -> str:
        if problem.code == MISSING:
            return self.tr("The %1 is missing.").replace("%1", self.field_name(problem.field))
        if problem.code == HEADLINE_TOO_LONG:
            return (
                self.tr("The headline is %1 characters long; the limit is %2.")
                .replace("%1", problem.detail)
                .replace("%2", str(problem.offset))
            )
        if problem.code == MISSING_IMAGE:
            return self.tr("Image not found: “%1” (body).").replace("%1", problem.detail)
        if problem.code == BANNED_PHRASE:
            return (
                self.tr("Avoid “%1” (%2).")
                .replace("%1", problem.detail)
                .replace("%2", self.field_name(problem.field))
            )
        return problem.message

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear()
        self.problems = list(problems)
        if not problems:
            item = QListWidgetItem(self.tr("The article follows the house rules."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
            return
        for problem in problems:
            item = QListWidgetItem(self.message(problem))
            item.setData(_ROLE, (problem.field, problem.offset))
            item.setToolTip(self.tr("Activate to go there"))
            self.addItem(item)
        self.setCurrentRow(0)

    def _activated(self, item: QListWidgetItem) -> None:
        where = item.data(_ROLE)
        if where:
            field, offset = where
            self.problem_activated.emit(str(field), int(offset))
