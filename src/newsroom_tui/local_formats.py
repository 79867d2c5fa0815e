"""Dates and numbers written the way the interface language writes them: "15 March 2017",
"15 mars 2017", "15 de marzo de 2017"; "1,204", "1 204" (a narrow no-break space), "1.204".

Written here rather than taken from Babel or the C library's locale: three languages need a few
tables, and the C locale of the machine may not be installed (nor should it change the process).
"""

from __future__ import annotations

import datetime as dt

from newsroom_tui import i18n
from newsroom_tui.extraction.dates import format_date as written_date

NARROW_NO_BREAK_SPACE = "\u202f"

_THOUSANDS = {"en": ",", "fr": NARROW_NO_BREAK_SPACE, "es": "."}
_DECIMAL = {"en": ".", "fr": ",", "es": ","}

_SHORT_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "fr": [
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
    ],
    "es": [
        "ene.",
        "feb.",
        "mar.",
        "abr.",
        "may.",
        "jun.",
        "jul.",
        "ago.",
        "sept.",
        "oct.",
        "nov.",
        "dic.",
    ],
}


def _lang(lang: str | None) -> str:
    return lang or i18n.language()


def format_number(value: int, lang: str | None = None) -> str:
    """An integer with the language's thousands separator."""
    text = f"{value:,}"
    return text.replace(",", _THOUSANDS[_lang(lang)])


def format_decimal(value: float, digits: int = 1, lang: str | None = None) -> str:
    """A number with `digits` decimals and the language's separators ("3.5", "3,5")."""
    chosen = _lang(lang)
    text = f"{value:,.{digits}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", _THOUSANDS[chosen])
    return whole + (_DECIMAL[chosen] + fraction if fraction else "")


def format_date(day: dt.date, lang: str | None = None) -> str:
    """A date written out: "15 March 2017", "1er mars 2017", "15 de marzo de 2017" (the rules
    and month names of extraction.dates, which the demo's pages are written with too)."""
    return written_date(day, _lang(lang))


def format_short_date(day: dt.date, lang: str | None = None) -> str:
    """A date in a list's column: "15 Mar 2017", "15 mars 2017", "15 mar. 2017"."""
    chosen = _lang(lang)
    return f"{day.day} {_SHORT_MONTHS[chosen][day.month - 1]} {day.year}"


def short_date_width(lang: str | None = None) -> int:
    """The widest `format_short_date` of the language: the width of a list's date column."""
    chosen = _lang(lang)
    return len(f"28 {max(_SHORT_MONTHS[chosen], key=len)} 2000")


def format_datetime(moment: dt.datetime, lang: str | None = None) -> str:
    """A date and time written out: "15 March 2017, 09:30", "15 mars 2017 à 09:30",
    "15 de marzo de 2017, 09:30"."""
    chosen = _lang(lang)
    clock = moment.strftime("%H:%M")
    separator = " à " if chosen == "fr" else ", "
    return f"{format_date(moment.date(), chosen)}{separator}{clock}"
