"""Dates printed above articles, independent of the machine's locale."""

from __future__ import annotations

from datetime import UTC, date, datetime

from redaction.domain.dates import long_date, short_datetime, to_local


def test_long_date_in_french() -> None:
    assert long_date(date(2025, 4, 19), "fr") == "samedi 19 avril 2025"


def test_first_of_the_month_is_1er_in_french_only() -> None:
    assert long_date(date(2025, 6, 1), "fr") == "dimanche 1er juin 2025"
    assert long_date(date(2025, 6, 1), "en") == "Sunday 1 June 2025"


def test_long_date_in_english_and_accented_months() -> None:
    assert long_date(date(2025, 4, 19), "en") == "Saturday 19 April 2025"
    assert long_date(date(2024, 8, 15), "fr") == "jeudi 15 août 2024"
    assert long_date(date(2024, 12, 25), "fr") == "mercredi 25 décembre 2024"
    assert long_date(date(2024, 2, 29), "fr") == "jeudi 29 février 2024"


def test_stored_utc_times_are_shown_in_local_time() -> None:
    moment = datetime(2025, 4, 19, 12, 0, tzinfo=UTC)
    local = to_local(moment)
    assert local == moment
    assert local.utcoffset() is not None
    assert to_local(datetime(2025, 4, 19, 12, 0)) == moment  # naive means UTC


def test_short_datetime_formats_per_language() -> None:
    moment = to_local(datetime(2025, 4, 19, 12, 5, tzinfo=UTC))
    assert short_datetime(moment, "fr") == moment.strftime("%d/%m/%Y %H:%M")
    assert short_datetime(moment, "en") == moment.strftime("%Y-%m-%d %H:%M")
    assert short_datetime(None) == ""
