"""Preparing untrusted text of any length for a plain-text view, in linear time.

``reveal_fast`` gives the same result as :func:`redaction.domain.untrusted.reveal_invisible` (it
is built from it) through one ``str.translate`` pass, fast enough for a megabyte. ``display_lines``
breaks paragraphs longer than ``width`` at a space, which becomes the line break (or anywhere
if there is none), so that no paragraph is too long for Qt to lay out in one go.
"""

from __future__ import annotations

from itertools import chain

from redaction.domain.untrusted import reveal_invisible

_CANDIDATES = chain(
    range(0x00, 0x20),
    range(0x7F, 0xA0),
    range(0x200B, 0x2010),
    range(0x202A, 0x202F),
    range(0x2060, 0x2070),
    (0xFEFF,),
)
_TABLE = {code: shown for code in _CANDIDATES if (shown := reveal_invisible(chr(code))) != chr(code)}


def reveal_fast(text: str) -> str:
    return text.replace("\r\n", "\n").translate(_TABLE)


def display_lines(text: str, width: int) -> str:
    if len(text) <= width and "\n" not in text:
        return text
    out: list[str] = []
    for paragraph in text.split("\n"):
        while len(paragraph) > width:
            space = paragraph.rfind(" ", width // 2, width)
            if space < 0:  # no space to break at: break anyway (one character is added)
                out.append(paragraph[:width])
                paragraph = paragraph[width:]
            else:  # the space becomes the line break, so the text keeps its length
                out.append(paragraph[:space])
                paragraph = paragraph[space + 1 :]
        out.append(paragraph)
    return "\n".join(out)
