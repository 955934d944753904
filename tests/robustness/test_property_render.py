"""The preview's incremental render ends exactly where a full render of the same text would,
after any sequence of edits hypothesis makes up (inserting and deleting Markdown constructs
anywhere, one keystroke or a paste at a time). Through the public functions only."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redaction.render.blocks import BlockRenderer, render_body
from redaction.render.incremental import IncrementalBody

PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "\n\n\n",
        "# ",
        "## Contexte",
        "## Contexte\n\n",
        "### ",
        "Titre\n=====\n",
        "- ",
        "- un\n- deux",
        "1. ",
        "2. ",
        "    ",
        "    code",
        "> ",
        "> citation",
        "```",
        "```\n",
        "~~~",
        "---",
        "***",
        "| a | b |\n|---|---|\n",
        "*",
        "**",
        "_",
        "`",
        "[lien](https://a.fr)",
        "[r1]",
        "[r1]: https://r.example",
        "[^1]",
        "[^1]: note",
        "*[HTML]: Hyper",
        "HTML",
        "<div>",
        "</div>",
        "<!--",
        "-->",
        "Terme\n:   def",
        "{#id}",
        "{: .c }",
        "&amp;",
        "\\",
        "  \n",
        "é",
        "Le port. ",
        "texte",
        " ",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(alphabet="ab #-*_`>\n:[]()!|", max_size=4)), max_size=30).map(
    "".join
)


@st.composite
def edit(draw: st.DrawFn) -> tuple[float, int, str]:
    """Where (a fraction of the length), how many characters to delete there, what to insert."""
    return draw(st.floats(0, 1)), draw(st.integers(0, 12)), draw(st.one_of(st.just(""), PIECES, TEXT))


SHARED = BlockRenderer()


@settings(max_examples=200, deadline=None)
@given(TEXT, st.lists(edit(), min_size=1, max_size=12))
def test_incremental_render_equals_full_render_after_every_edit(
    start: str, edits: list[tuple[float, int, str]]
) -> None:
    body = IncrementalBody(SHARED)
    body.reset(start)
    text = body.text
    for where, delete, insert in edits:
        position = round(where * len(text))
        text = text[:position] + insert + text[position + delete :]
        body.update(text)
        assert body.html() == render_body(text)


def test_deleting_the_blank_line_before_the_first_block_renders_it() -> None:
    # Found by the property above: the edit came before the first segment, and the update read
    # the new text from the old text's offset of that segment, one character too far.
    body = IncrementalBody(SHARED)
    body.reset("\n# Titre")
    body.update("# Titre")
    assert body.html() == render_body("# Titre") == '<h1 id="titre">Titre</h1>'
