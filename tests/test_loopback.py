"""The loopback site server core shared by the demo, the benchmarks and the tests: conditional GET
as RFC 9110 has it, HEAD, keep-alive, and the status hook."""

from __future__ import annotations

import http.client
from collections.abc import Iterator

import pytest

from newsroom_tui.demo.loopback import Exchange, LoopbackServer, Resource, http_date, strong_etag

BODY = b"<p>Bonjour</p>"
PAGE = Resource(
    BODY,
    etag=strong_etag(BODY),
    last_modified=http_date(1_700_000_000),
    headers={"Cache-Control": "no-cache", "X-Other": "1"},
)


@pytest.fixture
def server() -> Iterator[tuple[LoopbackServer, list[tuple[str, int]]]]:
    seen: list[tuple[str, int]] = []

    def answer(exchange: Exchange) -> None:
        if exchange.target == "/page":
            exchange.serve(PAGE)
        else:
            exchange.send_body(404, b"no", "text/plain")

    def observe(exchange: Exchange, status: int) -> None:
        seen.append((exchange.target, status))

    with LoopbackServer(answer, observe=observe) as running:
        yield running, seen


def request(
    server: LoopbackServer, headers: dict[str, str], method: str = "GET", path: str = "/page"
) -> tuple[int, bytes, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 200),
        ({"If-None-Match": PAGE.etag or ""}, 304),
        ({"If-None-Match": f'"other", {PAGE.etag}'}, 304),
        ({"If-None-Match": "*"}, 304),
        ({"If-None-Match": '"other"'}, 200),
        ({"If-Modified-Since": http_date(1_700_000_000)}, 304),
        ({"If-Modified-Since": http_date(1_800_000_000)}, 304),
        ({"If-Modified-Since": http_date(1_600_000_000)}, 200),
        ({"If-Modified-Since": "not a date"}, 200),
        # If-None-Match wins over If-Modified-Since.
        ({"If-None-Match": '"other"', "If-Modified-Since": http_date(1_800_000_000)}, 200),
    ],
)
def test_conditional_get(
    server: tuple[LoopbackServer, list[tuple[str, int]]], headers: dict[str, str], status: int
) -> None:
    running, seen = server
    got, body, sent = request(running, headers)
    assert got == status
    assert seen == [("/page", status)]
    assert sent["ETag"] == PAGE.etag and sent["Cache-Control"] == "no-cache"
    if status == 200:
        assert body == BODY and sent["Content-Length"] == str(len(BODY))
        assert sent["X-Other"] == "1"
    else:
        assert body == b"" and "X-Other" not in sent


def test_head_has_headers_without_a_body(
    server: tuple[LoopbackServer, list[tuple[str, int]]],
) -> None:
    running, _ = server
    status, body, sent = request(running, {}, method="HEAD")
    assert (status, body, sent["Content-Length"]) == (200, b"", str(len(BODY)))


def test_keep_alive_serves_several_requests_on_one_connection(
    server: tuple[LoopbackServer, list[tuple[str, int]]],
) -> None:
    running, seen = server
    connection = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
    try:
        for path in ("/page", "/missing", "/page"):
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
    finally:
        connection.close()
    assert seen == [("/page", 200), ("/missing", 404), ("/page", 200)]


def test_stop_ends_idle_keep_alive_connections() -> None:
    server = LoopbackServer(lambda exchange: exchange.send_body(200, b"x")).start()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", "/")
    connection.getresponse().read()
    server.stop()  # returns although the connection above is still open and idle
    assert not server.running
    assert connection.sock is not None
    connection.sock.settimeout(5)
    assert connection.sock.recv(1) == b""  # the server closed it: end of stream
    connection.close()
