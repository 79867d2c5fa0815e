"""The store's schema as a list of forward migrations; `PRAGMA user_version` is the list's length.

Never edit a released step: append a new one. Each step runs inside the store's write transaction.
The FTS rowid is the release's sort key (`rk`), which grows with the publication date, so
"newest first" is `ORDER BY rowid DESC` and FTS5 can stream it and stop at the LIMIT.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

_V1 = """
-- Narrow on purpose (~300 bytes a row, so the whole table stays in the page cache): filters and
-- the list read it row by row. The large texts live in release_content.
CREATE TABLE releases (
    rk INTEGER PRIMARY KEY,          -- sort key: (published + offset) << 20 | tiebreak; FTS rowid
    id TEXT NOT NULL UNIQUE,         -- stable id (guid, else canonical URL)
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    published INTEGER,               -- unix time (UTC) or NULL
    published_iso TEXT,              -- the datetime as given, to give it back unchanged
    year INTEGER,
    language TEXT NOT NULL DEFAULT '',
    section TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    summary_only INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
);
CREATE TABLE release_content (
    rk INTEGER PRIMARY KEY REFERENCES releases(rk) ON DELETE CASCADE ON UPDATE CASCADE,
    summary TEXT NOT NULL DEFAULT '',
    markdown TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    contacts TEXT NOT NULL DEFAULT '[]',
    contacts_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX releases_section ON releases(section, rk);
CREATE INDEX releases_language ON releases(language, rk);
CREATE INDEX releases_year ON releases(year);
-- Lets "newest first" scans that need the id (the unread filter) skip the large rows.
CREATE INDEX releases_order ON releases(rk, id);

-- Read/starred state lives apart from the releases so that a re-sync never touches it.
CREATE TABLE release_state (
    id TEXT PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX release_state_read ON release_state(read, id) WHERE read = 1;
CREATE INDEX release_state_starred ON release_state(starred, id) WHERE starred = 1;

-- Keyed by the sort key so that tag filters and counts never read the (large) release rows.
CREATE TABLE release_tags (
    rk INTEGER NOT NULL REFERENCES releases(rk) ON DELETE CASCADE ON UPDATE CASCADE,
    tag_key TEXT NOT NULL,           -- case- and accent-folded
    tag TEXT NOT NULL,
    PRIMARY KEY (rk, tag_key)
) WITHOUT ROWID;
CREATE INDEX release_tags_key ON release_tags(tag_key, rk);

CREATE TABLE contacts (
    id TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    organization TEXT NOT NULL,
    emails TEXT NOT NULL,            -- JSON list
    phones TEXT NOT NULL,            -- JSON list
    PRIMARY KEY (id, position)
) WITHOUT ROWID;

CREATE TABLE sections (
    key TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    markdown TEXT NOT NULL,
    text TEXT NOT NULL,
    contacts TEXT NOT NULL,
    fetched_at INTEGER
);

CREATE TABLE fetch_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    checked_at INTEGER
);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE VIEW release_fts_source AS
    SELECT r.rk AS rk, r.title AS title, c.text AS body, c.contacts_text AS contacts
    FROM releases r JOIN release_content c ON c.rk = r.rk;

CREATE VIRTUAL TABLE release_fts USING fts5(
    title, body, contacts,
    content = 'release_fts_source',
    content_rowid = 'rk',
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '1 2 3'
);
"""


def _v1(con: sqlite3.Connection) -> None:
    for statement in _V1.split(";\n"):
        if statement.strip():
            con.execute(statement)


_V2 = """
-- A copy of each release's read/starred flags beside its sort key (release_state stays the
-- source of truth: the triggers below copy every change, and a (re)stored release copies its
-- state row), so "unread" lists and counts read one partial index instead of probing
-- release_state by text id for every row.
ALTER TABLE releases ADD COLUMN read INTEGER NOT NULL DEFAULT 0;
ALTER TABLE releases ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
UPDATE releases SET read = 1 WHERE id IN (SELECT id FROM release_state WHERE read = 1);
UPDATE releases SET starred = 1 WHERE id IN (SELECT id FROM release_state WHERE starred = 1);
-- The same read flag beside each tag, so a tag's unread releases are one index range.
ALTER TABLE release_tags ADD COLUMN read INTEGER NOT NULL DEFAULT 0;
UPDATE release_tags SET read = 1 WHERE rk IN (SELECT rk FROM releases WHERE read = 1);
CREATE INDEX releases_unread ON releases(rk) WHERE read = 0;
CREATE INDEX releases_section_unread ON releases(section, rk) WHERE read = 0;
CREATE INDEX releases_language_unread ON releases(language, rk) WHERE read = 0;
CREATE INDEX releases_starred ON releases(rk) WHERE starred = 1;
CREATE INDEX release_tags_unread ON release_tags(tag_key, rk) WHERE read = 0;
CREATE TRIGGER release_state_copy_insert AFTER INSERT ON release_state BEGIN
    UPDATE releases SET read = NEW.read, starred = NEW.starred WHERE id = NEW.id;
    UPDATE release_tags SET read = NEW.read
        WHERE rk = (SELECT rk FROM releases WHERE id = NEW.id);
END;
CREATE TRIGGER release_state_copy_update AFTER UPDATE ON release_state BEGIN
    UPDATE releases SET read = NEW.read, starred = NEW.starred WHERE id = NEW.id;
    UPDATE release_tags SET read = NEW.read
        WHERE rk = (SELECT rk FROM releases WHERE id = NEW.id);
END;
CREATE TRIGGER release_state_copy_delete AFTER DELETE ON release_state BEGIN
    UPDATE releases SET read = 0, starred = 0 WHERE id = OLD.id;
    UPDATE release_tags SET read = 0 WHERE rk = (SELECT rk FROM releases WHERE id = OLD.id);
END;
-- Counts changes to the contact rows, so the contacts directory (built from all of them) is
-- rebuilt only when they changed, not after every commit of a sync.
CREATE TABLE change_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO change_counters(name, value) VALUES ('contacts', 0);
CREATE TRIGGER contacts_count_insert AFTER INSERT ON contacts BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'contacts';
END;
CREATE TRIGGER contacts_count_delete AFTER DELETE ON contacts BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'contacts';
END
"""


_V3 = """
-- Each release's links to its versions in other languages, as its page gives them.
CREATE TABLE release_links (
    rk INTEGER NOT NULL REFERENCES releases(rk) ON DELETE CASCADE ON UPDATE CASCADE,
    language TEXT NOT NULL,          -- hreflang, lower case
    url TEXT NOT NULL,
    PRIMARY KEY (rk, language)
) WITHOUT ROWID;
-- A release by its address: the version another release (or newsroom) links to.
CREATE INDEX releases_url ON releases(url);
-- Earlier versions of edited releases, each a compressed delta against the version after it
-- (versions/delta.py); the highest number is the one the current text replaced.
CREATE TABLE release_versions (
    rk INTEGER NOT NULL REFERENCES releases(rk) ON DELETE CASCADE ON UPDATE CASCADE,
    number INTEGER NOT NULL,
    replaced_at INTEGER NOT NULL,    -- unix time of the sync that found the next version
    delta BLOB NOT NULL,
    PRIMARY KEY (rk, number)
) WITHOUT ROWID;
-- The ✎ marker: an edit the reader has not shown yet (a sync sets it, reading clears it).
-- Releases edited before this version keep their marker until they are opened again.
ALTER TABLE releases ADD COLUMN edit_unseen INTEGER NOT NULL DEFAULT 0;
UPDATE releases SET edit_unseen = 1 WHERE updated = 1;
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    """A step running these statements: each ends with a line ending in `;` (`END;` in a
    trigger); comment lines between statements are skipped."""

    def step(con: sqlite3.Connection) -> None:
        statement: list[str] = []
        for line in sql.splitlines():
            if line.startswith("--") and not statement:
                continue
            statement.append(line)
            text = "\n".join(statement).strip()
            if text.endswith(";") and (
                not text.upper().startswith("CREATE TRIGGER") or text.endswith("END;")
            ):
                con.execute(text)
                statement = []
        if "\n".join(statement).strip():
            con.execute("\n".join(statement))

    return step


def _v4(con: sqlite3.Connection) -> None:
    """Short ids: every release id becomes release_id_for(old id), in the releases, their
    contacts and the read/starred state (rows kept for releases not stored yet included).

    The old id was the release's key (a feed guid, a site path or a URL), so the new id is what
    a sync computes for the same release now, and an old id still finds its release
    (Store.get_release tries release_id_for(ref)). Ids are renamed in two steps (to a
    temporary name, then the new one), so an old id shaped like a new one never collides
    mid-way; a new id some other release already has (a hash collision) leaves that release
    its old id. The contacts' foreign key is checked at commit, once both sides are renamed.
    """
    from newsroom_tui.models import release_id_for  # only a database older than v4 needs it

    con.execute("PRAGMA defer_foreign_keys = ON")
    old_ids = [str(row[0]) for row in con.execute("SELECT id FROM releases")]
    old_ids += [
        str(row[0])
        for row in con.execute(
            "SELECT id FROM release_state WHERE id NOT IN (SELECT id FROM releases)"
        )
    ]
    renames: dict[str, str] = {}
    taken: set[str] = set()
    for old in old_ids:
        new = release_id_for(old)
        if new != old and new not in taken:
            renames[old] = new
            taken.add(new)
    keep = set(old_ids) - set(renames)
    for old, new in list(renames.items()):
        if new in keep:  # an unrenamed id already has that name
            del renames[old]
    con.execute("CREATE TEMP TABLE id_renames (old TEXT PRIMARY KEY, new TEXT NOT NULL)")
    con.executemany("INSERT INTO id_renames(old, new) VALUES (?, ?)", renames.items())
    direct = not (set(renames.values()) & set(old_ids))
    for table in ("releases", "release_state", "contacts"):
        if direct:  # no new id is anybody's old one: one pass
            con.execute(
                f"UPDATE {table} SET id = (SELECT new FROM id_renames WHERE old = {table}.id)"
                " WHERE id IN (SELECT old FROM id_renames)"
            )
            continue
        con.execute(
            f"UPDATE {table} SET id = char(1) || id WHERE id IN (SELECT old FROM id_renames)"
        )
        con.execute(
            f"UPDATE {table} SET id = (SELECT new FROM id_renames WHERE old = substr({table}.id, 2))"
            f" WHERE substr(id, 1, 1) = char(1)"
            f" AND substr(id, 2) IN (SELECT old FROM id_renames)"
        )
    con.execute("DROP TABLE temp.id_renames")


_V5 = """
-- The partial indexes on the read/starred flags hold the flag too, so a list, count or probe
-- that reads one of them never reads the table to check a flag the index already implies
-- (SQLite counts a partial index as covering only for the columns it holds). Counting a tag's
-- unread releases at 100,000: ~1 ms instead of ~18; a text search with a tag and unread
-- probes release_tags_unread for each match instead of reading the release rows. The entries
-- are the same (the flag is the same constant in each), so marking releases read or storing a
-- sync batch costs what it did.
DROP INDEX releases_unread;
CREATE INDEX releases_unread ON releases(rk, read) WHERE read = 0;
DROP INDEX releases_section_unread;
CREATE INDEX releases_section_unread ON releases(section, rk, read) WHERE read = 0;
DROP INDEX releases_language_unread;
CREATE INDEX releases_language_unread ON releases(language, rk, read) WHERE read = 0;
DROP INDEX releases_starred;
CREATE INDEX releases_starred ON releases(rk, starred) WHERE starred = 1;
DROP INDEX release_tags_unread;
CREATE INDEX release_tags_unread ON release_tags(tag_key, rk, read) WHERE read = 0;
"""

_V6 = """
-- The contacts directory as last built (storage/directory.py), so a process that lists or
-- looks up contacts reads a few hundred rows instead of grouping every contact row (5 s at
-- 100,000 releases). It is valid while change_counters.contact_directory (the contacts counter
-- it was built at) equals change_counters.contacts; any process may rebuild and replace it.
CREATE TABLE IF NOT EXISTS contact_directory (
    position INTEGER PRIMARY KEY,    -- the directory's order
    key TEXT NOT NULL UNIQUE,        -- the directory key (email:..., name:...)
    entry TEXT NOT NULL,             -- JSON: key, name, office, emails, phones, releases,
                                     -- last seen (unix time or null), previous values
    haystack TEXT NOT NULL,          -- folded name, office, emails and phones (the filter's)
    phone_digits TEXT NOT NULL,      -- the phones' digits, space-separated
    release_ids TEXT NOT NULL        -- JSON list: the releases that name this contact
);
-- (IF NOT EXISTS, OR IGNORE and the reset: a database whose user_version was set back, as the
-- migration tests do, runs this step again and rebuilds the directory at its next use.)
INSERT OR IGNORE INTO change_counters(name, value) VALUES ('contact_directory', -1);
UPDATE change_counters SET value = -1 WHERE name = 'contact_directory';
"""

MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1,
    _script(_V2),
    _script(_V3),
    _v4,
    _script(_V5),
    _script(_V6),
]
"""MIGRATIONS[n] takes a database from user_version n to n + 1."""

CURRENT_VERSION = len(MIGRATIONS)


def migrate(con: sqlite3.Connection, from_version: int, to_version: int = CURRENT_VERSION) -> None:
    """Apply the steps from `from_version` up to `to_version` (inside the caller's transaction)."""
    for version in range(from_version, to_version):
        MIGRATIONS[version](con)
        con.execute(f"PRAGMA user_version = {version + 1}")


def read_only_views(con: sqlite3.Connection, version: int) -> None:
    """Let this version's queries read an older database that cannot be migrated (read-only).

    TEMP views shadow the tables whose columns a later step added (unqualified names resolve
    to the temp schema first), and empty views stand for the tables it added; the file itself is
    never changed.
    """
    if version == 1:
        con.execute(
            "CREATE TEMP VIEW releases AS SELECT r.*, coalesce(s.read, 0) AS read,"
            " coalesce(s.starred, 0) AS starred, r.updated AS edit_unseen FROM main.releases r"
            " LEFT JOIN main.release_state s ON s.id = r.id"
        )
        con.execute(
            "CREATE TEMP VIEW release_tags AS SELECT t.*, coalesce(s.read, 0) AS read"
            " FROM main.release_tags t JOIN main.releases r ON r.rk = t.rk"
            " LEFT JOIN main.release_state s ON s.id = r.id"
        )
        con.execute("CREATE TEMP VIEW change_counters AS SELECT 'contacts' AS name, 0 AS value")
    elif version == 2:
        con.execute(
            "CREATE TEMP VIEW releases AS SELECT r.*, r.updated AS edit_unseen FROM main.releases r"
        )
    if version in (1, 2):
        con.execute(
            "CREATE TEMP VIEW release_links AS SELECT 0 AS rk, '' AS language, '' AS url WHERE 0"
        )
        con.execute(
            "CREATE TEMP VIEW release_versions AS SELECT 0 AS rk, 0 AS number,"
            " 0 AS replaced_at, x'' AS delta WHERE 0"
        )
