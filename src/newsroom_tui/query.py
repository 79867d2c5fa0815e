"""The search language: parses what the user types into a `Query` and builds the FTS5 MATCH text.

Syntax: words (all required), "exact phrases", prefix*, -excluded, `a OR b`, and the filters
section:X, tag:X (tag:"Afrique de l'Ouest"), lang:xx, since:/until: (YYYY, YYYY-MM or YYYY-MM-DD,
both inclusive), year:YYYY, is:unread, is:starred. Unknown `key:value` tokens are plain words.

No user text ever reaches SQLite's FTS syntax raw: every token is re-quoted here, so the store never
shows an SQLite error for a malformed search; malformed input raises `QueryError` with one line.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

MAX_QUERY_LENGTH = 1000
MAX_TERMS = 32


class QueryError(ValueError):
    """A search the parser cannot understand; `str()` is one line meant for the user."""


@dataclass(frozen=True, slots=True)
class Term:
    """One searched word or phrase."""

    text: str
    """The word or phrase as typed, without quotes or the trailing star."""
    phrase: bool = False
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        """This term as an FTS5 string (always quoted; doubled quotes inside)."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + " *" if self.prefix else quoted


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search: required term groups (each group ORs its terms) plus filters."""

    text: str = ""
    """What the user typed (kept for display and JSON output)."""
    terms: tuple[tuple[Term, ...], ...] = ()
    """Groups that must all match; the terms inside one group are alternatives (OR)."""
    excluded: tuple[Term, ...] = ()
    """Terms that must not match (-word, -"phrase")."""
    section: str | None = None
    tag: str | None = None
    lang: str | None = None
    since: date | None = None
    """First day included."""
    until: date | None = None
    """Last day included."""
    year: int | None = None
    """A facet year, intersected with since/until."""
    unread: bool = False
    starred: bool = False

    @property
    def is_empty_text(self) -> bool:
        """True when nothing is searched for in the text (filters alone, or nothing)."""
        return not self.terms and not self.excluded

    @property
    def has_filters(self) -> bool:
        return any(
            (
                self.section,
                self.tag,
                self.lang,
                self.since,
                self.until,
                self.year is not None,
                self.unread,
                self.starred,
            )
        )

    @property
    def is_empty(self) -> bool:
        return self.is_empty_text and not self.has_filters

    def with_filters(self, **changes: Any) -> Query:
        """A copy with some filters replaced (the app adds facet filters on top of a search)."""
        return dataclasses.replace(self, **changes)

    def date_range(self) -> tuple[date | None, date | None]:
        """The inclusive (first, last) day after intersecting since/until with `year`.

        An empty intersection gives first > last, which matches nothing.
        """
        first, last = self.since, self.until
        if self.year is not None:
            y_first, y_last = date(self.year, 1, 1), date(self.year, 12, 31)
            first = y_first if first is None else max(first, y_first)
            last = y_last if last is None else min(last, y_last)
        return first, last

    def match_expression(self) -> str | None:
        """The FTS5 MATCH text for the required terms (None when there are none)."""
        if not self.terms:
            return None
        parts = []
        for group in self.terms:
            if len(group) == 1:
                parts.append(group[0].fts())
            else:
                parts.append("(" + " OR ".join(t.fts() for t in group) + ")")
        expr = " AND ".join(parts)
        for term in self.excluded:
            expr = f"({expr}) NOT {term.fts()}"
        return expr

    def exclusion_expression(self) -> str | None:
        """FTS5 MATCH text matching any excluded term: used when nothing is required."""
        if not self.excluded:
            return None
        return " OR ".join(t.fts() for t in self.excluded)


# --- tokenizer -------------------------------------------------------------------------------

_FILTER_KEYS = ("section", "tag", "lang", "since", "until", "year", "is")
_WORDY = re.compile(r"[^\W_]")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(slots=True)
class _Token:
    kind: str
    """'word', 'phrase', 'or', 'filter'."""
    value: str
    negated: bool = False
    prefix: bool = False
    key: str = ""


def _read_quoted(text: str, start: int) -> tuple[str, int]:
    """The text between the quote at `start` and the next one; index after the closing quote."""
    end = text.find('"', start + 1)
    if end < 0:
        raise QueryError('unbalanced quote: close the phrase with another "')
    return text[start + 1 : end], end + 1


def _tokens(text: str) -> Iterator[_Token]:
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negated = False
        if ch == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
            ch = text[i]
        if ch == '"':
            value, i = _read_quoted(text, i)
            prefix = i < n and text[i] == "*"
            if prefix:
                i += 1
            yield _Token("phrase", value, negated=negated, prefix=prefix)
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            if text[i] == ":" and i + 1 < n and text[i + 1] == '"':
                key = text[start:i].lower()
                if key in _FILTER_KEYS and not negated:
                    value, i = _read_quoted(text, i + 1)
                    yield _Token("filter", value, key=key)
                    break
            i += 1
        else:
            word = text[start:i]
            if word == "OR" and not negated:
                yield _Token("or", word)
                continue
            key, sep, value = word.partition(":")
            if sep and key.lower() in _FILTER_KEYS and not negated:
                yield _Token("filter", value, key=key.lower())
                continue
            prefix = word.endswith("*")
            yield _Token("word", word.rstrip("*"), negated=negated, prefix=prefix)
            continue
        # the while loop broke after a quoted filter value: nothing left to do for this token


# --- parser ----------------------------------------------------------------------------------


def _parse_date(key: str, value: str, *, end: bool) -> date:
    match = _DATE.match(value.strip())
    if not match:
        raise QueryError(f"{key}: expects a date like 2024 or 2024-03 or 2024-03-15")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, last) if end else date(year, month, 1)
        return date(year, month, day)
    except (ValueError, calendar.IllegalMonthError):
        raise QueryError(f"{key}: {value} is not a real date") from None


def _apply_filter(fields: dict[str, Any], key: str, value: str) -> None:
    value = value.strip()
    if not value:
        raise QueryError(f"{key}: needs a value (for example {key}:{_EXAMPLES[key]})")
    if key in ("section", "tag"):
        fields[key] = value
    elif key == "lang":
        lang = value.lower()
        if not _LANG.match(lang):
            raise QueryError("lang: expects a language code like fr, en or es")
        fields["lang"] = lang
    elif key == "since":
        fields["since"] = _parse_date(key, value, end=False)
    elif key == "until":
        fields["until"] = _parse_date(key, value, end=True)
    elif key == "year":
        if not re.fullmatch(r"\d{4}", value) or int(value) < 1:
            raise QueryError("year: expects a four-digit year like 2024")
        fields["year"] = int(value)
    elif key == "is":
        flag = value.lower()
        if flag not in ("unread", "starred"):
            raise QueryError("is: expects unread or starred")
        fields[flag] = True


_EXAMPLES = {
    "section": "communiques",
    "tag": "Afrique",
    "lang": "fr",
    "since": "2024-03",
    "until": "2024-12-31",
    "year": "2024",
    "is": "unread",
}


def _term(token: _Token) -> Term | None:
    """A Term for a word/phrase token, or None when it holds nothing searchable (punctuation)."""
    value = " ".join(token.value.split())
    if not _WORDY.search(value):
        if token.prefix:
            raise QueryError("* must follow a word, as in secu*")
        return None
    return Term(value, phrase=token.kind == "phrase", prefix=token.prefix, negated=token.negated)


def parse_query(text: str) -> Query:
    """Parse what the user typed. Raises QueryError (one line) when it cannot be understood."""
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"search too long: keep it under {MAX_QUERY_LENGTH} characters")
    fields: dict[str, Any] = {}
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    last_was_term = False
    for token in _tokens(text):
        if token.kind == "filter":
            if pending_or:
                raise QueryError("'OR' needs a word on each side")
            _apply_filter(fields, token.key, token.value)
            last_was_term = False
            continue
        if token.kind == "or":
            if not last_was_term or pending_or:
                raise QueryError("'OR' needs a word on each side")
            pending_or = True
            continue
        term = _term(token)
        if term is None:
            if pending_or:
                raise QueryError("'OR' needs a word on each side")
            continue
        if term.negated:
            if pending_or:
                raise QueryError("'OR' cannot be combined with an excluded -word")
            excluded.append(term)
            last_was_term = False
            continue
        if pending_or:
            groups[-1].append(term)
            pending_or = False
        else:
            groups.append([term])
        last_was_term = True
    if pending_or:
        raise QueryError("'OR' needs a word on each side")
    if sum(len(g) for g in groups) + len(excluded) > MAX_TERMS:
        raise QueryError(f"too many words: at most {MAX_TERMS}")
    query = Query(
        text=text.strip(),
        terms=tuple(tuple(g) for g in groups),
        excluded=tuple(excluded),
        **fields,
    )
    first, last = query.since, query.until
    if first and last and first > last:
        raise QueryError("since: is after until: nothing can match")
    return query
