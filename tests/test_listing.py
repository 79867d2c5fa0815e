"""Listing pages: IOM-style cards read into FeedItems; pagination URLs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from newsroom_tui.ingest.listing import listing_page_url, parse_listing
from newsroom_tui.profiles import ListingSettings

FIXTURES = Path(__file__).parent / "fixtures" / "site"
PAGE = "https://newsroom.example.org/fr/search?type%5B0%5D=press_release&page=0"
SETTINGS = ListingSettings(url="https://newsroom.example.org/fr/search?page={page}")


def test_iom_style_cards() -> None:
    items = parse_listing((FIXTURES / "listing-fr.html").read_bytes(), PAGE, SETTINGS)
    assert [i.url for i in items] == [
        "https://newsroom.example.org/fr/news/lac-tchad-appel",
        "https://newsroom.example.org/fr/news/retours-volontaires",
        "https://newsroom.example.org/fr/news/date-inconnue?ref=liste",
    ]
    first, second, third = items
    assert first.title == "Bassin du lac Tchad : l'organisation appelle à renforcer l'aide"
    assert first.published == datetime(2024, 3, 15, tzinfo=UTC)
    assert first.tags == ["Communiqué de presse"]
    assert first.guid is None and first.source == PAGE
    assert second.title == "Retours volontaires : 2 000 personnes accompagnées"
    assert second.published == datetime(2024, 3, 12, 9, 0, tzinfo=UTC)
    assert third.published is None


def test_card_is_the_element_itself() -> None:
    html = """<ul><li class="r"><a href="/a">A</a><span class="d">2024-01-02</span></li>
    <li class="r"><a href="/b">B</a></li></ul>"""
    settings = ListingSettings(
        url="/news?page={page}", item="li.r", card_is_parent=False, title="", date="span.d", tag=""
    )
    items = parse_listing(html, "https://example.org/news", settings)
    assert [(i.url, i.title) for i in items] == [
        ("https://example.org/a", "A"),
        ("https://example.org/b", "B"),
    ]
    assert items[0].published == datetime(2024, 1, 2, tzinfo=UTC)


def test_shared_parent_does_not_merge_cards() -> None:
    html = """<div id="all">
    <div class="article-detail"><a href="/one"><h5 class="title">One</h5></a></div>
    <div class="article-detail"><a href="/two"><h5 class="title">Two</h5></a></div></div>"""
    items = parse_listing(html, "https://example.org/", SETTINGS)
    assert [i.title for i in items] == ["One", "Two"]


def test_hostile_card_text_is_cleaned() -> None:
    html = """<div><div class="article-detail"><a href="/x"><h5 class="title">
    [b]Bold[/b] \x1b[31mred\u202e</h5></a><div class="tag">\x07Tag</div></div></div>"""
    (item,) = parse_listing(html, "https://example.org/", SETTINGS)
    assert item.title == "[b]Bold[/b] red"
    assert item.tags == ["Tag"]


def test_empty_and_garbage_pages() -> None:
    assert parse_listing(b"", "https://example.org/", SETTINGS) == []
    assert parse_listing(b"\x89PNG\x00\x00\xff", "https://example.org/", SETTINGS) == []
    assert parse_listing("<div>" * 5000, "https://example.org/", SETTINGS) == []


def test_latin1_listing_with_declared_charset() -> None:
    html = '<div><div class="article-detail"><a href="/e"><h5 class="title">Éducation</h5></a></div></div>'
    items = parse_listing(
        html.encode("latin-1"), "https://example.org/", SETTINGS, encoding="iso-8859-1"
    )
    assert items[0].title == "Éducation"


def test_listing_page_url() -> None:
    assert listing_page_url(SETTINGS, 3) == "https://newsroom.example.org/fr/search?page=3"
    plain = ListingSettings(url="https://example.org/news?type=pr&page=9")
    assert listing_page_url(plain, 2) == "https://example.org/news?type=pr&page=2"
    relative = ListingSettings(url="fr/search?type%5B0%5D=press_release&page={page}")
    assert listing_page_url(relative, 0) == "fr/search?type%5B0%5D=press_release&page=0"
