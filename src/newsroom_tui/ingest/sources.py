"""Reading a newsroom's sources into items: its feeds, the feeds it announces, its listing.

The profile's `feeds` first; when none of them answered, the candidate remembered from an earlier
sync (meta `sync.feed`), then `probe_feeds` (quietly: an unconfirmed candidate that fails is not
a failure), then feeds discovered on `news_url` (`<link rel="alternate">`). The HTML listing, when
configured, is walked too (page by page, up to `max_pages`, until an empty or missing page, or a
page answering 304: the listing is newest first, so an unchanged page means the ones after it have
not moved). Items are merged by release id and by URL (the first source wins; a later one only
fills what the first lacked). Every source is fetched with conditional GET: a 304 costs no
parsing. Each feed, listing page and the discovery runs inside the sync's boundary
(`SyncRun.contained`): whatever goes wrong is that source's one-line failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsroom_tui.ingest.fetch import FetchError
from newsroom_tui.ingest.sync_run import SyncRun, digest
from newsroom_tui.models import FeedItem, FetchState, release_id_for

if TYPE_CHECKING:
    from newsroom_tui.ingest.feeds import ParsedFeed

log = logging.getLogger(__name__)

FEED_PARSE_TIMEOUT = 30.0
"""Seconds a feed may take to parse before the sync stops waiting for it."""
META_FEED = "sync.feed"
"""Meta key: the probed or discovered feed that answered last time (tried first next time)."""
MAX_TAGS = 20


def release_id(item: FeedItem, site_origin: str) -> str:
    """Stable id: a short hash (models.release_id_for) of the feed's guid, else of the URL, site
    URLs shortened to path and query first.

    Shortening makes ids independent of the host and port without merging releases of two
    different sites.
    """
    key = item.guid or item.url
    try:
        parts = urlsplit(key)
    except ValueError:  # a guid no URL parser reads (unbalanced brackets...): used whole
        return release_id_for(key)
    if parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" == site_origin:
        key = parts.path + (f"?{parts.query}" if parts.query else "") or "/"
    return release_id_for(key)


def parse_feed_detailed(data: bytes, url: str) -> ParsedFeed:
    """feeds.parse_feed_detailed. The feed readers (lxml, feedparser and their checks) are
    imported when a feed is first read: a re-sync answered 304, or with the same bytes, never
    loads them."""
    from newsroom_tui.ingest.feeds import parse_feed_detailed as parse

    return parse(data, url)


async def _parse_in_daemon_thread(body: bytes, url: str) -> ParsedFeed:
    """parse_feed_detailed in a daemon thread of its own.

    Not asyncio.to_thread: a parse given up on by the time limit would keep running in the
    loop's default executor, which asyncio.run joins before returning, so the sync would end
    only when the parse did. A daemon thread is simply abandoned.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[ParsedFeed] = loop.create_future()

    def settle(result: ParsedFeed | None, error: BaseException | None) -> None:
        if future.done():  # given up on (timeout or cancel)
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def work() -> None:
        try:
            result, error = parse_feed_detailed(body, url), None
        except Exception as exc:  # noqa: BLE001 - re-raised in the awaiting coroutine
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=work, name="feed-parse", daemon=True).start()
    return await future


@dataclass
class SourceReader:
    """Reads the sources of one sync (see the module docstring); `read()` is the whole of it."""

    run: SyncRun
    items: dict[str, FeedItem] = field(default_factory=dict)
    """The items found, by release id, in the order first seen."""
    ids_by_url: dict[str, str] = field(default_factory=dict)
    source_states: list[FetchState] = field(default_factory=list)
    """The validators of the sources that answered, stored at the end of the sync."""

    async def read(self) -> dict[str, FeedItem]:
        """The feeds, then the listing; the items found, by release id."""
        sources = self.run.profile.sources
        count = max(len(sources.feeds) + (1 if sources.listing else 0), 1)
        self.run.emit("sources", 0, count)
        await self.read_feeds()
        self.run.emit("sources", 1, count)
        await self.read_listing()
        self.run.emit("sources", count, count)
        return self.items

    def add_item(self, item: FeedItem) -> None:
        rid = release_id(item, self.run.profile.site_origin)
        known = self.ids_by_url.get(item.url)
        if known is not None:
            rid = known
        existing = self.items.get(rid)
        if existing is None:
            self.items[rid] = item
            self.ids_by_url.setdefault(item.url, rid)
            return
        # First source wins; a later one only fills what the first lacked.
        if existing.published is None:
            existing.published = item.published
        if not existing.summary_html:
            existing.summary_html = item.summary_html
        if not existing.title:
            existing.title = item.title
        for tag in item.tags:
            if tag not in existing.tags and len(existing.tags) < MAX_TAGS:
                existing.tags.append(tag)

    async def read_feed(self, url: str, *, quiet: bool) -> bool:
        """Fetch and parse one feed; True when it answered with a feed (or 304). Whatever goes
        wrong is this feed's failure (reported unless `quiet`, an unexpected error always)."""
        with self.run.contained(url):
            return await self._read_feed(url, quiet=quiet)
        return False

    async def _read_feed(self, url: str, *, quiet: bool) -> bool:
        try:
            response = await self.run.get(url, max_bytes=self.run.profile.fetch.max_feed_bytes)
        except FetchError as exc:
            if not quiet:
                self.run.fail(url, str(exc))
            return False
        if response.body is None:
            self.run.report.sources_ok += 1
            return True
        content = digest(response.body)
        state = self.run.store.get_fetch_state(url)
        if state is not None and state.content_hash == content:
            self.source_states.append(response.fetch_state(url, content_hash=content))
            self.run.report.sources_ok += 1
            return True
        from newsroom_tui.ingest.feeds import FeedError  # see parse_feed_detailed

        try:
            parsed = await asyncio.wait_for(
                _parse_in_daemon_thread(response.body, response.url), timeout=FEED_PARSE_TIMEOUT
            )
        except FeedError as exc:
            if not quiet:
                self.run.fail(url, str(exc))
            return False
        except TimeoutError:
            if not quiet:
                self.run.fail(url, f"feed took more than {FEED_PARSE_TIMEOUT:g} s to read")
            return False
        self.run.report.sources_ok += 1
        self.add_items(parsed.items)
        self.run.report_refused(parsed.refused, "item link refused")
        if parsed.dropped_links:
            log.info("%s: %d items without a usable link dropped", url, parsed.dropped_links)
        self.source_states.append(response.fetch_state(url, content_hash=content))
        return True

    def add_items(self, items: Sequence[FeedItem]) -> None:
        """Merge a source's items; one that cannot be merged is that item's failure."""
        for item in items:
            with self.run.contained(item.url):
                self.add_item(item)

    async def read_feeds(self) -> None:
        profile = self.run.profile
        answered = False
        for feed in profile.sources.feeds:
            if self.run.stopped():
                return
            url = self.run.resolved(feed)
            if url is not None:
                answered = await self.read_feed(url, quiet=False) or answered
        if answered or self.run.stopped():
            return
        remembered = self.run.store.get_meta(META_FEED)
        candidates = [remembered] if remembered else []
        candidates += [u for u in map(self.run.resolved, profile.sources.probe_feeds) if u]
        tried: set[str] = set()
        for candidate in candidates:
            if candidate in tried or self.run.stopped():
                continue
            tried.add(candidate)
            if await self.read_feed(candidate, quiet=True):
                self.remember(candidate, remembered)
                return
        if not profile.sources.discover or self.run.stopped():
            return
        news_url = self.run.resolved(profile.news_url)
        if news_url is None:
            return
        with self.run.contained(news_url):
            await self.discover(news_url, tried, remembered)

    async def discover(self, news_url: str, tried: set[str], remembered: str | None) -> None:
        """Feeds announced on the news page (`<link rel="alternate">`), tried in turn."""
        profile = self.run.profile
        try:
            # Not conditional: the feed links are needed even when the page has not changed.
            response = await self.run.get(
                news_url, max_bytes=profile.fetch.max_page_bytes, conditional=False
            )
        except FetchError as exc:
            if profile.sources.listing is None:
                self.run.fail(news_url, f"no feed found: {exc}")
            return
        from newsroom_tui.ingest.feeds import discover_feeds

        refused: list[tuple[str, str]] = []
        for candidate in discover_feeds(response.body or b"", response.url, refused=refused)[:3]:
            if candidate in tried or self.run.stopped():
                continue
            tried.add(candidate)
            if await self.read_feed(candidate, quiet=True):
                self.remember(candidate, remembered)
                return
        if profile.sources.listing is None:
            self.run.fail(news_url, "no feed found")
            self.run.report_refused(refused, "announced feed refused")

    def remember(self, candidate: str, remembered: str | None) -> None:
        if candidate != remembered:
            self.run.store.set_meta(META_FEED, candidate)

    async def read_listing(self) -> None:
        settings = self.run.profile.sources.listing
        if settings is None:
            return
        from newsroom_tui.ingest.listing import listing_page_url  # bs4 and the selectors

        for number in range(settings.first_page, settings.first_page + settings.max_pages):
            if self.run.stopped():
                return
            url = self.run.resolved(listing_page_url(settings, number))
            if url is None:
                return
            more = False
            with self.run.contained(url):
                more = await self.read_listing_page(url, number == settings.first_page)
            if not more:
                return

    async def read_listing_page(self, url: str, first: bool) -> bool:
        """One page of the listing; True when the walk should go on to the next page."""
        settings = self.run.profile.sources.listing
        assert settings is not None
        try:
            response = await self.run.get(url, max_bytes=self.run.profile.fetch.max_feed_bytes)
        except FetchError as exc:
            if first or exc.status not in (404, 410):
                self.run.fail(url, str(exc))
            return False
        if first:
            self.run.report.sources_ok += 1
        if response.body is None:
            # Unchanged since the last walk: nothing was published since (the listing is
            # newest first), so the pages after it have not moved either.
            return False
        from newsroom_tui.ingest.listing import parse_listing

        refused: list[tuple[str, str]] = []
        items = await asyncio.to_thread(
            partial(parse_listing, encoding=response.charset, refused=refused),
            response.body,
            response.url,
            settings,
        )
        self.run.report_refused(refused, "card link refused")
        self.source_states.append(response.fetch_state(url, content_hash=digest(response.body)))
        if not items:
            return False
        self.add_items(items)
        return True
