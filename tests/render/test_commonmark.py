"""CommonMark's own examples for the rules our renderer follows (spec sections "ATX headings" and
"Lists" / "List items": a list interrupting a paragraph), plus the cases from the newsroom.

Python-Markdown writes ``<hr>`` and heading ids where the spec writes ``<hr />`` and none, and
keeps a continuation line's indentation: the comparison ignores those, nothing else.
"""

from __future__ import annotations

import re

import pytest

from redaction.render.blocks import BlockRenderer
from redaction.render.markdown import convert_whole

# (markdown, the spec's HTML)
ATX_HEADINGS = {
    "six levels": (
        "# foo\n## foo\n### foo\n#### foo\n##### foo\n###### foo",
        "<h1>foo</h1>\n<h2>foo</h2>\n<h3>foo</h3>\n<h4>foo</h4>\n<h5>foo</h5>\n<h6>foo</h6>",
    ),
    "seven is not a heading": ("####### foo", "<p>####### foo</p>"),
    "#5 bolt and #hashtag need a space": ("#5 bolt\n\n#hashtag", "<p>#5 bolt</p>\n<p>#hashtag</p>"),
    "an escaped # is text": ("\\## foo", "<p>## foo</p>"),
    "contents are inline": ("# foo *bar* \\*baz\\*", "<h1>foo <em>bar</em> *baz*</h1>"),
    "spaces around are ignored": ("#                  foo                     ", "<h1>foo</h1>"),
    "up to three spaces before": (" ### foo\n  ## foo\n   # foo", "<h3>foo</h3>\n<h2>foo</h2>\n<h1>foo</h1>"),
    "four spaces is code": ("    # foo", "<pre><code># foo\n</code></pre>"),
    "four spaces continue a paragraph": ("foo\n    # bar", "<p>foo\n# bar</p>"),
    "closing sequence": ("## foo ##\n  ###   bar    ###", "<h2>foo</h2>\n<h3>bar</h3>"),
    "closing sequence of any length": (
        "# foo ##################################\n##### foo ##",
        "<h1>foo</h1>\n<h5>foo</h5>",
    ),
    "spaces after the closing sequence": ("### foo ###     ", "<h3>foo</h3>"),
    "not a closing sequence": ("### foo ### b", "<h3>foo ### b</h3>"),
    "closing needs a space before": ("# foo#", "<h1>foo#</h1>"),
    "escaped closing": (
        "### foo \\###\n## foo #\\##\n# foo \\#",
        "<h3>foo ###</h3>\n<h2>foo ###</h2>\n<h1>foo #</h1>",
    ),
    "between rules": ("****\n## foo\n****", "<hr />\n<h2>foo</h2>\n<hr />"),
    "interrupts a paragraph": ("Foo bar\n# baz\nBar foo", "<p>Foo bar</p>\n<h1>baz</h1>\n<p>Bar foo</p>"),
    "empty headings": ("## \n#\n### ###", "<h2></h2>\n<h1></h1>\n<h3></h3>"),
}

LISTS_INTERRUPTING = {
    "a list can interrupt a paragraph": (
        "Foo\n- bar\n- baz",
        "<p>Foo</p>\n<ul>\n<li>bar</li>\n<li>baz</li>\n</ul>",
    ),
    "only a list starting at 1": (
        "The number of windows in my house is\n14.  The number of doors is 6.",
        "<p>The number of windows in my house is\n14.  The number of doors is 6.</p>",
    ),
    "a list starting at 1 does": (
        "The number of windows in my house is\n1.  The number of doors is 6.",
        "<p>The number of windows in my house is</p>\n<ol>\n<li>The number of doors is 6.</li>\n</ol>",
    ),
    "an empty item does not": ("foo\n*\n\nfoo\n1.", "<p>foo\n*</p>\n<p>foo\n1.</p>"),
}

NEWSROOM = {
    "a hashtag opening a paragraph": (
        "#MeToo a changé la façon de couvrir ces affaires.",
        "<p>#MeToo a changé la façon de couvrir ces affaires.</p>",
    ),
    "a list right under its lead-in": (
        "Parmi les étals :\n- deux poissonniers ;\n- un boucher.",
        "<p>Parmi les étals :</p>\n<ul>\n<li>deux poissonniers ;</li>\n<li>un boucher.</li>\n</ul>",
    ),
    "a numbered list right under its lead-in": (
        "Trois étapes :\n1. trier ;\n2. peser.",
        "<p>Trois étapes :</p>\n<ol>\n<li>trier ;</li>\n<li>peser.</li>\n</ol>",
    ),
    "a year in a paragraph": (
        "En mai\n2024. Une année de travaux.",
        "<p>En mai\n2024. Une année de travaux.</p>",
    ),
    "a list interrupting a quoted paragraph": (
        "> Parmi les étals :\n> - deux poissonniers",
        "<blockquote>\n<p>Parmi les étals :</p>\n<ul>\n<li>deux poissonniers</li>\n</ul>\n</blockquote>",
    ),
}


def normalized(html: str) -> str:
    html = re.sub(r' id="[^"]*"', "", html)
    html = html.replace("<hr />", "<hr>")
    return re.sub(r"\n +", "\n", html).strip()


CASES = {**ATX_HEADINGS, **LISTS_INTERRUPTING, **NEWSROOM}


@pytest.mark.parametrize("name", list(CASES))
def test_renders_as_commonmark_says(name: str) -> None:
    markdown, html = CASES[name]
    assert normalized(convert_whole(markdown)) == normalized(html)


@pytest.mark.parametrize("name", list(CASES))
def test_the_block_renderer_agrees_with_the_whole_render(name: str) -> None:
    markdown, _html = CASES[name]
    assert BlockRenderer().render(markdown).html == convert_whole(markdown)
