"""Pilot tests for what a search keystroke costs the screen: the list paints its rows as they are
drawn one by one, the snippet is read once per search and release, the error line is emptied
when a search parses again."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static

from newsroom_tui.newsrooms.multistore import MultiStore
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.search_bar import SearchBar
from uifixtures import sample_app, search_settled, settle

SIZE = (120, 40)


async def test_a_paint_of_the_list_draws_the_rows_render_line_draws(tmp_path: Path) -> None:
    """The list works out its style and width once per paint: the strips are the same as those
    drawn line by line, in every theme (a theme change restyles the rows)."""
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        release_list = app.screen.query_one(ReleaseList)
        width, height = release_list.scrollable_content_region.size
        assert height > 8
        seen_cursor_styles = set()
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await settle(pilot)
            release_list._lines.clear()
            one_by_one = [release_list.render_line(y) for y in range(height)]
            release_list._lines.clear()
            painted = release_list.render_lines(Region(0, 0, width, height))
            assert [list(s) for s in painted] == [list(s) for s in one_by_one]
            seen_cursor_styles.add(next(iter(one_by_one[0])).style)
        assert len(seen_cursor_styles) == 2


async def test_the_snippet_is_read_once_per_search_and_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str]] = []
    snippet = MultiStore.snippet

    def counted(self: MultiStore, query: object, release_id: str) -> str:
        asked.append((str(getattr(query, "text", "")), release_id))
        return snippet(self, query, release_id)  # type: ignore[arg-type]

    monkeypatch.setattr(MultiStore, "snippet", counted)
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"migrants", "enter")
        await search_settled(app, pilot)
        await settle(pilot)
        release_list = app.screen.query_one(ReleaseList)
        assert release_list.count > 1
        first = release_list.current_row
        assert first is not None
        assert asked.count(("migrants", first.id)) == 1
        assert app.screen.query_one("#snippet", Static).display
        await pilot.press("j")
        await settle(pilot)
        second = release_list.current_row
        assert second is not None and second.id != first.id
        assert asked.count(("migrants", second.id)) == 1
        await pilot.press("k")
        await settle(pilot)
        assert asked.count(("migrants", first.id)) == 2  # shown again: read again


async def test_the_error_line_is_emptied_when_the_search_parses_again(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"since:notadate")
        await search_settled(app, pilot)
        search = app.screen.query_one(SearchBar)
        error = search.query_one("#search-error", Static)
        assert search.has_class("-error") and str(error.render()).strip()
        for _ in "notadate":
            await pilot.press("backspace")
        await pilot.press(*"2024-01-01")
        await search_settled(app, pilot)
        assert not search.has_class("-error")
        assert not str(error.render()).strip()
