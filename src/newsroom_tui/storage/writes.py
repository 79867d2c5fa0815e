"""Everything that changes releases: a sync batch (releases, section pages, fetch state) in one
transaction, and the reader's read/starred flags and remembered settings."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from newsroom_tui.models import FetchState, LanguageLink, Release, SectionPage
from newsroom_tui.speedups.json_text import string_list, strings_flag_empty
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
    if not release.contacts:  # every headline, most pages: the one shape encoded directly
        payload = strings_flag_empty(release.title, release.markdown, bool(release.summary_only))
    else:
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
        # The full-text index is written after everything else in the batch, in two statements
        # (see _write_fts): FTS5 flushes its pending terms at every savepoint, and every
        # statement and trigger opens one, so index writes one by one, or interleaved with the
        # other rows, turned into one tiny segment per release (then merged).
        fts: list[_FtsRow] = []
        stored_new: list[str] = []
        with self._db.write() as con:
            writer = _BatchWriter(con, now, fts)
            writer.look_up(releases)
            for release in releases:
                outcome = writer.upsert(release)
                if outcome == "new":
                    new += 1
                    stored_new.append(release.id)
                elif outcome == "updated":
                    updated += 1
                else:
                    unchanged += 1
            writer.insert_new()
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


def _first_rk(release_id: str, published: int | None) -> int:
    """The sort key a release takes when it is free: its time, and a tiebreak from its id."""
    return rk_base(published) | (zlib.crc32(release_id.encode("utf-8")) & TIE_MASK)


def _allocate_rk(
    con: sqlite3.Connection, release_id: str, published: int | None, pending: set[int]
) -> int:
    """The first free sort key from the release's own: not in the table, nor among `pending`
    (the keys of this batch's new releases, written at its end)."""
    base = rk_base(published)
    tie = zlib.crc32(release_id.encode("utf-8")) & TIE_MASK
    for step in range(TIE_MASK + 1):
        rk = base | ((tie + step) & TIE_MASK)
        if (
            rk
            and rk not in pending
            and con.execute("SELECT 1 FROM releases WHERE rk = ?", (rk,)).fetchone() is None
        ):
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


_OLD_ROW = (
    "SELECT r.id, r.rk, r.title, c.text, c.contacts_text, r.content_hash, r.summary_only,"
    " r.updated, r.published FROM releases r JOIN release_content c ON c.rk = r.rk"
    " WHERE r.id IN ({})"
)
_STATE_ROW = "SELECT id, read, starred FROM release_state WHERE id IN ({})"
_TAKEN_RK = "SELECT rk FROM releases WHERE rk IN ({})"
_LOOKUP_CHUNK = 400
"""Ids or keys per look-up query (SQLite allows 999 parameters at least)."""
_INSERT_RELEASE = (
    "INSERT INTO releases(rk, id, url, title, published, published_iso, year, language,"
    " section, tags, summary_only, updated, content_hash, first_seen, last_seen, read, starred)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)"
)
_INSERT_CONTENT = (
    "INSERT INTO release_content(rk, summary, markdown, text, contacts, contacts_text)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_INSERT_TAG = "INSERT INTO release_tags(rk, tag_key, tag, read) VALUES (?, ?, ?, ?)"
_INSERT_CONTACT = (
    "INSERT INTO contacts(id, position, name, organization, emails, phones)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_INSERT_LINK = "INSERT OR REPLACE INTO release_links(rk, language, url) VALUES (?, ?, ?)"


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), _LOOKUP_CHUNK):
        yield values[start : start + _LOOKUP_CHUNK]


class _BatchWriter:
    """One batch's writes: the stored rows of its releases looked up in a few queries, its new
    releases written together at the end (one statement per table), its edits in place.

    What a release finds is what it would find if each were written as it comes: a release the
    batch holds twice writes the new ones before it and reads its row again, and a sort key is
    free when neither the table nor the batch's new releases hold it."""

    def __init__(self, con: sqlite3.Connection, now: int, fts: list[_FtsRow]) -> None:
        self.con = con
        self.now = now
        self.fts = fts
        self.old: dict[str, tuple[Any, ...]] = {}
        """The stored row of each id of the batch (as looked up before its first write)."""
        self.states: dict[str, tuple[int, int]] = {}
        self.looked_up: set[int] = set()
        """The first sort keys of the batch's new releases, looked up when it began..."""
        self.taken: set[int] = set()
        """... and those of them the table holds (or this batch's new releases written)."""
        self.moved = False
        """A release changed its sort key: `taken` no longer tells the table's keys."""
        self.done: set[str] = set()
        self.pending: set[int] = set()
        self.rows: tuple[list[Any], ...] = ([], [], [], [], [])
        """Rows not written yet: releases, release_content, release_tags, contacts, links."""

    def look_up(self, releases: Sequence[Release]) -> None:
        ids = list(dict.fromkeys(release.id for release in releases))
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for row in self.con.execute(_OLD_ROW.format(marks), chunk):
                self.old[row[0]] = row[1:]
            for rid, read, starred in self.con.execute(_STATE_ROW.format(marks), chunk):
                self.states[rid] = (int(read), int(starred))
        firsts = [
            _first_rk(release.id, timestamp(release.published) if release.published else None)
            for release in releases
            if release.id not in self.old
        ]
        self.looked_up.update(firsts)
        for chunk in _chunks(list(self.looked_up)):
            marks = ",".join("?" * len(chunk))
            self.taken.update(r for (r,) in self.con.execute(_TAKEN_RK.format(marks), chunk))

    def allocate(self, release_id: str, published: int | None) -> int:
        """A free sort key for a new release."""
        rk = _first_rk(release_id, published)
        if (
            rk
            and not self.moved
            and rk in self.looked_up
            and rk not in self.taken
            and rk not in self.pending
        ):
            return rk  # the usual case: the batch's one look-up told it is free
        return _allocate_rk(self.con, release_id, published, self.pending)

    def insert_new(self) -> None:
        """Write the new releases held back so far."""
        statements = (_INSERT_RELEASE, _INSERT_CONTENT, _INSERT_TAG, _INSERT_CONTACT, _INSERT_LINK)
        for sql, rows in zip(statements, self.rows, strict=True):
            if rows:
                self.con.executemany(sql, rows)
                rows.clear()
        self.taken |= self.pending
        self.pending.clear()

    def upsert(self, release: Release) -> str:
        """Write one release (a new one held back for `insert_new`); its full-text index
        writes are appended to `fts`."""
        if release.id in self.done:  # given twice: read what the batch wrote before it
            self.insert_new()
            old = self.con.execute(_OLD_ROW.format("?"), (release.id,)).fetchone()
            old = old[1:] if old is not None else None
        else:
            self.done.add(release.id)
            old = self.old.get(release.id)
        state = self.states.get(release.id, (0, 0))
        if old is not None:
            return _upsert(self.con, release, self.now, self.fts, old, state, self)
        published = timestamp(release.published) if release.published else None
        rk = self.allocate(release.id, published)
        self.pending.add(rk)
        title = strip_markers(release.title)
        text = strip_markers(release.text)
        contacts_text = strip_markers(contacts_search_text(release.contacts))
        releases, contents, tags, contacts, links = self.rows
        releases.append(
            (
                rk,
                release.id,
                release.url,
                title,
                published,
                release.published.isoformat() if release.published else None,
                from_ts(published).year if published is not None else None,  # type: ignore[union-attr]
                release.language,
                release.section,
                string_list(release.tags),
                int(release.summary_only),
                content_hash(release),
                self.now,
                self.now,
                state[0],
                state[1],
            )
        )
        contents.append(
            (
                rk,
                release.summary,
                release.markdown,
                text,
                contacts_json(release.contacts) if release.contacts else "[]",
                contacts_text,
            )
        )
        tags.extend((rk, key, tag, state[0]) for key, tag in _tag_keys(release.tags))
        contacts.extend(_contact_rows(release))
        if not release.summary_only:
            links.extend((rk, lang, url) for lang, url in _link_map(release.language_links).items())
        self.fts.append((None, rk, title, text, contacts_text))
        return "new"


_tag_key = lru_cache(maxsize=4096)(fold)
"""A tag's folded key (a feed's items share a few tags: each is folded once)."""


def _tag_keys(tags: Sequence[str]) -> list[tuple[str, str]]:
    """(folded key, tag) for each tag whose key is new in the list."""
    seen: set[str] = set()
    keys: list[tuple[str, str]] = []
    for tag in tags:
        key = _tag_key(tag)
        if key and key not in seen:
            seen.add(key)
            keys.append((key, tag))
    return keys


def _contact_rows(release: Release) -> list[tuple[Any, ...]]:
    return [
        (
            release.id,
            position,
            c.name,
            c.organization,
            json.dumps(c.emails, ensure_ascii=False),
            json.dumps(c.phones, ensure_ascii=False),
        )
        for position, c in enumerate(release.contacts)
    ]


def _link_map(links: Sequence[LanguageLink]) -> dict[str, str]:
    return {link.language: link.url for link in links}


def _upsert(
    con: sqlite3.Connection,
    release: Release,
    now: int,
    fts: list[_FtsRow],
    old: tuple[Any, ...],
    state: tuple[int, int],
    writer: _BatchWriter,
) -> str:
    """Write a stored release again (unchanged, updated or completed): its rows in place, its
    full-text index writes appended to `fts`. `old` is its stored row (rk, title, text,
    contacts_text, content_hash, summary_only, updated, published)."""
    digest = content_hash(release)
    if old[4] == digest or (release.summary_only and not old[5]):
        con.execute(
            "UPDATE releases SET url = ?, last_seen = ? WHERE rk = ?",
            (release.url, now, old[0]),
        )
        if not release.summary_only:  # a feed summary knows no language versions
            _write_links(con, old[0], release.language_links, fresh=False)
        return "unchanged"
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
        "tags": string_list(release.tags),
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
    old_rk = old[0]
    fts.append(("delete", old_rk, old[1], old[2], old[3]))
    if old[7] == published:
        rk = old_rk
    else:  # its old key is free now, and the table no longer matches the batch's look-up
        rk = _allocate_rk(con, release.id, published, writer.pending)
        writer.moved = True
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
    if not release.summary_only:
        _write_links(con, rk, release.language_links, fresh=False)
    fts.append((None, rk, title, text, contacts_text))
    con.executemany(
        "INSERT INTO release_tags(rk, tag_key, tag, read) VALUES (?, ?, ?, ?)",
        [(rk, key, tag, int(state[0])) for key, tag in _tag_keys(release.tags)],
    )
    con.executemany(_INSERT_CONTACT, _contact_rows(release))
    return "updated"
