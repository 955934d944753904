"""The body's text kept in step with its QTextDocument, edit by edit.

Reading a whole document back into Python (``toRawText``, then its separators replaced) costs
a few milliseconds per 200,000 words, and the editor needed it at every keystroke. A
:class:`TrackedText` follows the document's ``contentsChange`` instead: it reads back only the
changed stretch and splices it into the text it holds, so that :attr:`TrackedText.text` is
always what :func:`~redaction.ui.editor.typing_helpers.document_text` would return (no-break
spaces kept, ``\\n`` between lines), at the cost of the edit, not of the text.

It falls back to a whole read whenever it cannot be sure: a text with characters outside the
Basic Multilingual Plane (Qt counts them twice, Python once), a change it cannot line up with
the length of the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QTextDocument

from redaction.ui.plain_text import document_text

# What a QTextDocument turns into line breaks (\r, line and paragraph separators, frame marks):
# searched one by one, as str.find does it at memory speed (a regex took 4 times longer).
_TURNED_INTO_BREAKS = "\r\u2028\u2029\ufdd0\ufdd1"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class TrackedText(QObject):
    def __init__(self, document: QTextDocument, skip: Callable[[], bool] | None = None) -> None:
        """``skip``: true while a change is only a re-formatting (the highlighter's)."""
        super().__init__(document)
        self._document = document
        self._skip = skip or (lambda: False)
        self._text = ""
        self._exact = True  # text and document count characters alike (nothing beyond the BMP)
        self.whole_reads = 0  # how often the whole document was read back (tests)
        document.contentsChange.connect(self._changed)

    @property
    def text(self) -> str:
        return self._text

    def loaded(self, text: str) -> None:
        """The document was just given ``text`` (setPlainText): take it as the text, unless the
        document would give back something else. Same length (nothing beyond the BMP, which Qt
        counts twice, no \\r\\n made one line break) and none of the characters it turns into
        line breaks: it is ``text``. (Lone surrogates are not looked for: no text read from the
        database or typed can hold one.)"""
        same_length = len(text) == self._document.characterCount() - 1
        if same_length and not any(mark in text for mark in _TURNED_INTO_BREAKS):
            self._text, self._exact = text, True
        else:
            self.read_whole()

    def read_whole(self) -> str:
        self.whole_reads += 1
        self._text = document_text(self._document)
        # Python and Qt count alike unless the text has characters beyond the BMP (or a lone
        # half of one, which Python drops): then every change is read whole.
        self._exact = len(self._text) == self._document.characterCount() - 1
        return self._text

    def _changed(self, position: int, _removed: int, added: int) -> None:
        if self._skip():
            return
        document = self._document
        length = document.characterCount() - 1  # the last block's separator is not text
        old = self._text
        if not self._exact:
            self.read_whole()
            return
        end = min(position + added, length)
        tail = length - end  # the text after the change is as it was
        old_end = len(old) - tail
        if position > end or old_end < position:
            self.read_whole()
            return
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        piece = cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")
        if _ASTRAL.search(piece) is not None:
            self.read_whole()
            return
        text = old[:position] + piece + old[old_end:]
        if len(text) != length:
            self.read_whole()
            return
        self._text = text
