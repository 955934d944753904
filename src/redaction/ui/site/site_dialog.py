"""File ▸ Site…: connect the newsroom's WordPress site, or see the one connected.

Connecting checks everything at once (:func:`redaction.services.site.connect.connect_site`, on a
worker thread: it talks to the site) and writes nothing when something is wrong; the service's
one-line reason is shown under a translated headline, and the password stays in its field to be
corrected. The password is kept in the system keyring when the person asks and there is one,
else only in this process's memory — never in the database or the settings, and the dialog says
which. Connected, the dialog shows the site (name, address, user, what the user may do, last
sync, what waits) and offers Sync Now and Disconnect, which the service refuses while changes
still wait (said in the dialog).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redaction.services.site import credentials, overview
from redaction.storage.changes import Changes
from redaction.storage.errors import StorageError
from redaction.ui.operations import Operation
from redaction.ui.site import texts

if TYPE_CHECKING:
    from redaction.ui.context import AppContext
    from redaction.ui.site.controls import SiteControls


def _label(name: str, selectable: bool = True) -> QLabel:
    label = QLabel(objectName=name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the site's name is the site's to choose
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SiteDialog(QDialog):
    def __init__(self, ctx: AppContext, controls: SiteControls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_dialog")
        self.setWindowTitle(self.tr("The Newsroom's Site"))
        self.ctx, self.controls = ctx, controls
        self.operation: Operation | None = None

        # -- the connected site --
        self.site_box = QGroupBox(self.tr("Connected site"))
        self.name_label = _label("site_name")
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.name_label.setFont(font)
        self.url_label = QLabel(objectName="site_url")
        self.url_label.setOpenExternalLinks(True)
        self.user_label = _label("site_user")
        self.can_label = _label("site_capabilities")
        self.sync_label = _label("site_last_sync")
        self.waiting_label = _label("site_waiting")
        self.password_label = _label("site_password_place")
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
        self.sync_button.clicked.connect(self._sync)
        self.outbox_button = QPushButton(self.tr("Waiting Changes…"), objectName="site_outbox")
        self.outbox_button.clicked.connect(controls.open_outbox)
        self.disconnect_button = QPushButton(self.tr("Disconnect…"), objectName="site_disconnect")
        self.disconnect_button.clicked.connect(self._ask_disconnect)
        self.confirm_label = _label("site_disconnect_confirm", selectable=False)
        self.confirm_button = QPushButton(self.tr("Disconnect"), objectName="site_disconnect_confirm_button")
        self.confirm_button.clicked.connect(self._disconnect)
        self.keep_button = QPushButton(self.tr("Stay Connected"), objectName="site_disconnect_keep")
        self.keep_button.clicked.connect(lambda: self._confirming(False))
        for button in (self.sync_button, self.outbox_button, self.disconnect_button, self.keep_button):
            button.setAutoDefault(False)  # Enter in the form connects, never these
        site_buttons = QHBoxLayout()
        for button in (self.sync_button, self.outbox_button):
            site_buttons.addWidget(button)
        site_buttons.addStretch(1)
        site_buttons.addWidget(self.disconnect_button)
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_label, 1)
        confirm_row.addWidget(self.keep_button)
        confirm_row.addWidget(self.confirm_button)
        site_layout = QVBoxLayout(self.site_box)
        site_layout.addWidget(self.name_label)
        site_layout.addLayout(info)
        site_layout.addLayout(site_buttons)
        site_layout.addLayout(confirm_row)

        # -- connecting --
        self.form_box = QGroupBox(objectName="site_form")
        self.url_edit = QLineEdit(objectName="site_url_edit")
        self.url_edit.setPlaceholderText("https://journal.example")
        self.user_edit = QLineEdit(objectName="site_user_edit")
        self.password_edit = QLineEdit(objectName="site_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("WordPress: Users ▸ Profile ▸ Application Passwords"))
        self.keyring_box = QCheckBox(self.tr("Remember the password in the system keyring"))
        self.keyring_box.setObjectName("site_keyring")
        self.keyring_box.setChecked(True)
        self.keyring_note = _label("site_keyring_note", selectable=False)
        self.keyring_note.setText(
            self.tr("This computer has no system keyring: the password is kept for this session only.")
        )
        has_keyring = credentials.keyring_available()
        self.keyring_box.setVisible(has_keyring)
        self.keyring_note.setVisible(not has_keyring)
        self.connect_button = QPushButton(self.tr("Connect"), objectName="site_connect")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self._connect)
        self.checking_label = _label("site_checking", selectable=False)
        form = QFormLayout(self.form_box)
        form.addRow(self.tr("Site address:"), self.url_edit)
        form.addRow(self.tr("User name:"), self.user_edit)
        form.addRow(self.tr("Application password:"), self.password_edit)
        form.addRow("", self.keyring_box)
        form.addRow("", self.keyring_note)
        connect_row = QHBoxLayout()
        connect_row.addWidget(self.checking_label, 1)
        connect_row.addWidget(self.connect_button)
        form.addRow(connect_row)

        self.error_title = _label("site_error_title")
        self.error_title.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label = _label("site_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.site_box)
        layout.addWidget(self.form_box)
        layout.addWidget(self.error_title)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(620, 0)
        ctx.bus.changed.connect(self._changed)
        controls.sync.running_changed.connect(self._running)
        self.show_error(None)
        self._confirming(False)
        self.refresh()
        self._running(controls.sync.running)

    # -- showing ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            state = overview.site_state(self.ctx.db)
        except StorageError as exc:
            self.show_error(self.tr("The database cannot be read."), str(exc))
            return
        self.site_box.setVisible(state is not None)
        if state is None:
            self.form_box.setTitle(self.tr("Connect the newsroom's WordPress site"))
            self.connect_button.setText(self.tr("Connect"))
            self.url_edit.setFocus()
            return
        self.name_label.setText(state.name or state.url)
        self.url_label.setText(f'<a href="{_attr(state.url)}">{_text(state.url)}</a>')
        self.user_label.setText(state.user_name)
        self.can_label.setText(texts.capability_text(state.capabilities))
        self.sync_label.setText(texts.when(state.last_sync_at))
        counts = overview.OutboxCounts(state.waiting, state.conflicts, state.failed)
        self.waiting_label.setText(texts.waiting_text(counts) or self.tr("nothing waits for the site"))
        self.outbox_button.setEnabled(counts.open > 0)
        source = credentials.password_source(state.url, state.user_name)
        self.password_label.setText(texts.password_place(source))
        # Connected: the form is there to type the password again (or connect another site).
        self.form_box.setTitle(self.tr("Connect again, or another site"))
        self.connect_button.setText(self.tr("Connect Again"))
        if not self.url_edit.text():
            self.url_edit.setText(state.url)
            self.user_edit.setText(state.user_name)
        if not source:
            self.password_edit.setFocus()

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.outbox or changes.everything or "site" in changes.settings:
            self.refresh()

    def _running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running)
        self.sync_button.setText(self.tr("Syncing…") if running else self.tr("Sync Now"))

    def show_error(self, title: str | None, reason: str = "") -> None:
        self.error_title.setVisible(bool(title))
        self.error_label.setVisible(bool(reason))
        self.error_title.setText(title or "")
        self.error_label.setText(reason)

    # -- connecting -------------------------------------------------------------------------------
    def _connect(self) -> None:
        if self.operation is not None:
            return
        from redaction.services.site.connect import connect_site
        from redaction.services.site.errors import SiteError

        url, user, password = (
            self.url_edit.text().strip(),
            self.user_edit.text().strip(),
            self.password_edit.text(),
        )
        keep = self.keyring_box.isChecked() or not self.keyring_box.isVisible()
        db = self.ctx.db

        def work(_progress: Any) -> Any:
            try:
                return connect_site(db, url, user, password, keep_password=keep)
            except SiteError as exc:  # a value: the dialog shows its kind and its line
                return exc

        self.show_error(None)
        self._busy(True)
        operation = Operation(work)
        operation.deliver_to(self, finished=self._connected, failed=self._broken)
        self.operation = operation.start()

    def _busy(self, busy: bool) -> None:
        # Read-only, not disabled: the keyboard stays in the field the person was typing in.
        for edit in (self.url_edit, self.user_edit, self.password_edit):
            edit.setReadOnly(busy)
        self.connect_button.setEnabled(not busy)
        self.checking_label.setText(self.tr("Checking the site…") if busy else "")

    def _connected(self, outcome: object) -> None:
        from redaction.services.site.errors import SiteError

        self.operation = None
        self._busy(False)
        if isinstance(outcome, SiteError):
            self.show_error(texts.error_headline(outcome), str(outcome))
            self.password_edit.setFocus()
            self.password_edit.selectAll()
            return
        site = outcome.site  # type: ignore[attr-defined]
        if not self.keyring_box.isChecked() and self.keyring_box.isVisible():
            credentials.remember(site.url, site.user_name, self.password_edit.text())
        self.password_edit.clear()
        self.ctx.bus.flush()
        self.controls.refresh()
        self.refresh()
        self.controls.message(self.tr("Connected to %1.").replace("%1", site.name or site.url))

    def _broken(self, message: str) -> None:
        self.operation = None
        self._busy(False)
        self.show_error(self.tr("The site could not be connected."), message)

    # -- syncing and disconnecting ----------------------------------------------------------------
    def _sync(self) -> None:
        self.show_error(None)
        self.controls.sync_now()

    def _confirming(self, on: bool) -> None:
        for widget in (self.confirm_label, self.confirm_button, self.keep_button):
            widget.setVisible(on)
        self.disconnect_button.setVisible(not on)
        if on:
            self.confirm_label.setText(
                self.tr(
                    "Forget this site here? Articles and comments stay; the password is forgotten and "
                    "which post is which article is no longer known."
                )
            )
            self.keep_button.setFocus()

    def _ask_disconnect(self) -> None:
        self.show_error(None)
        self._confirming(True)

    def _disconnect(self) -> None:
        from redaction.services.site.connect import disconnect_site
        from redaction.services.site.errors import NotAllowedError, SiteError

        self._confirming(False)
        try:
            disconnect_site(self.ctx.db)
        except NotAllowedError as exc:
            self.show_error(self.tr("Changes still wait for the site: sync them first."), str(exc))
            return
        except (SiteError, StorageError) as exc:
            self.show_error(self.tr("The site was not disconnected."), str(exc))
            return
        self.url_edit.clear()
        self.user_edit.clear()
        self.controls.refresh()
        self.refresh()
        self.controls.message(self.tr("The site is disconnected."))


def _text(value: str) -> str:
    from html import escape

    return escape(value)


def _attr(value: str) -> str:
    from html import escape

    return escape(value, quote=True)
