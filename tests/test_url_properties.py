"""Property tests: URLs generated from a grammar that includes every bad part a server can send
(schemes, user names and passwords, IPv4 and bracketed IPv6 hosts valid and not, international
names, percent-escapes, ports out of range, control and invisible characters, very long URLs)
through the one URL check (`newsroom_tui.urls`), `safe_url`, the fetcher's validation, its
redirect step and the redirect follower against a real loopback server. The only error ever
raised is the refusal, a refusal is one line, and what is accepted is a URL the HTTP client
takes with a port from 1 to 65535."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.extraction.markdown import link_target
from newsroom_tui.ingest.fetch import (
    Fetcher,
    FetchError,
    FetchResponse,
    redirect_target,
    request_url,
)
from newsroom_tui.profiles import FetchSettings
from newsroom_tui.sanitise import refusal_reason, safe_url
from newsroom_tui.urls import MAX_URL, UrlRefused, _check_url_fully, check_url, join_url
from sitekit import Site

UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
CONTROL_CHARACTERS = [
    "\x00",
    "\x1b]0;x\x07",
    "\x1b[31m",
    "\t",
    "\n",
    "\r",
    "\x7f",
    "\x9b",
    " ",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\ud800",
    "\u2028",
]

schemes = st.sampled_from(
    ["http", "https", "HTTP", "HtTpS", "ftp", "file", "javascript", "data", "", "http\x00", "-http"]
)
separators = st.sampled_from(["://", "://", "://", ":", ":/", ":///", ":\\\\", "//"])
userinfo = st.sampled_from(
    ["", "", "", "user@", "user:secret@", "@", ":@", "a%40b@", "user@evil.example@"]
)
ascii_names = st.sampled_from(
    [
        "example.org",
        "www.iom.int",
        "localhost",
        "a-b.example",
        "_dmarc.example",
        "example.org.",
        "-lead.example",
        "trail-.example",
        "a..b",
        ".",
        "",
        "a" * 63 + ".org",
        "a" * 64 + ".org",
        ".".join(["abcdefghij"] * 25),
        "ex%41mple.org",
        "%zz",
        "ex ample.org",
        "ex\\ample.org",
        "ex_am*ple.org",
        "EXAMPLE.ORG",
    ]
)
ipv4 = st.sampled_from(
    [
        "127.0.0.1",
        "10.0.0.255",
        "256.1.1.1",
        "1.2.3",
        "01.2.3.4",
        "1.2.3.4.5",
        "0x7f.0.0.1",
        "999999999999",
    ]
)
ipv6 = st.sampled_from(
    [
        "[::1]",
        "[::1",
        "::1]",
        "[fe80::1%25eth0]",
        "[zz::]",
        "[::ffff:127.0.0.1]",
        "[]",
        "[1:2:3:4:5:6:7:8:9]",
        "[::1]]",
        "[[::1]",
        "[v1.x]",
    ]
)
idna_names = st.sampled_from(
    [
        "bücher.example",
        "xn--bcher-kva.example",
        "straße.de",
        "☃.net",
        "例え.テスト",
        "a\u3002b.example",
        "ｅｘａｍｐｌｅ.org",
        "xn--.example",
        "xn--zz.example",
        "\u0663.example",
        "Ⅻ.example",
        "a\u0301.example",
        "ab\ufe0f.example",
    ]
)
hosts = st.one_of(ascii_names, ipv4, ipv6, idna_names, st.text(max_size=12))
ports = st.sampled_from(
    [
        "",
        "",
        "",
        ":80",
        ":8080",
        ":1",
        ":65535",
        ":0",
        ":65536",
        ":99999",
        ":-1",
        ":+80",
        ":８０",
        ":",
        ":1:2",
        ":99999999999999999999",
        ":0x50",
        ": 80",
    ]
)
paths = st.one_of(
    st.sampled_from(
        [
            "",
            "/",
            "/fr/news/a",
            "/a b",
            "/%zz",
            "/%41%42",
            "/é?q=ü#frag",
            "/a?b=c&d",
            "/\\..\\x",
            "/a" * 3000,
            "/?" + "x" * 5000,
            "/(x)[y]",
            "/'\"<>",
        ]
    ),
    st.text(max_size=30).map(lambda text: "/" + text),
)


@st.composite
def urls(draw: st.DrawFn) -> str:
    url = (
        draw(schemes) + draw(separators) + draw(userinfo) + draw(hosts) + draw(ports) + draw(paths)
    )
    for _ in range(draw(st.integers(0, 2))):  # control characters anywhere
        at = draw(st.integers(0, len(url)))
        url = url[:at] + draw(st.sampled_from(CONTROL_CHARACTERS)) + url[at:]
    return draw(st.sampled_from(["", " ", "\t", "-"])) + url + draw(st.sampled_from(["", " "]))


references = st.one_of(
    urls(),
    st.sampled_from(
        [
            "/relative",
            "../up",
            "?q=1",
            "#frag",
            "//other.example/x",
            "//[::1/x",
            "//127.0.0.1:99999/x",
            "http:",
            "http://",
            "\\\\evil.example",
        ]
    ),
    st.text(max_size=40),
)
bases = st.sampled_from(
    [
        "https://www.iom.int/fr/news",
        "http://127.0.0.1:8000/a/b?c",
        "http://[::1]:8080/",
        "http://bücher.example/",
    ]
)


def assert_one_line(message: str) -> None:
    assert message and "\n" not in message and "\r" not in message, repr(message)
    assert not UNSAFE.search(message), repr(message)
    assert len(message) < 300, message


def assert_usable(url: str) -> None:
    """What the HTTP client will be given: it parses, with a host and a port in range."""
    parsed = httpx.URL(url)
    assert parsed.scheme in ("http", "https")
    assert parsed.host
    assert parsed.port is None or 1 <= parsed.port <= 65535
    port = urlsplit(url).port  # the standard parser agrees and does not raise
    assert port is None or 1 <= port <= 65535
    assert len(url) <= MAX_URL and not UNSAFE.search(url)


@settings(max_examples=examples(600), deadline=None)
@given(urls())
def test_check_url_accepts_usable_urls_and_refuses_the_rest_in_one_line(url: str) -> None:
    try:
        accepted = check_url(url)
    except UrlRefused as exc:
        assert_one_line(str(exc))
        assert safe_url(url) is None
        assert_one_line(refusal_reason(url))
        return
    assert accepted == url.strip()
    assert safe_url(url) == accepted
    assert_usable(accepted)


@settings(max_examples=examples(500), deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_a_url_or_a_one_line_refusal(text: str) -> None:
    try:
        assert_usable(check_url(text))
    except UrlRefused as exc:
        assert_one_line(str(exc))


def test_very_long_urls_are_refused_in_one_line() -> None:
    url = "https://www.iom.int/" + "a" * MAX_URL
    with pytest.raises(UrlRefused) as info:
        check_url(url)
    assert_one_line(str(info.value))
    assert check_url(url[:MAX_URL]) == url[:MAX_URL]


@settings(max_examples=examples(300), deadline=None)
@given(urls())
def test_the_fetchers_validation_refuses_with_a_typed_one_line_error(url: str) -> None:
    try:
        accepted = request_url(url)
    except FetchError as exc:
        assert exc.kind == "url"
        assert_one_line(str(exc))
        return
    assert_usable(accepted)


@settings(max_examples=examples(400), deadline=None)
@given(bases, references)
def test_the_redirect_step_refuses_with_a_typed_one_line_error(base: str, location: str) -> None:
    try:
        target = redirect_target(base, location)
    except FetchError as exc:
        assert exc.kind == "redirect"
        assert_one_line(str(exc))
        return
    assert_usable(target)
    assert join_url(base, location) == target


@settings(max_examples=examples(300), deadline=None)
@given(bases, references)
@example("https://www.iom.int/fr/news", "http://xn--zz.example")  # punycode that does not decode
def test_article_links_are_usable_or_dropped(base: str, href: str) -> None:
    target = link_target(href, base)
    if target is not None:
        assert_usable(target)


# --- the redirect follower, against a real server --------------------------------------------


class LoopbackOnly(httpx.AsyncBaseTransport):
    """The real HTTP transport for 127.0.0.1; every other host gets a stand-in answer without
    any network (the tests never leave the machine). Records every URL it is asked for."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.seen: list[httpx.URL] = []
        self.real = httpx.AsyncHTTPTransport(verify=False)  # plain http: no certificates to load

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request.url)
        if request.url.host == "127.0.0.1" and request.url.port == self.port:
            return await self.real.handle_async_request(request)
        return httpx.Response(200, content=b"elsewhere", request=request)

    async def aclose(self) -> None:
        await self.real.aclose()


@pytest.fixture(scope="module")
def redirecting_site() -> Iterator[tuple[Site, list[str]]]:
    location: list[str] = [""]
    with Site() as site:

        def handler(req: object) -> None:
            # The Location as a server may send it: any bytes but CR and LF (UTF-8 here),
            # passed through Latin-1 so the handler writes them unchanged.
            raw = location[0].encode("utf-8", "surrogatepass")
            raw = raw.replace(b"\r", b"").replace(b"\n", b"")
            req.send_response(302)  # type: ignore[attr-defined]
            req.send_header("Location", raw.decode("latin-1"))  # type: ignore[attr-defined]
            req.send_header("Content-Length", "0")  # type: ignore[attr-defined]
            req.end_headers()  # type: ignore[attr-defined]

        site.handle("/r", handler)
        yield site, location


FAST = FetchSettings(deadline=5.0, retries=0, connect_timeout=2.0)


@settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(location=references)
def test_the_redirect_follower_never_raises_anything_but_a_one_line_fetch_error(
    redirecting_site: tuple[Site, list[str]], location: str
) -> None:
    site, current = redirecting_site
    current[0] = location
    transport = LoopbackOnly(site.port)

    async def follow() -> FetchResponse | FetchError:
        async with Fetcher(FAST, transport=transport) as fetcher:
            try:
                return await fetcher.get(site.url("/r"), max_bytes=10_000)
            except FetchError as exc:
                return exc

    outcome = asyncio.run(follow())
    if isinstance(outcome, FetchError):
        assert_one_line(str(outcome))
    else:
        assert outcome.status == 200
    for url in transport.seen:
        assert url.port is None or 1 <= url.port <= 65535, url
        assert_usable(str(url))


def _outcome(check: object, value: str) -> str:
    try:
        return "accepted " + check(value)  # type: ignore[operator]
    except UrlRefused as exc:
        return f"refused {exc}"


@settings(max_examples=examples(1500), deadline=None)
@example("http://127.0.0.1:42303/fr/news/a-1")
@example("https://www.iom.int:0/fr")
@example("https://-x.example/")
@example("http://host:65536/")
@given(
    st.one_of(
        urls(),
        st.builds(
            lambda scheme, host, port, rest: f"{scheme}://{host}{port}{rest}",
            st.sampled_from(["http", "https", "HTTP"]),
            st.one_of(ascii_names, ipv4, st.sampled_from(["a..b", "-a", "a-", "xn--zz", "1.2"])),
            st.sampled_from(["", ":80", ":0", ":65535", ":65536", ":99999", ":", ":08"]),
            st.one_of(paths, st.sampled_from(["", "/", "?q", "#f", "/@x", "/a b", "\\x"])),
        ),
    )
)
def test_the_plain_form_shortcut_gives_what_every_step_gives(value: str) -> None:
    assert _outcome(check_url, value) == _outcome(_check_url_fully, value)
