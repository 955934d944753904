"""The window's command line is read without building the parser, and read as the parser reads it."""

from __future__ import annotations

import contextlib
import io

from hypothesis import given
from hypothesis import strategies as st

from redaction import cli

WORDS = [
    "--db",
    "--debug",
    "newsroom.db",
    "--db=autre.db",
    "--db=",
    "-x",
    "",
    "demo",
    "list",
    "--version",
    "--d",
    "-",
]


@given(st.lists(st.sampled_from(WORDS), max_size=5))
def test_the_window_s_command_lines_read_as_the_parser_reads_them(argv: list[str]) -> None:
    fast = cli.window_only(argv)
    if fast is None:
        return  # the parser reads it, as before
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        parsed = cli.build_parser().parse_args(argv)  # never exits: the line is a valid one
    assert (fast.db, fast.debug, fast.command, fast.self_test) == (
        parsed.db,
        parsed.debug,
        parsed.command,
        parsed.self_test,
    )


def test_the_window_s_usual_command_lines_skip_the_parser() -> None:
    assert cli.window_only([]) is not None
    assert cli.window_only(["--db", "newsroom.db"]).db == "newsroom.db"
    assert cli.window_only(["--debug", "--db=newsroom.db"]).debug
    assert cli.window_only(["--db", "--debug"]) is None  # the parser explains what is missing
    assert cli.window_only(["demo"]) is None


def test_a_wrong_command_line_is_still_explained(capsys) -> None:
    assert cli.main(["--db"]) == cli.EXIT_BAD_INPUT
    assert "expected one argument" in capsys.readouterr().err
