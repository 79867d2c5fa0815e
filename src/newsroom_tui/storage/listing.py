"""The release list's queries: how many releases match, one window of them newest (or oldest)
first, and where a release stands in that order; the ids of the unread ones (marking a whole
list read).

Speed: a release's `rk` (its integer primary key and its FTS rowid) grows with its publication
date, so every list is `ORDER BY rk DESC LIMIT n`, which SQLite and FTS5 stream newest first and
stop early; date filters become rk ranges. Unread and starred read the copies of the flags kept
beside the sort key (releases, release_tags) through partial indexes, so every filter list, its
count, a window at any offset and index_of walk one index (a few ms at 100,000 releases, even at
the end of the list). Counting the matches of a text search is capped at TEXT_COUNT_CAP (the
exact number past that is not worth a full scan of the index). Everything here selects sort keys
only (`filters.source(key_only=True)`): a text search with a tag probes the tag's index for each
match instead of reading its release row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsroom_tui.records import ReleaseRow
from newsroom_tui.storage import filters
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.values import from_iso, json_strings

if TYPE_CHECKING:
    from newsroom_tui.query import Query

TEXT_COUNT_CAP = 10_000
"""count() and search().total stop counting text matches here (the UI shows "10000+")."""

ROW_COLUMNS = "r.id, r.title, r.published_iso, r.section, r.tags, r.read, r.starred, r.edit_unseen"
"""The columns of a ReleaseRow, from `releases r`."""


def release_row(row: Sequence[Any]) -> ReleaseRow:
    """A ReleaseRow from the ROW_COLUMNS of one result row."""
    return ReleaseRow(
        id=row[0],
        title=row[1],
        published=from_iso(row[2]),
        section=row[3],
        tags=json_strings(row[4]),
        read=bool(row[5]),
        starred=bool(row[6]),
        updated=bool(row[7]),
    )


class ReleaseListing:
    """count / rows / index_of over one database."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def count_capped(self, query: Query) -> tuple[int, bool]:
        """count(query) and whether it is only a lower bound (text search past the cap)."""
        total = self.count(query)
        return total, query.match_expression() is not None and total >= TEXT_COUNT_CAP

    def count(self, query: Query) -> int:
        """How many releases match: exact for filters; capped at TEXT_COUNT_CAP for text."""
        read_one = self._db.read_one
        match = query.match_expression()
        if match is None:  # every filter has an index (unread ones: partial indexes)
            source, params, _ = filters.source(query, key_only=True)
            return int(read_one(f"SELECT count(*) {source}", params)[0])
        if not query.has_filters:
            row = read_one(
                "SELECT count(*) FROM (SELECT rowid FROM release_fts WHERE release_fts MATCH ?"
                " LIMIT ?)",
                (match, TEXT_COUNT_CAP),
            )
            return int(row[0])
        source, params, _ = filters.source(query, key_only=True)
        row = read_one(
            f"SELECT count(*) FROM (SELECT 1 {source} LIMIT ?)", [*params, TEXT_COUNT_CAP]
        )
        return int(row[0])

    def rows(
        self, query: Query, offset: int, limit: int, *, oldest_first: bool = False
    ) -> list[ReleaseRow]:
        """One window of the list, newest first (publication time, then a stable per-id order),
        or in the reverse order."""
        with self._db.snapshot():  # both steps see the same state
            return self.rows_by_rk(self.keys(query, offset, limit, oldest_first=oldest_first))

    def keys(
        self, query: Query, offset: int, limit: int, *, oldest_first: bool = False
    ) -> list[int]:
        """The sort keys of one window of the list (what rows() shows, without the columns)."""
        source, params, key = filters.source(query, key_only=True)
        direction = "ASC" if oldest_first else "DESC"
        return [
            int(r[0])
            for r in self._db.read(
                f"SELECT {key} {source} ORDER BY {key} {direction} LIMIT ? OFFSET ?",
                [*params, max(0, limit), max(0, offset)],
            )
        ]

    def count_before_key(self, query: Query, rk: int, *, oldest_first: bool = False) -> int:
        """How many matches come before sort key `rk` (newer, or older when oldest first)."""
        source, params, key = filters.source(query, key_only=True)
        before = "<" if oldest_first else ">"
        row = self._db.read_one(f"SELECT count(*) {source} AND {key} {before} ?", [*params, rk])
        return int(row[0])

    def matching_ids(self, query: Query, ids: Sequence[str]) -> list[str]:
        """The ids among `ids` that match `query`, newest first (for a few ids: the key list
        is probed, not scanned)."""
        found: list[tuple[int, str]] = []
        source, params, key = filters.source(query, key_only=True)
        for start in range(0, len(ids), 200):
            chunk = list(ids[start : start + 200])
            marks = ",".join("?" * len(chunk))
            keys = {
                int(rk): str(rid)
                for rk, rid in self._db.read(
                    f"SELECT rk, id FROM releases WHERE id IN ({marks})", chunk
                )
            }
            if not keys:
                continue
            marks = ",".join("?" * len(keys))
            for (rk,) in self._db.read(
                f"SELECT {key} {source} AND {key} IN ({marks})", [*params, *keys]
            ):
                found.append((int(rk), keys[int(rk)]))
        return [rid for _, rid in sorted(found, reverse=True)]

    def release_key(self, release_id: str) -> int | None:
        found = self._db.read_one("SELECT rk FROM releases WHERE id = ?", (release_id,))
        return None if found is None else int(found[0])

    def rows_by_id(self, ids: Sequence[str]) -> list[ReleaseRow]:
        """The list columns of these releases, in the given order (unknown ids left out)."""
        found: dict[str, ReleaseRow] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for r in self._db.read(
                f"SELECT {ROW_COLUMNS} FROM releases r WHERE r.id IN ({marks})", chunk
            ):
                found[r[0]] = release_row(r)
        return [found[i] for i in ids if i in found]

    def unread_ids(self, query: Query) -> list[str]:
        """The ids of the unread releases matching `query`, newest first."""
        source, params, key = filters.source(query.with_filters(unread=True), key_only=True)
        with self._db.snapshot():
            keys = [int(r[0]) for r in self._db.read(f"SELECT {key} {source}", params)]
            ids: dict[int, str] = {}
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for rk, rid in self._db.read(
                    f"SELECT rk, id FROM releases WHERE rk IN ({marks})", chunk
                ):
                    ids[int(rk)] = str(rid)
        return [ids[k] for k in sorted(keys, reverse=True) if k in ids]

    def rows_by_rk(self, keys: Sequence[int]) -> list[ReleaseRow]:
        """The list columns of these releases, in the given order."""
        found = self.rows_by_key(keys)
        return [found[k] for k in keys if k in found]

    def rows_by_key(self, keys: Sequence[int]) -> dict[int, ReleaseRow]:
        """The list columns of these releases by sort key (unknown keys left out)."""
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        return {
            int(r[-1]): release_row(r)
            for r in self._db.read(
                f"SELECT {ROW_COLUMNS}, r.rk FROM releases r WHERE r.rk IN ({marks})",
                list(keys),
            )
        }

    def index_of(self, query: Query, release_id: str, *, oldest_first: bool = False) -> int | None:
        """Position of a release in rows(query, ...), or None when it does not match."""
        found = self._db.read_one("SELECT rk FROM releases WHERE id = ?", (release_id,))
        if found is None:
            return None
        rk = int(found[0])
        source, params, key = filters.source(query, key_only=True)
        if self._db.read_one(f"SELECT 1 {source} AND {key} = ?", [*params, rk]) is None:
            return None
        before = "<" if oldest_first else ">"
        row = self._db.read_one(f"SELECT count(*) {source} AND {key} {before} ?", [*params, rk])
        return int(row[0])
