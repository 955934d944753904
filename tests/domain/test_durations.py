"""Waits as a person says them: the largest unit and the next that still counts."""

from datetime import timedelta

import pytest

from redaction.domain.durations import readable_parts


@pytest.mark.parametrize(
    ("delta", "parts"),
    [
        (timedelta(days=386, hours=7), [("year", 1), ("week", 3)]),
        (timedelta(days=400), [("year", 1), ("month", 1)]),
        (timedelta(days=365, hours=5), [("year", 1)]),  # hours do not count against a year
        (timedelta(days=45), [("month", 1), ("week", 2)]),
        (timedelta(days=9, hours=3), [("week", 1), ("day", 2)]),
        (timedelta(days=2, hours=3), [("day", 2), ("hour", 3)]),
        (timedelta(hours=5, minutes=12), [("hour", 5), ("minute", 12)]),
        (timedelta(hours=1), [("hour", 1)]),
        (timedelta(minutes=40), [("minute", 40)]),
        (timedelta(seconds=30), []),
    ],
)
def test_readable_parts(delta: timedelta, parts: list[tuple[str, int]]) -> None:
    assert readable_parts(delta) == parts
