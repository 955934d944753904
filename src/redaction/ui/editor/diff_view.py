"""Show a word diff as text with marks: insertions on green, deletions struck through on red.

The texts are the newsroom's own, but they are still escaped: a diff is never interpreted.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from redaction.domain.diff import Piece

_STYLE = {
    "insert": "background-color:#c8f0c8; color:#0b3d0b;",
    "delete": "background-color:#f6c9c9; color:#5c0b0b; text-decoration:line-through;",
}


def diff_html(pieces: list[Piece]) -> str:
    out = ['<div style="white-space:pre-wrap; font-family:serif;">']
    for piece in pieces:
        text = escape(piece.text)
        out.append(f'<span style="{_STYLE[piece.op]}">{text}</span>' if piece.op in _STYLE else text)
    out.append("</div>")
    return "".join(out)


class DiffView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diff_view")
        self.setOpenLinks(False)

    def show_diff(self, pieces: list[Piece]) -> None:
        self.setHtml(diff_html(pieces))
