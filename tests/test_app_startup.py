"""Pilot tests for the reader's start-up: the first frame it draws already lists the releases."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom_tui.screens.main import MainScreen
from newsroom_tui.widgets.release_list import ReleaseList
from uifixtures import open_store, sample_app, settle

SIZE = (120, 40)


async def test_the_list_is_filled_while_the_screen_mounts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows are read in the screen's mount, before its first layout (through the tree's
    message they came a frame later), and the start-up batch is over by then, so that frame is
    the one the terminal gets."""
    seen: list[tuple[int, int]] = []
    mount = MainScreen.on_mount

    def recording_mount(self: MainScreen) -> None:
        mount(self)
        seen.append((self.query_one(ReleaseList).count, self.app._batch_count))

    monkeypatch.setattr(MainScreen, "on_mount", recording_mount)
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert seen == [(8, 0)]
        assert app.screen.query_one(ReleaseList).count == 8


async def test_a_remembered_year_is_listed_once_its_node_appears(tmp_path: Path) -> None:
    """A year or tag chosen last time: the newsroom is listed at once, the year when the facet
    counts bring its node."""
    data_dir = tmp_path / "data"
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    with open_store(data_dir) as store:
        store.set_meta("selected", "facet:year:2024")
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.facet_filters == {"year": 2024}
        assert screen.facet_key == "facet:year:2024"
        assert screen.release_list.query_shown == screen.current_query()
