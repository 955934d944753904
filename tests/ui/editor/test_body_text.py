"""The body text the editor keeps in step with its document is always the text on screen, byte for
byte (no-break spaces, line breaks, emoji), whatever the edits: what is saved is what was typed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from redaction.ui.editor.body_text import TrackedText
from redaction.ui.editor.highlighter import MarkdownHighlighter
from redaction.ui.editor.typing_helpers import document_text

PIECES = [
    "a",
    "é",
    " ",
    "\u00a0",
    "\u202f",
    "\n",
    "\n\n",
    "’",
    "« x »",
    "## T\n",
    "🙂",
    "\r\n",
    "\u2028",
    "x" * 40,
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
operations = st.lists(
    st.tuples(
        st.sampled_from(["insert", "remove", "replace", "undo", "redo", "load"]),
        st.floats(0, 1),
        st.floats(0, 1),
        texts,
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts, operations)
def test_the_followed_text_is_the_document_text_after_any_edits(qapp: object, start: str, ops: list) -> None:
    edit = QPlainTextEdit()
    highlighter = MarkdownHighlighter(edit.document())  # it re-formats blocks as text changes
    tracked = TrackedText(edit.document(), lambda: highlighter.reformatting)
    edit.setPlainText(start)
    tracked.loaded(start)
    assert tracked.text == document_text(edit.document())
    for action, a, b, text in ops:
        document = edit.document()
        size = document.characterCount() - 1
        first, last = sorted((round(a * size), round(b * size)))
        cursor = QTextCursor(document)
        cursor.setPosition(first)
        if action == "insert":
            cursor.insertText(text)
        elif action in ("remove", "replace"):
            cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text if action == "replace" else "")
        elif action == "undo":
            document.undo()
        elif action == "redo":
            document.redo()
        else:
            edit.setPlainText(text)
            tracked.loaded(text)
        assert tracked.text == document_text(document)
    highlighter.set_active(False)
    edit.deleteLater()


def test_typing_in_a_long_text_reads_only_the_edit(qapp: object) -> None:
    edit = QPlainTextEdit()
    tracked = TrackedText(edit.document())
    body = "Un paragraphe de texte ordinaire.\n\n" * 20_000
    edit.setPlainText(body)
    tracked.loaded(body)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(len(body) // 2)
    cursor.insertText("Un ajout.")
    assert tracked.whole_reads == 0
    assert tracked.text == document_text(edit.document())
    edit.deleteLater()
