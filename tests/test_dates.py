"""Dates in feed, ISO and display forms (French, English, Spanish); absurd dates are unknown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsroom_tui.extraction.dates import format_date, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-07-08", datetime(2024, 7, 8, tzinfo=UTC)),
        ("2024-07-08T10:00:00Z", datetime(2024, 7, 8, 10, 0, tzinfo=UTC)),
        ("2024-07-08T10:00:00+02:00", datetime(2024, 7, 8, 8, 0, tzinfo=UTC)),
        ("2024-07-08 10:00:00", datetime(2024, 7, 8, 10, 0, tzinfo=UTC)),
        ("Mon, 08 Jul 2024 10:00:00 +0000", datetime(2024, 7, 8, 10, 0, tzinfo=UTC)),
        ("Mon, 08 Jul 2024 12:30:00 +0200", datetime(2024, 7, 8, 10, 30, tzinfo=UTC)),
        ("15 mars 2017", datetime(2017, 3, 15, tzinfo=UTC)),
        ("1er janvier 2024", datetime(2024, 1, 1, tzinfo=UTC)),
        ("lundi 3 février 2025", datetime(2025, 2, 3, tzinfo=UTC)),
        ("3 fevrier 2025", datetime(2025, 2, 3, tzinfo=UTC)),
        ("Publié le 12 déc. 2023", datetime(2023, 12, 12, tzinfo=UTC)),
        ("8 July 2024", datetime(2024, 7, 8, tzinfo=UTC)),
        ("July 8, 2024", datetime(2024, 7, 8, tzinfo=UTC)),
        ("Jul 8 2024", datetime(2024, 7, 8, tzinfo=UTC)),
        ("Monday, 8 July 2024", datetime(2024, 7, 8, tzinfo=UTC)),
        ("8 de julio de 2024", datetime(2024, 7, 8, tzinfo=UTC)),
        ("8 julio 2024", datetime(2024, 7, 8, tzinfo=UTC)),
        ("lunes, 8 de julio de 2024 - 14:30", datetime(2024, 7, 8, 14, 30, tzinfo=UTC)),
        ("08/07/2024", datetime(2024, 7, 8, tzinfo=UTC)),
        ("8.7.2024", datetime(2024, 7, 8, tzinfo=UTC)),
    ],
)
def test_parse_date_forms(text: str, expected: datetime) -> None:
    result = parse_date(text)
    assert result == expected
    assert result is not None and result.utcoffset() == timedelta(0)


def test_naive_iso_is_utc_and_aware_is_converted() -> None:
    naive = parse_date("2020-05-01T06:00:00")
    assert naive is not None and naive.tzinfo is not None
    assert naive == datetime(2020, 5, 1, 6, tzinfo=UTC)
    aware = parse_date("2020-05-01T06:00:00-05:00")
    assert aware == datetime(2020, 5, 1, 11, tzinfo=UTC)
    assert aware is not None and aware.tzinfo == UTC


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "not a date",
        "1 janvier 1970",  # before 1990
        "Thu, 01 Jan 1970 00:00:00 +0000",
        "0001-01-01",
        "9999-12-31T23:59:59Z",  # far future
        "31/02/2024",  # out of range
        "30 février 2024",
        "2024-13-45",
        "32 de julio de 2024",
        "8 Smarch 2024",
        "x" * 100_000,
    ],
)
def test_absurd_or_unknown_dates_are_none(text: str | None) -> None:
    assert parse_date(text) is None


def test_far_future_refused_but_next_month_accepted() -> None:
    soon = datetime.now(UTC) + timedelta(days=30)
    later = datetime.now(UTC) + timedelta(days=800)
    assert parse_date(soon.strftime("%Y-%m-%d")) == datetime(
        soon.year, soon.month, soon.day, tzinfo=UTC
    )
    assert parse_date(later.strftime("%Y-%m-%d")) is None


def test_format_date_per_language() -> None:
    dt = datetime(2017, 3, 15, 9, 0, tzinfo=UTC)
    assert format_date(dt, "fr") == "15 mars 2017"
    assert format_date(datetime(2024, 7, 8, tzinfo=UTC), "en") == "8 July 2024"
    assert format_date(datetime(2024, 7, 8, tzinfo=UTC), "es") == "8 de julio de 2024"
    assert format_date(datetime(2024, 1, 1, tzinfo=UTC), "fr") == "1er janvier 2024"
    assert format_date(datetime(2024, 8, 1, tzinfo=UTC), "fr-CH") == "1er août 2024"
    assert (
        format_date(datetime(2024, 7, 8, tzinfo=timezone(timedelta(hours=2))), "de") == "2024-07-08"
    )
    assert format_date(None, "fr") == ""


def test_format_then_parse_round_trips() -> None:
    for language in ("fr", "en", "es"):
        for month in range(1, 13):
            dt = datetime(2023, month, 1, tzinfo=UTC)
            assert parse_date(format_date(dt, language)) == dt
