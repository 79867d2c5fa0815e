"""Hostile content in the reader, through Pilot: every markup-looking title in the list, the
tree's facet labels (tags and sections), the article and notifications is literal and runs
nothing; release and article links that are not http(s) are refused when pressed (`o`, `1`-`9`);
and a sync that finds the network gone says offline, keeps the cache, and a later one resumes.

(The contacts panel, the directory and the palette have their markup tests in test_contacts_ui.py
and test_directory.py; the header's profile name is checked in a real terminal in test_pty.py.)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import Static
from textual.widgets.tree import TreeNode

from crashharness import profile_toml, publish
from newsroom_tui import browser
from newsroom_tui.app import build_app
from newsroom_tui.profiles import load_profile_file
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.widgets.article_view import ArticleView
from newsroom_tui.widgets.release_list import ReleaseList
from newsroom_tui.widgets.section_tree import SectionTree
from newsroom_tui.widgets.sync_status import SyncStatus
from sitekit import Site
from uifixtures import (
    fill,
    notices,
    notifications,
    profile,
    release,
    sample_releases,
    settle,
    shown_text,
)

SIZE = (120, 40)
MARKUP = [
    "[b]x[/b]",
    "[/b] Breaking",
    "[TODO] plan",
    "[$accent]x[/]",
    '[link="https://evil.example"]safe.gov[/link]',
    "[@click=app.quit]Read[/]",
]


@pytest.fixture(autouse=True)
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record what would reach the browser (after the real allowlist) instead of starting one."""
    urls: list[str] = []

    def system_opener(url: str) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(browser, "system_opener", system_opener)
    monkeypatch.setattr("newsroom_tui.clipboard.copy_to_system", lambda text: None)
    return urls


def tree_labels(node: TreeNode[Any]) -> Iterator[tuple[TreeNode[Any], str]]:
    label = node.label
    yield node, label.plain if isinstance(label, Text) else str(label)
    for child in node.children:
        yield from tree_labels(child)


def _markup_data(data_dir: Path) -> None:
    items = [
        release(
            40 + n,
            title,
            section=f"Rubrique {title}",
            tags=(f"Tag {title}",),
            markdown=f"# {title}\n\nCorps {n}: {title}\n",
        )
        for n, title in enumerate(MARKUP)
    ]
    fill(data_dir, profile(), [*sample_releases()[:2], *items])


async def test_markup_titles_tags_and_sections_are_literal_everywhere(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _markup_data(data)
    app = build_app(profile(), data)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        release_list = app.screen.query_one(ReleaseList)
        lines = [release_list.render_line(y).text for y in range(release_list.size.height)]
        for title in MARKUP:
            shown = title if len(title) < 28 else title[:25]  # long titles end in an ellipsis
            assert any(shown in line for line in lines), (title, lines)
        # the tree: every tag and section facet label keeps its brackets
        tree = app.screen.query_one(SectionTree)
        for node in list(tree.root.children):
            node.expand_all()
        await settle(pilot)
        labels = dict(tree_labels(tree.root))
        plain = "\n".join(labels.values())
        for title in MARKUP:
            assert f"Tag {title}" in plain, title
            assert f"Rubrique {title}" in plain, title
        # selecting a facet whose label is `[@click=app.quit]` runs nothing and filters the list
        node = next(n for n, text in labels.items() if text.startswith("Tag [@click"))
        tree.select_node(node)
        await settle(pilot)
        assert app.is_running
        assert release_list.count == 1
        # the article: open each markup title; its header is the literal title
        for title in MARKUP:
            screen = app.screen
            assert isinstance(screen, MainScreen)
            screen.open_release(next(f"r{40 + n:06d}" for n, t in enumerate(MARKUP) if t == title))
            await settle(pilot)
            header = app.screen.query_one("#article-title", Static).render()
            assert str(header) == title
            await pilot.click("#article-title")
            await pilot.click(ArticleView)
            assert app.is_running


@pytest.fixture
def hostile_site(tmp_path: Path) -> Iterator[tuple[Site, Path]]:
    with Site() as site:
        publish(site, 1, count=3)
        feed = site.resources["/rss.xml"].body.decode()
        evil = "/news/[@click=app.quit]Read[/]"
        feed = feed.replace(
            "</channel>",
            f"<item><title>[b]x[/b]</title><link>{site.base}{evil}</link><guid>evil</guid>"
            "</item></channel>",
        )
        site.put("/rss.xml", feed, "application/rss+xml")
        site.error(evil, 500)
        site.error(evil.replace("[", "%5B").replace("]", "%5D"), 500)
        toml = tmp_path / "crash.toml"
        toml.write_text(profile_toml(site), encoding="utf-8")
        yield site, toml


async def test_sync_failure_notification_with_markup_is_literal(
    tmp_path: Path, hostile_site: tuple[Site, Path]
) -> None:
    from newsroom_tui.screens.sync_log import SyncLogScreen

    _, toml = hostile_site
    app = build_app(load_profile_file(toml), tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        # one notification sums the sync up, as plain text
        summaries = [n for n in notices(app) if "1 source failed" in str(n.message)]
        assert summaries, notifications(app)
        assert all(not n.markup for n in summaries)
        # the sync log names the failed source literally
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, SyncLogScreen)
        shown = "\n".join(
            shown_text(entry) for entry in app.screen.query(".sync-log-entry").results(Static)
        )
        assert "[@click=app.quit]Read[/]" in shown, shown
        await pilot.click(".sync-log-entry")
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running
        assert app.screen.query_one(ReleaseList).count == 4


# --- links -----------------------------------------------------------------------------------------

BAD_URLS = [
    "javascript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "--help",
    "https://www.iom.int/fr/\x1b]0;x\x07",
    "https://www.iom.int/fr/\u202eexe.txt",
]


async def test_o_on_a_release_with_an_unsafe_url_is_refused(
    tmp_path: Path, opened: list[str]
) -> None:
    data = tmp_path / "data"
    items = []
    for n, url in enumerate(BAD_URLS):
        item = release(60 + n, f"Lien piégé {n}")
        item.url = url
        items.append(item)
    fill(data, profile(), items)
    app = build_app(profile(), data)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for n in range(len(BAD_URLS)):
            app.screen.open_release(f"r{60 + n:06d}")  # type: ignore[attr-defined]
            app.screen.query_one("#article").focus()  # o acts on the release shown
            await settle(pilot)
            await pilot.press("o")
            await settle(pilot)
        refused = [m for m in notifications(app) if m.startswith("Refused")]
        assert len(refused) == len(BAD_URLS), notifications(app)
        assert all("\x1b" not in m and "\u202e" not in m for m in refused)
        assert opened == []


async def test_numbered_links_in_an_article_only_open_http(
    tmp_path: Path, opened: list[str]
) -> None:
    data = tmp_path / "data"
    body = "# Liens\n\n" + "\n\n".join(
        f"[lien {n}]({url})" for n, url in enumerate(["https://www.iom.int/fr/ok", *BAD_URLS[:3]])
    )
    fill(data, profile(), [release(70, "Liens", markdown=body)])
    app = build_app(profile(), data)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        for number in range(1, len(article.links) + 1):
            await pilot.press(str(number))
            await settle(pilot)
        await pilot.press("9")
        await settle(pilot)
        assert opened == ["https://www.iom.int/fr/ok"]
        assert app.is_running


# --- offline, then back ----------------------------------------------------------------------------


async def test_sync_offline_keeps_the_cache_then_resumes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Site() as site:
        port = site.port
        publish(site, 1, count=6)
        toml = tmp_path / "crash.toml"
        toml.write_text(profile_toml(site), encoding="utf-8")
        app = build_app(load_profile_file(toml), data)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)
            release_list = app.screen.query_one(ReleaseList)
            status = app.screen.query_one(SyncStatus)
            assert release_list.count == 6 and status.online
            site.__exit__(None, None, None)  # the network goes away
            await pilot.press("r")
            await settle(pilot)
            assert not status.online
            assert "offline" in str(app.screen.query_one("#status-online", Static).render())
            assert release_list.count == 6  # the cache is kept and shown
            with Site(port=port) as back:  # the network comes back
                publish(back, 2, count=9)
                await pilot.press("r")
                await settle(pilot)
                assert status.online
                assert release_list.count == 9
                assert back.count("/news/8") == 1
