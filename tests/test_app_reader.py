"""Pilot tests for the reader: sections, opening releases, search, filters, persisted state,
copying, link allowlist, offline start and markup-injection titles."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Input, Static

from newsroom_tui.app import NewsroomApp, build_app
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.widgets import search_bar
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.filter_line import FilterLine
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.search_bar import SearchBar
from newsroom_tui.widgets.section_tree import SectionTree
from newsroom_tui.widgets.sync_status import SyncStatus
from uifixtures import (
    HOSTILE_TITLES,
    notifications,
    open_store,
    profile,
    record_browser_opens,
    sample_app,
    search_settled,
    settle,
)

SIZE = (120, 40)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def no_real_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record what would be opened instead of starting a browser."""
    opened = record_browser_opens(monkeypatch)
    monkeypatch.setattr("newsroom_tui.clipboard.copy_to_system", lambda text: None)
    return opened


def list_lines(app: NewsroomApp) -> list[str]:
    release_list = app.screen.query_one(ReleaseList)
    return [release_list.render_line(y).text for y in range(release_list.size.height)]


async def test_opens_on_the_newsroom_newest_first(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        release_list = app.screen.query_one(ReleaseList)
        assert release_list.count == 8
        lines = list_lines(app)
        assert "Sécurité des migrants" in lines[0]
        assert lines[0].lstrip().startswith("●")
        assert "31 May 2024" in lines[0]
        status = app.screen.query_one("#status-sync", Static)
        assert "2024-06-01 10:30" in str(status.render())


async def test_selecting_a_site_section_shows_its_cached_page(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(SectionTree)
        node = next(n for n in profile().menu_nodes() if n.label == "Qui sommes-nous")
        assert tree.select_key(f"section:{node.key}")
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        assert "fait partie du système des Nations Unies" in article.body.source
        # a section that was never fetched explains how to get it
        other = next(n for n in profile().menu_nodes() if n.label == "Agir")
        tree.select_key(f"section:{other.key}")
        await settle(pilot)
        assert "not cached yet" in str(app.screen.query_one("#article-links", Static).render())
    store = open_store(data_dir)
    assert store.get_meta("selected") == f"section:{other.key}"
    store.close()


async def test_a_reader_started_on_a_site_section_counts_its_facets(data_dir: Path) -> None:
    """What waits for the first paint (the facet counts) also starts when the first thing
    shown is a remembered site section rather than the list."""
    store = open_store(data_dir)
    store.set_meta("selected", "section:qui-sommes-nous")
    store.close()
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.open_section_key == "qui-sommes-nous"
        for _ in range(200):  # the count runs in a thread: wait (bounded) for it
            if screen.facets_by_newsroom:
                break
            await pilot.pause(0.02)
        total = screen.facets_by_newsroom[screen.home.id].total
        assert total > 0 and screen.total == total


async def test_open_release_marks_it_read_and_persists(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.open_release_id == "r000002"
        assert "accord régional" in str(screen.query_one("#article-title", Static).render())
        assert not list_lines(app)[1].lstrip().startswith("●")
        await pilot.press("n")
        await settle(pilot)
        assert screen.open_release_id == "r000003"
        # the newsroom node's unread count follows without asking the store
        tree = screen.query_one(SectionTree)
        assert tree.unread == screen.store.unread_count() == 6
        await pilot.press("m")  # r000003 back to unread
        await settle(pilot)
        assert tree.unread == screen.store.unread_count() == 7
        await pilot.press("m")
        await settle(pilot)
    store = open_store(data_dir)
    assert store.get_release("r000002").read  # type: ignore[union-attr]
    assert store.get_release("r000003").read  # type: ignore[union-attr]
    assert not store.get_release("r000001").read  # type: ignore[union-attr]
    store.close()


async def test_star_and_read_state_survive_a_restart(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "j", "m")
        await settle(pilot)
        assert "★" in list_lines(app)[0]
    again = build_app(profile(), data_dir)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = list_lines(again)
        assert "★" in lines[0]
        assert not lines[1].lstrip().startswith("●")
        await pilot.press("m")  # cursor is on row 0: mark it read
        await settle(pilot)
    store = open_store(data_dir)
    assert store.get_release("r000001").starred  # type: ignore[union-attr]
    assert store.get_release("r000001").read  # type: ignore[union-attr]
    assert store.get_release("r000002").read  # type: ignore[union-attr]
    store.close()


async def test_search_as_you_type_folds_accents_and_highlights(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"securite")
        await search_settled(app, pilot)
        release_list = app.screen.query_one(ReleaseList)
        assert release_list.count == 1
        assert "Sécurité" in list_lines(app)[0]
        # the match is styled: the title's first cells carry the match style
        strip = release_list.render_line(0)
        match_style = release_list.get_component_rich_style("release-list--match")
        styled = "".join(s.text for s in strip if s.style and s.style.underline)
        assert "Sécurité" in styled and match_style.underline
        # under the list: where the search matched, the match highlighted
        snippet = app.screen.query_one("#snippet", Static)
        assert snippet.display
        content = snippet.visual
        assert isinstance(content, Content)
        marked = [content.plain[span.start : span.end] for span in content.spans]
        assert marked and all(m.lower() == "sécurité" for m in marked)
        await pilot.press("escape")
        await search_settled(app, pilot)
        assert release_list.count == 8
        assert not snippet.display


async def test_search_runs_at_once_after_a_pause_and_waits_while_typing_fast(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every keystroke after the first counts as fast typing, and the wait outlasts the test
    monkeypatch.setattr(search_bar, "TYPING_GAP", 3600.0)
    monkeypatch.setattr(search_bar, "DEBOUNCE", 3600.0)
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        search = app.screen.query_one(SearchBar)
        release_list = app.screen.query_one(ReleaseList)
        await pilot.press("slash", "s")  # nothing typed before it: searched at once
        await settle(pilot)
        assert not search.pending
        shown = release_list.query_shown
        assert shown is not None and shown.highlight_terms() == ["s"]
        await pilot.press(*"ecurite")  # typing fast: nothing searched until it stops
        await settle(pilot)
        assert search.pending
        assert release_list.query_shown is shown
        search.run_search()
        await search_settled(app, pilot)
        assert release_list.count == 1


async def test_search_syntax_error_is_one_line(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"since:notadate")
        await search_settled(app, pilot)
        search = app.screen.query_one(SearchBar)
        message = str(search.query_one("#search-error", Static).render())
        assert search.has_class("-error")
        assert message and "\n" not in message.strip()
        assert app.is_running


async def test_every_search_shows_how_many_releases_it_found(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        search = app.screen.query_one(SearchBar)
        release_list = app.screen.query_one(ReleaseList)
        filter_line = app.screen.query_one(FilterLine)
        for text, expected in (("migrants", None), ("tag:europ", 1), ("migrants OR accord", None)):
            search.input.value = text
            search.run_search()
            await search_settled(app, pilot)
            shown = release_list.count if expected is None else expected
            assert release_list.count == shown
            line = str(filter_line.render())
            assert line.startswith(f"{shown} of 8 — "), (text, line)
            assert text in line
        # hints under the box only when a filter value matches nothing
        assert not search.query_one("#search-count", Static).display
        search.action_clear()
        await search_settled(app, pilot)
        assert str(filter_line.render()).startswith("8 releases — all cached")


async def test_a_filter_value_matching_nothing_names_the_closest(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        search = app.screen.query_one(SearchBar)
        search.input.value = "tag:asia"
        search.run_search()
        await search_settled(app, pilot)
        lines = str(search.query_one("#search-count", Static).render()).strip().splitlines()
        assert lines == ["tag:asia matches no tag; closest: tag:Asie"]


async def test_a_long_search_error_wraps_in_a_narrow_pane(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        search = app.screen.query_one(SearchBar)
        search.input.value = "migrants colour:red"
        search.run_search()
        await search_settled(app, pilot)
        error = search.query_one("#search-error", Static)
        message = str(error.render()).strip()
        assert "unknown filter colour:" in message and message.endswith('"colour:red"')
        assert error.size.width < len(message)  # it could not fit on one line...
        assert error.size.height >= 2  # ...so it wraps instead of being cut off
        shown = "".join(error.render_line(y).text for y in range(error.size.height))
        assert "".join(shown.split()) == "".join(message.split())


async def test_year_facet_and_unread_only(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tree = app.screen.query_one(SectionTree)
        assert tree.select_key("facet:year:2023")
        await settle(pilot)
        release_list = app.screen.query_one(ReleaseList)
        assert release_list.count == 2
        await pilot.press("enter")  # read one of the two
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert release_list.count == 1
    store = open_store(data_dir)
    assert store.get_meta("unread_only") == "1"
    assert store.get_meta("selected") == "facet:year:2023"
    store.close()
    again = build_app(profile(), data_dir)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.screen.query_one(ReleaseList).count == 1


async def test_copy_release_url(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard == "https://www.iom.int/fr/news/release-1"
        assert any("release URL" in m and "release-1" in m for m in notifications(app))


async def test_links_go_through_the_allowlist(data_dir: Path, no_real_browser: list[str]) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        urls = [link.url for link in article.links]
        assert urls[0] == "https://www.iom.int/fr/rapport"
        await pilot.press("1")
        await settle(pilot)
        assert no_real_browser == ["https://www.iom.int/fr/rapport"]
        # a javascript: link is refused with a message, numbered or clicked
        app.open_link("javascript:alert(1)")
        article.post_message(ArticleView.LinkRequested(article, "file:///etc/passwd"))
        await settle(pilot)
        refused = [m for m in notifications(app) if m.startswith("Refused")]
        assert len(refused) == 2
        assert no_real_browser == ["https://www.iom.int/fr/rapport"]
        await pilot.press("o")
        await settle(pilot)
        assert no_real_browser[-1] == "https://www.iom.int/fr/news/release-1"


async def test_offline_start_says_so(data_dir: Path) -> None:
    app = sample_app(data_dir, offline_hint=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        status = app.screen.query_one(SyncStatus)
        assert not status.online
        assert "offline" in str(app.screen.query_one("#status-online", Static).render())
        assert any("Offline" in m for m in notifications(app))


@pytest.mark.parametrize("reachable", [True, False], ids=["server-up", "server-down"])
async def test_start_probes_the_newsroom_and_says_offline(data_dir: Path, reachable: bool) -> None:
    import dataclasses

    from newsroom_tui.demo.server import SiteServer

    with SiteServer() as server:
        base = server.base_url
        if not reachable:
            server.stop()  # the port is closed again: a connection is refused
        prof = dataclasses.replace(profile(), news_url="news").rebased(base)
        app = build_app(prof, data_dir, probe_network=True)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            status = app.screen.query_one(SyncStatus)
            assert status.online is reachable
            offline_said = any("Offline" in m for m in notifications(app))
            assert offline_said is not reachable


async def test_empty_cache_explains_how_to_sync(data_dir: Path) -> None:
    app = build_app(profile(), data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = str(app.screen.query_one("#article-links", Static).render())
        assert "Press r" in text and "--demo" in text
        assert "press r to sync" in list_lines(app)[1]


async def test_markup_in_titles_is_shown_literally_and_runs_nothing(data_dir: Path) -> None:
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = list_lines(app)
        joined = "\n".join(lines)
        for title in ("[b]x[/b]", "[/b] Breaking", "[@click=app.quit]"):
            assert title in joined
        row = next(i for i, line in enumerate(lines) if "[@click=app.quit]" in line)
        release_list = app.screen.query_one(ReleaseList)
        await pilot.click(ReleaseList, offset=(20, row))
        await settle(pilot)
        assert app.is_running
        title = str(app.screen.query_one("#article-title", Static).render())
        assert title == HOSTILE_TITLES[2]
        # the article header and the tree labels keep the brackets too
        await pilot.click("#article-title")
        await settle(pilot)
        assert app.is_running
        assert release_list.count == 8


async def test_help_and_palette_open(data_dir: Path) -> None:
    from textual.command import CommandList, CommandPalette

    from newsroom_tui.screens.help import HelpScreen

    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"Qui sommes")
        hits = palette.query_one(CommandList)
        # The palette searches in the background: wait (bounded) until it has finished.
        for _ in range(200):
            done = not hits.has_class("--populating")
            if done and hits.option_count and hits.highlighted is not None:
                break
            await pilot.pause(0.02)
        assert hits.option_count and hits.highlighted is not None
        await pilot.press("enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.store.get_meta("selected") == "section:qui-sommes-nous"
        assert app.is_running
