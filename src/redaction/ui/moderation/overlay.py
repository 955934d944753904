"""The "?" overlay: every desk shortcut, read from the action registry, drawn over the desk.

It lists what the registry says (user overrides included), grouped by menu, built anew each time
it opens, so it can never disagree with the keys that actually work. Any key or click closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from redaction.ui.actions import ActionRegistry


class ShortcutOverlay(QWidget):
    def __init__(
        self, registry: ActionRegistry, groups: list[tuple[str, list[str]]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcut_overlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self._registry = registry
        self._groups = groups
        self._panel: QFrame | None = None
        self.rows: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addStretch(1)
        parent.installEventFilter(self)
        self.hide()

    def _build(self) -> None:
        registry, groups = self._registry, self._groups
        if self._panel is not None:
            self.layout().removeWidget(self._panel)
            self._panel.deleteLater()
        panel = self._panel = QFrame(self, objectName="shortcut_overlay_panel")
        panel.setAutoFillBackground(True)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(panel)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(3)
        title = QLabel(self.tr("Keyboard shortcuts of the moderation desk"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        grid.addWidget(title, 0, 0, 1, 4)
        self.rows: list[tuple[str, str]] = []
        columns = 2
        group_rows = [0] * columns
        for n, (group_title, names) in enumerate(groups):
            column = n % columns
            row = max(group_rows[column], 0) + 1
            heading = QLabel(group_title)
            bold = heading.font()
            bold.setBold(True)
            heading.setFont(bold)
            grid.addWidget(heading, row, column * 2, 1, 2)
            row += 1
            for name in names:
                action = registry[name]
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if not keys:
                    continue
                text = action.text().replace("&", "")
                self.rows.append((keys, text))
                key_label = QLabel(keys, objectName="overlay_key")
                key_label.setTextFormat(Qt.TextFormat.PlainText)
                key_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                key_label.setStyleSheet(
                    "QLabel { border: 1px solid palette(mid); border-radius: 3px; padding: 0 5px;"
                    " background: palette(button); font-weight: bold; }"
                )
                text_label = QLabel(text)
                text_label.setTextFormat(Qt.TextFormat.PlainText)
                grid.addWidget(key_label, row, column * 2, Qt.AlignmentFlag.AlignRight)
                grid.addWidget(text_label, row, column * 2 + 1)
                row += 1
            group_rows[column] = row
        hint = QLabel(self.tr("Press any key to close"))
        hint.setEnabled(False)
        grid.addWidget(hint, max(group_rows) + 1, 0, 1, 4, Qt.AlignmentFlag.AlignCenter)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, panel, 0, Qt.AlignmentFlag.AlignHCenter)

    def open(self) -> None:
        self._build()
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def close_overlay(self) -> None:
        self.hide()
        self.parentWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # every key closes the overlay; none reaches the desk's shortcuts
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() not in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            self.close_overlay()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.close_overlay()
