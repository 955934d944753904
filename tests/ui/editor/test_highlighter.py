"""What the writer sees in the body editor: Markdown colours and spelling underlines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from tests.ui.editor.spell_fixtures import editor, format_at, spelling, underlined
from tests.ui.keys import type_text

__all__ = ["editor", "spelling"]  # fixtures


def block(editor: QPlainTextEdit, number: int):
    return editor.document().findBlockByNumber(number)


def test_a_misspelled_word_is_underlined_but_not_in_code(editor: QPlainTextEdit) -> None:
    editor.setPlainText("Les pecheurs et `pecheurs` sur https://pecheurs.fr\n```\npecheurs\n```")
    first = block(editor, 0)
    assert underlined(first, "pecheurs")
    assert not underlined(first, "Les")
    code = first.text().index("`pecheurs`") + 1
    assert format_at(first, code).underlineStyle() != QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    url = first.text().index("//pecheurs") + 2
    assert format_at(first, url).underlineStyle() != QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    assert not underlined(block(editor, 2), "pecheurs")  # inside the fenced block


def test_typing_a_mistake_underlines_it_at_once(qtbot, editor: QPlainTextEdit) -> None:
    type_text(qtbot, editor, "Le port revit. La criee ")
    assert underlined(block(editor, 0), "criee")
    assert not underlined(block(editor, 0), "port")


def test_no_break_spaces_are_tinted(editor: QPlainTextEdit) -> None:
    editor.setPlainText("Quoi\u202f? Il a dit\u00a0: oui")
    first = block(editor, 0)
    narrow, wide = first.text().index("\u202f"), first.text().index("\u00a0")
    assert format_at(first, narrow).background().style() != Qt.BrushStyle.NoBrush
    assert format_at(first, wide).background() == format_at(first, narrow).background()
    assert format_at(first, 0).background().style() == Qt.BrushStyle.NoBrush  # letters are not tinted


def test_headings_are_bold_and_larger(editor: QPlainTextEdit) -> None:
    editor.setPlainText("# Titre\n\nTexte **gras** et *penché*")
    heading = format_at(block(editor, 0), 3)
    assert heading.fontWeight() == QFont.Weight.Bold
    assert heading.fontPointSize() > editor.font().pointSizeF()
    body = block(editor, 2)
    assert format_at(body, body.text().index("gras")).fontWeight() == QFont.Weight.Bold
    assert format_at(body, body.text().index("penché")).fontItalic()


def test_fenced_code_state_follows_edits(qtbot, editor: QPlainTextEdit) -> None:
    editor.setPlainText("```\ncode\n```\nfautte")
    assert underlined(block(editor, 3), "fautte")  # prose after the closed block
    assert editor.highlighter.in_code_block(block(editor, 1))  # type: ignore[attr-defined]
    assert not editor.highlighter.in_code_block(block(editor, 3))  # type: ignore[attr-defined]
    cursor = editor.textCursor()
    cursor.setPosition(block(editor, 2).position())
    cursor.movePosition(cursor.MoveOperation.EndOfBlock, cursor.MoveMode.KeepAnchor)
    cursor.insertText("plus de fence")  # the block is now open to the end
    assert editor.highlighter.in_code_block(block(editor, 3))  # type: ignore[attr-defined]
    assert not underlined(block(editor, 3), "fautte")


def test_a_long_article_is_formatted_gradually(qtbot, editor: QPlainTextEdit) -> None:
    editor.setPlainText("Les pecheurs sont là.\n\n" * 6000)
    highlighter = editor.highlighter  # type: ignore[attr-defined]
    assert highlighter.is_busy()
    qtbot.waitUntil(lambda: not highlighter.is_busy(), timeout=20_000)
    assert underlined(block(editor, 0), "pecheurs")
    assert underlined(block(editor, 11_998), "pecheurs")


def test_switching_to_english_rechecks(qtbot, editor: QPlainTextEdit, spelling) -> None:
    editor.setPlainText("The harbour")
    assert underlined(block(editor, 0), "harbour")  # not a French word
    assert spelling.wait_loaded("en")
    editor.highlighter.set_language("en")  # type: ignore[attr-defined]
    editor.highlighter.finish()  # type: ignore[attr-defined]
    assert not underlined(block(editor, 0), "harbour")


def test_dark_and_light_palettes_give_readable_colours(editor: QPlainTextEdit) -> None:
    from PySide6.QtGui import QColor, QPalette

    from redaction.ui.editor.highlight_formats import Formats

    for base, text in (("#ffffff", "#000000"), ("#1e1e1e", "#eeeeee")):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Base, QColor(base))
        palette.setColor(QPalette.ColorRole.Text, QColor(text))
        formats = Formats(palette)
        background = QColor(base).lightnessF()
        for fmt in (formats.code, formats.link_text, formats.quote, formats.markup):
            assert abs(fmt.foreground().color().lightnessF() - background) > 0.25


def test_an_emoji_does_not_shift_the_underline(editor: QPlainTextEdit) -> None:
    editor.setPlainText("Bravo 🎉🎉 les pecheurs")
    first = block(editor, 0)
    start = first.text().index("pecheurs") + 2  # two emoji: two extra UTF-16 units
    assert format_at(first, start).underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    assert format_at(first, start - 1).underlineStyle() != QTextCharFormat.UnderlineStyle.SpellCheckUnderline
