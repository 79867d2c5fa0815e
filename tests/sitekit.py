"""A real HTTP/1.1 server on 127.0.0.1 for tests: in-memory pages plus misbehaving handlers.

`Site` serves a dict of path (with query) -> `Resource`, answering conditional requests with 304
when the ETag or Last-Modified matches, and counts every request and status per path so tests can
assert "nothing was re-fetched". Content can be changed between requests (`put`, `remove`).
Misbehaviour is registered per path: slow drip, gzip bomb, redirect chains and loops, a lying
Content-Length, 429 with Retry-After, 5xx, a wrong charset. Nothing here touches the internet.
"""

from __future__ import annotations

import gzip
import hashlib
import socket
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[["_RequestHandler"], None]


@dataclass
class Resource:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    gzip: bool = False
    """Send the body gzip-encoded when the client accepts it."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    site: Site

    def handle_error(self, request: object, client_address: object) -> None:
        return  # clients hanging up on a misbehaving handler is expected here


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: avoid 40 ms stalls
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        site = self.server.site
        site._record(self.path, self.headers)
        handler = site.handlers.get(self.path)
        if handler is not None:
            handler(self)
            return
        resource = site.resources.get(self.path)
        if resource is None:
            self.send_body(404, b"<html><body>Not found</body></html>", "text/html")
            return
        self.serve(resource)

    def send_body(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.server.site._status(self.path, status)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def serve(self, resource: Resource) -> None:
        validators: dict[str, str] = {}
        if resource.etag:
            validators["ETag"] = resource.etag
        if resource.last_modified:
            validators["Last-Modified"] = resource.last_modified
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if resource.status == 200 and (
            (inm is not None and resource.etag is not None and inm == resource.etag)
            or (
                inm is None
                and ims is not None
                and resource.last_modified is not None
                and ims == resource.last_modified
            )
        ):
            self.server.site._status(self.path, 304)
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            return
        body = resource.body
        headers = dict(validators)
        headers.update(resource.headers)
        if resource.gzip and "gzip" in (self.headers.get("Accept-Encoding") or ""):
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        self.send_body(resource.status, body, resource.content_type, headers)


class Site:
    """The loopback server. Use `with Site() as site:`; `site.url('/x')` is an absolute URL."""

    def __init__(self) -> None:
        self.resources: dict[str, Resource] = {}
        self.handlers: dict[str, Handler] = {}
        self.requests: Counter[str] = Counter()
        self.statuses: Counter[tuple[str, int]] = Counter()
        self.request_headers: dict[str, list[dict[str, str]]] = {}
        self.stop_event = threading.Event()
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _RequestHandler)
        self._server.site = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # --- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> Site:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_event.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    # --- content -----------------------------------------------------------------------------
    def put(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        *,
        etag: bool = True,
        last_modified: bool = True,
        gzip: bool = False,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> Resource:
        """Serve `body` at `path`; validators derive from the content, so a change changes them."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        digest = hashlib.sha256(data).hexdigest()[:16]
        previous = self.resources.get(path)
        stamp = formatdate(1_700_000_000 + int(digest[:6], 16), usegmt=True)
        if previous is not None and previous.body == data and previous.last_modified:
            stamp = previous.last_modified
        resource = Resource(
            data,
            content_type,
            status,
            f'"{digest}"' if etag else None,
            stamp if last_modified else None,
            dict(headers or {}),
            gzip,
        )
        with self._lock:
            self.resources[path] = resource
            self.handlers.pop(path, None)
        return resource

    def remove(self, path: str) -> None:
        with self._lock:
            self.resources.pop(path, None)
            self.handlers.pop(path, None)

    def handle(self, path: str, handler: Handler) -> None:
        with self._lock:
            self.handlers[path] = handler

    # --- counting ----------------------------------------------------------------------------
    def _record(self, path: str, headers: object) -> None:
        with self._lock:
            self.requests[path] += 1
            items = dict(headers.items()) if hasattr(headers, "items") else {}
            self.request_headers.setdefault(path, []).append(items)

    def _status(self, path: str, status: int) -> None:
        with self._lock:
            self.statuses[(path, status)] += 1

    def count(self, path: str) -> int:
        return self.requests[path]

    def status_count(self, status: int) -> int:
        return sum(n for (_, code), n in self.statuses.items() if code == status)

    def total_requests(self) -> int:
        return sum(self.requests.values())

    def reset_counts(self) -> None:
        with self._lock:
            self.requests.clear()
            self.statuses.clear()
            self.request_headers.clear()

    # --- misbehaviour ------------------------------------------------------------------------
    def slow_drip(self, path: str, *, interval: float = 0.5, total: int = 10_000) -> None:
        """Announce `total` bytes and send one every `interval` seconds."""

        def handler(req: _RequestHandler) -> None:
            self._status(path, 200)
            req.send_response(200)
            req.send_header("Content-Type", "application/rss+xml")
            req.send_header("Content-Length", str(total))
            req.end_headers()
            try:
                for _ in range(total):
                    req.wfile.write(b"<")
                    req.wfile.flush()
                    if self.stop_event.wait(interval):
                        break
            except OSError:
                pass
            req.close_connection = True

        self.handle(path, handler)

    def gzip_bomb(self, path: str, *, size: int = 200_000_000, encoding: str = "gzip") -> int:
        """A small gzip (or deflate) body that expands to `size` zero bytes; returns its length."""
        chunk = b"\0" * 1_000_000
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31 if encoding == "gzip" else 15)
        parts = [compressor.compress(chunk) for _ in range(size // len(chunk))]
        parts.append(compressor.flush())
        payload = b"".join(parts)

        def handler(req: _RequestHandler) -> None:
            req.send_body(200, payload, "application/rss+xml", {"Content-Encoding": encoding})

        self.handle(path, handler)
        return len(payload)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        def handler(req: _RequestHandler) -> None:
            req.send_body(status, b"", "text/html", {"Location": location})

        self.handle(path, handler)

    def redirect_chain(self, prefix: str, hops: int, final: str) -> str:
        """prefix0 -> prefix1 -> ... -> final; returns the first path."""
        for index in range(hops):
            target = f"{prefix}{index + 1}" if index + 1 < hops else final
            self.redirect(f"{prefix}{index}", target)
        return f"{prefix}0"

    def lying_length(self, path: str, *, declared: int, body: bytes) -> None:
        """Announce more bytes than are sent, then close the connection."""

        def handler(req: _RequestHandler) -> None:
            req.send_response(200)
            req.send_header("Content-Type", "application/rss+xml")
            req.send_header("Content-Length", str(declared))
            req.end_headers()
            req.wfile.write(body)
            req.wfile.flush()
            req.close_connection = True

        self.handle(path, handler)

    def error(self, path: str, status: int = 500, headers: dict[str, str] | None = None) -> None:
        def handler(req: _RequestHandler) -> None:
            req.send_body(status, b"<html><body>Server error</body></html>", headers=headers)

        self.handle(path, handler)

    def too_many(self, path: str, *, retry_after: str, times: int = 1) -> None:
        """Answer 429 with Retry-After the first `times` requests, then serve the resource."""
        remaining = [times]

        def handler(req: _RequestHandler) -> None:
            with self._lock:
                first = remaining[0] > 0
                remaining[0] -= 1
            if first:
                req.send_body(429, b"slow down", headers={"Retry-After": retry_after})
                return
            resource = self.resources.get(path)
            if resource is None:
                req.send_body(404, b"gone")
            else:
                req.serve(resource)

        self.handle(path, handler)


def closed_port_url(path: str = "/") -> str:
    """A loopback URL nothing listens on (connection refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


@contextmanager
def running_site() -> Iterator[Site]:
    with Site() as site:
        yield site
