"""The body editor: formatting shortcuts, lists on Enter, guarded paste and drop, images."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QColor, QDropEvent, QGuiApplication, QImage, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMainWindow, QTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from redaction.domain.images import MB
from redaction.services.articles.images import ImageStore
from redaction.storage.database import Database
from redaction.storage.models import Image
from redaction.ui.actions import ActionRegistry
from redaction.ui.editor.body_edit import MarkdownEdit
from tests.image_samples import JPEG, PNG
from tests.ui.keys import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    win = QMainWindow()
    win.setCentralWidget(MarkdownEdit())
    win.resize(600, 400)
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    win.centralWidget().setFocus()
    return win


@pytest.fixture
def edit(window: QMainWindow) -> MarkdownEdit:
    widget = window.centralWidget()
    assert isinstance(widget, MarkdownEdit)
    return widget


def select_text(edit: MarkdownEdit, start: int, end: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def test_ctrl_b_makes_the_selection_bold_and_again_plain_each_one_undo_step(
    qtbot: QtBot, edit: MarkdownEdit
) -> None:
    edit.setPlainText("Le port de Brest")
    select_text(edit, 3, 7)
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert edit.toPlainText() == "Le **port** de Brest"
    assert edit.textCursor().selectedText() == "port"
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert edit.toPlainText() == "Le port de Brest"
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert edit.toPlainText() == "Le **port** de Brest"
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    assert edit.toPlainText() == "Le port de Brest"


def test_ctrl_i_italicises_the_word_at_the_cursor_even_after_an_emoji(
    qtbot: QtBot, edit: MarkdownEdit
) -> None:
    edit.setPlainText("🎣 la pêche")
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.Left)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_I, CTRL)
    assert edit.toPlainText() == "🎣 la *pêche*"


def test_our_shortcuts_win_over_a_window_action_with_the_same_keys(
    qtbot: QtBot, window: QMainWindow, edit: MarkdownEdit
) -> None:
    fired: list[bool] = []
    other = QAction("Other", window, shortcut=QKeySequence("Ctrl+K"))
    other.triggered.connect(lambda: fired.append(True))
    window.addAction(other)
    edit.setPlainText("voir le site")
    select_text(edit, 8, 12)
    qtbot.keyClick(edit, Qt.Key.Key_K, CTRL)
    assert fired == []
    assert edit.toPlainText() == "voir le [site](url)"
    assert edit.textCursor().selectedText() == "url"
    type_text(qtbot, edit, "https://ouest.example/port")
    assert edit.toPlainText() == "voir le [site](https://ouest.example/port)"


def test_ctrl_k_takes_the_url_from_the_clipboard(qtbot: QtBot, edit: MarkdownEdit) -> None:
    QGuiApplication.clipboard().setText("https://example.com/criée")
    edit.setPlainText("la criée")
    select_text(edit, 3, 8)
    qtbot.keyClick(edit, Qt.Key.Key_K, CTRL)
    assert edit.toPlainText() == "la [criée](https://example.com/criée)"


def test_heading_shortcuts_set_replace_and_toggle(qtbot: QtBot, edit: MarkdownEdit) -> None:
    edit.setPlainText("Intro\nLe port\nFin")
    select_text(edit, 9, 9)
    qtbot.keyClick(edit, Qt.Key.Key_2, CTRL)
    assert edit.toPlainText() == "Intro\n## Le port\nFin"
    qtbot.keyClick(edit, Qt.Key.Key_3, CTRL)
    assert edit.toPlainText() == "Intro\n### Le port\nFin"
    qtbot.keyClick(edit, Qt.Key.Key_3, CTRL)
    assert edit.toPlainText() == "Intro\nLe port\nFin"
    qtbot.keyClick(edit, Qt.Key.Key_1, CTRL)
    type_text(qtbot, edit, "X")
    assert edit.toPlainText() == "Intro\n# Le Xport\nFin"  # the cursor stayed on its letter


def test_quote_and_lists_toggle_on_the_selected_lines(qtbot: QtBot, edit: MarkdownEdit) -> None:
    edit.setPlainText("avant\npain\nvin\naprès")
    select_text(edit, 6, 12)  # "pain" and part of "vin"
    qtbot.keyClick(edit, Qt.Key.Key_Q, CTRL | SHIFT)
    assert edit.toPlainText() == "avant\n> pain\n> vin\naprès"
    qtbot.keyClick(edit, Qt.Key.Key_Q, CTRL | SHIFT)
    assert edit.toPlainText() == "avant\npain\nvin\naprès"
    select_text(edit, 6, 14)  # "pain\nvin\n": ends at the start of "après", which stays out
    qtbot.keyClick(edit, Qt.Key.Key_D, CTRL | SHIFT)
    assert edit.toPlainText() == "avant\n- pain\n- vin\naprès"
    select_text(edit, 6, 18)
    qtbot.keyClick(edit, Qt.Key.Key_N, CTRL | SHIFT)
    assert edit.toPlainText() == "avant\n1. pain\n2. vin\naprès"
    edit.undo()
    assert edit.toPlainText() == "avant\n- pain\n- vin\naprès"


def test_enter_continues_a_list_and_ends_it_on_an_empty_item(qtbot: QtBot, edit: MarkdownEdit) -> None:
    type_text(qtbot, edit, "Courses :\n- pain\nvin\n\nFin")
    assert edit.toPlainText() == "Courses :\n- pain\n- vin\n\nFin"
    edit.clear()
    type_text(qtbot, edit, "9. neuf\ndix")
    assert edit.toPlainText() == "9. neuf\n10. dix"
    qtbot.keyClick(edit, Qt.Key.Key_Return, SHIFT)
    type_text(qtbot, edit, "suite")
    assert edit.toPlainText() == "9. neuf\n10. dix\nsuite"
    assert "\u2028" not in edit.document().toRawText()


def test_format_commands_take_the_registrys_keys_and_follow_an_override(
    qtbot: QtBot, edit: MarkdownEdit
) -> None:
    registry = ActionRegistry()
    edit.bind_commands(registry)
    edit.setPlainText("mot")
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert edit.toPlainText() == "**mot**"
    registry.set_shortcut("format_italic", QKeySequence("Ctrl+J"))  # Preferences
    edit.setPlainText("mot")
    qtbot.keyClick(edit, Qt.Key.Key_J, CTRL)
    assert edit.toPlainText() == "*mot*"


def test_a_command_can_be_rebound(qtbot: QtBot, edit: MarkdownEdit) -> None:
    edit.set_command_key("format_bold", QKeySequence("Ctrl+G"))
    edit.setPlainText("mot")
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert edit.toPlainText() == "mot"
    qtbot.keyClick(edit, Qt.Key.Key_G, CTRL)
    assert edit.toPlainText() == "**mot**"


def paste(edit: MarkdownEdit, mime: QMimeData) -> list[str]:
    refused: list[str] = []
    edit.paste_refused.connect(refused.append)
    edit.insertFromMimeData(mime)
    return refused


def text_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


def test_a_10_mb_paste_is_refused_and_the_text_is_untouched(edit: MarkdownEdit) -> None:
    edit.setPlainText("Le texte.")
    big = text_mime("Un journal, des lignes.\n" * (10 * MB // 24 + 1))
    refused = paste(edit, big)
    assert refused == ["The text to paste is 10 MB; the limit is 5 MB. Nothing was pasted."]
    assert edit.toPlainText() == "Le texte."
    assert not edit.document().isUndoAvailable()


def test_ctrl_v_of_10_mb_from_the_clipboard_is_refused(qtbot: QtBot, edit: MarkdownEdit) -> None:
    QGuiApplication.clipboard().setText("x" * (10 * MB))
    edit.setPlainText("Le texte.")
    with qtbot.waitSignal(edit.paste_refused, timeout=5000) as refused:
        qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)
    assert refused.args == ["The text to paste is 10 MB; the limit is 5 MB. Nothing was pasted."]
    assert edit.toPlainText() == "Le texte."
    QGuiApplication.clipboard().setText("court")
    qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)
    assert edit.toPlainText() == "courtLe texte."


@pytest.mark.parametrize("data", ["JFIF\x00\x00\x01", "\x01\x02\x03\x04\x05abc\x06\x07\x08\x0e\x0f\x10" * 50])
def test_binary_paste_is_refused(edit: MarkdownEdit, data: str) -> None:
    refused = paste(edit, text_mime(data))
    assert refused == ["What you tried to paste is binary data, not text. Nothing was pasted."]
    assert edit.toPlainText() == ""


def test_paste_from_a_browser_inserts_the_plain_text(edit: MarkdownEdit) -> None:
    mime = QMimeData()
    mime.setHtml('<p style="color:red">Le <b>port</b></p><script>x()</script>')
    mime.setText("Le port\r\nde Brest\u2028fin")
    assert paste(edit, mime) == []
    assert edit.toPlainText() == "Le port\nde Brest\nfin"
    assert edit.document().blockCount() == 3


def test_html_without_plain_text_becomes_markdown(edit: MarkdownEdit) -> None:
    mime = QMimeData()
    mime.setHtml("<p>Le <b>port</b> et <a href='https://a.fr'>le site</a></p>")
    paste(edit, mime)
    assert edit.toPlainText() == "Le **port** et [le site](https://a.fr)"


@pytest.fixture
def store(db: Database) -> ImageStore:
    return ImageStore(db)


def test_pasted_image_data_is_stored_and_referenced_with_its_description_selected(
    qtbot: QtBot, edit: MarkdownEdit, store: ImageStore
) -> None:
    edit.set_image_sink(store)
    edit.setPlainText("Avant ")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    mime = QMimeData()
    mime.setData("image/png", PNG)
    mime.setHtml("<img src='https://example.com/port.png'>")
    assert paste(edit, mime) == []
    url = store.add_bytes(PNG, "x.png").url
    assert edit.toPlainText() == f"Avant \n\n![pasted image]({url})"  # a paragraph of its own
    assert edit.textCursor().selectedText() == "pasted image"
    type_text(qtbot, edit, "Le port")
    assert edit.toPlainText() == f"Avant \n\n![Le port]({url})"
    edit.undo()
    edit.undo()
    assert edit.toPlainText() == "Avant "  # the insertion is one undo step


def test_a_copied_picture_without_file_bytes_is_stored_as_png(edit: MarkdownEdit, store: ImageStore) -> None:
    edit.set_image_sink(store)
    image = QImage(4, 3, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    mime = QMimeData()
    mime.setImageData(image)
    paste(edit, mime)
    assert "![pasted image](image:" in edit.toPlainText()
    with store.db.session() as s:
        row = s.execute(select(Image)).scalar_one()
        assert (row.mime, row.width, row.height) == ("image/png", 4, 3)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def drop(edit: MarkdownEdit, mime: QMimeData, at: QPoint) -> None:
    """A real drop event on the viewport, as a file manager sends it."""
    event = QDropEvent(
        QPointF(at), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    edit.dropEvent(event)


def test_dropped_image_files_are_inserted_where_they_fall_and_fakes_are_named(
    edit: MarkdownEdit, store: ImageStore, tmp_path: Path
) -> None:
    edit.set_image_sink(store)
    edit.setPlainText("Premier paragraphe.\n\nSecond.")
    photo = write(tmp_path, "quai-du-port.jpg", JPEG)
    fake = write(tmp_path, "image.png", b"just some text\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(fake))])
    refused: list[str] = []
    edit.paste_refused.connect(refused.append)
    last_line = edit.document().lastBlock()
    drop(edit, mime, edit.cursorRect(QTextCursor(last_line)).center())
    url = store.add_bytes(JPEG, "x.jpg").url
    assert edit.toPlainText() == f"Premier paragraphe.\n\n![quai du port]({url})\n\nSecond."
    assert refused == ["image.png is not a PNG, JPEG, GIF or WebP image (its content says otherwise)"]


def test_oversized_and_broken_image_files_are_refused_with_their_reason(
    edit: MarkdownEdit, store: ImageStore, tmp_path: Path
) -> None:
    edit.set_image_sink(store)
    big = tmp_path / "image.png"
    with big.open("wb") as fh:
        fh.write(PNG)
        fh.truncate(int(14.2 * MB))
    broken = write(tmp_path, "cut.png", PNG[:40])
    refused: list[str] = []
    edit.paste_refused.connect(refused.append)
    assert edit.insert_image_files([big, broken]) == 0
    assert refused == [
        "image.png is 14.2 MB; the limit is 10 MB; cut.png is a damaged PNG image: the file is truncated"
    ]
    assert edit.toPlainText() == ""


def test_the_same_image_twice_is_stored_once(edit: MarkdownEdit, store: ImageStore, tmp_path: Path) -> None:
    edit.set_image_sink(store)
    one, two = write(tmp_path, "a.png", PNG), write(tmp_path, "b.png", PNG)
    assert edit.insert_image_files([one, two]) == 2
    first, second = edit.toPlainText().split("\n\n")
    assert first.split("(")[1] == second.split("(")[1]
    with store.db.session() as s:
        assert s.execute(select(func.count()).select_from(Image)).scalar_one() == 1


def test_without_an_open_article_images_are_refused(edit: MarkdownEdit, tmp_path: Path) -> None:
    refused: list[str] = []
    edit.paste_refused.connect(refused.append)
    edit.insert_image_files([write(tmp_path, "a.png", PNG)])
    assert refused == ["Images can be added only to an open article."]


def test_insert_image_asks_for_files(
    edit: MarkdownEdit, store: ImageStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit.set_image_sink(store)
    photo = write(tmp_path, "port.png", PNG)
    asked: list[tuple[object, ...]] = []

    def fake_dialog(*args: object) -> tuple[list[str], str]:
        asked.append(args)
        return [str(photo)], ""

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames", fake_dialog)
    assert edit.choose_image_files() == 1
    assert "*.png *.jpg *.jpeg *.gif *.webp" in str(asked[0][3])
    assert edit.toPlainText().startswith("![port](image:")


def test_highlight_layers_do_not_erase_each_other(edit: MarkdownEdit) -> None:
    edit.setPlainText("abc")
    make: Callable[[], QTextEdit.ExtraSelection] = QTextEdit.ExtraSelection
    edit.set_selection_layer("find", [make(), make()])
    edit.set_selection_layer("spelling", [make()])
    assert len(edit.extraSelections()) == 3
    edit.set_selection_layer("find", [])
    assert len(edit.extraSelections()) == 1
