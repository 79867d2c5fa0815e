"""The loopback newsroom: the synthetic newsroom of `generate` served on 127.0.0.1 by the
project's loopback core (`newsroom_tui.demo.loopback`: keep-alive, conditional GET).

It serves the synthetic newsroom's RSS feed (`/fr/rss.xml`, every release, links absolute) and its
article pages (`/fr/news/<slug>-<index>`, rendered from the index on each request, or all up
front with `--prerender` so that serving costs little CPU when the client is measured), with strong
ETags, Last-Modified and 304 answers to conditional requests, and counts every response by kind
and status so a benchmark can check that an unchanged re-sync cost one 304 and nothing else:
`GET /__stats` returns the counts (and the time spent rendering pages) as JSON, `GET /__reset`
zeroes them.

The benchmark runs it in a child process (`BenchServer`, i.e. `python -m benchmarks.server`) so
serving pages does not compete with the measured client for one interpreter's GIL; the smoke test
runs it in a thread (`serve_in_thread`).
"""

from __future__ import annotations

import argparse
import email.utils
import json
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from benchmarks.generate import DEFAULT_SEED, FEED_PATH, FEED_SHAPES, GENERATOR_VERSION, Newsroom
from newsroom_tui.demo.loopback import Exchange, LoopbackServer, Resource, strong_etag

ROOT = Path(__file__).resolve().parent.parent


class _Site:
    """The synthetic newsroom behind the loopback core, with its response counts."""

    def __init__(
        self, newsroom: Newsroom, *, prerender: bool = False, shape: str = "plain"
    ) -> None:
        self.newsroom = newsroom
        self.shape = shape
        """The feed's shape (`generate.FEED_SHAPES`)."""
        self.pages: list[bytes] | None = None
        """Every page rendered up front (`prerender`), so serving costs the server little CPU."""
        if prerender:
            self.pages = [newsroom.page_html(i).encode("utf-8") for i in range(newsroom.n)]
        self.counts: Counter[str] = Counter()
        self.lock = threading.Lock()
        self._feed: Resource | None = None
        self.cpu_start = time.process_time()
        """The server's CPU time at the last reset: it shares the machine with the client."""
        self.server = LoopbackServer(self.answer, observe=self.observe, name="bench-server")
        self.server.start()
        self.base_url = self.server.origin

    def feed(self) -> Resource:
        """The feed, built once."""
        with self.lock:
            if self._feed is None:
                body = self.newsroom.feed_xml(self.base_url, shape=self.shape)
                kind = "application/atom+xml" if self.shape == "atom" else "application/rss+xml"
                modified = email.utils.format_datetime(self.newsroom.meta(0).published, usegmt=True)
                self._feed = Resource(body, f"{kind}; charset=utf-8", strong_etag(body), modified)
            return self._feed

    def count(self, key: str, amount: int = 1) -> None:
        with self.lock:
            self.counts[key] += amount

    def observe(self, exchange: Exchange, status: int) -> None:
        path = exchange.target.split("?", 1)[0]
        if path.startswith("/__"):
            return
        if path == FEED_PATH:
            kind = "feed"
        elif status == 404:
            kind = "other"
        else:
            kind = "page"
        self.count(f"{kind}_{status}")

    def answer(self, exchange: Exchange) -> None:
        path = exchange.target.split("?", 1)[0]
        newsroom = self.newsroom
        if path == FEED_PATH:
            exchange.serve(self.feed())
            return
        if path == "/__stats":
            with self.lock:
                counts = dict(self.counts)
                counts["cpu_us"] = round((time.process_time() - self.cpu_start) * 1e6)
                data = json.dumps(counts).encode()
            exchange.send_body(200, data, "application/json")
            return
        if path == "/__reset":
            with self.lock:
                self.counts.clear()
                self.cpu_start = time.process_time()
            exchange.send_body(200, b"{}", "application/json")
            return
        index = newsroom.index_from_path(path)
        if index is None or not 0 <= index < newsroom.n or path != newsroom.meta(index).path:
            exchange.send_body(404, b"<html><body>Introuvable</body></html>", "text/html")
            return
        meta = newsroom.meta(index)
        etag = f'"p{GENERATOR_VERSION}-{newsroom.seed}-{newsroom.n}-{index}"'
        modified = email.utils.format_datetime(meta.published, usegmt=True)
        start = time.perf_counter()
        pages = self.pages
        body = b""
        if not exchange.not_modified(Resource(b"", etag=etag, last_modified=modified)):
            body = pages[index] if pages is not None else newsroom.page_html(index).encode("utf-8")
        self.count("page_render_us", round((time.perf_counter() - start) * 1e6))
        exchange.serve(Resource(body, "text/html; charset=utf-8", etag, modified))

    def stop(self) -> None:
        self.server.stop()


def _get_json(url: str) -> dict[str, int]:
    with urllib.request.urlopen(url, timeout=30) as response:
        data = json.loads(response.read())
    return {str(k): int(v) for k, v in data.items()}


class ServerHandle:
    """What a benchmark needs from a running server: its URL and its response counts."""

    base_url: str

    @property
    def feed_url(self) -> str:
        return self.base_url + FEED_PATH

    def stats(self) -> dict[str, int]:
        """Responses so far by kind and status: feed_200, feed_304, page_200, page_304, ...

        `page_render_us` (microseconds spent rendering pages) and `cpu_us` are left out: see
        `render_seconds` and `cpu_seconds`.
        """
        counts = _get_json(self.base_url + "/__stats")
        counts.pop("page_render_us", None)
        counts.pop("cpu_us", None)
        return counts

    def cpu_seconds(self) -> float:
        """The server process's CPU time (all its threads) since the last reset."""
        return _get_json(self.base_url + "/__stats").get("cpu_us", 0) / 1e6

    def render_seconds(self) -> float:
        """Server time spent rendering article pages since the last reset."""
        return _get_json(self.base_url + "/__stats").get("page_render_us", 0) / 1e6

    def reset(self) -> None:
        _get_json(self.base_url + "/__reset")


class BenchServer(ServerHandle):
    """The server in a child process (`with BenchServer(n) as server: ...`)."""

    def __init__(
        self, n: int, seed: int = DEFAULT_SEED, *, prerender: bool = False, shape: str = "plain"
    ) -> None:
        self.n = n
        self.seed = seed
        self.prerender = prerender
        self.shape = shape
        self._process: subprocess.Popen[str] | None = None
        self.base_url = ""

    def __enter__(self) -> BenchServer:
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "benchmarks.server",
                "--n",
                str(self.n),
                "--seed",
                str(self.seed),
                *(["--prerender"] if self.prerender else []),
                "--shape",
                self.shape,
            ],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line.startswith("http://"):
            self._stop()
            raise RuntimeError(f"benchmark server did not start: {line!r}")
        self.base_url = line.strip()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop()

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin is not None:
            process.stdin.close()  # the child exits when its stdin closes
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class ThreadServer(ServerHandle):
    def __init__(self, site: _Site) -> None:
        self.site = site
        self.base_url = site.base_url


@contextmanager
def serve_in_thread(newsroom: Newsroom) -> Iterator[ThreadServer]:
    """The server in a thread of this process (for the smoke test)."""
    site = _Site(newsroom)
    try:
        yield ThreadServer(site)
    finally:
        site.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a synthetic newsroom on 127.0.0.1.")
    parser.add_argument("--n", type=int, default=1000, help="number of releases")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--prerender", action="store_true", help="render every page up front")
    parser.add_argument("--shape", choices=FEED_SHAPES, default="plain", help="the feed's shape")
    args = parser.parse_args(argv)
    site = _Site(Newsroom(args.n, args.seed), prerender=args.prerender, shape=args.shape)
    # Built before the URL is announced: a timed client must not wait for the feed's generation
    # (~0.5 s at 10,000 items), which the first one to ask for it used to pay.
    site.feed()
    print(site.base_url, flush=True)
    sys.stdin.read()  # serve until the parent closes our stdin (or exits)
    site.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
