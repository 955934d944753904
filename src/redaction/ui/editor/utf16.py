"""Python string indices ↔ Qt text positions.

Qt counts UTF-16 code units, Python counts code points: every character outside the Basic
Multilingual Plane (most emoji, some CJK) is two Qt positions and one Python index. Mixing them
up puts a cursor or a replacement one place off after each emoji.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Converts positions within one text, in O(log n) per position."""

    def __init__(self, text: str) -> None:
        self._astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        self._qt_astral = [index + n for n, index in enumerate(self._astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._astral, index)

    def to_py(self, position: int) -> int:
        return position - bisect_left(self._qt_astral, position)


def qt_length(text: str) -> int:
    return len(text) + (0 if text.isascii() else len(_ASTRAL.findall(text)))
