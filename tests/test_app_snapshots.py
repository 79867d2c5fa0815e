"""A few SVG snapshots of the reader (update with `pytest --snapshot-update` after checking them).

The data has fixed dates and the header shows the stored last-sync time, so they are stable.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from newsroom_tui.app import NewsroomApp, build_app
from uifixtures import profile, sample_app, search_settled, settle

SnapCompare = Callable[..., bool]


async def open_first(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def search_securite(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("slash", *"securite")
    app = pilot.app
    assert isinstance(app, NewsroomApp)
    # The cursor stays drawn: a blinking one is on or off depending on how slow the machine is.
    app.screen.query_one(Input).cursor_blink = False
    await search_settled(app, pilot)
    await pilot.press("enter")  # to the results: no blinking text cursor in the picture
    await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_main_screen(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = sample_app(tmp_path / "data")
    assert snap_compare(app, terminal_size=size, run_before=open_first)


def test_search_results(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    assert snap_compare(app, terminal_size=(120, 40), run_before=search_securite)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_empty_state(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = build_app(profile(), tmp_path / "data")
    assert snap_compare(app, terminal_size=size, run_before=settle)


def test_wide_screen_with_a_release_open(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """200 columns: the tree stays, the article keeps a readable measure."""
    app = sample_app(tmp_path / "data")
    assert snap_compare(app, terminal_size=(200, 50), run_before=open_first)


async def open_first_in_reading_mode(pilot: Pilot[Any]) -> None:
    await open_first(pilot)
    await pilot.press("z")
    await settle(pilot)


def test_reading_mode_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_first_in_reading_mode)
