"""The one Markdown renderer: the preview, the HTML export and the self-test all go through it.

Python-Markdown with ``extra``, ``sane_lists`` and ``toc``, and our CommonMark block rules
(:mod:`redaction.render.commonmark`): what the writer typed is what the page shows.

Python-Markdown instances are not thread-safe and carry state between conversions, so each
thread keeps its own and resets it before every use.
"""

from __future__ import annotations

import threading

import markdown

from redaction.render.commonmark import CommonMarkBlocks

# CommonMarkBlocks last: it replaces the heading processor the others may have touched.
EXTENSIONS: list[str | markdown.extensions.Extension] = ["extra", "sane_lists", "toc", CommonMarkBlocks()]
EXTENSION_CONFIGS = {"toc": {"permalink": False}}

_local = threading.local()


def _converter() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = markdown.Markdown(
            extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS, output_format="html"
        )
        _local.md = md
    return md


def convert_whole(text: str) -> str:
    """Python-Markdown over ``text`` in one piece (the reference the block renderer must match)."""
    md = _converter()
    md.reset()
    return md.convert(text)


def markdown_to_html(text: str) -> str:
    """Body Markdown to an HTML fragment, through the incremental block renderer."""
    from redaction.render.blocks import render_body

    return render_body(text)
