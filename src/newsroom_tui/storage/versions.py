"""Earlier versions of edited releases: kept by a sync that finds a release's title, text or
contacts changed, at most MAX_VERSIONS per release, each as a compressed delta against the
version after it (versions/delta.py); read back newest first."""

from __future__ import annotations

import logging
import sqlite3

from newsroom_tui.models import ReleaseVersion
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.values import contacts_from_json, from_ts
from newsroom_tui.versions.delta import DeltaError, Document, apply, encode

log = logging.getLogger(__name__)

MAX_VERSIONS = 5
"""Earlier versions kept per release; the oldest goes when an edit brings one more."""


def keep_previous(
    con: sqlite3.Connection, rk: int, previous: Document, current: Document, now: int
) -> None:
    """Store `previous` (the version a sync just replaced by `current`) for release `rk`, and
    drop the oldest kept beyond MAX_VERSIONS. Runs inside the sync batch's transaction."""
    delta = encode(current.lines(), previous.lines())
    row = con.execute(
        "SELECT coalesce(max(number), 0) FROM release_versions WHERE rk = ?", (rk,)
    ).fetchone()
    number = int(row[0]) + 1
    con.execute(
        "INSERT INTO release_versions(rk, number, replaced_at, delta) VALUES (?, ?, ?, ?)",
        (rk, number, now, delta),
    )
    con.execute(
        "DELETE FROM release_versions WHERE rk = ? AND number <= ?", (rk, number - MAX_VERSIONS)
    )


class VersionReads:
    """The earlier versions of one release, rebuilt from the current one."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def earlier_versions(self, release_id: str, limit: int = MAX_VERSIONS) -> list[ReleaseVersion]:
        """Up to `limit` earlier versions, newest first ([] when the release was never edited
        or is unknown). A damaged delta ends the list there; when even the newest is damaged,
        DeltaError (one line) says so."""
        with self._db.snapshot():
            current = self._db.read_one(
                "SELECT r.rk, r.title, c.contacts, c.markdown FROM releases r"
                " JOIN release_content c ON c.rk = r.rk WHERE r.id = ?",
                (release_id,),
            )
            if current is None:
                return []
            rows = self._db.read(
                "SELECT number, replaced_at, delta FROM release_versions WHERE rk = ?"
                " ORDER BY number DESC LIMIT ?",
                (current[0], max(0, limit)),
            )
        lines = Document(current[1], current[2], current[3]).lines()
        versions: list[ReleaseVersion] = []
        for number, replaced_at, delta in rows:
            try:
                lines = apply(lines, delta)
                document = Document.from_lines(lines)
            except DeltaError:
                if not versions:
                    raise
                log.warning("release %s: earlier version %s is damaged", release_id, number)
                break
            versions.append(
                ReleaseVersion(
                    number=int(number),
                    replaced_at=from_ts(replaced_at),
                    title=document.title,
                    markdown=document.markdown,
                    contacts=contacts_from_json(document.contacts_json),
                )
            )
        return versions
