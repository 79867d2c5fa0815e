"""The store's errors: each carries a one-line message for the user, never sqlite3 text."""

from __future__ import annotations


class StoreError(Exception):
    """A database problem, with a one-line message for the user."""


class DatabaseBusy(StoreError):
    """Another newsroom-tui kept the database locked longer than the busy timeout."""


class DatabaseTooNew(StoreError):
    """The file was written by a newer version: it is read, never written."""


class StoreReadOnly(StoreError):
    """The file (or disk) cannot be written: reading goes on, writing is refused."""
