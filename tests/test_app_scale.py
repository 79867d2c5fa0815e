"""The release list far beyond what it draws and caches (10,000 releases, five times the rows it
keeps): it lists them all, moves to either end, pages, and keeps the cursor where the keys put
it, with the whole app and the real store. (The benchmark runs the reader at 100,000 and says
how fast: `make bench`, the reader's figures in BENCHMARKS.md.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom_tui.app import build_app
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.widgets.release_list import ReleaseList
from uifixtures import fill, profile, release, settle

COUNT = 10_000


@pytest.fixture(scope="module")
def big_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("big")
    releases = [
        release(
            i,
            f"Communiqué {i} sur la sécurité des migrants",
            tags=("Europe",) if i % 3 else ("Asie",),
            markdown=f"Texte {i}",
        )
        for i in range(COUNT)
    ]
    fill(data_dir, profile(), releases)
    return data_dir


async def test_release_list_at_10k(big_data_dir: Path) -> None:
    app = build_app(profile(), big_data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        release_list = screen.query_one(ReleaseList)
        screen.refresh_list()
        assert release_list.count == COUNT
        first = release_list.render_line(0).text
        assert "Communiqué 0 " in first
        await pilot.press("G")
        assert release_list.cursor == COUNT - 1
        last = release_list.render_line(release_list.size.height - 1).text
        assert f"Communiqué {COUNT - 1} " in last
        await pilot.press("k", "k", "pageup")
        page = release_list.size.height - 1
        assert release_list.cursor == COUNT - 3 - page
        await pilot.press("g", "pagedown", "j")
        assert release_list.cursor == page + 1
        # the line count of the filter line says how many are listed
        assert f"{COUNT:,} releases — all cached" in str(screen.query_one("#filters").render())
