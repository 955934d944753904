"""The one Markdown renderer: the preview, the HTML export and the self-test all go through it.

Python-Markdown with ``extra``, ``sane_lists`` and ``toc``, and our CommonMark block rules
(:mod:`redaction.render.commonmark`): what the writer typed is what the page shows.

Python-Markdown instances are not thread-safe and carry state between conversions, so each
thread keeps its own and resets it before every use. Python-Markdown is imported with the first
converter, not with this module: a start whose preview comes from the kept segments
(:mod:`redaction.render.kept`) paints without it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import markdown
    from markdown.extensions import Extension


def _extensions() -> list[Extension]:
    """``extra`` (its seven extensions, in its order), ``sane_lists``, ``toc`` and ours.

    Given as instances rather than by name: a name is looked up among every installed
    package's entry points, a scan of site-packages that cost a tenth of the first render.
    CommonMarkBlocks last: it replaces the heading processor the others may have touched.
    """
    from markdown.extensions.abbr import AbbrExtension
    from markdown.extensions.attr_list import AttrListExtension
    from markdown.extensions.def_list import DefListExtension
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.footnotes import FootnoteExtension
    from markdown.extensions.md_in_html import MarkdownInHtmlExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension
    from markdown.extensions.toc import TocExtension

    from redaction.render.commonmark import CommonMarkBlocks

    extra = [
        FencedCodeExtension(),
        FootnoteExtension(),
        AttrListExtension(),
        DefListExtension(),
        TableExtension(),
        AbbrExtension(),
        MarkdownInHtmlExtension(),
    ]
    return [*extra, SaneListExtension(), TocExtension(permalink=False), CommonMarkBlocks()]


_local = threading.local()


def _converter() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        import markdown

        md = markdown.Markdown(extensions=_extensions(), output_format="html")
        _local.md = md
    return md


def prepare() -> None:
    """Build this thread's converter now (the application's start does it before Qt)."""
    _converter()


def import_modules() -> None:
    """Import Python-Markdown and its extensions' modules (from any thread, e.g. while the
    database opens): what is left for a thread's first conversion is building its converter."""
    _extensions()


def convert_whole(text: str) -> str:
    """Python-Markdown over ``text`` in one piece (the reference the block renderer must match)."""
    md = _converter()
    md.reset()
    return md.convert(text)


def markdown_to_html(text: str) -> str:
    """Body Markdown to an HTML fragment, through the incremental block renderer."""
    from redaction.render.blocks import render_body

    return render_body(text)
