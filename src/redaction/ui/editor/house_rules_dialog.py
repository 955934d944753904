"""Edit the newsroom's house rules: required fields, headline limit, banned phrases.

They are stored in the database (services.house_rules), so everyone on it shares them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from redaction.domain.house_rules import HouseRules
from redaction.ui.plain_text import edit_text


class HouseRulesDialog(QDialog):
    def __init__(self, rules: HouseRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("House Rules"))
        names = {
            "title": self.tr("Headline"),
            "rubric": self.tr("Rubric"),
            "standfirst": self.tr("Standfirst"),
        }
        self.required: dict[str, QCheckBox] = {}
        required_row = QHBoxLayout()
        for field, name in names.items():
            box = QCheckBox(name, objectName=f"required_{field}")
            box.setChecked(field in rules.required)
            self.required[field] = box
            required_row.addWidget(box)
        required_row.addStretch(1)
        self.headline_max = QSpinBox(objectName="headline_max")
        self.headline_max.setRange(10, 500)
        self.headline_max.setValue(rules.headline_max)
        self.headline_max.setSuffix(self.tr(" characters"))
        self.banned = QPlainTextEdit(objectName="banned_phrases")
        self.banned.setPlainText("\n".join(rules.banned_phrases))
        hint = QLabel(self.tr("One phrase per line. Matched as whole words, ignoring case and accents."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Required before Ready"), required_row)
        form.addRow(self.tr("&Headline at most"), self.headline_max)
        form.addRow(self.tr("&Banned phrases"), self.banned)
        form.addRow("", hint)
        form.addRow(buttons)
        self.resize(520, 420)

    def rules(self) -> HouseRules:
        phrases = tuple(
            dict.fromkeys(line.strip() for line in edit_text(self.banned).splitlines() if line.strip())
        )
        return HouseRules(
            required=tuple(field for field, box in self.required.items() if box.isChecked()),
            headline_max=self.headline_max.value(),
            banned_phrases=phrases,
        )
