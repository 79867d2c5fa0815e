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

from newsroom_tui.demo import loopback
from newsroom_tui.demo.loopback import Exchange, LoopbackServer

Handler = Callable[[Exchange], None]


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


def serve(req: Exchange, resource: Resource) -> None:
    """Answer with `resource` through the loopback core (conditional GET included)."""
    body = resource.body
    extra: dict[str, str] = {}
    if resource.gzip and "gzip" in (req.headers.get("Accept-Encoding") or ""):
        body = gzip.compress(body)
        extra["Content-Encoding"] = "gzip"
    req.serve(
        loopback.Resource(
            body,
            resource.content_type,
            resource.etag,
            resource.last_modified,
            resource.status,
            resource.headers,
        ),
        extra=extra,
    )


class Site:
    """The loopback server. Use `with Site() as site:`; `site.url('/x')` is an absolute URL."""

    def __init__(self, port: int = 0) -> None:
        self.resources: dict[str, Resource] = {}
        self.handlers: dict[str, Handler] = {}
        self.requests: Counter[str] = Counter()
        self.statuses: Counter[tuple[str, int]] = Counter()
        self.request_headers: dict[str, list[dict[str, str]]] = {}
        self.stop_event = threading.Event()
        self._lock = threading.Lock()
        self._server = LoopbackServer(self._answer, observe=self._observe, port=port, name="site")
        self._server.start()

    def _answer(self, req: Exchange) -> None:
        self._record(req.target, req.headers)
        handler = self.handlers.get(req.target)
        if handler is not None:
            handler(req)
            return
        resource = self.resources.get(req.target)
        if resource is None:
            req.send_body(404, b"<html><body>Not found</body></html>", "text/html")
            return
        serve(req, resource)

    def _observe(self, req: Exchange, status: int) -> None:
        self._status(req.target, status)

    # --- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> Site:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_event.set()
        self._server.stop()

    @property
    def port(self) -> int:
        return self._server.port

    @property
    def base(self) -> str:
        return self._server.origin

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

        def handler(req: Exchange) -> None:
            req.send_head(
                200, {"Content-Type": "application/rss+xml", "Content-Length": str(total)}
            )
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

        def handler(req: Exchange) -> None:
            req.send_body(200, payload, "application/rss+xml", {"Content-Encoding": encoding})

        self.handle(path, handler)
        return len(payload)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        def handler(req: Exchange) -> None:
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

        def handler(req: Exchange) -> None:
            req.send_head(
                200, {"Content-Type": "application/rss+xml", "Content-Length": str(declared)}
            )
            req.wfile.write(body)
            req.wfile.flush()
            req.close_connection = True

        self.handle(path, handler)

    def error(self, path: str, status: int = 500, headers: dict[str, str] | None = None) -> None:
        def handler(req: Exchange) -> None:
            req.send_body(status, b"<html><body>Server error</body></html>", headers=headers)

        self.handle(path, handler)

    def too_many(self, path: str, *, retry_after: str, times: int = 1) -> None:
        """Answer 429 with Retry-After the first `times` requests, then serve the resource."""
        remaining = [times]

        def handler(req: Exchange) -> None:
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
                serve(req, resource)

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
