"""Settling what changed on both sides, never in silence.

- An article edited on the site after it was published from here: Compare and Merge… opens the
  articles' three-way merge (:class:`SiteMergeDialog`, base = what was last sent, mine = what is
  being published, theirs = the site's version); Save Merged or Keep Mine queue that version to
  replace the site's (:func:`~redaction.services.site.publish.publish_merged`), Take Theirs keeps
  the site's version here and sends nothing (:func:`~redaction.services.site.publish.keep_site_version`).
  An article deleted on the site can be published again.
- A comment moderated on the site after a decision taken here: the site's decision was kept and
  applied here; Keep the Site's Decision (the default) settles it, Keep Mine sends ours again
  (:func:`~redaction.services.site.push_comments.resolve_comment_conflict`).

Conflicts are few: each gets a row of its own (labels and buttons), rebuilt when the outbox
changes. Whatever is queued is sent by a sync started at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.untrusted import one_line, visible_name
from redaction.services.articles.values import ArticleFields
from redaction.services.errors import RefusedError
from redaction.services.site.errors import SiteError
from redaction.storage.changeset import Changes
from redaction.storage.errors import StorageError
from redaction.ui import labels
from redaction.ui.deferred import deferred
from redaction.ui.editor.merge_dialog import MergeDialog
from redaction.ui.site.site_merge import SiteMergeDialog

if TYPE_CHECKING:
    from redaction.services.site.publish import PostConflict
    from redaction.ui.context import AppContext
    from redaction.ui.site.controls import SiteControls

overview = deferred("redaction.services.site.overview")


def _plain(text: str, name: str = "") -> QLabel:
    label = QLabel(text, objectName=name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ConflictsDialog(QDialog):
    def __init__(self, ctx: AppContext, controls: SiteControls, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_conflicts")
        self.setWindowTitle(self.tr("Settle with the Site"))
        self.ctx, self.controls = ctx, controls
        self.merge_dialog: SiteMergeDialog | None = None
        self.comment_conflicts: list[int] = []
        self.buttons: dict[tuple[str, int], QPushButton] = {}  # (what, outbox id) → button
        self.rows = QWidget()
        self.rows_layout = QVBoxLayout(self.rows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows)
        self.status = _plain("", "conflicts_status")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        # The site's decisions already stand here: Enter settles every comment that way.
        self.keep_site_all = close.addButton(
            self.tr("Keep the Site's Decisions"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.keep_site_all.setObjectName("conflicts_keep_site_all")
        self.keep_site_all.setDefault(True)
        self.keep_site_all.clicked.connect(self._keep_site_decisions)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _plain(self.tr("These changed on the site and here. Nothing was overwritten: choose what stays."))
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(760, 420)
        ctx.bus.changed.connect(self._changed)
        self.reload()

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if (changes.outbox or changes.everything) and self.merge_dialog is None:
            self.reload()

    def reload(self) -> None:
        from redaction.services.site.publish import post_conflicts

        while self.rows_layout.count():
            item = self.rows_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons.clear()
        try:
            posts = post_conflicts(self.ctx.db)
            comments = overview.comment_conflicts(self.ctx.db)
        except StorageError as exc:
            self.status.setText(str(exc))
            return
        for conflict in posts:
            self._post_row(conflict)
        for row in comments:
            self._comment_row(row)
        self.comment_conflicts = [row.outbox_id for row in comments]
        self.keep_site_all.setVisible(bool(comments))
        if comments:
            self.keep_site_all.setFocus()  # the row that had the keyboard may be gone
        if not posts and not comments:
            self.rows_layout.addWidget(_plain(self.tr("Nothing to settle."), "conflicts_none"))
        self.rows_layout.addStretch(1)

    def _row(self, text: str, actions: list[tuple[str, str, int, object]]) -> None:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(frame)
        layout.addWidget(_plain(text), 1)
        for key, caption, outbox_id, slot in actions:
            button = QPushButton(caption, objectName=f"conflict_{key}_{outbox_id}")
            button.setAutoDefault(False)  # Enter is for the dialog's default, never a row's choice
            button.clicked.connect(slot)
            layout.addWidget(button)
            self.buttons[(key, outbox_id)] = button
        self.rows_layout.addWidget(frame)

    def _post_row(self, conflict: PostConflict) -> None:
        title = one_line(conflict.mine.title, 120)
        oid = conflict.outbox_id
        if conflict.theirs is None:
            self._row(
                self.tr("“%1” was deleted on the site after it was published from here.").replace(
                    "%1", title
                ),
                [
                    (
                        "republish",
                        self.tr("Publish Again"),
                        oid,
                        lambda: self._publish(conflict, conflict.mine),
                    )
                ],
            )
            return
        self._row(
            self.tr("“%1” was edited on the site since it was published from here.").replace("%1", title),
            [
                ("merge", self.tr("Compare and Merge…"), oid, lambda: self.merge(conflict)),
                ("theirs", self.tr("Keep the Site's Version"), oid, lambda: self._keep_theirs(conflict)),
            ],
        )

    def _comment_row(self, row: overview.CommentConflictRow) -> None:
        text = (
            self.tr("Comment by %1 on “%2”: marked %3 on the site after it was marked %4 here.")
            .replace("%1", visible_name(row.author) or self.tr("(anonymous)"))
            .replace("%2", one_line(row.article_title, 80))
            .replace("%3", labels.comment_status(row.site_status).lower())
            .replace("%4", labels.comment_status(row.local_status).lower())
        )
        text += "\n" + one_line(row.excerpt, 100)
        oid = row.outbox_id
        self._row(
            text,
            [
                ("site", self.tr("Keep the Site's Decision"), oid, lambda: self._settle_comment(oid, "site")),
                ("mine", self.tr("Keep Mine"), oid, lambda: self._settle_comment(oid, "local")),
            ],
        )

    # -- settling ---------------------------------------------------------------------------------
    def merge(self, conflict: PostConflict) -> SiteMergeDialog:
        state = self.controls.state
        dialog = SiteMergeDialog(conflict, (state.name or state.url) if state else "", self)
        self.merge_dialog = dialog

        def done(code: int) -> None:
            self.merge_dialog = None
            if code == QDialog.DialogCode.Accepted:
                if dialog.choice == MergeDialog.TAKE_THEIRS:
                    self._keep_theirs(conflict)
                else:
                    self._publish(conflict, dialog.result_fields())
            self.reload()
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _attempt(self, call: Callable[[], object], done: str, sync: bool) -> None:
        try:
            call()
        except (RefusedError, StorageError, SiteError) as exc:
            self.status.setText(str(exc))  # one line; the conflict stays to settle
            return
        self.status.setText(done)
        if sync:
            self.controls.sync.start()

    def _publish(self, conflict: PostConflict, fields: ArticleFields) -> None:
        from redaction.services.site.publish import publish_merged

        self._attempt(
            lambda: publish_merged(self.ctx.db, conflict.outbox_id, fields, self.ctx.actor),
            self.tr("Your version goes to the site."),
            sync=True,
        )

    def _keep_theirs(self, conflict: PostConflict) -> None:
        from redaction.services.site.publish import keep_site_version

        self._attempt(
            lambda: keep_site_version(self.ctx.db, conflict.outbox_id, self.ctx.actor),
            self.tr("The site's version is kept, here too."),
            sync=False,
        )

    def _keep_site_decisions(self) -> None:
        for outbox_id in list(self.comment_conflicts):
            self._settle_comment(outbox_id, "site")

    def _settle_comment(self, outbox_id: int, keep: str) -> None:
        from redaction.services.site.push_comments import resolve_comment_conflict

        self._attempt(
            lambda: resolve_comment_conflict(self.ctx.db, outbox_id, keep, self.ctx.actor),
            self.tr("Your decision goes to the site.")
            if keep == "local"
            else self.tr("The site's decision stays."),
            sync=keep == "local",
        )
