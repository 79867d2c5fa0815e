"""The reader's layout: the article gets the room when a release is open, the reading mode, the
section menu at every width, titles and the section column, wide tables, the filter line, the
footer and the empty article pane."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from newsroom_tui.app import build_app
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.widgets.article_table import TableScroll, TableText
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.section_tree import SectionTree
from uifixtures import fill, profile, release, sample_app, settle

LONG_TITLE = "Un titre de communiqué assez long pour dépasser vingt-cinq caractères sans peine"
WIDE_TABLE = """# Données

| Jeu de données | Période couverte | Pays | Fréquence de mise à jour | Source principale des données |
|---|---|---|---|---|
| Personnes déplacées internes dans les régions | 2016-2026 | 62 | mensuelle | Matrice de suivi des déplacements |
| Flux aux points de suivi | 2018-2026 | 41 | hebdomadaire | Points de suivi des flux |
"""


def main_screen(app: object) -> MainScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, MainScreen)
    return screen


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)], ids=["80", "120", "200"])
async def test_an_open_release_gets_the_room(tmp_path: Path, size: tuple[int, int]) -> None:
    app = sample_app(tmp_path / "data")
    width, _ = size
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("enter")
        await settle(pilot)
        reading = screen.query_one("#reading").region
        article = screen.query_one(ArticleView).content_region
        if width < 100:  # stacked: the article has the whole width and most of the height
            assert reading.width == width
            assert reading.height > screen.query_one("#middle").region.height
        else:
            assert reading.width >= 0.6 * width or reading.width >= 100
            assert 60 <= article.width <= 104
            assert screen.query_one(SectionTree).display is (width >= 160)
        # the reading mode: the article alone, escape brings the rest back
        await pilot.press("z")
        await settle(pilot)
        assert not screen.query_one("#middle").display
        assert not screen.query_one("#contacts").display
        assert isinstance(app.focused, ArticleView)
        assert screen.query_one(ArticleView).content_region.width <= 104
        await pilot.press("escape")
        await settle(pilot)
        assert screen.query_one("#middle").display
        # t shows and hides the section menu at every width
        tree = screen.query_one(SectionTree)
        shown = tree.display
        await pilot.press("t")
        await settle(pilot)
        assert tree.display is not shown
        await pilot.press("t")
        await settle(pilot)
        assert tree.display is shown
        assert app.focused is not None and app.focused.display


async def test_titles_use_the_width_and_the_section_column_only_when_sections_mix(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    fill(data_dir, profile(), [release(1, LONG_TITLE), release(2, "Autre", section="Communiqués")])
    app = build_app(profile(), data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        release_list = main_screen(app).query_one(ReleaseList)
        line = release_list.render_line(0).text
        assert "Communiqués" not in line  # one section: no column repeating it
        # the title runs to the end of the row (markers, date, then the title, then "…")
        width = release_list.scrollable_content_region.width
        shown = line.rstrip().split(" 31 May 2024 ")[1]
        assert shown.endswith("…") and len(shown) >= width - 20
    # sections that mix, and a list wide enough: the column is there
    app = sample_app(tmp_path / "other")
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        lines = [main_screen(app).release_list.render_line(y).text for y in range(3)]
        assert any("Données" in line for line in lines)


async def test_a_wide_table_scrolls_sideways_with_its_cells_whole(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill(data_dir, profile(), [release(1, "Tableau", markdown=WIDE_TABLE)])
    app = build_app(profile(), data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        article = main_screen(app).query_one(ArticleView)
        text = article.query_one(TableText)
        plain = text.visual.plain if hasattr(text.visual, "plain") else ""
        for cell in (
            "Personnes déplacées internes dans les régions",
            "Source principale des données",
        ):
            assert cell in plain
        box = article.query_one(TableScroll)
        assert box.max_scroll_x > 0
        article.focus()
        await pilot.press("right")
        await settle(pilot)
        assert box.scroll_x > 0
        await pilot.press("left")
        await settle(pilot)
        assert box.scroll_x == 0


async def test_the_filter_line_names_what_narrows_the_list_across_a_restart(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    app = sample_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert str(screen.query_one("#filters", Static).render()) == "8 releases — all cached"
        screen.query_one(SectionTree).select_key("facet:year:2023")
        await settle(pilot)
        await pilot.press("enter", "u")
        await settle(pilot)
    again = build_app(profile(), data_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(again)
        line = str(screen.query_one("#filters", Static).render())
        assert line == "1 of 8 — Years › 2023 · unread only · esc clears"
        await pilot.press("slash", *"inondations", "enter")
        await settle(pilot)
        line = str(screen.query_one("#filters", Static).render())
        assert "“inondations”" in line and "1 of 8" in line
        for _ in range(2):  # the search first, then the year and unread-only
            await pilot.press("escape")
            await settle(pilot)
        assert str(screen.query_one("#filters", Static).render()) == "8 releases — all cached"
        assert screen.release_list.count == 8


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80", "120"])
async def test_the_footer_fits(tmp_path: Path, size: tuple[int, int]) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        for focus in (screen.release_list, screen.query_one(ArticleView)):
            focus.focus()
            await settle(pilot)
            for _ in range(200):  # the footer recomposes after a focus change: wait for it
                keys = list(screen.query(FooterKey))
                if len(keys) >= 6:
                    break
                await pilot.pause(0.02)
            assert len(keys) >= 6
            for key in keys:
                assert key.region.right <= size[0], f"{key.description} is cut"
            descriptions = {key.description for key in keys}
            assert {"Search", "Help", "Quit"} <= descriptions


async def test_the_empty_article_pane_says_how_to_open_a_release(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = str(main_screen(app).query_one("#article-links", Static).render())
        assert "press enter to read it here" in text


async def test_tree_labels_too_long_keep_their_end(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = main_screen(app).query_one(SectionTree)
        longest = max(profile().menu_nodes(), key=lambda n: len(n.label))
        assert tree.select_key(f"section:{longest.key}")  # expands its parents
        await settle(pilot)
        lines = [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]
        width = tree.scrollable_content_region.width
        assert all(len(line) <= width for line in lines)
        cut = [line for line in lines if "…" in line]
        assert any(line.endswith(longest.label[-8:]) for line in cut), (longest.label, lines)


async def test_a_dated_release_list_fills_wide_terminals(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    items = [
        release(n, f"{LONG_TITLE} {n}", published=datetime(2024, 1, n, tzinfo=UTC))
        for n in range(1, 4)
    ]
    fill(data_dir, profile(), items)
    app = build_app(profile(), data_dir)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        line = main_screen(app).release_list.render_line(0).text
        assert f"{LONG_TITLE} 3" in line


async def test_the_cursor_stays_in_view_when_the_list_shrinks(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    fill(data_dir, profile(), [release(n, f"Communiqué {n}") for n in range(1, 121)])
    app = build_app(profile(), data_dir)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        release_list = main_screen(app).release_list
        await pilot.press("G", "enter")  # the last release open: the list gets narrower
        await settle(pilot)
        await pilot.resize_terminal(80, 24)  # and much shorter
        await settle(pilot)
        top = int(release_list.scroll_offset.y)
        assert top <= release_list.cursor < top + release_list.scrollable_content_region.height
        assert "Communiqué 120" in "\n".join(
            release_list.render_line(y).text for y in range(release_list.size.height)
        )
