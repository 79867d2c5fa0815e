"""MultiStore: the caches of several newsrooms read as one, each kept in its own database.

Every newsroom keeps its own file (`<data>/<profile>/newsroom.sqlite3`), so existing caches keep
their releases and read/starred state untouched and a sync of one newsroom never waits for
another's writes. What the reader lists across newsrooms is merged here:

- Ids: a release of the home newsroom (the one the reader was opened on) keeps its id; a release
  of another newsroom is `newsroom:id` (`iom-en:k4vq2m7xwa3d`). Every method takes and returns
  these qualified ids, so the reader never needs to know which file a release lives in.
- Order: a release's sort key (`rk`) is its publication time with a tie-break in the low bits,
  the same scale in every database, so newest first across newsrooms is a k-way merge of each
  store's own newest-first keys (ties: the newsrooms' order). Windows are read key-only from each
  store and merged (`MergedWindows`, which keeps checkpoints so scrolling reads only what it
  shows), then the rows of the window are read by key.
- `newsroom:ID` in a query keeps the newsrooms it names; without it every newsroom is read.

Every method may raise StoreError (from the store that failed).
"""

from __future__ import annotations

import dataclasses
import heapq
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from newsroom_tui.models import (
    DirectoryContact,
    Facets,
    Release,
    ReleaseRow,
    ReleaseVersion,
    SearchHit,
    SearchResults,
    SectionPage,
)
from newsroom_tui.query import Query
from newsroom_tui.storage.store import TEXT_COUNT_CAP, Store

SEPARATOR = ":"
_FAN_OUT = ThreadPoolExecutor(max_workers=4, thread_name_prefix="newsrooms")
"""Each newsroom's count (and search) is read at the same time as the others' (SQLite works
without the GIL, and each store has its own connection and lock)."""
MAX_CHECKPOINTS = 512
"""Merge positions MergedWindows keeps (each window read adds one; a jump reads from the
nearest one before it)."""


class MultiStore:
    """Several newsrooms' stores, read as one (see the module's docstring)."""

    def __init__(self, stores: Mapping[str, Store], home: str) -> None:
        if home not in stores:
            raise ValueError(f"the home newsroom {home!r} has no store")
        self._stores = dict(stores)
        self.home = home
        self.ids: tuple[str, ...] = tuple(self._stores)
        self._owned = False

    @classmethod
    def open(
        cls, databases: Mapping[str, Path], home: str, *, check: bool | None = None
    ) -> MultiStore:
        """Open each newsroom's database (closed again by `close()`)."""
        stores: dict[str, Store] = {}
        try:
            for newsroom, path in databases.items():
                path.parent.mkdir(parents=True, exist_ok=True)
                stores[newsroom] = Store.open(path, check=check)
        except BaseException:
            for store in stores.values():
                store.close()
            raise
        multi = cls(stores, home)
        multi._owned = True
        return multi

    def close(self) -> None:
        if self._owned:
            for store in self._stores.values():
                store.close()

    def __enter__(self) -> MultiStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- ids ----------------------------------------------------------------------------

    def store(self, newsroom: str) -> Store:
        return self._stores[newsroom]

    @property
    def home_store(self) -> Store:
        return self._stores[self.home]

    def qualify(self, newsroom: str, ref: str) -> str:
        """The reader's id for a release (or section key) of `newsroom`."""
        return ref if newsroom == self.home else f"{newsroom}{SEPARATOR}{ref}"

    def split(self, ref: str) -> tuple[str, str]:
        """(newsroom, id in its store) of a qualified id."""
        head, sep, rest = ref.partition(SEPARATOR)
        if sep and head != self.home and head in self._stores:
            return head, rest
        return self.home, ref

    def newsroom_of(self, ref: str) -> str:
        return self.split(ref)[0]

    def _qualified_row(self, newsroom: str, row: ReleaseRow) -> ReleaseRow:
        return dataclasses.replace(row, id=self.qualify(newsroom, row.id), newsroom=newsroom)

    def scope(self, query: Query) -> list[str]:
        """The newsrooms a query reads, in order (`newsroom:ID` keeps the one it names)."""
        if query.newsroom is None:
            return list(self.ids)
        return [n for n in self.ids if n == query.newsroom]

    def _scoped(self, query: Query) -> list[tuple[int, str, Store]]:
        return [(self.ids.index(n), n, self._stores[n]) for n in self.scope(query)]

    # ---- the list -----------------------------------------------------------------------

    def count(self, query: Query) -> int:
        return self.count_capped(query)[0]

    def count_capped(self, query: Query) -> tuple[int, bool]:
        counted = fan_out([store for _, _, store in self._scoped(query)], "count_capped", query)
        return sum(n for n, _ in counted), any(capped for _, capped in counted)

    def rows(
        self, query: Query, offset: int, limit: int, *, oldest_first: bool = False
    ) -> list[ReleaseRow]:
        return MergedWindows(self, query, oldest_first=oldest_first).rows(offset, limit)

    def rows_by_id(self, refs: Sequence[str]) -> list[ReleaseRow]:
        by_newsroom: dict[str, list[str]] = {}
        for ref in refs:
            newsroom, rid = self.split(ref)
            by_newsroom.setdefault(newsroom, []).append(rid)
        found: dict[str, ReleaseRow] = {}
        for newsroom, ids in by_newsroom.items():
            for row in self._stores[newsroom].rows_by_id(ids):
                qualified = self._qualified_row(newsroom, row)
                found[qualified.id] = qualified
        return [found[r] for r in refs if r in found]

    def index_of(self, query: Query, ref: str, *, oldest_first: bool = False) -> int | None:
        """Position of a release in rows(query, ...), or None when it does not match."""
        newsroom, rid = self.split(ref)
        scoped = self._scoped(query)
        if newsroom not in (n for _, n, _ in scoped):
            return None
        own = self._stores[newsroom]
        position = own.index_of(query, rid, oldest_first=oldest_first)
        if position is None:
            return None
        rk = own.release_key(rid)
        if rk is None:
            return None
        mine = self.ids.index(newsroom)
        for index, _, store in scoped:
            if index == mine:
                continue
            # Equal keys: the newsroom listed first comes first (newest first), last (oldest).
            ahead = index < mine if not oldest_first else index > mine
            bound = rk + (1 if oldest_first else -1) if ahead else rk
            position += store.count_before_key(query, bound, oldest_first=oldest_first)
        return position

    def unread_ids(self, query: Query) -> list[str]:
        return [
            self.qualify(n, rid)
            for _, n, store in self._scoped(query)
            for rid in store.unread_ids(query)
        ]

    def ranked_ids(self, query: Query) -> list[str]:
        """Relevance ranks within one newsroom (bm25 scores of two databases do not compare):
        with several in scope, [] (the list stays newest first)."""
        scoped = self._scoped(query)
        if len(scoped) != 1:
            return []
        _, newsroom, store = scoped[0]
        return [self.qualify(newsroom, rid) for rid in store.ranked_ids(query)]

    def filter_misses(self, query: Query) -> list[str]:
        """The filter values no newsroom in scope holds (a value one of them holds is fine)."""
        if query.newsroom is not None and not self.scope(query):
            enabled = ", ".join(self.ids)
            return [
                f"newsroom:{query.newsroom} matches no newsroom shown here; newsrooms: {enabled}"
            ]
        common: list[str] | None = None
        for _, _, store in self._scoped(query):
            misses = store.filter_misses(query)
            common = misses if common is None else [m for m in common if m in misses]
        return common or []

    # ---- search -------------------------------------------------------------------------

    def search(
        self,
        query: Query,
        *,
        limit: int = 20,
        offset: int = 0,
        order: Literal["newest", "relevance"] = "newest",
    ) -> SearchResults:
        """Hits from every newsroom in scope (qualified ids, `newsroom` set), newest first; with
        one newsroom in scope, its own order (relevance included)."""
        scoped = self._scoped(query)
        if len(scoped) == 1:
            _, newsroom, store = scoped[0]
            results = store.search(query, limit=limit, offset=offset, order=order)
            results.hits = [self._qualified_hit(newsroom, hit) for hit in results.hits]
            return results
        total = 0
        streams: list[list[tuple[tuple[float, int], SearchHit]]] = []
        found = fan_out(
            [store for _, _, store in scoped], "search", query, limit=offset + limit, order="newest"
        )
        for (index, newsroom, _), results in zip(scoped, found, strict=True):
            total += results.total
            streams.append(
                [
                    (_newest_first(hit.published, index), self._qualified_hit(newsroom, hit))
                    for hit in results.hits
                ]
            )
        merged = [hit for _, hit in heapq.merge(*streams, key=lambda pair: pair[0])]
        return SearchResults(query.text, total, merged[offset : offset + limit])

    def _qualified_hit(self, newsroom: str, hit: SearchHit) -> SearchHit:
        return dataclasses.replace(hit, id=self.qualify(newsroom, hit.id), newsroom=newsroom)

    def snippet(self, query: Query, ref: str) -> str:
        newsroom, rid = self.split(ref)
        return self._stores[newsroom].snippet(query, rid)

    # ---- counts and facets --------------------------------------------------------------

    def unread_count(self, newsroom: str | None = None) -> int:
        if newsroom is not None:
            return self._stores[newsroom].unread_count()
        return sum(store.unread_count() for store in self._stores.values())

    def facets(self, newsroom: str) -> Facets:
        return self._stores[newsroom].facets()

    # ---- single records -----------------------------------------------------------------

    def get_release(self, ref: str) -> Release | None:
        """The release, its id the reader's (qualified)."""
        newsroom, rid = self.split(ref)
        release = self._stores[newsroom].get_release(rid)
        if release is None or newsroom == self.home:
            return release
        return dataclasses.replace(release, id=self.qualify(newsroom, release.id))

    def set_read(self, refs: Iterable[str], read: bool) -> None:
        by_newsroom: dict[str, list[str]] = {}
        for ref in refs:
            newsroom, rid = self.split(ref)
            by_newsroom.setdefault(newsroom, []).append(rid)
        for newsroom, ids in by_newsroom.items():
            self._stores[newsroom].set_read(ids, read)

    def set_starred(self, ref: str, starred: bool) -> None:
        newsroom, rid = self.split(ref)
        self._stores[newsroom].set_starred(rid, starred)

    def mark_edit_seen(self, ref: str) -> None:
        newsroom, rid = self.split(ref)
        self._stores[newsroom].mark_edit_seen(rid)

    def earlier_versions(self, ref: str, limit: int = 5) -> list[ReleaseVersion]:
        newsroom, rid = self.split(ref)
        return self._stores[newsroom].earlier_versions(rid, limit=limit)

    def release_id_for_url(self, url: str, newsroom: str | None = None) -> str | None:
        """The qualified id of the release at `url`: in `newsroom` first, then the others."""
        order = [newsroom] if newsroom in self._stores else []
        order += [n for n in self.ids if n != newsroom]
        for name in order:
            rid = self._stores[name].release_id_for_url(url)
            if rid is not None:
                return self.qualify(name, rid)
        return None

    def section_key_for_url(self, url: str, newsroom: str) -> str | None:
        key = self._stores[newsroom].section_key_for_url(url)
        return None if key is None else self.qualify(newsroom, key)

    def get_section(self, ref: str) -> SectionPage | None:
        newsroom, key = self.split(ref)
        return self._stores[newsroom].get_section(key)

    def get_meta(self, key: str) -> str | None:
        return self.home_store.get_meta(key)

    def set_meta(self, key: str, value: str) -> None:
        self.home_store.set_meta(key, value)

    # ---- contacts -----------------------------------------------------------------------

    def contacts_directory(self, filter_text: str = "") -> list[DirectoryContact]:
        """Every newsroom's directory as one: the same person (the directory's key) once, with
        the releases counted across newsrooms and the most recent details."""
        merged: dict[str, DirectoryContact] = {}
        for newsroom in self.ids:
            for entry in self._stores[newsroom].contacts_directory(filter_text):
                known = merged.get(entry.key)
                if known is None:
                    merged[entry.key] = dataclasses.replace(entry)
                    continue
                newer = _later(entry.last_seen, known.last_seen)
                base = dataclasses.replace(entry if newer else known)
                other = known if newer else entry
                base.releases = known.releases + entry.releases
                base.emails = list(dict.fromkeys([*base.emails, *other.emails]))
                base.phones = list(dict.fromkeys([*base.phones, *other.phones]))
                base.changed = known.changed or entry.changed
                merged[entry.key] = base
        return sorted(merged.values(), key=lambda e: (e.name.casefold(), e.organization.casefold()))

    def releases_for_contact(self, key: str) -> list[ReleaseRow]:
        rows: list[tuple[tuple[float, int], ReleaseRow]] = []
        for index, newsroom in enumerate(self.ids):
            for row in self._stores[newsroom].releases_for_contact(key):
                rows.append(
                    (_newest_first(row.published, index), self._qualified_row(newsroom, row))
                )
        rows.sort(key=lambda pair: pair[0])
        return [row for _, row in rows]


def fan_out(stores: Sequence[Store], method: str, *args: Any, **kwargs: Any) -> list[Any]:
    """`store.method(*args, **kwargs)` for each store, at the same time when there are several;
    the results in the stores' order (the first error is raised)."""
    if len(stores) < 2:
        return [getattr(store, method)(*args, **kwargs) for store in stores]
    futures = [_FAN_OUT.submit(getattr(store, method), *args, **kwargs) for store in stores]
    return [future.result() for future in futures]


def _newest_first(published: datetime | None, index: int) -> tuple[float, int]:
    when = published.timestamp() if published is not None else float("-inf")
    return (-when, index)


def _later(a: datetime | None, b: datetime | None) -> bool:
    if a is None:
        return False
    if b is None:
        return True
    return a.astimezone(UTC) > b.astimezone(UTC)


class MergedWindows:
    """Windows of one query's list across a MultiStore's newsrooms, in one order.

    A window at `offset` is read from the nearest kept merge position (a checkpoint: how many
    releases of each newsroom come before it), key-only, then its rows by key. Scrolling reads
    what it shows plus the distance from the last checkpoint; a jump near the end merges from
    the end (when every count is exact).
    """

    def __init__(self, multi: MultiStore, query: Query, *, oldest_first: bool = False) -> None:
        self._multi = multi
        self._query = query
        self._oldest_first = oldest_first
        self._scoped = multi._scoped(query)
        self._checkpoints: dict[int, tuple[int, ...]] = {0: (0,) * len(self._scoped)}
        self._counts: tuple[int, ...] | None = None
        self._capped = False

    def counts(self) -> tuple[int, ...]:
        if self._counts is None:
            stores = [store for _, _, store in self._scoped]
            counted = fan_out(stores, "count_capped", self._query)
            self._counts = tuple(n for n, _ in counted)
            self._capped = any(capped for _, capped in counted)
        return self._counts

    def count(self) -> int:
        return sum(self.counts())

    def _order_key(self, rk: int, index: int) -> tuple[int, int]:
        return (rk, -index) if self._oldest_first else (-rk, index)

    def _merge(
        self, starts: Sequence[int], need: int, *, reverse: bool = False
    ) -> Iterator[tuple[int, int]]:
        """(position in scope, rk) of the next `need` releases from `starts`, merged."""
        oldest = self._oldest_first != reverse

        def stream(slot: int) -> Iterator[tuple[tuple[int, int], int, int]]:
            _, _, store = self._scoped[slot]
            index = self._scoped[slot][0]
            for rk in store.row_keys(self._query, starts[slot], need, oldest_first=oldest):
                key = (rk, -index) if oldest else (-rk, index)
                yield key, slot, rk

        merged = heapq.merge(*(stream(slot) for slot in range(len(self._scoped))))
        for taken, (_, slot, rk) in enumerate(merged):
            if taken >= need:
                return
            yield slot, rk

    def _offsets_at(self, offset: int) -> tuple[int, ...]:
        """How many releases of each newsroom come before `offset` in the merged list."""
        start = max(p for p in self._checkpoints if p <= offset)
        counts = self.counts()
        total = sum(counts)
        from_end = total - offset
        if not self._capped and 0 <= from_end < offset - start:
            taken = [0] * len(self._scoped)
            for slot, _ in self._merge((0,) * len(self._scoped), from_end, reverse=True):
                taken[slot] += 1
            offsets = tuple(counts[s] - taken[s] for s in range(len(self._scoped)))
        else:
            taken = list(self._checkpoints[start])
            for slot, _ in self._merge(tuple(taken), offset - start):
                taken[slot] += 1
            offsets = tuple(taken)
        if len(self._checkpoints) >= MAX_CHECKPOINTS:
            del self._checkpoints[max(self._checkpoints)]
        self._checkpoints[offset] = offsets
        return offsets

    def rows(self, offset: int, limit: int) -> list[ReleaseRow]:
        offset, limit = max(0, offset), max(0, limit)
        if not self._scoped or limit == 0:
            return []
        if len(self._scoped) == 1:
            _, newsroom, store = self._scoped[0]
            return [
                self._multi._qualified_row(newsroom, row)
                for row in store.rows(self._query, offset, limit, oldest_first=self._oldest_first)
            ]
        offsets = self._offsets_at(offset)
        window = list(self._merge(offsets, limit))
        wanted: dict[int, list[int]] = {}
        for slot, rk in window:
            wanted.setdefault(slot, []).append(rk)
        found: dict[tuple[int, int], ReleaseRow] = {}
        for slot, keys in wanted.items():
            _, newsroom, store = self._scoped[slot]
            for rk, row in store.rows_by_key(keys).items():
                found[(slot, rk)] = self._multi._qualified_row(newsroom, row)
        return [found[(slot, rk)] for slot, rk in window if (slot, rk) in found]


__all__ = ["TEXT_COUNT_CAP", "MergedWindows", "MultiStore"]
