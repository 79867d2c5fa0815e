"""Dates as newsrooms print them (ISO 8601, RFC 2822, French/English/Spanish display dates) read into
timezone-aware UTC datetimes, and formatted back for display. Absurd dates become None: "unknown"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import cache

from newsroom_tui.lazy_re import lazy_compile

MIN_YEAR = 1990
"""Older dates are taken as errors (no newsroom release predates the web)."""
MAX_FUTURE = timedelta(days=366)
"""Dates further ahead than this are taken as errors."""
_MAX_INPUT = 200

# Month names after accent folding and lowercasing; abbreviations included. No name is shared by two
# months across the three languages ("mar" is March in all of them, "mai"/"may" May, ...).
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv enero ene",
        "february feb fevrier fevr fev febrero",
        "march mar mars marzo",
        "april apr avril avr abril abr",
        "may mai mayo",
        "june jun juin junio",
        "july jul juillet juil julio",
        "august aug aout agosto ago",
        "september sep sept septembre septiembre setiembre set",
        "october oct octobre octubre",
        "november nov novembre noviembre",
        "december dec decembre diciembre dic",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_FORMAT_MONTHS: dict[str, list[str]] = {
    "fr": [
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
    ],
    "en": [
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
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}

_ISO = lazy_compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d{1,12})?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)
_TIME_AFTER = lazy_compile(r"\s*(?:,|a|at|-|–|—)?\s*(\d{1,2})\s*[:h]\s*(\d{2})(?!\d)")
# "15 mars 2017", "1er janvier 2024", "8 de julio de 2024", "8 July, 2024"
_DAY_MONTH_YEAR = lazy_compile(
    r"(?<!\d)(\d{1,2})(?:er|st|nd|rd|th|o|º|°)?\.?\s+(?:de\s+)?([a-z]{3,10})\.?,?\s+(?:de[l]?\s+)?(\d{4})(?!\d)"
)
# "July 8, 2024", "Jul 8 2024"
_MONTH_DAY_YEAR = lazy_compile(
    r"(?<![a-z])([a-z]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)"
)
# "08/07/2024", "8.7.2024" (day first, as in the three languages)
_NUMERIC = lazy_compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _plausible(value: datetime) -> datetime | None:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        value = value.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    if value.year < MIN_YEAR or value > datetime.now(UTC) + MAX_FUTURE:
        return None
    return value


def _build(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime | None:
    try:
        return _plausible(datetime(year, month, day, hour, minute, tzinfo=UTC))
    except ValueError:
        return None


def _time_after(text: str, end: int) -> tuple[int, int]:
    match = _TIME_AFTER.match(text, end)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return hour, minute
    return 0, 0


def _parse_iso(text: str) -> datetime | None:
    try:
        return _plausible(datetime.fromisoformat(text))
    except ValueError:
        pass
    match = _ISO.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        value = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        return None
    if zone and zone.upper() != "Z":
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        value = value - offset if zone[0] == "+" else value + offset
    return _plausible(value)


@cache
def _rfc2822_parser() -> Callable[[str], datetime]:
    """email.utils' parser, imported on first use: the module (with socket, random, ...) takes
    ~20 ms to import, which only a command that reads RFC 2822 dates should pay."""
    from email.utils import parsedate_to_datetime

    return parsedate_to_datetime


def _parse_rfc2822(text: str) -> datetime | None:
    try:
        return _plausible(_rfc2822_parser()(text))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _parse_display(text: str) -> datetime | None:
    folded = _fold(text)
    for match in _DAY_MONTH_YEAR.finditer(folded):
        month = _MONTHS.get(match.group(2))
        if month:
            hour, minute = _time_after(folded, match.end())
            return _build(int(match.group(3)), month, int(match.group(1)), hour, minute)
    for match in _MONTH_DAY_YEAR.finditer(folded):
        month = _MONTHS.get(match.group(1))
        if month:
            hour, minute = _time_after(folded, match.end())
            return _build(int(match.group(3)), month, int(match.group(2)), hour, minute)
    numeric = _NUMERIC.search(folded)
    if numeric:
        hour, minute = _time_after(folded, numeric.end())
        return _build(
            int(numeric.group(3)), int(numeric.group(2)), int(numeric.group(1)), hour, minute
        )
    return None


def parse_date(text: str | None) -> datetime | None:
    """A timezone-aware UTC datetime for a date as found in feeds and pages, or None if unknown.

    Naive inputs are taken as UTC. Dates before 1990, more than a year ahead, or out of range
    (31 February) are None, so the interface says "unknown date" rather than show nonsense.
    """
    if not text:
        return None
    text = text.strip()[:_MAX_INPUT]
    if not text:
        return None
    if re.match(r"\d{4}-\d{2}", text):
        return _parse_iso(text)
    if ":" in text and re.search(r"[A-Za-z]{3}", text):
        result = _parse_rfc2822(text)
        if result is not None:
            return result
    return _parse_display(text)


def format_date(dt: date | None, language: str) -> str:
    """A date for display in the newsroom's language: "15 mars 2017", "8 July 2024",
    "8 de julio de 2024"; ISO (2024-07-08) for other languages, "" for None."""
    if dt is None:
        return ""
    lang = language.lower().split("-")[0].split("_")[0]
    names = _FORMAT_MONTHS.get(lang)
    if names is None:
        return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}"
    month = names[dt.month - 1]
    if lang == "es":
        return f"{dt.day} de {month} de {dt.year}"
    if lang == "fr" and dt.day == 1:
        return f"1er {month} {dt.year}"
    return f"{dt.day} {month} {dt.year}"
