"""Polite, bounded HTTP fetching: one httpx client per sync, per-host concurrency, conditional GET.

Every request is bounded in time (connect and read timeouts, plus an overall deadline around the
whole exchange, redirects included, so a server dripping one byte at a time is stopped) and in
size (checked while streaming and again after decompression: only gzip and deflate are requested,
and they are decoded incrementally with a cap, so a compression bomb never allocates more than
the cap). Redirects are followed here, not by httpx, so every hop is checked: at most five, http
and https only, loops reported. Failures raise `FetchError`, whose str() is one line for the user.
"""

from __future__ import annotations

import asyncio
import codecs
import enum
import logging
import random
import re
import socket
import ssl
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import httpx

from newsroom_tui import PROJECT_URL, __version__
from newsroom_tui.models import FetchState
from newsroom_tui.profiles import FetchSettings
from newsroom_tui.sanitise import clean_line
from newsroom_tui.urls import UrlRefused, check_url, join_url

log = logging.getLogger(__name__)

USER_AGENT = f"newsroom-tui/{__version__} (+{PROJECT_URL})"
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRYABLE = frozenset({429, 500, 502, 503, 504})
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


class FetchErrorKind(enum.StrEnum):
    """What went wrong with a request, for callers to act on (never the message's wording)."""

    HTTP = "http"
    """The server answered with an error status (`FetchError.status`)."""
    TIMEOUT = "timeout"
    SIZE = "size"
    """The answer was larger than the cap."""
    REDIRECT = "redirect"
    """A redirect was refused: another scheme, a URL no connection can use, a loop, too many."""
    CONNECTION = "connection"
    """No connection, or it failed during the exchange (see HostUnreachable for the host)."""
    TLS = "tls"
    ENCODING = "encoding"
    """A content encoding that is not supported, or a corrupt compressed body."""
    URL = "url"
    """The URL was refused before any request (see newsroom_tui.urls)."""


class FetchError(Exception):
    """A request that did not produce a usable answer; str() is one line for the user.

    `kind` says what went wrong; `status` is the HTTP status when there was one.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: FetchErrorKind,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.retry_after = retry_after
        """Seconds the server asked us to wait (Retry-After), when it said."""


class HostUnreachable(FetchError):
    """The host cannot be reached at all (its name is not found, or nothing accepts the
    connection): every later request to it in the same sync would fail the same way."""

    def __init__(self, message: str) -> None:
        super().__init__(message, kind=FetchErrorKind.CONNECTION)


@dataclass(slots=True)
class FetchResponse:
    """The outcome of one successful GET (a 2xx with its body, or a 304)."""

    url: str
    """The final URL, after redirects."""
    status: int
    body: bytes | None
    """The decoded body; None when the server answered 304 Not Modified."""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    charset: str | None = None
    """The charset the server declared, when Python knows it (else None)."""

    @property
    def not_modified(self) -> bool:
        return self.body is None

    def fetch_state(self, url: str, *, content_hash: str | None = None) -> FetchState:
        """Validators to remember for `url` (the URL as requested) for the next conditional GET."""
        return FetchState(
            url=url,
            etag=self.etag,
            last_modified=self.last_modified,
            content_hash=content_hash,
            checked_at=datetime.now(UTC),
        )


def _reason_phrase(status: int) -> str:
    return httpx.codes.get_reason_phrase(status)


def _http_error(status: int) -> FetchError:
    phrase = _reason_phrase(status)
    text = f"HTTP {status} {phrase}".rstrip()
    return FetchError(text, kind=FetchErrorKind.HTTP, status=status)


def _size_error(max_bytes: int) -> FetchError:
    return FetchError(f"larger than {max_bytes:,} bytes", kind=FetchErrorKind.SIZE)


def _sendable(validator: str | None) -> str | None:
    """A stored ETag/Last-Modified if it can go back in a header: printable ASCII, sane length.

    A server can send anything (httpx decodes header bytes as Latin-1); sending it back as is
    would fail on every later sync (non-ASCII) or be refused by the HTTP layer (controls).
    """
    if validator and len(validator) <= 1024 and all(" " <= ch <= "~" for ch in validator):
        return validator
    return None


def _charset(content_type: str) -> str | None:
    match = _CHARSET.search(content_type)
    if not match:
        return None
    name = match.group(1)
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name.lower()


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta seconds or an HTTP date); None if unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(int(value[:9]))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    delta = (when - (now or datetime.now(UTC))).total_seconds()
    return max(0.0, delta)


def request_url(url: str) -> str:
    """The URL a request may be sent to (see `newsroom_tui.urls.check_url`), else FetchError."""
    try:
        return check_url(url)
    except UrlRefused as exc:
        raise FetchError(str(exc), kind=FetchErrorKind.URL) from None


def redirect_target(current: str, location: str) -> str:
    """Where a redirect from `current` with this Location leads, checked like any URL to fetch;
    else FetchError (a Location no parser can read, another scheme, a port out of range...)."""
    try:
        return join_url(current, location)
    except UrlRefused as exc:
        raise FetchError(f"redirect refused: {exc}", kind=FetchErrorKind.REDIRECT) from None


def _leaf_reason(exc: BaseException) -> str:
    """One line for an unexpected error: the first exception inside a group, with its type."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    text = clean_line(str(exc), limit=160)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _walk_causes(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 10:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _connection_error(exc: httpx.TransportError, settings: FetchSettings) -> FetchError:
    """One line for a transport failure; TLS problems are always named as such."""
    causes = _walk_causes(exc)
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError):
            detail = cause.verify_message or cause.reason or "certificate verification failed"
            return FetchError(
                f"TLS error: {clean_line(str(detail), limit=160)}", kind=FetchErrorKind.TLS
            )
        if isinstance(cause, ssl.SSLError):
            detail = cause.reason or str(cause)
            return FetchError(
                f"TLS error: {clean_line(str(detail), limit=160)}", kind=FetchErrorKind.TLS
            )
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(
            f"could not connect within {settings.connect_timeout:g} s", kind=FetchErrorKind.TIMEOUT
        )
    if isinstance(exc, httpx.ReadTimeout):
        return FetchError(f"no data for {settings.read_timeout:g} s", kind=FetchErrorKind.TIMEOUT)
    if isinstance(exc, httpx.TimeoutException):
        return FetchError("timed out", kind=FetchErrorKind.TIMEOUT)
    for cause in causes:
        if isinstance(cause, socket.gaierror):
            return HostUnreachable("host name not found")
        if isinstance(cause, ConnectionRefusedError):
            return HostUnreachable("connection refused")
        if isinstance(cause, ConnectionResetError):
            return FetchError("connection reset by the server", kind=FetchErrorKind.CONNECTION)
    text = str(exc)
    if isinstance(exc, httpx.ConnectError):
        lowered = text.lower()
        if "refused" in lowered:
            return HostUnreachable("connection refused")
        if "name or service" in lowered or "nodename" in lowered or "resolution" in lowered:
            return HostUnreachable("host name not found")
        return FetchError(
            f"cannot connect: {clean_line(text, limit=160) or type(exc).__name__}",
            kind=FetchErrorKind.CONNECTION,
        )
    if isinstance(exc, httpx.RemoteProtocolError):
        if "incomplete" in text.lower() or "peer closed" in text.lower():
            return FetchError(
                "connection closed before the end of the answer", kind=FetchErrorKind.CONNECTION
            )
        return FetchError(
            f"invalid HTTP answer: {clean_line(text, limit=160)}", kind=FetchErrorKind.CONNECTION
        )
    return FetchError(
        f"network error: {clean_line(text, limit=160) or type(exc).__name__}",
        kind=FetchErrorKind.CONNECTION,
    )


class _Decoder:
    """Incremental Content-Encoding decoder that never produces more than `limit` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.total = 0
        self.parts: list[bytes] = []
        self.encoding = encoding
        self._first = True
        self._obj: zlib._Decompress | None = None
        if encoding in ("gzip", "x-gzip"):
            self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._obj = zlib.decompressobj(zlib.MAX_WBITS)
        elif encoding not in ("", "identity"):
            raise FetchError(
                f"unsupported content encoding {clean_line(encoding, limit=40)!r}",
                kind=FetchErrorKind.ENCODING,
            )

    def _emit(self, data: bytes) -> None:
        self.total += len(data)
        if self.total > self.limit:
            raise _size_error(self.limit)
        if data:
            self.parts.append(data)

    def feed(self, chunk: bytes) -> None:
        if self._obj is None:
            self._emit(chunk)
            return
        if self._obj.eof:
            return  # trailing garbage after the compressed stream is ignored
        if self._first and self.encoding == "deflate" and chunk:
            self._first = False
            # "deflate" is often sent raw, without the zlib header it is supposed to have.
            try:
                probe = zlib.decompressobj(zlib.MAX_WBITS)
                probe.decompress(chunk[:2])
            except zlib.error:
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
        self._first = False
        data = chunk
        try:
            while data and not self._obj.eof:
                out = self._obj.decompress(data, self.limit - self.total + 1)
                self._emit(out)
                data = self._obj.unconsumed_tail
        except zlib.error as exc:
            raise FetchError(f"corrupt {self.encoding} body", kind=FetchErrorKind.ENCODING) from exc

    def finish(self) -> bytes:
        if self._obj is not None:
            try:
                self._emit(self._obj.flush(self.limit - self.total + 1))
            except zlib.error as exc:
                raise FetchError(
                    f"corrupt {self.encoding} body", kind=FetchErrorKind.ENCODING
                ) from exc
        return b"".join(self.parts)


_LOCATION = "x-newsroom-location"


async def _hide_location(response: httpx.Response) -> None:
    """Move Location aside so httpx does not parse it: every hop is checked by `Fetcher._follow`.

    (httpx builds the next request even with follow_redirects=False, and raises its own errors on
    a Location it cannot parse, such as `javascript:` URLs.)
    """
    location = response.headers.get("location")
    if location is not None:
        del response.headers["location"]
        response.headers[_LOCATION] = location


class _ConnectTo(httpx.AsyncBaseTransport):
    """Sends requests for some origins to others (FetchSettings.connect_to); the responses keep
    the URL asked for, so everything downstream sees the site's own addresses."""

    def __init__(self, inner: httpx.AsyncBaseTransport, routes: tuple[tuple[str, str], ...]):
        self.inner = inner
        self.routes = {
            _origin_key(httpx.URL(origin)): httpx.URL(target) for origin, target in routes
        }

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        target = self.routes.get(_origin_key(request.url))
        if target is not None:
            request = httpx.Request(
                request.method,
                request.url.copy_with(scheme=target.scheme, host=target.host, port=target.port),
                headers=request.headers,
                stream=request.stream,
                extensions=request.extensions,
            )
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


class _TlsWhenNeeded(httpx.AsyncBaseTransport):
    """http:// requests through a plain transport; the TLS one is made at the first https://
    request. Making it loads the CA certificates (~0.1 s), which a sync of a site on plain http
    (a local mirror, the demo, an unchanged re-sync's one request) never needs."""

    def __init__(self, limits: httpx.Limits) -> None:
        self._limits = limits
        # verify=False loads no certificates: this transport only ever sees http://
        self._plain = httpx.AsyncHTTPTransport(
            verify=False, http1=True, http2=False, limits=limits, trust_env=False
        )
        self._tls: httpx.AsyncHTTPTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme != "https":
            return await self._plain.handle_async_request(request)
        if self._tls is None:
            self._tls = httpx.AsyncHTTPTransport(
                http1=True, http2=False, limits=self._limits, trust_env=False
            )
        return await self._tls.handle_async_request(request)

    async def aclose(self) -> None:
        await self._plain.aclose()
        if self._tls is not None:
            await self._tls.aclose()


def _origin_key(url: httpx.URL) -> tuple[str, str, int | None]:
    default = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host, url.port or default)


class Fetcher:
    """One HTTP client for a sync; use as `async with Fetcher(settings) as fetcher:`."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        user_agent: str = USER_AGENT,
        backoff: float = 1.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.backoff = backoff
        """Base of the exponential backoff between retries, in seconds (tests make it small)."""
        self.requests = 0
        """HTTP requests sent (each hop and retry counts)."""
        self._semaphores: dict[str, asyncio.Semaphore] = {}
        s = self.settings
        limits = httpx.Limits(
            max_connections=max(8, s.concurrency * 4),
            max_keepalive_connections=max(8, s.concurrency * 4),
            keepalive_expiry=30.0,
        )
        if transport is None:
            transport = _TlsWhenNeeded(limits)
            if s.connect_to:
                transport = _ConnectTo(transport, s.connect_to)
        self._client = httpx.AsyncClient(
            http1=True,
            http2=False,
            follow_redirects=False,
            timeout=httpx.Timeout(
                connect=s.connect_timeout,
                read=s.read_timeout,
                write=s.read_timeout,
                pool=s.deadline,
            ),
            limits=limits,
            headers={
                "User-Agent": user_agent,
                "Accept-Encoding": "gzip, deflate",
                "Accept": "*/*",
            },
            trust_env=False,
            transport=transport,
            event_hooks={"response": [_hide_location]},
        )

    async def __aenter__(self) -> Self:
        await self._client.__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._client.__aexit__(exc_type, exc, tb)

    async def aclose(self) -> None:
        await self._client.aclose()

    def _semaphore(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        sem = self._semaphores.get(host)
        if sem is None:
            sem = asyncio.Semaphore(self.settings.concurrency)
            self._semaphores[host] = sem
        return sem

    async def get(
        self, url: str, *, max_bytes: int, state: FetchState | None = None
    ) -> FetchResponse:
        """GET `url` with retries on 429/5xx; raise FetchError with a one-line reason."""
        checked = request_url(url)
        settings = self.settings
        attempt = 0
        while True:
            try:
                return await self._attempt(checked, max_bytes, state)
            except FetchError as exc:
                retry = exc.status in _RETRYABLE and attempt < settings.retries
                if not retry:
                    raise
                wait = exc.retry_after
                if wait is None:
                    wait = self.backoff * (2**attempt) * (1 + random.random() / 4)
                elif wait > settings.max_retry_after:
                    raise FetchError(
                        f"{exc} (asked to retry after {wait:,.0f} s)",
                        kind=FetchErrorKind.HTTP,
                        status=exc.status,
                    ) from None
                attempt += 1
                await asyncio.sleep(wait)

    async def _attempt(self, url: str, max_bytes: int, state: FetchState | None) -> FetchResponse:
        headers: dict[str, str] = {}
        if state is not None:
            etag, last_modified = _sendable(state.etag), _sendable(state.last_modified)
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        deadline = self.settings.deadline
        try:
            async with asyncio.timeout(deadline):
                return await self._follow(url, headers, max_bytes)
        except TimeoutError:
            raise FetchError(
                f"timed out after {deadline:g} s", kind=FetchErrorKind.TIMEOUT
            ) from None
        except httpx.TransportError as exc:
            raise _connection_error(exc, self.settings) from exc
        except httpx.InvalidURL as exc:
            raise FetchError(
                f"invalid URL: {clean_line(str(exc), limit=80)}", kind=FetchErrorKind.URL
            ) from exc
        except FetchError:
            raise
        except Exception as exc:
            # Whatever else the HTTP client or the connection layer raises for one request
            # (an ExceptionGroup from its connection attempts, an OSError it did not wrap) is
            # that request's failure, not the caller's crash.
            log.warning("request to %s failed unexpectedly", url, exc_info=True)
            raise FetchError(
                f"network error: {_leaf_reason(exc)}", kind=FetchErrorKind.CONNECTION
            ) from exc

    async def _follow(self, url: str, headers: Mapping[str, str], max_bytes: int) -> FetchResponse:
        visited = [url]
        current = url
        while True:
            async with self._semaphore(current):
                result = await self._one(current, headers, max_bytes)
            if isinstance(result, FetchResponse):
                return result
            target = redirect_target(current, result)
            if target in visited:
                raise FetchError(
                    f"redirect loop ({len(visited)} hops)", kind=FetchErrorKind.REDIRECT
                )
            visited.append(target)
            if len(visited) - 1 > MAX_REDIRECTS:
                raise FetchError(
                    f"too many redirects ({len(visited) - 1})", kind=FetchErrorKind.REDIRECT
                )
            current = target

    async def _one(
        self, url: str, headers: Mapping[str, str], max_bytes: int
    ) -> FetchResponse | str:
        """One request: a response, or the Location of a redirect."""
        self.requests += 1
        async with self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in _REDIRECTS:
                location = response.headers.get(_LOCATION, "").strip()
                if not location:
                    raise FetchError(
                        f"HTTP {status} redirect without a Location", kind=FetchErrorKind.REDIRECT
                    )
                return location
            etag = response.headers.get("etag")
            last_modified = response.headers.get("last-modified")
            content_type = response.headers.get("content-type", "")
            if status == 304:
                return FetchResponse(
                    str(response.url),
                    status,
                    None,
                    etag,
                    last_modified,
                    content_type,
                    _charset(content_type),
                )
            if not 200 <= status < 300:
                error = _http_error(status)
                if status in _RETRYABLE:
                    error.retry_after = retry_after_seconds(response.headers.get("retry-after"))
                raise error
            declared = response.headers.get("content-length", "").strip()
            encoding = response.headers.get("content-encoding", "").strip().lower()
            if declared.isdigit() and int(declared) > max_bytes and encoding in ("", "identity"):
                raise _size_error(max_bytes)
            decoder = _Decoder(encoding, max_bytes)
            raw_total = 0
            async for chunk in response.aiter_raw():
                raw_total += len(chunk)
                if raw_total > max_bytes:
                    raise _size_error(max_bytes)
                decoder.feed(chunk)
            body = decoder.finish()
            return FetchResponse(
                str(response.url),
                status,
                body,
                etag,
                last_modified,
                content_type,
                _charset(content_type),
            )


def host_reachable(url: str, timeout: float = 3.0) -> bool:
    """Whether the URL's host accepts a TCP connection (nothing is sent): the reader's cheap
    online/offline check at start."""
    try:
        parts = urlsplit(check_url(url))
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:  # UrlRefused is one
        return False
    if not parts.hostname:
        return False
    try:
        with socket.create_connection((parts.hostname, port), timeout=timeout):
            return True
    except (OSError, ValueError, OverflowError, UnicodeError):
        return False
