"""One sync's shared state and the boundary around each piece of its work.

`SyncRun` holds what the parts of a sync share (the profile, the store, the fetcher, the
extraction pool, the report, the hosts found unreachable) and what they all do the same way:
fetch with the stored validators, extract a page, report a failure in one line, and run one
item's or source's work inside `contained`, so an error no step expected costs only that work.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from newsroom_tui.ingest.fetch import (
    Fetcher,
    FetchError,
    FetchResponse,
    HostUnreachable,
    request_url,
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

if TYPE_CHECKING:
    from newsroom_tui.extraction.summaries import SummaryFields
    from newsroom_tui.ingest.extraction_pool import ExtractionPool
    from newsroom_tui.ingest.feed_worker import FeedWorker

log = logging.getLogger(__name__)

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

    def refresh_contacts_directory(self) -> None: ...


def digest(body: bytes) -> str:
    """The content hash stored with a page's validators (an unchanged body is not extracted)."""
    return hashlib.sha256(body).hexdigest()


def reason(exc: BaseException) -> str:
    return clean_line(str(exc), limit=200) or type(exc).__name__


def _unexpected(exc: BaseException) -> str:
    """One line for an error no step expected: its type and message (the first inside a group)."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return f"unexpected error ({type(exc).__name__}: {reason(exc)}); details in the log"


@dataclass
class Outcome:
    """What `SyncRun.contained` saw: whether the work it guarded failed."""

    failed: bool = False


@dataclass
class SyncRun:
    """The state one sync's parts share (see the module docstring)."""

    profile: Profile
    store: SyncStore
    fetcher: Fetcher
    pool: ExtractionPool
    progress: ProgressCallback | None
    cancel: asyncio.Event | None
    report: SyncReport = field(default_factory=SyncReport)
    down: dict[str, str] = field(default_factory=dict)
    """Hosts found unreachable in this sync, with the reason (later requests fail fast)."""
    cancelled: bool = False
    extracted: int = 0
    headlines: bool = False
    """A headlines sync: new items are stored from their summaries (no pages fetched)."""
    feed_workers: list[FeedWorker] = field(default_factory=list)
    """The forked children reading this sync's big feeds (closed when it ends)."""

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

    def report_refused(self, refused: Sequence[tuple[str, str]], what: str) -> None:
        """One failure per refused link, (link as shown, why): never fetched, never stored."""
        for link, why in refused:
            self.fail(link, f"{what}: {why}")

    @contextlib.contextmanager
    def contained(self, url: str, *, report: bool = True) -> Iterator[Outcome]:
        """The boundary around the work for one item, source, menu page or batch: an error no
        step expected becomes that work's failure (one line in the report unless `report` is
        false, the traceback in the log) and the sync goes on. A StoreError goes through: the
        database itself is the problem (busy, read-only, full, damaged), not one item."""
        outcome = Outcome()
        try:
            yield outcome
        except StoreError:
            raise
        except Exception as exc:  # the boundary of one item's or source's work
            outcome.failed = True
            log.error("sync: unexpected error for %s", url, exc_info=exc)
            if report:
                self.fail(url, _unexpected(exc))

    def resolved(self, url: str) -> str | None:
        """A profile URL made absolute; None (and a failure) when it cannot be."""
        try:
            return self.profile.resolve(url)
        except ValueError as exc:
            self.fail(url, f"invalid URL in the profile: {reason(exc)}")
            return None

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
        already, None meaning none stored), else read from the store now. A host found
        unreachable (HostUnreachable) is not asked again in this sync."""
        host = urlsplit(request_url(url)).netloc.lower()
        if host in self.down:
            raise HostUnreachable(self.down[host])
        if not conditional:
            state = None
        elif not known_state:
            state = self.store.get_fetch_state(url)
        try:
            response = await self.fetcher.get(url, max_bytes=max_bytes, state=state)
        except HostUnreachable as exc:
            self.down[host] = str(exc)
            raise
        except FetchError as exc:
            if exc.status is not None:  # the server answered, with an error
                self.report.reached = True
            raise
        self.report.reached = True
        return response

    async def feed_worker(self, body: bytes, url: str) -> FeedWorker | None:
        """A forked child to read a big feed with (`feed_worker`); None for a small one, or
        where this process may not fork."""
        from newsroom_tui.ingest.feed_worker import WORKER_MIN_BYTES, FeedWorker

        if len(body) < WORKER_MIN_BYTES:
            return None
        worker = await FeedWorker.start(body, url, convert=self.headlines)
        if worker is not None:
            self.feed_workers.append(worker)
        return worker

    async def converted_summary(self, item: FeedItem) -> SummaryFields | None:
        """The item's summary as a feed worker converted it; None when none did."""
        for worker in self.feed_workers:
            fields = await worker.summary(item)
            if fields is not None:
                return fields
        return None

    def close_workers(self) -> None:
        for worker in self.feed_workers:
            worker.close()
        self.feed_workers.clear()

    async def extract(
        self,
        body: bytes,
        response: FetchResponse,
        fallback: datetime | None,
        item: FeedItem | None = None,
    ) -> tuple[ExtractedPage, str]:
        """The page extracted off the event loop, with the item's summary line (if an item)."""
        from newsroom_tui.ingest.release_extraction import extract_release  # the parsers

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
