"""The articles' three-way merge (:class:`~redaction.ui.editor.merge_dialog.MergeDialog`),
worded for a post edited on the site: base = what was last sent there, mine = what is being
published, theirs = the site's version. Its buttons say what happens on the site (Publish
Merged, Publish Mine, Keep the Site's Version), and the merged text is read through the document
so that no-break spaces survive (``toPlainText()`` turns them into plain spaces).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from redaction.domain.untrusted import one_line
from redaction.services.articles.values import ArticleFields
from redaction.ui.editor.merge_dialog import MergeDialog
from redaction.ui.plain_text import document_text

if TYPE_CHECKING:
    from redaction.services.site.publish import PostConflict


class SiteMergeDialog(MergeDialog):
    """The articles' merge, worded for the site, and keeping no-break spaces in the merged text
    (``toPlainText()`` would turn them into plain spaces)."""

    def __init__(self, conflict: PostConflict, site_name: str, parent: QWidget | None = None) -> None:
        assert conflict.theirs is not None
        super().__init__(conflict.base, conflict.mine, conflict.theirs, site_name, parent)
        self.setObjectName("site_merge_dialog")
        self.setWindowTitle(self.tr("Changed on the Site"))
        intro = self.layout().itemAt(0).widget()
        if isinstance(intro, QLabel):
            intro.setText(
                self.tr(
                    "“%1” was edited on the site %2 since it was published from here. Nothing was "
                    "overwritten: compare, merge, and publish the merged text — or take the site's."
                )
                .replace("%1", one_line(conflict.mine.title, 120))
                .replace("%2", site_name)
            )
        self.take_theirs.setText(self.tr("Keep the Site's Version"))
        self.save_merged.setText(self.tr("Publish Merged"))
        self.keep_mine.setText(self.tr("Publish Mine"))

    def result_fields(self) -> ArticleFields:
        if self.choice == self.SAVE_MERGED:
            return replace(self.merged_fields, body=document_text(self.merged_edit.document()))
        return super().result_fields()
