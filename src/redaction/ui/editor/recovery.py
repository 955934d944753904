"""The banner that tells a journalist their unsaved text came back after a crash."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from redaction.domain.dates import to_local
from redaction.domain.limits import is_long_text
from redaction.domain.textstats import count_words
from redaction.services.articles.values import ArticleFields, Recovered


class RecoveryBanner(QFrame):
    discarded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#recovery_banner { background: palette(alternate-base); border: 1px solid palette(mid); }"
        )
        self.label = QLabel(objectName="recovery_label")
        self.label.setWordWrap(True)
        self.discard_button = QPushButton(self.tr("Discard Recovered Text"), objectName="recovery_discard")
        self.discard_button.clicked.connect(self.discarded)
        self.close_button = QPushButton(self.tr("Keep"), objectName="recovery_keep")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        layout.addWidget(self.discard_button)
        self.hide()

    def show_recovered(self, recovered: Recovered | None, stored: ArticleFields | None) -> None:
        if recovered is None or stored is None:
            self.hide()
            return
        saved_at = to_local(recovered.saved_at).strftime("%H:%M:%S")
        if is_long_text(recovered.fields.body) or is_long_text(stored.body):
            # Counting the words of a text this long would hold the window for seconds.
            self.label.setText(
                self.tr("Recovered text you had not saved, autosaved at {0}. Save to keep it.").format(
                    saved_at
                )
            )
            self.show()
            return
        delta = count_words(recovered.fields.body) - count_words(stored.body)
        change = (
            self.tr("%n word(s) more than the saved version", "", delta)
            if delta >= 0
            else self.tr("%n word(s) fewer than the saved version", "", -delta)
        )
        self.label.setText(
            self.tr("Recovered text you had not saved, autosaved at {0} ({1}). Save to keep it.").format(
                saved_at, change
            )
        )
        self.show()
