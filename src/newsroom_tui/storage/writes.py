"""Everything that changes releases: a sync batch (releases, section pages, fetch state) in one
transaction, and the reader's read/starred flags and remembered settings."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import zlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from newsroom_tui.models import FetchState, LanguageLink, Release, SectionPage
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.errors import StoreError
from newsroom_tui.storage.values import (
    TIE_MASK,
    contacts_json,
    contacts_search_text,
    fold,
    from_ts,
    rk_base,
    strip_markers,
    timestamp,
)
from newsroom_tui.storage.versions import keep_previous
from newsroom_tui.versions.delta import Document


class BatchResult(NamedTuple):
    """What one apply_batch did, by release."""

    new: int
    updated: int
    unchanged: int


def content_hash(release: Release) -> str:
    """What decides whether a release changed: title, text, completeness and contacts."""
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


class ReleaseWrites:
    """The write side of the store."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.new_ids: list[str] | None = None
        """When a list, the ids of the releases stored new are added to it (what a sync
        brought: watches announce them)."""

    def apply_batch(
        self,
        releases: Sequence[Release],
        sections: Sequence[SectionPage] = (),
        fetch_states: Sequence[FetchState] = (),
    ) -> BatchResult:
        """Store one sync batch in one transaction: all of it or (on any error) none of it.

        Same id and hash: unchanged (url, last_seen and language links refreshed). New hash:
        updated and flagged (an unseen edit), the version it replaces kept (storage.versions),
        except when a summary-only release gets its full page (completion: counted as updated,
        not flagged, nothing kept). A summary-only copy never replaces a full one already stored
        (the page failed this time; the full text is kept, counted unchanged). read/starred
        never change: a stored or restored release copies them from release_state.
        """
        self._db.check_writable()
        new = updated = unchanged = 0
        now = int(time.time())
        # The full-text index is written after everything else in the batch: FTS5 flushes its
        # pending terms at every savepoint, and each trigger (contacts, release_state) opens one,
        # so index writes interleaved with the other rows turned into one tiny segment per
        # release (then merged): 40 % of the time of a batch.
        fts: list[_FtsRow] = []
        stored_new: list[str] = []
        with self._db.write() as con:
            for release in releases:
                outcome = _upsert(con, release, now, fts)
                if outcome == "new":
                    new += 1
                    stored_new.append(release.id)
                elif outcome == "updated":
                    updated += 1
                else:
                    unchanged += 1
            _write_fts(con, fts)
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
                        contacts_json(page.contacts),
                        timestamp(page.fetched_at) if page.fetched_at else now,
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
                        timestamp(state.checked_at) if state.checked_at else now,
                    ),
                )
        if self.new_ids is not None:  # committed: the ids are those of stored releases
            self.new_ids += stored_new
        return BatchResult(new, updated, unchanged)

    def set_read(self, ids: Iterable[str], read: bool) -> None:
        self._db.check_writable()
        with self._db.write() as con:
            # Only known releases get a state row; triggers copy the flag into releases and
            # release_tags (migrations v2), where the list's partial indexes read it.
            ids = list(ids)
            con.executemany(
                "INSERT INTO release_state(id, read) SELECT id, ? FROM releases WHERE id = ?"
                " ON CONFLICT(id) DO UPDATE SET read = excluded.read",
                ((int(read), i) for i in ids),
            )
            if read:  # reading a release is seeing its edit: the ✎ marker goes
                con.executemany(
                    "UPDATE releases SET edit_unseen = 0 WHERE id = ? AND edit_unseen = 1",
                    ((i,) for i in ids),
                )

    def mark_edit_seen(self, release_id: str) -> None:
        """The release's changes were shown: its ✎ marker goes."""
        self._db.check_writable()
        with self._db.write() as con:
            con.execute(
                "UPDATE releases SET edit_unseen = 0 WHERE id = ? AND edit_unseen = 1",
                (release_id,),
            )

    def set_starred(self, release_id: str, starred: bool) -> None:
        """Star a release (a state row is kept even for an id not stored yet: it applies when
        that release arrives)."""
        self._db.check_writable()
        with self._db.write() as con:
            con.execute(
                "INSERT INTO release_state(id, starred) VALUES (?, ?)"
                " ON CONFLICT(id) DO UPDATE SET starred = excluded.starred",
                (release_id, int(starred)),
            )

    def set_meta(self, key: str, value: str) -> None:
        self._db.check_writable()
        with self._db.write() as con:
            con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))


def _write_links(
    con: sqlite3.Connection, rk: int, links: Sequence[LanguageLink], *, fresh: bool
) -> None:
    """The release's language links as its page gives them now (rows written only when they
    changed: most syncs find the same links)."""
    wanted = {link.language: link.url for link in links}
    if not fresh:
        stored = dict(
            con.execute("SELECT language, url FROM release_links WHERE rk = ?", (rk,)).fetchall()
        )
        if stored == wanted:
            return
        con.execute("DELETE FROM release_links WHERE rk = ?", (rk,))
    con.executemany(
        "INSERT OR REPLACE INTO release_links(rk, language, url) VALUES (?, ?, ?)",
        [(rk, language, url) for language, url in wanted.items()],
    )


def _allocate_rk(con: sqlite3.Connection, release_id: str, published: int | None) -> int:
    base = rk_base(published)
    tie = zlib.crc32(release_id.encode("utf-8")) & TIE_MASK
    for step in range(TIE_MASK + 1):
        rk = base | ((tie + step) & TIE_MASK)
        if rk and con.execute("SELECT 1 FROM releases WHERE rk = ?", (rk,)).fetchone() is None:
            return rk
    raise StoreError("too many releases share one publication time")


_FtsRow = tuple[str | None, int, str, str, str]
"""One release_fts write: ('delete', rowid, title, body, contacts) or (None, rowid, ...) to add."""


def _write_fts(con: sqlite3.Connection, rows: list[_FtsRow]) -> None:
    """Apply the batch's index writes: its removals, then its additions, one statement each.

    Every statement on the index opens a savepoint, at which FTS5 writes its pending terms out
    as a segment of its own: one INSERT per release made a segment per release, merged again
    later (~0.1 ms per release, 45 % of a headlines batch). Here the removals of what the index
    held before the batch go in one statement, and the additions in one INSERT ... SELECT from
    the content view, which holds the batch's final rows. A row added and then removed within
    the batch (a release given twice, or moved to another sort key) never reaches the index,
    so its removal is dropped with it.
    """
    removed: list[tuple[int, str, str, str]] = []
    added: dict[int, None] = {}
    for command, rk, title, body, contacts in rows:
        if command != "delete":
            added[rk] = None
        elif rk in added:  # added in this batch: not in the index yet
            del added[rk]
        else:
            removed.append((rk, title, body, contacts))
    if not removed and not added:
        return
    con.execute(
        "CREATE TEMP TABLE IF NOT EXISTS fts_batch(rk INTEGER, title TEXT,"
        " body TEXT, contacts TEXT)"
    )
    if removed:
        con.executemany(
            "INSERT INTO temp.fts_batch(rk, title, body, contacts) VALUES (?, ?, ?, ?)", removed
        )
        con.execute(
            "INSERT INTO release_fts(release_fts, rowid, title, body, contacts)"
            " SELECT 'delete', rk, title, body, contacts FROM temp.fts_batch"
        )
        con.execute("DELETE FROM temp.fts_batch")
    if added:
        con.executemany("INSERT INTO temp.fts_batch(rk) VALUES (?)", ((rk,) for rk in added))
        con.execute(
            "INSERT INTO release_fts(rowid, title, body, contacts)"
            " SELECT rk, title, body, contacts FROM release_fts_source"
            " WHERE rk IN (SELECT rk FROM temp.fts_batch)"
        )
        con.execute("DELETE FROM temp.fts_batch")


def _upsert(con: sqlite3.Connection, release: Release, now: int, fts: list[_FtsRow]) -> str:
    """Write one release's rows; its full-text index writes are appended to `fts`."""
    digest = content_hash(release)
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
        if not release.summary_only:  # a feed summary knows no language versions
            _write_links(con, old[0], release.language_links, fresh=False)
        return "unchanged"
    # The copy of the read/starred state (release_state stays the source of truth).
    state = con.execute(
        "SELECT read, starred FROM release_state WHERE id = ?", (release.id,)
    ).fetchone() or (0, 0)
    published = timestamp(release.published) if release.published else None
    title = strip_markers(release.title)
    text = strip_markers(release.text)
    contacts_text = strip_markers(contacts_search_text(release.contacts))
    values = {
        "id": release.id,
        "url": release.url,
        "title": title,
        "published": published,
        "published_iso": release.published.isoformat() if release.published else None,
        "year": from_ts(published).year if published is not None else None,  # type: ignore[union-attr]
        "language": release.language,
        "section": release.section,
        "tags": json.dumps(release.tags, ensure_ascii=False),
        "summary_only": int(release.summary_only),
        "content_hash": digest,
        "last_seen": now,
        "read": int(state[0]),
        "starred": int(state[1]),
    }
    content = {
        "summary": release.summary,
        "markdown": release.markdown,
        "text": text,
        "contacts": contacts_json(release.contacts),
        "contacts_text": contacts_text,
    }
    if old is None:
        rk = _allocate_rk(con, release.id, published)
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
        fts.append(("delete", old_rk, old[1], old[2], old[3]))
        rk = old_rk if old[7] == published else _allocate_rk(con, release.id, published)
        completion = bool(old[5]) and not release.summary_only
        previous = None
        if completion:
            values |= {"rk": rk, "updated": int(old[6])}
        else:
            values |= {"rk": rk, "updated": 1, "edit_unseen": 1}
            kept = con.execute(
                "SELECT markdown, contacts FROM release_content WHERE rk = ?", (old_rk,)
            ).fetchone()
            previous = Document(old[1], kept[1], kept[0])
        assignments = ", ".join(f"{k} = :{k}" for k in values)
        con.execute(f"UPDATE releases SET {assignments} WHERE rk = {int(old_rk)}", values)
        if previous is not None:  # release_versions.rk followed the new rk (ON UPDATE CASCADE)
            current = Document(title, content["contacts"], content["markdown"])
            keep_previous(con, rk, previous, current, now)
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
    if not release.summary_only:
        _write_links(con, rk, release.language_links, fresh=outcome == "new")
    fts.append((None, rk, title, text, contacts_text))
    seen: set[str] = set()
    for tag in release.tags:
        key = fold(tag)
        if key and key not in seen:
            seen.add(key)
            con.execute(
                "INSERT INTO release_tags(rk, tag_key, tag, read) VALUES (?, ?, ?, ?)",
                (rk, key, tag, int(state[0])),
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
