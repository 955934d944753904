"""Editing the moderation rules, with a dry run before saving.

"Dry Run" runs the rules as edited (not yet saved) over the whole pending queue on a worker
thread, with progress and a Cancel button (nothing is written, so abandoning is safe), and shows
how many comments each outcome would get and the list of comments that would move. "Save" keeps
the rules for the comments that arrive from now on; "Save and Apply" also runs them over the
pending queue now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.moderation_rules import MarkupAction, MatchMode, RuleSet
from redaction.domain.untrusted import one_line, reveal_invisible, visible_name
from redaction.services.moderation.queue import queue_rows
from redaction.services.moderation.rules import Change, RuleRun
from redaction.services.moderation.values import QueueRow
from redaction.storage.changeset import initiated_by
from redaction.storage.errors import StorageError
from redaction.ui import labels
from redaction.ui.context import AppContext
from redaction.ui.deferred import deferred
from redaction.ui.moderation.reasons import shown_reason
from redaction.ui.operations import Operation, report
from redaction.ui.plain_text import edit_text

if TYPE_CHECKING:
    from redaction.storage.database import Database

rules_service = deferred("redaction.services.moderation.rules")

DETAILED_CHANGES = 500  # the first changes are listed with their author and text
LISTS = ("moderation_words", "blocked_words", "blocked_emails", "blocked_domains", "blocked_ips")
_Index = QModelIndex | QPersistentModelIndex


def dry_run_with_rows(db: Database, rules: RuleSet, progress: Any) -> tuple[RuleRun, dict[int, QueueRow]]:
    """The dry run, plus the rows of the first changes (worker thread)."""
    run = rules_service.dry_run(db, rules, progress)
    ids = [c.comment_id for c in run.changes[:DETAILED_CHANGES]]
    rows = {r.id: r for r in queue_rows(db, ids)}
    return run, rows


class ChangesModel(QAbstractTableModel):
    """What a dry run would do, one row per comment that would move."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._changes: list[Change] = []
        self._rows: dict[int, QueueRow] = {}
        self._headers = [self.tr("Would become"), self.tr("Why"), self.tr("Author"), self.tr("Comment")]

    def set_run(self, run: RuleRun | None, rows: dict[int, QueueRow]) -> None:
        self.beginResetModel()
        # Comments held stay pending but gain a reason: they are listed too.
        self._changes = [c for c in run.changes if c.to_status != c.from_status or c.reason] if run else []
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        change = self._changes[index.row()]
        row = self._rows.get(change.comment_id)
        column = index.column()
        if column == 0:
            if change.to_status == change.from_status:
                return self.tr("Held (pending)")
            return labels.comment_status(change.to_status)
        if column == 1:
            return reveal_invisible(one_line(shown_reason(change.reason), 80))
        if row is None:
            return f"#{change.comment_id}" if column == 2 else ""
        if column == 2:
            return visible_name(row.author_name) or reveal_invisible(row.author_email)
        return reveal_invisible(one_line(row.excerpt, 120))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class RulesDialog(QDialog):
    dry_run_finished = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rules_dialog")
        self.setWindowTitle(self.tr("Moderation Rules"))
        self.ctx = ctx
        self.db = ctx.db
        self.operation: Operation | None = None
        self.last_run: RuleRun | None = None

        self.links_spin = QSpinBox(objectName="rules_links", minimum=0, maximum=100)
        self.links_spin.setSpecialValueText(self.tr("no limit"))
        self.flood_spin = QSpinBox(objectName="rules_flood", minimum=0, maximum=86_400)
        self.flood_spin.setSuffix(self.tr(" s"))
        self.flood_spin.setSpecialValueText(self.tr("off"))
        self.mode_combo = QComboBox(objectName="rules_mode")
        self.mode_combo.addItem(self.tr("Whole words, ignoring case and accents"), MatchMode.WHOLE_WORD.value)
        self.mode_combo.addItem(self.tr("Anywhere in a word"), MatchMode.SUBSTRING.value)
        self.duplicates_check = QCheckBox(self.tr("Hold duplicates"), objectName="rules_duplicates")
        self.known_check = QCheckBox(self.tr("Approve authors already approved"), objectName="rules_known")
        form = QFormLayout()
        form.addRow(self.tr("Hold comments with this many links:"), self.links_spin)
        form.addRow(self.tr("Hold a comment sent within:"), self.flood_spin)
        form.addRow(self.tr("Words match:"), self.mode_combo)
        # Rule 3: scripts, event handlers, javascript: links, invisible and bidi characters.
        self.markup_combo = QComboBox(objectName="rules_markup")
        self.markup_combo.addItem(self.tr("Hold for a moderator"), MarkupAction.HELD.value)
        self.markup_combo.addItem(self.tr("Mark as spam"), MarkupAction.SPAM.value)
        self.markup_combo.addItem(self.tr("Let it through"), MarkupAction.OFF.value)
        self.markup_combo.setToolTip(
            self.tr(
                "Scripts, event handlers, javascript: links, invisible or direction-changing characters. "
                "The comment is always shown as plain text."
            )
        )
        form.addRow(self.tr("Dangerous markup:"), self.markup_combo)
        form.addRow(self.duplicates_check)
        form.addRow(self.known_check)

        self.list_edits: dict[str, QPlainTextEdit] = {}
        self.lists = QTabWidget(objectName="rules_lists")
        for key, title, hint in (
            (
                "moderation_words",
                self.tr("Hold words"),
                self.tr("One word or phrase a line: the comment waits."),
            ),
            ("blocked_words", self.tr("Blocked words"), self.tr("One word or phrase a line: to the trash.")),
            ("blocked_emails", self.tr("Blocked emails"), self.tr("One address a line: to the trash.")),
            (
                "blocked_domains",
                self.tr("Blocked domains"),
                self.tr("example.com blocks its addresses and subdomains."),
            ),
            ("blocked_ips", self.tr("Blocked IPs"), self.tr("10.0.0.7, 10.0.0.0/8 or a prefix like 10.0.")),
        ):
            edit = QPlainTextEdit(objectName=f"rules_{key}")
            edit.setPlaceholderText(hint)
            edit.setTabChangesFocus(True)
            self.list_edits[key] = edit
            self.lists.addTab(edit, title)

        self.dry_run_button = QPushButton(self.tr("Dry Run on the Pending Queue"), objectName="rules_dry_run")
        self.dry_run_button.clicked.connect(self.dry_run)
        self.cancel_run_button = QPushButton(self.tr("Stop"), objectName="rules_stop")
        self.cancel_run_button.clicked.connect(self.cancel_dry_run)
        self.cancel_run_button.hide()
        self.progress = QProgressBar(objectName="rules_progress")
        self.progress.hide()
        self.result_label = QLabel(objectName="rules_result")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        run_row = QHBoxLayout()
        run_row.addWidget(self.dry_run_button)
        run_row.addWidget(self.cancel_run_button)
        run_row.addWidget(self.progress, 1)
        self.changes = ChangesModel(self)
        self.changes_view = QTableView(objectName="rules_changes")
        self.changes_view.setModel(self.changes)
        self.changes_view.verticalHeader().hide()
        self.changes_view.setWordWrap(False)
        self.changes_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changes_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        held = metrics.horizontalAdvance(QCoreApplication.translate("ChangesModel", "Held (pending)"))
        self.changes_view.setColumnWidth(0, max(held, labels.comment_status_width(metrics)) + 20)
        self.changes_view.setColumnWidth(1, metrics.horizontalAdvance("M") * 18)
        self.changes_view.setColumnWidth(2, metrics.horizontalAdvance("M") * 10)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = buttons.addButton(
            self.tr("Save and Apply to Pending"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.apply_button.setObjectName("rules_apply")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.save_and_apply)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.lists, 1)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addLayout(run_row)
        results_layout.addWidget(self.result_label)
        results_layout.addWidget(self.changes_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(editor)
        splitter.addWidget(results)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(860, 720)
        self._load()

    # -- the rule set on screen -----------------------------------------------------------------
    def _load(self) -> None:
        try:
            rules = rules_service.get_rules(self.db)
        except (StorageError, ValueError) as exc:
            self.result_label.setText(str(exc))
            rules = RuleSet()
        self.set_rules(rules)

    def set_rules(self, rules: RuleSet) -> None:
        self.links_spin.setValue(rules.max_links)
        self.flood_spin.setValue(rules.flood_seconds)
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(rules.match_mode), 0))
        self.markup_combo.setCurrentIndex(max(self.markup_combo.findData(rules.dangerous_markup), 0))
        self.duplicates_check.setChecked(rules.hold_duplicates)
        self.known_check.setChecked(rules.approve_known_authors)
        for key, edit in self.list_edits.items():
            edit.setPlainText("\n".join(getattr(rules, key)))

    def rules(self) -> RuleSet:
        """The rules as edited; ValueError (with the reason) when they do not hold."""
        lists = {key: tuple(edit_text(edit).splitlines()) for key, edit in self.list_edits.items()}
        return RuleSet(
            max_links=self.links_spin.value(),
            flood_seconds=self.flood_spin.value(),
            match_mode=self.mode_combo.currentData(),
            dangerous_markup=self.markup_combo.currentData(),
            hold_duplicates=self.duplicates_check.isChecked(),
            approve_known_authors=self.known_check.isChecked(),
            **lists,
        ).normalized()

    def _checked_rules(self) -> RuleSet | None:
        try:
            return self.rules()
        except ValueError as exc:
            report(self, self.tr("The rules cannot be used"), str(exc), warning=True)
            return None

    # -- dry run ------------------------------------------------------------------------------
    def dry_run(self) -> None:
        rules = self._checked_rules()
        if rules is None or self.operation is not None:
            return
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_run_button.show()
        self.dry_run_button.setEnabled(False)
        self.result_label.setText(self.tr("Trying the rules on the pending queue…"))
        self.operation = (
            Operation(lambda progress: dry_run_with_rows(self.db, rules, progress), abandon_on_cancel=True)
            .deliver_to(
                self,
                finished=self._dry_run_done,
                failed=self._dry_run_failed,
                progressed=self._progressed,
                cancelled=lambda: self._dry_run_failed(self.tr("Dry run stopped.")),
            )
            .start()
        )

    def cancel_dry_run(self) -> None:
        if self.operation is not None:
            self.operation.cancel()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _run_finished(self) -> None:
        self.operation = None
        self.progress.hide()
        self.cancel_run_button.hide()
        self.dry_run_button.setEnabled(True)

    def _dry_run_done(self, result: tuple[RuleRun, dict[int, QueueRow]]) -> None:
        self._run_finished()
        run, rows = result
        self.last_run = run
        loc = QLocale()
        self.result_label.setText(
            self.tr(
                "Of %1 pending comments, these rules would hold %2, send %3 to the trash and approve %4; "
                "%5 would wait without a reason. Nothing has been changed yet."
            )
            .replace("%1", loc.toString(run.total))
            .replace("%2", loc.toString(run.held))
            .replace("%3", loc.toString(run.trashed))
            .replace("%4", loc.toString(run.approved))
            .replace("%5", loc.toString(run.pending))
        )
        self.changes.set_run(run, rows)
        self.dry_run_finished.emit()

    def _dry_run_failed(self, message: str) -> None:
        self._run_finished()
        self.result_label.setText(message)
        self.dry_run_finished.emit()

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> bool:
        rules = self._checked_rules()
        if rules is None:
            return False
        try:
            with initiated_by(self):
                rules_service.save_rules(self.db, rules)
        except StorageError as exc:
            report(self, self.tr("The rules were not saved"), str(exc))
            return False
        self.accept()
        return True

    def save_and_apply(self) -> None:
        rules = self._checked_rules()
        if rules is None or self.operation is not None:
            return
        from redaction.ui.operations import run_with_progress

        db = self.db

        def work(progress: Any) -> RuleRun:
            rules_service.save_rules(db, rules)
            return rules_service.apply_to_queue(db, rules, progress)  # backs the database up first

        with initiated_by(self):
            self.operation = run_with_progress(
                self,
                work,
                self.tr("Applying the rules to the pending queue…"),
                self._applied,
                self._dry_run_failed,
                cancellable=False,
            )

    def _applied(self, run: RuleRun) -> None:
        self.operation = None
        self.accept()

    def reject(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
        super().reject()
