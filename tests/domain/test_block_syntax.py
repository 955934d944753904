"""Reading Markdown lines as the renderer does, and writing literal text that starts no block."""

from __future__ import annotations

import pytest

from redaction.domain.block_syntax import escape_line_start, read_line
from redaction.render.markdown import convert_whole


def items(text: str) -> list[int]:
    context, found = 0, []
    for number, line in enumerate(text.split("\n")):
        read, context = read_line(line, context)
        if read.item is not None:
            found.append(number)
    return found


def test_headings_need_a_space_after_the_hashes() -> None:
    assert read_line("# Titre")[0].heading == 1
    assert read_line("   ### Trois")[0].heading == 3
    assert read_line("##")[0].heading == 2
    for text in ("#MeToo a changé", "#5 bolt", "####### sept", "    # code", "\\# échappé"):
        assert read_line(text)[0].heading == 0, text


def test_a_list_interrupts_a_paragraph_only_with_text_and_from_1() -> None:
    assert items("Parmi les étals :\n- deux poissonniers ;\n* un boucher") == [1, 2]
    assert items("Trois étapes :\n1. trier\n2. peser") == [1, 2]
    assert items("Le total\n14. ou plus") == []
    assert items("En mai\n2024. Une année") == []
    assert items("foo\n*\n\nfoo\n1.") == []
    assert items("Après un blanc\n\n2024. Une année") == [2]


def test_lists_of_the_other_kind_nest_in_an_item() -> None:
    assert items("- un\n14. suite du texte") == [0]  # "14." is the bullet item's text
    assert items("- un\n1. sous-liste\n2. suite\n- deux") == [0, 1, 2, 3]


@pytest.mark.parametrize(
    "literal",
    [
        "# dowork",
        "## Pas un titre",
        "1. Premier point",
        "2024. Une année",
        "- tiret",
        "+ plus",
        "> pas une citation",
        "---",
        "- - -",
        "===",
        "```",
        "~~~",
        ": pas une définition",
        "[1]: https://pas.une/reference",
    ],
)
def test_an_escaped_line_renders_as_the_text_it_was(literal: str) -> None:
    for lead_in, block_start in (("", True), ("Une ligne avant\n", False)):
        markdown = lead_in + escape_line_start(literal, block_start)
        html = convert_whole(markdown)
        assert html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1, markdown
        assert "<h" not in html and "<li>" not in html and "<blockquote>" not in html


def test_only_what_would_start_a_block_is_escaped() -> None:
    assert escape_line_start("#dowork", block_start=True) == "#dowork"  # a hashtag is text already
    assert escape_line_start("Le 1. est ici", block_start=True) == "Le 1. est ici"
    assert escape_line_start("2024. Une année", block_start=False) == "2024. Une année"  # continues
    assert escape_line_start("2024. Une année", block_start=True) == "2024\\. Une année"
