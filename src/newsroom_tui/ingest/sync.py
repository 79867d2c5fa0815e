"""One sync of a newsroom: sources → items → pages → extraction → store, failure by failure.

The recipe (`_sync`):
1. Sources (`sources.py`): the feeds, the feeds announced or remembered, the HTML listing, read
   into items merged by release id and by URL.
2. Releases (`releases.py`): each item's page fetched with conditional GET and extracted
   (`extraction_pool.py`: threads, and worker processes for big syncs), stored in batches; or,
   for a headlines sync, new items stored from their feed summaries.
3. Sections (`sections.py`): each distinct menu URL fetched and extracted the same way.
4. The validators of the sources themselves are stored last, so an interrupted sync re-reads them.
5. The saved contacts directory, when the contact rows changed, is rebuilt for the next reader.

Nothing here raises for a network, parse or extraction problem, or for any error of one item or
source: each becomes a `SourceFailure` with a one-line reason (see `SyncRun.contained`) and the
rest of the sync goes on; cached items are never deleted. Only a problem of the database itself
(a StoreError: busy, read-only, full, damaged) stops the sync.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from newsroom_tui.ingest.extraction_pool import ExtractionPool, extraction_pool
from newsroom_tui.ingest.fetch import Fetcher
from newsroom_tui.ingest.releases import BATCH_SIZE, HEADLINE_BATCH_SIZE, ReleaseSync
from newsroom_tui.ingest.sections import SectionSync
from newsroom_tui.ingest.sources import META_FEED, SourceReader, release_id
from newsroom_tui.ingest.sync_run import ProgressCallback, SyncRun, SyncStore
from newsroom_tui.models import SyncReport
from newsroom_tui.profiles import Profile

__all__ = [
    "BATCH_SIZE",
    "HEADLINE_BATCH_SIZE",
    "META_FEED",
    "META_LAST_SYNC",
    "ProgressCallback",
    "SyncStore",
    "release_id",
    "run_sync",
    "sync_profile",
]

META_LAST_SYNC = "last_sync"


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
    with extraction_pool() as pool:
        return await _sync(profile, store, pool, progress, sections, pages, cancel, backoff)


async def _sync(
    profile: Profile,
    store: SyncStore,
    pool: ExtractionPool,
    progress: ProgressCallback | None,
    sections: bool,
    pages: bool,
    cancel: asyncio.Event | None,
    backoff: float,
) -> SyncReport:
    async with Fetcher(profile.fetch, backoff=backoff) as fetcher:
        run = SyncRun(profile, store, fetcher, pool, progress, cancel, headlines=not pages)
        try:
            return await _sync_run(run, store, sections, pages)
        finally:
            run.close_workers()


async def _sync_run(run: SyncRun, store: SyncStore, sections: bool, pages: bool) -> SyncReport:
    """The recipe (see the module docstring) for one sync's shared state."""
    sources = SourceReader(run)
    releases = ReleaseSync(run, await sources.read())
    if not run.stopped():
        if pages:
            await releases.add_unfetched_pages()
            await releases.sync_releases()
        else:
            await releases.store_headlines()
    if sections and not run.stopped():
        await SectionSync(run).sync_sections()
    if not run.stopped():
        if sources.source_states:
            await asyncio.to_thread(store.apply_batch, (), (), sources.source_states)
        if run.report.sources_ok:  # a sync that reached nothing (offline) is no sync
            store.set_meta(META_LAST_SYNC, datetime.now(UTC).isoformat(timespec="seconds"))
        await asyncio.to_thread(store.refresh_contacts_directory)
    else:
        await releases.flush(force=True)
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
