"""Which Markdown lines start a block: the rules the renderer follows, in one place.

The renderer is Python-Markdown taught CommonMark's rules where a writer would notice the
difference (:mod:`redaction.render.commonmark`); the editor's highlighter, the segmenter of the
incremental renderer and the WordPress importer's escaping ask here, so that all of them read a
line the same way:

* an ATX heading is up to three spaces, one to six ``#``, then a space, a tab or the end of the
  line: ``#MeToo a changé…`` and ``#5 bolt`` are text;
* a list item is up to three spaces, then ``-``, ``*``, ``+`` or a number and ``.``, then a
  space or a tab (Python-Markdown has no ``1)`` lists);
* a list item may interrupt a paragraph (start a list on the line right after a paragraph line)
  when it has some text and, numbered, starts at 1: ``14. The number of doors`` continues the
  paragraph, ``1. The number of doors`` starts a list.

:func:`read_line` tells, line after line, what each starts; :func:`escape_line_start` writes a
line of literal text so that it starts no block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}\.)(?=[ \t]|$)")
INTERRUPTING_ITEM = re.compile(r"^ {0,3}(?:[-*+]|1\.)[ \t]+\S")

# What starts a block even in the middle of a paragraph, and what does only at its start; for
# each, where to put the escape. Python-Markdown escapes only some punctuation (not = ~ :), so
# those are written as character references, which read the same on the page.
_ANYWHERE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^( {0,3})#(?=#{0,5}(?:[ \t]|$))"), r"\1\\#"),  # heading
    (re.compile(r"^( {0,3})([-+])(?=[ \t]+\S)"), r"\1\\\2"),  # bullet with text
    (re.compile(r"^( {0,3}1)\.(?=[ \t]+\S)"), r"\1\\."),  # numbered from 1, with text
    (re.compile(r"^( {0,3})>"), r"\1\\>"),  # quote
    (re.compile(r"^( {0,3})-(?=[-\s]*$)"), r"\1\\-"),  # rule or setext underline (-)
    (re.compile(r"^( {0,3})=(?==*[ \t]*$)"), r"\1&#61;"),  # setext underline (=)
    (re.compile(r"^( {0,3})`(?=``)"), r"\1\\`"),  # fence
    (re.compile(r"^( {0,3})~(?=~~)"), r"\1&#126;"),  # fence
    (re.compile(r"^( {0,3}):(?=[ \t])"), r"\1&#58;"),  # definition
    (re.compile(r"^( {0,3})\[(?=[^\]\n]+\]:)"), r"\1\\["),  # link reference definition
)
_AT_BLOCK_START: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^( {0,3})([-+])(?=[ \t]|$)"), r"\1\\\2"),  # any bullet
    (re.compile(r"^( {0,3}\d{1,9})\.(?=[ \t]|$)"), r"\1\\."),  # any number
)


def escape_line_start(line: str, block_start: bool) -> str:
    """``line`` of literal text, escaped where the renderer would read a block marker.

    ``block_start``: the line starts a block (a paragraph, a list item's text), where any list
    marker counts; otherwise it continues a paragraph, where only interrupting ones do.
    (``*`` is left to the caller, which escapes every asterisk in text.)"""
    for pattern, escaped in _ANYWHERE + (_AT_BLOCK_START if block_start else ()):
        new = pattern.sub(escaped, line, count=1)
        if new != line:
            return new
    return line


# -- reading a text line by line (the highlighter: one line at a time, a small state between) --
NONE, PARAGRAPH = 0, 1  # what the lines above leave open: nothing, a paragraph,
BULLETS, NUMBERS = 2, 3  # a list,
BULLETS_WITH_NUMBERS, NUMBERS_WITH_BULLETS = 4, 5  # a list with a list of the other kind in an item
QUOTED = 6  # added to the above inside a block quote
# Added to a list's context when its block (the lines since a blank one) began as a paragraph
# the list interrupted: Python-Markdown then splits the block at its first quote line, so a
# quote there ends the list instead of going into its last item.
UNDER_PARAGRAPH = 12
CONTEXTS = 24  # contexts are 0 … 23; a line-by-line reader may use the numbers above for itself
_OUTER = {BULLETS: BULLETS, NUMBERS: NUMBERS, BULLETS_WITH_NUMBERS: BULLETS, NUMBERS_WITH_BULLETS: NUMBERS}

_QUOTE = re.compile(r"^ {0,3}(?:> ?)+")
_ANY_ITEM = re.compile(r"^\s*(?:([-*+])|\d{1,9}\.)(?=\s)")  # nested items are indented freely
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")


@dataclass(frozen=True, slots=True)
class Line:
    """What one line starts; offsets are Python indices into the line."""

    heading: int = 0  # its level, 0 for none
    marks_end: int = 0  # end of the heading's ``#``s or of the quote's ``>``s
    rule: bool = False
    quoted: bool = False
    item: tuple[int, int] | None = None  # the list marker


def read_line(line: str, context: int = NONE) -> tuple[Line, int]:
    """What ``line`` starts after lines that left ``context`` open, and the context it leaves.

    A blank line closes everything; a heading or a rule closes paragraphs and lists; a quote's
    lazy lines stay in it. A quote right under a list item goes into the item, unless the list
    interrupted a paragraph: then the quote ends the list. Under a paragraph line only an interrupting item starts a list;
    under a list item, an item of the other kind (a number under bullets) is the item's text
    unless it could interrupt a paragraph: then it starts a list nested in the item, whose
    items follow until one of the outer kind comes."""
    if not line.strip():
        return Line(), NONE
    heading = ATX_HEADING.match(line)
    if heading:
        return Line(heading=len(heading.group(1)), marks_end=heading.end()), NONE
    if _RULE.match(line):
        return Line(rule=True), NONE
    under_paragraph = context >= UNDER_PARAGRAPH
    if under_paragraph:
        context -= UNDER_PARAGRAPH
    quoted = context >= QUOTED
    inner = context - QUOTED if quoted else context
    marks = _QUOTE.match(line)
    rest_start = 0
    if marks and not quoted and inner in _OUTER and not under_paragraph:
        # A quote right under a list item is inside the item: the list goes on after it. A
        # list nested in the item interrupted the item's text, so the quote ends that one.
        end = marks.end()
        item = _ANY_ITEM.match(line[end:])
        span = (end + item.start(), end + item.end()) if item else None
        return Line(marks_end=end, quoted=True, item=span), _OUTER[inner]
    if marks:
        rest_start = marks.end()
        inner = inner if quoted else NONE  # a new quote opens with nothing open inside
        quoted = True
    rest = line[rest_start:]
    item = _ANY_ITEM.match(rest)
    kind = (BULLETS if item.group(1) else NUMBERS) if item else NONE
    outer = _OUTER.get(inner, NONE)
    # Python-Markdown's list takes the items of its own kind (sane_lists); another line is the
    # last item's text, where a list of the other kind may start as under a paragraph line.
    if item is None:
        opened = NONE if not rest.strip() else inner if outer else PARAGRAPH  # lazy lines stay
    elif inner == NONE or kind == outer:
        opened = kind  # a new list, or the next item of this one (what was nested in it closes)
    elif inner in (BULLETS_WITH_NUMBERS, NUMBERS_WITH_BULLETS):
        opened = inner  # the next item of the list nested in the item
    elif INTERRUPTING_ITEM.match(rest):
        under_paragraph = under_paragraph or inner == PARAGRAPH
        opened = (
            kind if inner == PARAGRAPH else BULLETS_WITH_NUMBERS if outer == BULLETS else NUMBERS_WITH_BULLETS
        )
    else:
        item, opened = None, inner if outer else PARAGRAPH  # "14. …" under a paragraph line is text
    span = (rest_start + item.start(), rest_start + item.end()) if item else None
    keeps_mark = under_paragraph and not quoted and opened in _OUTER
    return (
        Line(marks_end=rest_start, quoted=quoted, item=span),
        opened + (QUOTED if quoted else 0) + (UNDER_PARAGRAPH if keeps_mark else 0),
    )
