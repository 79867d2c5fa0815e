"""Conversions between Python values and the store's columns: sort keys, times, JSON lists,
contacts, and the folded forms used to match tags and contact names."""

from __future__ import annotations

import calendar
import json
import unicodedata
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from newsroom_tui.records import SNIPPET_CLOSE, SNIPPET_OPEN, Contact, LanguageLink
from newsroom_tui.urls import safe_url

if TYPE_CHECKING:
    from newsroom_tui.query import Query

TS_OFFSET = 1 << 32  # shifts unix times from 1834 to 2106 into positive numbers
TIE_BITS = 20
TIE_MASK = (1 << TIE_BITS) - 1
MAX_RK = 1 << 62
"""Above every sort key."""


class _CombiningMarks(dict[int, int | None]):
    """A str.translate table deleting combining marks, filled in as characters are met (a table
    of all of Unicode would cost a second at import; a per-character loop, a third of the cost of
    storing a feed's releases)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_NO_COMBINING = _CombiningMarks()


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for tags and contact names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(decomposed.translate(_NO_COMBINING).split())


def digits(text: str) -> str:
    """The digits of a phone number (how phones are compared)."""
    return "".join(filter(str.isdigit, text))


def timestamp(value: datetime) -> int:
    """Unix time of a datetime (naive ones are taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return int(value.timestamp())


def day_start(day: date) -> int:
    return calendar.timegm(day.timetuple())


def rk_base(published: int | None) -> int:
    """The sort key of a publication time with a zero tiebreak (0 for an undated release)."""
    return 0 if published is None else (published + TS_OFFSET) << TIE_BITS


def rk_bounds(query: Query) -> tuple[int, int] | None:
    """The inclusive sort-key range of the query's dates, or None when it has none."""
    first, last = query.date_range()
    if first is None and last is None:
        return None
    lo = rk_base(day_start(first)) if first else 1 << TIE_BITS
    hi = (rk_base(day_start(last + timedelta(days=1)) - 1) | TIE_MASK) if last else MAX_RK
    return lo, hi


def contacts_json(contacts: Sequence[Contact]) -> str:
    return json.dumps(
        [
            {"name": c.name, "organization": c.organization, "phones": c.phones, "emails": c.emails}
            for c in contacts
        ],
        ensure_ascii=False,
    )


def contacts_from_json(raw: str) -> list[Contact]:
    try:
        items = json.loads(raw or "[]")
    except json.JSONDecodeError:
        return []
    return [
        Contact(
            name=str(i.get("name", "")),
            organization=str(i.get("organization", "")),
            phones=[str(p) for p in i.get("phones", [])],
            emails=[str(e) for e in i.get("emails", [])],
        )
        for i in items
        if isinstance(i, dict)
    ]


def contacts_search_text(contacts: Sequence[Contact]) -> str:
    """Names, offices, emails, email local parts (also squeezed) and phone digits, for FTS."""
    parts: list[str] = []
    for c in contacts:
        parts += [c.name, c.organization]
        for email in c.emails:
            local = email.partition("@")[0]
            parts += [email, local, "".join(ch for ch in local if ch.isalnum())]
        for phone in c.phones:
            parts += [phone, digits(phone)]
    return "\n".join(p for p in parts if p)


def strip_markers(text: str) -> str:
    """Text without the snippet markers (so a stored text can never fake a highlight)."""
    return text.replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "")


def from_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def from_ts(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def json_strings(raw: str) -> list[str]:
    """A stored JSON list of strings (tags, emails, phones); [] when it is anything else."""
    try:
        value = json.loads(raw or "[]")
    except json.JSONDecodeError:
        return []
    return [str(t) for t in value] if isinstance(value, list) else []


def language_links(raw: str | None) -> list[LanguageLink]:
    """The stored language links ("language<TAB>url" lines), by language; lines that are not
    a language and a URL the URL check accepts are skipped (a file changed behind our back)."""
    from newsroom_tui.extraction.language_links import language_tag  # a release read whole only

    links: dict[str, LanguageLink] = {}
    for line in (raw or "").split("\n"):
        language, _, url = line.partition("\t")
        tag = language_tag(language)
        checked = safe_url(url)
        if tag and checked and tag not in links:
            links[tag] = LanguageLink(tag, checked)
    return [links[tag] for tag in sorted(links)]
