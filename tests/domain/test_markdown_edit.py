"""Formatting commands as text transformations: wrap and unwrap, headings, quotes, lists, Enter."""

from __future__ import annotations

import pytest

from redaction.domain.markdown_edit import (
    Edit,
    continue_block,
    make_link,
    set_heading,
    toggle_bullets,
    toggle_inline,
    toggle_numbers,
    toggle_quote,
)


def sel(edit: Edit) -> str:
    return edit.text[edit.start : edit.end]


def test_bold_wraps_the_selection_and_keeps_it_selected() -> None:
    edit = toggle_inline("le port de Brest", 3, 7, "**")
    assert edit.text == "le **port** de Brest"
    assert sel(edit) == "port"


def test_bold_toggles_off_from_inside_or_with_the_markers_selected() -> None:
    assert toggle_inline("le **port** de", 5, 9, "**").text == "le port de"
    edit = toggle_inline("le **port** de", 3, 11, "**")
    assert (edit.text, sel(edit)) == ("le port de", "port")


def test_bold_without_selection_takes_the_word_at_the_cursor() -> None:
    assert toggle_inline("le port de", 5, 5, "**").text == "le **port** de"
    assert toggle_inline("le **port** de", 7, 7, "**").text == "le port de"


def test_bold_on_empty_space_leaves_a_pair_to_type_into_and_removes_it_again() -> None:
    edit = toggle_inline("a  b", 2, 2, "**")
    assert edit == Edit("a **** b", 4, 4)
    assert toggle_inline(edit.text, 4, 4, "**") == Edit("a  b", 2, 2)


def test_double_click_selection_with_trailing_space_is_trimmed() -> None:
    assert toggle_inline("le port de", 3, 8, "**").text == "le **port** de"


def test_italic_and_bold_are_told_apart() -> None:
    assert toggle_inline("**port**", 2, 6, "*").text == "***port***"
    assert toggle_inline("***port***", 3, 7, "*").text == "**port**"
    assert toggle_inline("***port***", 3, 7, "**").text == "*port*"
    assert toggle_inline("*port*", 1, 5, "**").text == "***port***"
    assert toggle_inline("*port*", 1, 5, "*").text == "port"


def test_link_selects_the_url_placeholder() -> None:
    edit = make_link("voir le site ici", 8, 12)
    assert edit.text == "voir le [site](url) ici"
    assert sel(edit) == "url"


def test_link_uses_a_url_from_the_clipboard() -> None:
    edit = make_link("voir le site", 8, 12, clipboard=" https://example.com/a?b=1\n")
    assert edit.text == "voir le [site](https://example.com/a?b=1)"
    assert edit.start == edit.end == len(edit.text)
    assert make_link("voir le site", 8, 12, clipboard="pas une url").text == "voir le [site](url)"


def test_link_on_a_selected_url_or_nothing() -> None:
    edit = make_link("https://a.fr", 0, 12)
    assert edit.text == "[https://a.fr](https://a.fr)"
    edit = make_link("a  b", 2, 2, clipboard="https://x.fr")
    assert (edit.text, edit.start) == ("a [](https://x.fr) b", 3)


@pytest.mark.parametrize(
    ("line", "level", "result"),
    [
        ("Le port", 2, "## Le port"),
        ("## Le port", 3, "### Le port"),
        ("## Le port", 2, "Le port"),
        ("#   Le port", 1, "Le port"),
        ("### Le port", 0, "Le port"),
    ],
)
def test_headings_set_replace_and_toggle(line: str, level: int, result: str) -> None:
    assert set_heading(line, 3, 3, level).text == result


def test_heading_keeps_the_cursor_on_the_same_letter() -> None:
    edit = set_heading("Le port", 3, 3, 2)
    assert edit.text[edit.start :] == "port"
    edit = set_heading("## Le port", 0, 0, 2)
    assert edit.start == 0


def test_quote_toggles_on_every_selected_line() -> None:
    text = "Un\n\nDeux"
    edit = toggle_quote(text, 0, len(text))
    assert edit.text == "> Un\n>\n> Deux"
    assert sel(edit) == edit.text
    assert toggle_quote(edit.text, 0, len(edit.text)).text == text


def test_bullets_and_numbers_toggle_and_replace_each_other() -> None:
    text = "pain\n  vin\n\nfromage"
    bullets = toggle_bullets(text, 0, len(text)).text
    assert bullets == "- pain\n  - vin\n\n- fromage"
    numbers = toggle_numbers(bullets, 0, len(bullets)).text
    assert numbers == "1. pain\n  2. vin\n\n3. fromage"
    assert toggle_numbers(numbers, 0, len(numbers)).text == text
    assert toggle_bullets(bullets, 0, len(bullets)).text == text


@pytest.mark.parametrize(
    ("line", "col", "text"),
    [
        ("- pain", 6, "- pain\n- "),
        ("* pain", 6, "* pain\n* "),
        ("  + pain", 8, "  + pain\n  + "),
        ("9. pain", 7, "9. pain\n10. "),
        ("3) pain", 7, "3) pain\n4) "),
        ("- [x] fait", 10, "- [x] fait\n- [ ] "),
        ("> cité", 6, "> cité\n> "),
        ("- pain vin", 7, "- pain\n- vin"),
    ],
)
def test_enter_continues_lists_and_quotes(line: str, col: int, text: str) -> None:
    edit = continue_block(line, col)
    assert edit is not None
    assert edit.text == text
    assert edit.start == edit.end == len(text) - len(line[col:].lstrip())  # after the new marker


def test_enter_on_an_empty_item_ends_the_list() -> None:
    assert continue_block("- ", 2) == Edit("\n", 1, 1)
    assert continue_block("12. ", 4) == Edit("\n", 1, 1)
    assert continue_block("> ", 2) == Edit("\n", 1, 1)


def test_enter_elsewhere_is_an_ordinary_new_line() -> None:
    assert continue_block("Un paragraphe", 4) is None
    assert continue_block("- pain", 1) is None  # inside the marker
    assert continue_block("-pain", 5) is None
    assert continue_block("2025. Une année", 15) is not None  # ambiguity accepted: it is a list


def test_a_hashtag_opening_a_line_is_kept_when_it_becomes_a_heading() -> None:
    text = "#MeToo a changé la donne"
    assert set_heading(text, 0, 0, 2).text == "## #MeToo a changé la donne"
    assert set_heading("## #MeToo", 0, 0, 2).text == "#MeToo"  # the same level again: back to text
