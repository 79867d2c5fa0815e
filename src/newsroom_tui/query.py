"""The search language: parses what the user types into a `Query` and builds the FTS5 MATCH text.

Syntax: words (all required), "exact phrases", prefix*, -excluded or NOT excluded, `a OR b`,
`a AND b`, parentheses to group, and the filters section:X, tag:X (tag:"Afrique de l'Ouest",
tag:afri* for every tag starting so), lang:xx, since:/until: (YYYY, YYYY-MM or YYYY-MM-DD, both
inclusive), year:YYYY, is:unread, is:starred. OR binds tighter than AND (written or implied), NOT
tighter than both: `migrants dakar OR tunis` is migrants AND (dakar OR tunis). Filters apply to
the whole search; an unknown `key:value` is an error naming the known keys (a quoted
"key:value" is searched as a phrase). The CLI's search flags go through the same filter code
(`parse_query(text, filters=...)`).

No user text ever reaches SQLite's FTS syntax raw: every token is re-quoted here, so the store never
shows an SQLite error for a malformed search; malformed input raises `QueryError` with one line.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsroom_tui.i18n import _
from newsroom_tui.lazy_re import lazy_compile
from newsroom_tui.local_formats import format_number

MAX_QUERY_LENGTH = 1000
MAX_TERMS = 32
MAX_DEPTH = 16
"""Parentheses nested deeper than this are refused (the parser is recursive)."""


class QueryError(ValueError):
    """A search the parser cannot understand; `str()` is one line meant for the user."""


@dataclass(frozen=True, slots=True)
class Term:
    """One searched word or phrase."""

    text: str
    """The word or phrase as typed, without quotes or the trailing star."""
    phrase: bool = False
    prefix: bool = False

    def fts(self) -> str:
        """This term as an FTS5 string (always quoted; doubled quotes inside)."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + " *" if self.prefix else quoted


@dataclass(frozen=True, slots=True)
class Not:
    """Releases that do not match `node`."""

    node: Node


@dataclass(frozen=True, slots=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    nodes: tuple[Node, ...]


Node = Term | Not | And | Or
"""A node of the text part of a search."""


def _fts(node: Node, *, top: bool = False) -> str:
    """FTS5 text for a node that has a positive part (the parser refuses the others). Every
    nested operation is parenthesised, so FTS5's own precedence never decides."""
    if isinstance(node, Term):
        return node.fts()
    if isinstance(node, Or):
        return "(" + " OR ".join(_fts(n) for n in node.nodes) + ")"
    if isinstance(node, And):
        positive = [n for n in node.nodes if not isinstance(n, Not)]
        negative = [n.node for n in node.nodes if isinstance(n, Not)]
        if not positive:
            raise QueryError(_("NOT needs a word to search beside it"))
        expr = " AND ".join(_fts(n) for n in positive)
        for n in negative:
            expr = f"({expr}) NOT {_fts(n)}"
        if top or (len(positive) == 1 and not negative):
            return expr
        return f"({expr})"
    raise QueryError(_("NOT needs a word to search beside it"))


def _terms(node: Node, *, negated: bool = False) -> Iterator[tuple[Term, bool]]:
    if isinstance(node, Term):
        yield node, negated
    elif isinstance(node, Not):
        yield from _terms(node.node, negated=not negated)
    else:
        for child in node.nodes:
            yield from _terms(child, negated=negated)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search: a boolean expression over words and phrases, plus filters."""

    text: str = ""
    """What the user typed (kept for display and JSON output)."""
    expr: Node | None = None
    """The text part: None when nothing is searched for in the text."""
    section: str | None = None
    """section:X as typed (the store resolves it to stored sections: see `sections`)."""
    tag: str | None = None
    """tag:X as typed (resolved to stored tags: see `tag_keys`)."""
    lang: str | None = None
    since: date | None = None
    """First day included."""
    until: date | None = None
    """Last day included."""
    year: int | None = None
    """A facet year, intersected with since/until."""
    unread: bool = False
    starred: bool = False
    sections: tuple[str, ...] | None = None
    """The stored section values `section` stands for, once the store resolved it (None: not
    resolved, `section` is compared as is)."""
    tag_keys: tuple[str, ...] | None = None
    """The stored (folded) tag keys `tag` stands for, once the store resolved it."""
    newsroom: str | None = None
    """newsroom:ID, a profile id: which newsroom's cache is read (newsrooms/multistore; one
    newsroom's store holds only its own releases and leaves this to its caller)."""

    @property
    def is_empty_text(self) -> bool:
        """True when nothing is searched for in the text (filters alone, or nothing)."""
        return self.expr is None

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
        """A copy with some filters replaced (the app adds facet filters on top of a search).

        A changed section or tag forgets what the old value had been resolved to.
        """
        if "section" in changes:
            changes.setdefault("sections", None)
        if "tag" in changes:
            changes.setdefault("tag_keys", None)
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

    def _top(self) -> tuple[list[Node], list[Node]]:
        """The top level's required nodes and excluded nodes."""
        if self.expr is None:
            return [], []
        nodes = list(self.expr.nodes) if isinstance(self.expr, And) else [self.expr]
        positive: list[Node] = [n for n in nodes if not isinstance(n, Not)]
        negative: list[Node] = [n.node for n in nodes if isinstance(n, Not)]
        return positive, negative

    @property
    def has_required_text(self) -> bool:
        """True when some text must match (not only excluded words)."""
        return bool(self._top()[0])

    def match_expression(self) -> str | None:
        """The FTS5 MATCH text of the search (None when it only excludes, or has no text)."""
        positive = self._top()[0]
        if not positive or self.expr is None:
            return None
        return _fts(self.expr, top=True)

    def exclusion_expression(self) -> str | None:
        """FTS5 MATCH text matching any excluded part: used when nothing is required."""
        positive, negative = self._top()
        if positive or not negative:
            return None
        return " OR ".join(_fts(n) for n in negative)

    def highlight_terms(self) -> list[str]:
        """The searched words and phrases (not the excluded ones), for highlighting."""
        if self.expr is None:
            return []
        return [term.text for term, negated in _terms(self.expr) if not negated]


# --- tokenizer -------------------------------------------------------------------------------

FILTER_KEYS = ("section", "tag", "lang", "since", "until", "year", "is", "newsroom")
_WORDY = lazy_compile(r"[^\W_]")
_LANG = lazy_compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")
_NEWSROOM = lazy_compile(r"^[a-z0-9][a-z0-9_-]*$")
_DATE = lazy_compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_KEY = lazy_compile(r"[A-Za-z]+")
_OPERATORS = {"OR": "or", "AND": "and", "NOT": "not"}
_STOP = ' \t\n\r\f\v"()'


@dataclass(slots=True)
class _Token:
    kind: str
    """'word', 'phrase', 'or', 'and', 'not', '(', ')', 'filter'."""
    value: str
    negated: bool = False
    prefix: bool = False
    key: str = ""


def _read_quoted(text: str, start: int) -> tuple[str, int]:
    """The text between the quote at `start` and the next one; index after the closing quote."""
    end = text.find('"', start + 1)
    if end < 0:
        raise QueryError(_('unbalanced quote: close the phrase with another "'))
    return text[start + 1 : end], end + 1


def _needs_value(key: str) -> str:
    return _("{key}: needs a value (for example {example})").format(
        key=key, example=f"{key}:{_EXAMPLES[key]}"
    )


def _unknown_key(key: str, value: str) -> QueryError:
    known = ", ".join(f"{k}:" for k in FILTER_KEYS)
    return QueryError(
        _(
            "unknown filter {key}: (filters are {known}); to search for the text, quote it:"
            ' "{key}:{value}"'
        ).format(key=key, known=known, value=value)
    )


def _tokens(text: str) -> Iterator[_Token]:
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()":
            yield _Token(ch, ch)
            i += 1
            continue
        negated = False
        if ch == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
            ch = text[i]
            if ch in "()":
                yield _Token("not", "-")
                continue
        if ch == '"':
            value, i = _read_quoted(text, i)
            prefix = i < n and text[i] == "*"
            if prefix:
                i += 1
            yield _Token("phrase", value, negated=negated, prefix=prefix)
            continue
        start = i
        while i < n and text[i] not in _STOP:
            i += 1
        word = text[start:i]
        key, sep, value = word.partition(":")
        if sep and _KEY.fullmatch(key) and not value.startswith("//"):
            lowered = key.lower()
            if i < n and text[i] == '"' and not value:
                value, i = _read_quoted(text, i)
                if i < n and text[i] == "*":
                    value += "*"
                    i += 1
            elif not value:
                if lowered in FILTER_KEYS:
                    raise QueryError(_needs_value(lowered))
                # "Attention:" is a word followed by punctuation
                yield _Token("word", word, negated=negated)
                continue
            if lowered not in FILTER_KEYS:
                raise _unknown_key(key, value)
            yield _Token("filter", value, negated=negated, key=lowered)
            continue
        if word in _OPERATORS and not negated:
            yield _Token(_OPERATORS[word], word)
            continue
        prefix = word.endswith("*")
        yield _Token("word", word.rstrip("*"), negated=negated, prefix=prefix)


# --- parser ----------------------------------------------------------------------------------


def _parse_date(key: str, value: str, *, end: bool) -> date:
    match = _DATE.match(value.strip())
    if not match:
        raise QueryError(
            _("{key}: expects a date like 2024 or 2024-03 or 2024-03-15").format(key=key)
        )
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
        raise QueryError(
            _("{key}: {value} is not a real date").format(key=key, value=value)
        ) from None


def _apply_filter(fields: dict[str, Any], key: str, value: str) -> None:
    value = value.strip()
    if not value:
        raise QueryError(_needs_value(key))
    if key in ("section", "tag"):
        if not _WORDY.search(value):
            raise QueryError(_("{key}: needs a value with letters or digits").format(key=key))
        fields[key] = value
    elif key == "lang":
        lang = value.lower()
        if not _LANG.match(lang):
            raise QueryError(_("lang: expects a language code like fr, en or es"))
        fields["lang"] = lang
    elif key == "since":
        fields["since"] = _parse_date(key, value, end=False)
    elif key == "until":
        fields["until"] = _parse_date(key, value, end=True)
    elif key == "newsroom":
        newsroom = value.lower()
        if not _NEWSROOM.match(newsroom):
            raise QueryError("newsroom: expects a profile id like iom-en")
        fields["newsroom"] = newsroom
    elif key == "year":
        if not re.fullmatch(r"\d{4}", value) or int(value) < 1:
            raise QueryError(_("year: expects a four-digit year like 2024"))
        fields["year"] = int(value)
    elif key == "is":
        flag = value.lower()
        if flag not in ("unread", "starred"):
            raise QueryError(_("is: expects unread or starred"))
        fields[flag] = True


_EXAMPLES = {
    "section": "communiques",
    "tag": "Afrique",
    "lang": "fr",
    "since": "2024-03",
    "until": "2024-12-31",
    "year": "2024",
    "is": "unread",
    "newsroom": "iom-en",
}


class _Parser:
    """Recursive descent over the tokens: and := or+ ; or := not (OR not)* ; not := NOT not | atom."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.at = 0
        self.fields: dict[str, Any] = {}
        self.terms = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def parse(self) -> Node | None:
        node = self.conjunction(depth=0)
        token = self.peek()
        if token is not None:  # only a stray ')' stops a top-level conjunction
            raise QueryError(_("unbalanced parenthesis: ')' without its '('"))
        return node

    def conjunction(self, depth: int) -> Node | None:
        nodes: list[Node] = []
        after_operand = False
        while (token := self.peek()) is not None and token.kind != ")":
            if token.kind == "and":
                self.at += 1
                following = self.peek()
                if not after_operand or following is None or following.kind in (")", "and", "or"):
                    raise QueryError(_("'AND' needs a word on each side"))
                after_operand = False
                continue
            if token.kind == "or":
                raise QueryError(_("'OR' needs a word on each side"))
            after_operand = True
            if token.kind == "filter":
                self.at += 1
                if depth:
                    raise QueryError(
                        _(
                            "{key}: applies to the whole search: put it outside the parentheses"
                        ).format(key=token.key)
                    )
                if token.negated:
                    raise QueryError(
                        _("{key}: cannot be excluded with - or NOT").format(key=token.key)
                    )
                _apply_filter(self.fields, token.key, token.value)
                continue
            node = self.alternatives(depth)
            if node is not None:
                nodes.append(node)
        if not nodes:
            return None
        return nodes[0] if len(nodes) == 1 else And(tuple(nodes))

    def alternatives(self, depth: int) -> Node | None:
        first = self.negation(depth)
        options = [first] if first is not None else []
        while (token := self.peek()) is not None and token.kind == "or":
            self.at += 1
            if not options:
                raise QueryError(_("'OR' needs a word on each side"))
            following = self.peek()
            if following is None or following.kind in (")", "or", "and"):
                raise QueryError(_("'OR' needs a word on each side"))
            if following.kind == "filter":
                raise QueryError(
                    _("{key}: applies to the whole search and cannot be one side of OR").format(
                        key=following.key
                    )
                )
            option = self.negation(depth)
            if option is None:
                raise QueryError(_("'OR' needs a word on each side"))
            options.append(option)
        if len(options) > 1:
            if any(_negative_only(o) for o in options):
                raise QueryError(
                    _(
                        "'OR' cannot have an excluded -word or NOT on one side: use parentheses,"
                        " as in a OR (b -c)"
                    )
                )
            return Or(tuple(options))
        return options[0] if options else None

    def negation(self, depth: int) -> Node | None:
        token = self.peek()
        if token is not None and token.kind == "not":
            self.at += 1
            following = self.peek()
            if following is None or following.kind in (")", "or", "and"):
                raise QueryError(_("'NOT' needs a word after it"))
            if following.kind == "filter":
                raise QueryError(
                    _("{key}: cannot be excluded with - or NOT").format(key=following.key)
                )
            node = self.negation(depth)
            if node is None:
                return None
            return node.node if isinstance(node, Not) else Not(node)
        return self.atom(depth)

    def atom(self, depth: int) -> Node | None:
        token = self.peek()
        assert token is not None
        self.at += 1
        if token.kind == "(":
            if depth >= MAX_DEPTH:
                raise QueryError(
                    _("too many nested parentheses: at most {limit}").format(limit=MAX_DEPTH)
                )
            inner = self.conjunction(depth + 1)
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise QueryError(_("unbalanced parenthesis: close it with ')'"))
            self.at += 1
            if inner is not None and _negative_only(inner):
                raise QueryError(
                    _("a group in parentheses needs a word to search, not only -words")
                )
            return inner
        if token.kind == "filter":
            # only reached as the operand of OR or NOT: both refuse filters before getting here
            raise QueryError(_("{key}: applies to the whole search").format(key=token.key))
        value = " ".join(token.value.split())
        if not _WORDY.search(value):
            if token.prefix:
                raise QueryError(_("* must follow a word, as in secu*"))
            return None
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise QueryError(_("too many words: at most {limit}").format(limit=MAX_TERMS))
        term = Term(value, phrase=token.kind == "phrase", prefix=token.prefix)
        return Not(term) if token.negated else term


def _negative_only(node: Node) -> bool:
    """True for a node that only excludes (FTS5 cannot search for 'everything but')."""
    if isinstance(node, Not):
        return True
    if isinstance(node, And):
        return all(_negative_only(n) for n in node.nodes)
    if isinstance(node, Or):
        return any(_negative_only(n) for n in node.nodes)
    return False


def parse_query(text: str, filters: Sequence[tuple[str, str]] = ()) -> Query:
    """Parse what the user typed. Raises QueryError (one line) when it cannot be understood.

    `filters` are (key, value) pairs applied after the text, exactly as if `key:value` had been
    typed at its end (the CLI's --section, --since... flags).
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            _("search too long: keep it under {limit} characters").format(
                limit=format_number(MAX_QUERY_LENGTH)
            )
        )
    parser = _Parser(list(_tokens(text)))
    expr = parser.parse()
    for key, value in filters:
        if key not in FILTER_KEYS:
            raise _unknown_key(key, value)
        _apply_filter(parser.fields, key, value)
    query = Query(text=text.strip(), expr=expr, **parser.fields)
    first, last = query.since, query.until
    if first and last and first > last:
        raise QueryError(_("since: is after until: nothing can match"))
    return query
