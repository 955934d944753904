"""Typography while typing in the body editor, and Apply Typography over the whole text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from redaction.domain.typography import NBSP, NNBSP
from redaction.ui.editor.typing_helpers import AutoTypography, apply_typography_to, document_text
from tests.ui.editor.spell_fixtures import editor, spelling
from tests.ui.keys import type_text

__all__ = ["editor", "spelling"]  # fixtures


def test_typing_french_gets_no_break_spaces_and_guillemets(qtbot, editor: QPlainTextEdit) -> None:
    AutoTypography(editor, lambda: "fr", editor.highlighter)  # type: ignore[attr-defined]
    type_text(qtbot, editor, 'Il dit "oui" : c\'est vrai ? Et puis...')
    assert document_text(editor.document()) == f"Il dit «{NBSP}oui{NBSP}»{NBSP}: c’est vrai{NNBSP}? Et puis…"


def test_undo_right_after_brings_back_the_plain_character(qtbot, editor: QPlainTextEdit) -> None:
    AutoTypography(editor, lambda: "fr", editor.highlighter)  # type: ignore[attr-defined]
    type_text(qtbot, editor, "Quoi?")
    assert document_text(editor.document()) == f"Quoi{NNBSP}?"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document_text(editor.document()) == "Quoi?"


def test_nothing_changes_in_code_or_in_english_spacing(qtbot, editor: QPlainTextEdit) -> None:
    language = ["fr"]
    AutoTypography(editor, lambda: language[0], editor.highlighter)  # type: ignore[attr-defined]
    type_text(qtbot, editor, "```\nx = 'a' ?\n```\nVoir `a ? b` et https://x.fr/?q=1")
    assert document_text(editor.document()) == "```\nx = 'a' ?\n```\nVoir `a ? b` et https://x.fr/?q=1"
    editor.clear()
    language[0] = "en"
    type_text(qtbot, editor, 'He said "why?" It\'s')
    assert document_text(editor.document()) == "He said “why?” It’s"


def test_apply_typography_is_one_undo_step_and_keeps_the_cursor(editor: QPlainTextEdit) -> None:
    editor.setPlainText('Quoi ?\n\n`a ? b`\n\nEt puis... l\'été : "fini" !')
    cursor = editor.textCursor()
    cursor.setPosition(document_text(editor.document()).index("puis"))
    editor.setTextCursor(cursor)
    assert apply_typography_to(editor, "fr") == 2
    assert document_text(editor.document()) == (
        f"Quoi{NNBSP}?\n\n`a ? b`\n\nEt puis… l’été{NBSP}: «{NBSP}fini{NBSP}»{NNBSP}!"
    )
    assert document_text(editor.document())[editor.textCursor().position() :].startswith("puis")
    assert apply_typography_to(editor, "fr") == 0
    assert editor.toPlainText().count(NBSP) == 0  # why document_text exists
    editor.undo()
    assert document_text(editor.document()) == 'Quoi ?\n\n`a ? b`\n\nEt puis... l\'été : "fini" !'


def test_works_on_the_real_body_editor_with_its_own_key_handling(qtbot, spelling) -> None:
    from redaction.ui.editor.body_edit import MarkdownEdit
    from redaction.ui.editor.highlighter import MarkdownHighlighter

    body = MarkdownEdit()
    qtbot.addWidget(body)
    highlighter = MarkdownHighlighter(body.document(), body.palette(), spelling, "fr")
    AutoTypography(body, lambda: "fr", highlighter)
    type_text(qtbot, body, "- Quoi?\nla suite")  # Enter continues the list (MarkdownEdit's own rule)
    assert document_text(body.document()) == f"- Quoi{NNBSP}?\n- la suite"


def test_typing_after_an_emoji(qtbot, editor: QPlainTextEdit) -> None:
    AutoTypography(editor, lambda: "fr", editor.highlighter)  # type: ignore[attr-defined]
    editor.setPlainText("Bravo 🎉")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(qtbot, editor, "!")
    assert document_text(editor.document()) == f"Bravo 🎉{NNBSP}!"
    assert apply_typography_to(editor, "fr") == 0
    editor.setPlainText("🎉🎉 Quoi ? l'été")
    assert apply_typography_to(editor, "fr") == 1
    assert document_text(editor.document()) == f"🎉🎉 Quoi{NNBSP}? l’été"
