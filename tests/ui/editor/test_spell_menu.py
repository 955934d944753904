"""Right-clicking a misspelled word: suggestions, Add to Dictionary, Ignore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPlainTextEdit

from redaction.domain.spelling import PersonalDictionary
from redaction.ui.editor.spell_menu import SpellingContextMenu, build_spelling_menu
from tests.ui.editor.spell_fixtures import editor, spelling, underlined

__all__ = ["editor", "spelling"]  # fixtures


def point_at(editor: QPlainTextEdit, word: str) -> QPoint:
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index(word) + 2)
    return editor.cursorRect(cursor).center()


def actions(menu) -> dict[str, object]:
    return {a.objectName() or a.text(): a for a in menu.actions()}


def test_the_menu_offers_suggestions_first_and_replacing_is_one_undo(editor: QPlainTextEdit) -> None:
    editor.setPlainText("Les pecheurs du port.")
    menu = build_spelling_menu(editor, editor.highlighter, point_at(editor, "pecheurs"))  # type: ignore[attr-defined]
    suggestions = [a for a in menu.actions() if a.objectName() == "spelling_suggestion"]
    assert suggestions[0].text() == "pêcheurs"
    assert menu.actions()[0] is suggestions[0]  # above Undo, Cut, Copy…
    suggestions[0].trigger()
    assert editor.toPlainText() == "Les pêcheurs du port."
    assert not underlined(editor.document().firstBlock(), "pêcheurs")
    editor.undo()
    assert editor.toPlainText() == "Les pecheurs du port."


def test_adding_to_the_dictionary_removes_the_underline_everywhere(
    editor: QPlainTextEdit, tmp_path: Path
) -> None:
    editor.setPlainText("Le fest-noz de Plouzévédé.\n\nPlouzévédé danse. Plouzévédé chante.")
    document = editor.document()
    assert underlined(document.lastBlock(), "Plouzévédé")  # a sentence start: checked
    menu = build_spelling_menu(editor, editor.highlighter, point_at(editor, "Plouzévédé danse"))  # type: ignore[attr-defined]
    assert "Plouzévédé" in actions(menu)["spelling_add"].text()
    actions(menu)["spelling_add"].trigger()
    editor.highlighter.finish()  # type: ignore[attr-defined]
    assert not underlined(document.lastBlock(), "Plouzévédé")
    assert "Plouzévédé" in PersonalDictionary(tmp_path / "personal-dictionary.txt")


def test_ignore_lasts_for_the_session_only(editor: QPlainTextEdit, tmp_path: Path) -> None:
    editor.setPlainText("Un mot inventé : bidulerie.")
    menu = build_spelling_menu(editor, editor.highlighter, point_at(editor, "bidulerie"))  # type: ignore[attr-defined]
    actions(menu)["spelling_ignore"].trigger()
    assert not underlined(editor.document().firstBlock(), "bidulerie")
    assert "bidulerie" not in PersonalDictionary(tmp_path / "personal-dictionary.txt")


def test_a_correct_word_gets_the_plain_menu(editor: QPlainTextEdit) -> None:
    editor.setPlainText("Le port revit.")
    menu = build_spelling_menu(editor, editor.highlighter, point_at(editor, "port"))  # type: ignore[attr-defined]
    assert not any(a.objectName().startswith("spelling") for a in menu.actions())


def test_installing_on_an_editor_filters_its_viewport(editor: QPlainTextEdit) -> None:
    hook = SpellingContextMenu(editor, editor.highlighter)  # type: ignore[attr-defined]
    assert hook.parent() is editor


def test_replacing_after_an_emoji_replaces_the_right_letters(editor: QPlainTextEdit) -> None:
    editor.setPlainText("🎉 Les pecheurs.")
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("pecheurs") + 1 + 2)  # + 1: the emoji is 2 units
    menu = build_spelling_menu(editor, editor.highlighter, editor.cursorRect(cursor).center())  # type: ignore[attr-defined]
    [first, *_] = [a for a in menu.actions() if a.objectName() == "spelling_suggestion"]
    first.trigger()
    assert editor.toPlainText() == "🎉 Les pêcheurs."
