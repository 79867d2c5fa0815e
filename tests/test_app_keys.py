"""Keys go where the reader shows they will: a burst of keys or a paste sent in one read is
handled key by key with the focus each key leaves, and the release keys act on the release
shown in the article while the article or the contacts have the focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from newsroom_tui.screens.main import MainScreen
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.contacts_panel import ContactsPanel
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.search_bar import SearchBar
from newsroom_tui.widgets.sync_status import SyncStatus
from uifixtures import open_store, sample_app, search_settled, settle, typed_at_once

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def no_system_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsroom_tui.clipboard.copy_to_system", lambda text: None)


def states(data_dir: Path) -> dict[str, tuple[bool, bool]]:
    store = open_store(data_dir)
    try:
        return {
            rid: (r.read, r.starred)
            for rid in ("r000001", "r000002", "r000003", "r000004")
            if (r := store.get_release(rid)) is not None
        }
    finally:
        store.close()


async def test_a_burst_after_slash_goes_to_the_search_box(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    app = sample_app(data_dir)
    before = states(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await typed_at_once(app, pilot, "/migrants")
        await search_settled(app, pilot)
        search = screen.query_one(SearchBar)
        assert search.value == "migrants"
        assert isinstance(app.focused, Input)
        # none of m i g r a n t s ran as a command: nothing read, starred, opened or synced
        assert screen.open_release_id is None
        assert not screen.query_one(SyncStatus).syncing
        assert screen.release_list.query_shown is not None
        assert screen.release_list.query_shown.text == "migrants"
    assert states(data_dir) == before


async def test_a_burst_with_enter_searches_then_moves_in_the_results(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await typed_at_once(app, pilot, "/accord OR mondial\rj\r")
        search = screen.query_one(SearchBar)
        assert search.value == "accord OR mondial"
        release_list = screen.release_list
        assert release_list.has_focus
        assert release_list.count == 2
        assert release_list.cursor == 1
        # the second result was opened by the enter typed after the j
        assert screen.open_release_id == "r000003"
        # escape typed in the box clears it and goes back to the list, in the same burst
        await typed_at_once(app, pilot, "/x")
        assert search.value == "x"
        await pilot.press("escape")
        await settle(pilot)
        assert search.value == "" and release_list.has_focus
        assert release_list.count == 8


async def test_a_bracketed_paste_after_slash_lands_in_the_search_box(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    app = sample_app(data_dir)
    before = states(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await typed_at_once(app, pilot, "/\x1b[200~journée migrants\x1b[201~")
        await search_settled(app, pilot)
        assert screen.query_one(SearchBar).value == "journée migrants"
        assert screen.release_list.count == 1
    assert states(data_dir) == before


async def test_no_key_of_a_long_burst_is_lost(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await typed_at_once(app, pilot, "jjjjjk")
        assert screen.release_list.cursor == 4
        text = "sécurité des migrants en méditerranée " * 4
        await typed_at_once(app, pilot, "/" + text)
        assert screen.query_one(SearchBar).value == text


async def test_keys_act_on_the_release_shown_when_the_article_has_the_focus(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        # the steps: g, enter (release 1 open), j j, tab into the article, s, y
        for key in ("g", "enter", "j", "j", "tab"):
            await pilot.press(key)
            await settle(pilot)
        assert isinstance(app.focused, ArticleView)
        assert screen.open_release_id == "r000001"
        assert screen.release_list.cursor == 2
        await pilot.press("s", "y")
        await settle(pilot)
        assert app.clipboard == "https://www.iom.int/fr/news/release-1"
        assert states(data_dir)["r000001"][1] is True
        assert states(data_dir)["r000003"][1] is False
        # the same burst in one read behaves the same
        await typed_at_once(app, pilot, "m")
        assert states(data_dir)["r000001"][0] is False  # back to unread: the open one
        # from the list, the keys act on the highlighted row
        await pilot.press("shift+tab")
        await settle(pilot)
        assert app.focused is screen.release_list
        await pilot.press("s", "y")
        await settle(pilot)
        assert states(data_dir)["r000003"][1] is True
        assert app.clipboard == "https://www.iom.int/fr/news/release-3"


async def test_contact_keys_follow_the_same_rule(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("j", "enter")  # release 2 open: no contacts
        await settle(pilot)
        await pilot.press("k")  # the list highlights release 1 (one contact)
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == "jdupont@iom.int"
        app.copy_to_clipboard("")
        screen.set_focus(screen.query_one(ContactsPanel))
        await pilot.press("c")  # the panel shows release 2's (none): nothing copied
        await settle(pilot)
        assert app.clipboard == ""


async def test_the_open_release_is_marked_in_the_list(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("j", "enter", "j", "j")
        await settle(pilot)
        release_list = screen.query_one(ReleaseList)
        lines = [release_list.render_line(y).text for y in range(4)]
        assert lines[1].startswith("▶")
        assert not any(line.startswith("▶") for i, line in enumerate(lines) if i != 1)


async def test_o_without_a_browser_offers_to_copy_the_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsroom_tui import browser
    from newsroom_tui.screens.links import CopyLinkScreen

    started: list[str] = []

    def no_browser(url: str) -> bool:  # what a machine without xdg-open or a browser answers
        started.append(url)
        return False

    monkeypatch.setattr(browser, "system_opener", no_browser)
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert started == ["https://www.iom.int/fr/news/release-1"]
        assert isinstance(app.screen, CopyLinkScreen)
        await pilot.press("escape")  # declined: nothing copied
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and app.clipboard == ""
        await pilot.press("j", "o")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.clipboard == "https://www.iom.int/fr/news/release-2"
