"""A URL a server sends that no connection can use (a port out of range, an IPv6 address with no
closing bracket) costs only its item or source: the rest of the sync is stored, the bad one is
reported in one line. Each case syncs a newsroom served on 127.0.0.1 (tests/sitekit.py) into a
real database; the first one also runs through the installed console script."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsroom_tui.ingest.sync import sync_profile
from newsroom_tui.models import SyncReport
from newsroom_tui.profiles import load_profile_file
from newsroom_tui.storage.store import Store
from sitekit import Site

GOOD_PAGE = (
    "<html><head><title>Bonne page</title></head><body><h1>Bonne page</h1>"
    "<p>Le texte de la bonne page, assez long pour en faire un communiqué.</p></body></html>"
)
CONSOLE_SCRIPT = Path(sys.executable).with_name("newsroom-tui")


def rss(*links: str) -> str:
    items = "".join(
        f"<item><title>Item {n}</title><link>{link}</link><guid>item-{n}</guid>"
        f"<description>Résumé {n}</description></item>"
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>'
        f"{items}</channel></rss>"
    )


def profile_text(site: Site, *, feeds: str = '["/feed.xml"]', extra: str = "") -> str:
    discover = "true" if feeds == "[]" and "listing" not in extra else "false"
    return (
        f'id = "bad-urls"\nname = "Bad URLs"\nlanguage = "fr"\nbase_url = "{site.base}/"\n'
        f'news_url = "{site.base}/news"\n[fetch]\nretries = 0\ndeadline = 10\n'
        f"[sources]\nfeeds = {feeds}\ndiscover = {discover}\n{extra}"
    )


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        s.put("/good", GOOD_PAGE)
        yield s


async def run(site: Site, tmp_path: Path, text: str, **options: Any) -> tuple[SyncReport, set]:
    toml = tmp_path / "p.toml"
    toml.write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "db.sqlite") as store:
        report = await sync_profile(load_profile_file(toml), store, backoff=0.01, **options)
        stored = {release.url for release in store.iter_releases()}
    return report, stored


def one_line_failures(report: SyncReport) -> list[str]:
    lines = [f"{failure.url}: {failure.reason}" for failure in report.failed]
    for line in lines:
        assert "\n" not in line and len(line) < 700, line
        assert "unexpected error" not in line, line
    return lines


@pytest.mark.parametrize(
    ("link", "reason"),
    [
        ("http://127.0.0.1:99999/x", "port out of range"),
        ("http://127.0.0.1:65536/x", "port out of range"),
        ("http://127.0.0.1:-1/x", "invalid port"),
        ("http://127.0.0.1:8o/x", "invalid port"),
        ("http://user:secret@127.0.0.1/x", "user name or password"),
    ],
)
async def test_an_item_link_no_connection_can_use_costs_only_its_item(
    site: Site, tmp_path: Path, link: str, reason: str
) -> None:
    site.put("/feed.xml", rss(link, site.url("/good")), "application/rss+xml")
    report, stored = await run(site, tmp_path, profile_text(site))
    assert stored == {site.url("/good")}
    (line,) = one_line_failures(report)
    assert line == f"{link}: item link refused: {reason}" or line.startswith(link), line
    assert reason in line
    assert report.new == 1
    assert set(site.requests) == {"/feed.xml", "/good"}  # the bad link was never requested


async def test_an_item_link_no_parser_reads_drops_only_its_item(site: Site, tmp_path: Path) -> None:
    # Both feed readers read an unbalanced IPv6 bracket as no link at all: the item is dropped
    # like an item without a link (logged, not reported), and the sync goes on.
    site.put("/feed.xml", rss("http://[::1/x", site.url("/good")), "application/rss+xml")
    report, stored = await run(site, tmp_path, profile_text(site))
    assert stored == {site.url("/good")} and report.failed == []


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://127.0.0.1:99999/y", "port out of range"),
        ("http://[::1/y", "malformed URL"),
        ("http://127.0.0.1:0/y", "port out of range"),
    ],
)
async def test_a_redirect_no_connection_can_use_costs_only_its_item(
    site: Site, tmp_path: Path, location: str, reason: str
) -> None:
    site.redirect("/moved", location)
    site.put("/feed.xml", rss(site.url("/moved"), site.url("/good")), "application/rss+xml")
    report, stored = await run(site, tmp_path, profile_text(site))
    (line,) = one_line_failures(report)
    assert line.startswith(site.url("/moved") + ": redirect refused: " + reason), line
    # The good item is stored whole; the redirected one from its feed summary, as any item
    # whose page failed, so the next sync tries its page again.
    assert stored == {site.url("/good"), site.url("/moved")}
    assert report.new == 2


async def test_a_listing_card_with_a_bad_link_costs_only_its_card(
    site: Site, tmp_path: Path
) -> None:
    site.put(
        "/list?page=0",
        '<html><body><div><div class="article-detail"><a href="http://127.0.0.1:99999/x">Bad</a>'
        '</div></div><div><div class="article-detail"><a href="/good">Bonne</a></div></div>'
        "</body></html>",
    )
    extra = '[sources.listing]\nurl = "/list?page={page}"\nmax_pages = 1\n'
    report, stored = await run(site, tmp_path, profile_text(site, feeds="[]", extra=extra))
    assert stored == {site.url("/good")}
    (line,) = one_line_failures(report)
    assert line == "http://127.0.0.1:99999/x: card link refused: port out of range (1-65535)"


@pytest.mark.parametrize("pages", [True, False])
async def test_a_discovered_feed_with_a_bad_url_is_one_line(
    site: Site, tmp_path: Path, pages: bool
) -> None:
    site.put(
        "/news",
        '<html><head><link rel="alternate" type="application/rss+xml"'
        ' href="http://127.0.0.1:99999/feed"></head><body></body></html>',
    )
    report, stored = await run(site, tmp_path, profile_text(site, feeds="[]"), pages=pages)
    assert stored == set()
    lines = one_line_failures(report)
    assert lines == [
        f"{site.url('/news')}: no feed found",
        "http://127.0.0.1:99999/feed: announced feed refused: port out of range (1-65535)",
    ]


async def test_a_menu_page_that_redirects_to_a_bad_url_costs_only_its_section(
    site: Site, tmp_path: Path
) -> None:
    site.redirect("/menu", "http://127.0.0.1:99999/m")
    site.put("/about", GOOD_PAGE)
    site.put("/feed.xml", rss(site.url("/good")), "application/rss+xml")
    extra = '[[menu]]\nlabel = "Menu"\nurl = "/menu"\n[[menu]]\nlabel = "About"\nurl = "/about"\n'
    report, stored = await run(site, tmp_path, profile_text(site, extra=extra))
    assert stored == {site.url("/good")}
    (line,) = one_line_failures(report)
    assert line.startswith(f"{site.url('/menu')}: redirect refused: port out of range"), line
    assert report.sections == 1


def test_the_console_script_stores_the_good_item_and_reports_the_bad_one(
    site: Site, tmp_path: Path
) -> None:
    site.put("/feed.xml", rss("http://127.0.0.1:99999/x", site.url("/good")), "application/rss+xml")
    toml = tmp_path / "p.toml"
    toml.write_text(profile_text(site), encoding="utf-8")
    data = tmp_path / "data"

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(CONSOLE_SCRIPT), *argv, "--profile", str(toml), "--data-dir", str(data)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=os.environ.copy(),
        )

    done = cli("sync")
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        "1 new, 0 updated, 0 unchanged, 1 failed; 0 section pages",
        "  failed: http://127.0.0.1:99999/x: item link refused: port out of range (1-65535)",
    ]
    assert "unexpected error" not in done.stderr and "Traceback" not in done.stderr
    found = cli("search", "bonne")
    assert found.returncode == 0 and "Bonne page" in found.stdout
    again = cli("sync")  # the feed has not changed (304): nothing to report, nothing lost
    assert again.returncode == 0, again.stdout
    assert cli("search", "bonne").stdout == found.stdout


async def test_the_readers_sync_stores_the_good_item(site: Site, tmp_path: Path) -> None:
    from newsroom_tui.app import build_app
    from newsroom_tui.widgets.release_list import ReleaseList
    from newsroom_tui.widgets.sync_status import SyncStatus

    site.put("/feed.xml", rss("http://127.0.0.1:99999/x", site.url("/good")), "application/rss+xml")
    toml = tmp_path / "p.toml"
    toml.write_text(profile_text(site), encoding="utf-8")
    app = build_app(load_profile_file(toml), tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = app.screen.query_one(SyncStatus)
        assert app.is_running and not status.syncing and status.online
        assert app.screen.query_one(ReleaseList).count == 1
