"""The headings of a Markdown body, for the outline: ATX headings outside fenced code.

Follows the renderer (Python-Markdown with ``fenced_code``), so the outline lists what the
preview shows: a heading is a line starting with one to six ``#`` and a space (CommonMark); a fenced block opens with
three or more backticks or tildes (and an optional language) and needs a closing line with the
very same fence, or it is no fence at all. A regular-expression pass visits only lines starting
with ``#``, a backtick or a tilde, so a long body costs milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A heading as CommonMark (and our renderer's extension, render/commonmark.py) reads it: up to
# three spaces, one to six "#", then a space or the end of the line ("#MeToo" is no heading).
_LINE = re.compile(
    r"^(?:[ ]{0,3}(#{1,6})(?=[ \t]|$)(.*)|(`{3,}|~{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*)[ ]*)$", re.MULTILINE
)
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|`+)(.+?)\1")


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    title: str
    line: int  # 0-based line (block) number


def plain_title(raw: str) -> str:
    """ "Le **port** de [Brest](…)" reads "Le port de Brest" in the outline."""
    text = _CLOSING_HASHES.sub("", raw.strip())
    text = _LINK.sub(r"\1", text)
    return _EMPHASIS.sub(r"\2", text).strip()


def headings(text: str) -> list[Heading]:
    found: list[Heading] = []
    line, counted, pos = 0, 0, 0
    while (match := _LINE.search(text, pos)) is not None:
        pos = match.end() + 1
        hashes, title, fence = match.groups()
        if fence:
            closing = re.compile(rf"^{re.escape(fence)}[ ]*$", re.MULTILINE).search(text, pos)
            if closing is not None:
                pos = closing.end() + 1  # skip the code; an unclosed fence is ordinary text
            continue
        title = plain_title(title)
        if title:
            line += text.count("\n", counted, match.start())
            counted = match.start()
            found.append(Heading(len(hashes), title, line))
    return found


def heading_at(items: list[Heading], line: int) -> int:
    """Index of the heading whose section contains ``line``; -1 above the first heading."""
    low, high = 0, len(items)
    while low < high:
        middle = (low + high) // 2
        if items[middle].line <= line:
            low = middle + 1
        else:
            high = middle
    return low - 1
