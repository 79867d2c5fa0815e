"""Syncing several newsrooms: newsrooms on different servers at the same time, those sharing a
server one after the other (each sync keeps its profile's requests-per-host limit, so two
newsrooms of one site never double it).

Each newsroom is synced into its own database through the usual recipe (`ingest.sync`); one
newsroom's failure is its own report and never stops the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsroom_tui import paths
from newsroom_tui.models import SyncProgress, SyncReport
from newsroom_tui.profiles import Profile, ProfileError, check_selectors
from newsroom_tui.storage.errors import StoreError

log = logging.getLogger(__name__)

ProgressFactory = Callable[[Profile], Callable[[SyncProgress], None] | None]


@dataclass(slots=True)
class NewsroomSync:
    """One newsroom's part of a sync of several."""

    profile: Profile
    report: SyncReport | None = None
    error: str = ""
    """One line when the sync could not run at all (invalid profile, unusable cache)."""
    new_ids: list[str] = field(default_factory=list)
    """The releases it stored new (their ids in its cache)."""


def server_of(profile: Profile) -> str:
    """The server a profile's requests go to (scheme, host and port)."""
    parts = urlsplit(profile.fetch_address(profile.resolve(profile.news_url)))
    return f"{parts.scheme}://{(parts.netloc or '').lower()}"


def by_server(profiles: Sequence[Profile]) -> list[list[Profile]]:
    """The profiles grouped by server, in their order."""
    groups: dict[str, list[Profile]] = {}
    for profile in profiles:
        groups.setdefault(server_of(profile), []).append(profile)
    return list(groups.values())


async def sync_newsrooms(
    profiles: Sequence[Profile],
    data_dir: Path,
    *,
    progress: ProgressFactory | None = None,
    sections: bool = True,
    pages: bool = True,
    cancel: asyncio.Event | None = None,
) -> list[NewsroomSync]:
    """Sync every profile into its database under `data_dir`; one result per profile, in order.

    The built-in demo profile is served on 127.0.0.1 for its sync, as for one newsroom.
    """
    from newsroom_tui.demo.server import serving_demo
    from newsroom_tui.ingest.sync import sync_profile
    from newsroom_tui.storage.store import Store

    results = {p.id: NewsroomSync(p) for p in profiles}

    async def one(profile: Profile) -> None:
        result = results[profile.id]
        if cancel is not None and cancel.is_set():
            result.error = "not synced: interrupted"
            return
        try:
            check_selectors(profile, pages=pages or sections)
            path = paths.database_path(data_dir, profile.id)
            path.parent.mkdir(parents=True, exist_ok=True)
            store = Store.open(path)
        except ProfileError as exc:
            result.error = f"invalid profile: {exc}"
            return
        except (StoreError, OSError) as exc:
            result.error = str(exc)
            return
        try:
            result.new_ids = store.collect_new_ids()
            with serving_demo(profile) as live:
                work = sync_profile(
                    live,
                    store,
                    progress=progress(profile) if progress else None,
                    sections=sections,
                    pages=pages,
                    cancel=cancel,
                )
                report = await _stoppable(work, cancel)
                if report is None:
                    result.error = STOPPED
                else:
                    result.report = report
        except StoreError as exc:
            result.error = str(exc)
        finally:
            store.close()  # waits for a batch being written in a thread: it ends whole

    async def in_turn(group: list[Profile]) -> None:
        for profile in group:
            await one(profile)

    await asyncio.gather(*(in_turn(group) for group in by_server(profiles)))
    return [results[p.id] for p in profiles]


STOP_GRACE = 5.0
"""Seconds a stopped sync is given to finish its requests in flight (it takes no new item once
stopped); then it is cancelled. A batch is one transaction: cancelling never half-writes one."""
STOPPED = "stopped before the end; every batch stored is complete"


async def _stoppable(
    work: Coroutine[Any, Any, SyncReport], cancel: asyncio.Event | None
) -> SyncReport | None:
    """Run one newsroom's sync; once `cancel` is set, give it STOP_GRACE seconds, then cancel
    it (None then)."""
    task = asyncio.ensure_future(work)
    if cancel is None:
        return await task
    stopper = asyncio.ensure_future(cancel.wait())
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if not task.done():
            try:
                return await asyncio.wait_for(asyncio.shield(task), STOP_GRACE)
            except TimeoutError:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
                return None
        return task.result()
    finally:
        stopper.cancel()


def combined_report(results: Sequence[NewsroomSync]) -> SyncReport:
    """The reports of several newsrooms as one (counts added; a newsroom that could not sync
    at all is one failure)."""
    from newsroom_tui.models import SourceFailure

    total = SyncReport()
    for result in results:
        report = result.report
        if report is None:
            total.failed.append(SourceFailure(result.profile.id, result.error or "not synced"))
            continue
        total.new += report.new
        total.updated += report.updated
        total.unchanged += report.unchanged
        total.failed += report.failed
        total.sources_ok += report.sources_ok
        total.sections += report.sections
        total.cancelled |= report.cancelled
        total.extracted += report.extracted
        total.reached |= report.reached
    return total


def combined_exit(results: Sequence[NewsroomSync]) -> int:
    """0 when every newsroom's every source answered; 3 when no newsroom could reach anything;
    1 otherwise."""
    reports = [r.report for r in results if r.report is not None]
    if results and not reports:
        return 1
    if reports and all(r.offline for r in reports) and len(reports) == len(results):
        return 3
    if any(r.error for r in results) or any(r.failed for r in reports):
        return 1
    return 0
