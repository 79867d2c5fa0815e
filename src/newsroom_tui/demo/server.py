"""A small static HTTP server on 127.0.0.1 for the demo newsroom and the integration tests.

It behaves like a polite real site so the sync exercises its real code paths: HTTP/1.1 keep-alive,
Content-Length, a Content-Type with charset, a strong ETag (hash of the bytes) and Last-Modified,
304 answers to conditional requests, 404 for anything missing or outside the root. Listing pages
with a `page=N` query are stored as `<path>/page-N.html`; `/a/b` is served from `a/b`, `a/b.html`
or `a/b/index.html`. No Textual imports: this is core code.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import hashlib
import mimetypes
import os
import posixpath
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import parse_qs, unquote, urlsplit

from newsroom_tui import paths
from newsroom_tui.profiles import Profile, load_profile_file

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
}
"""Content types by suffix; others come from `mimetypes`."""

IDLE_TIMEOUT = 30.0
"""Seconds an idle keep-alive connection is kept open."""


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One answered request, for tests that count what a sync asked for."""

    method: str
    path: str
    """The request target as sent (path and query)."""
    status: int


@dataclass(frozen=True, slots=True)
class _Resource:
    body: bytes
    etag: str
    mtime: float
    content_type: str


def _content_type(path: Path) -> str:
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def _http_date(timestamp: float) -> str:
    return email.utils.formatdate(timestamp, usegmt=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "newsroom-tui-demo/1"
    sys_version = ""
    timeout = IDLE_TIMEOUT
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in two writes: without this, Nagle's algorithm and delayed ACKs
        # add ~40 ms to every keep-alive response on loopback.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, add=False)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the demo runs under a terminal UI and the tests read `requests` instead."""

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def _answer(self, *, head: bool) -> None:
        resource = self.server.site.lookup(self.path)
        if resource is None:
            self._send_plain(HTTPStatus.NOT_FOUND, b"Not found\n", head=head)
            return
        if self._not_modified(resource):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", resource.etag)
            self.send_header("Last-Modified", _http_date(resource.mtime))
            self.send_header("Cache-Control", "no-cache")
            self._record(HTTPStatus.NOT_MODIFIED)
            self.end_headers()
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(resource.body)))
        self.send_header("ETag", resource.etag)
        self.send_header("Last-Modified", _http_date(resource.mtime))
        self.send_header("Cache-Control", "no-cache")
        self._record(
            HTTPStatus.OK
        )  # before the answer leaves, so a client never sees it unrecorded
        self.end_headers()
        if not head:
            self.wfile.write(resource.body)

    def _not_modified(self, resource: _Resource) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            # RFC 9110: If-None-Match wins over If-Modified-Since when both are sent.
            tags = {tag.strip() for tag in if_none_match.split(",")}
            return "*" in tags or resource.etag in tags
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                when = email.utils.parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
            return int(resource.mtime) <= when.timestamp()
        return False

    def _send_plain(self, status: HTTPStatus, body: bytes, *, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self._record(status)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _record(self, status: int) -> None:
        self.server.record(RequestRecord(self.command or "", self.path, int(status)))


class StaticSite:
    """Maps request targets to files under one root, never outside it; caches by mtime."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._cache: dict[Path, tuple[float, _Resource]] = {}
        self._lock = threading.Lock()

    def file_for(self, target: str) -> Path | None:
        """The file that answers `target` (path and query), or None."""
        parts = urlsplit(target)
        raw_path = unquote(parts.path)
        if "\x00" in raw_path or "\\" in raw_path or not raw_path.startswith("/"):
            return None
        segments = raw_path.split("/")
        if any(segment in ("..", ".") for segment in segments):
            return None
        clean = posixpath.normpath(raw_path).lstrip("/")
        base = self.root / clean if clean not in ("", ".") else self.root
        candidates: list[Path] = []
        if base.is_dir():
            page = parse_qs(parts.query).get("page", [None])[0]
            if page is not None:
                if not page.isdigit() or len(page) > 6:
                    return None
                candidates.append(base / f"page-{int(page)}.html")
            else:
                candidates += [base / "index.html", base / "page-0.html"]
        if not raw_path.endswith("/"):
            candidates += [base.with_name(base.name + ".html"), base]
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved.is_file() and resolved.is_relative_to(self.root):
                return resolved
        return None

    def lookup(self, target: str) -> _Resource | None:
        path = self.file_for(target)
        if path is None:
            return None
        try:
            mtime = path.stat().st_mtime
        except OSError:
            return None
        with self._lock:
            cached = self._cache.get(path)
            if cached is not None and cached[0] == mtime:
                return cached[1]
        try:
            body = path.read_bytes()
        except OSError:
            return None
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        resource = _Resource(body, etag, mtime, _content_type(path))
        with self._lock:
            self._cache[path] = (mtime, resource)
        return resource


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], site: StaticSite) -> None:
        self.site = site
        self.requests: list[RequestRecord] = []
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        super().__init__(address, _Handler)

    def record(self, entry: RequestRecord) -> None:
        with self._lock:
            self.requests.append(entry)

    def track(self, connection: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def close_connections(self) -> None:
        """Wake handler threads blocked on idle keep-alive connections so they end."""
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):  # already closed by the peer
                connection.shutdown(socket.SHUT_RDWR)


class SiteServer:
    """Serve a directory on 127.0.0.1 on a free port, in a daemon thread.

    >>> with SiteServer(paths.demo_site_dir()) as server:  # doctest: +SKIP
    ...     httpx.get(server.base_url + "fr/rss.xml")
    """

    def __init__(
        self, root: Path | str | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.root = Path(root) if root is not None else paths.demo_site_dir()
        if not self.root.is_dir():
            raise FileNotFoundError(f"no site directory at {self.root}")
        self.site = StaticSite(self.root)
        self._host = host
        self._port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the server is not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:PORT/`, with the trailing slash relative profile URLs need."""
        return f"http://{self._host}:{self.port}/"

    @property
    def requests(self) -> list[RequestRecord]:
        """A copy of the requests answered so far, oldest first."""
        if self._server is None:
            return []
        with self._server._lock:
            return list(self._server.requests)

    def clear_requests(self) -> None:
        if self._server is not None:
            with self._server._lock:
                self._server.requests.clear()

    def start(self) -> SiteServer:
        if self._server is not None:
            return self
        server = _Server((self._host, self._port), self.site)
        thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"demo-site-{server.server_address[1]}",
            daemon=True,
        )
        self._server, self._thread = server, thread
        thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = self._thread = None
        server.shutdown()
        server.close_connections()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


DEMO_PORT = 47151
"""The demo's usual port ($NEWSROOM_TUI_DEMO_PORT overrides it): the port of the demo profile's
`base_url`, so the releases' links open in a browser while the demo runs there. The releases'
ids, URLs and text do not depend on the port it is actually served on (Profile.served_from)."""
DEMO_PORT_ENV = "NEWSROOM_TUI_DEMO_PORT"
DEMO_PROFILE = "demo"


def demo_port() -> int:
    """The port the demo is served on when it is free."""
    value = os.environ.get(DEMO_PORT_ENV, "")
    return int(value) if value.isdigit() and 0 < int(value) < 65536 else DEMO_PORT


def start_demo_server(
    root: Path | str | None = None, preferred_port: int | None = None
) -> SiteServer:
    """Serve the demo newsroom on its usual port, or on a free one when that port is taken."""
    try:
        return SiteServer(root, port=preferred_port or demo_port()).start()
    except OSError:
        return SiteServer(root, port=0).start()


def demo_profile(base_url: str) -> Profile:
    """The built-in demo profile fetching from a server at `base_url` (its URLs stay its own).

    Read from the package itself, so a user profile called "demo" cannot shadow it.
    """
    import dataclasses

    profile = load_profile_file(paths.builtin_profiles_dir() / "demo.toml")
    return dataclasses.replace(profile, origin="built-in").served_from(base_url)


def is_unserved_demo(profile: Profile) -> bool:
    """The built-in demo profile, not yet pointed at a running server."""
    return (
        profile.id == DEMO_PROFILE and profile.origin == "built-in" and not profile.fetch.connect_to
    )


@contextlib.contextmanager
def serving_demo(profile: Profile) -> Iterator[Profile]:
    """For the built-in demo profile, serve the demo newsroom on 127.0.0.1 while the block runs
    and give the profile fetching from it; any other profile (or the demo already served) is
    given back as is."""
    if not is_unserved_demo(profile):
        yield profile
        return
    with start_demo_server() as server:
        yield profile.served_from(server.base_url)


def serve_forever_cli(argv: list[str] | None = None) -> int:
    """`python -m newsroom_tui.demo.server [--port N] [--root DIR]`: serve the demo by hand."""
    parser = argparse.ArgumentParser(
        prog="python -m newsroom_tui.demo.server", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)"
    )
    parser.add_argument(
        "--root", default=None, help="directory to serve (default: the demo newsroom)"
    )
    args = parser.parse_args(argv)
    try:
        server = SiteServer(args.root, port=args.port).start()
    except (OSError, FileNotFoundError) as exc:
        print(f"cannot serve: {exc}", file=sys.stderr)
        return 1
    print(
        f"Serving {server.root} at {server.base_url} (news: {server.base_url}fr/news); Ctrl-C stops."
    )
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(serve_forever_cli())
