"""Fetcher against a real loopback server: validators, redirects, caps, bombs, drips, retries."""

from __future__ import annotations

import http.server
import ssl
import subprocess
import threading
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from newsroom_tui import __version__
from newsroom_tui.demo.loopback import Exchange
from newsroom_tui.ingest.fetch import Fetcher, FetchError, retry_after_seconds
from newsroom_tui.models import FetchState
from newsroom_tui.process_settings import tune_process
from newsroom_tui.profiles import FetchSettings
from shortcuts import needs_speedups
from sitekit import Site, closed_port_url

FAST = FetchSettings(deadline=5.0, retries=2, max_retry_after=5.0, connect_timeout=2.0)


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        yield s


async def test_get_sends_user_agent_and_accepts_only_bounded_encodings(site: Site) -> None:
    site.put("/a", "<p>bonjour</p>")
    async with Fetcher(FAST) as fetcher:
        response = await fetcher.get(site.url("/a"), max_bytes=10_000)
    assert response.status == 200
    assert response.body == b"<p>bonjour</p>"
    assert response.charset == "utf-8"
    assert response.etag and response.last_modified
    sent = site.request_headers["/a"][0]
    assert sent["User-Agent"].startswith(f"newsroom-tui/{__version__} (+http")
    assert sent["Accept-Encoding"] == "gzip, deflate"


async def test_conditional_get_sends_validators_byte_identical(site: Site) -> None:
    site.put("/feed", "<rss/>", "application/rss+xml")
    async with Fetcher(FAST) as fetcher:
        first = await fetcher.get(site.url("/feed"), max_bytes=10_000)
        state = first.fetch_state(site.url("/feed"))
        second = await fetcher.get(site.url("/feed"), max_bytes=10_000, state=state)
    assert second.not_modified and second.body is None and second.status == 304
    sent = site.request_headers["/feed"][1]
    assert sent["If-None-Match"] == first.etag
    assert sent["If-Modified-Since"] == first.last_modified


async def test_odd_validators_are_sent_back_unchanged(site: Site) -> None:
    site.put("/x", "body")
    state = FetchState(url="x", etag='W/"weird  etag"', last_modified="yesterday-ish")
    async with Fetcher(FAST) as fetcher:
        await fetcher.get(site.url("/x"), max_bytes=1000, state=state)
    sent = site.request_headers["/x"][0]
    assert sent["If-None-Match"] == 'W/"weird  etag"'
    assert sent["If-Modified-Since"] == "yesterday-ish"


async def test_changed_content_is_fetched_again(site: Site) -> None:
    site.put("/p", "one")
    async with Fetcher(FAST) as fetcher:
        first = await fetcher.get(site.url("/p"), max_bytes=1000)
        site.put("/p", "two")
        second = await fetcher.get(site.url("/p"), max_bytes=1000, state=first.fetch_state("p"))
    assert second.body == b"two"


async def test_gzip_body_is_decoded(site: Site) -> None:
    site.put("/g", "é" * 5000, gzip=True)
    async with Fetcher(FAST) as fetcher:
        response = await fetcher.get(site.url("/g"), max_bytes=100_000)
    assert response.body == ("é" * 5000).encode()


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
async def test_compression_bomb_refused_without_big_allocation(site: Site, encoding: str) -> None:
    site.gzip_bomb("/bomb", size=200_000_000, encoding=encoding)
    tracemalloc.start()
    try:
        async with Fetcher(FAST) as fetcher:
            with pytest.raises(FetchError) as info:
                await fetcher.get(site.url("/bomb"), max_bytes=1_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(info.value) == "larger than 1,000,000 bytes"
    assert info.value.kind == "size"
    assert peak < 20_000_000


async def test_size_cap_while_streaming(site: Site) -> None:
    site.put("/big", b"x" * 300_000)
    site.handle("/big-nolen", lambda req: _chunked(req, b"y" * 300_000))
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match=r"^larger than 100,000 bytes$"):
            await fetcher.get(site.url("/big"), max_bytes=100_000)
        with pytest.raises(FetchError, match=r"^larger than 100,000 bytes$"):
            await fetcher.get(site.url("/big-nolen"), max_bytes=100_000)
        ok = await fetcher.get(site.url("/big"), max_bytes=300_000)
    assert ok.body is not None and len(ok.body) == 300_000


def _chunked(req: Exchange, body: bytes) -> None:
    req.send_head(200, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"})
    for start in range(0, len(body), 8192):
        piece = body[start : start + 8192]
        req.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
    req.wfile.write(b"0\r\n\r\n")


async def test_unknown_content_encoding_is_an_error(site: Site) -> None:
    site.put("/br", "xx", headers={"Content-Encoding": "br"})
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
            await fetcher.get(site.url("/br"), max_bytes=1000)


async def test_slow_drip_stopped_by_the_deadline(site: Site) -> None:
    site.slow_drip("/drip", interval=0.2)
    settings = FetchSettings(deadline=1.0, read_timeout=5.0)
    started = time.monotonic()
    async with Fetcher(settings) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(site.url("/drip"), max_bytes=1_000_000)
    assert str(info.value) == "timed out after 1 s"
    assert time.monotonic() - started < 3


async def test_redirects_followed_up_to_five(site: Site) -> None:
    site.put("/final", "arrived")
    first = site.redirect_chain("/hop", 5, "/final")
    async with Fetcher(FAST) as fetcher:
        response = await fetcher.get(site.url(first), max_bytes=1000)
    assert response.body == b"arrived"
    assert response.url == site.url("/final")


async def test_too_many_redirects(site: Site) -> None:
    site.put("/final", "arrived")
    first = site.redirect_chain("/hop", 6, "/final")
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match=r"^too many redirects \(6\)$"):
            await fetcher.get(site.url(first), max_bytes=1000)


async def test_redirect_loop_reported(site: Site) -> None:
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match=r"^redirect loop") as info:
            await fetcher.get(site.url("/a"), max_bytes=1000)
    assert info.value.kind == "redirect"


@pytest.mark.parametrize(
    "location", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x", "data:,hi"]
)
async def test_redirect_to_another_scheme_refused(site: Site, location: str) -> None:
    site.redirect("/r", location)
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match=r"^redirect refused: not an http\(s\) link: "):
            await fetcher.get(site.url("/r"), max_bytes=1000)


async def test_non_http_url_refused() -> None:
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match="not an http"):
            await fetcher.get("file:///etc/passwd", max_bytes=1000)


async def test_http_errors_are_one_line(site: Site) -> None:
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(site.url("/missing"), max_bytes=1000)
    assert str(info.value) == "HTTP 404 Not Found"
    assert info.value.status == 404
    assert site.count("/missing") == 1  # a 404 is not retried


async def test_500_retried_then_reported(site: Site) -> None:
    site.error("/boom", 500)
    async with Fetcher(FAST, backoff=0.01) as fetcher:
        with pytest.raises(FetchError, match=r"^HTTP 500 Internal Server Error$"):
            await fetcher.get(site.url("/boom"), max_bytes=1000)
    assert site.count("/boom") == 3


async def test_429_retry_after_is_honoured(site: Site) -> None:
    site.put("/busy", "finally")
    site.too_many("/busy", retry_after="1")
    started = time.monotonic()
    async with Fetcher(FAST, backoff=0.01) as fetcher:
        response = await fetcher.get(site.url("/busy"), max_bytes=1000)
    elapsed = time.monotonic() - started
    assert response.body == b"finally"
    assert site.count("/busy") == 2
    assert elapsed >= 0.95


async def test_429_with_excessive_retry_after_gives_up(site: Site) -> None:
    site.put("/busy", "finally")
    site.too_many("/busy", retry_after="3600")
    async with Fetcher(FAST, backoff=0.01) as fetcher:
        with pytest.raises(FetchError, match=r"^HTTP 429 Too Many Requests \(asked to retry"):
            await fetcher.get(site.url("/busy"), max_bytes=1000)
    assert site.count("/busy") == 1


def test_retry_after_parsing() -> None:
    now = datetime(2024, 7, 8, 12, 0, tzinfo=UTC)
    assert retry_after_seconds("120") == 120.0
    assert (
        retry_after_seconds(format_datetime(now + timedelta(seconds=30), usegmt=True), now=now)
        == 30.0
    )
    assert (
        retry_after_seconds(format_datetime(now - timedelta(seconds=30), usegmt=True), now=now)
        == 0.0
    )
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("9" * 400) is not None


async def test_connection_refused() -> None:
    async with Fetcher(FAST, backoff=0.01) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(closed_port_url("/feed"), max_bytes=1000)
    assert str(info.value) == "connection refused"
    assert info.value.kind == "connection"


async def test_lying_content_length(site: Site) -> None:
    site.lying_length("/liar", declared=5000, body=b"<rss>short")
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(site.url("/liar"), max_bytes=100_000)
    assert "\n" not in str(info.value)
    assert info.value.kind == "connection"


async def test_declared_length_over_cap_refused_before_reading(site: Site) -> None:
    site.lying_length("/huge", declared=10**12, body=b"x")
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match=r"^larger than 1,000 bytes$"):
            await fetcher.get(site.url("/huge"), max_bytes=1000)


async def test_wrong_charset_is_not_trusted(site: Site) -> None:
    site.put("/c", "x", content_type="text/html; charset=klingon-8")
    site.put("/d", "x", content_type='text/html; charset="ISO-8859-1"')
    async with Fetcher(FAST) as fetcher:
        bogus = await fetcher.get(site.url("/c"), max_bytes=1000)
        latin = await fetcher.get(site.url("/d"), max_bytes=1000)
    assert bogus.charset is None
    assert latin.charset == "iso-8859-1"


async def test_tls_errors_are_reported_as_such(site: Site) -> None:
    # Speaking TLS to a plain-HTTP server fails the handshake: it must say so, not be hidden.
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(site.url("/x").replace("http://", "https://"), max_bytes=1000)
    assert str(info.value).startswith("TLS error: ")
    assert info.value.kind == "tls"


@pytest.fixture
def tls_site(tmp_path: Path) -> Iterator[str]:
    """An https server on loopback with a self-signed certificate (no CA vouches for it)."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        capture_output=True,
        check=False,
    )  # fmt: skip
    if made.returncode != 0:
        pytest.skip(f"openssl cannot make a certificate here: {made.stderr[-200:]!r}")

    class Answer(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


async def test_https_checks_certificates_after_plain_http_requests(
    site: Site, tls_site: str
) -> None:
    # The TLS side of the client is made at the first https request: it still refuses a
    # certificate no authority signed, and plain http goes on beside it.
    site.put("/plain", "plain")
    async with Fetcher(FAST) as fetcher:
        assert (await fetcher.get(site.url("/plain"), max_bytes=100)).body == b"plain"
        with pytest.raises(FetchError) as info:
            await fetcher.get(tls_site, max_bytes=100)
        assert (await fetcher.get(site.url("/plain"), max_bytes=100)).body == b"plain"
    assert info.value.kind == "tls"
    assert "certificate" in str(info.value), str(info.value)


async def test_keep_alive_reuses_one_connection(site: Site) -> None:
    for index in range(20):
        site.put(f"/k{index}", f"page {index}")
    connections: set[int] = set()

    async with Fetcher(FAST) as fetcher:
        for index in range(20):
            await fetcher.get(site.url(f"/k{index}"), max_bytes=1000)
        pool = fetcher._client._transport._plain._pool  # type: ignore[attr-defined]
        connections = {id(c) for c in pool.connections}
    assert len(connections) == 1


@needs_speedups
async def test_httpcore_tells_its_async_library_without_searching_for_sniffio(site: Site) -> None:
    """httpcore imports sniffio per lock and per request; when it is not installed, its absence
    is recorded by tune_process() (which the CLI, the app and the workers call), so the import
    fails at once instead of searching sys.path every time."""
    import importlib.util
    import sys

    import httpcore._synchronization

    tune_process()
    assert "sniffio" in sys.modules  # the module, or None: known absent
    if sys.modules["sniffio"] is None:
        assert importlib.util.find_spec("sniffio") is None
    assert httpcore._synchronization.current_async_library() == "asyncio"
    site.put("/a", "<p>ok</p>")
    async with Fetcher(FAST) as fetcher:
        assert (await fetcher.get(site.url("/a"), max_bytes=1_000)).body == b"<p>ok</p>"


class _FailingTransport(httpx.AsyncBaseTransport):
    """A connection layer that fails as the real one did on a port out of range: the error it
    raises is none of httpx's own."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise self.error


@pytest.mark.parametrize(
    "error",
    [
        ExceptionGroup("unhandled errors in a TaskGroup", [OverflowError("port must be 0-65535")]),
        OverflowError("connect(): port must be 0-65535."),
        OSError(99, "Cannot assign requested address"),
        UnicodeError("label empty or too long"),
    ],
    ids=["group", "overflow", "oserror", "unicode"],
)
async def test_any_error_of_the_connection_layer_is_one_requests_one_line(
    error: BaseException, caplog: pytest.LogCaptureFixture
) -> None:
    async with Fetcher(FAST, transport=_FailingTransport(error)) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get("http://127.0.0.1:8000/x", max_bytes=1000)
    message = str(info.value)
    assert message.startswith("network error: ") and "\n" not in message
    leaf = error.exceptions[0] if isinstance(error, ExceptionGroup) else error
    assert type(leaf).__name__ in message
    assert any(record.exc_info for record in caplog.records)  # the traceback is in the log


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:99999/x", "http://127.0.0.1:0/x", "http://[::1/x", "http://u:p@h.example/"],
)
async def test_a_url_no_connection_can_use_is_refused_before_any_request(url: str) -> None:
    transport = _FailingTransport(AssertionError("no request may be sent"))
    async with Fetcher(FAST, transport=transport) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(url, max_bytes=1000)
    assert info.value.kind == "url" and "\n" not in str(info.value)
    assert fetcher.requests == 0
