"""The database file: opening it (writable, read-only or immutable), its PRAGMAs, the integrity
check, moving a damaged file aside, and the transaction plumbing every store module uses.

Errors reach callers as StoreError subclasses with one-line messages, never sqlite3 text.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from newsroom_tui.storage.errors import DatabaseBusy, DatabaseTooNew, StoreError, StoreReadOnly
from newsroom_tui.storage.migrations import CURRENT_VERSION, migrate, read_only_views

BUSY_TIMEOUT = 5.0
FULL_CHECK_LIMIT = 256 * 1024 * 1024
"""Files under this size get a full PRAGMA quick_check when they are opened (~0.4 s per
256 MB), unless the file is as it was when last found whole (see `checked_stamp`)."""

# Primary SQLite result codes we turn into our own errors.
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


class _Corrupt(Exception):
    pass


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%dT%H%M%S")


def check_marker(path: Path) -> Path:
    """The file whose presence asks the next open for a full check (damage was seen)."""
    return path.with_name(path.name + ".check")


def checked_stamp(path: Path) -> Path:
    """The file that records the database file's state (size, modification time, inode) when it
    was last known whole: checked at open, or closed after this program's own writes. While the
    file is in that state and its WAL is empty, an open skips the full check: a read-only command
    on an unchanged database starts ~0.1-0.4 s sooner. Any change from outside (another program,
    a copy, a truncation), a crash that left the WAL full, or damage seen (`check_marker`) brings
    the full check back."""
    return path.with_name(path.name + ".checked")


def _file_time_step() -> int:
    """Nanoseconds between two file times: Linux takes them from its coarse real-time clock
    (CLOCK_REALTIME_COARSE, 5), so a write within one step can leave a file's time unchanged."""
    try:
        step = int(time.clock_getres(5) * 1e9)
    except (OSError, AttributeError):  # not Linux
        step = 20_000_000
    return min(max(step, 1_000_000), 50_000_000)


_SETTLED_NS = 2 * _file_time_step()
"""How old a file's time must be before its state is remembered: any later write gets a later
time."""


def _file_state(path: Path, *, settled: bool = False) -> str | None:
    """The database file's size, modification time and inode; None while its WAL holds pages
    (the file alone does not say what the database is), when it cannot be read, or (`settled`)
    when it was modified too recently for a later write to be told apart."""
    try:
        wal = Path(str(path) + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
        info = path.stat()
    except OSError:
        return None
    if settled and time.time_ns() - info.st_mtime_ns < _SETTLED_NS:
        return None
    return f"{info.st_size} {info.st_mtime_ns} {info.st_ino}"


def _unchanged_since_checked(path: Path) -> bool:
    state = _file_state(path)
    try:
        return state is not None and checked_stamp(path).read_text(encoding="ascii") == state
    except (OSError, UnicodeDecodeError):
        return False


def _remember_checked(path: Path, *, wait: bool = False) -> None:
    """Record the file's state as whole; `wait` lets a file written this instant settle first
    (a few milliseconds: two steps of the file-time clock)."""
    if wait:
        with contextlib.suppress(OSError):
            young = _SETTLED_NS - (time.time_ns() - path.stat().st_mtime_ns)
            if 0 < young <= _SETTLED_NS:
                time.sleep(young / 1e9)
    state = _file_state(path, settled=True)
    with contextlib.suppress(OSError):
        if state is None:
            checked_stamp(path).unlink(missing_ok=True)
        else:
            checked_stamp(path).write_text(state, encoding="ascii")


def move_aside(path: Path) -> Path:
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


def translate(exc: sqlite3.Error, path: Path) -> StoreError:
    """The StoreError (one line, no sqlite3 text) for an SQLite error on `path`."""
    code = _code(exc)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseBusy(f"{path} is busy (another newsroom-tui is writing); try again")
    if code == _SQLITE_READONLY:
        return StoreReadOnly(f"{path} is read-only: reading only, changes are not saved")
    if code == _SQLITE_FULL:
        return StoreReadOnly(f"the disk holding {path} is full: changes are not saved")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        with contextlib.suppress(OSError):  # the next open runs the full check
            check_marker(path).touch()
        return StoreError(f"{path} is damaged: restart newsroom-tui to set it aside")
    if code == _SQLITE_CANTOPEN:
        return StoreError(f"cannot open {path}")
    if code == _SQLITE_IOERR:
        return StoreError(f"{path}: disk input/output error")
    return StoreError(f"{path}: database error ({type(exc).__name__})")


class Database:
    """One open SQLite connection and its transactions. Thread-safe: calls share one lock."""

    def __init__(self, path: Path, con: sqlite3.Connection, *, read_only: bool, version: int):
        self.path = path
        self.con = con
        self.read_only = read_only
        self.schema_version = version
        self.recovered_from: Path | None = None
        """Where a corrupt database found at open was moved; None when it was fine."""
        self.lock = threading.RLock()
        self.writes = 0
        """Commits made through this connection (PRAGMA data_version only counts others)."""
        self.known_whole = False
        """The open found the whole file sound (a full check, or unchanged since one)."""

    # ---- opening ------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, *, busy_timeout: float = BUSY_TIMEOUT, check: bool | None = None
    ) -> Database:
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
            moved = move_aside(path)
        except OSError as exc:
            raise StoreError(
                f"{path} is damaged and could not be moved aside: {exc.strerror or exc}"
            ) from None
        try:
            db = cls._open(path, busy_timeout, check)
        except _Corrupt:
            raise StoreError(f"{path}: a fresh database could not be created") from None
        db.recovered_from = moved
        return db

    @classmethod
    def _open(cls, path: Path, busy_timeout: float, check: bool | None) -> Database:
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
                con = _connect_read_only(path, busy_timeout)
            con.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            known_whole = _check(con, path, check)
            con.execute("PRAGMA foreign_keys = ON")
            db = cls(path, con, read_only=not writable, version=version)
            db.known_whole = known_whole
            if writable:
                mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StoreError(f"{path}: could not switch the database to WAL mode")
                con.execute("PRAGMA synchronous = NORMAL")
                if version < CURRENT_VERSION:
                    with db.write() as tx:
                        current = int(tx.execute("PRAGMA user_version").fetchone()[0])
                        migrate(tx, current)
                    db.schema_version = CURRENT_VERSION
            elif 1 <= version < CURRENT_VERSION:
                read_only_views(con, version)
            return db
        except sqlite3.DatabaseError as exc:
            if con is not None:
                con.close()
            if _code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in str(exc):
                raise _Corrupt() from None
            raise translate(exc, path) from None
        except BaseException:
            if con is not None:
                con.close()
            raise

    @classmethod
    def open_read_only(cls, path: Path, *, busy_timeout: float = BUSY_TIMEOUT) -> Database:
        """Open an existing database for reading only: no check, no migration, nothing written
        (an older schema is read through views). For looking into another newsroom's cache;
        a damaged or foreign file raises StoreError when it is read."""
        if not path.is_file():
            raise StoreError(f"no database at {path}")
        try:
            con = _connect_read_only(path, busy_timeout)
        except sqlite3.Error as exc:
            raise translate(exc, path) from None
        try:
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            if 1 <= version < CURRENT_VERSION:
                read_only_views(con, version)
        except sqlite3.Error as exc:
            con.close()
            raise translate(exc, path) from None
        return cls(path, con, read_only=True, version=version)

    def close(self) -> None:
        with self.lock:
            self.con.close()
            # Our own writes, on a file found whole at open: whole still (a crash never gets
            # here, and damage seen meanwhile left the check marker).
            if self.writes and self.known_whole and not check_marker(self.path).exists():
                _remember_checked(self.path, wait=True)

    # ---- transactions and reads ---------------------------------------------------------

    def check_writable(self) -> None:
        """Raise the reason this database must not be written, if there is one."""
        if self.schema_version > CURRENT_VERSION:
            raise DatabaseTooNew(
                f"{self.path} was written by a newer newsroom-tui (schema {self.schema_version},"
                f" this version knows {CURRENT_VERSION}): it is not changed; please upgrade"
            )
        if self.read_only:
            raise StoreReadOnly(f"{self.path} is read-only: reading only, changes are not saved")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One BEGIN IMMEDIATE transaction: committed on success, rolled back on any exception."""
        with self.lock:
            con = self.con
            try:
                con.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from None
            try:
                yield con
                con.execute("COMMIT")
                self.writes += 1
            except sqlite3.Error as exc:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise translate(exc, self.path) from None
            except BaseException:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads that see one state of the database (a deferred read transaction)."""
        with self.lock:
            con = self.con
            if con.in_transaction:
                yield
                return
            try:
                con.execute("BEGIN")
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from None
            try:
                yield
            finally:
                if con.in_transaction:
                    con.execute("COMMIT")

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self.lock:
            try:
                return self.con.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from None

    def read_one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self.read(sql, params)
        return rows[0] if rows else None

    def version(self) -> tuple[int, int]:
        """Changes whenever this or another connection commits (the key of every cache)."""
        with self.lock:
            return (int(self.read_one("PRAGMA data_version")[0]), self.writes)


def _check(con: sqlite3.Connection, path: Path, check: bool | None) -> bool:
    """Check the database as `Database.open` says; True when the whole file was found sound."""
    if check is False:
        return False
    marker = check_marker(path)
    whole = False  # what the light check leaves to say
    if check is None:
        size = path.stat().st_size if path.exists() else 0
        if marker.exists():
            check = True
        elif size < FULL_CHECK_LIMIT:
            whole = _unchanged_since_checked(path)
            check = not whole
    if check:
        result = con.execute("PRAGMA quick_check").fetchone()
        if result is None or result[0] != "ok":
            raise _Corrupt()
        marker.unlink(missing_ok=True)
        _remember_checked(path)
        return True
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
    return whole


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
