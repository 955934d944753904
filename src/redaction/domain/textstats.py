"""Counting text the way a newsroom does: words, "signes" (characters with spaces), reading time."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[\w’'-]+", re.UNICODE)
_MARKUP = re.compile(
    r"(^\s{0,3}#{1,6}\s+|^\s*[-*+]\s+|^\s*\d+[.)]\s+|^\s*>\s?|[*_`~]+|!?\[|\]\([^)]*\))", re.M
)
WORDS_PER_MINUTE = 230


@dataclass(frozen=True, slots=True)
class TextStats:
    words: int
    characters: int
    characters_no_spaces: int
    paragraphs: int

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.words / WORDS_PER_MINUTE)) if self.words else 0


def strip_markdown(text: str) -> str:
    """Remove the Markdown punctuation a reader never sees, keeping the words."""
    return _MARKUP.sub("", text)


def count_words(text: str) -> int:
    return sum(1 for w in _WORD.finditer(strip_markdown(text)) if any(ch.isalnum() for ch in w.group()))


def text_stats(markdown: str) -> TextStats:
    plain = strip_markdown(markdown)
    paragraphs = sum(1 for block in re.split(r"\n\s*\n", plain) if block.strip())
    no_spaces = sum(1 for ch in plain if not ch.isspace())
    visible = len(re.sub(r"\s+", " ", plain).strip())
    return TextStats(
        words=count_words(markdown),
        characters=visible,
        characters_no_spaces=no_spaces,
        paragraphs=paragraphs,
    )
