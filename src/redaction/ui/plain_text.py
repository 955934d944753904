"""Reading what a person typed in a text box, character for character.

``QPlainTextEdit.toPlainText()`` turns every no-break space (U+00A0) into a plain space: French
text read that way loses the spaces that keep « guillemets », « 8 h » and « : ; ? ! » together.
Every text box whose text is kept (the body, the standfirst, a merge, a reply to a reader, word
lists) is read through its document instead.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit


def document_text(document: QTextDocument) -> str:
    """The text with its no-break spaces, lines separated by ``\\n``."""
    return document.toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


def edit_text(edit: QPlainTextEdit) -> str:
    """What ``edit`` holds, no-break spaces kept (unlike ``edit.toPlainText()``)."""
    return document_text(edit.document())
