"""The length target of an article: a gauge in the status bar and the dialog that sets it.

Newsrooms count in "signes" (characters, spaces included) or in words; the gauge fills as the
piece grows and turns red past the target.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QProgressBar,
    QSpinBox,
    QWidget,
)

from redaction.domain.textstats import TextStats


class TargetGauge(QProgressBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("target_gauge")
        self.setMaximumWidth(220)
        self.setTextVisible(True)
        self.hide()

    def show_progress(self, stats: TextStats | None, length: int, unit: str) -> None:
        if stats is None or length <= 0:
            self.hide()
            return
        count = stats.characters if unit == "signs" else stats.words
        self.setRange(0, length)
        self.setValue(min(count, length))
        locale = QLocale()
        unit_name = self.tr("signs") if unit == "signs" else self.tr("words")
        self.setFormat(f"{locale.toString(count)} / {locale.toString(length)} {unit_name}")
        over = count > length
        self.setStyleSheet("QProgressBar::chunk { background-color: #c3002f; }" if over else "")
        self.setToolTip(
            self.tr("{0} over the target").format(locale.toString(count - length))
            if over
            else self.tr("{0} to go").format(locale.toString(length - count))
        )
        self.show()


class TargetDialog(QDialog):
    def __init__(self, length: int, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Length Target"))
        self.length = QSpinBox(objectName="target_length")
        self.length.setRange(0, 1_000_000)
        self.length.setSingleStep(500)
        self.length.setSpecialValueText(self.tr("No target"))
        self.length.setValue(length)
        self.unit = QComboBox(objectName="target_unit")
        self.unit.addItem(self.tr("signs (characters with spaces)"), "signs")
        self.unit.addItem(self.tr("words"), "words")
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Length"), self.length)
        form.addRow(self.tr("&Counted in"), self.unit)
        form.addRow(buttons)

    def value(self) -> tuple[int, str]:
        return self.length.value(), self.unit.currentData()
