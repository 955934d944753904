"""Someone saved the article while you were editing it: compare, merge, then save.

The body is merged paragraph by paragraph against the version both started from; paragraphs only
one side changed are taken from that side, paragraphs both changed are kept both between
markers for the journalist to settle. Other fields take whichever side changed them.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from redaction.domain.diff import CONFLICT_MINE, three_way_merge, word_diff
from redaction.services.articles.values import ArticleFields
from redaction.ui.editor.diff_view import DiffView
from redaction.ui.plain_text import edit_text


def merge_fields(
    base: ArticleFields | None, mine: ArticleFields, theirs: ArticleFields
) -> tuple[ArticleFields, int]:
    """The merged fields and the number of body conflicts left to settle."""
    if base is None:
        result = three_way_merge("", mine.body, theirs.body)
        return replace(mine, body=result.text), result.conflicts
    merged = {}
    for field in dataclass_fields(ArticleFields):
        name = field.name
        if name == "body":
            continue
        mine_value, their_value, base_value = getattr(mine, name), getattr(theirs, name), getattr(base, name)
        merged[name] = mine_value if mine_value != base_value else their_value
    result = three_way_merge(base.body, mine.body, theirs.body)
    return ArticleFields(body=result.text, **merged), result.conflicts


class MergeDialog(QDialog):
    KEEP_MINE, TAKE_THEIRS, SAVE_MERGED = 1, 2, 3

    def __init__(
        self,
        base: ArticleFields | None,
        mine: ArticleFields,
        theirs: ArticleFields,
        who: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed Elsewhere"))
        self.mine, self.theirs = mine, theirs
        self.merged_fields, conflicts = merge_fields(base, mine, theirs)
        self.choice = 0
        intro = QLabel(
            self.tr(
                "{0} saved this article while you were editing it. Nothing is lost: compare, merge and save."
            ).format(who or self.tr("Someone"))
        )
        intro.setWordWrap(True)
        self.conflict_label = QLabel(objectName="conflict_label")
        self.conflict_label.setText(
            self.tr(
                "%n paragraph(s) changed on both sides are marked between <<<<<<< and >>>>>>>.", "", conflicts
            )
            if conflicts
            else self.tr("The two versions merge cleanly.")
        )
        self.theirs_diff = DiffView()
        self.theirs_diff.show_diff(word_diff(mine.body, theirs.body))
        self.merged_edit = QPlainTextEdit(objectName="merged_body")
        self.merged_edit.setPlainText(self.merged_fields.body)
        splitter = QSplitter()
        for caption, widget in (
            (self.tr("Their version compared with yours"), self.theirs_diff),
            (self.tr("Merged text (editable)"), self.merged_edit),
        ):
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(QLabel(caption))
            layout.addWidget(widget, 1)
            splitter.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_merged = buttons.addButton(self.tr("Save Merged"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_mine = buttons.addButton(self.tr("Keep Mine"), QDialogButtonBox.ButtonRole.ActionRole)
        self.take_theirs = buttons.addButton(self.tr("Take Theirs"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_merged.clicked.connect(self._save_merged)
        self.keep_mine.clicked.connect(lambda: self._done(self.KEEP_MINE))
        self.take_theirs.clicked.connect(lambda: self._done(self.TAKE_THEIRS))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.conflict_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1100, 640)

    def result_fields(self) -> ArticleFields:
        if self.choice == self.KEEP_MINE:
            return self.mine
        if self.choice == self.TAKE_THEIRS:
            return self.theirs
        return replace(self.merged_fields, body=edit_text(self.merged_edit))

    def _save_merged(self) -> None:
        if CONFLICT_MINE.strip() in edit_text(self.merged_edit):
            answer = QMessageBox.question(
                self,
                self.tr("Conflicts left"),
                self.tr("The merged text still has conflict markers. Save it anyway?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._done(self.SAVE_MERGED)

    def _done(self, choice: int) -> None:
        self.choice = choice
        self.accept()
