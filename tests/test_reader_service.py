"""ReaderService, the reader's background work without widgets: facets, sync outcomes, cancel."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsroom_tui import paths
from newsroom_tui.demo.server import SiteServer, demo_profile
from newsroom_tui.models import SyncProgress
from newsroom_tui.query import Query
from newsroom_tui.screens.reader_service import (
    ReaderService,
    SyncFailed,
)
from newsroom_tui.storage.store import Store
from uifixtures import fill, profile, sample_releases


def test_count_facets_reads_the_database_file(tmp_path: Path) -> None:
    prof = profile()
    database = fill(tmp_path, prof, sample_releases())
    facets = ReaderService(prof, database).count_facets()
    assert facets.total == len(sample_releases())
    assert {year for year, _ in facets.years} >= {2023, 2024}


def test_sync_fills_the_database_and_reports_progress(tmp_path: Path) -> None:
    seen: list[SyncProgress] = []
    with SiteServer() as server:
        prof = demo_profile(server.base_url)
        database = paths.database_path(tmp_path, prof.id)
        report = ReaderService(prof, database).sync(seen.append)
    assert report.new > 0 and not report.failed
    assert seen and seen[-1].phase == "done"
    with Store.open(database) as store:
        assert store.count(Query()) == report.new


def test_invalid_selector_fails_in_one_line(tmp_path: Path) -> None:
    prof = profile()
    broken = dataclasses.replace(
        prof, extract=dataclasses.replace(prof.extract, body=("div[unclosed",))
    )
    service = ReaderService(broken, paths.database_path(tmp_path, prof.id))
    with pytest.raises(SyncFailed, match=r"^invalid profile: .*extract\.body") as caught:
        service.sync(lambda _: None)
    assert "\n" not in str(caught.value)


def test_cancel_without_a_sync_does_nothing(tmp_path: Path) -> None:
    service = ReaderService(profile(), paths.database_path(tmp_path, "x"))
    service.cancel()  # must not raise
    assert service._cancel is None


def test_mark_all_read_and_undo(tmp_path: Path) -> None:
    from newsroom_tui.query import Query

    prof = profile()
    fill(tmp_path, prof, sample_releases())
    db = paths.database_path(tmp_path, prof.id)
    service = ReaderService(prof, db)
    with Store.open(db) as store:
        store.set_read(["r000002"], True)
    changed = service.mark_all_read(Query(year=2024))
    assert "r000002" not in changed and "r000001" in changed
    with Store.open(db) as store:
        assert store.unread_ids(Query(year=2024)) == []
        assert store.unread_ids(Query(year=2023))  # another year is left alone
    service.set_read(changed, False)
    with Store.open(db) as store:
        assert store.unread_ids(Query(year=2024)) == changed
        assert store.get_release("r000002").read  # type: ignore[union-attr]
