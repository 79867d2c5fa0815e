"""`speedups.urljoin.join_as_is` against `urllib.parse.urljoin` (and feedparser's join, which
calls it): whenever the shortcut says a URL joins as itself, both give it back unchanged."""

from __future__ import annotations

import urllib.parse

from hypothesis import given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui import speedups
from newsroom_tui.extraction.markdown import link_target
from newsroom_tui.speedups.feed_xml import _urljoin as feedparser_join
from newsroom_tui.speedups.urljoin import join_as_is
from shortcuts import needs_speedups

pytestmark = needs_speedups

PIECES = [
    "http", "https", "HTTP", "ftp", "javascript", "urn:uuid:", "tag:", "mailto:", "Urn:", ":", "://", ":///", "//", "/", "./", "../",
    "example.org", "xn--bcher-kva.example", "127.0.0.1", "[::1]", "[", "]", "é", "h",
    ":8080", ":0", ":99999", ":", "@", "user@", "path", "a b", "%20", "%", ";", ";p", "?", "?q=1",
    "&", "&amp;", "=", "#", "#frag", "\t", "\n", " ", "\x00", "\\", "~", "'", "(", ")", "*", ",",
    "!", "$", "+", "-", ".", "_",
]  # fmt: skip

urls = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)
plain_urls = st.builds(
    lambda scheme, host, port, path, query: f"{scheme}://{host}{port}{path}{query}",
    st.sampled_from(["http", "https"]),
    st.sampled_from(["example.org", "www.iom.int", "127.0.0.1", "a-b.c", "H.EXAMPLE"]),
    st.sampled_from(["", ":80", ":8080", ":0", ":99999"]),
    st.lists(st.sampled_from(["/", "fr", "news", "..", ".", "a%20b", "x=y", "@", ":", "'"]))
    .map("".join)
    .map(lambda p: p if not p or p.startswith("/") else "/" + p),
    st.sampled_from(["", "?q=1", "?a;b", "?x?y", "?"]),
)
bases = st.one_of(
    urls,
    plain_urls,
    st.sampled_from(["", "https://www.iom.int/fr/news/a", "http://[::1]:8080/x", "http://é.fr/"]),
)


@settings(max_examples=examples(2000), deadline=None)
@given(base=bases, uri=st.one_of(urls, plain_urls))
def test_what_joins_as_itself_is_what_urljoin_gives(base: str, uri: str) -> None:
    if join_as_is(base, uri):
        assert urllib.parse.urljoin(base, uri) == uri
        assert feedparser_join(base, uri) == uri


@settings(max_examples=examples(400), deadline=None)
@given(base=bases, uri=plain_urls)
def test_link_targets_are_the_same_with_and_without_the_shortcut(base: str, uri: str) -> None:
    fast = link_target(uri, base)
    speedups.ENABLED = False
    try:
        slow = link_target(uri, base)
    finally:
        speedups.ENABLED = True
    assert fast == slow


def test_feed_links_take_the_shortcut() -> None:
    base = "https://www.iom.int/fr/rss.xml"
    for uri in (
        "https://www.iom.int/fr",
        "https://www.iom.int/fr/news/l-oim-lance-un-programme-0",
        "http://127.0.0.1:42303/fr/news/x-1?page=2",
    ):
        assert join_as_is(base, uri)
    assert join_as_is(base, "urn:uuid:00bdce52-db1a-0635-1742-d6967d53ce4d")
    for uri in ("/fr/news", "HTTPS://www.iom.int/", "https://www.iom.int/a b", "https://[::1]/"):
        assert not join_as_is(base, uri)
    assert not join_as_is("http://[::1/", "https://www.iom.int/fr")
