"""Find and replace in a text: literal or regular expression, case, whole words, \\1 groups.

A :class:`Query` compiles to a Python regular expression; a bad expression or a replacement
that names a missing group raises :class:`QueryError` with Python's own explanation, which the
find bar shows in place of the match count. Empty matches (``a*``) are never reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class QueryError(ValueError):
    """An invalid regular expression or replacement; ``str(error)`` says what and where."""


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    case_sensitive: bool = False
    whole_words: bool = False
    regex: bool = False

    def compile(self) -> re.Pattern[str] | None:
        """None for an empty query."""
        if not self.text:
            return None
        source = self.text if self.regex else re.escape(self.text)
        if self.whole_words:
            source = rf"(?<!\w)(?:{source})(?!\w)"
        flags = re.MULTILINE | (0 if self.case_sensitive else re.IGNORECASE)
        try:
            return re.compile(source, flags)
        except re.error as exc:
            raise QueryError(_explain(exc)) from None

    def replacement(self, match: re.Match[str], template: str) -> str:
        """``template`` for ``match``: literal, or with \\1 and \\g<name> in regex mode."""
        if not self.regex:
            return template
        try:
            return match.expand(template)
        except (re.error, IndexError) as exc:
            raise QueryError(_explain(exc)) from None


def _explain(exc: Exception) -> str:
    message = str(exc)
    if isinstance(exc, re.error) and exc.pos is not None and "position" not in message:
        message += f" at position {exc.pos}"
    return message


def find_all(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    return [m for m in pattern.finditer(text) if m.end() > m.start()]
