"""Dates written the reader's way: "samedi 19 avril 2025", "Saturday 19 April 2025".

Written out by hand so that the result does not depend on the machine's C locale.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

_FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_FR_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date, language: str) -> str:
    """The date as printed above a published article in ``language`` ("fr" or "en")."""
    if language == "fr":
        number = "1er" if day.day == 1 else str(day.day)
        return f"{_FR_DAYS[day.weekday()]} {number} {_FR_MONTHS[day.month - 1]} {day.year}"
    return f"{_EN_DAYS[day.weekday()]} {day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def to_local(moment: datetime) -> datetime:
    """A stored UTC time shown in the machine's local zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def utcnow() -> datetime:
    return datetime.now(UTC)


def compact_datetime(moment: datetime | None, language: str = "en", now: datetime | None = None) -> str:
    """As short as a list column allows: "14:05" today, "19 avr." this year, else "19/04/2024"."""
    if moment is None:
        return ""
    local = to_local(moment)
    today = to_local(now or utcnow())
    if local.date() == today.date():
        return local.strftime("%H:%M")
    if local.year == today.year:
        month = (_FR_SHORT if language == "fr" else _EN_SHORT)[local.month - 1]
        return f"{local.day} {month}"
    return local.strftime("%d/%m/%Y") if language == "fr" else local.strftime("%Y-%m-%d")


_FR_SHORT = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
_EN_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_datetime(moment: datetime | None, language: str = "en") -> str:
    """Compact local time for lists: "19/04/2025 14:05" (fr) or "2025-04-19 14:05" (en)."""
    if moment is None:
        return ""
    local = to_local(moment)
    if language == "fr":
        return local.strftime("%d/%m/%Y %H:%M")
    return local.strftime("%Y-%m-%d %H:%M")
