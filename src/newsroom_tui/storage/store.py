"""The offline cache's one entry point: `Store`, a facade over one SQLite file (WAL) holding
releases, section pages, fetch state, read/starred state and an FTS5 index that folds accents.

The work is done by the modules beside it in `storage/`, named for what they hold:
- dbfile: opening, PRAGMAs, integrity check, moving a damaged file aside, transactions;
  migrations: the schema; errors: StoreError and its kinds; values: column conversions;
- writes: sync batches and the read/starred flags;
- reads: single records (a release, a section page, fetch state, settings);
- filter_values: what section:/tag: values stand for; filters, listing, search, facets: the
  reader's queries;
- directory: press contacts across releases;
- versions: earlier versions of edited releases; other_caches: a release in another newsroom's
  database.

Errors reach callers as StoreError subclasses with one-line messages, never sqlite3 text.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from newsroom_tui.storage.dbfile import BUSY_TIMEOUT, FULL_CHECK_LIMIT, Database
from newsroom_tui.storage.errors import DatabaseBusy, DatabaseTooNew, StoreError, StoreReadOnly

if TYPE_CHECKING:
    from newsroom_tui.models import (
        DirectoryContact,
        Facets,
        FetchState,
        Release,
        ReleaseRow,
        ReleaseVersion,
        SearchResults,
        SectionPage,
    )
    from newsroom_tui.query import Query
    from newsroom_tui.storage.directory import ContactDirectory
    from newsroom_tui.storage.facets import ReleaseFacets
    from newsroom_tui.storage.filter_values import FilterValues
    from newsroom_tui.storage.listing import TEXT_COUNT_CAP, ReleaseListing
    from newsroom_tui.storage.reads import RecordReads
    from newsroom_tui.storage.search import RELEVANCE_WINDOW, ReleaseSearch
    from newsroom_tui.storage.versions import MAX_VERSIONS, VersionReads
    from newsroom_tui.storage.writes import BatchResult, ReleaseWrites

_REEXPORTED = {
    "BatchResult": "newsroom_tui.storage.writes",
    "MAX_VERSIONS": "newsroom_tui.storage.versions",
    "RELEVANCE_WINDOW": "newsroom_tui.storage.search",
    "TEXT_COUNT_CAP": "newsroom_tui.storage.listing",
}


def __getattr__(name: str) -> Any:
    """The names this module passes on from its parts, imported when first asked for (see
    `Store`'s parts: a command imports only the modules it uses)."""
    module = _REEXPORTED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "BUSY_TIMEOUT",
    "FULL_CHECK_LIMIT",
    "MAX_VERSIONS",
    "RELEVANCE_WINDOW",
    "TEXT_COUNT_CAP",
    "BatchResult",
    "DatabaseBusy",
    "DatabaseTooNew",
    "Store",
    "StoreError",
    "StoreReadOnly",
]

_T = TypeVar("_T")
_PARTS_LOCK = threading.RLock()


class _part(Generic[_T]):
    """A part of the store, made (and its module imported) when first used, then kept on the
    store: `search` never imports the contacts directory's name rules, `show` never imports the
    query language (every module a command imports adds to its start-up). Made once even when
    two threads ask first at the same time."""

    def __init__(self, make: Callable[[Store], _T]) -> None:
        self._make = make
        self._name = make.__name__

    @overload
    def __get__(self, store: None, owner: type[Store]) -> _part[_T]: ...
    @overload
    def __get__(self, store: Store, owner: type[Store]) -> _T: ...
    def __get__(self, store: Store | None, owner: type[Store]) -> _part[_T] | _T:
        if store is None:
            return self
        with _PARTS_LOCK:
            made: _T | None = store.__dict__.get(self._name)
            if made is None:
                # Kept in the instance's dict, which later reads find before this descriptor.
                made = store.__dict__[self._name] = self._make(store)
        return made


class Store:
    """One SQLite database. Thread-safe: calls are serialised on one connection."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @_part
    def _writes(self) -> ReleaseWrites:
        from newsroom_tui.storage.writes import ReleaseWrites

        return ReleaseWrites(self._db)

    @_part
    def _records(self) -> RecordReads:
        from newsroom_tui.storage.reads import RecordReads

        return RecordReads(self._db)

    @_part
    def _listing(self) -> ReleaseListing:
        from newsroom_tui.storage.listing import ReleaseListing

        return ReleaseListing(self._db)

    @_part
    def _search(self) -> ReleaseSearch:
        from newsroom_tui.storage.search import ReleaseSearch

        return ReleaseSearch(self._db, self._listing)

    @_part
    def _facets(self) -> ReleaseFacets:
        from newsroom_tui.storage.facets import ReleaseFacets

        return ReleaseFacets(self._db, self._listing)

    @_part
    def _directory(self) -> ContactDirectory:
        from newsroom_tui.storage.directory import ContactDirectory

        return ContactDirectory(self._db)

    @_part
    def _filter_values(self) -> FilterValues:
        from newsroom_tui.storage.filter_values import FilterValues

        return FilterValues(self._db)

    @_part
    def _versions(self) -> VersionReads:
        from newsroom_tui.storage.versions import VersionReads

        return VersionReads(self._db)

    @classmethod
    def open(
        cls, path: Path, *, busy_timeout: float = BUSY_TIMEOUT, check: bool | None = None
    ) -> Store:
        """Open (creating it and its directory if needed), migrate, and check the database.

        A corrupt file is moved aside (see `recovered_from`) and replaced by a fresh database.
        `check`: True runs `PRAGMA quick_check` (it reads the whole file: ~4 s at 100,000
        releases), False only what opening needs; None (default) runs it when the file is under
        FULL_CHECK_LIMIT or when damage was seen last time, and otherwise a light check.
        """
        return cls(Database.open(path, busy_timeout=busy_timeout, check=check))

    # ---- the file -----------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def recovered_from(self) -> Path | None:
        """Where a corrupt database found at open was moved; None when it was fine."""
        return self._db.recovered_from

    @property
    def read_only(self) -> bool:
        return self._db.read_only

    @property
    def schema_version(self) -> int:
        return self._db.schema_version

    @property
    def _con(self) -> sqlite3.Connection:
        """The connection (for tests that damage or fill the file on purpose)."""
        return self._db.con

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ---- writes -------------------------------------------------------------------------

    def apply_batch(
        self,
        releases: Sequence[Release],
        sections: Sequence[SectionPage] = (),
        fetch_states: Sequence[FetchState] = (),
    ) -> BatchResult:
        """Store one sync batch in one transaction (see ReleaseWrites.apply_batch)."""
        return self._writes.apply_batch(releases, sections, fetch_states)

    def collect_new_ids(self) -> list[str]:
        """From now on, the ids of releases stored new by apply_batch are added to the list
        returned (a sync's new releases, for the watches)."""
        self._writes.new_ids = []
        return self._writes.new_ids

    def matching_ids(self, query: Query, ids: Sequence[str]) -> list[str]:
        """The ids among `ids` that match `query`, newest first."""
        return self._listing.matching_ids(self.resolve(query), ids)

    def set_read(self, ids: Iterable[str], read: bool) -> None:
        self._writes.set_read(ids, read)

    def set_starred(self, release_id: str, starred: bool) -> None:
        self._writes.set_starred(release_id, starred)

    def mark_edit_seen(self, release_id: str) -> None:
        """The release's changes were shown: its ✎ marker goes (reading it does that too)."""
        self._writes.mark_edit_seen(release_id)

    def set_meta(self, key: str, value: str) -> None:
        self._writes.set_meta(key, value)

    # ---- single records -----------------------------------------------------------------

    def get_release(self, release_id: str) -> Release | None:
        """The release with this id (an id from before schema v4 is accepted too)."""
        return self._records.get_release(release_id)

    def find_release(self, ref: str) -> Release | None:
        """The release named by its id, an older id or its URL (for the command line)."""
        return self._records.find_release(ref)

    def release_by_url(self, url: str) -> Release | None:
        """The release published at `url`, or None (an index lookup)."""
        return self._records.release_by_url(url)

    def earlier_versions(self, release_id: str, limit: int | None = None) -> list[ReleaseVersion]:
        """The kept earlier versions of an edited release, newest first ([] if none), at most
        `limit` (default: storage.versions.MAX_VERSIONS, all that are kept); a damaged newest
        one raises versions.delta.DeltaError (one line)."""
        if limit is None:
            return self._versions.earlier_versions(release_id)
        return self._versions.earlier_versions(release_id, limit)

    def iter_releases(self) -> Iterator[Release]:
        """Every release, newest first."""
        return self._records.iter_releases()

    def summary_only_releases(self, limit: int) -> list[Release]:
        """Releases still shown from a feed summary, newest first (a sync retries their pages)."""
        return self._records.summary_only_releases(limit)

    def release_id_for_url(self, url: str) -> str | None:
        """The id of the release published at `url`, or None (a scan: for links, not loops)."""
        return self._records.release_id_for_url(url)

    def section_key_for_url(self, url: str) -> str | None:
        """The key of the cached section page at `url`, or None."""
        return self._records.section_key_for_url(url)

    def get_section(self, key: str) -> SectionPage | None:
        return self._records.get_section(key)

    def get_fetch_state(self, url: str) -> FetchState | None:
        return self._records.get_fetch_state(url)

    def content_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """The stored content hash of each known id (unknown ids are absent)."""
        return self._records.content_hashes(ids)

    def get_meta(self, key: str) -> str | None:
        return self._records.get_meta(key)

    # ---- the list and search ------------------------------------------------------------

    def resolve(self, query: Query) -> Query:
        """The query with its section: and tag: values resolved to the stored ones (the other
        methods do it themselves; see storage/filter_values)."""
        return self._filter_values.resolve(query)

    def filter_misses(self, query: Query) -> list[str]:
        """One line for each section:, tag: or lang: value that matches nothing stored, naming
        the closest stored values (empty when every filter value matches something)."""
        return self._filter_values.misses(query)

    def count(self, query: Query) -> int:
        """How many releases match: exact for filters; capped at TEXT_COUNT_CAP for text."""
        return self._listing.count(self.resolve(query))

    def count_capped(self, query: Query) -> tuple[int, bool]:
        """count(query) and whether it is only a lower bound (text search past the cap)."""
        return self._listing.count_capped(self.resolve(query))

    def rows(
        self, query: Query, offset: int, limit: int, *, oldest_first: bool = False
    ) -> list[ReleaseRow]:
        """One window of the list, newest first (publication time, then a stable per-id order),
        or oldest first."""
        return self._listing.rows(self.resolve(query), offset, limit, oldest_first=oldest_first)

    def rows_by_id(self, ids: Sequence[str]) -> list[ReleaseRow]:
        """The list columns of these releases, in the given order (unknown ids left out)."""
        return self._listing.rows_by_id(ids)

    def row_keys(
        self, query: Query, offset: int, limit: int, *, oldest_first: bool = False
    ) -> list[int]:
        """The sort keys of one window of rows(query, ...): the publication time with a
        tie-break, on the same scale in every database (newsrooms/multistore merges on it)."""
        return self._listing.keys(self.resolve(query), offset, limit, oldest_first=oldest_first)

    def rows_by_key(self, keys: Sequence[int]) -> dict[int, ReleaseRow]:
        """The list columns of the releases with these sort keys (unknown keys left out)."""
        return self._listing.rows_by_key(keys)

    def count_before_key(self, query: Query, rk: int, *, oldest_first: bool = False) -> int:
        """How many matches of `query` come before sort key `rk` in the list's order."""
        return self._listing.count_before_key(self.resolve(query), rk, oldest_first=oldest_first)

    def release_key(self, release_id: str) -> int | None:
        """The sort key of a release, or None when it is not cached."""
        return self._listing.release_key(release_id)

    def index_of(self, query: Query, release_id: str, *, oldest_first: bool = False) -> int | None:
        """Position of a release in rows(query, ...), or None when it does not match."""
        return self._listing.index_of(self.resolve(query), release_id, oldest_first=oldest_first)

    def unread_ids(self, query: Query) -> list[str]:
        """The ids of the unread releases matching `query`, newest first."""
        return self._listing.unread_ids(self.resolve(query))

    def ranked_ids(self, query: Query) -> list[str]:
        """For a text query, the ids of its newest RELEVANCE_WINDOW matches, best first."""
        return self._search.ranked_ids(self.resolve(query))

    def search(
        self,
        query: Query,
        *,
        limit: int = 20,
        offset: int = 0,
        order: Literal["newest", "relevance"] = "newest",
    ) -> SearchResults:
        """Hits with highlighted snippets; `total` is count(query) (capped for text)."""
        return self._search.search(self.resolve(query), limit=limit, offset=offset, order=order)

    def snippet(self, query: Query, release_id: str) -> str:
        """The highlighted snippet of one release for a text query ('' when it does not match)."""
        return self._search.snippet(self.resolve(query), release_id)

    def unread_count(self) -> int:
        return self._facets.unread_count()

    def facets(self) -> Facets:
        """Years, tags and sections with their counts, plus unread and total (cached)."""
        return self._facets.facets()

    # ---- contacts -----------------------------------------------------------------------

    def contacts_directory(self, filter_text: str = "") -> list[DirectoryContact]:
        """Every press contact across releases, deduplicated; filtered by `filter_text`."""
        return self._directory.contacts_directory(filter_text)

    def refresh_contacts_directory(self) -> None:
        """Rebuild the saved contacts directory if it is out of date (see ContactDirectory)."""
        self._directory.refresh()

    def releases_for_contact(self, key: str) -> list[ReleaseRow]:
        """The releases (newest first) that name the contact with this directory key."""
        return self._directory.releases_for_contact(key)
