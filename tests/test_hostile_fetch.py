"""Hostile HTTP answers not covered by test_fetch.py / test_sync.py: validators a server can poison
(non-ASCII or control characters in ETag/Last-Modified that would be sent back on every later
sync), oversized headers, redirects to option-looking or control-character locations, and feed
item links of every refused kind, end to end through a sync; and a feed parse that never ends."""

from __future__ import annotations

import re
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from crashharness import profile_toml, publish
from newsroom_tui.ingest import sources, sync
from newsroom_tui.ingest.fetch import Fetcher, FetchError
from newsroom_tui.ingest.sync import sync_profile
from newsroom_tui.models import FetchState
from newsroom_tui.profiles import FetchSettings, load_profile_file
from newsroom_tui.query import Query
from newsroom_tui.storage.store import Store
from sitekit import Site

FAST = FetchSettings(deadline=3.0, retries=0, connect_timeout=1.0)


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        yield s


@pytest.mark.parametrize(
    "state",
    [
        FetchState(url="x", etag=None, last_modified="\xff\xfe garbage"),
        FetchState(url="x", etag='"caf\u00e9"', last_modified=None),
        FetchState(url="x", etag='"\x1b]0;x\x07"', last_modified="Mon\r\nX-Injected: 1"),
        FetchState(url="x", etag='"' + "e" * 20_000 + '"', last_modified=None),
    ],
)
async def test_poisoned_validators_are_not_sent_back_and_never_raise(
    site: Site, state: FetchState
) -> None:
    site.put("/x", "body")
    async with Fetcher(FAST) as fetcher:
        response = await fetcher.get(site.url("/x"), max_bytes=1000, state=state)
    assert response.body == b"body"
    sent = site.request_headers["/x"][0]
    assert "X-Injected" not in sent
    for name in ("If-None-Match", "If-Modified-Since"):
        value = sent.get(name, "")
        assert value.isascii() and value.isprintable() and len(value) < 1024


async def test_a_server_poisoning_last_modified_cannot_break_later_syncs(
    site: Site, tmp_path: Path
) -> None:
    publish(site, 1, count=3)
    site.put(
        "/news/1",
        site.resources["/news/1"].body,
        headers={"Last-Modified": "\xff\xfe caf\u00e9", "ETag": '"\x1b[31m"'},
        etag=False,
        last_modified=False,
    )
    toml = tmp_path / "p.toml"
    toml.write_text(profile_toml(site), encoding="utf-8")
    profile = load_profile_file(toml)
    with Store.open(tmp_path / "db.sqlite") as store:
        first = await sync_profile(profile, store, sections=False, backoff=0.01)
        assert first.new == 3 and not first.failed
        second = await sync_profile(profile, store, sections=False, backoff=0.01)
        assert not second.failed
        assert store.count(Query()) == 3


async def test_oversized_header_is_one_line(site: Site) -> None:
    site.put("/h", "x", headers={"X-Big": "a" * 200_000})
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(site.url("/h"), max_bytes=1000)
    assert "\n" not in str(info.value) and len(str(info.value)) < 300


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1:1/\x1b]0;x\x07",
        "http://exa mple.org/ x",
        "javascript:alert(1)",
        "  file:///etc/passwd",
        "DATA:text/html,x",
    ],
)
async def test_redirect_to_an_unsafe_location_is_refused(site: Site, location: str) -> None:
    site.redirect("/r", location)
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(site.url("/r"), max_bytes=1000)
    assert info.value.kind == "redirect"
    assert "\x1b" not in str(info.value)


BAD_LINKS = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "file:///etc/passwd",
    "data:text/html;base64,PHNjcmlwdD4=",
    "http://127.0.0.1/\x1b]0;x\x07",
    "http://127.0.0.1/\u202eexe",
    "http://127.0.0.1/a\u200bb",
    "mailto:a@example.org",
]


async def test_feed_items_with_refused_links_are_never_fetched_or_stored(
    site: Site, tmp_path: Path
) -> None:
    publish(site, 1, count=2)
    feed = site.resources["/rss.xml"].body.decode()
    extra = "".join(
        f"<item><title>bad {n}</title><link>{link.replace('&', '&amp;')}</link>"
        f"<guid>bad-{n}</guid></item>"
        for n, link in enumerate(BAD_LINKS)
    )
    site.put("/rss.xml", feed.replace("</channel>", extra + "</channel>"), "application/rss+xml")
    toml = tmp_path / "p.toml"
    toml.write_text(profile_toml(site), encoding="utf-8")
    with Store.open(tmp_path / "db.sqlite") as store:
        report = await sync_profile(load_profile_file(toml), store, sections=False, backoff=0.01)
        assert report.new == 2
        # Each refused link is its item's one-line failure, shown without what it carried.
        assert len(report.failed) == len(BAD_LINKS), report.failed
        for failure in report.failed:
            line = f"{failure.url}: {failure.reason}"
            assert "item link refused" in failure.reason
            assert not re.search("[\x00-\x1f\x7f-\x9f\u200b\u202e]", line), line
        urls = {r.url for r in store.iter_releases()}
    assert urls == {site.url("/news/0"), site.url("/news/1")}
    assert set(site.requests) == {"/rss.xml", "/news/0", "/news/1"}


def test_a_feed_that_never_finishes_parsing_does_not_hold_the_sync(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parse time limit bounds the sync itself, not only the report (run_sync included:
    asyncio.run would otherwise wait for the parsing thread at exit)."""
    release = threading.Event()
    real = sources.parse_feed_detailed

    def stuck(body: bytes, url: str) -> object:
        release.wait(30)  # a parse that takes "forever" (until the test ends)
        return real(body, url)

    monkeypatch.setattr(sources, "parse_feed_detailed", stuck)
    monkeypatch.setattr(sources, "FEED_PARSE_TIMEOUT", 0.3)
    publish(site, 1, count=2)
    toml = tmp_path / "p.toml"
    toml.write_text(profile_toml(site), encoding="utf-8")
    try:
        with Store.open(tmp_path / "db.sqlite") as store:
            start = time.monotonic()
            report = sync.run_sync(load_profile_file(toml), store, sections=False)
            took = time.monotonic() - start
    finally:
        release.set()
    assert [f.reason for f in report.failed] == ["feed took more than 0.3 s to read"]
    assert took < 5, f"the sync waited {took:.1f} s for a parse it had given up on"


@pytest.mark.soak
@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
async def test_two_gigabyte_bomb_soak(site: Site, encoding: str) -> None:
    """The soak variant of test_fetch's 200 MB bomb: ten times larger, same small peak."""
    site.gzip_bomb("/bomb", size=2_000_000_000, encoding=encoding)
    tracemalloc.start()
    try:
        async with Fetcher(FetchSettings(deadline=60.0, retries=0)) as fetcher:
            with pytest.raises(FetchError) as info:
                await fetcher.get(site.url("/bomb"), max_bytes=5_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.kind == "size"
    assert peak < 20_000_000
