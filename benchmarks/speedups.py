"""What each speed shortcut of `newsroom_tui.speedups` gains: the same work timed with the shortcut
and without it (CPU time of this process, median of runs), on the synthetic newsroom.

    .venv/bin/python -m benchmarks.speedups [--runs 5] [--pages 200]

Prints one Markdown table row per shortcut (the figures of speedups/README.md). The sniffio entry
is timed in two child processes fetching the same pages from the loopback server, with and
without it, since an entry in sys.modules cannot be taken back in one process.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.generate import Newsroom
from benchmarks.server import BenchServer

FETCH_SCRIPT = """
import asyncio, json, sys, time
if sys.argv[1] == "on":
    from newsroom_tui.speedups.sniffio_entry import record_missing_sniffio
    record_missing_sniffio()
import httpx

async def main(urls):
    async with httpx.AsyncClient() as client:
        (await client.get(urls[0])).raise_for_status()
        start = time.process_time()
        for url in urls:
            (await client.get(url)).raise_for_status()
        return time.process_time() - start

print(json.dumps(asyncio.run(main(json.loads(sys.stdin.read())))))
"""


@contextmanager
def _switch(module: Any, name: str, value: Any) -> Iterator[None]:
    saved = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, saved)


def _cpu(work: Callable[[], Any], runs: int) -> float:
    """Median CPU seconds of `work` over `runs` runs (after one warm-up run)."""
    work()
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def _row(name: str, unit: str, fast: float, slow: float, count: int) -> str:
    per_fast, per_slow = fast / count * 1000, slow / count * 1000
    return (
        f"| {name} | {per_slow:.3f} ms → {per_fast:.3f} ms per {unit}"
        f" | {slow / fast:.1f}× ({(1 - fast / slow) * 100:.0f} % less CPU) |"
    )


def measure_soup_tree(newsroom: Newsroom, pages: int, runs: int) -> str:
    from bs4 import BeautifulSoup

    from newsroom_tui.speedups import soup_tree

    bodies = [newsroom.body_html(newsroom.blocks(i)) for i in range(pages)]
    fast = _cpu(lambda: [soup_tree.parse_html(b) for b in bodies], runs)
    slow = _cpu(lambda: [BeautifulSoup(b, "lxml") for b in bodies], runs)
    return _row("soup_tree (bs4 tree from lxml's)", "article body", fast, slow, pages)


def measure_markdownify_walk(newsroom: Newsroom, pages: int, runs: int) -> str:
    from newsroom_tui.extraction import markdown
    from newsroom_tui.speedups import markdownify_walk
    from newsroom_tui.speedups.soup_tree import parse_html

    bodies = [newsroom.body_html(newsroom.blocks(i)) for i in range(pages)]

    def convert() -> None:
        for body in bodies:
            markdown._SafeConverter("https://example.org/").convert_soup(parse_html(body))

    def parse() -> None:
        for body in bodies:
            parse_html(body)

    fast = _cpu(convert, runs)
    with _switch(markdownify_walk, "MIRRORED", False):
        slow = _cpu(convert, runs)
    parsing = _cpu(parse, runs)
    return _row(
        "markdownify_walk (markdownify 1.2's walk)",
        "article body",
        fast - parsing,
        slow - parsing,
        pages,
    )


def measure_feed_xml(newsroom: Newsroom, runs: int) -> str:
    from newsroom_tui.ingest.feeds import parse_feed_detailed

    feed = newsroom.feed_xml("http://127.0.0.1:1/")
    url = "http://127.0.0.1:1/fr/rss.xml"

    def parse(fast_path: bool) -> Callable[[], Any]:
        return lambda: parse_feed_detailed(
            feed, url, content_type="application/rss+xml", fast_path=fast_path
        )

    fast = _cpu(parse(True), runs)
    slow = _cpu(parse(False), runs)
    return _row("feed_xml (RSS 2.0 on lxml)", "feed item", fast, slow, newsroom.n)


def measure_summaries(newsroom: Newsroom, runs: int) -> str:
    from newsroom_tui import speedups
    from newsroom_tui.extraction.markdown import summary_to_markdown

    summaries = [newsroom.meta(i).summary for i in range(newsroom.n)]

    def convert() -> None:
        for summary in summaries:
            summary_to_markdown(summary, "https://example.org/")

    fast = _cpu(convert, runs)
    with _switch(speedups, "ENABLED", False):
        slow = _cpu(convert, runs)
    return _row(
        "plain summaries (markdown.summary_to_markdown)", "summary", fast, slow, len(summaries)
    )


def measure_urljoin(newsroom: Newsroom, runs: int) -> str:
    """Every link of the Drupal-like feed joined as the feed reader joins it, then checked as
    a summary's link is (the caches emptied before each run: each page's own link is new)."""
    import re

    from newsroom_tui import speedups
    from newsroom_tui.extraction import markdown_text
    from newsroom_tui.speedups.feed_xml import _urljoin

    base = "https://newsroom.example.org/fr/rss.xml"
    feed = newsroom.feed_xml("https://newsroom.example.org", shape="html").decode("utf-8")
    links = re.findall(r"href=&quot;(.*?)&quot;", feed)

    def join() -> None:
        markdown_text._link_target.cache_clear()
        markdown_text._checked_target.cache_clear()
        for link in links:
            markdown_text.link_target(_urljoin(base, link), base)

    fast = _cpu(join, runs)
    with _switch(speedups, "ENABLED", False):
        slow = _cpu(join, runs)
    return _row("urljoin (plain absolute links)", "link", fast, slow, len(links))


def measure_drop(newsroom: Newsroom, pages: int, runs: int) -> str:
    from newsroom_tui import speedups
    from newsroom_tui.extraction.selectors import tags_to_drop
    from newsroom_tui.profiles import load_profile
    from newsroom_tui.speedups.soup_tree import parse_html

    drop = load_profile("iom-fr").extract.drop
    bodies = [newsroom.body_html(newsroom.blocks(i)) for i in range(pages)]
    trees = [parse_html(body) for body in bodies]

    def select() -> None:
        for body, tree in zip(bodies, trees, strict=True):
            tags_to_drop(tree, drop, [], body)

    fast = _cpu(select, runs)
    with _switch(speedups, "ENABLED", False):
        slow = _cpu(select, runs)
    return _row("drop selectors that cannot match are not run", "article body", fast, slow, pages)


def measure_sniffio(newsroom: Newsroom, pages: int, runs: int) -> str:
    results: dict[str, list[float]] = {"on": [], "off": []}
    with BenchServer(newsroom.n) as server:
        urls = json.dumps([server.base_url + newsroom.meta(i).path for i in range(pages)])
        for _ in range(runs):
            for mode in ("on", "off"):
                done = subprocess.run(
                    [sys.executable, "-c", FETCH_SCRIPT, mode],
                    input=urls,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                results[mode].append(json.loads(done.stdout))
    fast, slow = statistics.median(results["on"]), statistics.median(results["off"])
    return _row("sniffio_entry (httpcore's import search)", "page fetched", fast, slow, pages)


def measure_gc_freeze(runs: int) -> str:
    """A full collection with the reader's modules and one app loaded, before and after the
    freeze (what `freeze_long_lived` spares each collection)."""
    from newsroom_tui.app import build_app
    from newsroom_tui.profiles import load_profile
    from newsroom_tui.screens.main import MainScreen  # noqa: F401 - loaded as the reader loads it

    app = build_app(load_profile("demo"), Path("/nonexistent"))
    slow = _cpu(gc.collect, runs)
    gc.freeze()
    try:
        fast = _cpu(gc.collect, runs)
    finally:
        gc.unfreeze()
    del app
    return (
        f"| gc_tuning (long-lived objects frozen) | {slow * 1000:.1f} ms → {fast * 1000:.1f} ms"
        f" per full collection | {(slow - fast) * 1000:.0f} ms less per collection |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time each speed shortcut on and off.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--items", type=int, default=2000, help="feed items")
    args = parser.parse_args(argv)
    from newsroom_tui import speedups

    if not speedups.ENABLED:
        parser.error(f"unset {speedups.ENV_VAR}: the shortcuts must be on to be compared")
    pages = Newsroom(max(args.pages, 10))
    items = Newsroom(args.items)
    print("| Shortcut | Without → with | Gain |")
    print("|---|---|---|")
    for measure in (
        lambda: measure_soup_tree(pages, args.pages, args.runs),
        lambda: measure_markdownify_walk(pages, args.pages, args.runs),
        lambda: measure_feed_xml(items, args.runs),
        lambda: measure_summaries(items, args.runs),
        lambda: measure_urljoin(items, args.runs),
        lambda: measure_drop(pages, args.pages, args.runs),
        lambda: measure_sniffio(pages, args.pages, args.runs),
        lambda: measure_gc_freeze(args.runs),
    ):
        print(measure(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
