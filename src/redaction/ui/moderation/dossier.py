"""The commenter dossier: who this reader is, everything they wrote across articles, and what
to do with all of it at once (approve what is pending, trash everything, block them).

Names, addresses, sites and IPs are the reader's own text: shown as plain text with invisible
characters made visible, sites by their real domain. Bulk actions run on a worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.dates import short_datetime
from redaction.domain.untrusted import link_domain, one_line, reveal_invisible, visible_name
from redaction.services.moderation.queue import BulkOutcome
from redaction.services.moderation.values import ALL, STATUSES
from redaction.storage.changeset import initiated_by
from redaction.storage.errors import StorageError
from redaction.ui import labels
from redaction.ui.context import AppContext
from redaction.ui.deferred import deferred
from redaction.ui.moderation.queue_model import COLUMNS, QueueModel
from redaction.ui.operations import Operation, Work, report, run_with_progress

dossiers = deferred("redaction.services.moderation.dossier")

try:  # the rules service arrives with the moderation rules; blocking needs it
    from redaction.services.moderation import rules as rules_service
except ImportError:  # pragma: no cover - only before the rules exist
    rules_service = None  # type: ignore[assignment]


def _plain(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text, objectName=name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DossierDialog(QDialog):
    def __init__(self, ctx: AppContext, email: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossier_dialog")
        self.ctx = ctx
        self.db = ctx.db
        self.commenter = dossiers.commenter_of(email, name)
        self.operation: Operation | None = None
        self.setWindowTitle(self.tr("Commenter Dossier"))

        self.who_label = _plain(name="dossier_who")
        font = self.who_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.who_label.setFont(font)
        self.counts_label = _plain(name="dossier_counts")
        self.names_label = _plain(name="dossier_names")
        self.emails_label = _plain(name="dossier_emails")
        self.sites_label = _plain(name="dossier_sites")
        self.ips_label = _plain(name="dossier_ips")
        self.seen_label = _plain(name="dossier_seen")
        form = QFormLayout()
        form.addRow(self.tr("Comments:"), self.counts_label)
        form.addRow(self.tr("Names used:"), self.names_label)
        form.addRow(self.tr("Addresses:"), self.emails_label)
        form.addRow(self.tr("Sites:"), self.sites_label)
        form.addRow(self.tr("IP addresses:"), self.ips_label)
        form.addRow(self.tr("Seen:"), self.seen_label)

        self.model = QueueModel(ctx.db, parent=self)
        self.view = QTableView(objectName="dossier_comments")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setColumnHidden(COLUMNS.index("mark"), True)
        metrics = self.view.fontMetrics()
        # The date and the status in full, in either language; the comment takes the rest.
        self.view.setColumnWidth(COLUMNS.index("date"), metrics.horizontalAdvance("00/00/0000 00:00") + 16)
        self.view.setColumnWidth(COLUMNS.index("status"), labels.comment_status_width(metrics) + 16)
        self.view.horizontalHeader().setSectionResizeMode(
            COLUMNS.index("comment"), QHeaderView.ResizeMode.Stretch
        )

        self.approve_button = QPushButton(self.tr("Approve All Pending"), objectName="dossier_approve")
        self.trash_button = QPushButton(self.tr("Trash Everything"), objectName="dossier_trash")
        self.block_button = QPushButton(self.tr("Block This Address"), objectName="dossier_block")
        self.block_button.setToolTip(self.tr("Add the address to the blocked emails of the moderation rules"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.approve_button, self.trash_button, self.block_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.approve_button.clicked.connect(self.approve_all_pending)
        self.trash_button.clicked.connect(self.trash_all)
        self.block_button.clicked.connect(self.block)

        layout = QVBoxLayout(self)
        layout.addWidget(self.who_label)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self.refresh()

    def refresh(self) -> None:
        try:
            found = dossiers.dossier(self.db, self.commenter)
        except StorageError as exc:
            self.counts_label.setText(str(exc))
            return
        self.dossier = found
        c = self.commenter
        who = reveal_invisible(c.email) if c.by_email else visible_name(c.name) or self.tr("(anonymous)")
        self.who_label.setText(who)
        loc = QLocale()
        parts = [f"{labels.comment_status(s)} {loc.toString(found.counts[s])}" for s in STATUSES]
        self.counts_label.setText(
            self.tr("%1 on %Ln article(s) — ", "", found.articles).replace(
                "%1", loc.toString(found.counts[ALL])
            )
            + " · ".join(parts)
        )
        self.names_label.setText(", ".join(visible_name(n) for n in found.names) or "—")
        self.emails_label.setText(", ".join(reveal_invisible(e) for e in found.emails) or "—")
        sites = [link_domain(u) or reveal_invisible(one_line(u, 60)) for u in found.urls]
        self.sites_label.setText(", ".join(dict.fromkeys(sites)) or "—")
        self.ips_label.setText(", ".join(reveal_invisible(i) for i in found.ips) or "—")
        language = labels.ui_language()
        self.seen_label.setText(
            self.tr("from %1 to %2")
            .replace("%1", short_datetime(found.first_seen, language))
            .replace("%2", short_datetime(found.last_seen, language))
            if found.first_seen
            else "—"
        )
        self.model.set_filter(c.queue_filter(None))
        self.approve_button.setEnabled(found.counts["pending"] > 0)
        self.trash_button.setEnabled(found.counts[ALL] > found.counts["trash"])
        self.block_button.setVisible(rules_service is not None)
        self.block_button.setEnabled(c.by_email)

    # -- bulk ---------------------------------------------------------------------------------
    def approve_all_pending(self) -> None:
        self._run(
            lambda progress: dossiers.approve_all_pending(self.db, self.commenter, self.ctx.actor, progress),
            self.tr("Approving this reader's pending comments…"),
            "approved",
        )

    def trash_all(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Trash everything"),
            self.tr("Move all %1 comments of this reader to the trash?").replace(
                "%1", QLocale().toString(self.dossier.counts[ALL] - self.dossier.counts["trash"])
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(
                lambda progress: dossiers.trash_all(self.db, self.commenter, self.ctx.actor, progress),
                self.tr("Trashing this reader's comments…"),
                "trash",
            )

    def _run(self, work: Work, label: str, status: str) -> None:
        """A bulk move (the services back the database up first when it is big); Z at the desk
        or in the comments panel takes it back, like any decision."""
        with initiated_by(self):
            self.operation = run_with_progress(
                self, work, label, lambda outcome: self._done(status, outcome), self._failed
            )

    def _done(self, status: str, outcome: BulkOutcome) -> None:
        self.operation = None
        self.ctx.moderation.remember(status, outcome.decisions)
        self.refresh()

    def _failed(self, message: str) -> None:
        self.operation = None
        self.refresh()
        if message:
            report(self, self.tr("The operation did not finish"), message)

    def block(self) -> None:
        if rules_service is None or not self.commenter.by_email:
            return
        try:
            with initiated_by(self):
                rules_service.block_author(self.db, self.commenter.email)
        except (StorageError, ValueError) as exc:
            report(self, self.tr("The address was not blocked"), str(exc), warning=True)
            return
        self.block_button.setEnabled(False)
        self.block_button.setText(self.tr("Blocked"))
