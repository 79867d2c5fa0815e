"""The release list at 100,000 releases: first paint <= 300 ms and each key <= 100 ms.

Timed in-process around our own work (the list's store queries and rendering every visible line),
so the numbers do not include Pilot's own waits; the whole app runs, with the real store.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsroom_tui.app import build_app
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.widgets.release_list import ReleaseList
from uifixtures import fill, profile, release, settle

COUNT = 100_000


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


def timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


async def test_release_list_stays_fast_at_100k(big_data_dir: Path) -> None:
    app = build_app(profile(), big_data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        release_list = screen.query_one(ReleaseList)

        def paint() -> None:
            for y in range(release_list.size.height):
                release_list.render_line(y)

        def first_paint() -> None:
            screen.refresh_list()
            paint()

        first = timed(first_paint)
        print(f"100k list first paint: {first:.1f} ms")
        assert first <= 300
        assert release_list.count == COUNT
        steps: list[tuple[str, Callable[[], None]]] = [
            ("down", release_list.action_cursor_down),
            ("page down", release_list.action_page_down),
            ("end", release_list.action_last),
            ("up", release_list.action_cursor_up),
            ("page up", release_list.action_page_up),
            ("home", release_list.action_first),
        ]
        times: dict[str, list[float]] = {}
        for name, action in steps * 3:

            def step(action: Callable[[], None] = action) -> None:
                action()
                paint()

            times.setdefault(name, []).append(timed(step))
        # the median of three, so one scheduling hiccup on a busy machine does not fail the run
        medians = {name: statistics.median(values) for name, values in times.items()}
        print("100k list timings (ms):", {k: round(v, 1) for k, v in medians.items()})
        assert max(medians.values()) <= 100, times
        assert release_list.cursor == 0
        # and through real key presses the app answers and keeps up
        await pilot.press("G")
        assert release_list.cursor == COUNT - 1
        await pilot.press("k", "k")
        assert release_list.cursor == COUNT - 3
