"""The site's three permanent widgets in the main window's status bar.

- :class:`SyncStatus`: "Syncing with the site…", a progress bar and Cancel, while a sync runs
  (no dialog: the person goes on working);
- :class:`OutboxBadge`: "N changes waiting for the site" (plural-correct in every language),
  with what is to settle or was refused; hidden when nothing is open; a click opens the list;
- :class:`PublicLinkButton`: the open article's address on the site, to open or copy.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QProgressBar, QToolButton, QWidget

from redaction.services.site.values import OutboxCounts, PublicLink
from redaction.ui.site import texts


class SyncStatus(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_sync_status")
        self.label = QLabel(self.tr("Syncing with the site…"), objectName="site_sync_label")
        self.bar = QProgressBar(objectName="site_sync_progress")
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(objectName="site_sync_cancel")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the sync; what was sent stays sent"))
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def running(self, on: bool) -> None:
        self.setVisible(on)
        if on:
            self.label.setText(self.tr("Syncing with the site…"))
            self.bar.setRange(0, 0)  # busy until the first step is known
            self.cancel_button.setEnabled(True)

    def progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Stopping the sync…"))
        self.cancel_requested.emit()


class OutboxBadge(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_outbox_badge")
        self.setAutoRaise(True)
        self.setToolTip(self.tr("What waits for the site: click to see the list"))
        self.counts = OutboxCounts()
        self.hide()

    def show_counts(self, counts: OutboxCounts) -> None:
        self.counts = counts
        self.setText(texts.waiting_text(counts))
        # Something to settle or refused asks for the person: shown stronger than waiting.
        font = self.font()
        font.setBold(bool(counts.conflicts or counts.failed))
        self.setFont(font)
        self.setVisible(counts.open > 0)


class PublicLinkButton(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_public_link")
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.link: PublicLink | None = None
        menu = QMenu(self)
        self.open_action = menu.addAction(self.tr("Open in the Browser"), self.open_link)
        self.copy_action = menu.addAction(self.tr("Copy the Address"), self.copy_link)
        self.setMenu(menu)
        self.clicked.connect(self.open_link)
        self.hide()

    def show_link(self, link: PublicLink | None) -> None:
        self.link = link if link is not None and link.status in ("publish", "future") else None
        if self.link is None:
            self.hide()
            return
        self.setText(
            self.tr("Scheduled on the site") if self.link.status == "future" else self.tr("On the site")
        )
        self.setToolTip(self.link.link)
        self.show()

    def open_link(self) -> None:
        if self.link is not None:
            QDesktopServices.openUrl(QUrl(self.link.link))

    def copy_link(self) -> None:
        if self.link is not None:
            QGuiApplication.clipboard().setText(self.link.link)
