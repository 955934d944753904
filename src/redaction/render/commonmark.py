"""A Python-Markdown extension: CommonMark's block rules where a writer would notice the difference.

Python-Markdown follows Markdown.pl, which reads ``#MeToo a changé…`` as a heading and a list
typed right under a paragraph line as more of the paragraph. CommonMark, what every other editor
the newsroom uses follows, says otherwise, and so does the editor's highlighting. Two processors
replace or precede Python-Markdown's:

* ATX headings need a space, a tab or the end of the line after the ``#``s; up to three spaces may
  come before them; a closing run of ``#`` counts only after a space (``# foo#`` is "foo#");
* a list may interrupt a paragraph: a bullet with text, or a number 1 with text, on the line
  after a paragraph line starts a list there (``14. …`` does not: it is the paragraph's text).

The line rules live in :mod:`redaction.domain.block_syntax`, which the highlighter, the
segmenter and the importer also read.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor, HashHeaderProcessor
from markdown.extensions import Extension

from redaction.domain.block_syntax import INTERRUPTING_ITEM


class AtxHeadingProcessor(HashHeaderProcessor):
    """Python-Markdown's heading processor with CommonMark's opening and closing sequences."""

    RE = re.compile(
        r"(?:^|\n)[ ]{0,3}(?P<level>#{1,6})(?=[ \t]|\n|$)"
        r"(?P<header>[^\n]*?)(?:(?<=[ \t])#+)?[ \t]*(?:\n|$)"
    )

    def test(self, parent: etree.Element, block: str) -> bool:
        # Python-Markdown 3.11 checks for a "#" at the very start of a line before its own
        # pattern, which would miss the headings indented by up to three spaces.
        return "#" in block and bool(self.RE.search(block))


class ListInterruptsParagraph(BlockProcessor):
    """Split a paragraph where a line starts a list (registered just above the paragraph
    processor: a block that reaches it is a paragraph for everything else)."""

    RE = re.compile("\n" + INTERRUPTING_ITEM.pattern.removeprefix("^"))

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(self.RE.search(block))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        match = self.RE.search(block)
        assert match is not None  # test() said so
        self.parser.parseBlocks(parent, [block[: match.start()]])
        blocks.insert(0, block[match.start() + 1 :])  # the list processors take it from here


class CommonMarkBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        parser = md.parser
        parser.blockprocessors.register(AtxHeadingProcessor(parser), "hashheader", 70)
        parser.blockprocessors.register(ListInterruptsParagraph(parser), "list_interrupts_paragraph", 11)
