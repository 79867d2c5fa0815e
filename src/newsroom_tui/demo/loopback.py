"""The loopback site server core: a threaded HTTP/1.1 server on 127.0.0.1 that behaves like a
polite real site, shared by the demo newsroom (`demo.server`), the benchmarks
(`benchmarks/server.py`) and the integration tests (`tests/sitekit.py`).

Each of them says what a request gets (`answer`, a function of the exchange); the core does the
rest once: keep-alive with Content-Length, TCP_NODELAY, HEAD, conditional GET (a strong ETag and
Last-Modified; If-None-Match wins over If-Modified-Since, as RFC 9110 says), a hook that sees
every response's status before it leaves, and a shutdown that wakes idle keep-alive connections.
No Textual imports: this is core code.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import socket
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

IDLE_TIMEOUT = 30.0
"""Seconds an idle keep-alive connection is kept open."""


@dataclass(frozen=True, slots=True)
class Resource:
    """What a path answers: a body with its validators."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    """An HTTP date."""
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)
    """Sent with the answer (a 304 repeats only the caching ones)."""


def strong_etag(body: bytes, length: int = 32) -> str:
    """A strong ETag from the bytes (so a change of content changes it)."""
    return '"' + hashlib.sha256(body).hexdigest()[:length] + '"'


def http_date(timestamp: float) -> str:
    return email.utils.formatdate(timestamp, usegmt=True)


class Exchange(BaseHTTPRequestHandler):
    """One request on a keep-alive connection; `answer` functions reply through it."""

    protocol_version = "HTTP/1.1"
    server_version = "newsroom-tui-loopback/1"
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
        """Quiet: the demo runs under a terminal UI; tests and benchmarks count instead."""

    def do_GET(self) -> None:
        self.head_only = False
        self.server.answer(self)

    def do_HEAD(self) -> None:
        self.head_only = True
        self.server.answer(self)

    @property
    def target(self) -> str:
        """The request target as sent (path and query)."""
        return self.path

    def send_head(self, status: int, headers: Mapping[str, str] | None = None) -> None:
        """The status line and headers; the status is reported to the server's `observe` hook
        before they leave, so a client never sees an answer not yet counted."""
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.server.observe(self, status)
        self.end_headers()

    def send_body(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """A whole answer with its Content-Length (no body written for HEAD)."""
        head = {"Content-Type": content_type, "Content-Length": str(len(body))}
        head.update(headers or {})
        self.send_head(status, head)
        if body and not self.head_only:
            self.wfile.write(body)

    def not_modified(self, resource: Resource) -> bool:
        """Whether the request's validators match: If-None-Match (a list, or `*`) when sent,
        else If-Modified-Since at or after Last-Modified."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {tag.strip() for tag in if_none_match.split(",")}
            return "*" in tags or (resource.etag is not None and resource.etag in tags)
        since = self.headers.get("If-Modified-Since")
        if not since or resource.last_modified is None:
            return False
        try:
            asked = email.utils.parsedate_to_datetime(since)
            modified = email.utils.parsedate_to_datetime(resource.last_modified)
        except (TypeError, ValueError):
            return False
        return modified <= asked

    def serve(self, resource: Resource, *, extra: Mapping[str, str] | None = None) -> int:
        """Answer with `resource`, or 304 when the request's validators match; the status sent.
        `extra` headers go with a 200 only (Content-Encoding, say, with a body changed to match:
        pass it as `resource.body`)."""
        validators: dict[str, str] = {}
        if resource.etag:
            validators["ETag"] = resource.etag
        if resource.last_modified:
            validators["Last-Modified"] = resource.last_modified
        if resource.status == 200 and self.not_modified(resource):
            kept = {k: v for k, v in resource.headers.items() if k.lower() in _KEPT_ON_304}
            self.send_head(304, {**validators, **kept})
            return 304
        headers = {**validators, **resource.headers, **(extra or {})}
        self.send_body(resource.status, resource.body, resource.content_type, headers)
        return resource.status


_KEPT_ON_304 = frozenset(("cache-control", "expires", "vary", "content-location"))
"""Headers a 304 repeats from the 200 it stands for (RFC 9110, 15.4.5)."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        answer: Callable[[Exchange], None],
        observe: Callable[[Exchange, int], None] | None,
    ) -> None:
        self.answer = answer
        self._observe = observe
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        super().__init__(address, Exchange)

    def observe(self, exchange: Exchange, status: int) -> None:
        if self._observe is not None:
            self._observe(exchange, status)

    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client hanging up mid-answer is ordinary here

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


class LoopbackServer:
    """The server on 127.0.0.1 (a free port unless one is given), in a daemon thread.

    >>> with LoopbackServer(lambda exchange: exchange.send_body(200, b"ok")) as server:
    ...     ...  # doctest: +SKIP
    """

    def __init__(
        self,
        answer: Callable[[Exchange], None],
        *,
        observe: Callable[[Exchange, int], None] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        name: str = "loopback",
    ) -> None:
        self._answer = answer
        self._observe = observe
        self._host = host
        self._port = port
        self._name = name
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
    def origin(self) -> str:
        """`http://127.0.0.1:PORT` (no trailing slash)."""
        return f"http://{self._host}:{self.port}"

    def start(self) -> LoopbackServer:
        """Bind and serve (OSError when the port is taken)."""
        if self._server is not None:
            return self
        server = _Server((self._host, self._port), self._answer, self._observe)
        thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"{self._name}-{server.server_address[1]}",
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

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
