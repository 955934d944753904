"""The connected site, in the Site dialog: its name and address, the user and what they may
do there, the last sync, what waits, where the password is — and Sync Now, Waiting Changes…,
and Disconnect… (asked again in place: no second dialog to dismiss).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from redaction.services.site.values import OutboxCounts, SiteState
from redaction.ui.site import texts


def plain_label(name: str, selectable: bool = True) -> QLabel:
    label = QLabel(objectName=name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the site's name is the site's to choose
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SitePanel(QGroupBox):
    sync_requested = Signal()
    outbox_requested = Signal()
    disconnect_asked = Signal()  # Disconnect… was pressed: the confirmation shows
    disconnect_confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_box")
        self.setTitle(self.tr("Connected site"))
        self.name_label = plain_label("site_name")
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.name_label.setFont(font)
        self.url_label = QLabel(objectName="site_url")
        self.url_label.setOpenExternalLinks(True)
        self.user_label = plain_label("site_user")
        self.can_label = plain_label("site_capabilities")
        self.sync_label = plain_label("site_last_sync")
        self.waiting_label = plain_label("site_waiting")
        self.password_label = plain_label("site_password_place")
        # One line each: wrapped labels in a form are given too little height by Qt's layouts.
        for label in (
            self.user_label,
            self.can_label,
            self.sync_label,
            self.waiting_label,
            self.password_label,
        ):
            label.setWordWrap(False)
        info = QFormLayout()
        for caption, widget in (
            (self.tr("Address:"), self.url_label),
            (self.tr("User:"), self.user_label),
            (self.tr("Rights:"), self.can_label),
            (self.tr("Last sync:"), self.sync_label),
            (self.tr("Waiting:"), self.waiting_label),
            (self.tr("Password:"), self.password_label),
        ):
            info.addRow(caption, widget)
        self.sync_button = QPushButton(self.tr("Sync Now"), objectName="site_sync_now")
        self.sync_button.clicked.connect(self.sync_requested)
        self.outbox_button = QPushButton(self.tr("Waiting Changes…"), objectName="site_outbox")
        self.outbox_button.clicked.connect(self.outbox_requested)
        self.disconnect_button = QPushButton(self.tr("Disconnect…"), objectName="site_disconnect")
        self.disconnect_button.clicked.connect(lambda: self.confirming(True))
        self.confirm_label = plain_label("site_disconnect_confirm", selectable=False)
        self.confirm_label.setText(
            self.tr(
                "Forget this site here? Articles and comments stay; the password is forgotten and "
                "which post is which article is no longer known."
            )
        )
        self.confirm_button = QPushButton(self.tr("Disconnect"), objectName="site_disconnect_confirm_button")
        self.confirm_button.clicked.connect(self._confirmed)
        self.keep_button = QPushButton(self.tr("Stay Connected"), objectName="site_disconnect_keep")
        self.keep_button.clicked.connect(lambda: self.confirming(False))
        for button in (self.sync_button, self.outbox_button, self.disconnect_button, self.keep_button):
            button.setAutoDefault(False)  # Enter in the dialog's form connects, never these
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.outbox_button)
        buttons.addStretch(1)
        buttons.addWidget(self.disconnect_button)
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_label, 1)
        confirm_row.addWidget(self.keep_button)
        confirm_row.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addLayout(info)
        layout.addLayout(buttons)
        layout.addLayout(confirm_row)
        self.confirming(False)

    def show_state(self, state: SiteState, password_source: str) -> None:
        from html import escape

        self.name_label.setText(state.name or state.url)
        self.url_label.setText(f'<a href="{escape(state.url, quote=True)}">{escape(state.url)}</a>')
        self.user_label.setText(state.user_name)
        self.can_label.setText(texts.capability_text(state.capabilities))
        self.sync_label.setText(texts.when(state.last_sync_at))
        counts = OutboxCounts(state.waiting, state.conflicts, state.failed)
        self.waiting_label.setText(texts.waiting_text(counts) or self.tr("nothing waits for the site"))
        self.outbox_button.setEnabled(counts.open > 0)
        self.password_label.setText(texts.password_place(password_source))

    def running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running)
        self.sync_button.setText(self.tr("Syncing…") if running else self.tr("Sync Now"))

    def confirming(self, on: bool) -> None:
        for widget in (self.confirm_label, self.confirm_button, self.keep_button):
            widget.setVisible(on)
        self.disconnect_button.setVisible(not on)
        if on:
            self.keep_button.setFocus()
            self.disconnect_asked.emit()

    def _confirmed(self) -> None:
        self.confirming(False)
        self.disconnect_confirmed.emit()
