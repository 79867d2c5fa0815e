"""Syncing the releases: each item's page fetched, extracted and stored, failure by failure.

Each item's page is fetched with conditional GET (its validators are stored with the release); a
304, or a body whose hash is unchanged, is not extracted again. Extraction runs off the event loop
(`extraction_pool`). A page that cannot be fetched or read yields a summary-only release from the
feed's summary when nothing is cached, and its fetch state is not stored, so the next sync tries
the page again. Releases go to the store in batches of `BATCH_SIZE`, each batch one transaction
with the fetch states of its pages; a batch the store refuses because of one release's value goes
release by release. Without pages (a headlines sync), new items are stored from their summaries.
Each item's work runs inside the sync's boundary (`SyncRun.contained`).
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsroom_tui.ingest.fetch import FetchError
from newsroom_tui.ingest.sync_run import SyncRun, SyncStore, digest, reason
from newsroom_tui.models import ExtractedPage, FeedItem, FetchState, Release
from newsroom_tui.profiles import Profile
from newsroom_tui.storage.store import BatchResult

if TYPE_CHECKING:
    from newsroom_tui.extraction.summaries import SummaryFields

log = logging.getLogger(__name__)

BATCH_SIZE = 50
HEADLINE_BATCH_SIZE = 500
"""Releases stored from feed summaries alone are a few hundred bytes each: fewer, larger
transactions (each one flushes the full-text index) store a 10,000-item feed ~15 % faster."""
RETRY_PAGES = 500
"""Releases still shown from a summary whose page a sync fetches again, at most."""
MAX_TAGS = 20


def summary_release(
    profile: Profile, rid: str, item: FeedItem, fields: SummaryFields | None = None
) -> Release:
    """An item stored from its feed summary alone (marked summary-only: a later sync fetches
    its page). `fields`: its summary already converted (by the feed's worker process)."""
    if fields is None:
        from newsroom_tui.extraction.summaries import summary_fields  # only for new items

        fields = summary_fields(item.summary_html, item.url)
    summary, markdown, text = fields
    return Release(
        id=rid,
        url=item.url,
        title=item.title or item.url,
        published=item.published,
        language=profile.language,
        section=section_label(profile, item),
        tags=list(item.tags[:MAX_TAGS]),
        summary=summary,
        markdown=markdown,
        text=text,
        summary_only=True,
    )


def section_label(profile: Profile, item: FeedItem) -> str:
    for node in profile.menu_nodes():
        if node.newsroom:
            return node.label
    return item.tags[0] if item.tags else ""


def _fetch_states(store: SyncStore, urls: Sequence[str]) -> dict[str, FetchState | None]:
    """The stored fetch state of each URL (None when there is none)."""
    return {url: store.get_fetch_state(url) for url in urls}


@dataclass
class ReleaseSync:
    """Syncs the releases of the items found (see the module docstring)."""

    run: SyncRun
    items: dict[str, FeedItem]
    """The items found in the sources, by release id (the pages to retry are added to it)."""
    pending: list[Release] = field(default_factory=list)
    pending_states: list[FetchState] = field(default_factory=list)

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
        with self.run.contained(f"a batch of {len(releases)} releases", report=False) as attempt:
            self.count_stored(
                await asyncio.to_thread(self.run.store.apply_batch, releases, (), states)
            )
        if attempt.failed:
            await self.store_one_by_one(releases, states)

    def count_stored(self, result: BatchResult) -> None:
        self.run.report.new += result.new
        self.run.report.updated += result.updated
        self.run.report.unchanged += result.unchanged

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
            with self.run.contained(release.url) as work:
                self.count_stored(
                    await asyncio.to_thread(self.run.store.apply_batch, [release], (), own)
                )
            item = self.items.get(release.id)
            if work.failed and item is not None and not release.summary_only:
                # Its feed summary instead (marked summary-only, so the next sync fetches the
                # page again); a full copy stored earlier is kept over it by the store.
                with self.run.contained(release.url, report=False):
                    summary = self.summary_release(release.id, item)
                    self.count_stored(
                        await asyncio.to_thread(self.run.store.apply_batch, [summary])
                    )
        rest = [state for group in by_url.values() for state in group]
        if rest:
            await asyncio.to_thread(self.run.store.apply_batch, (), (), rest)

    def summary_release(self, rid: str, item: FeedItem) -> Release:
        return summary_release(self.run.profile, rid, item)

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
            language=page.language or self.run.profile.language,
            section=section_label(self.run.profile, item),
            tags=tags[:MAX_TAGS],
            summary=summary,
            markdown=page.markdown,
            text=page.text,
            contacts=list(page.contacts),
            language_links=list(page.language_links),
        )

    async def sync_release(
        self,
        rid: str,
        item: FeedItem,
        known: dict[str, str],
        states: dict[str, FetchState | None],
    ) -> None:
        """One item's page fetched, extracted and queued for the store. Whatever goes wrong is
        this item's failure; a new item then keeps its feed summary."""
        with self.run.contained(item.url) as work:
            await self._sync_release(rid, item, known, states)
        if work.failed:
            self.keep_summary(rid, item, known)

    def keep_summary(self, rid: str, item: FeedItem, known: dict[str, str]) -> None:
        """A new item whose page failed is stored from its feed summary (marked summary-only,
        so the next sync fetches the page again); an item already stored keeps what it has."""
        if rid in known:
            return
        # The item's failure is reported already: a summary that fails too is only logged.
        with self.run.contained(item.url, report=False):
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
            response = await self.run.get(
                url, max_bytes=self.run.profile.fetch.max_page_bytes, state=state, known_state=True
            )
            if response.body is None and rid not in known:
                # Validators but no release (an earlier summary-only copy, say): fetch it whole.
                response = await self.run.get(
                    url, max_bytes=self.run.profile.fetch.max_page_bytes, conditional=False
                )
        except FetchError as exc:
            self.run.fail(url, str(exc))
            self.keep_summary(rid, item, known)
            return
        if response.body is None:
            self.run.report.unchanged += 1
            return
        content = digest(response.body)
        if rid in known and state is not None and state.content_hash == content:
            self.run.report.unchanged += 1
            self.pending_states.append(response.fetch_state(url, content_hash=content))
            return
        try:
            page, summary = await self.run.extract(response.body, response, item.published, item)
        except (ValueError, RecursionError, LookupError, TypeError) as exc:
            log.exception("extraction failed for %s", url)
            self.run.fail(url, f"could not read the page: {reason(exc)}")
            self.keep_summary(rid, item, known)
            return
        self.pending.append(self.build_release(rid, item, page, summary))
        self.pending_states.append(response.fetch_state(url, content_hash=content))

    async def sync_releases(self) -> None:
        entries = list(self.items.items())
        total = len(entries)
        known = await asyncio.to_thread(self.run.store.content_hashes, [rid for rid, _ in entries])
        # The pages' validators, read up front off the loop: read one by one on the loop, each
        # read waited for the store's lock while a batch was being written in a thread, which
        # stalled every fetch for the length of the write.
        states = await asyncio.to_thread(_fetch_states, self.run.store, [i.url for _, i in entries])
        # Worker processes only pay off on many pages; then more pages wait for extraction.
        waiting = self.run.pool.prepare(total)
        queue: asyncio.Queue[tuple[str, FeedItem]] = asyncio.Queue()
        for entry in entries:
            queue.put_nowait(entry)
        done = 0
        self.run.emit("releases", 0, total)

        async def worker() -> None:
            nonlocal done
            while not self.run.stopped():
                try:
                    rid, item = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                await self.sync_release(rid, item, known, states)
                done += 1
                self.run.emit("releases", done, total, item.title)
                if len(self.pending) >= BATCH_SIZE:
                    await self.flush()

        workers = max(2, self.run.profile.fetch.concurrency * 2) + waiting
        await asyncio.gather(*(worker() for _ in range(workers)))
        await self.flush(force=True)

    async def add_unfetched_pages(self) -> None:
        """Releases stored from a feed summary (their page failed, or a headlines-only sync)
        get their page fetched again, even when every source answered 304."""
        stored = await asyncio.to_thread(self.run.store.summary_only_releases, RETRY_PAGES)
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
        known = await asyncio.to_thread(self.run.store.content_hashes, [rid for rid, _ in entries])
        fresh = [(rid, item) for rid, item in entries if rid not in known]
        self.run.report.unchanged += len(entries) - len(fresh)
        self.run.emit("releases", 0, len(fresh))
        for done, (rid, item) in enumerate(fresh, 1):
            if self.run.stopped():
                break
            # Converted by the feed's worker process, when one read the feed (feed_worker).
            fields = await self.run.converted_summary(item) if self.run.feed_workers else None
            with self.run.contained(item.url):
                self.pending.append(summary_release(self.run.profile, rid, item, fields))
            if len(self.pending) >= HEADLINE_BATCH_SIZE:
                await self.flush(force=True)
            self.run.emit("releases", done, len(fresh), item.title)
        await self.flush(force=True)
