"""Forward migrations: a database left at any earlier schema version opens and keeps its data."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsroom_tui.models import Release, release_id_for
from newsroom_tui.query import parse_query
from newsroom_tui.storage.migrations import CURRENT_VERSION, MIGRATIONS, migrate
from newsroom_tui.storage.store import Store


def test_version_list_is_honest() -> None:
    assert len(MIGRATIONS) == CURRENT_VERSION >= 1


@pytest.mark.parametrize("start", range(CURRENT_VERSION))
def test_migrates_from_every_earlier_version(tmp_path: Path, start: int) -> None:
    path = tmp_path / "db.sqlite3"
    con = sqlite3.connect(path, isolation_level=None)
    migrate(con, 0, start)
    if start >= 1:  # a database of that version with a user's data in it
        con.execute("INSERT INTO meta(key, value) VALUES ('last_sync', '2024-01-01')")
        state_id = "old" if start < 4 else release_id_for("old")  # v4 made the ids short
        con.execute("INSERT INTO release_state(id, read, starred) VALUES (?, 1, 1)", (state_id,))
    assert con.execute("PRAGMA user_version").fetchone()[0] == start
    con.close()
    with Store.open(path) as store:
        assert store.schema_version == CURRENT_VERSION
        if start >= 1:
            assert store.get_meta("last_sync") == "2024-01-01"
        # as a sync stores it now: under the id its key gives (the state row was renamed so)
        new_id = release_id_for("old")
        store.apply_batch(
            [Release(new_id, "https://x.org/1", "Sécurité", datetime(2024, 1, 1, tzinfo=UTC), "fr")]
        )
        release = store.get_release("old")
        assert release is not None
        assert release.read == (start >= 1) and release.starred == (start >= 1)
        assert store.search(parse_query("securite")).total == 1
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def _v1_with_releases(path: Path, n: int = 12) -> None:
    """A v1 database as the v1 store wrote it: releases, tags and read/starred state rows."""
    con = sqlite3.connect(path, isolation_level=None)
    migrate(con, 0, 1)
    for i in range(n):
        rk = (1_700_000_000 + i * 86_400 + (1 << 32)) << 20
        con.execute(
            "INSERT INTO releases(rk, id, url, title, published, language, section, tags,"
            " content_hash, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'h', 0, 0)",
            (
                rk,
                f"r{i}",
                f"https://x.org/{i}",
                f"T {i}",
                1_700_000_000 + i * 86_400,
                "fr" if i % 2 else "en",
                "communiques",
                '["Europe"]',
            ),
        )
        con.execute("INSERT INTO release_content(rk) VALUES (?)", (rk,))
        con.execute(
            "INSERT INTO release_tags(rk, tag_key, tag) VALUES (?, 'europe', 'Europe')", (rk,)
        )
    con.execute("INSERT INTO release_state(id, read, starred) VALUES ('r0', 1, 0), ('r3', 1, 1)")
    con.execute("INSERT INTO release_state(id, read, starred) VALUES ('r5', 0, 1)")
    con.close()


OLD_NAMES = {release_id_for(f"r{i}"): f"r{i}" for i in range(12)}
"""The v1 fixture's ids as they are since v4, back to what they were (to compare lists)."""


def _lists(store: Store) -> dict[str, list[str]]:
    shown = {}
    for text in (
        "is:unread",
        "is:starred",
        "tag:europe is:unread",
        "lang:fr is:unread",
        "section:communiques is:unread",
        "tag:europe is:starred",
    ):
        query = parse_query(text)
        shown[text] = [OLD_NAMES.get(r.id, r.id) for r in store.rows(query, 0, 100)]
        assert store.count(query) == len(shown[text])
    return shown


def test_v2_copies_the_v1_read_and_starred_state(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    _v1_with_releases(path)
    with Store.open(path) as store:
        assert store.schema_version == CURRENT_VERSION >= 2
        shown = _lists(store)
        unread = [f"r{i}" for i in range(11, -1, -1) if i not in (0, 3)]
        assert shown["is:unread"] == unread
        assert shown["is:starred"] == ["r5", "r3"] == shown["tag:europe is:starred"]
        assert shown["tag:europe is:unread"] == unread
        assert shown["lang:fr is:unread"] == [r for r in unread if int(r[1:]) % 2]
        assert store.facets().unread == 10 and store.unread_count() == 10
        store.set_read([release_id_for("r1")], True)
        assert "r1" not in _lists(store)["tag:europe is:unread"]


def _indexes(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return dict(
            con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql NOT NULL")
        )
    finally:
        con.close()


def test_v5_keeps_every_list_and_its_flag_indexes_cover_them(tmp_path: Path) -> None:
    from newsroom_tui.storage.dbfile import Database

    path = tmp_path / "db.sqlite3"
    _v1_with_releases(path)
    con = sqlite3.connect(path, isolation_level=None)
    migrate(con, 1, 4)
    con.close()
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    with Store(Database(path, con, read_only=True, version=4)) as v4:
        before = _lists(v4)
    with Store.open(path) as store:
        assert store.schema_version == CURRENT_VERSION >= 5
        assert _lists(store) == before
        assert before["tag:europe is:unread"] and before["is:starred"]
        # the flag is in the index: counting a tag's unread releases never reads the table
        plan = store._con.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM release_tags t"
            " WHERE t.tag_key = 'europe' AND t.read = 0"
        ).fetchall()
        assert "COVERING INDEX release_tags_unread" in " ".join(row[3] for row in plan)
    with Store.open(tmp_path / "new.sqlite3"):
        pass
    assert _indexes(path) == _indexes(tmp_path / "new.sqlite3")


def test_an_unmigrated_read_only_v1_file_is_listed_through_views(tmp_path: Path) -> None:
    from newsroom_tui.storage.dbfile import Database
    from newsroom_tui.storage.migrations import read_only_views

    path = tmp_path / "db.sqlite3"
    _v1_with_releases(path)
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
    read_only_views(con, 1)
    with Store(Database(path, con, read_only=True, version=1)) as store:
        shown = _lists(store)
        assert shown["is:starred"] == ["r5", "r3"]
        assert len(shown["tag:europe is:unread"]) == 10
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1  # never changed
    check.close()


def test_a_read_only_v1_file_opens_through_store_open(tmp_path: Path) -> None:
    import os
    import subprocess

    from newsroom_tui.storage.store import StoreReadOnly

    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "db.sqlite3"
    _v1_with_releases(path)
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO contacts(id, position, name, organization, emails, phones)"
        " VALUES ('r2', 0, 'Ana Ruiz', 'OIM', '[\"a@x.org\"]', '[]')"
    )
    con.commit()
    con.close()
    if os.geteuid() == 0:
        done = subprocess.run(["chattr", "+i", str(path), str(folder)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("running as root without chattr: cannot make a file read-only")
    else:
        path.chmod(0o444)
        folder.chmod(0o555)
    try:
        with Store.open(path) as store:
            assert store.read_only and store.schema_version == 1
            assert _lists(store)["is:starred"] == ["r5", "r3"]
            assert store.facets().unread == 10
            assert [c.name for c in store.contacts_directory("ana")] == ["Ana Ruiz"]
            with pytest.raises(StoreReadOnly):
                store.set_read(["r1"], True)
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder), str(path)], capture_output=True)
        folder.chmod(0o755)
        path.chmod(0o644)
