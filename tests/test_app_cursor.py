"""The release list's cursor: the whole row is highlighted, readable in every built-in theme,
focused or not (dimmer while the list does not have the focus)."""

from __future__ import annotations

from pathlib import Path

from rich.color import Color
from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.theme import BUILTIN_THEMES
from textual.widgets import Input

from newsroom_tui.paths import styles_dir
from newsroom_tui.query import Query
from newsroom_tui.screens.listing import Listing
from newsroom_tui.storage.store import Store
from newsroom_tui.widgets.release_list import ReleaseList
from uifixtures import fill, open_store, profile, sample_releases

THEMES = sorted(BUILTIN_THEMES)


def luminance(color: Color) -> float:
    red, green, blue = color.get_truecolor()

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(a: Color, b: Color) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def cells(segments: list[Segment]) -> list[tuple[Color | None, Color | None]]:
    """(foreground, background) of every visible character of a line."""
    found = []
    for segment in segments:
        style = segment.style
        for char in segment.text:
            if char.strip():
                found.append((style.color if style else None, style.bgcolor if style else None))
    return found


class ListApp(App[None]):
    """The release list alone (with the reader's stylesheet) over a real store: a theme change
    restyles a few widgets instead of the whole reader."""

    CSS_PATH = str(styles_dir() / "app.tcss")

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield ReleaseList()
        yield Input()

    def on_mount(self) -> None:
        self.query_one(ReleaseList).show(Listing(self.store, Query()))


async def test_the_cursor_row_is_highlighted_whole_and_readable(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill(data_dir, profile(), sample_releases())
    store = open_store(data_dir)
    app = ListApp(store)
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        release_list = app.query_one(ReleaseList)
        release_list.cursor = 1
        for theme in THEMES:
            app.theme = theme
            for focused in (True, False):
                (release_list if focused else app.query_one(Input)).focus()
                await pilot.pause()
                row = cells(list(release_list.render_line(1)))
                other = cells(list(release_list.render_line(2)))
                backgrounds = {bg for _, bg in row}
                assert len(backgrounds) == 1, (theme, focused, "only part of the row")
                (background,) = backgrounds
                assert background is not None
                assert background not in {bg for _, bg in other}, (theme, focused, "no cursor")
                if theme.startswith("ansi"):
                    continue  # the terminal's own palette: no contrast to compute
                worst = min(contrast(fg, background) for fg, _ in row if fg is not None)
                assert worst >= (4.5 if focused else 3.0), (theme, focused, worst)
    store.close()
