"""What a reader is expected to do: follow internal links inside the reader with back and
forward, find in the article, mark a whole list read and undo it, sort the list, and say what a
sync did in one notification and a log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Input, Static

from newsroom_tui import paths
from newsroom_tui.app import build_app
from newsroom_tui.demo.server import SiteServer, demo_profile
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.screens.sync_log import SyncLogScreen
from newsroom_tui.widgets.article_find import FIND_CURRENT
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.find_bar import FindBar
from uifixtures import (
    fill,
    notifications,
    open_store,
    profile,
    record_browser_opens,
    release,
    sample_app,
    sample_releases,
    sample_sections,
    settle,
)

SIZE = (120, 40)
LINKING = (
    "# Liens\n\nVoir [le deuxième](/fr/news/release-2), [qui nous sommes]"
    "(https://www.iom.int/fr/qui-sommes-nous#histoire) et [ailleurs](https://example.org/x).\n"
)


def main_screen(app: object) -> MainScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, MainScreen)
    return screen


async def test_internal_links_open_in_the_reader_with_back_and_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = record_browser_opens(monkeypatch)
    data_dir = tmp_path / "data"
    prof = profile()
    items = [release(1, "Avec des liens", markdown=LINKING), *sample_releases()[1:3]]
    fill(data_dir, prof, items, sample_sections(prof))
    app = build_app(prof, data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.open_release_id == "r000001"
        await pilot.press("1")  # a cached release: opens here
        await settle(pilot)
        assert screen.open_release_id == "r000002"
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.open_release_id == "r000001"
        await pilot.press("alt+right")
        await settle(pilot)
        assert screen.open_release_id == "r000002"
        await pilot.press("alt+left")
        await settle(pilot)
        assert screen.open_release_id == "r000001"
        await pilot.press("2")  # a cached site section (its #fragment ignored): opens here
        await settle(pilot)
        title = str(screen.query_one("#article-title", Static).render())
        assert title == "Qui sommes-nous" and screen.open_release_id is None
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.open_release_id == "r000001"
        assert opened == []
        await pilot.press("3")  # anywhere else: the browser, as before
        await settle(pilot)
        assert opened == ["https://example.org/x"]


async def test_find_in_the_article(tmp_path: Path) -> None:
    app = sample_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("enter", "ctrl+f")
        await settle(pilot)
        bar = screen.query_one(FindBar)
        assert bar.display and isinstance(app.focused, Input)
        await pilot.press(*"MIGRANTS")  # case and accents do not matter
        await settle(pilot)
        article = screen.query_one(ArticleView)
        assert len(article.find_matches) == 2
        assert str(bar.query_one("#find-count", Static).render()) == "1 of 2"

        def current_block_marked() -> bool:
            block, start, end = article.find_matches[article.find_index]
            content = block.content
            assert isinstance(content, Content)
            return any(
                span.start == start and span.end == end and str(span.style) == FIND_CURRENT
                for span in content.spans
            )

        assert current_block_marked()
        await pilot.press("enter")  # back to the article: n / N step
        await settle(pilot)
        assert app.focused is article
        await pilot.press("n")
        await settle(pilot)
        assert article.find_index == 1 and current_block_marked()
        assert str(bar.query_one("#find-count", Static).render()) == "2 of 2"
        await pilot.press("n")
        await settle(pilot)
        assert article.find_index == 0
        await pilot.press("N")
        await settle(pilot)
        assert article.find_index == 1
        await pilot.press("escape")  # closes the find and clears the highlights
        await settle(pilot)
        assert not bar.display and article.find_matches == []
        for block in article.body.query(Static):
            content = block.content
            if isinstance(content, Content):
                assert all(str(span.style) != FIND_CURRENT for span in content.spans)
        # n is the next release again
        await pilot.press("n")
        await settle(pilot)
        assert screen.open_release_id == "r000002"


async def test_mark_all_read_and_undo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "data"
    app = sample_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        screen.query_one("#sections").focus()
        screen.query_one("SectionTree").select_key("facet:year:2023")  # type: ignore[attr-defined]
        await settle(pilot)
        screen.release_list.focus()
        await pilot.press("A")
        await settle(pilot)
        assert "Marked 2 releases read. U: undo" in notifications(app)
        assert not any(line.startswith(" ●") for line in _lines(screen))
        store = open_store(data_dir)
        assert store.unread_count() == 6  # the other year is left alone
        await pilot.press("U")
        await settle(pilot)
        assert store.unread_count() == 8
        assert all(line.startswith(" ●") for line in _lines(screen)[:2])
        store.close()


def _lines(screen: MainScreen) -> list[str]:
    """The rendered rows of the list."""
    release_list = screen.release_list
    return [release_list.render_line(y).text for y in range(release_list.count)]


async def test_sort_oldest_first_and_by_relevance(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    items = [
        release(1, "Nouvelles du jour", markdown="# Jour\n\nUn mot sur le climat.\n"),
        release(2, "Autre chose", markdown="# Rien\n\nRien à voir.\n"),
        release(3, "Climat et migration", markdown="# Climat\n\nClimat, climat, climat.\n"),
    ]
    fill(data_dir, profile(), items)
    app = build_app(profile(), data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)

        def listed() -> list[str]:
            source = screen.release_list.source
            assert source is not None
            return [row.id for row in source.rows(0, 10)]

        def filters() -> str:
            return str(screen.query_one("#filters", Static).render())

        assert listed() == ["r000001", "r000002", "r000003"]
        await pilot.press("O")
        await settle(pilot)
        assert listed() == ["r000003", "r000002", "r000001"]
        assert "oldest first" in filters()
        await pilot.press("O")  # no words searched: relevance is skipped, back to newest
        await settle(pilot)
        assert listed() == ["r000001", "r000002", "r000003"] and "first" not in filters()
        await pilot.press("slash", *"climat", "enter")
        await settle(pilot)
        assert listed() == ["r000001", "r000003"]  # newest first
        await pilot.press("O", "O")
        await settle(pilot)
        assert "by relevance" in filters()
        assert listed() == ["r000003", "r000001"]  # the one about the climate first


async def test_an_offline_sync_says_so_once_and_logs_every_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with SiteServer() as server:
        prof = demo_profile(server.base_url)
    # the server is gone: every source fails with a connection error
    app = build_app(prof, tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = main_screen(app)
        said = notifications(app)
        assert len(said) == 1, said
        assert said[0].startswith("Offline: ") and "sources unreachable" in said[0]
        assert "nothing is cached yet" in said[0]  # true to the cache: it is empty
        await pilot.press("ctrl+l")
        await settle(pilot)
        log_screen = app.screen
        assert isinstance(log_screen, SyncLogScreen)
        text = "\n".join(str(s.render()) for s in log_screen.query(".sync-log-entry"))
        failed = screen.sync_records[-1].report.failed
        assert failed
        for failure in failed:
            assert failure.url in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_offline_at_start_is_true_to_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = build_app(profile(), tmp_path / "empty", offline_hint=True)
    async with empty.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert notifications(empty) == [
        "Offline: the newsroom cannot be reached; nothing is cached yet."
    ]
    full = sample_app(tmp_path / "full", offline_hint=True)
    async with full.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert notifications(full) == [
        "Offline: the newsroom cannot be reached; the 8 cached releases are shown."
    ]


async def test_store_errors_in_the_list_and_the_directory_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsroom_tui.screens.contacts_directory import ContactsDirectoryScreen

    data_dir = tmp_path / "data"
    items = [release(n, f"Communiqué {n}") for n in range(1, 200)]
    fill(data_dir, profile(), items)
    app = build_app(profile(), data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(main_screen(app), MainScreen)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ContactsDirectoryScreen)
        # The file changes under the reader: its tables are gone, every read from now on fails.
        con = sqlite3.connect(paths.database_path(data_dir, profile().id))
        with con:
            con.execute("ALTER TABLE contacts RENAME TO contacts_gone")
            con.execute("ALTER TABLE change_counters RENAME TO counters_gone")
            con.execute("ALTER TABLE releases RENAME TO releases_gone")
        con.close()
        await pilot.press("x", "y")  # typed into the filter: the directory reads again
        await settle(pilot)
        status = str(app.screen.query_one("#directory-status", Static).render())
        assert status.startswith("Could not read the contacts: ") and "\n" not in status
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("G")  # rows far from those loaded: the list reads, and fails
        await settle(pilot)
        assert app.is_running
        failures = [m for m in notifications(app) if m.startswith("Could not read the list: ")]
        assert len(failures) == 1
