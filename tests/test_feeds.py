"""Feed parsing: the fixture feeds, hostile feeds (XXE, billion laughs, bad references, quadratic
author strings), not-a-feed bodies, and feed discovery."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest

from newsroom_tui.ingest.feeds import (
    AUTHOR_CAP,
    FeedError,
    discover_feeds,
    parse_feed,
    parse_feed_detailed,
    trim_authors,
)

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
FEED_URL = "https://newsroom.example.org/fr/rss.xml"


def _rss(items: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{prolog}<rss version="2.0"><channel><title>T</title>'
        f"{items}</channel></rss>"
    ).encode()


def _item(title: str = "A", link: str = "https://example.org/a", extra: str = "") -> str:
    return f"<item><title>{title}</title><link>{link}</link>{extra}</item>"


def test_french_rss_fixture() -> None:
    parsed = parse_feed_detailed((FIXTURES / "rss-fr.xml").read_bytes(), FEED_URL)
    items = parsed.items
    assert [i.guid for i in items] == ["release-1001", "release-1002", None]
    first = items[0]
    assert first.title == "Genève : nouvel appel pour les personnes déplacées au Sahel"
    assert first.url == "https://newsroom.example.org/fr/news/appel-sahel"
    assert first.published == datetime(2024, 7, 9, 8, 0, tzinfo=UTC)
    assert first.tags == ["Afrique de l'Ouest", "Déplacement"]
    assert "<b>12 millions</b>" in first.summary_html
    assert first.source == FEED_URL
    # Relative links resolve against the feed's URL.
    assert items[1].url == "https://newsroom.example.org/fr/news/rapport-routes"
    # An absurd date (year 3024) is unknown, not an error.
    assert items[2].published is None
    assert parsed.dropped_links == 1  # javascript:
    assert parsed.duplicates == 1  # second release-1001: first wins
    assert parsed.title.startswith("Communiqués de presse")


def test_atom_fixture() -> None:
    items = parse_feed((FIXTURES / "atom-en.xml").read_bytes(), "https://newsroom.example.org/atom")
    assert items[0].title == "New York, 8 July – Record funding for returns"
    assert items[0].guid == "tag:newsroom.example.org,2024:2001"
    assert items[0].published == datetime(2024, 7, 8, 9, 15, tzinfo=UTC)
    assert items[0].tags == ["returns"]
    assert items[1].summary_html == "<p>Full content only.</p>"
    assert items[1].published == datetime(2024, 7, 1, 12, 0, tzinfo=UTC)


def test_latin1_spanish_fixture() -> None:
    items = parse_feed(
        (FIXTURES / "rss-es.xml").read_bytes(), "https://newsroom.example.org/es/rss"
    )
    assert items[0].title == "Tapachula (México) - Asistencia a familias migrantes"
    assert items[0].summary_html == "La organización brindó asistencia."


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   \n",
        b"<!DOCTYPE html><html><head><title>500</title></head><body>Internal error</body></html>",
        b"<html><body><h1>Not Found</h1></body></html>",
        b'{"items": [{"title": "json feed"}]}',
        b"\x89PNG\r\n\x1a\n" + b"\0" * 200,
        b"plain text, nothing else",
    ],
)
def test_not_a_feed(body: bytes) -> None:
    with pytest.raises(FeedError, match=r"^not a feed"):
        parse_feed(body, FEED_URL)


def test_a_body_that_is_a_file_path_is_not_opened(tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_bytes(_rss(_item("SECRET")))
    # Given raw bytes, feedparser would open them as a file name; parse_feed never lets it.
    with pytest.raises(FeedError):
        parse_feed(str(secret).encode(), FEED_URL)


def test_feed_with_no_items_is_an_empty_list() -> None:
    assert parse_feed(_rss(""), FEED_URL) == []


@pytest.mark.parametrize("ref", ["&#xD800;", "&#x110000;", "&#99999999999999999999;", "&#0;"])
def test_invalid_character_references_never_raise_anything_unexpected(ref: str) -> None:
    body = _rss(_item(title=f"a {ref} b"))
    try:
        items = parse_feed(body, FEED_URL)
    except FeedError as exc:
        assert "\n" not in str(exc)
    else:
        assert all("\x00" not in i.title for i in items)


def test_feedparser_itself_raises_on_bad_references() -> None:
    """Documents why parse_feed catches these: if this stops raising, the catch can go."""
    with pytest.raises((ValueError, OverflowError)):
        feedparser.parse(_rss(_item(title="&#x110000;")))


def test_xxe_does_nothing(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    prolog = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    body = _rss(_item(title="A &xxe; B"), prolog)
    items = parse_feed(body, FEED_URL)
    assert all("TOPSECRET" not in i.title for i in items)
    # feedparser alone does not resolve it either.
    raw = feedparser.parse(body)
    assert all("TOPSECRET" not in e.get("title", "") for e in raw.entries)


def test_billion_laughs_does_nothing() -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    body = _rss(_item(title="&i;"), f"<!DOCTYPE rss [{entities}]>")
    started = time.monotonic()
    try:
        items = parse_feed(body, FEED_URL)
    except FeedError:
        items = []
    assert time.monotonic() - started < 2
    assert all(len(i.title) < 1000 for i in items)


def test_quadratic_author_strings_are_trimmed_and_fast() -> None:
    evil = "a" * 200_000
    extra = (
        f"<author>{evil}</author><dc:creator>{evil}@{evil}</dc:creator>"
        f"<x:managingEditor xmlns:x='urn:x'>{evil}</x:managingEditor>"
    )
    body = _rss(_item(extra=extra), prolog="").replace(
        b"<rss ", b'<rss xmlns:dc="http://purl.org/dc/elements/1.1/" '
    )
    started = time.monotonic()
    items = parse_feed(body, FEED_URL)
    assert time.monotonic() - started < 2
    assert items[0].title == "A"


def test_trim_authors_is_linear_and_keeps_structure() -> None:
    atom_author = b"<author><name>Ana</name><email>a@example.org</email></author>"
    assert trim_authors(atom_author) == atom_author
    long = b"<author>" + b"x" * 5000 + b"<b>y</b></author><title>kept</title>"
    trimmed = trim_authors(long)
    assert trimmed.endswith(b"</author><title>kept</title>")
    assert len(trimmed) < AUTHOR_CAP + 100
    unclosed = b"<name>" * 100_000 + b"</name>"
    started = time.monotonic()
    trim_authors(unclosed)
    trim_authors(b"<author>" + b"z" * 1_000_000)
    assert time.monotonic() - started < 2


def test_tags_capped_and_enclosures_ignored() -> None:
    cats = "".join(f"<category>tag {n}</category>" for n in range(500))
    enclosures = "".join(
        f'<enclosure url="https://example.org/{n}.mp3" type="audio/mpeg" length="1"/>'
        for n in range(500)
    )
    items = parse_feed(_rss(_item(extra=cats + enclosures)), FEED_URL)
    assert len(items[0].tags) == 20


def test_items_capped() -> None:
    body = _rss("".join(_item(link=f"https://example.org/{n}") for n in range(300)))
    assert len(parse_feed(body, FEED_URL, max_items=50)) == 50


def test_missing_and_duplicate_guids_never_raise() -> None:
    body = _rss(
        _item(link="https://example.org/1", extra="<guid>same</guid>")
        + _item(link="https://example.org/2", extra="<guid>same</guid>")
        + _item(link="https://example.org/3", extra="<guid></guid>")
        + _item(link="https://example.org/3")
        + _item(link="")
    )
    items = parse_feed(body, FEED_URL)
    assert [i.url for i in items] == ["https://example.org/1", "https://example.org/3"]
    assert items[1].guid is None


def test_hostile_titles_and_links_are_cleaned() -> None:
    body = _rss(
        _item(title="Hi \x1b]0;pwned\x07there &#x202e;evil", link="https://example.org/ok")
        + _item(title="file", link="file:///etc/passwd")
        + _item(title="mail", link="mailto:a@example.org")
    )
    parsed = parse_feed_detailed(body, FEED_URL)
    assert len(parsed.items) == 1
    assert "\x1b" not in parsed.items[0].title and "\u202e" not in parsed.items[0].title
    assert parsed.dropped_links == 2


def test_truncated_feed_yields_what_it_can() -> None:
    body = _rss(_item("One", "https://example.org/1") + _item("Two", "https://example.org/2"))
    cut = body[: body.index(b"<item><title>Two") + 30]
    items = parse_feed(cut, FEED_URL)
    assert items and items[0].title == "One"


def test_parse_feed_refuses_str() -> None:
    with pytest.raises(TypeError):
        parse_feed("https://example.org/rss.xml", FEED_URL)  # type: ignore[arg-type]


def test_discover_feeds() -> None:
    html = """<html><head>
    <link rel="stylesheet" href="/s.css">
    <link rel="alternate" type="application/rss+xml" title="Flux" href="/fr/rss.xml">
    <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://newsroom.example.org/atom">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    <link rel="alternate" hreflang="en" href="/en/news">
    <link rel="alternate" type="application/rss+xml" href="/fr/rss.xml">
    </head><body><link rel="alternate" type="application/rss+xml" href="body.xml"></body></html>"""
    assert discover_feeds(html, "https://newsroom.example.org/fr/news") == [
        "https://newsroom.example.org/fr/rss.xml",
        "https://newsroom.example.org/atom",
        "https://newsroom.example.org/fr/body.xml",
    ]
    assert discover_feeds(b"", "https://x.example/") == []
    assert discover_feeds(b"\x89PNG\x00\x00", "https://x.example/") == []
