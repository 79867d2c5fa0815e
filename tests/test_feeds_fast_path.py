"""The lxml RSS reader (`feed_xml`) against feedparser: on every feed the tests and the demo ship,
and on generated RSS documents, it either declines or gives exactly feedparser's items."""

from __future__ import annotations

import contextlib
import html
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from depth import examples
from newsroom_tui.ingest.feeds import FeedError, ParsedFeed, parse_feed_detailed, trim_authors
from newsroom_tui.speedups import feed_xml
from newsroom_tui.speedups.feed_xml import Declined, read_rss
from shortcuts import needs_speedups

# The reader against feedparser: with the shortcuts off, feedparser would be compared with itself.
pytestmark = needs_speedups

ROOT = Path(__file__).parent.parent
FEED_URL = "https://newsroom.example.org/fr/rss.xml"
CONTENT_TYPES = [
    "",
    "application/rss+xml",
    "application/xml; charset=utf-8",
    "text/xml",
    "text/xml; charset=utf-8",
    "text/html; charset=utf-8",
    "application/rss+xml; charset=iso-8859-1",
]


def both(data: bytes, content_type: str = "", url: str = FEED_URL) -> tuple[object, object]:
    """(fast path's result, feedparser's result): a ParsedFeed or the FeedError's message."""
    results: list[object] = []
    for fast in (True, False):
        try:
            parsed: object = parse_feed_detailed(
                data, url, content_type=content_type, fast_path=fast
            )
        except FeedError as exc:
            parsed = f"FeedError: {exc}"
        results.append(parsed)
    return results[0], results[1]


def fast_reads(data: bytes, content_type: str = "", url: str = FEED_URL) -> bool:
    try:
        read_rss(trim_authors(data), url, content_type)
    except Declined:
        return False
    return True


def shipped_feeds() -> list[Path]:
    found = sorted((ROOT / "tests" / "fixtures").rglob("*.xml"))
    found += sorted((ROOT / "src" / "newsroom_tui" / "demo").rglob("*.xml"))
    return found


@pytest.mark.parametrize("path", shipped_feeds(), ids=lambda p: p.name)
@pytest.mark.parametrize("content_type", CONTENT_TYPES)
def test_shipped_feeds_read_as_feedparser_reads_them(path: Path, content_type: str) -> None:
    fast, slow = both(path.read_bytes(), content_type)
    assert fast == slow


def test_the_demo_and_french_fixture_take_the_fast_path() -> None:
    demo = ROOT / "src" / "newsroom_tui" / "demo" / "site" / "fr" / "rss.xml"
    fixture = ROOT / "tests" / "fixtures" / "feeds" / "rss-fr.xml"
    for path in (demo, fixture):
        assert fast_reads(path.read_bytes(), "application/rss+xml")
    parsed = parse_feed_detailed(fixture.read_bytes(), FEED_URL, content_type="text/xml")
    assert isinstance(parsed, ParsedFeed) and parsed.items
    assert parsed.items[0].summary_html.startswith("<p>Genève")
    assert parsed.items[1].url == "https://newsroom.example.org/fr/news/rapport-routes"


@pytest.mark.parametrize(
    "document",
    [
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://e.org/">'
        b"<title>A</title></feed>",
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div xmlns="'
        b'http://www.w3.org/1999/xhtml">x</div></content></entry></feed>',
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>',
        b'<!DOCTYPE rss SYSTEM "x.dtd"><rss version="2.0"><channel></channel></rss>',
        b'<rss version="2.0"><channel><item><title>a</item></channel></rss>',
        b'<rss version="2.0" xml:base="http://e.org/"><channel></channel></rss>',
        b'<rss version="2.0"><channel><item><content:encoded xmlns:content="http://purl.org/'
        b'rss/1.0/modules/content/">x</content:encoded></item></channel></rss>',
        b'<rss version="2.0"><channel><item><title>a</title><title>b</title></item></channel></rss>',
        b'<rss version="2.0"><channel><item><pubDate>2024-07-01</pubDate></item></channel></rss>',
        b'<rss version="2.0"><channel><item><category scheme="d">c</category></item></channel></rss>',
        b"\xff\xfe<\x00r\x00s\x00s\x00>\x00",
        b"<html><body>not a feed</body></html>",
    ],
)
def test_outside_the_subset_it_declines(document: bytes) -> None:
    assert not fast_reads(document, "application/rss+xml")
    fast, slow = both(document, "application/rss+xml")
    assert fast == slow


def test_c1_controls_and_mojibake_are_repaired_as_feedparser_does() -> None:
    document = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>&#x80;T</title>'
        b"<item><title>Caf&#xC3;&#xA9;</title><link>/a?b=1&amp;c=2</link>"
        b"<description>&#x93;x&#x94;</description></item></channel></rss>"
    )
    assert fast_reads(document, "application/rss+xml")
    fast, slow = both(document, "application/rss+xml")
    assert fast == slow
    assert isinstance(fast, ParsedFeed)
    assert fast.title == "€T"
    assert fast.items[0].title == "Café"
    assert fast.items[0].summary_html == "“x”"
    assert fast.items[0].url == "https://newsroom.example.org/a?b=1&c=2"


def _repair_by_trying(output: str) -> str:
    """feed_xml._repair as feedparser's steps read: try the re-read, keep the text if it fails."""
    if output.isascii():
        return output
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        output = output.encode("iso-8859-1").decode("utf-8")
    return output.translate(feed_xml._CP1252) if feed_xml._C1.search(output) else output


@settings(max_examples=examples(400), deadline=None)
@given(st.text(alphabet=st.sampled_from("aé\u00c3\u00a9\x93\x80–€\U0001f600\udc80"), max_size=12))
def test_repair_gives_what_trying_the_reread_gives(text: str) -> None:
    assert feed_xml._repair(text) == _repair_by_trying(text)


def test_the_cp1252_table_is_feedparsers() -> None:
    from feedparser.html import _cp1252

    assert _cp1252 == feed_xml._CP1252


# --- generated documents ---------------------------------------------------------------------

_CHARS = st.sampled_from(
    [*"aé €—“ \t\n#*_<>&'\"", "\x85", "\x93", "Ã©", "\u00a0", "\u2028", "ß", "\U0001f600"]
)
_RAW = st.sampled_from(
    [
        "&lt;p&gt;para&lt;/p&gt;",
        "&lt;b&gt;bold&lt;/b&gt; and &lt;a href=&quot;/rel&quot;&gt;link&lt;/a&gt;",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<![CDATA[<em>cdata</em> & more]]>",
        "&amp;amp;",
        "&amp;eacute;",
        "&#233;",
        "&#x80;",
        "&#xC3;&#xA9;",
        "&#13;",
        "  ",
        "&lt;/x&gt;",
    ]
)
_TEXT = st.lists(_CHARS.map(html.escape) | _RAW, max_size=12).map("".join)
_LINKS = st.sampled_from(
    [
        "https://newsroom.example.org/fr/news/a",
        "/fr/news/relative",
        "news/b?x=1&amp;y=2",
        "javascript:alert(1)",
        "  https://other.example.org/c  ",
        "http:///three-slashes",
        "",
        "https://newsroom.example.org/d&amp;amp;e",
        "https://exämple.org/é",
    ]
)
_DATES = st.sampled_from(
    [
        "Tue, 09 Jul 2024 10:00:00 +0200",
        "Fri, 05 Jul 2024 08:30:00 GMT",
        "5 Jul 2024 08:30:00 -0530",
        "Sat, 01 Jan 3024 00:00:00 GMT",
        "Mon, 31 Feb 2024 00:00:00 GMT",
        "Tue, 01 Jan 1980 00:00:00 UT",
        "2024-07-01T10:00:00Z",
        "not a date",
        "",
        "Wed, 10 Jul 2024 25:00:00 +0000",
    ]
)
_GUID_ATTRIBUTES = st.sampled_from(
    ["", ' isPermaLink="false"', ' isPermaLink="true"', ' isPermaLink="False"']
)


@st.composite
def _item(draw: st.DrawFn) -> str:
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(f"<title>{draw(_TEXT)}</title>")
    if draw(st.booleans()):
        parts.append(f"<link>{draw(_LINKS)}</link>")
    if draw(st.booleans()):
        guid = draw(st.sampled_from(["release-1", "release-2", ""]) | _LINKS)
        parts.append(f"<guid{draw(_GUID_ATTRIBUTES)}>{guid}</guid>")
    if draw(st.booleans()):
        parts.append(f"<description>{draw(_TEXT)}</description>")
    if draw(st.booleans()):
        parts.append(f"<pubDate>{draw(_DATES)}</pubDate>")
    for category in draw(st.lists(st.sampled_from(["A", "B", " A ", "", "é"]) | _TEXT, max_size=3)):
        domain = draw(
            st.sampled_from(["", ' domain="https://e.org/t/1"', ' domain=""', ' domain="a&amp;b"'])
        )
        parts.append(f"<category{domain}>{category}</category>")
    extra = draw(
        st.sampled_from(
            [
                "",
                "<dc:creator>Service de presse</dc:creator>",
                "<author>press@example.org (Press)</author>",
                '<enclosure url="https://e.org/p.jpg" length="1" type="image/jpeg"/>',
                "<comments>/comments</comments>",
                "<!-- a comment -->",
                "<source url='https://e.org/'>Source</source>",
                '<title type="html">typed</title>',
                "<content:encoded>&lt;p&gt;more&lt;/p&gt;</content:encoded>",
            ]
        )
    )
    parts.append(extra)
    order = draw(st.permutations(parts))
    return "<item>" + "".join(order) + "</item>"


@st.composite
def _document(draw: st.DrawFn) -> tuple[bytes, str]:
    items = "\n".join(draw(st.lists(_item(), max_size=4)))
    channel_title = f"<title>{draw(_TEXT)}</title>" if draw(st.booleans()) else ""
    head = draw(
        st.sampled_from(
            [
                "<link>https://newsroom.example.org/</link><language>fr</language>",
                "<description>&lt;p&gt;about&lt;/p&gt;</description>",
                '<atom:link href="https://newsroom.example.org/rss" rel="self"/>',
                "",
            ]
        )
    )
    encoding = draw(st.sampled_from(["utf-8", "iso-8859-1", None]))
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>' if encoding else ""
    text = (
        f'{declaration}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        f'xmlns:atom="http://www.w3.org/2005/Atom"><channel>{channel_title}{head}\n{items}'
        "</channel></rss>"
    )
    data = text.encode(draw(st.sampled_from(["utf-8", "iso-8859-1"])), errors="xmlcharrefreplace")
    return data, draw(st.sampled_from(CONTENT_TYPES))


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_generated_rss_reads_as_feedparser_reads_it(document: tuple[bytes, str]) -> None:
    data, content_type = document
    fast, slow = both(data, content_type)
    assert fast == slow


def test_every_content_type_can_take_the_fast_path() -> None:
    """The comparisons above are not all declines (then they would test nothing)."""
    taken = 0
    for seed in range(40):
        document = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
            f"<item><title>t{seed}</title><link>/a/{seed}</link>"
            f"<pubDate>Tue, 09 Jul 2024 10:00:00 +0200</pubDate></item></channel></rss>"
        ).encode()
        taken += fast_reads(document, CONTENT_TYPES[seed % len(CONTENT_TYPES)])
    assert taken == 40


# --- Atom ----------------------------------------------------------------------------------------

_SUMMARY_HTML = st.sampled_from(
    [
        "&lt;p&gt;&lt;strong&gt;Genève&lt;/strong&gt; – L'&lt;a href=&quot;/fr&quot;&gt;OIM&lt;/a&gt;"
        " &lt;em&gt;agit&lt;/em&gt;.&lt;/p&gt;",
        "&lt;p&gt;a&lt;br&gt;b&amp;amp;c&lt;/p&gt;",
        "&lt;script&gt;alert(1)&lt;/script&gt;x",
        "&lt;p class=&quot;c&quot;&gt;x&lt;/p&gt;",
    ]
)
_W3_DATES = st.sampled_from(
    [
        "2024-07-01T10:00:00Z",
        "2024-07-01T10:00:00+02:00",
        "2024-07-01T10:00:00.25-05:30",
        "2023-12-31T23:30:00-01:00",
        "2024-02-31T10:00:00Z",
        "2024-07-01",
        "Tue, 09 Jul 2024 10:00:00 +0200",
        "",
    ]
)


_PLAIN_TEXT = st.lists(
    st.sampled_from([*"aé €—“ \t\n#*_'", "&amp;", "\u00a0", "ß", "\U0001f600", "Ã©", "&#x93;"]),
    max_size=12,
).map("".join)
"""Text without markup characters once parsed (Atom text constructs with markup are declined)."""


@st.composite
def _entry(draw: st.DrawFn) -> str:
    parts: list[str] = []
    if draw(st.booleans()):
        kind = draw(st.sampled_from(["", "", ' type="text"', ' type="html"']))
        parts.append(f"<title{kind}>{draw(_PLAIN_TEXT | _PLAIN_TEXT | _TEXT)}</title>")
    for _ in range(draw(st.sampled_from([0, 1, 1, 1, 2]))):
        rel = draw(st.sampled_from(["", "", ' rel="alternate"', ' rel="related"']))
        kind = draw(st.sampled_from(["", "", ' type="text/html"', ' type="application/pdf"']))
        parts.append(f'<link{rel}{kind} href="{draw(_LINKS)}"/>')
    if draw(st.booleans()):
        parts.append(
            f"<id>{draw(st.sampled_from(['urn:uuid:1-2', 'tag:e.org,2024:1', '']) | _LINKS)}</id>"
        )
    for name in ("published", "updated"):
        if draw(st.booleans()):
            parts.append(f"<{name}>{draw(_W3_DATES)}</{name}>")
    if draw(st.booleans()):
        kind = draw(st.sampled_from(["", ' type="text"', ' type="html"']))
        parts.append(f"<summary{kind}>{draw(_SUMMARY_HTML | _PLAIN_TEXT | _TEXT)}</summary>")
    if draw(st.booleans()):
        kind = draw(st.sampled_from([' type="html"', ' type="html"', ' type="text"', ""]))
        parts.append(f"<content{kind}>{draw(_SUMMARY_HTML | _TEXT)}</content>")
    terms = st.sampled_from(["A", "B", "A", "", "é", " A ", "a&amp;b"])
    for term in draw(st.lists(terms, max_size=3)):
        parts.append(f'<category term="{term}"/>')
    if draw(st.booleans()):
        parts.append("<author><name>Service de presse</name><email>p@e.org</email></author>")
    order = draw(st.permutations(parts))
    return "<entry>" + "".join(order) + "</entry>"


@st.composite
def _atom_document(draw: st.DrawFn) -> tuple[bytes, str]:
    entries = "\n".join(draw(st.lists(_entry(), max_size=4)))
    title = f"<title>{draw(_PLAIN_TEXT | _TEXT)}</title>" if draw(st.booleans()) else ""
    head = draw(
        st.sampled_from(
            [
                '<link rel="self" href="https://newsroom.example.org/feed"/><id>x</id>'
                "<updated>2024-07-01T10:00:00Z</updated>",
                "<subtitle>s</subtitle>",
                "",
            ]
        )
    )
    lang = draw(st.sampled_from(["", ' xml:lang="fr"']))
    text = f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"{lang}>{title}{head}\n{entries}</feed>'
    content_type = draw(
        st.sampled_from(["application/atom+xml", "application/xml", "", "text/xml"])
    )
    return text.encode("utf-8"), content_type


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_atom_document())
def test_generated_atom_reads_as_feedparser_reads_it(document: tuple[bytes, str]) -> None:
    data, content_type = document
    fast, slow = both(data, content_type)
    assert fast == slow


@pytest.mark.parametrize("shape", ["plain", "html", "atom"])
def test_the_benchmark_feed_shapes_take_the_fast_path(shape: str) -> None:
    """The three feed shapes the benchmark serves (plain, Drupal-like HTML, Atom) are read on
    lxml, with feedparser's items."""
    from benchmarks.generate import Newsroom

    data = Newsroom(60).feed_xml("https://newsroom.example.org", shape=shape)
    kind = "application/atom+xml" if shape == "atom" else "application/rss+xml"
    feed_xml.read_feed(data, FEED_URL, kind)  # does not decline
    fast, slow = both(data, kind)
    assert isinstance(fast, ParsedFeed) and len(fast.items) == 60
    assert fast == slow
