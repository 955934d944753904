"""Article ▸ Publish at a Date…: a date and a time, in local time.

A moment in the future schedules the post (WordPress's ``future`` status: the site publishes it
then, even with redaction closed); a moment in the past publishes it now, dated then. The dialog
only asks; :meth:`redaction.ui.site.controls.SiteControls.publish` does the publishing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from redaction.domain.dates import to_local


def _default_moment(published_at: datetime | None) -> datetime:
    """The article's date if it is still to come, else the next full hour."""
    now = datetime.now().astimezone()
    if published_at is not None and to_local(published_at) > now:
        return to_local(published_at)
    return (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)


class PublishAtDialog(QDialog):
    def __init__(self, published_at: datetime | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publish_at_dialog")
        self.setWindowTitle(self.tr("Publish at a Date"))
        intro = QLabel(
            self.tr(
                "The article goes to the site now; the site shows it from this moment. A date "
                "in the past publishes it at once, dated then."
            )
        )
        intro.setWordWrap(True)
        self.edit = QDateTimeEdit(objectName="publish_at_edit")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setDateTime(QDateTime(_default_moment(published_at).replace(tzinfo=None)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.addButton(self.tr("Publish"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())
        self.edit.setFocus()

    def moment(self) -> datetime:
        """The chosen moment, in local time with its offset (as the service wants it)."""
        chosen = self.edit.dateTime().toPython()
        return chosen.replace(second=0, microsecond=0).astimezone()
