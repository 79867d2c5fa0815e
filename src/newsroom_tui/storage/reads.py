"""Whole records read one at a time: a release with its text, a section page, a URL's fetch
state, a remembered setting; and every release in turn, for export."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsroom_tui.models import FetchState, Release, SectionPage, release_id_for
from newsroom_tui.storage.dbfile import Database
from newsroom_tui.storage.values import (
    MAX_RK,
    contacts_from_json,
    from_iso,
    from_ts,
    json_strings,
    language_links,
)

_RELEASE_COLUMNS = (
    "r.id, r.url, r.title, r.published_iso, r.language, r.section, r.tags, c.summary,"
    " c.markdown, c.text, c.contacts, r.summary_only, r.updated,"
    " coalesce(s.read, 0), coalesce(s.starred, 0), r.edit_unseen,"
    " (SELECT group_concat(l.language || char(9) || l.url, char(10)) FROM release_links l"
    " WHERE l.rk = r.rk),"
    " (SELECT count(*) FROM release_versions v WHERE v.rk = r.rk)"
)


def _release(row: Sequence[Any]) -> Release:
    return Release(
        id=row[0],
        url=row[1],
        title=row[2],
        published=from_iso(row[3]),
        language=row[4],
        section=row[5],
        tags=json_strings(row[6]),
        summary=row[7],
        markdown=row[8],
        text=row[9],
        contacts=contacts_from_json(row[10]),
        summary_only=bool(row[11]),
        updated=bool(row[12]),
        read=bool(row[13]),
        starred=bool(row[14]),
        edit_unseen=bool(row[15]),
        language_links=language_links(row[16]),
        versions=int(row[17] or 0),
    )


class RecordReads:
    """Single records by key."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get_release(self, release_id: str) -> Release | None:
        """The release with this id, or with the id an older id (its key) became (schema v4)."""
        for candidate in dict.fromkeys((release_id, release_id_for(release_id))):
            row = self._db.read_one(
                f"SELECT {_RELEASE_COLUMNS} FROM releases r"
                " JOIN release_content c ON c.rk = r.rk"
                " LEFT JOIN release_state s ON s.id = r.id WHERE r.id = ?",
                (candidate,),
            )
            if row is not None:
                return _release(row)
        return None

    def find_release(self, ref: str) -> Release | None:
        """The release an id, an older id or a URL names (the URL as stored, or differing only
        by a trailing slash or http/https; looked up on the releases_url index)."""
        found = self.get_release(ref)
        if found is not None or not ref.startswith(("http://", "https://")):
            return found
        base = ref.split("://", 1)[1].rstrip("/")
        variants = [
            f"{scheme}://{base}{slash}" for scheme in ("https", "http") for slash in ("", "/")
        ]
        ordered = list(dict.fromkeys([ref, *variants]))
        marks = ",".join("?" * len(ordered))
        rows = self._db.read(f"SELECT id, url FROM releases WHERE url IN ({marks})", ordered)
        if not rows:
            return None
        best = min(rows, key=lambda row: ordered.index(row[1]))
        return self.get_release(str(best[0]))

    def iter_releases(self) -> Iterator[Release]:
        """Every release, newest first (fetched in pages so export does not hold them all)."""
        last = MAX_RK
        while True:
            rows = self._db.read(
                f"SELECT r.rk, {_RELEASE_COLUMNS} FROM releases r"
                " JOIN release_content c ON c.rk = r.rk"
                " LEFT JOIN release_state s ON s.id = r.id WHERE r.rk < ?"
                " ORDER BY r.rk DESC LIMIT 200",
                (last,),
            )
            if not rows:
                return
            for row in rows:
                yield _release(row[1:])
            last = rows[-1][0]

    def release_by_url(self, url: str) -> Release | None:
        """The release published at `url` (the newest, should two share it), or None."""
        row = self._db.read_one(
            f"SELECT {_RELEASE_COLUMNS} FROM releases r"
            " JOIN release_content c ON c.rk = r.rk"
            " LEFT JOIN release_state s ON s.id = r.id WHERE r.url = ?"
            " ORDER BY r.rk DESC LIMIT 1",
            (url,),
        )
        return None if row is None else _release(row)

    def summary_only_releases(self, limit: int) -> list[Release]:
        """Releases still shown from a feed summary (their page is yet to be fetched), newest
        first: a sync retries them even when every source answers 304."""
        rows = self._db.read(
            f"SELECT {_RELEASE_COLUMNS} FROM releases r"
            " JOIN release_content c ON c.rk = r.rk"
            " LEFT JOIN release_state s ON s.id = r.id WHERE r.summary_only = 1"
            " ORDER BY r.rk DESC LIMIT ?",
            (limit,),
        )
        return [_release(row) for row in rows]

    def release_id_for_url(self, url: str) -> str | None:
        """The id of the release published at `url` (its id may be the URL itself), or None."""
        row = self._db.read_one(
            "SELECT id FROM releases WHERE id = ?1 OR url = ?1 ORDER BY id = ?1 DESC LIMIT 1",
            (url,),
        )
        return None if row is None else str(row[0])

    def section_key_for_url(self, url: str) -> str | None:
        """The key of the cached section page at `url`, or None."""
        row = self._db.read_one("SELECT key FROM sections WHERE url = ? LIMIT 1", (url,))
        return None if row is None else str(row[0])

    def get_section(self, key: str) -> SectionPage | None:
        row = self._db.read_one(
            "SELECT key, url, title, markdown, text, contacts, fetched_at FROM sections"
            " WHERE key = ?",
            (key,),
        )
        if row is None:
            return None
        return SectionPage(
            row[0], row[1], row[2], row[3], row[4], contacts_from_json(row[5]), from_ts(row[6])
        )

    def get_fetch_state(self, url: str) -> FetchState | None:
        row = self._db.read_one(
            "SELECT url, etag, last_modified, content_hash, checked_at FROM fetch_state"
            " WHERE url = ?",
            (url,),
        )
        if row is None:
            return None
        return FetchState(row[0], row[1], row[2], row[3], from_ts(row[4]))

    def content_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """The stored content hash of each known id (unknown ids are absent)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for rid, digest in self._db.read(
                f"SELECT id, content_hash FROM releases WHERE id IN ({marks})", chunk
            ):
                found[rid] = digest
        return found

    def get_meta(self, key: str) -> str | None:
        row = self._db.read_one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row[0])
