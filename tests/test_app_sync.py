"""Background sync from the reader: a real sync against the demo site on a loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom_tui.app import build_app
from newsroom_tui.demo.server import SiteServer, demo_profile
from newsroom_tui.models import SyncProgress
from newsroom_tui.profiles import load_profile
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.sync_status import SyncStatus
from uifixtures import notices, settle


async def test_sync_in_background_with_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[SyncProgress] = []
    syncing_while_progress: list[bool] = []
    original = SyncStatus.show_progress

    def record(self: SyncStatus, progress: SyncProgress) -> None:
        seen.append(progress)
        syncing_while_progress.append(self.syncing and self.has_class("-syncing"))
        original(self, progress)

    monkeypatch.setattr(SyncStatus, "show_progress", record)
    with SiteServer() as server:
        profile = demo_profile(server.base_url)
        app = build_app(profile, tmp_path / "data", demo=True)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            release_list = app.screen.query_one(ReleaseList)
            assert release_list.count == 0
            await pilot.press("r")
            status = app.screen.query_one(SyncStatus)
            await pilot.press("j", "tab")  # the UI keeps answering meanwhile
            await settle(pilot)
            assert not status.syncing
            assert release_list.count > 0
            assert seen and seen[-1].phase == "done"
            assert all(syncing_while_progress)  # the progress bar was up for every update
            assert status.online
            assert "never synced" not in str(app.screen.query_one("#status-sync").render())


async def test_sync_without_network_reports_offline(tmp_path: Path) -> None:
    with SiteServer() as server:
        profile = demo_profile(server.base_url)
    # the server is gone: every source fails with a connection error
    app = build_app(profile, tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        status = app.screen.query_one(SyncStatus)
        assert not status.syncing
        assert not status.online
        assert app.is_running


async def test_r_under_the_demo_profile_serves_and_syncs_the_demo(tmp_path: Path) -> None:
    """`newsroom-tui --profile demo` (no --demo): nothing serves the demo until `r` does."""
    profile = load_profile("demo")
    assert not profile.fetch.connect_to
    app = build_app(profile, tmp_path / "data", probe_network=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = app.screen.query_one(SyncStatus)
        assert status.online  # the demo is served on demand: not "offline" at start
        release_list = app.screen.query_one(ReleaseList)
        assert release_list.count == 0
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not status.syncing
        assert release_list.count == 44
        assert status.online
        assert not [n for n in notices(app) if n.severity == "error"]
