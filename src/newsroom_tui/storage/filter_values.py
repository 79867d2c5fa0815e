"""What the section:, tag: and lang: filters stand for in one database.

A typed value is matched against the values stored, ignoring case, accents and punctuation:
a value equal to a stored one (as stored, or once folded) stands for that one alone, else it
stands for every stored value starting with it (`section:communiques` is "Communiqués de
presse"; `tag:clim` is "Climat"); `tag:afri*` asks for every value starting so even when one is
equal. A value that matches nothing gets a one-line hint naming the closest stored values.

The stored values are read by walking the indexes from one distinct value to the next (one seek
each, never a scan of the rows), and kept until the next commit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from newsroom_tui.i18n import N_, _
from newsroom_tui.lazy_re import lazy_compile
from newsroom_tui.local_formats import format_number
from newsroom_tui.query import Query
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.values import fold

MAX_VALUES = 5_000
"""Distinct values read per kind at most (a newsroom has tens of sections, hundreds of tags)."""
HINTS = 3
"""Closest values named when a filter matches nothing."""

_NON_WORD = lazy_compile(r"[\W_]+")
_PLAIN = lazy_compile(r"[^\W_][\w-]*")


def match_key(text: str) -> str:
    """The form filters compare: case, accents and punctuation folded away, spaces single."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


@dataclass(frozen=True, slots=True)
class _Value:
    key: str
    """match_key of the value."""
    stored: str
    """What the filter's SQL compares with (a section as stored, a tag's folded key)."""
    shown: str
    """The value as a person would type it (a section, a tag as first written)."""


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    sections: tuple[_Value, ...]
    tags: tuple[_Value, ...]
    languages: tuple[str, ...]


def _resolve(typed: str, values: Sequence[_Value], exact: str) -> tuple[str, ...]:
    """The stored values `typed` stands for (`exact`: its form compared with `stored`)."""
    star = typed.endswith("*")
    key = match_key(typed.rstrip("*"))
    if not key:
        return ()
    if not star:
        same = [v.stored for v in values if v.stored == exact]
        if same:
            return tuple(same)
        same = [v.stored for v in values if v.key == key]
        if same:
            return tuple(same)
    return tuple(dict.fromkeys(v.stored for v in values if v.key.startswith(key)))


def _typed_form(key: str, value: str) -> str:
    """`key:value` as it can be typed back (quoted unless it is one plain word)."""
    if _PLAIN.fullmatch(value):
        return f"{key}:{value}"
    return f'{key}:"{value.replace(chr(34), "")}"'


def _closest(typed: str, values: Sequence[_Value]) -> list[_Value]:
    """The values nearest to `typed`: those containing it as a word part first, then by
    similarity of spelling."""
    import difflib  # only when a value matches nothing (~5 ms to import)

    key = match_key(typed.rstrip("*"))
    containing = [v for v in values if key and key in v.key]
    by_key = {v.key: v for v in values}
    similar = [by_key[k] for k in difflib.get_close_matches(key, list(by_key), n=HINTS, cutoff=0.5)]
    chosen: list[_Value] = []
    for value in [*containing, *similar]:
        if value not in chosen:
            chosen.append(value)
    return chosen[:HINTS]


_MISSES = {
    "section": (
        N_("{what} matches nothing: no release has a section yet"),
        N_("{what} matches no section; closest: {names}"),
        N_("{what} matches no section; the sections are {names}"),
    ),
    "tag": (
        N_("{what} matches nothing: no release has a tag yet"),
        N_("{what} matches no tag; closest: {names}"),
        N_("{what} matches no tag; the tags are {names}"),
    ),
}
"""What a section: or tag: value that matches nothing says: with nothing stored, with close
values, with the stored ones listed."""


def _miss(key: str, typed: str, values: Sequence[_Value]) -> str:
    nothing, closest_are, values_are = _MISSES[key]
    what = _typed_form(key, typed)
    if not values:
        return _(nothing).format(what=what)
    closest = _closest(typed, values)
    if closest:
        names = ", ".join(_typed_form(key, v.shown) for v in closest)
        return _(closest_are).format(what=what, names=names)
    names = ", ".join(_typed_form(key, v.shown) for v in values[:HINTS])
    if len(values) > HINTS:
        names += " " + _("(and {count} more)").format(count=format_number(len(values) - HINTS))
    return _(values_are).format(what=what, names=names)


class FilterValues:
    """Resolves a query's section: and tag: values, and explains the ones that match nothing."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._cached: tuple[tuple[int, int], _Vocabulary] | None = None

    def resolve(self, query: Query) -> Query:
        """The query with `sections` and `tag_keys` set (a copy; unchanged when it has neither
        filter or they are resolved already)."""
        if query.section and query.sections is None:
            sections = _resolve(query.section, self.vocabulary().sections, query.section)
            query = dataclasses.replace(query, sections=sections)
        if query.tag and query.tag_keys is None:
            tag_keys = _resolve(query.tag, self.vocabulary().tags, fold(query.tag))
            query = dataclasses.replace(query, tag_keys=tag_keys)
        return query

    def misses(self, query: Query) -> list[str]:
        """One line for each of the query's section:, tag: and lang: values that matches no
        stored value, naming the closest ones."""
        lines: list[str] = []
        if not (query.section or query.tag or query.lang):
            return lines
        vocabulary = self.vocabulary()
        resolved = self.resolve(query)
        if query.section and not resolved.sections:
            lines.append(_miss("section", query.section, vocabulary.sections))
        if query.tag and not resolved.tag_keys:
            lines.append(_miss("tag", query.tag, vocabulary.tags))
        if query.lang and query.lang not in vocabulary.languages:
            if vocabulary.languages:
                known = ", ".join(f"lang:{code}" for code in vocabulary.languages)
                lines.append(
                    _("{what} matches no release; the languages are {known}").format(
                        what=f"lang:{query.lang}", known=known
                    )
                )
            else:
                lines.append(
                    _("{what} matches nothing: no release is stored yet").format(
                        what=f"lang:{query.lang}"
                    )
                )
        return lines

    def vocabulary(self) -> _Vocabulary:
        """Every distinct section, tag and language (cached until the next commit)."""
        with self._db.lock:
            version = self._db.version()
            if self._cached is not None and self._cached[0] == version:
                return self._cached[1]
            with self._db.snapshot():
                vocabulary = _Vocabulary(
                    sections=tuple(
                        _Value(match_key(s), s, s)
                        for s in self._distinct("SELECT section FROM releases WHERE section > ?")
                    ),
                    tags=tuple(self._tags()),
                    languages=tuple(
                        self._distinct("SELECT language FROM releases WHERE language > ?")
                    ),
                )
            self._cached = (version, vocabulary)
            return vocabulary

    def _distinct(self, sql: str) -> list[str]:
        """The distinct values of an indexed column, one index seek each (column > last)."""
        found: list[str] = []
        last = ""
        sql += " ORDER BY 1 LIMIT 1"
        while len(found) < MAX_VALUES:
            row = self._db.read_one(sql, (last,))
            if row is None:
                break
            last = str(row[0])
            found.append(last)
        return found

    def _tags(self) -> list[_Value]:
        values: list[_Value] = []
        last = ""
        while len(values) < MAX_VALUES:
            row = self._db.read_one(
                "SELECT tag_key, tag FROM release_tags WHERE tag_key > ? ORDER BY tag_key LIMIT 1",
                (last,),
            )
            if row is None:
                break
            last = str(row[0])
            values.append(_Value(match_key(str(row[1])), last, str(row[1])))
        return values
