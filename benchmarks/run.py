"""`python -m benchmarks.run` (`make bench`): every figure of issue 6, written to BENCHMARKS.md.

Measurements (see BENCHMARKS.md for the figures and how each is taken):
1. feed ingest (newsroom-tui feed only vs `newsboat -x reload`, alternated) and unchanged re-sync;
2. full sync with article pages, and where its time goes (fetch, parse, convert, contacts, store);
3. search latency per query class; 4. reader start-up, key presses, search keystrokes, opening a
typical and a 300 KB release; 5. peak RSS; 6. database size.

Everything that imports Textual or is timed as a whole process runs in a child process
(`python -m benchmarks.run --child NAME --params JSON`), which prints one `RESULT {json}` line.
The loopback server runs in its own process too. Databases of N releases for the search and reader
figures are filled straight through `Store.apply_batch` with generated `Release` objects (no HTTP)
and cached in benchmarks/.cache/, keyed by N, the generator version and the store's source.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.generate import (
    COMMON_WORD,
    DEFAULT_SEED,
    GENERATOR_VERSION,
    LARGE_INDEX,
    PHRASE,
    RARE_WORD,
    Newsroom,
)

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
REPORT = ROOT / "BENCHMARKS.md"
ANALYSIS = Path(__file__).resolve().parent / "analysis.md"
"""Hand-written: what the profiles showed and what was changed. Copied into every report, so a
re-run keeps it; it names the run its figures come from."""
DEFAULT_SIZES = (1_000, 10_000, 100_000)
PROFILE_ID = "bench"
READ_EVERY = 10
READ_SHARE = 3
"""Releases whose index % READ_EVERY < READ_SHARE are marked read in the databases (30 %)."""
SCREEN = (120, 40)
FILTER_YEAR = 2021
INGEST_SIZES = (1_000, 10_000)
FULL_SYNC_BUDGET = 75.0
"""Seconds one full sync may take; a size predicted to need more is skipped (said in the report)."""

TARGETS = {
    "ingest_ratio": 1.0,
    "sync_rate": 300.0,
    "search_p95_ms": 30.0,
    "startup_ms": 500.0,
    "key_ms": 100.0,
    "keystroke_ms": 100.0,
    "open_ms": 100.0,
    "block_ms": 100.0,
    "rss_mb": 150.0,
}


# --- small helpers -----------------------------------------------------------------------------


@dataclass
class Stat:
    """Samples of one figure: shown as median (min-max, runs)."""

    samples: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.samples.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else float("nan")

    def percentile(self, fraction: float) -> float:
        if not self.samples:
            return float("nan")
        ordered = sorted(self.samples)
        index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
        return ordered[index]

    @property
    def low(self) -> float:
        return min(self.samples) if self.samples else float("nan")

    @property
    def high(self) -> float:
        return max(self.samples) if self.samples else float("nan")

    def show(self, scale: float = 1.0, digits: int = 0, unit: str = "") -> str:
        if not self.samples:
            return "n/a"

        def f(value: float) -> str:
            return f"{value * scale:,.{digits}f}"

        text = f"{f(self.median)}{unit}"
        if len(self.samples) > 1:
            text += f" ({f(self.low)}–{f(self.high)}, {len(self.samples)} runs)"
        return text


def log(message: str) -> None:
    stamp = datetime.now().strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


def bench_profile_data(base_url: str) -> dict[str, Any]:
    """The benchmark newsroom's profile (IOM's selectors, one feed, no discovery or listing)."""
    base = base_url.rstrip("/")
    return {
        "id": PROFILE_ID,
        "name": "OIM (banc d'essai)",
        "language": "fr",
        "base_url": base + "/fr/",
        "news_url": "news",
        "sources": {"feeds": [base + "/fr/rss.xml"], "discover": False},
        "extract": {
            "body": ["div.narrow-content div.field--type-text-with-summary"],
            "title": ["h1.page-title", "h1"],
            "date": ["div.date"],
            "drop": ["div.social-share", "nav", "aside", "div.field--name-field-tags"],
            "title_suffixes": [" | Organisation internationale pour les migrations"],
        },
        "fetch": {"max_feed_bytes": 200_000_000},
        "menu": [{"label": "Communiqués de presse", "url": "news", "newsroom": True}],
    }


def bench_profile(base_url: str = "http://127.0.0.1/") -> Any:
    from newsroom_tui.profiles import parse_profile

    return parse_profile(bench_profile_data(base_url), "benchmarks/run.py")


def database_path(data_dir: Path) -> Path:
    from newsroom_tui import paths

    return paths.database_path(data_dir, PROFILE_ID)


def db_bytes(path: Path) -> int:
    """The database's size on disk after a WAL checkpoint."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    total = 0
    for suffix in ("", "-wal"):
        candidate = Path(str(path) + suffix)
        if candidate.exists():
            total += candidate.stat().st_size
    return total


def peak_rss_mb() -> float:
    """This process's peak RSS in MB.

    `VmHWM` from /proc when there is one: Linux carries `ru_maxrss` across `execve`, so a child
    forked from a large parent would report the parent's size; VmHWM belongs to the new program.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def release_guid(index: int) -> str:
    return f"oim-bench-{index:06d}"


# --- child processes ---------------------------------------------------------------------------


def run_child(
    name: str, params: dict[str, Any], timeout: float = 900.0
) -> tuple[dict[str, Any], float]:
    """Run `--child name` and return its RESULT and the whole process's wall time."""
    params = {**params, "spawn": time.time()}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--child", name, "--params", json.dumps(params)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - start
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :]), wall
    tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
    raise RuntimeError(f"child {name} failed (exit {done.returncode}):\n" + "\n".join(tail))


def emit(result: dict[str, Any]) -> None:
    sys.stdout.write("RESULT " + json.dumps(result) + "\n")
    sys.stdout.flush()


def _count_calls(module: Any, name: str, counter: dict[str, int]) -> None:
    """Wrap `module.name` so calls made through the module attribute are counted."""
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        counter[name] = counter.get(name, 0) + 1
        return original(*args, **kwargs)

    setattr(module, name, counted)


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
    _count_calls(sources, "parse_feed_detailed", calls)
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


def _cpu_with_children() -> float:
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
    _count_calls(sources, "parse_feed_detailed", calls)
    profile = bench_profile(params["base_url"])
    store = Store.open(database_path(Path(params["data_dir"])))
    start = time.perf_counter()
    cpu_start = _cpu_with_children()
    report = sync.run_sync(profile, store, sections=False)
    seconds = time.perf_counter() - start
    cpu = _cpu_with_children() - cpu_start
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


# --- reader children ---------------------------------------------------------------------------


async def _first_paint(app: Any) -> None:
    """Wait until the main screen lists releases, then for the refresh that paints them."""
    from newsroom_tui.screens.main import MainScreen
    from newsroom_tui.widgets.release_list import ReleaseList

    while True:
        screen = app.screen
        if isinstance(screen, MainScreen):
            lists = screen.query(ReleaseList)
            if lists and lists.first().count > 0:
                break
        await asyncio.sleep(0.001)
    await _after_refresh(app)


async def _after_refresh(app: Any) -> float:
    loop = asyncio.get_running_loop()
    done: asyncio.Future[float] = loop.create_future()

    def stamp() -> None:
        if not done.done():
            done.set_result(time.perf_counter())

    app.call_after_refresh(stamp)
    return await done


STARTUP_SCRIPT = """
import asyncio, json, os, sys, time
from pathlib import Path

params = json.loads(sys.argv[1])
from newsroom_tui.app import build_app
from newsroom_tui.profiles import parse_profile
from newsroom_tui.screens.main import MainScreen
from newsroom_tui.widgets.release_list import ReleaseList

imported = time.time() - params["spawn"]
app = build_app(parse_profile(params["profile"], "bench"), Path(params["data_dir"]))


async def main():
    async with app.run_test(size=tuple(params["size"])):
        while True:
            screen = app.screen
            if isinstance(screen, MainScreen):
                lists = screen.query(ReleaseList)
                if lists and lists.first().count > 0:
                    break
            await asyncio.sleep(0.001)
        done = asyncio.get_running_loop().create_future()
        app.call_after_refresh(lambda: done.done() or done.set_result(None))
        await done
        painted = time.time() - params["spawn"]
        print("RESULT " + json.dumps({"first_paint": painted, "imported": imported}), flush=True)
        os._exit(0)


asyncio.run(main())
"""
"""The start-up child: nothing but the reader's own imports (not this module's), then exit at the
first paint. Run with `python -c`."""


def measure_startup(data_dir: Path) -> tuple[dict[str, Any], float]:
    """One start-up: (first paint and imports, seconds since spawn), whole-process wall time."""
    params = {
        "data_dir": str(data_dir),
        "profile": bench_profile_data("http://127.0.0.1/"),
        "size": list(SCREEN),
        "spawn": time.time(),
    }
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", STARTUP_SCRIPT, json.dumps(params)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    wall = time.perf_counter() - start
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :]), wall
    tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
    raise RuntimeError(f"start-up child failed (exit {done.returncode}):\n" + "\n".join(tail))


class _LagMonitor:
    """The longest stretch the event loop was blocked, sampled every `tick` seconds."""

    def __init__(self, tick: float = 0.002) -> None:
        self.tick = tick
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(self.tick)
            now = time.perf_counter()
            self.worst = max(self.worst, now - last - self.tick)
            last = now

    def __enter__(self) -> _LagMonitor:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()


OPENED = (("typical", 0, False), ("typical_unread", 3, True), ("large", LARGE_INDEX, True))
"""(label, release index, opened while unread) for the article-opening figures."""
_KEY_CHARS = {"slash": "/", "enter": "\r", "escape": "\x1b", "asterisk": "*"}


def _key_event(key: str) -> Any:
    from textual import events

    if key == "*":
        key = "asterisk"
    char = _KEY_CHARS.get(key, key if len(key) == 1 else None)
    return events.Key(key, char)


async def _until(condition: Callable[[], bool], limit: float = 60.0) -> None:
    """Yield to the app's loop until `condition` holds (sub-millisecond resolution)."""
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the reader did not get there in time")
        await asyncio.sleep(0)


def child_reader_session(params: dict[str, Any]) -> None:
    """Start, press keys, search, open releases, scroll to the end; times and peak RSS.

    Keys are posted to the app as Key events (what the terminal driver does) and timed until their
    effect is visible and the next refresh has run; Pilot's own waits sleep in 20 ms steps.
    """
    from textual.widgets import Markdown

    from newsroom_tui.app import build_app
    from newsroom_tui.widgets.search_bar import SearchBar

    search_started: list[float] = []
    original_search = SearchBar.run_search

    def run_search(self: SearchBar) -> None:
        search_started.append(time.perf_counter())
        original_search(self)

    SearchBar.run_search = run_search  # type: ignore[method-assign]

    painted: list[float] = []
    original_update = Markdown.update
    app = build_app(bench_profile(), Path(params["data_dir"]))

    def stamp_paint() -> None:
        painted.append(time.perf_counter())

    def update(self: Markdown, markdown: str) -> Any:
        awaitable = original_update(self, markdown)
        future = getattr(awaitable, "_future", None)
        if self.id == "article-body" and future is not None:
            future.add_done_callback(lambda _: app.call_after_refresh(stamp_paint))
        return awaitable

    Markdown.update = update  # type: ignore[method-assign]
    out: dict[str, Any] = {}
    keys = int(params.get("keys", 100))
    n = int(params["n"])

    async def press(key: str, effect: Callable[[], bool]) -> float:
        start = time.perf_counter()
        app.post_message(_key_event(key))
        await _until(effect)
        return await _after_refresh(app) - start

    async def main() -> None:
        async with app.run_test(size=SCREEN):
            await _first_paint(app)
            screen = app.screen
            release_list = screen.release_list
            article = screen.article
            search_input = screen.query_one(SearchBar).input
            count = release_list.count
            out["count"] = count

            def moved(target: int) -> Callable[[], bool]:
                return lambda: release_list.cursor == max(0, min(count - 1, target))

            out["key_j"] = [await press("j", moved(release_list.cursor + 1)) for _ in range(keys)]
            out["key_k"] = [
                await press("k", moved(release_list.cursor - 1)) for _ in range(keys // 4)
            ]
            out["key_pagedown"] = []
            for _ in range(10):
                before = release_list.cursor
                out["key_pagedown"].append(
                    await press("pagedown", lambda b=before: release_list.cursor != b)
                )
            jumps = []
            for _ in range(3):
                jumps.append(await press("G", moved(count - 1)))
                jumps.append(await press("g", moved(0)))
            out["key_jump"] = jumps
            await press("G", moved(count - 1))
            for _ in range(20):
                await press("k", moved(release_list.cursor - 1))
            out["cursor_at_end"] = release_list.cursor
            out["rss_after_scroll_mb"] = peak_rss_mb()

            # search as you type: the list shows the new query after the debounce
            searches: dict[str, list[list[float]]] = {}
            out["search"] = searches
            errors: list[str] = []
            out["errors"] = errors

            def shown_text() -> str:
                return str(getattr(release_list.query_shown, "text", "") or "")

            for text in ("securite", COMMON_WORD, RARE_WORD, "mi*"):
                for _ in range(int(params.get("search_reps", 3))):
                    if len(errors) > 2:
                        break
                    await press("slash", lambda: search_input.has_focus)
                    for i, char in enumerate(text[:-1]):
                        await press(char, lambda v=text[: i + 1]: search_input.value == v)
                    mark = len(search_started)
                    start = time.perf_counter()
                    app.post_message(_key_event(text[-1]))
                    try:
                        await _until(lambda t=text: shown_text() == t, limit=20.0)
                    except TimeoutError:
                        errors.append(f"search {text!r}: the list never showed it")
                        continue
                    shown = await _after_refresh(app)
                    began = search_started[-1] if len(search_started) > mark else start
                    searches.setdefault(text, []).append(
                        [shown - start, shown - began, float(release_list.count)]
                    )
                    await press("escape", lambda: shown_text() == "")
                    await _until(lambda: release_list.has_focus)

            # open typical releases (one already read, one unread) and the 300 KB one (unread):
            # unread ones are marked unread again before each run, so each run marks one read
            for label, index, unread in OPENED:
                if index >= n:
                    continue
                position = app.store.index_of(screen.current_query(), release_guid(index))
                if position is None:
                    continue
                release_list.cursor = position
                await _after_refresh(app)
                runs: list[list[float]] = []
                out[f"open_{label}"] = runs
                for _ in range(int(params.get("open_reps", 3))):
                    app.store.set_read([release_guid(index)], not unread)
                    # The placeholder's own paint is waited for (an earlier run's stamp must not
                    # stand in for it, or its late stamp would be taken for the next open's).
                    del painted[:]
                    article.show_message("…", [""])
                    await _until(lambda: bool(painted) and not article.loading_body)
                    await asyncio.sleep(0.05)
                    del painted[:]
                    try:
                        with _LagMonitor() as lag:
                            start = time.perf_counter()
                            app.post_message(_key_event("enter"))
                            await _until(lambda: bool(painted), limit=60.0)
                            first = painted[0]
                            await _until(lambda: not article.loading_body, limit=300.0)
                            end = await _after_refresh(app)
                    except TimeoutError:
                        errors.append(f"opening {label}: the article never finished loading")
                        break
                    runs.append([first - start, end - start, lag.worst])
                app.store.set_read([release_guid(index)], index % READ_EVERY < READ_SHARE)
            out["rss_end_mb"] = peak_rss_mb()
            emit(out)
            os._exit(0)

    asyncio.run(main())


def _short_path(path: str) -> str:
    for marker in ("site-packages/", "/src/", "/lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path.rsplit("/", 1)[-1]


def hot_spots(root: Any, top: int = 8) -> dict[str, list[list[Any]]]:
    """Top functions by self time, and newsroom_tui functions by inclusive time (outermost)."""
    own: dict[str, float] = {}
    ours: dict[str, float] = {}

    def walk(frame: Any, seen: frozenset[str]) -> None:
        path = frame.file_path or ""
        key = f"{_short_path(path)}:{frame.function}"
        if not frame.is_synthetic:
            own[key] = own.get(key, 0.0) + max(0.0, frame.total_self_time)
        if "newsroom_tui" in path and key not in seen:
            ours[key] = ours.get(key, 0.0) + frame.time
            seen = seen | {key}
        for child in frame.children:
            walk(child, seen)

    walk(root, frozenset())
    total = root.time or 1.0

    def best(table: dict[str, float]) -> list[list[Any]]:
        ranked = sorted(table.items(), key=lambda kv: -kv[1])[:top]
        return [[name, seconds, seconds / total] for name, seconds in ranked]

    return {"total": [["total", total, 1.0]], "self": best(own), "ours": best(ours)}


def _profiled(work: Callable[[], Any]) -> tuple[Any, dict[str, list[list[Any]]]]:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001, async_mode="disabled")
    profiler.start()
    try:
        result = work()
    finally:
        session = profiler.stop()
    root = session.root_frame()
    return result, hot_spots(root) if root is not None else {}


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

    _, spots = _profiled(work)
    out["hot"] = spots
    emit(out)


def child_profile_reader(params: dict[str, Any]) -> None:
    """pyinstrument over the reader's start-up, 30 `j` presses, opening a typical release five
    times, and opening the 300 KB release."""
    from pyinstrument import Profiler

    profilers = [Profiler(interval=0.001, async_mode="disabled")]
    profilers[0].start()
    from newsroom_tui.app import build_app

    app = build_app(bench_profile(), Path(params["data_dir"]))
    out: dict[str, Any] = {}

    def start() -> None:
        profilers.append(Profiler(interval=0.001, async_mode="disabled"))
        profilers[-1].start()

    def stop(name: str) -> None:
        session = profilers[-1].stop()
        root = session.root_frame()
        out[name] = hot_spots(root) if root is not None else {}

    async def main() -> None:
        async with app.run_test(size=SCREEN):
            await _first_paint(app)
            stop("startup")
            release_list = app.screen.release_list
            start()
            for _ in range(30):
                target = release_list.cursor + 1
                app.post_message(_key_event("j"))
                await _until(lambda t=target: release_list.cursor == t)
                await _after_refresh(app)
            stop("keys")
            article = app.screen.article
            typical = 3  # an unread one: opening it marks it read, as in use
            position = app.store.index_of(app.screen.current_query(), release_guid(typical))
            release_list.cursor = position or 0
            await _after_refresh(app)
            start()
            for _ in range(5):
                app.store.set_read([release_guid(typical)], False)
                app.post_message(_key_event("enter"))
                await _until(lambda: article.loading_body)
                await _until(lambda: not article.loading_body)
                await _after_refresh(app)
            stop("open_typical")
            app.store.set_read([release_guid(typical)], typical % READ_EVERY < READ_SHARE)
            if int(params["n"]) > LARGE_INDEX:
                position = app.store.index_of(app.screen.current_query(), release_guid(LARGE_INDEX))
                release_list.cursor = position or 0
                await _after_refresh(app)
                start()
                app.post_message(_key_event("enter"))
                await _until(lambda: article.loading_body)
                await _until(lambda: not article.loading_body, limit=300.0)
                await _after_refresh(app)
                stop("open_large")
                if LARGE_INDEX % READ_EVERY >= READ_SHARE:
                    app.store.set_read([release_guid(LARGE_INDEX)], False)
            emit(out)
            os._exit(0)

    asyncio.run(main())


CHILDREN: dict[str, Callable[[dict[str, Any]], None]] = {
    "feed_ingest": child_feed_ingest,
    "full_sync": child_full_sync,
    "stages": child_stages,
    "reader_session": child_reader_session,
    "profile_ingest": child_profile_ingest,
    "profile_reader": child_profile_reader,
}


# --- databases ---------------------------------------------------------------------------------


def _engine_key() -> str:
    """Changes with the store's schema, its FTS definition and the way rows are written (then
    cached databases are rebuilt)."""
    import newsroom_tui.storage.migrations
    import newsroom_tui.storage.writes

    digest = hashlib.sha1()
    for module in (newsroom_tui.storage.migrations, newsroom_tui.storage.writes):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:10]


def _generate_chunk(args: tuple[int, int, int, int]) -> list[Any]:
    n, seed, start, stop = args
    newsroom = Newsroom(n, seed)
    return [newsroom.release(i) for i in range(start, stop)]


@dataclass
class BuiltDatabase:
    data_dir: Path
    path: Path
    seconds: float
    """Time it took to build (0 when it came from the cache... see `cached`)."""
    cached: bool
    bytes: int
    tables: dict[str, int] = field(default_factory=dict)
    """Bytes per table and index (SQLite's dbstat), largest first."""


def table_sizes(path: Path) -> dict[str, int]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
        ).fetchall()
    except sqlite3.Error:
        return {}
    finally:
        con.close()
    return {str(name): int(size) for name, size in rows}


def build_database(n: int, seed: int = DEFAULT_SEED) -> BuiltDatabase:
    """A database of N generated releases (30 % read), built once through Store.apply_batch."""
    from concurrent.futures import ProcessPoolExecutor

    from newsroom_tui.storage.store import Store

    key = f"db-n{n}-s{seed}-g{GENERATOR_VERSION}-e{_engine_key()}"
    data_dir = CACHE / key
    path = database_path(data_dir)
    meta = data_dir / "built.json"
    if meta.exists() and path.exists():
        info = json.loads(meta.read_text())
        size = db_bytes(path)
        return BuiltDatabase(data_dir, path, info["seconds"], True, size, info.get("tables", {}))
    for stale in CACHE.glob(f"db-n{n}-*"):
        shutil.rmtree(stale, ignore_errors=True)
    log(f"building the {n:,}-release database in {data_dir} (once)")
    start = time.perf_counter()
    store = Store.open(path)
    chunk = 1000
    jobs = [(n, seed, s, min(n, s + chunk)) for s in range(0, n, chunk)]
    with ProcessPoolExecutor(1) as pool:
        for done, releases in enumerate(pool.map(_generate_chunk, jobs), 1):
            store.apply_batch(releases)
            if done % 10 == 0:
                log(f"  {done * chunk:,} / {n:,}")
    store.set_read([release_guid(i) for i in range(n) if i % READ_EVERY < READ_SHARE], True)
    store.close()
    seconds = time.perf_counter() - start
    size = db_bytes(path)
    tables = table_sizes(path)
    meta.write_text(json.dumps({"seconds": seconds, "n": n, "tables": tables}))
    return BuiltDatabase(data_dir, path, seconds, False, size, tables)


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


SEARCH_CLASSES: tuple[tuple[str, str], ...] = (
    ("rare word", RARE_WORD),
    ("very common word", COMMON_WORD),
    ("two words", "santé climat"),
    ("phrase", f'"{PHRASE}"'),
    ("one-letter prefix", "m*"),
    ("two-letter prefix", "mi*"),
    ("accent-folded word", "securite"),
    ("filters: section + year + unread", "{section} year:{year} is:unread"),
    ("word + section + year + unread", "securite {section} year:{year} is:unread"),
)


@dataclass
class SearchFigures:
    n: int
    classes: dict[str, tuple[str, Stat, Stat, int]] = field(default_factory=dict)
    """name -> (query, newest-first latencies, relevance latencies, total)."""


def measure_search(n: int, database: BuiltDatabase, reps: int) -> SearchFigures:
    from newsroom_tui.query import parse_query
    from newsroom_tui.storage.store import Store

    figures = SearchFigures(n)
    store = Store.open(database.path, check=False)
    sections = store.facets().sections
    section = sections[0][0] if sections else "communiques-de-presse"
    section_filter = f'section:"{section}"' if " " in section else f"section:{section}"
    for name, template in SEARCH_CLASSES:
        text = template.format(section=section_filter, year=FILTER_YEAR)
        newest, relevance = Stat(), Stat()
        total = store.search(parse_query(text), limit=20).total
        for _ in range(3):
            store.search(parse_query(text), limit=20)
        for _ in range(reps):
            start = time.perf_counter()
            store.search(parse_query(text), limit=20)
            newest.add(time.perf_counter() - start)
        for _ in range(max(5, reps // 3)):
            start = time.perf_counter()
            store.search(parse_query(text), limit=20, order="relevance")
            relevance.add(time.perf_counter() - start)
        figures.classes[name] = (text, newest, relevance, total)
    store.close()
    return figures


@dataclass
class ReaderFigures:
    n: int
    startup: Stat = field(default_factory=Stat)
    startup_wall: Stat = field(default_factory=Stat)
    imported: Stat = field(default_factory=Stat)
    session: dict[str, Any] = field(default_factory=dict)


def measure_reader(n: int, database: BuiltDatabase, runs: int, quick: bool) -> ReaderFigures:
    figures = ReaderFigures(n)
    for _ in range(runs):
        result, wall = measure_startup(database.data_dir)
        figures.startup.add(result["first_paint"])
        figures.imported.add(result["imported"])
        figures.startup_wall.add(wall)
    log(f"reader {n:,}: first paint {figures.startup.median * 1000:.0f} ms")
    params = {
        "data_dir": str(database.data_dir),
        "n": n,
        "keys": 40 if quick else 150,
        "search_reps": 2 if quick else 3,
        "open_reps": 2 if quick else 3,
    }
    figures.session, _ = run_child("reader_session", params, timeout=1800)
    return figures


# --- the report ------------------------------------------------------------------------------


@dataclass
class Results:
    started: datetime
    sizes: list[int]
    runs: int
    quick: bool
    machine: dict[str, str] = field(default_factory=dict)
    databases: dict[int, BuiltDatabase] = field(default_factory=dict)
    ingest: dict[int, IngestFigures] = field(default_factory=dict)
    syncs: dict[int, SyncFigures] = field(default_factory=dict)
    stages: dict[str, Any] = field(default_factory=dict)
    stages_n: int = 0
    search: dict[int, SearchFigures] = field(default_factory=dict)
    reader: dict[int, ReaderFigures] = field(default_factory=dict)
    newsboat_version: str = ""
    profiles: dict[str, Any] = field(default_factory=dict)
    """pyinstrument hot spots: 'ingest' and 'reader' (see profiling_notes)."""
    profiles_n: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    elapsed: float = 0.0


def machine_info() -> dict[str, str]:
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = next(
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        ram = f"{int(memory) / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        ram = "unknown"
    import textual

    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    return {
        "CPU count": str(os.cpu_count()),
        "CPU model": model,
        "Memory": ram,
        "Python": platform.python_version(),
        "SQLite": sqlite3.sqlite_version,
        "Textual": textual.__version__,
        "OS": platform.platform(),
        "Load average at start": load,
    }


def _ms(value: float) -> str:
    return f"{value * 1000:,.1f} ms"


def _verdict(ok: bool | None) -> str:
    if ok is None:
        return "not measured"
    return "**met**" if ok else "**MISSED**"


def _largest(mapping: dict[int, Any], wanted: int) -> tuple[str, Any]:
    """The figures at `wanted`, else at the largest size measured (its label then ends in "only")."""
    if wanted in mapping:
        return f"{wanted:,}", mapping[wanted]
    if mapping:
        n = max(mapping)
        return f"{n:,} only", mapping[n]
    return f"{wanted:,}", None


def target_rows(results: Results) -> list[tuple[str, str, str, bool | None]]:
    """(target, measured, at what size, met?) for the summary table."""
    rows: list[tuple[str, str, str, bool | None]] = []
    n, ingest = _largest(results.ingest, 10_000)
    if ingest is not None and ingest.ratios.samples:
        rows.append(
            (
                "feed ingest newsroom-tui / newsboat <= 1.0 at 10k",
                f"{ingest.ratios.median:.2f}",
                n,
                ingest.ratios.median <= TARGETS["ingest_ratio"],
            )
        )
    else:
        rows.append(("feed ingest newsroom-tui / newsboat <= 1.0 at 10k", "n/a", "10,000", None))
    resync_ok: bool | None = None
    parts: list[str] = []
    for size, figures in sorted(results.ingest.items()):
        responses = figures.resync_responses
        ok = responses == {"feed_304": 1} and figures.resync_parses == 0
        resync_ok = ok if resync_ok is None else resync_ok and ok
        parts.append(f"feed only {size:,}: {responses}, feed parses {figures.resync_parses}")
    for size, figures in sorted(results.syncs.items()):
        responses = figures.resync_responses
        ok = responses == {"feed_304": 1} and figures.resync_extracted == 0
        resync_ok = ok if resync_ok is None else resync_ok and ok
        parts.append(f"full sync {size:,}: {responses}, extracted {figures.resync_extracted}")
    shown = "; ".join(parts) or "n/a"
    rows.append(("unchanged re-sync: one 304 per source, no parsing", shown, "all", resync_ok))
    if results.syncs:
        size = max(results.syncs)
        rate = results.syncs[size].rate
        rows.append(
            (
                "full sync >= 300 releases/s",
                f"{rate.median:,.0f} releases/s",
                f"{size:,}",
                rate.median >= TARGETS["sync_rate"],
            )
        )
    else:
        rows.append(("full sync >= 300 releases/s", "n/a", "", None))
    n, search = _largest(results.search, 100_000)
    if search is not None:
        worst_name, worst = max(
            ((name, c[1].percentile(0.95)) for name, c in search.classes.items()),
            key=lambda kv: kv[1],
        )
        rows.append(
            (
                "search p95 <= 30 ms for every query class at 100k",
                f"worst p95 {_ms(worst)} ({worst_name})",
                n,
                worst <= TARGETS["search_p95_ms"] / 1000,
            )
        )
    else:
        rows.append(("search p95 <= 30 ms for every query class at 100k", "n/a", "100,000", None))
    n, reader = _largest(results.reader, 100_000)
    if reader is None:
        for label in (
            "reader start-up to first paint <= 500 ms at 100k",
            "list key <= 100 ms at 100k",
            "search keystroke-to-results <= 100 ms at 100k",
            "open a typical release <= 100 ms",
            "300 KB release: no UI block > 100 ms",
            "reader peak RSS <= 150 MB at 100k",
        ):
            rows.append((label, "n/a", n, None))
        return rows
    session = reader.session
    rows.append(
        (
            "reader start-up to first paint <= 500 ms at 100k",
            _ms(reader.startup.median),
            n,
            reader.startup.median <= TARGETS["startup_ms"] / 1000,
        )
    )
    keys = Stat(session.get("key_j", []) + session.get("key_k", []))
    rows.append(
        (
            "list key <= 100 ms at 100k (every j/k press)",
            f"max {_ms(keys.high)}, p95 {_ms(keys.percentile(0.95))}",
            n,
            keys.high <= TARGETS["key_ms"] / 1000 if keys.samples else None,
        )
    )
    whole = Stat([r[0] for runs in session.get("search", {}).values() for r in runs])
    work = Stat([r[1] for runs in session.get("search", {}).values() for r in runs])
    rows.append(
        (
            "search keystroke-to-results <= 100 ms at 100k",
            f"max {_ms(whole.high)} from the key (debounce included); "
            f"max {_ms(work.high)} from the debounce's end",
            n,
            whole.high <= TARGETS["keystroke_ms"] / 1000 if whole.samples else None,
        )
    )
    typical = Stat(
        [r[0] for key in ("open_typical", "open_typical_unread") for r in session.get(key, [])]
    )
    rows.append(
        (
            "open a typical release <= 100 ms (first chunk painted)",
            f"median {_ms(typical.median)}, max {_ms(typical.high)}",
            n,
            typical.high <= TARGETS["open_ms"] / 1000 if typical.samples else None,
        )
    )
    large = Stat([r[2] for r in session.get("open_large", [])])
    rows.append(
        (
            "300 KB release: no UI block > 100 ms",
            f"longest block {_ms(large.high)}",
            n,
            large.high <= TARGETS["block_ms"] / 1000 if large.samples else None,
        )
    )
    rss = session.get("rss_after_scroll_mb")
    rows.append(
        (
            "reader peak RSS <= 150 MB at 100k (after scrolling to the end)",
            f"{rss:.0f} MB" if rss else "n/a",
            n,
            rss <= TARGETS["rss_mb"] if rss else None,
        )
    )
    return rows


def write_report(
    results: Results,
    path: Path = REPORT,
    profiling: Sequence[str] = (),
    analysis: Path = ANALYSIS,
) -> None:
    lines: list[str] = []
    add = lines.append
    add("# Benchmarks")
    add("")
    add(
        f"Written by `make bench` (`python -m benchmarks.run`) on "
        f"{results.started.strftime('%Y-%m-%d %H:%M UTC')}; the run took "
        f"{results.elapsed / 60:.1f} min. Sizes: {', '.join(f'{n:,}' for n in results.sizes)}"
        f"{' (quick run)' if results.quick else ''}. Figures are medians with (min–max, runs)."
    )
    add("")
    add("## Machine")
    add("")
    for key, value in results.machine.items():
        add(f"- {key}: {value}")
    add("")
    add("## Targets")
    add("")
    add("| Target | Measured | N | Verdict |")
    add("|---|---|---|---|")
    for target, measured, size, ok in target_rows(results):
        verdict = _verdict(ok)
        if size.endswith(" only") and ok is not None:
            verdict = (
                f"not measured at the target size ({'met' if ok else 'missed'} at {size[:-5]})"
            )
        add(f"| {target} | {measured} | {size} | {verdict} |")
    add("")
    _report_ingest(results, add)
    _report_sync(results, add)
    _report_search(results, add)
    _report_reader(results, add)
    _report_memory(results, add)
    _report_size(results, add)
    if analysis.exists():
        add(analysis.read_text(encoding="utf-8").strip())
        add("")
    add("## Profiling notes")
    add("")
    for line in profiling or ["(none)"]:
        add(line)
    add("")
    add("## How it was measured")
    add("")
    add(HOW_MEASURED.strip())
    add("")
    if results.notes:
        add("## Notes from this run")
        add("")
        for note in results.notes:
            add(f"- {note}")
        add("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _report_ingest(results: Results, add: Callable[[str], None]) -> None:
    add("## 1. Feed ingest (one N-item RSS feed, no article pages)")
    add("")
    if not results.ingest:
        add("Not measured in this run.")
        add("")
        return
    add(f"newsboat: {results.newsboat_version or 'not available'}.")
    add("")
    add(
        "| N | newsroom-tui fresh (process) | of which the ingest | newsboat fresh (process) "
        "| ratio | newsroom-tui unchanged re-sync | newsboat unchanged | stored / newsboat items |"
    )
    add("|---|---|---|---|---|---|---|---|")
    for n, f in sorted(results.ingest.items()):
        add(
            f"| {n:,} | {f.fresh.show(1000, 0, ' ms')} | {f.fresh_inside.show(1000, 0, ' ms')} "
            f"| {f.newsboat.show(1000, 0, ' ms')} | {f.ratios.show(1, 2)} "
            f"| {f.resync.show(1000, 0, ' ms')} | {f.newsboat_resync.show(1000, 0, ' ms')} "
            f"| {f.stored:,} / {f.newsboat_items:,} |"
        )
    add("")
    for n, f in sorted(results.ingest.items()):
        add(
            f"- {n:,}: unchanged re-sync server responses {f.resync_responses}; feed parses "
            f"{f.resync_parses}, page extractions {f.resync_extractions}. Feed-only path: "
            f"`{f.mode}`. newsboat's unchanged re-sync: {f.newsboat_resync_responses or 'n/a'}."
        )
        for note in f.notes:
            add(f"- {n:,}: {note}")
    add("")


def _report_sync(results: Results, add: Callable[[str], None]) -> None:
    add("## 2. Full sync with article pages")
    add("")
    if not results.syncs:
        add("Not measured in this run.")
    else:
        add(
            "| N | releases/s | sync time (in process) | whole process | CPU per release "
            "| server CPU per release | stored | failures | unchanged re-sync responses |"
        )
        add("|---|---|---|---|---|---|---|---|---|")
        for n, f in sorted(results.syncs.items()):
            add(
                f"| {n:,} | {f.rate.show(1, 0)} | {f.seconds.show(1, 2, ' s')} "
                f"| {f.wall.show(1, 2, ' s')} | {f.cpu_ms.show(1, 2, ' ms')} "
                f"| {f.server_cpu_ms.show(1, 2, ' ms')} | {f.stored:,} | {f.failures} "
                f"| {f.resync_responses} (extracted {f.resync_extracted}) |"
            )
        add("")
        add(
            "CPU per release is the sync process's and its extraction workers' (user + system); "
            "the server's is the benchmark server's own process, which runs on the same 2 cores "
            "(2 cores give 6.7 ms of CPU per release at 300 releases/s, for both)."
        )
    add("")
    stages = results.stages
    if stages:
        n = results.stages_n
        pages = stages["pages"]
        add(f"### Where the time goes ({n:,} releases, each step alone, one after the other)")
        add("")
        add("| Step | Time | Per release | Releases/s if alone |")
        add("|---|---|---|---|")
        for label, key in (
            ("fetch the feed", "feed_fetch"),
            ("parse the feed", "feed_parse"),
            ("fetch the pages (httpx, 4 per host)", "page_fetch"),
            ("extract: parse, clean, Markdown, contacts (one thread)", "extract"),
            ("store (apply_batch, 50 per transaction)", "store"),
        ):
            seconds = stages[key]
            per = seconds / max(1, pages)
            add(
                f"| {label} | {seconds:.2f} s | {per * 1000:.2f} ms | {1 / per if per else 0:,.0f} |"
            )
        add("")
        add(
            f"Pages average {stages['page_kb']:.1f} KB; the server (another process, pages "
            f"rendered up front) spent {stages.get('server_render', 0.0):.2f} s of the page fetch "
            "producing them. Inside "
            "extraction (pyinstrument, sampled):"
        )
        add("")
        for name, share in stages["extract_shares"].items():
            add(f"- {name}: {share * 100:.0f} %")
        add("")


def _report_search(results: Results, add: Callable[[str], None]) -> None:
    add("## 3. Search latency (Store.search, parse_query included, 20 hits with snippets)")
    add("")
    if not results.search:
        add("Not measured in this run.")
        add("")
        return
    add("| N | class | query | matches | p50 | p95 | max | p95 by relevance |")
    add("|---|---|---|---|---|---|---|---|")
    for n, figures in sorted(results.search.items()):
        for name, (query, newest, relevance, total) in figures.classes.items():
            add(
                f"| {n:,} | {name} | `{query}` | {total:,} | {_ms(newest.percentile(0.5))} "
                f"| {_ms(newest.percentile(0.95))} | {_ms(newest.high)} "
                f"| {_ms(relevance.percentile(0.95))} |"
            )
    add("")


def _report_reader(results: Results, add: Callable[[str], None]) -> None:
    add(f"## 4. The reader ({SCREEN[0]}x{SCREEN[1]}, headless)")
    add("")
    if not results.reader:
        add("Not measured in this run.")
        add("")
        return
    add(
        "| N | start-up to first paint | whole process (exit at first paint) | app imported "
        "| j/k key p50 / p95 / max | page down max | g/G max |"
    )
    add("|---|---|---|---|---|---|---|")
    for n, f in sorted(results.reader.items()):
        s = f.session
        keys = Stat(s.get("key_j", []) + s.get("key_k", []))
        add(
            f"| {n:,} | {f.startup.show(1000, 0, ' ms')} | {f.startup_wall.show(1000, 0, ' ms')} "
            f"| {f.imported.show(1000, 0, ' ms')} | {_ms(keys.percentile(0.5))} / "
            f"{_ms(keys.percentile(0.95))} / {_ms(keys.high)} "
            f"| {_ms(Stat(s.get('key_pagedown', [])).high)} | {_ms(Stat(s.get('key_jump', [])).high)} |"
        )
    add("")
    add("Search as you type (last keystroke of the query → list repainted with the results):")
    add("")
    add("| N | typed | matches | from the key (median, max) | after the debounce (median, max) |")
    add("|---|---|---|---|---|")
    for n, f in sorted(results.reader.items()):
        for text, runs in f.session.get("search", {}).items():
            whole = Stat([r[0] for r in runs])
            work = Stat([r[1] for r in runs])
            count = int(runs[0][2]) if runs else 0
            add(
                f"| {n:,} | `{text}` | {count:,} | {_ms(whole.median)}, {_ms(whole.high)} "
                f"| {_ms(work.median)}, {_ms(work.high)} |"
            )
    add("")
    add(
        "Opening a release (enter → first chunk painted; → the article stops loading, i.e. the "
        "whole body, or its first page when the reader pages long articles; longest UI block):"
    )
    add("")
    add("| N | release | first chunk (median, max) | loaded | longest block |")
    add("|---|---|---|---|---|")
    for n, f in sorted(results.reader.items()):
        for label in ("typical", "typical_unread", "large"):
            runs = f.session.get(f"open_{label}", [])
            if not runs:
                continue
            first = Stat([r[0] for r in runs])
            whole = Stat([r[1] for r in runs])
            block = Stat([r[2] for r in runs])
            name = {
                "typical": "typical (~800 words), already read",
                "typical_unread": "typical, unread (opening marks it read)",
                "large": "300 KB, unread",
            }[label]
            add(
                f"| {n:,} | {name} | {_ms(first.median)}, {_ms(first.high)} "
                f"| {_ms(whole.median)} | {_ms(block.high)} |"
            )
    add("")


def _report_memory(results: Results, add: Callable[[str], None]) -> None:
    add("## 5. Peak memory (RSS)")
    add("")
    add("| N | reader after scrolling to the end | reader after the whole session | full sync |")
    add("|---|---|---|---|")
    for n in results.sizes:
        reader = results.reader.get(n)
        sync = results.syncs.get(n)
        scroll = reader.session.get("rss_after_scroll_mb") if reader else None
        end = reader.session.get("rss_end_mb") if reader else None
        add(
            f"| {n:,} | {f'{scroll:.0f} MB' if scroll else 'n/a'} "
            f"| {f'{end:.0f} MB' if end else 'n/a'} "
            f"| {sync.rss.show(1, 0, ' MB') if sync else 'n/a'} |"
        )
    add("")


def _report_size(results: Results, add: Callable[[str], None]) -> None:
    add("## 6. Database size")
    add("")
    add("| N | built by | size | per 1,000 releases | build time |")
    add("|---|---|---|---|---|")
    for n, db in sorted(results.databases.items()):
        add(
            f"| {n:,} | Store.apply_batch (generated releases) | {db.bytes / 1e6:,.1f} MB "
            f"| {db.bytes / 1e6 / (n / 1000):,.1f} MB | {db.seconds:.0f} s"
            f"{' (cached)' if db.cached else ''} |"
        )
    for n, f in sorted(results.syncs.items()):
        if f.db_bytes:
            add(
                f"| {n:,} | full sync over HTTP | {f.db_bytes / 1e6:,.1f} MB "
                f"| {f.db_bytes / 1e6 / (n / 1000):,.1f} MB | see §2 |"
            )
    if results.databases:
        n, db = max(results.databases.items())
        if db.tables:
            add("")
            shown = ", ".join(
                f"{name} {size / 1e6 / (n / 1000):,.1f} MB"
                for name, size in list(db.tables.items())[:6]
            )
            add(f"Where the bytes go, per 1,000 releases (dbstat, {n:,} database): {shown}.")
    add("")


HOW_MEASURED = """
- **Data.** `benchmarks/generate.py` makes N French press releases (~800 words each: dateline
  lead, `##`/`###` headings, paragraphs from a Zipf vocabulary of ~34,000 words, a bulleted list,
  a table, a "Pour plus d'informations, veuillez contacter … Tel : … Email : …@iom.int" block).
  `migrants` is in every release, `zooplancton` in one in 997, the phrase "gestion des frontières"
  in about a third; release 5 is ~300 KB of Markdown. Pages use IOM's markup
  (`div.narrow-content div.field--type-text-with-summary`) inside a site header, menu and footer.
- **Server.** `benchmarks/server.py` in its own process: threaded HTTP/1.1 keep-alive on
  127.0.0.1, strong ETags, 304s, response counts. The feed is built before the server announces
  its URL, and for the full sync every page is rendered too, so the server (which shares the 2
  cores) costs as little CPU as Python's http.server allows; its CPU time is reported.
- **Bytecode.** The sources are compiled once before anything is timed, as installing a package
  does (this machine sets PYTHONDONTWRITEBYTECODE, under which every child would compile them).
- **Feed ingest.** A child process ingests the N-item feed without article pages into an empty
  database; its whole-process wall time (interpreter start and imports included) is compared with
  `newsboat -x reload -u urls -c cache.db -C config` on an empty cache, run alternately with the
  same server. Then both run again unchanged; the server's counts show what newsroom-tui asked for,
  the child counts calls to the feed parser, and the sync reports how many pages it extracted.
- **Full sync.** `run_sync(profile, store, sections=False)` in a child process against the
  server; releases/s = N / the sync's own time. CPU per release is the user + system time of the
  sync process, of its reaped children and of the multiprocessing fork server with the extraction
  workers it forked and reaped (/proc/<pid>/stat), divided by N. A size whose 1k rate predicts
  more than FULL_SYNC_BUDGET seconds is skipped. "Where the time goes" runs the same steps one after the
  other in one process (fetch the feed, parse it, fetch every page with the Fetcher, extract every
  page in one thread, store in batches of 50), and samples extraction with pyinstrument, each
  sample credited to the outermost pipeline step on its stack.
- **Search.** `Store.search(parse_query(text), limit=20)` (newest first, the reader's order)
  repeated on a warm database filled directly through `Store.apply_batch` (30 % of the releases
  marked read); "p95 by relevance" is the same with `order="relevance"`.
- **Reader.** Child processes run `build_app(...)` under `App.run_test(size=(120, 40))`. Start-up
  is from just before the process is spawned (a `python -c` script importing only the reader) to
  the refresh after the release list first has rows (`call_after_refresh`); the process then
  exits at once. The profile is parsed at start-up as the CLI does. Keys are posted to the app as
  `events.Key` (what the terminal driver does; Pilot's own waits sleep in 20 ms steps) and timed
  until their effect is visible (the cursor moved, the list holds a new query) and the next
  refresh has run, polling with `asyncio.sleep(0)`. Search as you type: `/`, the query typed key by
  key, timed from the last key, and from the moment the debounced search started (SearchBar's
  `run_search`, wrapped). Opening a release: `enter` on the list → the article's Markdown widget
  finishes its first `update` and the next refresh has run; "loaded" waits for the chunked
  loading to end; the longest UI block is the largest gap seen by a 2 ms asyncio ticker in the
  app's loop.
- **Memory.** Peak RSS of the reader's process after `G` and paging, before any article is
  opened; again at the end of the session; and of the sync process. Read from `VmHWM` in
  /proc/self/status: `getrusage(RUSAGE_SELF).ru_maxrss` survives `execve` on Linux, so a child
  forked from the (large) benchmark process would report the parent's peak instead of its own.
- **Size.** The SQLite file after `PRAGMA wal_checkpoint(TRUNCATE)`.
"""


# --- main ------------------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted(
            {int(part.replace("_", "").replace(",", "")) for part in text.split(",") if part}
        )
    except ValueError:
        raise argparse.ArgumentTypeError(
            "sizes: comma-separated integers, e.g. 1000,10000"
        ) from None
    if not sizes or min(sizes) < 10:
        raise argparse.ArgumentTypeError("sizes: each at least 10")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description="Run the benchmarks and write BENCHMARKS.md."
    )
    parser.add_argument("--sizes", type=_sizes, help="e.g. 1000,10000 (default 1000,10000,100000)")
    parser.add_argument("--quick", action="store_true", help="one run each, fewer repetitions")
    parser.add_argument("--runs", type=int, help="runs per figure (default 3, quick 1)")
    parser.add_argument(
        "--out", type=Path, default=REPORT, help="report path (default BENCHMARKS.md)"
    )
    parser.add_argument("--no-newsboat", action="store_true", help="skip the newsboat comparison")
    parser.add_argument(
        "--only",
        default="ingest,sync,search,reader",
        help="comma-separated subset of ingest,sync,search,reader",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--params", help=argparse.SUPPRESS)
    return parser


def _run_ingest(
    args: argparse.Namespace, results: Results, sizes: list[int], runs: int, work: Path
) -> None:
    newsboat = None
    if not args.no_newsboat:
        from benchmarks import newsboat as nb

        newsboat, why = nb.ensure_newsboat()
        if newsboat is None:
            results.notes.append(f"newsboat comparison skipped: {why}")
        else:
            results.newsboat_version = newsboat.version
    for n in sizes:
        if n not in INGEST_SIZES and n > min(INGEST_SIZES):
            continue
        log(f"feed ingest at {n:,}")
        figures = attempt(
            results, f"feed ingest at {n:,}", lambda n=n: measure_ingest(n, runs, newsboat, work)
        )
        if figures is not None:
            results.ingest[n] = figures
    if results.ingest:
        n = max(results.ingest)
        profile = attempt(results, "profiling the ingest", lambda: profile_ingest(n, work))
        if profile is not None:
            results.profiles["ingest"] = profile
            results.profiles_n["ingest"] = n
    if 100_000 in sizes:
        results.notes.append(
            "Feed ingest is measured at 1k and 10k only: a single 100,000-item feed "
            "(~67 MB) is not a realistic source."
        )


def _run_sync(results: Results, sizes: list[int], runs: int, work: Path) -> None:
    rate = 0.0
    for n in sizes:
        if results.syncs and not rate:
            break
        if rate and n / rate > FULL_SYNC_BUDGET:
            results.notes.append(
                f"Full sync at {n:,} skipped: at the measured {rate:,.0f} releases/s it "
                f"would take ~{n / rate:,.0f} s per run (budget {FULL_SYNC_BUDGET:.0f} s)."
            )
            continue
        log(f"full sync at {n:,}")
        sync_runs = runs if n <= 1_000 else max(1, min(runs, 2))
        figures = attempt(
            results, f"full sync at {n:,}", lambda n=n, r=sync_runs: measure_full_sync(n, r, work)
        )
        if figures is None:
            break
        results.syncs[n] = figures
        rate = figures.rate.median
        if not results.stages:
            log(f"sync stages at {n:,}")
            stages = attempt(results, "sync stages", lambda n=n: measure_stages(n, work))
            if stages is not None:
                results.stages = stages
                results.stages_n = n


def _run_local(
    args: argparse.Namespace, results: Results, sizes: list[int], runs: int, only: set[str]
) -> None:
    """Search and reader figures over databases filled directly (no HTTP)."""
    for n in sizes:
        database = attempt(results, f"building the {n:,} database", lambda n=n: build_database(n))
        if database is None:
            continue
        results.databases[n] = database
        if "search" in only:
            log(f"search at {n:,}")
            reps = 30 if args.quick else 100
            figures = attempt(
                results, f"search at {n:,}", lambda n=n, d=database, r=reps: measure_search(n, d, r)
            )
            if figures is not None:
                results.search[n] = figures
        if "reader" in only:
            log(f"reader at {n:,}")
            reader = attempt(
                results,
                f"reader at {n:,}",
                lambda n=n, d=database: measure_reader(n, d, max(2, runs + 2), args.quick),
            )
            if reader is not None:
                results.reader[n] = reader
                for error in reader.session.get("errors", []):
                    results.notes.append(f"reader at {n:,}: {error}")
    if "reader" in only and results.databases:
        n = max(results.databases)
        log(f"profiling the reader at {n:,}")
        data_dir = str(results.databases[n].data_dir)
        profile = attempt(
            results,
            "profiling the reader",
            lambda: run_child("profile_reader", {"data_dir": data_dir, "n": n})[0],
        )
        if profile is not None:
            results.profiles["reader"] = profile
            results.profiles_n["reader"] = n
    if 100_000 in results.databases:
        results.notes.append(
            "The 100k database is filled directly through Store.apply_batch with generated "
            "releases (no HTTP): a full sync at the measured rate would not fit the 15-minute "
            "budget. The 1k and 10k databases for search and the reader are built the same way."
        )


def attempt(results: Results, what: str, work: Callable[[], Any]) -> Any:
    """Run one measurement; a failure becomes a note in the report instead of ending the run."""
    from newsroom_tui.storage.store import StoreError

    try:
        return work()
    except (
        RuntimeError,
        OSError,
        subprocess.SubprocessError,
        ValueError,
        KeyError,
        TimeoutError,
        sqlite3.Error,
        StoreError,
    ) as exc:
        message = " ".join(str(exc).split())[:600] or type(exc).__name__
        results.notes.append(f"{what} failed: {message}")
        log(f"{what} failed: {message}")
        return None


def _compile_sources() -> None:
    """Write the bytecode of newsroom_tui and the benchmarks, as installing a package does.

    With PYTHONDONTWRITEBYTECODE set (or a fresh editable install) every child process would
    compile the sources again: ~40 ms of each start-up that an installed reader does not pay.
    """
    import compileall

    for package in (ROOT / "src" / "newsroom_tui", ROOT / "benchmarks"):
        compileall.compile_dir(package, quiet=1)


def run_all(args: argparse.Namespace) -> Results:
    sizes = args.sizes or ([1_000] if args.quick else list(DEFAULT_SIZES))
    runs = args.runs or (1 if args.quick else 3)
    only = {part.strip() for part in args.only.split(",")}
    results = Results(datetime.now(UTC), sizes, runs, args.quick, machine_info())
    started = time.perf_counter()
    CACHE.mkdir(parents=True, exist_ok=True)
    _compile_sources()
    with tempfile.TemporaryDirectory(prefix="bench-", dir=CACHE) as tmp:
        work = Path(tmp)
        if "ingest" in only:
            _run_ingest(args, results, sizes, runs, work)
        if "sync" in only:
            _run_sync(results, sizes, runs, work)
        if "search" in only or "reader" in only:
            _run_local(args, results, sizes, runs, only)
    results.elapsed = time.perf_counter() - started
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.child:
        CHILDREN[args.child](json.loads(args.params or "{}"))
        return 0
    results = run_all(args)
    write_report(results, args.out, profiling_notes(results))
    log(f"wrote {args.out} in {results.elapsed / 60:.1f} min")
    return 0


def _spots(spots: dict[str, list[list[Any]]], limit: int = 6) -> list[str]:
    lines = []
    for label, key in (("by own time", "self"), ("newsroom_tui code, inclusive", "ours")):
        entries = spots.get(key, [])[:limit]
        if entries:
            shown = "; ".join(
                f"`{name}` {sec * 1000:,.0f} ms ({share * 100:.0f} %)"
                for name, sec, share in entries
            )
            lines.append(f"  - {label}: {shown}")
    return lines


def profiling_notes(results: Results) -> list[str]:
    """What the breakdowns and pyinstrument found, for whoever fixes a missed target."""
    notes: list[str] = []
    ingest = results.profiles.get("ingest")
    if ingest:
        n = results.profiles_n["ingest"]
        notes.append(
            f"- **Feed ingest** ({n:,} items, one thread, each step timed): imports "
            f"{ingest['imports'] * 1000:,.0f} ms, fetch {ingest['fetch'] * 1000:,.0f} ms, parse "
            f"(`parse_feed_detailed`) {ingest['parse'] * 1000:,.0f} ms, summary releases "
            f"(`_Run.summary_release`) {ingest['summaries'] * 1000:,.0f} ms, store in batches of "
            f"{ingest.get('batch', 50)} {ingest['store'] * 1000:,.0f} ms; these times include "
            "the profiler's own overhead. pyinstrument:"
        )
        notes.extend(_spots(ingest.get("hot", {})))
    if results.stages:
        s = results.stages
        pages = max(1, s["pages"])
        notes.append(
            f"- **Full sync** ({results.stages_n:,} releases, each step alone): per release, "
            f"fetching {s['page_fetch'] / pages * 1000:.2f} ms (4 in flight), extraction "
            f"{s['extract'] / pages * 1000:.2f} ms, storing {s['store'] / pages * 1000:.2f} ms; "
            f"300 releases/s on 2 cores leaves ~6.7 ms of CPU per release for everything."
        )
        shares = ", ".join(f"{k} {v * 100:.0f} %" for k, v in s["extract_shares"].items())
        notes.append(f"  - inside extraction (pyinstrument): {shares}.")
    reader = results.profiles.get("reader")
    if reader:
        n = results.profiles_n["reader"]
        for key, label in (
            ("startup", "Reader start-up to first paint"),
            ("keys", "30 `j` presses in the release list"),
            ("open_typical", "Opening a typical unread release, 5 times"),
            ("open_large", "Opening the 300 KB release until its last chunk is shown"),
        ):
            spots = reader.get(key)
            if spots:
                total = spots["total"][0][1]
                notes.append(
                    f"- **{label}** ({n:,} releases, pyinstrument, {total * 1000:,.0f} ms sampled):"
                )
                notes.extend(_spots(spots))
    return notes


if __name__ == "__main__":
    raise SystemExit(main())
