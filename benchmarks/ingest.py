"""Feed ingest (newsroom-tui against `newsboat -x reload`), full sync with article pages, and
where a sync's time goes: the child processes that measure them and the figures they give."""

from __future__ import annotations

import asyncio
import os
import resource
import shutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import (
    Stat,
    bench_profile,
    count_calls,
    database_path,
    db_bytes,
    emit,
    log,
    peak_rss_mb,
    profiled,
    run_child,
)


async def _feed_only(profile: Any, store: Any) -> tuple[Any, str]:
    """The sync's feed reading without article pages: summary releases from the feed."""
    from newsroom_tui.ingest import sync

    report = await sync.sync_profile(profile, store, sections=False, pages=False)
    return report, "sync_profile(pages=False)"


def child_feed_ingest(params: dict[str, Any]) -> None:
    from newsroom_tui.ingest import sources
    from newsroom_tui.query import Query
    from newsroom_tui.storage.store import Store

    calls: dict[str, int] = {}
    count_calls(sources, "parse_feed_detailed", calls)
    profile = bench_profile(params["base_url"])
    store = Store.open(database_path(Path(params["data_dir"])))
    start = time.perf_counter()
    report, mode = asyncio.run(_feed_only(profile, store))
    seconds = time.perf_counter() - start
    stored = store.count(Query())
    store.close()
    emit(
        {
            "seconds": seconds,
            "mode": mode,
            "new": report.new,
            "unchanged": report.unchanged,
            "failed": [f"{f.url}: {f.reason}" for f in report.failed][:5],
            "stored": stored,
            "feed_parses": calls.get("parse_feed_detailed", 0),
            "extractions": report.extracted,
            "since_spawn": time.time() - params["spawn"],
        }
    )


def cpu_with_children() -> float:
    """CPU time of this process, of its reaped children and of the multiprocessing fork server
    with the workers it forked and reaped (the sync's extraction workers are its children, not
    ours, on POSIX)."""
    import multiprocessing.forkserver

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = time.process_time() + children.ru_utime + children.ru_stime
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    pid = getattr(server, "_forkserver_pid", None)
    if pid:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return total
        # utime, stime, cutime, cstime (fields 14-17, counted from the pid)
        total += sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return total


def child_full_sync(params: dict[str, Any]) -> None:
    from newsroom_tui.ingest import sources, sync
    from newsroom_tui.query import Query
    from newsroom_tui.storage.store import Store

    calls: dict[str, int] = {}
    count_calls(sources, "parse_feed_detailed", calls)
    profile = bench_profile(params["base_url"])
    store = Store.open(database_path(Path(params["data_dir"])))
    start = time.perf_counter()
    cpu_start = cpu_with_children()
    report = sync.run_sync(profile, store, sections=False)
    seconds = time.perf_counter() - start
    cpu = cpu_with_children() - cpu_start
    stored = store.count(Query())
    store.close()
    emit(
        {
            "seconds": seconds,
            "cpu_seconds": cpu,
            "new": report.new,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "failed": [f"{f.url}: {f.reason}" for f in report.failed][:5],
            "failures": len(report.failed),
            "extracted": getattr(report, "extracted", -1),
            "feed_parses": calls.get("parse_feed_detailed", 0),
            "stored": stored,
            "rss_mb": peak_rss_mb(),
        }
    )


# Stage of the extraction pipeline for a profiled frame: the outermost match on the stack wins,
# so "convert" includes the tree walking markdownify does, "contacts" its own re-parsing, etc.
_STAGES: tuple[tuple[str, Callable[[str, str], bool]], ...] = (
    ("parse HTML (BeautifulSoup + lxml)", lambda f, p: f == "__init__" and "/bs4/__init__" in p),
    ("convert to Markdown (markdownify)", lambda f, p: "newsroom_tui/extraction/markdown.py" in p),
    ("contacts", lambda f, p: "newsroom_tui/extraction/contacts.py" in p),
    ("sanitise", lambda f, p: "newsroom_tui/sanitise.py" in p),
    ("dates", lambda f, p: "newsroom_tui/extraction/dates.py" in p),
)


def _stage_times(frame: Any, stage: str | None, totals: dict[str, float]) -> None:
    if stage is None:
        for name, matches in _STAGES:
            if matches(frame.function or "", frame.file_path or ""):
                stage = name
                break
    key = stage or "extract: selectors, cleanup, rest"
    totals[key] = totals.get(key, 0.0) + max(0.0, frame.total_self_time)
    for child in frame.children:
        _stage_times(child, stage, totals)


def child_stages(params: dict[str, Any]) -> None:
    """The full sync's steps one after the other, each timed alone, on the same pages."""
    from newsroom_tui.extraction.extract import extract_page
    from newsroom_tui.ingest.feeds import parse_feed_detailed
    from newsroom_tui.ingest.fetch import Fetcher
    from newsroom_tui.models import Release
    from newsroom_tui.storage.store import Store

    profile = bench_profile(params["base_url"])
    feed_url = profile.resolve(profile.sources.feeds[0])
    out: dict[str, Any] = {}

    async def fetch_all() -> tuple[Any, list[Any]]:
        async with Fetcher(profile.fetch) as fetcher:
            start = time.perf_counter()
            feed = await fetcher.get(feed_url, max_bytes=profile.fetch.max_feed_bytes)
            out["feed_fetch"] = time.perf_counter() - start
            start = time.perf_counter()
            assert feed.body is not None
            parsed = parse_feed_detailed(feed.body, feed.url)
            out["feed_parse"] = time.perf_counter() - start
            items = parsed.items
            start = time.perf_counter()
            responses = await asyncio.gather(
                *(fetcher.get(i.url, max_bytes=profile.fetch.max_page_bytes) for i in items)
            )
            out["page_fetch"] = time.perf_counter() - start
            return items, responses

    items, responses = asyncio.run(fetch_all())
    out["pages"] = len(responses)
    out["page_kb"] = statistics.mean(len(r.body) for r in responses) / 1024
    pages = []
    start = time.perf_counter()
    for item, response in zip(items, responses, strict=True):
        pages.append(
            extract_page(
                response.body,
                response.url,
                profile.extract,
                language="fr",
                fallback_date=item.published,
                encoding=response.charset,
            )
        )
    out["extract"] = time.perf_counter() - start
    sample = list(zip(items, responses, strict=True))[: params.get("profile_pages", 300)]
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _item, response in sample:
        extract_page(response.body, response.url, profile.extract, language="fr")
    session = profiler.stop()
    totals: dict[str, float] = {}
    root = session.root_frame()
    if root is not None:
        _stage_times(root, None, totals)
    whole = sum(totals.values()) or 1.0
    out["extract_shares"] = {k: v / whole for k, v in sorted(totals.items(), key=lambda kv: -kv[1])}
    releases = [
        Release(
            id=item.guid or item.url,
            url=item.url,
            title=page.title,
            published=page.published,
            language="fr",
            section="Communiqués de presse",
            tags=list(item.tags),
            summary="",
            markdown=page.markdown,
            text=page.text,
            contacts=list(page.contacts),
        )
        for item, page in zip(items, pages, strict=True)
    ]
    store = Store.open(database_path(Path(params["data_dir"])))
    start = time.perf_counter()
    for offset in range(0, len(releases), 50):
        store.apply_batch(releases[offset : offset + 50])
    out["store"] = time.perf_counter() - start
    store.close()
    emit(out)


def child_profile_ingest(params: dict[str, Any]) -> None:
    """Feed-only ingest, step by step in one thread, the whole of it sampled by pyinstrument."""
    out: dict[str, Any] = {}

    def work() -> None:
        start = time.perf_counter()
        from newsroom_tui.ingest import sync
        from newsroom_tui.ingest.feeds import parse_feed_detailed
        from newsroom_tui.ingest.fetch import Fetcher
        from newsroom_tui.ingest.releases import summary_release
        from newsroom_tui.storage.store import Store

        out["imports"] = time.perf_counter() - start
        profile = bench_profile(params["base_url"])
        url = profile.resolve(profile.sources.feeds[0])

        async def fetch() -> Any:
            async with Fetcher(profile.fetch) as fetcher:
                return await fetcher.get(url, max_bytes=profile.fetch.max_feed_bytes)

        start = time.perf_counter()
        response = asyncio.run(fetch())
        out["fetch"] = time.perf_counter() - start
        start = time.perf_counter()
        parsed = parse_feed_detailed(response.body, response.url)
        out["parse"] = time.perf_counter() - start
        store = Store.open(database_path(Path(params["data_dir"])))
        start = time.perf_counter()
        releases = []
        for item in parsed.items:
            rid = sync.release_id(item, profile.site_origin)
            releases.append(summary_release(profile, rid, item))
        out["summaries"] = time.perf_counter() - start
        start = time.perf_counter()
        batch = sync.HEADLINE_BATCH_SIZE
        for offset in range(0, len(releases), batch):
            store.apply_batch(releases[offset : offset + batch])
        out["store"] = time.perf_counter() - start
        out["batch"] = batch
        out["items"] = len(releases)
        store.close()

    _, spots = profiled(work)
    out["hot"] = spots
    emit(out)


# --- the measurements ------------------------------------------------------------------------


@dataclass
class IngestFigures:
    n: int
    fresh: Stat = field(default_factory=Stat)
    fresh_inside: Stat = field(default_factory=Stat)
    resync: Stat = field(default_factory=Stat)
    newsboat: Stat = field(default_factory=Stat)
    newsboat_resync: Stat = field(default_factory=Stat)
    ratios: Stat = field(default_factory=Stat)
    stored: int = 0
    newsboat_items: int = 0
    resync_responses: dict[str, int] = field(default_factory=dict)
    newsboat_resync_responses: dict[str, int] = field(default_factory=dict)
    resync_parses: int = -1
    resync_extractions: int = -1
    mode: str = ""
    notes: list[str] = field(default_factory=list)


def measure_ingest(n: int, runs: int, newsboat: Any, work: Path) -> IngestFigures:
    from benchmarks import newsboat as nb
    from benchmarks.server import BenchServer

    figures = IngestFigures(n)
    with BenchServer(n) as server:
        for run in range(runs):
            data_dir = work / f"ingest-{n}-{run}"
            shutil.rmtree(data_dir, ignore_errors=True)
            server.reset()
            result, wall = run_child(
                "feed_ingest", {"base_url": server.base_url, "data_dir": str(data_dir)}
            )
            figures.fresh.add(wall)
            figures.fresh_inside.add(result["seconds"])
            figures.stored = result["stored"]
            figures.mode = result["mode"]
            if result["failed"]:
                figures.notes.append("fresh ingest failures: " + "; ".join(result["failed"]))
            server.reset()
            again, wall_again = run_child(
                "feed_ingest", {"base_url": server.base_url, "data_dir": str(data_dir)}
            )
            figures.resync.add(wall_again)
            figures.resync_responses = server.stats()
            figures.resync_parses = again["feed_parses"]
            figures.resync_extractions = again["extractions"]
            if newsboat is not None:
                nb_dir = work / f"newsboat-{n}"
                nb.prepare(nb_dir, server.feed_url)
                fresh = nb.reload(newsboat, nb_dir)
                figures.newsboat.add(fresh.seconds)
                figures.newsboat_items = fresh.items
                figures.ratios.add(wall / fresh.seconds)
                server.reset()
                figures.newsboat_resync.add(nb.reload(newsboat, nb_dir).seconds)
                figures.newsboat_resync_responses = server.stats()
            shutil.rmtree(data_dir, ignore_errors=True)
            if figures.stored < n and not any("kept only" in x for x in figures.notes):
                figures.notes.append(
                    f"newsroom-tui kept only {figures.stored:,} of the feed's {n:,} items "
                    "(newsroom_tui.ingest.feeds.parse_feed_detailed caps a feed at max_items)"
                )
            log(
                f"ingest {n:,} run {run + 1}: newsroom-tui {wall:.2f} s"
                + (f", newsboat {figures.newsboat.samples[-1]:.2f} s" if newsboat else "")
            )
    return figures


@dataclass
class SyncFigures:
    n: int
    seconds: Stat = field(default_factory=Stat)
    wall: Stat = field(default_factory=Stat)
    rss: Stat = field(default_factory=Stat)
    cpu_ms: Stat = field(default_factory=Stat)
    """newsroom-tui's CPU per release (the sync process and its workers)."""
    server_cpu_ms: Stat = field(default_factory=Stat)
    """The benchmark server's CPU per release, on the same cores."""
    stored: int = 0
    failures: int = 0
    resync_responses: dict[str, int] = field(default_factory=dict)
    resync_extracted: int = -1
    resync_parses: int = -1
    db_bytes: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def rate(self) -> Stat:
        return Stat([self.n / s for s in self.seconds.samples])


def measure_full_sync(n: int, runs: int, work: Path) -> SyncFigures:
    from benchmarks.server import BenchServer

    figures = SyncFigures(n)
    with BenchServer(n, prerender=True) as server:
        for run in range(runs):
            data_dir = work / f"sync-{n}-{run}"
            shutil.rmtree(data_dir, ignore_errors=True)
            server.reset()
            result, wall = run_child(
                "full_sync", {"base_url": server.base_url, "data_dir": str(data_dir)}, timeout=3600
            )
            figures.server_cpu_ms.add(server.cpu_seconds() * 1000 / n)
            figures.cpu_ms.add(result["cpu_seconds"] * 1000 / n)
            figures.seconds.add(result["seconds"])
            figures.wall.add(wall)
            figures.rss.add(result["rss_mb"])
            figures.stored = result["stored"]
            figures.failures = result["failures"]
            if result["failed"]:
                figures.notes.append("failures: " + "; ".join(result["failed"][:3]))
            log(
                f"full sync {n:,} run {run + 1}: {result['seconds']:.1f} s, {n / result['seconds']:.0f} releases/s"
            )
            if run == 0:
                server.reset()
                again, _ = run_child(
                    "full_sync", {"base_url": server.base_url, "data_dir": str(data_dir)}
                )
                figures.resync_responses = server.stats()
                figures.resync_extracted = again["extracted"]
                figures.resync_parses = again["feed_parses"]
                figures.db_bytes = db_bytes(database_path(data_dir))
            shutil.rmtree(data_dir, ignore_errors=True)
    return figures


def profile_ingest(n: int, work: Path) -> dict[str, Any]:
    from benchmarks.server import BenchServer

    log(f"profiling the feed ingest at {n:,}")
    data_dir = work / f"profile-ingest-{n}"
    shutil.rmtree(data_dir, ignore_errors=True)
    with BenchServer(n) as server:
        result, _ = run_child(
            "profile_ingest", {"base_url": server.base_url, "data_dir": str(data_dir)}
        )
    shutil.rmtree(data_dir, ignore_errors=True)
    return result


def measure_stages(n: int, work: Path) -> dict[str, Any]:
    from benchmarks.server import BenchServer

    data_dir = work / f"stages-{n}"
    shutil.rmtree(data_dir, ignore_errors=True)
    with BenchServer(n, prerender=True) as server:
        server.reset()
        result, _ = run_child("stages", {"base_url": server.base_url, "data_dir": str(data_dir)})
        result["server_render"] = server.render_seconds()
    shutil.rmtree(data_dir, ignore_errors=True)
    return result
