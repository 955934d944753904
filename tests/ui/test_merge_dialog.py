"""The merge dialog (two saves of one article) keeps French text as it was written."""

from __future__ import annotations

from PySide6.QtCore import Qt

from redaction.services.articles.values import ArticleFields
from redaction.ui.editor.merge_dialog import MergeDialog

NBSP, NNBSP = "\u00a0", "\u202f"


def test_the_merged_text_keeps_its_no_break_spaces(qtbot) -> None:
    base = ArticleFields(title="Le port", body=f"Il est 8{NBSP}h.\n\nLes bateaux{NNBSP}!")
    mine = ArticleFields(title="Le port", body=f"Il est 8{NBSP}h{NBSP}30.\n\nLes bateaux{NNBSP}!")
    theirs = ArticleFields(title="Le port", body=f"Il est 8{NBSP}h.\n\nLes bateaux rentrent{NNBSP}!")
    dialog = MergeDialog(base, mine, theirs, "Yann Kerouac")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.save_merged, Qt.MouseButton.LeftButton)
    assert dialog.result_fields().body == f"Il est 8{NBSP}h{NBSP}30.\n\nLes bateaux rentrent{NNBSP}!"
