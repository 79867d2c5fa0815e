"""The reader: start-up to first paint, key presses, search keystrokes, opening a typical and a
300 KB release, UI blocks and memory, measured in child processes that drive the real app."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks.common import (
    READ_EVERY,
    READ_SHARE,
    ROOT,
    SCREEN,
    Stat,
    bench_profile,
    bench_profile_data,
    emit,
    hot_spots,
    log,
    peak_rss_mb,
    release_guid,
    run_child,
)
from benchmarks.database import BuiltDatabase
from benchmarks.generate import (
    COMMON_WORD,
    LARGE_INDEX,
    RARE_WORD,
)

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


def _at(release_list: Any, target: int) -> bool:
    return bool(release_list.cursor == target)


async def until(condition: Callable[[], bool], limit: float = 60.0) -> None:
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
    from newsroom_tui.screens.main import MainScreen
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
        await until(effect)
        return await _after_refresh(app) - start

    async def main() -> None:
        async with app.run_test(size=SCREEN):
            await _first_paint(app)
            screen = app.screen
            store = app.store
            assert isinstance(screen, MainScreen) and store is not None
            release_list = screen.release_list
            article = screen.article
            search_input = screen.query_one(SearchBar).input
            count = release_list.count
            out["count"] = count

            def moved(target: int) -> Callable[[], bool]:
                return lambda: release_list.cursor == max(0, min(count - 1, target))

            def left(start: int) -> Callable[[], bool]:
                return lambda: release_list.cursor != start

            out["key_j"] = [await press("j", moved(release_list.cursor + 1)) for _ in range(keys)]
            out["key_k"] = [
                await press("k", moved(release_list.cursor - 1)) for _ in range(keys // 4)
            ]
            out["key_pagedown"] = []
            for _ in range(10):
                before = release_list.cursor
                out["key_pagedown"].append(await press("pagedown", left(before)))
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

            def typed(value: str) -> Callable[[], bool]:
                return lambda: search_input.value == value

            def showing(value: str) -> Callable[[], bool]:
                return lambda: shown_text() == value

            for text in ("securite", COMMON_WORD, RARE_WORD, "mi*"):
                for _ in range(int(params.get("search_reps", 3))):
                    if len(errors) > 2:
                        break
                    await press("slash", lambda: search_input.has_focus)
                    for i, char in enumerate(text[:-1]):
                        await press(char, typed(text[: i + 1]))
                    mark = len(search_started)
                    start = time.perf_counter()
                    app.post_message(_key_event(text[-1]))
                    try:
                        await until(showing(text), limit=20.0)
                    except TimeoutError:
                        errors.append(f"search {text!r}: the list never showed it")
                        continue
                    shown = await _after_refresh(app)
                    began = search_started[-1] if len(search_started) > mark else start
                    searches.setdefault(text, []).append(
                        [shown - start, shown - began, float(release_list.count)]
                    )
                    await press("escape", lambda: shown_text() == "")
                    await until(lambda: release_list.has_focus)

            # open typical releases (one already read, one unread) and the 300 KB one (unread):
            # unread ones are marked unread again before each run, so each run marks one read
            for label, index, unread in OPENED:
                if index >= n:
                    continue
                position = store.index_of(screen.current_query(), release_guid(index))
                if position is None:
                    continue
                release_list.cursor = position
                await _after_refresh(app)
                runs: list[list[float]] = []
                out[f"open_{label}"] = runs
                for _ in range(int(params.get("open_reps", 3))):
                    store.set_read([release_guid(index)], not unread)
                    # The placeholder's own paint is waited for (an earlier run's stamp must not
                    # stand in for it, or its late stamp would be taken for the next open's).
                    del painted[:]
                    article.show_message("…", [""])
                    await until(lambda: bool(painted) and not article.loading_body)
                    await asyncio.sleep(0.05)
                    del painted[:]
                    try:
                        with _LagMonitor() as lag:
                            start = time.perf_counter()
                            app.post_message(_key_event("enter"))
                            await until(lambda: bool(painted), limit=60.0)
                            first = painted[0]
                            await until(lambda: not article.loading_body, limit=300.0)
                            end = await _after_refresh(app)
                    except TimeoutError:
                        errors.append(f"opening {label}: the article never finished loading")
                        break
                    runs.append([first - start, end - start, lag.worst])
                store.set_read([release_guid(index)], index % READ_EVERY < READ_SHARE)
            out["rss_end_mb"] = peak_rss_mb()
            emit(out)
            os._exit(0)

    asyncio.run(main())


def child_profile_reader(params: dict[str, Any]) -> None:
    """pyinstrument over the reader's start-up, 30 `j` presses, opening a typical release five
    times, and opening the 300 KB release."""
    from pyinstrument import Profiler

    profilers = [Profiler(interval=0.001, async_mode="disabled")]
    profilers[0].start()
    from newsroom_tui.app import build_app
    from newsroom_tui.screens.main import MainScreen

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
            screen = app.screen
            store = app.store
            assert isinstance(screen, MainScreen) and store is not None
            release_list = screen.release_list
            start()
            for _ in range(30):
                target = release_list.cursor + 1
                app.post_message(_key_event("j"))
                await until(partial(_at, release_list, target))
                await _after_refresh(app)
            stop("keys")
            article = screen.article
            typical = 3  # an unread one: opening it marks it read, as in use
            position = store.index_of(screen.current_query(), release_guid(typical))
            release_list.cursor = position or 0
            await _after_refresh(app)
            start()
            for _ in range(5):
                store.set_read([release_guid(typical)], False)
                app.post_message(_key_event("enter"))
                await until(lambda: article.loading_body)
                await until(lambda: not article.loading_body)
                await _after_refresh(app)
            stop("open_typical")
            store.set_read([release_guid(typical)], typical % READ_EVERY < READ_SHARE)
            if int(params["n"]) > LARGE_INDEX:
                position = store.index_of(screen.current_query(), release_guid(LARGE_INDEX))
                release_list.cursor = position or 0
                await _after_refresh(app)
                start()
                app.post_message(_key_event("enter"))
                await until(lambda: article.loading_body)
                await until(lambda: not article.loading_body, limit=300.0)
                await _after_refresh(app)
                stop("open_large")
                if LARGE_INDEX % READ_EVERY >= READ_SHARE:
                    store.set_read([release_guid(LARGE_INDEX)], False)
            emit(out)
            os._exit(0)

    asyncio.run(main())


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
