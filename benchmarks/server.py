"""The loopback newsroom: a threaded HTTP/1.1 keep-alive server on 127.0.0.1 over `generate`.

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
import hashlib
import json
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from benchmarks.generate import DEFAULT_SEED, FEED_PATH, GENERATOR_VERSION, Newsroom

IDLE_TIMEOUT = 30.0
"""Seconds an idle keep-alive connection stays open."""
ROOT = Path(__file__).resolve().parent.parent


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128

    def __init__(self, newsroom: Newsroom, *, prerender: bool = False) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.newsroom = newsroom
        self.pages: list[bytes] | None = None
        """Every page rendered up front (`prerender`), so serving costs the server little CPU."""
        if prerender:
            self.pages = [newsroom.page_html(i).encode("utf-8") for i in range(newsroom.n)]
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        self.counts: Counter[str] = Counter()
        self.lock = threading.Lock()
        self._feed: tuple[bytes, str] | None = None
        self.cpu_start = time.process_time()
        """The server's CPU time at the last reset: it shares the machine with the client."""

    def feed(self) -> tuple[bytes, str]:
        """The feed's bytes and ETag, built once."""
        with self.lock:
            if self._feed is None:
                body = self.newsroom.feed_xml(self.base_url)
                self._feed = (body, '"' + hashlib.sha1(body).hexdigest() + '"')
            return self._feed

    def count(self, key: str, amount: int = 1) -> None:
        with self.lock:
            self.counts[key] += amount

    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client closing a keep-alive connection mid-request is not worth a traceback


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "newsroom-bench/1"
    sys_version = ""
    timeout = IDLE_TIMEOUT
    disable_nagle_algorithm = True  # headers and body go out in two writes: avoid 40 ms stalls
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        path = self.path.split("?", 1)[0]
        newsroom = self.server.newsroom
        if path == FEED_PATH:
            body, etag = self.server.feed()
            modified = email.utils.format_datetime(newsroom.meta(0).published, usegmt=True)
            self._send("feed", body, etag, modified, "application/rss+xml; charset=utf-8", head)
            return
        if path == "/__stats":
            with self.server.lock:
                counts = dict(self.server.counts)
                counts["cpu_us"] = round((time.process_time() - self.server.cpu_start) * 1e6)
                data = json.dumps(counts).encode()
            self._plain(200, data, "application/json")
            return
        if path == "/__reset":
            with self.server.lock:
                self.server.counts.clear()
                self.server.cpu_start = time.process_time()
            self._plain(200, b"{}", "application/json")
            return
        index = newsroom.index_from_path(path)
        if index is None or not 0 <= index < newsroom.n or path != newsroom.meta(index).path:
            self.server.count("other_404")
            self._plain(404, b"<html><body>Introuvable</body></html>", "text/html")
            return
        meta = newsroom.meta(index)
        etag = f'"p{GENERATOR_VERSION}-{newsroom.seed}-{newsroom.n}-{index}"'
        modified = email.utils.format_datetime(meta.published, usegmt=True)
        if self._not_modified(etag, modified):
            self.server.count("page_304")
            self._plain(304, b"", "", etag=etag, modified=modified)
            return
        start = time.perf_counter()
        pages = self.server.pages
        body = pages[index] if pages is not None else newsroom.page_html(index).encode("utf-8")
        self.server.count("page_render_us", round((time.perf_counter() - start) * 1e6))
        self.server.count("page_200")
        self._plain(200, body, "text/html; charset=utf-8", etag=etag, modified=modified, head=head)

    def _not_modified(self, etag: str, modified: str) -> bool:
        tags = self.headers.get("If-None-Match")
        if tags is not None:
            return etag in [t.strip() for t in tags.split(",")] or tags.strip() == "*"
        return self.headers.get("If-Modified-Since") == modified

    def _send(
        self, kind: str, body: bytes, etag: str, modified: str, content_type: str, head: bool
    ) -> None:
        if self._not_modified(etag, modified):
            self.server.count(f"{kind}_304")
            self._plain(304, b"", "", etag=etag, modified=modified)
            return
        self.server.count(f"{kind}_200")
        self._plain(200, body, content_type, etag=etag, modified=modified, head=head)

    def _plain(
        self,
        status: int,
        body: bytes,
        content_type: str,
        *,
        etag: str | None = None,
        modified: str | None = None,
        head: bool = False,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if etag:
            self.send_header("ETag", etag)
        if modified:
            self.send_header("Last-Modified", modified)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and not head:
            self.wfile.write(body)


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

    def __init__(self, n: int, seed: int = DEFAULT_SEED, *, prerender: bool = False) -> None:
        self.n = n
        self.seed = seed
        self.prerender = prerender
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
    def __init__(self, server: _Server) -> None:
        self.server = server
        self.base_url = server.base_url


@contextmanager
def serve_in_thread(newsroom: Newsroom) -> Iterator[ThreadServer]:
    """The server in a thread of this process (for the smoke test)."""
    server = _Server(newsroom)
    thread = threading.Thread(target=server.serve_forever, name="bench-server", daemon=True)
    thread.start()
    try:
        yield ThreadServer(server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a synthetic newsroom on 127.0.0.1.")
    parser.add_argument("--n", type=int, default=1000, help="number of releases")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--prerender", action="store_true", help="render every page up front")
    args = parser.parse_args(argv)
    server = _Server(Newsroom(args.n, args.seed), prerender=args.prerender)
    # Built before the URL is announced: a timed client must not wait for the feed's generation
    # (~0.5 s at 10,000 items), which the first one to ask for it used to pay.
    server.feed()
    thread = threading.Thread(target=server.serve_forever, name="bench-server", daemon=True)
    thread.start()
    print(server.base_url, flush=True)
    sys.stdin.read()  # serve until the parent closes our stdin (or exits)
    server.shutdown()
    server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
