"""Who is at the desk, asked once.

The first-run dialog asks the person's name; a start that skips it (``--db``, ``$REDACTION_DB``,
a database chosen by hand in config.toml) would otherwise sign every save and decision with the
system login ("jdupont", "root"). So when ``config.toml`` has no ``user.name`` yet, a small
dialog asks for it before the window opens, prefilled with the account's full name when the
system knows it. The answer is stored (``config.put(USER_NAME=…)``) and never asked again;
"Skip" stores an empty name (the login is used) so that it is not asked again either.
Preferences change it later.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from redaction import config


def account_full_name() -> str:
    """The full name the system keeps for this account (Unix GECOS), or ""."""
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos
    except (ImportError, KeyError, OSError):
        return ""
    return gecos.split(",")[0].strip()


class NameDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("name_dialog")
        self.setWindowTitle(self.tr("Who is at the desk?"))
        intro = QLabel(
            self.tr(
                "Your name is written on your saves and moderation decisions. It is asked once; "
                "Preferences can change it later."
            )
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(account_full_name(), objectName="name_edit")
        self.name_edit.setPlaceholderText(self.tr("First name Last name"))
        self.name_edit.selectAll()
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.skip_button = self.buttons.addButton(self.tr("&Skip"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()
        # Wrapped texts need the height for the width: Qt does not grow a dialog to it by itself.
        width = 460
        self.setMinimumWidth(420)
        self.resize(width, layout.totalHeightForWidth(width))

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.name_edit.text().strip())
        )

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())


def ask_name_once(parent: QWidget | None = None) -> str | None:
    """Ask for the person's name if config.toml has none yet; store it. Returns the name stored,
    or None when nothing was asked."""
    if config.load().has(config.USER_NAME):
        return None
    dialog = NameDialog(parent)
    name = dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else ""
    config.put(USER_NAME=name)
    return name
