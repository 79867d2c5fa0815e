"""Forward migrations: a database left at any earlier schema version opens and keeps its data."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsroom_tui.migrations import CURRENT_VERSION, MIGRATIONS, migrate
from newsroom_tui.models import Release
from newsroom_tui.query import parse_query
from newsroom_tui.store import Store


def test_version_list_is_honest() -> None:
    assert len(MIGRATIONS) == CURRENT_VERSION >= 1


@pytest.mark.parametrize("start", range(CURRENT_VERSION))
def test_migrates_from_every_earlier_version(tmp_path: Path, start: int) -> None:
    path = tmp_path / "db.sqlite3"
    con = sqlite3.connect(path, isolation_level=None)
    migrate(con, 0, start)
    if start >= 1:  # a v1 database with a user's data in it
        con.execute("INSERT INTO meta(key, value) VALUES ('last_sync', '2024-01-01')")
        con.execute("INSERT INTO release_state(id, read, starred) VALUES ('old', 1, 1)")
    assert con.execute("PRAGMA user_version").fetchone()[0] == start
    con.close()
    with Store.open(path) as store:
        assert store.schema_version == CURRENT_VERSION
        if start >= 1:
            assert store.get_meta("last_sync") == "2024-01-01"
        store.apply_batch(
            [Release("old", "https://x.org/1", "Sécurité", datetime(2024, 1, 1, tzinfo=UTC), "fr")]
        )
        release = store.get_release("old")
        assert release is not None
        assert release.read == (start >= 1) and release.starred == (start >= 1)
        assert store.search(parse_query("securite")).total == 1
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
