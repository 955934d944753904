"""Typographic spaces, quotes, apostrophes and ellipses, on demand and as you type.

French follows the Imprimerie nationale's *Lexique des règles typographiques*, the convention of
French newspapers and of Word's and LibreOffice's French autocorrect:

* a narrow no-break space (U+202F, the *espace fine insécable*) before ``;`` ``!`` ``?``;
* a no-break space (U+00A0, the *espace mot insécable*) before ``:`` and inside ``« »``;
* straight double quotes become ``« »``, the straight apostrophe becomes ``’``, three dots ``…``;
* a no-break space between a number and its unit, so that a line never ends on the number:
  ``8 h``, ``8 h 30``, ``12 km``, ``3,5 %``, ``20 €``, ``15 °C`` (:data:`UNITS`); a narrow
  one between groups of thousands (``3 000``).

English gets curly quotes ``“ ” ‘ ’``, the ``’`` apostrophe (also for elided years: ``’90s``) and
the ellipsis, and no space before punctuation.

Nothing changes inside code (spans and fenced blocks), URLs, e-mail addresses, link targets,
HTML tags and entities (see :mod:`redaction.domain.markup_spans`), nor in times and ratios
(``10:30``, ``3:1``). :func:`apply_typography` is idempotent. :func:`typed` is the as-you-type
rule: given one paragraph and the cursor just after a typed character, the single small edit to
make, or ``None``; it only ever touches the typed character and the space before it, so undoing
a correction sticks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from redaction.domain.markup_spans import line_spans, open_code_span, prose_segments

NBSP = "\u00a0"
NNBSP = "\u202f"
ELLIPSIS = "…"

# A character after which a quote opens rather than closes.
_OPENERS = " \t\n\u00a0\u202f([{«“‘—–-/"
_URL_SCHEMES = frozenset(
    ["http", "https", "ftp", "sftp", "file", "ssh", "git", "ws", "wss", "mailto", "tel", "urn", "data", "www"]
)

# Unit symbols that follow a number ("8 h", "12 km", "20 €"). A symbol must end there: "8 heures"
# and "80 s’achèvent" are words, not units. Longest first, so "min" is not read as "m".
UNITS = (
    "km/h", "min", "km", "cm", "mm", "kg", "mg", "ha", "cl", "ml", "°C", "M€", "Md€", "Mds",
    "Go", "Mo", "ko", "h", "s", "m", "g", "t", "l", "L", "°", "%", "€", "$", "£",
)  # fmt: skip
_UNIT = "|".join(re.escape(unit) for unit in UNITS)
_AFTER_UNIT = r"(?![\w’'/.,]\w|[\w’'])"  # the unit ends the word ("8 h." and "8 h, " still do)
_NUMBER_UNIT = re.compile(rf"(?<![\w.,])(\d+(?:[.,]\d+)?) (?=(?:{_UNIT}){_AFTER_UNIT})")
_HOURS_MINUTES = re.compile(r"(?<=\d\u00a0h) (?=\d\d(?!\d))")  # 8 h 30
# Groups of thousands ("3 000 manifestants"): a narrow no-break space, as French writes them.
_THOUSANDS = re.compile(r"(?<![\d.,\u202f])\d{1,3}(?: \d{3})+(?![\d.,]\d|\d)")
_TYPED_UNIT = re.compile(rf"(?<![\w.,])\d+(?:[.,]\d+)?( )(?:{_UNIT})$")

_FR_RULES: tuple[tuple[re.Pattern[str], Any], ...] = (
    # « then any spaces -> « + NBSP; spaces then » -> NBSP + »
    (re.compile(r"«[ \u00a0\u202f]*(?=\S)"), "«" + NBSP),
    (re.compile(r"(?<=\S)[ \u00a0\u202f]*»"), NBSP + "»"),
    # ; ! ? after a word (not after another mark, an opening bracket or a line start)
    (re.compile(r"(?<=[^\s\u00a0\u202f;:!?(\[«])[ \u00a0\u202f]*(?=[;!?])"), NNBSP),
    # : after a word, but not in 10:30 or 3:1
    (re.compile(r"(?<=[^\s\u00a0\u202f;:!?(\[«\d])[ \u00a0\u202f]*(?=:)"), NBSP),
    (re.compile(r"(?<=\d)[ \u00a0\u202f]+(?=:)"), NBSP),
    (re.compile(r"(?<=\d)(?=:(?!\d))"), NBSP),
    (_THOUSANDS, lambda m: m.group().replace(" ", NNBSP)),
    (_NUMBER_UNIT, r"\1" + NBSP),
    (_HOURS_MINUTES, NBSP),
)


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace ``paragraph[start:end]`` with ``text``; the cursor goes after it."""

    start: int
    end: int
    text: str


def apply_typography(text: str, language: str = "fr") -> str:
    """The whole text with French (``"fr"``) or English typography; code and addresses untouched."""
    french = language.startswith("fr")
    pieces: list[str] = []
    position = 0
    for start, end in prose_segments(text):
        pieces.append(text[position:start])
        # one character of context each side, so "`code` ?" and "« `code`" are seen whole; a
        # protected neighbour stands in as a plain letter (the "!" of "![image]" is no exclamation)
        before = _context(text[start - 1] if start else "\n", _OPENERS)
        after = _context(text[end] if end < len(text) else "\n", "")
        fixed = _fix_prose(before + text[start:end] + after, french)
        if fixed[0] == before and fixed[-1] == after:
            pieces.append(fixed[1:-1])
        else:  # the context itself changed: fall back to the segment alone
            pieces.append(_fix_prose("\n" + text[start:end] + "\n", french)[1:-1])
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _context(ch: str, kept: str) -> str:
    return ch if ch.isspace() or ch in kept else "x"


def _fix_prose(segment: str, french: bool) -> str:
    """``segment`` starts and ends with a context character that is never replaced."""
    segment = re.sub(r"(?<!\.)\.\.\.(?!\.)", ELLIPSIS, segment)
    if '"' in segment or "'" in segment:
        segment = _quotes(segment, french)
    if french:
        for pattern, replacement in _FR_RULES:
            segment = pattern.sub(replacement, segment)
    return segment


def _quotes(segment: str, french: bool) -> str:
    out: list[str] = [segment[0]]
    previous = segment[0]
    for index in range(1, len(segment) - 1):
        ch = segment[index]
        if ch == '"':
            opening = previous in _OPENERS
            if french:
                ch = "«" + NBSP if opening else NBSP + "»"
                while not opening and out[-1] in " \u00a0\u202f" and len(out) > 1:
                    out.pop()
            else:
                ch = "“" if opening else "”"
        elif ch == "'":
            ch = _apostrophe(previous, segment[index + 1 : index + 4], french)
        out.append(ch)
        previous = ch[-1]
    out.append(segment[-1])
    return "".join(out)


def _apostrophe(previous: str, following: str, french: bool) -> str:
    if previous.isalnum() or previous in ".,;:!?)]}»”’…%*_":
        return "’"
    if french:
        return "'" if previous in _OPENERS else "’"
    if re.match(r"\d\d(?:s\b|\W|$)", following):  # ’90s, ’24
        return "’"
    return "‘"


def typed(paragraph: str, cursor: int, language: str = "fr", in_code: bool = False) -> Replacement | None:
    """The correction to make right after the user typed ``paragraph[cursor - 1]``, if any."""
    if in_code or cursor <= 0 or cursor > len(paragraph):
        return None
    ch = paragraph[cursor - 1]
    if ch not in "\"';:!?.«» [,)":
        return None
    prefix = paragraph[:cursor]
    if open_code_span(prefix) or _in_protected(paragraph, cursor - 1):
        return None
    previous = paragraph[cursor - 2] if cursor >= 2 else "\n"
    french = language.startswith("fr")
    unit = _typed_unit(prefix) if french and ch in " .,;:!?)" else None
    if unit is not None:
        return unit
    if ch in ",)":
        return None
    if ch == ".":
        if prefix.endswith("...") and not prefix.endswith("...."):
            return Replacement(cursor - 3, cursor, ELLIPSIS)
        return None
    if ch in "\"'":
        return _typed_quote(prefix, cursor, ch, previous, french)
    if not french:
        return None
    if ch == " ":
        if prefix.endswith("«" + NBSP + " "):  # the space after « is already there
            return Replacement(cursor - 1, cursor, "")
        return None
    if ch == "[":
        if prefix.endswith(NNBSP + "!["):  # it was an image, not an exclamation
            return Replacement(cursor - 3, cursor, " ![")
        return None
    if ch == "«":
        return Replacement(cursor - 1, cursor, "«" + NBSP)
    return _typed_mark(prefix, cursor, ch, previous)


def _typed_unit(prefix: str) -> Replacement | None:
    """ "8 h" followed by a space or a mark: the space between number and unit becomes a no-break
    one (the edit ends with the typed character, so the cursor stays after it)."""
    found = _TYPED_UNIT.search(prefix[:-1])
    if found is None:
        return None
    space = found.start(1)
    return Replacement(space, len(prefix), NBSP + prefix[space + 1 :])


def _typed_mark(prefix: str, cursor: int, ch: str, previous: str) -> Replacement | None:
    space = NBSP if ch in ":»" else NNBSP
    if ch == ":":
        if previous.isdigit():
            return None  # 10:30, 3:1
        word = re.search(r"([A-Za-z]+)$", prefix[:-1])
        if word and word.group(1).lower() in _URL_SCHEMES:
            return None
        if re.match(r"^\s*\|", prefix) or re.match(r"^ {0,3}\[[^\]]+\]:$", prefix):
            return None  # table cells and reference definitions
    if previous in " \u00a0\u202f":
        before = prefix[-3] if len(prefix) >= 3 else "\n"
        if before in "\n;:!?(«[" or before.isspace():
            return None
        if previous == space:
            return None
        return Replacement(cursor - 2, cursor, space + ch)
    if previous == "\n" or previous in ";:!?([«":
        return None
    return Replacement(cursor - 1, cursor, space + ch)


def _typed_quote(prefix: str, cursor: int, ch: str, previous: str, french: bool) -> Replacement | None:
    if ch == "'":
        return Replacement(cursor - 1, cursor, _apostrophe(previous, "", french))
    if not french:
        return Replacement(cursor - 1, cursor, "“" if previous in _OPENERS else "”")
    closing = prefix.count("«") > prefix.count("»") or previous not in _OPENERS
    if not closing:
        return Replacement(cursor - 1, cursor, "«" + NBSP)
    start = cursor - 1
    while start > 0 and prefix[start - 1] in " \u00a0\u202f":
        start -= 1
    return Replacement(start, cursor, NBSP + "»")


def _in_protected(paragraph: str, index: int) -> bool:
    """Whether ``paragraph[index]`` is in code, an address or a link target, even half-typed."""
    if any(span.start <= index < span.end for span in line_spans(paragraph)):
        return True
    word_start = max(paragraph.rfind(ch, 0, index) for ch in " (<\u00a0") + 1
    word = paragraph[word_start : index + 1]
    if re.match(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)", word):
        return True
    target = paragraph.rfind("](", 0, index)
    return target >= 0 and ")" not in paragraph[target:index]
