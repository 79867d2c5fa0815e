"""The offline cache: one SQLite file (WAL) with releases, section pages, fetch state, read/starred
state and an FTS5 index that folds accents.

Speed: a release's `rk` (its integer primary key and its FTS rowid) grows with its publication
date, so every list and search is `ORDER BY rk DESC LIMIT n`, which SQLite and FTS5 stream newest
first and stop early; date filters become rk ranges. Counting the matches of a text search is capped
at TEXT_COUNT_CAP (the exact number past that is not worth a full scan of the index), and relevance
order ranks the newest RELEVANCE_WINDOW matches only.

Errors reach callers as StoreError subclasses with one-line messages, never sqlite3 text.
"""

from __future__ import annotations

import calendar
import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, NamedTuple

from newsroom_tui.migrations import CURRENT_VERSION, migrate
from newsroom_tui.models import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    Contact,
    DirectoryContact,
    Facets,
    FetchState,
    Release,
    ReleaseRow,
    SearchHit,
    SearchResults,
    SectionPage,
)
from newsroom_tui.query import Query

TEXT_COUNT_CAP = 10_000
"""count() and search().total stop counting text matches here (the UI shows "10000+")."""
RELEVANCE_WINDOW = 2_000
"""order="relevance" ranks the newest this-many matches by bm25 (a full rank costs ~150 ms at 100k)."""
BUSY_TIMEOUT = 5.0
FULL_CHECK_LIMIT = 256 * 1024 * 1024
"""Files under this size get a full PRAGMA quick_check at every open (~0.4 s per 256 MB)."""

_TS_OFFSET = 1 << 32  # shifts unix times from 1834 to 2106 into positive numbers
_TIE_BITS = 20
_TIE_MASK = (1 << _TIE_BITS) - 1

# Primary SQLite result codes we turn into our own errors.
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


class StoreError(Exception):
    """A database problem, with a one-line message for the user."""


class DatabaseBusy(StoreError):
    """Another newsroom-tui kept the database locked longer than the busy timeout."""


class DatabaseTooNew(StoreError):
    """The file was written by a newer version: it is read, never written."""


class StoreReadOnly(StoreError):
    """The file (or disk) cannot be written: reading goes on, writing is refused."""


class _Corrupt(Exception):
    pass


class BatchResult(NamedTuple):
    """What one apply_batch did, by release."""

    new: int
    updated: int
    unchanged: int


# --- helpers ---------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for tags and contact names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _timestamp(value: datetime) -> int:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return int(value.timestamp())


def _day_start(day: date) -> int:
    return calendar.timegm(day.timetuple())


def _rk_base(published: int | None) -> int:
    return 0 if published is None else (published + _TS_OFFSET) << _TIE_BITS


def _rk_bounds(query: Query) -> tuple[int, int] | None:
    first, last = query.date_range()
    if first is None and last is None:
        return None
    lo = _rk_base(_day_start(first)) if first else 1 << _TIE_BITS
    hi = (_rk_base(_day_start(last + timedelta(days=1)) - 1) | _TIE_MASK) if last else (1 << 62)
    return lo, hi


def _content_hash(release: Release) -> str:
    payload = json.dumps(
        [
            release.title,
            release.markdown,
            bool(release.summary_only),
            [[c.name, c.organization, c.phones, c.emails] for c in release.contacts],
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _contacts_json(contacts: Sequence[Contact]) -> str:
    return json.dumps(
        [
            {"name": c.name, "organization": c.organization, "phones": c.phones, "emails": c.emails}
            for c in contacts
        ],
        ensure_ascii=False,
    )


def _contacts_from_json(raw: str) -> list[Contact]:
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


def _contacts_search_text(contacts: Sequence[Contact]) -> str:
    """Names, offices, emails, email local parts (also squeezed) and phone digits, for FTS."""
    parts: list[str] = []
    for c in contacts:
        parts += [c.name, c.organization]
        for email in c.emails:
            local = email.partition("@")[0]
            parts += [email, local, "".join(ch for ch in local if ch.isalnum())]
        for phone in c.phones:
            digits = "".join(ch for ch in phone if ch.isdigit())
            parts += [phone, digits]
    return "\n".join(p for p in parts if p)


def _strip_markers(text: str) -> str:
    return text.replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "")


def _from_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _from_ts(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def _tags(raw: str) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except json.JSONDecodeError:
        return []
    return [str(t) for t in value] if isinstance(value, list) else []


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%dT%H%M%S")


def _check_marker(path: Path) -> Path:
    return path.with_name(path.name + ".check")


def _move_aside(path: Path) -> Path:
    """Rename a corrupt database (and its -wal/-shm, kept as a set) to <name>.corrupt-<time>."""
    target = path.with_name(f"{path.name}.corrupt-{_stamp()}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{_stamp()}-{n}")
        n += 1
    for suffix in ("-wal", "-shm"):
        side = Path(str(path) + suffix)
        if side.exists():
            side.replace(Path(str(target) + suffix))
    path.replace(target)
    return target


# --- the store -------------------------------------------------------------------------------

_ROW_COLUMNS = (
    "r.id, r.title, r.published_iso, r.section, r.tags, "
    "coalesce(s.read, 0), coalesce(s.starred, 0), r.updated"
)


class Store:
    """One SQLite database. Thread-safe: calls are serialised on one connection."""

    def __init__(self, path: Path, con: sqlite3.Connection, *, read_only: bool, version: int):
        self.path = path
        self.recovered_from: Path | None = None
        """Where a corrupt database found at open was moved; None when it was fine."""
        self.read_only = read_only
        self.schema_version = version
        self._con = con
        self._lock = threading.RLock()
        self._writes = 0
        """Commits made through this Store (PRAGMA data_version only counts other connections)."""
        self._facets: tuple[tuple[int, int], Facets] | None = None

    # ---- opening ------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, *, busy_timeout: float = BUSY_TIMEOUT, check: bool | None = None
    ) -> Store:
        """Open (creating it and its directory if needed), migrate, and check the database.

        A corrupt file is moved aside (see `recovered_from`) and replaced by a fresh database.
        `check`: True runs `PRAGMA quick_check` (it reads the whole file: ~4 s at 100,000
        releases), False only what opening needs; None (default) runs it when the file is under
        FULL_CHECK_LIMIT or when damage was seen last time (a `<name>.check` marker), and
        otherwise a light check (header, schema, size against the page count, the main indexes).
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create {path.parent}: {exc.strerror or exc}") from None
        try:
            return cls._open(path, busy_timeout, check)
        except _Corrupt:
            pass
        try:
            moved = _move_aside(path)
        except OSError as exc:
            raise StoreError(
                f"{path} is damaged and could not be moved aside: {exc.strerror or exc}"
            ) from None
        try:
            store = cls._open(path, busy_timeout, check)
        except _Corrupt:
            raise StoreError(f"{path}: a fresh database could not be created") from None
        store.recovered_from = moved
        return store

    @classmethod
    def _open(cls, path: Path, busy_timeout: float, check: bool | None) -> Store:
        writable = (not path.exists() or os.access(path, os.W_OK)) and os.access(
            path.parent, os.W_OK
        )
        con: sqlite3.Connection | None = None
        try:
            if writable:
                con = sqlite3.connect(
                    path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
                )
            else:
                con = cls._connect_read_only(path, busy_timeout)
            con.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            cls._check(con, path, check)
            con.execute("PRAGMA foreign_keys = ON")
            store = cls(path, con, read_only=not writable, version=version)
            if writable:
                mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StoreError(f"{path}: could not switch the database to WAL mode")
                con.execute("PRAGMA synchronous = NORMAL")
                if version < CURRENT_VERSION:
                    with store._write() as tx:
                        current = int(tx.execute("PRAGMA user_version").fetchone()[0])
                        migrate(tx, current)
                    store.schema_version = CURRENT_VERSION
            return store
        except sqlite3.DatabaseError as exc:
            if con is not None:
                con.close()
            if _code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in str(exc):
                raise _Corrupt() from None
            raise cls._translate(exc, path) from None
        except BaseException:
            if con is not None:
                con.close()
            raise

    @staticmethod
    def _check(con: sqlite3.Connection, path: Path, check: bool | None) -> None:
        marker = _check_marker(path)
        if check is None:
            size = path.stat().st_size if path.exists() else 0
            check = size < FULL_CHECK_LIMIT or marker.exists()
        if check:
            result = con.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise _Corrupt()
            marker.unlink(missing_ok=True)
            return
        if check is False:
            return
        pages = int(con.execute("PRAGMA page_count").fetchone()[0])
        page_size = int(con.execute("PRAGMA page_size").fetchone()[0])
        wal = Path(str(path) + "-wal")
        wal_empty = not wal.exists() or wal.stat().st_size == 0
        if wal_empty and path.stat().st_size < pages * page_size:
            raise _Corrupt()  # truncated (pages still in the WAL would count too)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "releases" in tables:
            con.execute("SELECT count(*) FROM releases").fetchone()
            con.execute("SELECT count(*) FROM release_state").fetchone()

    @staticmethod
    def _connect_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
        uri = path.resolve().as_uri()
        try:
            con = sqlite3.connect(
                f"{uri}?mode=ro",
                uri=True,
                timeout=busy_timeout,
                check_same_thread=False,
                isolation_level=None,
            )
            con.execute("PRAGMA user_version").fetchone()
            return con
        except sqlite3.OperationalError:
            # A WAL database in a read-only place cannot create its -shm: read it as immutable.
            return sqlite3.connect(
                f"{uri}?immutable=1", uri=True, check_same_thread=False, isolation_level=None
            )

    @staticmethod
    def _translate(exc: sqlite3.Error, path: Path) -> StoreError:
        code = _code(exc)
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return DatabaseBusy(f"{path} is busy (another newsroom-tui is writing); try again")
        if code == _SQLITE_READONLY:
            return StoreReadOnly(f"{path} is read-only: reading only, changes are not saved")
        if code == _SQLITE_FULL:
            return StoreReadOnly(f"the disk holding {path} is full: changes are not saved")
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            with contextlib.suppress(OSError):  # the next open runs the full check
                _check_marker(path).touch()
            return StoreError(f"{path} is damaged: restart newsroom-tui to set it aside")
        if code == _SQLITE_CANTOPEN:
            return StoreError(f"cannot open {path}")
        if code == _SQLITE_IOERR:
            return StoreError(f"{path}: disk input/output error")
        return StoreError(f"{path}: database error ({type(exc).__name__})")

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ---- plumbing -----------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.schema_version > CURRENT_VERSION:
            raise DatabaseTooNew(
                f"{self.path} was written by a newer newsroom-tui (schema {self.schema_version},"
                f" this version knows {CURRENT_VERSION}): it is not changed; please upgrade"
            )
        if self.read_only:
            raise StoreReadOnly(f"{self.path} is read-only: reading only, changes are not saved")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One BEGIN IMMEDIATE transaction: committed on success, rolled back on any exception."""
        with self._lock:
            con = self._con
            try:
                con.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._translate(exc, self.path) from None
            try:
                yield con
                con.execute("COMMIT")
                self._writes += 1
            except sqlite3.Error as exc:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise self._translate(exc, self.path) from None
            except BaseException:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Several reads that see one state of the database (a deferred read transaction)."""
        with self._lock:
            con = self._con
            if con.in_transaction:
                yield
                return
            try:
                con.execute("BEGIN")
            except sqlite3.Error as exc:
                raise self._translate(exc, self.path) from None
            try:
                yield
            finally:
                if con.in_transaction:
                    con.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._con.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise self._translate(exc, self.path) from None

    def _read_one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self._read(sql, params)
        return rows[0] if rows else None

    # ---- sync side ----------------------------------------------------------------------

    def get_fetch_state(self, url: str) -> FetchState | None:
        row = self._read_one(
            "SELECT url, etag, last_modified, content_hash, checked_at FROM fetch_state"
            " WHERE url = ?",
            (url,),
        )
        if row is None:
            return None
        return FetchState(row[0], row[1], row[2], row[3], _from_ts(row[4]))

    def content_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """The stored content hash of each known id (unknown ids are absent)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for rid, digest in self._read(
                f"SELECT id, content_hash FROM releases WHERE id IN ({marks})", chunk
            ):
                found[rid] = digest
        return found

    def apply_batch(
        self,
        releases: Sequence[Release],
        sections: Sequence[SectionPage] = (),
        fetch_states: Sequence[FetchState] = (),
    ) -> BatchResult:
        """Store one sync batch in one transaction: all of it or (on any error) none of it.

        Same id and hash: unchanged (url and last_seen refreshed). New hash: updated and flagged,
        except when a summary-only release gets its full page (completion: counted as updated,
        not flagged). A summary-only copy never replaces a full one already stored (the page
        failed this time; the full text is kept, counted unchanged). read/starred never change.
        """
        self._check_writable()
        new = updated = unchanged = 0
        now = int(time.time())
        with self._write() as con:
            for release in releases:
                outcome = self._upsert(con, release, now)
                if outcome == "new":
                    new += 1
                elif outcome == "updated":
                    updated += 1
                else:
                    unchanged += 1
            for page in sections:
                con.execute(
                    "INSERT OR REPLACE INTO sections(key, url, title, markdown, text, contacts,"
                    " fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        page.key,
                        page.url,
                        page.title,
                        page.markdown,
                        page.text,
                        _contacts_json(page.contacts),
                        _timestamp(page.fetched_at) if page.fetched_at else now,
                    ),
                )
            for state in fetch_states:
                con.execute(
                    "INSERT OR REPLACE INTO fetch_state(url, etag, last_modified, content_hash,"
                    " checked_at) VALUES (?, ?, ?, ?, ?)",
                    (
                        state.url,
                        state.etag,
                        state.last_modified,
                        state.content_hash,
                        _timestamp(state.checked_at) if state.checked_at else now,
                    ),
                )
        return BatchResult(new, updated, unchanged)

    def _allocate_rk(self, con: sqlite3.Connection, release_id: str, published: int | None) -> int:
        base = _rk_base(published)
        tie = zlib.crc32(release_id.encode("utf-8")) & _TIE_MASK
        for step in range(_TIE_MASK + 1):
            rk = base | ((tie + step) & _TIE_MASK)
            if rk and con.execute("SELECT 1 FROM releases WHERE rk = ?", (rk,)).fetchone() is None:
                return rk
        raise StoreError("too many releases share one publication time")

    def _upsert(self, con: sqlite3.Connection, release: Release, now: int) -> str:
        digest = _content_hash(release)
        old = con.execute(
            "SELECT r.rk, r.title, c.text, c.contacts_text, r.content_hash, r.summary_only,"
            " r.updated, r.published FROM releases r JOIN release_content c ON c.rk = r.rk"
            " WHERE r.id = ?",
            (release.id,),
        ).fetchone()
        if old is not None and (old[4] == digest or (release.summary_only and not old[5])):
            con.execute(
                "UPDATE releases SET url = ?, last_seen = ? WHERE rk = ?",
                (release.url, now, old[0]),
            )
            return "unchanged"
        published = _timestamp(release.published) if release.published else None
        title = _strip_markers(release.title)
        text = _strip_markers(release.text)
        contacts_text = _strip_markers(_contacts_search_text(release.contacts))
        values = {
            "id": release.id,
            "url": release.url,
            "title": title,
            "published": published,
            "published_iso": release.published.isoformat() if release.published else None,
            "year": _from_ts(published).year if published is not None else None,  # type: ignore[union-attr]
            "language": release.language,
            "section": release.section,
            "tags": json.dumps(release.tags, ensure_ascii=False),
            "summary_only": int(release.summary_only),
            "content_hash": digest,
            "last_seen": now,
        }
        content = {
            "summary": release.summary,
            "markdown": release.markdown,
            "text": text,
            "contacts": _contacts_json(release.contacts),
            "contacts_text": contacts_text,
        }
        if old is None:
            rk = self._allocate_rk(con, release.id, published)
            values |= {"rk": rk, "updated": 0, "first_seen": now}
            columns = ", ".join(values)
            marks = ", ".join(f":{k}" for k in values)
            con.execute(f"INSERT INTO releases({columns}) VALUES ({marks})", values)
            con.execute(
                "INSERT INTO release_content(rk, summary, markdown, text, contacts, contacts_text)"
                " VALUES (:rk, :summary, :markdown, :text, :contacts, :contacts_text)",
                content | {"rk": rk},
            )
            outcome = "new"
        else:
            old_rk = old[0]
            con.execute(
                "INSERT INTO release_fts(release_fts, rowid, title, body, contacts)"
                " VALUES ('delete', ?, ?, ?, ?)",
                (old_rk, old[1], old[2], old[3]),
            )
            rk = old_rk if old[7] == published else self._allocate_rk(con, release.id, published)
            completion = bool(old[5]) and not release.summary_only
            values |= {"rk": rk, "updated": int(old[6]) if completion else 1}
            assignments = ", ".join(f"{k} = :{k}" for k in values)
            con.execute(f"UPDATE releases SET {assignments} WHERE rk = {int(old_rk)}", values)
            # release_content.rk followed the new rk (ON UPDATE CASCADE)
            con.execute(
                "UPDATE release_content SET summary = :summary, markdown = :markdown,"
                " text = :text, contacts = :contacts, contacts_text = :contacts_text"
                " WHERE rk = :rk",
                content | {"rk": rk},
            )
            con.execute("DELETE FROM release_tags WHERE rk = ?", (rk,))
            con.execute("DELETE FROM contacts WHERE id = ?", (release.id,))
            outcome = "updated"
        con.execute(
            "INSERT INTO release_fts(rowid, title, body, contacts) VALUES (?, ?, ?, ?)",
            (rk, title, text, contacts_text),
        )
        seen: set[str] = set()
        for tag in release.tags:
            key = fold(tag)
            if key and key not in seen:
                seen.add(key)
                con.execute(
                    "INSERT INTO release_tags(rk, tag_key, tag) VALUES (?, ?, ?)",
                    (rk, key, tag),
                )
        for position, c in enumerate(release.contacts):
            con.execute(
                "INSERT INTO contacts(id, position, name, organization, emails, phones)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    release.id,
                    position,
                    c.name,
                    c.organization,
                    json.dumps(c.emails, ensure_ascii=False),
                    json.dumps(c.phones, ensure_ascii=False),
                ),
            )
        return outcome

    # ---- single items -------------------------------------------------------------------

    _RELEASE_COLUMNS = (
        "r.id, r.url, r.title, r.published_iso, r.language, r.section, r.tags, c.summary,"
        " c.markdown, c.text, c.contacts, r.summary_only, r.updated,"
        " coalesce(s.read, 0), coalesce(s.starred, 0)"
    )

    @staticmethod
    def _release(row: Sequence[Any]) -> Release:
        return Release(
            id=row[0],
            url=row[1],
            title=row[2],
            published=_from_iso(row[3]),
            language=row[4],
            section=row[5],
            tags=_tags(row[6]),
            summary=row[7],
            markdown=row[8],
            text=row[9],
            contacts=_contacts_from_json(row[10]),
            summary_only=bool(row[11]),
            updated=bool(row[12]),
            read=bool(row[13]),
            starred=bool(row[14]),
        )

    def get_release(self, release_id: str) -> Release | None:
        row = self._read_one(
            f"SELECT {self._RELEASE_COLUMNS} FROM releases r"
            " JOIN release_content c ON c.rk = r.rk"
            " LEFT JOIN release_state s ON s.id = r.id WHERE r.id = ?",
            (release_id,),
        )
        return None if row is None else self._release(row)

    def iter_releases(self) -> Iterator[Release]:
        """Every release, newest first (fetched in pages so export does not hold them all)."""
        last = 1 << 62
        while True:
            rows = self._read(
                f"SELECT r.rk, {self._RELEASE_COLUMNS} FROM releases r"
                " JOIN release_content c ON c.rk = r.rk"
                " LEFT JOIN release_state s ON s.id = r.id WHERE r.rk < ?"
                " ORDER BY r.rk DESC LIMIT 200",
                (last,),
            )
            if not rows:
                return
            for row in rows:
                yield self._release(row[1:])
            last = rows[-1][0]

    def get_section(self, key: str) -> SectionPage | None:
        row = self._read_one(
            "SELECT key, url, title, markdown, text, contacts, fetched_at FROM sections"
            " WHERE key = ?",
            (key,),
        )
        if row is None:
            return None
        return SectionPage(
            row[0], row[1], row[2], row[3], row[4], _contacts_from_json(row[5]), _from_ts(row[6])
        )

    def set_read(self, ids: Iterable[str], read: bool) -> None:
        self._check_writable()
        with self._write() as con:
            # Only known releases get a state row, so that "unread" with no other filter is
            # all releases minus the read rows, counted from the state index alone.
            con.executemany(
                "INSERT INTO release_state(id, read) SELECT id, ? FROM releases WHERE id = ?"
                " ON CONFLICT(id) DO UPDATE SET read = excluded.read",
                ((int(read), i) for i in ids),
            )

    def set_starred(self, release_id: str, starred: bool) -> None:
        self._check_writable()
        with self._write() as con:
            con.execute(
                "INSERT INTO release_state(id, starred) VALUES (?, ?)"
                " ON CONFLICT(id) DO UPDATE SET starred = excluded.starred",
                (release_id, int(starred)),
            )

    def get_meta(self, key: str) -> str | None:
        row = self._read_one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._check_writable()
        with self._write() as con:
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # ---- listing and search -------------------------------------------------------------

    def _filters(self, query: Query, rk: str, *, tag: bool = True) -> tuple[list[str], list[Any]]:
        """SQL conditions on `releases r` (and the sort key expression `rk`) for the filters.

        `tag=False` leaves the tag out (the caller drives the query from release_tags).
        """
        where: list[str] = []
        params: list[Any] = []
        if query.section:
            where.append("r.section = ?")
            params.append(query.section)
        if query.lang:
            where.append("r.language = ?")
            params.append(query.lang)
        if query.tag and tag:
            where.append(f"{rk} IN (SELECT rk FROM release_tags WHERE tag_key = ?)")
            params.append(fold(query.tag))
        bounds = _rk_bounds(query)
        if bounds:
            where.append(f"{rk} BETWEEN ? AND ?")
            params += list(bounds)
        if query.unread:
            where.append(
                "NOT EXISTS (SELECT 1 FROM release_state x WHERE x.id = r.id AND x.read = 1)"
            )
        if query.starred:
            where.append("r.id IN (SELECT id FROM release_state WHERE starred = 1)")
        exclusion = query.exclusion_expression() if not query.terms else None
        if exclusion:
            where.append("r.rk NOT IN (SELECT rowid FROM release_fts WHERE release_fts MATCH ?)")
            params.append(exclusion)
        return where, params

    def _source(self, query: Query) -> tuple[str, list[Any], str]:
        """FROM ... WHERE ... for a query, its parameters, and the sort key expression.

        Callers select only the sort key (or count) from it and fetch columns by rk afterwards.
        With text, the FTS table drives (CROSS JOIN fixes the order): it streams matches newest
        first, whereas the planner would otherwise probe FTS once per row of a filter index.
        A tag alone (with dates at most) is answered from the tag index, never the table.
        """
        match = query.match_expression()
        if match:
            where, params = self._filters(query, "f.rowid")
            sql = "FROM release_fts f CROSS JOIN releases r ON r.rk = f.rowid WHERE release_fts MATCH ?"
            params = [match, *params]
            key = "f.rowid"
        elif query.tag and not self._needs_row(query):
            where, params = self._filters(query, "t.rk", tag=False)
            sql = "FROM release_tags t WHERE t.tag_key = ?"
            params = [fold(query.tag), *params]
            key = "t.rk"
        else:
            where, params = self._filters(query, "r.rk")
            sql = "FROM releases r WHERE 1"
            key = "r.rk"
        for condition in where:
            sql += f" AND {condition}"
        return sql, params, key

    @staticmethod
    def _needs_row(query: Query) -> bool:
        """Whether a filter reads the releases table (as opposed to the sort key alone)."""
        return bool(query.section or query.lang or query.unread or query.starred or query.excluded)

    def count_capped(self, query: Query) -> tuple[int, bool]:
        """count(query) and whether it is only a lower bound (text search past the cap)."""
        total = self.count(query)
        return total, query.match_expression() is not None and total >= TEXT_COUNT_CAP

    def count(self, query: Query) -> int:
        """How many releases match: exact for filters; capped at TEXT_COUNT_CAP for text."""
        match = query.match_expression()
        if match is None:
            if query.unread:
                # all minus the read ones: the read set is usually far smaller than the rest
                source, params, _ = self._source(query.with_filters(unread=False))
                total = self._read_one(f"SELECT count(*) {source}", params)[0]
                where, params = self._filters(query.with_filters(unread=False), "r.rk")
                sql = " AND ".join(["1", *where])
                if not where:  # releases are never deleted: every state row has its release
                    read_sql = "SELECT count(*) FROM release_state x WHERE x.read = 1"
                elif query.section or query.lang:  # the planner starts from their index
                    read_sql = (
                        "SELECT count(*) FROM release_state x JOIN releases r ON r.id = x.id"
                        f" WHERE x.read = 1 AND {sql}"
                    )
                else:  # walk the read rows; each finds its release through the id index
                    read_sql = (
                        "SELECT count(*) FROM release_state x WHERE x.read = 1 AND EXISTS"
                        f" (SELECT 1 FROM releases r WHERE r.id = x.id AND {sql})"
                    )
                read = self._read_one(read_sql, params)[0]
                return int(total - read)
            source, params, _ = self._source(query)
            return int(self._read_one(f"SELECT count(*) {source}", params)[0])
        if not query.has_filters:
            row = self._read_one(
                "SELECT count(*) FROM (SELECT rowid FROM release_fts WHERE release_fts MATCH ?"
                " LIMIT ?)",
                (match, TEXT_COUNT_CAP),
            )
            return int(row[0])
        source, params, _ = self._source(query)
        row = self._read_one(
            f"SELECT count(*) FROM (SELECT 1 {source} LIMIT ?)", [*params, TEXT_COUNT_CAP]
        )
        return int(row[0])

    @staticmethod
    def _row(row: Sequence[Any]) -> ReleaseRow:
        return ReleaseRow(
            id=row[0],
            title=row[1],
            published=_from_iso(row[2]),
            section=row[3],
            tags=_tags(row[4]),
            read=bool(row[5]),
            starred=bool(row[6]),
            updated=bool(row[7]),
        )

    def rows(self, query: Query, offset: int, limit: int) -> list[ReleaseRow]:
        """One window of the list, newest first (publication time, then a stable per-id order)."""
        source, params, key = self._source(query)
        with self._snapshot():  # both steps see the same state
            keys = [
                int(r[0])
                for r in self._read(
                    f"SELECT {key} {source} ORDER BY {key} DESC LIMIT ? OFFSET ?",
                    [*params, max(0, limit), max(0, offset)],
                )
            ]
            return self._rows_by_rk(keys)

    def _rows_by_rk(self, keys: Sequence[int]) -> list[ReleaseRow]:
        """The list columns of these releases, in the given order."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        found = {
            int(r[-1]): self._row(r)
            for r in self._read(
                f"SELECT {_ROW_COLUMNS}, r.rk FROM releases r"
                f" LEFT JOIN release_state s ON s.id = r.id WHERE r.rk IN ({marks})",
                list(keys),
            )
        }
        return [found[k] for k in keys if k in found]

    def index_of(self, query: Query, release_id: str) -> int | None:
        """Position of a release in rows(query, ...), or None when it does not match."""
        found = self._read_one("SELECT rk FROM releases WHERE id = ?", (release_id,))
        if found is None:
            return None
        rk = int(found[0])
        source, params, key = self._source(query)
        if self._read_one(f"SELECT 1 {source} AND {key} = ?", [*params, rk]) is None:
            return None
        row = self._read_one(f"SELECT count(*) {source} AND {key} > ?", [*params, rk])
        return int(row[0])

    def search(
        self,
        query: Query,
        *,
        limit: int = 20,
        offset: int = 0,
        order: Literal["newest", "relevance"] = "newest",
    ) -> SearchResults:
        """Hits with highlighted snippets; `total` is count(query) (capped for text)."""
        with self._snapshot():
            return self._search(query, limit, offset, order)

    def _search(
        self, query: Query, limit: int, offset: int, order: Literal["newest", "relevance"]
    ) -> SearchResults:
        total = self.count(query)
        match = query.match_expression()
        if match is None:
            source, params, key = self._source(query)
            keys = [
                int(r[0])
                for r in self._read(
                    f"SELECT {key} {source} ORDER BY {key} DESC LIMIT ? OFFSET ?",
                    [*params, limit, offset],
                )
            ]
            marks = ",".join("?" * len(keys))
            found = self._read(
                "SELECT r.id, r.title, r.url, r.published_iso, r.section,"
                f" substr(c.summary, 1, 200), r.rk FROM releases r"
                f" JOIN release_content c ON c.rk = r.rk WHERE r.rk IN ({marks})",
                keys,
            )
            position = {rk: i for i, rk in enumerate(keys)}
            rows = sorted(found, key=lambda r: position[int(r[6])])
        else:
            source, params, key = self._source(query)
            # The body's snippet when the body matched (the title is shown anyway), else the
            # best column's (a match in the title or the contacts).
            body = f"snippet(release_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 16)"
            best = f"snippet(release_fts, -1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 16)"
            snippet = f"CASE WHEN instr({body}, '{SNIPPET_OPEN}') > 0 THEN {body} ELSE {best} END"
            if order == "relevance":
                ranked = self._read(
                    f"SELECT rk FROM (SELECT {key} AS rk, bm25(release_fts, 10.0, 1.0, 2.0)"
                    f" AS score {source} ORDER BY {key} DESC LIMIT ?)"
                    " ORDER BY score, rk DESC LIMIT ? OFFSET ?",
                    [*params, RELEVANCE_WINDOW, limit, offset],
                )
                wanted = [int(r[0]) for r in ranked]
                if not wanted:
                    return SearchResults(query.text, total, [])
                marks = ",".join("?" * len(wanted))
                found = self._read(
                    f"SELECT r.id, r.title, r.url, r.published_iso, r.section, {snippet}, {key}"
                    f" {source} AND {key} IN ({marks})",
                    [*params, *wanted],
                )
                position = {rk: i for i, rk in enumerate(wanted)}
                rows = sorted(found, key=lambda r: position[int(r[6])])
            else:
                rows = self._read(
                    f"SELECT r.id, r.title, r.url, r.published_iso, r.section, {snippet}"
                    f" {source} ORDER BY {key} DESC LIMIT ? OFFSET ?",
                    [*params, limit, offset],
                )
        hits = [
            SearchHit(
                id=r[0],
                title=r[1],
                url=r[2],
                published=_from_iso(r[3]),
                section=r[4],
                snippet=r[5] or "",
            )
            for r in rows
        ]
        return SearchResults(query.text, total, hits)

    # ---- facets and contacts ------------------------------------------------------------

    def unread_count(self) -> int:
        return self.count(Query(unread=True))

    def _version(self) -> tuple[int, int]:
        """Changes whenever this or another connection commits."""
        return (int(self._read_one("PRAGMA data_version")[0]), self._writes)

    def facets(self) -> Facets:
        """Years, tags and sections with their counts, plus unread and total.

        Cached until the next commit (here or in another process): the grouping reads whole
        indexes (~0.2 s at 100k releases) and the app asks after every change of view.
        """
        with self._lock:
            version = self._version()
            if self._facets is not None and self._facets[0] == version:
                return self._facets[1]
            facets = self._compute_facets()
            self._facets = (version, facets)
            return facets

    def _compute_facets(self) -> Facets:
        years = [
            (int(y), int(n))
            for y, n in self._read(
                "SELECT year, count(*) FROM releases WHERE year IS NOT NULL"
                " GROUP BY year ORDER BY year DESC"
            )
        ]
        tags = [
            (str(t), int(n))
            for t, n in self._read(
                "SELECT min(tag), count(*) AS n FROM release_tags GROUP BY tag_key"
                " ORDER BY n DESC, tag_key"
            )
        ]
        sections = [
            (str(s), int(n))
            for s, n in self._read(
                "SELECT section, count(*) AS n FROM releases WHERE section != ''"
                " GROUP BY section ORDER BY n DESC, section"
            )
        ]
        total = int(self._read_one("SELECT count(*) FROM releases")[0])
        return Facets(
            years=years, tags=tags, sections=sections, unread=self.unread_count(), total=total
        )

    def _directory_groups(self) -> list[_ContactGroup]:
        rows = self._read(
            "SELECT c.id, c.name, c.organization, c.emails, c.phones, r.published, r.rk"
            " FROM contacts c JOIN releases r ON r.id = c.id ORDER BY r.rk, c.position"
        )
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        entries: list[tuple[list[str], _Entry]] = []
        for rid, name, org, emails_raw, phones_raw, published, _rk in rows:
            emails = [e for e in _tags(emails_raw) if e]
            phones = [p for p in _tags(phones_raw) if p]
            keys = [f"email:{e.casefold()}" for e in emails]
            if fold(name):
                keys.append(f"name:{fold(name)}|{fold(org)}")
            if not keys:
                continue
            for k in keys[1:]:
                parent[find(k)] = find(keys[0])
            find(keys[0])
            entries.append((keys, _Entry(rid, name, org, emails, phones, published)))
        groups: dict[str, _ContactGroup] = {}
        for keys, entry in entries:
            groups.setdefault(find(keys[0]), _ContactGroup()).entries.append(entry)
        return list(groups.values())

    def contacts_directory(self, filter_text: str = "") -> list[DirectoryContact]:
        """Every press contact across releases, deduplicated (by email, else name and office).

        The latest release's details are shown; `changed`/`previous` say when older releases
        gave other emails or phones. `filter_text` matches name, office, email or phone,
        ignoring case and accents.
        """
        wanted = fold(filter_text)
        result: list[DirectoryContact] = []
        for group in self._directory_groups():
            contact = group.summary()
            if wanted:
                haystack = fold(
                    " ".join([contact.name, contact.organization, *contact.emails, *contact.phones])
                )
                digits = "".join(ch for ch in wanted if ch.isdigit())
                phone_digits = " ".join(
                    "".join(ch for ch in p if ch.isdigit()) for p in contact.phones
                )
                if wanted not in haystack and not (digits and digits in phone_digits):
                    continue
            result.append(contact)
        result.sort(key=lambda c: (fold(c.name) or (c.emails[0] if c.emails else ""), c.key))
        return result

    def releases_for_contact(self, key: str) -> list[ReleaseRow]:
        """The releases (newest first) that name the contact with this directory key."""
        for group in self._directory_groups():
            if group.summary().key == key:
                ids = list(dict.fromkeys(e.release_id for e in group.entries))
                marks = ",".join("?" * len(ids))
                rows = self._read(
                    f"SELECT {_ROW_COLUMNS} FROM releases r LEFT JOIN release_state s"
                    f" ON s.id = r.id WHERE r.id IN ({marks}) ORDER BY r.rk DESC",
                    ids,
                )
                return [self._row(r) for r in rows]
        return []


@dataclass(slots=True)
class _Entry:
    release_id: str
    name: str
    organization: str
    emails: list[str]
    phones: list[str]
    published: int | None


@dataclass(slots=True)
class _ContactGroup:
    """One person's appearances, oldest release first."""

    entries: list[_Entry] = field(default_factory=list)

    def summary(self) -> DirectoryContact:
        latest = self.entries[-1]
        name = next((e.name for e in reversed(self.entries) if e.name), "")
        org = next((e.organization for e in reversed(self.entries) if e.organization), "")
        emails = latest.emails or next((e.emails for e in reversed(self.entries) if e.emails), [])
        phones = latest.phones or next((e.phones for e in reversed(self.entries) if e.phones), [])
        shown = {v.casefold() for v in emails} | {_digits(p) for p in phones}
        previous: list[str] = []
        for entry in self.entries:
            for value in entry.emails:
                if value.casefold() not in shown and value not in previous:
                    previous.append(value)
            for value in entry.phones:
                if _digits(value) not in shown and value not in previous:
                    previous.append(value)
        key = f"email:{emails[0].casefold()}" if emails else f"name:{fold(name)}|{fold(org)}"
        stamps = [e.published for e in self.entries if e.published is not None]
        return DirectoryContact(
            key=key,
            name=name,
            organization=org,
            emails=list(emails),
            phones=list(phones),
            releases=len({e.release_id for e in self.entries}),
            last_seen=_from_ts(max(stamps)) if stamps else None,
            changed=bool(previous),
            previous=previous,
        )


def _digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())
