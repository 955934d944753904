"""Front matter written by export must read back as exactly the same text."""

from __future__ import annotations

import pytest

from redaction.services.exchange.frontmatter import FrontMatterError, parse, render

AWKWARD = [
    "",
    "Économie : la « crise » du lait",
    'Il a dit "non" — et c\'est tout',
    "title: not a key",
    "yes",
    "1984",
    "2025-04-19",
    "~",
    "- not a list",
    "# not a comment",
    "  leading and trailing spaces  ",
    "first line\nsecond line",
    "ends with newlines\n\n",
    "\nstarts with a newline",
    "tab\tinside",
    "line\u2028separator and next\x85line",
    "\u202eright-to-left override",
    "zero\u200bwidth",
    "---",
    "...",
    "a windows\r\nline",
    "&anchor *alias !tag %directive @at `tick |pipe >fold",
]


@pytest.mark.parametrize("value", AWKWARD)
def test_every_value_round_trips_exactly(value: str) -> None:
    for body in ("", "Body.\n", value):
        doc = parse(render({"title": value, "tags": [value, "x"], "empty": ""}, body))
        assert doc.values == {"title": value, "tags": [value, "x"], "empty": ""}
        assert doc.body == body


def test_multi_line_values_are_written_as_readable_blocks() -> None:
    text = render({"standfirst": "Ligne un\nLigne deux"}, "")
    assert "standfirst: |-\n  Ligne un\n  Ligne deux\n" in text


def test_scalars_stay_text() -> None:
    doc = parse("---\ntitle: yes\ndate: 2025-04-19\ncount: 12\nnothing:\n---\n")
    assert doc.values == {"title": "yes", "date": "2025-04-19", "count": "12", "nothing": ""}


def test_keys_know_their_line_in_the_file() -> None:
    doc = parse("---\ntitle: A\n\nstatus: draft\ntags:\n  - a\n---\nbody\n")
    assert doc.lines == {"title": 2, "status": 4, "tags": 5}
    assert doc.body == "body\n"
    assert doc.body_line == 8


def test_one_blank_line_after_the_header_is_not_part_of_the_body() -> None:
    assert parse("---\nt: a\n---\n\n\nbody").body == "\nbody"
    assert parse("---\nt: a\n---").body == ""


def test_windows_line_ends_are_read_as_plain_line_ends() -> None:
    doc = parse("---\r\ntitle: A\r\n---\r\n\r\nLine one\r\nLine two\r\n")
    assert doc.values == {"title": "A"}
    assert doc.body == "Line one\nLine two\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# Just Markdown\n", 1, "no front matter"),
        ("---\ntitle: A\nbody without end\n", 1, "never closed"),
        ("---\ntitle: A\nrubric: [unclosed\n---\n", 4, "malformed front matter"),
        ("---\ntitle: A\n  bad: indent\n---\n", 3, "malformed front matter"),
        ("---\ntitle: A\ntitle: B\n---\n", 3, "given twice"),
        ("---\n- a\n- b\n---\n", 2, "key: value"),
        ("---\ntitle:\n  nested: map\n---\n", 3, "must be text"),
    ],
)
def test_errors_point_at_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(FrontMatterError, match=message) as caught:
        parse(text)
    assert caught.value.line == line
