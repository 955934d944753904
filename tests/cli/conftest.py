"""Run ``redaction.cli.main`` in-process and collect what a person would see."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from redaction.cli import main


@dataclass
class Run:
    status: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def invoke(*args: object) -> Run:
        capsys.readouterr()
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return invoke


def one_error_line(err: str) -> str:
    """The error output must be exactly one line starting with the program's prefix."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("redaction: error: "), err
    return lines[0]
