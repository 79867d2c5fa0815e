"""ReaderService, the reader's background work without widgets: facets, sync outcomes, cancel."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsroom_tui import paths
from newsroom_tui.demo.server import SiteServer, demo_profile
from newsroom_tui.models import SourceFailure, SyncProgress, SyncReport
from newsroom_tui.query import Query
from newsroom_tui.screens.reader_service import (
    ReaderService,
    SyncFailed,
    sync_summary,
    sync_was_offline,
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


def test_summary_and_offline() -> None:
    failure = SourceFailure("https://example.org/feed", "timed out")
    assert sync_summary(SyncReport(new=3, updated=1)) == "3 new, 1 updated"
    both_failed = SyncReport(failed=[failure, failure])
    assert sync_summary(both_failed) == "0 new, 0 updated, 2 source(s) failed"
    assert sync_was_offline(both_failed)
    assert not sync_was_offline(SyncReport(failed=[failure], sources_ok=1))
    assert not sync_was_offline(SyncReport())
