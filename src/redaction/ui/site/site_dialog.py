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

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redaction.storage.changeset import Changes
from redaction.storage.errors import StorageError
from redaction.ui.deferred import deferred
from redaction.ui.operations import Operation
from redaction.ui.site import texts
from redaction.ui.site.site_panel import SitePanel, plain_label

if TYPE_CHECKING:
    from redaction.ui.context import AppContext
    from redaction.ui.site.controls import SiteControls

credentials = deferred("redaction.services.site.credentials")
overview = deferred("redaction.services.site.overview")


class SiteDialog(QDialog):
    def __init__(self, ctx: AppContext, controls: SiteControls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_dialog")
        self.setWindowTitle(self.tr("The Newsroom's Site"))
        self.ctx, self.controls = ctx, controls
        self.operation: Operation | None = None

        self.site_box = SitePanel()
        self.site_box.sync_requested.connect(self._sync)
        self.site_box.outbox_requested.connect(controls.open_outbox)
        self.site_box.disconnect_asked.connect(lambda: self.show_error(None))
        self.site_box.disconnect_confirmed.connect(self._disconnect)

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
        self.keyring_note = plain_label("site_keyring_note", selectable=False)
        self.keyring_note.setText(
            self.tr("This computer has no system keyring: the password is kept for this session only.")
        )
        has_keyring = credentials.keyring_available()
        self.keyring_box.setVisible(has_keyring)
        self.keyring_note.setVisible(not has_keyring)
        self.connect_button = QPushButton(self.tr("Connect"), objectName="site_connect")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self._connect)
        self.checking_label = plain_label("site_checking", selectable=False)
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

        self.error_title = plain_label("site_error_title")
        self.error_title.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label = plain_label("site_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.site_box)
        layout.addWidget(self.form_box)
        layout.addWidget(self.error_title)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(760, self.sizeHint().height())
        ctx.bus.changed.connect(self._changed)
        controls.sync.running_changed.connect(self.site_box.running)
        self.show_error(None)
        self.refresh()
        self.site_box.running(controls.sync.running)

    # -- showing ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            state = overview.site_state(self.ctx.db)
        except StorageError as exc:
            self.show_error(self.tr("The database cannot be read."), str(exc))
            return
        self.site_box.setVisible(state is not None)
        QTimer.singleShot(0, self._fit)
        if state is None:
            self.form_box.setTitle(self.tr("Connect the newsroom's WordPress site"))
            self.connect_button.setText(self.tr("Connect"))
            self.url_edit.setFocus()
            return
        source = credentials.password_source(state.url, state.user_name)
        self.site_box.show_state(state, source)
        # Connected: the form is there to type the password again (or connect another site).
        self.form_box.setTitle(self.tr("Connect again, or another site"))
        self.connect_button.setText(self.tr("Connect Again"))
        if not self.url_edit.text():
            self.url_edit.setText(state.url)
            self.user_edit.setText(state.user_name)
        if not source:
            self.password_edit.setFocus()

    def _fit(self) -> None:
        """Tall enough for what shows now (Qt gives a form with wrapped labels too little)."""
        self.resize(max(self.width(), 760), max(self.height(), self.sizeHint().height()))

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.outbox or changes.everything or "site" in changes.settings:
            self.refresh()

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
        from redaction.services.site.connect import Connected
        from redaction.services.site.errors import SiteError

        self.operation = None
        self._busy(False)
        if isinstance(outcome, SiteError):
            self.show_error(texts.error_headline(outcome), str(outcome))
            self.password_edit.setFocus()
            self.password_edit.selectAll()
            return
        assert isinstance(outcome, Connected), outcome
        site = outcome.site
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

    def _disconnect(self) -> None:
        from redaction.services.site.connect import disconnect_site
        from redaction.services.site.errors import NotAllowedError, SiteError

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
