"""One sync of a newsroom: sources → items → pages → extraction → store, failure by failure.

Order of work:
1. Sources. The profile's `feeds`; when none of them answered, the candidate remembered from an
   earlier sync (meta `sync.feed`), then `probe_feeds` (quietly: an unconfirmed candidate that
   fails is not a failure), then feeds discovered on `news_url` (`<link rel="alternate">`). The
   HTML listing, when configured, is walked too (page by page, up to `max_pages`, until an empty
   or missing page, or a page answering 304: the listing is newest first, so an unchanged page
   means the ones after it have not moved), and items are merged by id and by URL. Every source is fetched with conditional GET: a 304 costs no parsing.
2. Releases. Each item's page is fetched with conditional GET (its validators are stored with the
   release); a 304, or a body whose hash is unchanged, is not extracted again. Extraction runs
   off the event loop: in a small thread pool, or, when there are more than POOL_MIN_PAGES
   pages, in worker processes (forked from a fork server, or spawned) so parsing uses the other
   cores, several pages per task; threads take over if
   the processes fail. A page that cannot be fetched yields a summary-only
   release from the feed's summary when nothing is cached, and its fetch state is not stored, so
   the next sync tries the page again. Releases go to the store in batches of `BATCH_SIZE`, each
   batch one transaction with the fetch states of its pages.
3. Sections: each distinct menu URL is fetched and extracted the same way, stored per menu key.
4. The validators of the sources themselves are stored last, so an interrupted sync re-reads them.

Nothing here raises for a network, parse or extraction problem: each becomes a `SourceFailure`
with a one-line reason and the rest of the sync goes on; cached items are never deleted.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import html
import logging
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from multiprocessing.context import BaseContext
from typing import Any, Protocol
from urllib.parse import urlsplit

from newsroom_tui.extraction.markdown import summary_to_markdown
from newsroom_tui.ingest.feeds import FeedError, ParsedFeed, discover_feeds, parse_feed_detailed
from newsroom_tui.ingest.fetch import Fetcher, FetchError, FetchResponse, request_url
from newsroom_tui.ingest.listing import listing_page_url, parse_listing
from newsroom_tui.ingest.release_extraction import (
    exit_with_parent,
    extract_batch,
    extract_release,
    warm_worker,
)
from newsroom_tui.models import (
    ExtractedPage,
    FeedItem,
    FetchState,
    Release,
    SectionPage,
    SourceFailure,
    SyncProgress,
    SyncReport,
)
from newsroom_tui.profiles import Profile
from newsroom_tui.sanitise import clean_line
from newsroom_tui.storage.errors import StoreError
from newsroom_tui.storage.store import BatchResult

log = logging.getLogger(__name__)

BATCH_SIZE = 50
HEADLINE_BATCH_SIZE = 500
"""Releases stored from feed summaries alone are a few hundred bytes each: fewer, larger
transactions (each one flushes the full-text index) store a 10,000-item feed ~15 % faster."""
FEED_PARSE_TIMEOUT = 30.0
"""Seconds a feed may take to parse before the sync stops waiting for it."""
EXTRACT_THREADS = 2
POOL_MIN_PAGES = 100
"""A sync with more release pages than this also extracts in worker processes (the other cores);
smaller ones stay in threads: starting the workers (~0.3-0.6 s of CPU each to import the parsers)
costs more than it saves on a few dozen pages (the 44-page demo sync took 0.6 s in threads and
1.6-1.9 s with two workers started at 40 pages, on a loaded 2-core machine)."""
EXTRACT_PROCESSES = max(1, min(4, os.cpu_count() or 1))
PAGES_PER_TASK = 4
"""Pages sent to a worker process in one task (see _Extractors._dispatch)."""
META_FEED = "sync.feed"
"""Meta key: the probed or discovered feed that answered last time (tried first next time)."""
META_LAST_SYNC = "last_sync"
RETRY_PAGES = 500
"""Releases still shown from a summary whose page a sync fetches again, at most."""
MAX_TAGS = 20

ProgressCallback = Callable[[SyncProgress], None]


class SyncStore(Protocol):
    """What sync needs from the store (newsroom_tui.storage.store.Store provides it)."""

    def get_fetch_state(self, url: str) -> FetchState | None: ...

    def content_hashes(self, ids: Sequence[str]) -> dict[str, str]: ...

    def apply_batch(
        self,
        releases: Sequence[Release],
        sections: Sequence[SectionPage] = (),
        fetch_states: Sequence[FetchState] = (),
    ) -> BatchResult: ...

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    def summary_only_releases(self, limit: int) -> list[Release]: ...


def release_id(item: FeedItem, site_origin: str) -> str:
    """Stable id: the feed's guid, else the URL; site URLs shortened to path and query.

    Shortening makes ids independent of the host and port (the demo's loopback port changes
    from run to run) without merging releases of two different sites.
    """
    key = item.guid or item.url
    try:
        parts = urlsplit(key)
    except ValueError:  # a guid no URL parser reads (unbalanced brackets...): kept as is
        return key
    if parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" == site_origin:
        return parts.path + (f"?{parts.query}" if parts.query else "") or "/"
    return key


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _reason(exc: BaseException) -> str:
    return clean_line(str(exc), limit=200) or type(exc).__name__


def _unexpected(exc: BaseException) -> str:
    """One line for an error no step expected: its type and message (the first inside a group)."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return f"unexpected error ({type(exc).__name__}: {_reason(exc)}); details in the log"


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


def _fetch_states(store: SyncStore, urls: Sequence[str]) -> dict[str, FetchState | None]:
    """The stored fetch state of each URL (None when there is none)."""
    return {url: store.get_fetch_state(url) for url in urls}


def _pool_context() -> BaseContext:
    """How worker processes start: forked from a fork server where the platform has one (Linux,
    macOS), else spawned.

    The fork server is a fresh single-threaded interpreter that imports the parsers once; each
    worker forks from it ready to extract, in ~10 ms instead of ~0.25 s of CPU to start an
    interpreter and import the parsers and the parent's main module (a sync of 1,000 pages
    spent ~0.5 ms per page on that with two workers). The server stays for the next sync. Never
    a fork of the syncing process itself: the Textual app syncs from a thread, and a forked child
    of a threaded process can inherit locks held by other threads.
    """
    try:
        context = multiprocessing.get_context("forkserver")
    except ValueError:
        return multiprocessing.get_context("spawn")
    context.set_forkserver_preload(["newsroom_tui.ingest.release_extraction"])
    return context


class _Extractors:
    """Where extraction runs: the thread pool, or worker processes once they are ready.

    Worker processes start on the first extraction of a big sync and warm up (import the parsers)
    while pages keep being extracted in threads; pages go to the processes only once every worker
    has answered its warm-up task, so starting them never holds the sync up (see _pool_context
    for how they start). When the pool breaks (a worker killed, a
    start-up failure, something that does not pickle), the sync goes on in threads and says so in
    the log, once.
    """

    def __init__(self, threads: ThreadPoolExecutor) -> None:
        self.threads = threads
        self.processes: ProcessPoolExecutor | None = None
        self.warming: list[Future[bool]] = []
        self.ready = False
        self.wanted = False
        self.broken = False
        self.queued: list[tuple[Callable[[], tuple[ExtractedPage, str]], asyncio.Future[Any]]] = []
        """Pages waiting for a task to the processes, with the futures their callers await."""
        self.in_flight = 0

    def _executor(self) -> Executor:
        if not self.wanted or self.broken:
            return self.threads
        if self.processes is None:
            try:
                self.processes = ProcessPoolExecutor(
                    EXTRACT_PROCESSES,
                    mp_context=_pool_context(),
                    initializer=exit_with_parent,
                    initargs=(os.getpid(),),
                )
                # One task per worker: each submit to an idle-less pool starts a worker.
                self.warming = [
                    self.processes.submit(warm_worker) for _ in range(EXTRACT_PROCESSES)
                ]
            except (OSError, ValueError, RuntimeError, BrokenProcessPool) as exc:
                self._give_up(exc)
                return self.threads
        if not self.ready:
            if not all(future.done() for future in self.warming):
                return self.threads
            for future in self.warming:
                error = future.exception()
                if error is not None:
                    self._give_up(error)
                    return self.threads
            self.ready = True
        return self.processes

    def _give_up(self, exc: BaseException) -> None:
        if not self.broken:
            log.warning("extraction processes unavailable, using threads: %s", _reason(exc))
        self.broken = True
        queued, self.queued = self.queued, []
        self._fail(queued, exc)  # their callers go on in threads
        self.shutdown()

    async def run(self, call: Callable[[], tuple[ExtractedPage, str]]) -> tuple[ExtractedPage, str]:
        loop = asyncio.get_running_loop()
        executor = self._executor()
        if executor is self.threads:
            return await loop.run_in_executor(self.threads, call)
        future: asyncio.Future[tuple[ExtractedPage, str]] = loop.create_future()
        self.queued.append((call, future))
        self._dispatch()
        try:
            return await future
        except (BrokenProcessPool, pickle.PicklingError) as exc:
            self._give_up(exc)
            return await loop.run_in_executor(self.threads, call)

    def _dispatch(self) -> None:
        """Send queued pages to the processes, several per task (each task costs the syncing
        process ~0.4 ms of pickling, locking and waking up, whatever its size). Up to two tasks
        per worker are in flight, so a worker finds its next one ready; a partial batch waits
        while another task runs, and goes when none does."""
        processes = self.processes
        while self.queued and self.in_flight < 2 * EXTRACT_PROCESSES:
            self.queued = [entry for entry in self.queued if not entry[1].done()]
            if not self.queued or (len(self.queued) < PAGES_PER_TASK and self.in_flight):
                return
            batch, self.queued = self.queued[:PAGES_PER_TASK], self.queued[PAGES_PER_TASK:]
            if processes is None:
                self._fail(batch, BrokenProcessPool("extraction processes stopped"))
                continue
            try:
                task = processes.submit(extract_batch, [call for call, _ in batch])
            except (BrokenProcessPool, RuntimeError) as exc:
                self._fail(batch, exc)
                continue
            self.in_flight += 1
            task.add_done_callback(partial(self._answered, batch[0][1].get_loop(), batch))

    def _answered(
        self,
        loop: asyncio.AbstractEventLoop,
        batch: list[tuple[Callable[[], tuple[ExtractedPage, str]], asyncio.Future[Any]]],
        task: Future[list[tuple[bool, Any]]],
    ) -> None:
        """In the pool's thread: hand the finished task to the event loop."""
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting
            loop.call_soon_threadsafe(self._settle, batch, task)

    def _settle(
        self,
        batch: list[tuple[Callable[[], tuple[ExtractedPage, str]], asyncio.Future[Any]]],
        task: Future[list[tuple[bool, Any]]],
    ) -> None:
        """A task's answers to the pages' futures (on the event loop), then the next batch."""
        self.in_flight -= 1
        if task.cancelled():
            self._fail(batch, BrokenProcessPool("extraction task cancelled"))
        elif task.exception() is not None:
            self._fail(batch, task.exception())  # type: ignore[arg-type]
        else:
            for (_, future), (ok, value) in zip(batch, task.result(), strict=True):
                if future.done():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
        self._dispatch()

    @staticmethod
    def _fail(
        batch: list[tuple[Callable[[], tuple[ExtractedPage, str]], asyncio.Future[Any]]],
        exc: BaseException,
    ) -> None:
        for _, future in batch:
            if not future.done():
                future.set_exception(exc)

    def shutdown(self) -> None:
        """Stop the workers; one still starting up is not waited for (it exits when ready)."""
        processes, self.processes = self.processes, None
        if processes is not None:
            processes.shutdown(wait=self.ready, cancel_futures=True)


@dataclass
class _Outcome:
    """What `_Run.contained` saw: whether the work it guarded failed."""

    failed: bool = False


@dataclass
class _Run:
    profile: Profile
    store: SyncStore
    fetcher: Fetcher
    pool: _Extractors
    progress: ProgressCallback | None
    cancel: asyncio.Event | None
    report: SyncReport = field(default_factory=SyncReport)
    source_states: list[FetchState] = field(default_factory=list)
    items: dict[str, FeedItem] = field(default_factory=dict)
    ids_by_url: dict[str, str] = field(default_factory=dict)
    pending: list[Release] = field(default_factory=list)
    pending_states: list[FetchState] = field(default_factory=list)
    down: dict[str, str] = field(default_factory=dict)
    """Hosts found unreachable in this sync, with the reason (later requests fail fast)."""
    cancelled: bool = False
    extracted: int = 0

    # --- helpers -----------------------------------------------------------------------------
    def emit(self, phase: str, done: int, total: int, message: str = "") -> None:
        if self.progress is not None:
            self.progress(SyncProgress(phase, done, total, clean_line(message, limit=200)))

    def stopped(self) -> bool:
        if self.cancel is not None and self.cancel.is_set():
            self.cancelled = True
        return self.cancelled

    def fail(self, url: str, reason: str) -> None:
        self.report.failed.append(
            SourceFailure(clean_line(url, limit=300), clean_line(reason, limit=300))
        )

    @contextlib.contextmanager
    def contained(self, url: str, *, report: bool = True) -> Iterator[_Outcome]:
        """The boundary around the work for one item, source, menu page or batch: an error no
        step expected becomes that work's failure (one line in the report unless `report` is
        false, the traceback in the log) and the sync goes on. A StoreError goes through: the
        database itself is the problem (busy, read-only, full, damaged), not one item."""
        outcome = _Outcome()
        try:
            yield outcome
        except StoreError:
            raise
        except Exception as exc:  # the boundary of one item's or source's work
            outcome.failed = True
            log.error("sync: unexpected error for %s", url, exc_info=exc)
            if report:
                self.fail(url, _unexpected(exc))

    async def get(
        self,
        url: str,
        *,
        max_bytes: int,
        conditional: bool = True,
        state: FetchState | None = None,
        known_state: bool = False,
    ) -> FetchResponse:
        """GET with the stored validators: `state` when `known_state` (the caller read it
        already, None meaning none stored), else read from the store now."""
        host = urlsplit(request_url(url)).netloc.lower()
        if host in self.down:
            raise FetchError(self.down[host], kind="connection")
        if not conditional:
            state = None
        elif not known_state:
            state = self.store.get_fetch_state(url)
        try:
            return await self.fetcher.get(url, max_bytes=max_bytes, state=state)
        except FetchError as exc:
            if exc.kind == "connection" and str(exc) in (
                "connection refused",
                "host name not found",
            ):
                self.down[host] = str(exc)
            raise

    def add_item(self, item: FeedItem) -> None:
        rid = release_id(item, self.profile.site_origin)
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

    async def flush(self, *, force: bool = False) -> None:
        if not self.pending and not (force and self.pending_states):
            return
        if not force and len(self.pending) < BATCH_SIZE:
            return
        releases, states = self.pending, self.pending_states
        self.pending, self.pending_states = [], []
        # A value the store cannot hold (a date past year 9999, an unencodable string) rolls
        # the batch back: then each release goes alone, so only the bad one is lost. A
        # StoreError (the database itself) stops the sync with its one line.
        with self.contained(f"a batch of {len(releases)} releases", report=False) as attempt:
            self.count_stored(await asyncio.to_thread(self.store.apply_batch, releases, (), states))
        if attempt.failed:
            await self.store_one_by_one(releases, states)

    def count_stored(self, result: BatchResult) -> None:
        self.report.new += result.new
        self.report.updated += result.updated
        self.report.unchanged += result.unchanged

    async def store_one_by_one(self, releases: list[Release], states: list[FetchState]) -> None:
        """Each release in its own transaction with its page's fetch state; one the store
        refuses is that item's failure and is stored from its feed summary when it can be (its
        page's state is not kept, so the next sync fetches it again). The states of unchanged
        pages go last, together."""
        by_url: dict[str, list[FetchState]] = {}
        for state in states:
            by_url.setdefault(state.url, []).append(state)
        for release in releases:
            own = by_url.pop(release.url, [])
            with self.contained(release.url) as work:
                self.count_stored(
                    await asyncio.to_thread(self.store.apply_batch, [release], (), own)
                )
            item = self.items.get(release.id)
            if work.failed and item is not None and not release.summary_only:
                # Its feed summary instead (marked summary-only, so the next sync fetches the
                # page again); a full copy stored earlier is kept over it by the store.
                with self.contained(release.url, report=False):
                    summary = self.summary_release(release.id, item)
                    self.count_stored(await asyncio.to_thread(self.store.apply_batch, [summary]))
        rest = [state for group in by_url.values() for state in group]
        if rest:
            await asyncio.to_thread(self.store.apply_batch, (), (), rest)

    # --- sources -----------------------------------------------------------------------------
    async def read_feed(self, url: str, *, quiet: bool) -> bool:
        """Fetch and parse one feed; True when it answered with a feed (or 304). Whatever goes
        wrong is this feed's failure (reported unless `quiet`, an unexpected error always)."""
        with self.contained(url):
            return await self._read_feed(url, quiet=quiet)
        return False

    async def _read_feed(self, url: str, *, quiet: bool) -> bool:
        try:
            response = await self.get(url, max_bytes=self.profile.fetch.max_feed_bytes)
        except FetchError as exc:
            if not quiet:
                self.fail(url, str(exc))
            return False
        if response.body is None:
            self.report.sources_ok += 1
            return True
        digest = _digest(response.body)
        state = self.store.get_fetch_state(url)
        if state is not None and state.content_hash == digest:
            self.source_states.append(response.fetch_state(url, content_hash=digest))
            self.report.sources_ok += 1
            return True
        try:
            parsed = await asyncio.wait_for(
                _parse_in_daemon_thread(response.body, response.url), timeout=FEED_PARSE_TIMEOUT
            )
        except FeedError as exc:
            if not quiet:
                self.fail(url, str(exc))
            return False
        except TimeoutError:
            if not quiet:
                self.fail(url, f"feed took more than {FEED_PARSE_TIMEOUT:g} s to read")
            return False
        self.report.sources_ok += 1
        self.add_items(parsed.items)
        self.report_refused(parsed.refused, "item link refused")
        if parsed.dropped_links:
            log.info("%s: %d items without a usable link dropped", url, parsed.dropped_links)
        self.source_states.append(response.fetch_state(url, content_hash=digest))
        return True

    def report_refused(self, refused: Sequence[tuple[str, str]], what: str) -> None:
        """One failure per refused link, (link as shown, why): never fetched, never stored."""
        for link, reason in refused:
            self.fail(link, f"{what}: {reason}")

    def add_items(self, items: Sequence[FeedItem]) -> None:
        """Merge a source's items; one that cannot be merged is that item's failure."""
        for item in items:
            with self.contained(item.url):
                self.add_item(item)

    def resolved(self, url: str) -> str | None:
        """A profile URL made absolute; None (and a failure) when it cannot be."""
        try:
            return self.profile.resolve(url)
        except ValueError as exc:
            self.fail(url, f"invalid URL in the profile: {_reason(exc)}")
            return None

    async def read_feeds(self) -> None:
        profile = self.profile
        answered = False
        for feed in profile.sources.feeds:
            if self.stopped():
                return
            url = self.resolved(feed)
            if url is not None:
                answered = await self.read_feed(url, quiet=False) or answered
        if answered or self.stopped():
            return
        remembered = self.store.get_meta(META_FEED)
        candidates = [remembered] if remembered else []
        candidates += [u for u in map(self.resolved, profile.sources.probe_feeds) if u]
        tried: set[str] = set()
        for candidate in candidates:
            if candidate in tried or self.stopped():
                continue
            tried.add(candidate)
            if await self.read_feed(candidate, quiet=True):
                self.remember(candidate, remembered)
                return
        if not profile.sources.discover or self.stopped():
            return
        news_url = self.resolved(profile.news_url)
        if news_url is None:
            return
        with self.contained(news_url):
            await self.discover(news_url, tried, remembered)

    async def discover(self, news_url: str, tried: set[str], remembered: str | None) -> None:
        """Feeds announced on the news page (`<link rel="alternate">`), tried in turn."""
        profile = self.profile
        try:
            # Not conditional: the feed links are needed even when the page has not changed.
            response = await self.get(
                news_url, max_bytes=profile.fetch.max_page_bytes, conditional=False
            )
        except FetchError as exc:
            if profile.sources.listing is None:
                self.fail(news_url, f"no feed found: {exc}")
            return
        refused: list[tuple[str, str]] = []
        for candidate in discover_feeds(response.body or b"", response.url, refused=refused)[:3]:
            if candidate in tried or self.stopped():
                continue
            tried.add(candidate)
            if await self.read_feed(candidate, quiet=True):
                self.remember(candidate, remembered)
                return
        if profile.sources.listing is None:
            self.fail(news_url, "no feed found")
            self.report_refused(refused, "announced feed refused")

    def remember(self, candidate: str, remembered: str | None) -> None:
        if candidate != remembered:
            self.store.set_meta(META_FEED, candidate)

    async def read_listing(self) -> None:
        settings = self.profile.sources.listing
        if settings is None:
            return
        for number in range(settings.first_page, settings.first_page + settings.max_pages):
            if self.stopped():
                return
            url = self.resolved(listing_page_url(settings, number))
            if url is None:
                return
            more = False
            with self.contained(url):
                more = await self.read_listing_page(url, number == settings.first_page)
            if not more:
                return

    async def read_listing_page(self, url: str, first: bool) -> bool:
        """One page of the listing; True when the walk should go on to the next page."""
        settings = self.profile.sources.listing
        assert settings is not None
        try:
            response = await self.get(url, max_bytes=self.profile.fetch.max_feed_bytes)
        except FetchError as exc:
            if first or exc.status not in (404, 410):
                self.fail(url, str(exc))
            return False
        if first:
            self.report.sources_ok += 1
        if response.body is None:
            # Unchanged since the last walk: nothing was published since (the listing is
            # newest first), so the pages after it have not moved either.
            return False
        refused: list[tuple[str, str]] = []
        items = await asyncio.to_thread(
            partial(parse_listing, encoding=response.charset, refused=refused),
            response.body,
            response.url,
            settings,
        )
        self.report_refused(refused, "card link refused")
        self.source_states.append(response.fetch_state(url, content_hash=_digest(response.body)))
        if not items:
            return False
        self.add_items(items)
        return True

    # --- releases ----------------------------------------------------------------------------
    def summary_release(self, rid: str, item: FeedItem) -> Release:
        summary = summary_to_markdown(item.summary_html, item.url) if item.summary_html else None
        return Release(
            id=rid,
            url=item.url,
            title=item.title or item.url,
            published=item.published,
            language=self.profile.language,
            section=self.section_label(item),
            tags=list(item.tags[:MAX_TAGS]),
            summary=clean_line(summary.text, limit=2000) if summary else "",
            markdown=summary.markdown if summary else "",
            text=summary.text if summary else "",
            summary_only=True,
        )

    def section_label(self, item: FeedItem) -> str:
        for node in self.profile.menu_nodes():
            if node.newsroom:
                return node.label
        return item.tags[0] if item.tags else ""

    def build_release(self, rid: str, item: FeedItem, page: ExtractedPage, summary: str) -> Release:
        tags = list(item.tags)
        for tag in page.tags:
            if tag not in tags:
                tags.append(tag)
        return Release(
            id=rid,
            url=item.url,
            title=page.title or item.title or item.url,
            published=page.published or item.published,
            language=page.language or self.profile.language,
            section=self.section_label(item),
            tags=tags[:MAX_TAGS],
            summary=summary,
            markdown=page.markdown,
            text=page.text,
            contacts=list(page.contacts),
        )

    async def extract(
        self,
        body: bytes,
        response: FetchResponse,
        fallback: datetime | None,
        item: FeedItem | None = None,
    ) -> tuple[ExtractedPage, str]:
        """The page extracted off the event loop, with the item's summary line (if an item)."""
        call = partial(
            extract_release,
            body,
            response.url,
            self.profile.extract,
            self.profile.language,
            fallback,
            response.charset,
            item.summary_html if item is not None else "",
            item.url if item is not None else "",
        )
        self.extracted += 1
        return await self.pool.run(call)

    async def sync_release(
        self,
        rid: str,
        item: FeedItem,
        known: dict[str, str],
        states: dict[str, FetchState | None],
    ) -> None:
        """One item's page fetched, extracted and queued for the store. Whatever goes wrong is
        this item's failure; a new item then keeps its feed summary."""
        with self.contained(item.url) as work:
            await self._sync_release(rid, item, known, states)
        if work.failed:
            self.keep_summary(rid, item, known)

    def keep_summary(self, rid: str, item: FeedItem, known: dict[str, str]) -> None:
        """A new item whose page failed is stored from its feed summary (marked summary-only,
        so the next sync fetches the page again); an item already stored keeps what it has."""
        if rid in known:
            return
        # The item's failure is reported already: a summary that fails too is only logged.
        with self.contained(item.url, report=False):
            self.pending.append(self.summary_release(rid, item))

    async def _sync_release(
        self,
        rid: str,
        item: FeedItem,
        known: dict[str, str],
        states: dict[str, FetchState | None],
    ) -> None:
        url = item.url
        state = states.get(url)
        try:
            response = await self.get(
                url, max_bytes=self.profile.fetch.max_page_bytes, state=state, known_state=True
            )
            if response.body is None and rid not in known:
                # Validators but no release (an earlier summary-only copy, say): fetch it whole.
                response = await self.get(
                    url, max_bytes=self.profile.fetch.max_page_bytes, conditional=False
                )
        except FetchError as exc:
            self.fail(url, str(exc))
            self.keep_summary(rid, item, known)
            return
        if response.body is None:
            self.report.unchanged += 1
            return
        digest = _digest(response.body)
        if rid in known and state is not None and state.content_hash == digest:
            self.report.unchanged += 1
            self.pending_states.append(response.fetch_state(url, content_hash=digest))
            return
        try:
            page, summary = await self.extract(response.body, response, item.published, item)
        except (ValueError, RecursionError, LookupError, TypeError) as exc:
            log.exception("extraction failed for %s", url)
            self.fail(url, f"could not read the page: {_reason(exc)}")
            self.keep_summary(rid, item, known)
            return
        self.pending.append(self.build_release(rid, item, page, summary))
        self.pending_states.append(response.fetch_state(url, content_hash=digest))

    async def sync_releases(self) -> None:
        entries = list(self.items.items())
        total = len(entries)
        known = await asyncio.to_thread(self.store.content_hashes, [rid for rid, _ in entries])
        # The pages' validators, read up front off the loop: read one by one on the loop, each
        # read waited for the store's lock while a batch was being written in a thread, which
        # stalled every fetch for the length of the write.
        states = await asyncio.to_thread(_fetch_states, self.store, [i.url for _, i in entries])
        # Worker processes only pay off on many pages (started at the first extraction, so an
        # all-304 re-sync never starts them).
        self.pool.wanted = total > POOL_MIN_PAGES
        queue: asyncio.Queue[tuple[str, FeedItem]] = asyncio.Queue()
        for entry in entries:
            queue.put_nowait(entry)
        done = 0
        self.emit("releases", 0, total)

        async def worker() -> None:
            nonlocal done
            while not self.stopped():
                try:
                    rid, item = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                await self.sync_release(rid, item, known, states)
                done += 1
                self.emit("releases", done, total, item.title)
                if len(self.pending) >= BATCH_SIZE:
                    await self.flush()

        workers = max(2, self.profile.fetch.concurrency * 2)
        if self.pool.wanted:  # enough pages waiting to fill every task the processes may hold
            workers += 2 * EXTRACT_PROCESSES * PAGES_PER_TASK
        await asyncio.gather(*(worker() for _ in range(workers)))
        await self.flush(force=True)

    async def add_unfetched_pages(self) -> None:
        """Releases stored from a feed summary (their page failed, or a headlines-only sync)
        get their page fetched again, even when every source answered 304."""
        stored = await asyncio.to_thread(self.store.summary_only_releases, RETRY_PAGES)
        for release in stored:
            if release.id not in self.items:
                self.items[release.id] = FeedItem(
                    url=release.url,
                    title=release.title,
                    summary_html=html.escape(release.summary),
                    published=release.published,
                    tags=list(release.tags),
                )

    async def store_headlines(self) -> None:
        """Without pages: each new item is stored from its feed summary (marked summary-only,
        so the next full sync fetches its page); items already stored are left as they are."""
        entries = list(self.items.items())
        known = await asyncio.to_thread(self.store.content_hashes, [rid for rid, _ in entries])
        fresh = [(rid, item) for rid, item in entries if rid not in known]
        self.report.unchanged += len(entries) - len(fresh)
        self.emit("releases", 0, len(fresh))
        for done, (rid, item) in enumerate(fresh, 1):
            if self.stopped():
                break
            with self.contained(item.url):
                self.pending.append(self.summary_release(rid, item))
            if len(self.pending) >= HEADLINE_BATCH_SIZE:
                await self.flush(force=True)
            self.emit("releases", done, len(fresh), item.title)
        await self.flush(force=True)

    # --- sections ----------------------------------------------------------------------------
    async def sync_sections(self) -> None:
        by_url: dict[str, list[str]] = {}
        for node in self.profile.menu_nodes():
            url = self.resolved(node.url) if node.url else None
            if url is not None:
                by_url.setdefault(url, []).append(node.key)
        total = len(by_url)
        self.emit("sections", 0, total)
        done = 0
        pages: list[SectionPage] = []
        states: list[FetchState] = []

        async def one(url: str, keys: list[str]) -> None:
            nonlocal done
            if self.stopped():
                return
            with self.contained(url):
                await self.sync_section(url, keys, pages, states)
            done += 1
            self.emit("sections", done, total, url)

        await asyncio.gather(*(one(url, keys) for url, keys in by_url.items()))
        if pages or states:
            await self.store_sections(pages, states)

    async def sync_section(
        self, url: str, keys: list[str], pages: list[SectionPage], states: list[FetchState]
    ) -> None:
        """One menu page fetched and extracted, once for all the menu keys that share it."""
        try:
            response = await self.get(url, max_bytes=self.profile.fetch.max_page_bytes)
        except FetchError as exc:
            self.fail(url, str(exc))
            return
        if response.body is None:
            return
        try:
            page, _ = await self.extract(response.body, response, None)
        except (ValueError, RecursionError, LookupError, TypeError) as exc:
            log.exception("extraction failed for %s", url)
            self.fail(url, f"could not read the page: {_reason(exc)}")
            return
        now = datetime.now(UTC)
        for key in keys:
            pages.append(
                SectionPage(
                    key, url, page.title, page.markdown, page.text, list(page.contacts), now
                )
            )
        states.append(response.fetch_state(url, content_hash=_digest(response.body)))

    async def store_sections(self, pages: list[SectionPage], states: list[FetchState]) -> None:
        """The section pages in one transaction; if the store refuses a value, page by page."""
        with self.contained(f"{len(pages)} section pages", report=False) as attempt:
            await asyncio.to_thread(self.store.apply_batch, (), pages, states)
            self.report.sections = len(pages)
        if not attempt.failed:
            return
        stored: set[str] = set()
        for page in pages:
            with self.contained(page.url) as work:
                await asyncio.to_thread(self.store.apply_batch, (), [page], ())
            if not work.failed:
                stored.add(page.url)
                self.report.sections += 1
        kept = [state for state in states if state.url in stored]
        if kept:
            await asyncio.to_thread(self.store.apply_batch, (), (), kept)


async def sync_profile(
    profile: Profile,
    store: SyncStore,
    *,
    progress: ProgressCallback | None = None,
    sections: bool = True,
    pages: bool = True,
    cancel: asyncio.Event | None = None,
    backoff: float = 1.0,
) -> SyncReport:
    """Sync one newsroom into `store`; never raises for network or content problems.

    `pages=False` reads the sources only and stores new items from their summaries (a quick
    headlines sync). `backoff` is the base delay between retries of a 429/5xx without
    Retry-After (seconds).
    """
    with ThreadPoolExecutor(EXTRACT_THREADS, thread_name_prefix="extract") as threads:
        extractors = _Extractors(threads)
        try:
            return await _sync(
                profile, store, extractors, progress, sections, pages, cancel, backoff
            )
        finally:
            extractors.shutdown()


async def _sync(
    profile: Profile,
    store: SyncStore,
    pool: _Extractors,
    progress: ProgressCallback | None,
    sections: bool,
    pages: bool,
    cancel: asyncio.Event | None,
    backoff: float,
) -> SyncReport:
    async with Fetcher(profile.fetch, backoff=backoff) as fetcher:
        run = _Run(profile, store, fetcher, pool, progress, cancel)
        sources = len(profile.sources.feeds) + (1 if profile.sources.listing else 0)
        run.emit("sources", 0, max(sources, 1))
        await run.read_feeds()
        run.emit("sources", 1, max(sources, 1))
        await run.read_listing()
        run.emit("sources", max(sources, 1), max(sources, 1))
        if not run.stopped():
            if pages:
                await run.add_unfetched_pages()
                await run.sync_releases()
            else:
                await run.store_headlines()
        if sections and not run.stopped():
            await run.sync_sections()
        if not run.stopped():
            if run.source_states:
                await asyncio.to_thread(store.apply_batch, (), (), run.source_states)
            if run.report.sources_ok:  # a sync that reached nothing (offline) is no sync
                store.set_meta(META_LAST_SYNC, datetime.now(UTC).isoformat(timespec="seconds"))
        else:
            await run.flush(force=True)
        run.report.cancelled = run.cancelled
        run.report.extracted = run.extracted
        run.emit("done", 1, 1)
        return run.report


def run_sync(
    profile: Profile,
    store: SyncStore,
    *,
    progress: ProgressCallback | None = None,
    sections: bool = True,
    pages: bool = True,
    cancel: asyncio.Event | None = None,
) -> SyncReport:
    """`sync_profile` for callers without an event loop (the CLI)."""
    return asyncio.run(
        sync_profile(
            profile, store, progress=progress, sections=sections, pages=pages, cancel=cancel
        )
    )
