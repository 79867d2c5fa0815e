"""Pilot tests of a release's versions in the reader: `L` across three newsrooms synced from a
loopback server (iom-fr, iom-en, iom-es; the Spanish one fetched on demand), the badges in the
article header, and `v` after the server changed a page between two syncs."""

from __future__ import annotations

import asyncio

import pytest
from textual.content import Content
from textual.widgets import Static

from newsroom_tui import paths
from newsroom_tui.app import NewsroomApp, build_app
from newsroom_tui.profiles import load_profile
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.screens.release_changes import ADDED, REMOVED, ReleaseChangesScreen
from newsroom_tui.storage.store import Store
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.language_badges import LanguageBadges
from newsroom_tui.widgets.release_list import ReleaseList
from sitekit import Site
from uifixtures import notifications, record_notifications, settle
from versionsite import LONE, SLUGS, TITLES, Newsrooms, serve_newsrooms

SIZE = (120, 40)


async def synced(rooms: Newsrooms, lang: str, expected: str = "") -> int:
    """Sync one newsroom through the command line (in a thread: the test runs an event loop)."""
    code, out, _ = await asyncio.to_thread(rooms.sync, lang)
    assert expected in out
    return code


def reader(profile_id: str) -> NewsroomApp:
    return build_app(load_profile(profile_id), paths.data_dir())


def screen_of(app: NewsroomApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def title_shown(screen: MainScreen) -> str:
    visual = screen.query_one("#article-title", Static).visual
    assert isinstance(visual, Content)
    return visual.plain


def badges(screen: MainScreen) -> list[tuple[str, bool, bool]]:
    """(language, shown, cached) of each badge."""
    widget = screen.query_one(LanguageBadges)
    return [(v.language, v.current, v.cached) for v in widget.versions]


async def test_L_opens_the_next_language_across_three_newsrooms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record_notifications(monkeypatch)
    with Site() as site:
        rooms = serve_newsrooms(site)
        assert await synced(rooms, "fr") == 0 and await synced(rooms, "en") == 0
        fr = rooms.release("fr")
        app = reader("iom-fr")
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = screen_of(app)
            screen.open_release(fr.id)
            await settle(pilot)
            assert title_shown(screen) == TITLES["fr"]
            # English in the iom-en cache, Spanish only linked, French shown.
            assert badges(screen) == [("en", False, True), ("es", False, False), ("fr", True, True)]
            badge_text = screen.query_one(LanguageBadges).visual
            assert isinstance(badge_text, Content) and " en   es   fr " in badge_text.plain

            screen.query_one(ArticleView).focus()
            await pilot.press("L")
            await settle(pilot)
            assert title_shown(screen) == TITLES["en"]
            assert screen.query_one(LanguageBadges).newsroom == "iom-en"
            assert badges(screen) == [("en", True, True), ("es", False, False), ("fr", False, True)]
            assert screen.open_release_id == fr.id  # s and m still act on the iom-fr release

            site.reset_counts()
            await pilot.press("L")  # Spanish: in no cache, fetched and stored in iom-es
            await settle(pilot)
            assert title_shown(screen) == TITLES["es"]
            assert site.count(SLUGS["es"]) == 1
            assert rooms.release("es").title == TITLES["es"]
            assert screen.query_one(LanguageBadges).newsroom == "iom-es"
            assert badges(screen) == [("en", False, True), ("es", True, True), ("fr", False, True)]

            await pilot.press("L")  # back to French: this newsroom's own release
            await settle(pilot)
            assert title_shown(screen) == TITLES["fr"]
            assert screen.open_release_id == fr.id
            assert screen.query_one(LanguageBadges).newsroom == ""
            assert site.count(SLUGS["es"]) == 1  # cached now: not fetched again

            lone = rooms.release("fr", site.url(LONE))
            screen.open_release(lone.id)
            await settle(pilot)
            assert badges(screen) == []
            assert not screen.query_one(LanguageBadges).display
            await pilot.press("L")
            await settle(pilot)
            assert title_shown(screen) == "Une note d'information sans traduction"
            assert notifications(app)[-1] == "This release's page links no other language."


async def test_L_offline_says_why_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    record_notifications(monkeypatch)
    with Site() as site:
        rooms = serve_newsrooms(site)
        assert await synced(rooms, "fr") == 0
        fr = rooms.release("fr")
    app = reader("iom-fr")  # the server is gone: no other version can be fetched
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        screen.open_release(fr.id)
        await settle(pilot)
        screen.query_one(ArticleView).focus()
        await pilot.press("L")
        await settle(pilot)
        assert title_shown(screen) == TITLES["fr"]
        last = notifications(app)[-1]
        assert last.startswith("the en version could not be fetched: ")
        assert "the es version could not be fetched: " in last and "\n" not in last


def edited_page(html: str) -> str:
    return html.replace("30 000 personnes déplacées", "32 500 personnes déplacées").replace(
        "+999 40 12 34 56", "+999 40 65 43 21"
    )


async def test_v_shows_what_changed_after_the_server_changed_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record_notifications(monkeypatch)
    with Site() as site:
        rooms = serve_newsrooms(site)
        assert await synced(rooms, "fr") == 0
        fr = rooms.release("fr")
        app = reader("iom-fr")
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = screen_of(app)
            releases = screen.query_one(ReleaseList)
            releases.cursor = next(
                i for i in range(2) if (row := releases.row_at(i)) and row.id == fr.id
            )
            await pilot.press("v")
            await settle(pilot)
            assert notifications(app)[-1] == (
                "No earlier version of this release is kept: no sync has found it edited."
            )

        html = site.resources[SLUGS["fr"]].body.decode("utf-8")
        site.put(SLUGS["fr"], edited_page(html))
        rooms.touch_feed("fr")
        assert await synced(rooms, "fr", "1 updated") == 0

        app = reader("iom-fr")
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = screen_of(app)
            releases = screen.query_one(ReleaseList)
            index = next(i for i in range(2) if (row := releases.row_at(i)) and row.id == fr.id)
            row = releases.row_at(index)
            assert row is not None and row.updated  # the ✎ marker
            releases.cursor = index
            await pilot.press("v")
            await settle(pilot)
            changes = app.screen
            assert isinstance(changes, ReleaseChangesScreen)
            body = changes.query_one("#changes-body", Static).visual
            assert isinstance(body, Content)
            styled = {
                body.plain[span.start : span.end]: str(span.style)
                for span in body.spans
                if str(span.style) in (ADDED, REMOVED)
            }
            assert styled.get("30 000") == REMOVED and styled.get("32 500") == ADDED
            assert "⋯ 1 unchanged paragraph" in body.plain
            assert (
                "~ Mireille Andrian\n    phone: +999 40 12 34 56 → +999 40 65 43 21" in body.plain
            )
            summary = changes.query_one("#changes-summary", Static).visual
            assert isinstance(summary, Content)
            assert "5 words added, 5 removed" in summary.plain  # the figure and the phone
            assert "1 contact change" in summary.plain
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            row = releases.row_at(index)
            assert row is not None and not row.updated  # seen: the marker is gone
        with Store.open(rooms.database("fr")) as store:
            stored = store.get_release(fr.id)
            assert stored is not None and not stored.edit_unseen and not stored.read


async def test_reading_an_edited_release_clears_its_marker() -> None:
    with Site() as site:
        rooms = serve_newsrooms(site)
        assert await synced(rooms, "fr") == 0
        fr = rooms.release("fr")
        with Store.open(rooms.database("fr")) as store:
            store.set_read([fr.id], True)  # read before the edit
        html = site.resources[SLUGS["fr"]].body.decode("utf-8")
        site.put(SLUGS["fr"], edited_page(html))
        rooms.touch_feed("fr")
        assert await synced(rooms, "fr", "1 updated") == 0
    app = reader("iom-fr")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        releases = screen.query_one(ReleaseList)
        index = next(i for i in range(2) if (row := releases.row_at(i)) and row.id == fr.id)
        row = releases.row_at(index)
        assert row is not None and row.read and row.updated
        releases.cursor = index
        await pilot.press("enter")
        await settle(pilot)
        assert title_shown(screen) == TITLES["fr"]
        row = releases.row_at(index)
        assert row is not None and not row.updated
    with Store.open(rooms.database("fr")) as store:
        stored = store.get_release(fr.id)
        assert stored is not None and not stored.edit_unseen and stored.versions == 1
