"""Markdown formatting commands as pure text transformations (the editor applies the result).

Every command takes ``text`` (the whole lines the selection touches), the selection as
``start``/``end`` offsets into it, and returns an :class:`Edit`: the new text and the new
selection. Commands toggle: applying bold to bold text removes it, a heading level applied
twice goes back to a paragraph, quoting quoted lines unquotes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    text: str
    start: int
    end: int


_URL = re.compile(r"(?:https?://|mailto:|www\.)\S+", re.IGNORECASE)


def is_url(text: str) -> bool:
    return _URL.fullmatch(text.strip()) is not None


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word_around(text: str, pos: int) -> tuple[int, int]:
    start = end = pos
    while start > 0 and _is_word(text[start - 1]):
        start -= 1
    while end < len(text) and _is_word(text[end]):
        end += 1
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Selections by double-click often take a space; markers must hug the words."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _run(text: str, pos: int, step: int) -> int:
    """How many '*' run from ``pos`` in direction ``step`` (-1 looks before pos)."""
    count, i = 0, pos - 1 if step < 0 else pos
    while 0 <= i < len(text) and text[i] == "*":
        count += 1
        i += step
    return count


def _marked(before: int, after: int, width: int) -> bool:
    # ** is bold, * italic, *** both: italic is present on 1 or 3, bold on 2 or 3
    allowed = (2, 3) if width == 2 else (1, 3)
    return before in allowed and after in allowed


def toggle_inline(text: str, start: int, end: int, marker: str) -> Edit:
    """Wrap the selection (or the word at the cursor) in ``marker``, or unwrap it."""
    width = len(marker)
    start, end = sorted((start, end))
    if start == end:
        start, end = _word_around(text, start)
        if start == end:  # no word: empty pair to type into, or remove an empty pair
            if text[start - width : start] == marker and text[start : start + width] == marker:
                pos = start - width
                return Edit(text[:pos] + text[start + width :], pos, pos)
            return Edit(text[:start] + marker * 2 + text[start:], start + width, start + width)
    start, end = _trim(text, start, end)
    inner = text[start:end]
    if _marked(_run(text, start, -1), _run(text, end, 1), width):
        new = text[: start - width] + inner + text[end + width :]
        return Edit(new, start - width, end - width)
    if len(inner) > 2 * width and _marked(_run(inner, 0, 1), _run(inner, len(inner), -1), width):
        new = text[:start] + inner[width:-width] + text[end:]
        return Edit(new, start, end - 2 * width)
    return Edit(text[:start] + marker + inner + marker + text[end:], start + width, end + width)


def make_link(text: str, start: int, end: int, clipboard: str = "") -> Edit:
    """[label](url): a URL on the clipboard is used; otherwise "url" is selected to type over."""
    start, end = sorted((start, end))
    if start == end:
        start, end = _word_around(text, start)
    start, end = _trim(text, start, end)
    label = text[start:end]
    url = clipboard.strip() if is_url(clipboard) and "\n" not in clipboard.strip() else ""
    if is_url(label):
        url, label = label, label
    head = text[:start] + "[" + label + "]("
    if url:
        new = head + url + ")" + text[end:]
        if label:
            return Edit(new, len(head) + len(url) + 1, len(head) + len(url) + 1)
        return Edit(new, start + 1, start + 1)  # type the label
    new = head + "url)" + text[end:]
    return Edit(new, len(head), len(head) + 3)


# -- whole-line commands ------------------------------------------------------------------
LineRule = Callable[[list[str]], list[tuple[int, str]]]
_HEADING = re.compile(r" {0,3}#{1,6}(?=[ \t]|$)[ \t]*")  # block_syntax.ATX_HEADING: "#MeToo" is text
_QUOTE = re.compile(r" {0,3}> ?")
_BULLET = re.compile(r"(\s*)[-*+][ \t]+")
_NUMBER = re.compile(r"(\s*)\d{1,9}[.)][ \t]+")


def _prefix_len(pattern: re.Pattern[str], line: str) -> int:
    match = pattern.match(line)
    return match.end() if match else 0


def _apply(text: str, start: int, end: int, rule: LineRule) -> Edit:
    """Replace each line's prefix as ``rule`` says (strip length, new prefix); keep the selection."""
    lines = text.split("\n")
    changes = rule(lines)
    out: list[str] = []
    old_starts, new_starts = [], []
    old_pos = new_pos = 0
    for line, (strip, prefix) in zip(lines, changes, strict=True):
        old_starts.append(old_pos)
        new_starts.append(new_pos)
        out.append(prefix + line[strip:])
        old_pos += len(line) + 1
        new_pos += len(out[-1]) + 1

    def move(pos: int, whole_line: bool = False) -> int:
        row = max(i for i, s in enumerate(old_starts) if s <= pos)
        if whole_line and pos == old_starts[row]:
            return new_starts[row]  # a selection of whole lines keeps their new prefixes
        strip, prefix = changes[row]
        return new_starts[row] + len(prefix) + max(0, pos - old_starts[row] - strip)

    return Edit("\n".join(out), move(start, whole_line=start != end), move(end))


def set_heading(text: str, start: int, end: int, level: int) -> Edit:
    """Make the lines headings of ``level`` (0: paragraph); the same level again removes it."""

    def rule(lines: list[str]) -> list[tuple[int, str]]:
        first = _HEADING.match(lines[0])
        current = len(first.group().strip()) if first else 0
        target = 0 if current == level else level
        prefix = "#" * target + " " if target else ""
        return [(_prefix_len(_HEADING, line), prefix if line.strip() else "") for line in lines]

    return _apply(text, start, end, rule)


def toggle_quote(text: str, start: int, end: int) -> Edit:
    def rule(lines: list[str]) -> list[tuple[int, str]]:
        quoted = all(_QUOTE.match(line) for line in lines if line.strip())
        if quoted:
            return [(_prefix_len(_QUOTE, line), "") for line in lines]
        return [(0, "> " if line.strip() else ">") for line in lines]

    return _apply(text, start, end, rule)


def _list_rule(mine: re.Pattern[str], other: re.Pattern[str], marker: Callable[[int], str]) -> LineRule:
    def rule(lines: list[str]) -> list[tuple[int, str]]:
        filled = [line for line in lines if line.strip()]
        if filled and all(mine.match(line) for line in filled):
            return [
                (_prefix_len(mine, line), (m.group(1) if (m := mine.match(line)) else "")) for line in lines
            ]
        changes, number = [], 0
        for line in lines:
            if not line.strip():
                changes.append((0, ""))
                continue
            number += 1
            found = mine.match(line) or other.match(line)
            indent = found.group(1) if found else line[: len(line) - len(line.lstrip())]
            changes.append((found.end() if found else len(indent), indent + marker(number)))
        return changes

    return rule


def toggle_bullets(text: str, start: int, end: int) -> Edit:
    return _apply(text, start, end, _list_rule(_BULLET, _NUMBER, lambda n: "- "))


def toggle_numbers(text: str, start: int, end: int) -> Edit:
    return _apply(text, start, end, _list_rule(_NUMBER, _BULLET, lambda n: f"{n}. "))


_ITEM = re.compile(r"(\s*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+)(\[[ xX]\][ \t]+)?")
_QUOTES = re.compile(r"(?: {0,3}> ?)+")


def continue_block(line: str, col: int) -> Edit | None:
    """Enter in a list item or a quote: the next item ("- ", "3." after "2."), or, on an empty
    item, the end of the list (the marker goes, a blank line follows). None: an ordinary new line."""
    item = _ITEM.match(line)
    quote = None if item else _QUOTES.match(line)
    found = item or quote
    if found is None or col < found.end():
        return None
    if not line[found.end() :].strip():
        return Edit("\n", 1, 1)  # an empty item ends the list: a blank line, or the next line would join it
    if item:
        indent, bullet, number, delimiter, space, box = item.groups()
        marker = bullet or f"{int(number) + 1}{delimiter}"
        prefix = indent + marker + space + ("[ ] " if box else "")
    else:
        prefix = found.group()
    rest = line[col:].lstrip(" \t")
    new = line[:col].rstrip(" \t") + "\n" + prefix
    return Edit(new + rest, len(new), len(new))
