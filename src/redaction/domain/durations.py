"""Long waits said the way people say them: "1 year 3 weeks", "2 days 5 hours", "40 minutes".

:func:`readable_parts` keeps the largest unit and, when there is one, the next that still counts
(a year and some months or weeks, a month and some weeks or days, a day and some hours…): a
backlog that is 386 days old reads "1 year, 3 weeks", not "386 d 7 h". Months are 30 days and
years 365: these are orders of magnitude for a person, not calendar arithmetic. The words are the
window's job (translated, with plurals); this module only counts.
"""

from __future__ import annotations

from datetime import timedelta

MINUTE = 1
HOUR = 60
DAY = 24 * HOUR
WEEK = 7 * DAY
MONTH = 30 * DAY
YEAR = 365 * DAY

UNITS: tuple[tuple[str, int], ...] = (
    ("year", YEAR),
    ("month", MONTH),
    ("week", WEEK),
    ("day", DAY),
    ("hour", HOUR),
    ("minute", MINUTE),
)
# After the largest unit, the finer ones still worth saying.
_SECOND: dict[str, tuple[str, ...]] = {
    "year": ("month", "week"),
    "month": ("week", "day"),
    "week": ("day",),
    "day": ("hour",),
    "hour": ("minute",),
    "minute": (),
}


def readable_parts(delta: timedelta) -> list[tuple[str, int]]:
    """[(unit, count)], one or two of them, largest first; [] under a minute."""
    minutes = int(delta.total_seconds() // 60)
    sizes = dict(UNITS)
    for unit, size in UNITS:
        if minutes >= size:
            parts = [(unit, minutes // size)]
            rest = minutes % size
            for finer in _SECOND[unit]:
                if rest >= sizes[finer]:
                    parts.append((finer, rest // sizes[finer]))
                    break
            return parts
    return []
