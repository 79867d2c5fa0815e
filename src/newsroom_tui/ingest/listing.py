"""HTML listing pages (cards with a link, a title, a date and a type label) read into FeedItems.

Used when a newsroom has no working feed, or alongside it (IOM's public release listing is a
Drupal view of `div.article-detail` cards with `?page=N` pagination, counted from 0).
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from newsroom_tui.extraction.dates import parse_date
from newsroom_tui.extraction.selectors import element_text
from newsroom_tui.models import FeedItem
from newsroom_tui.profiles import ListingSettings
from newsroom_tui.sanitise import clean_line, clean_title
from newsroom_tui.urls import UrlRefused, join_url

MAX_CARDS = 1000
"""Cards read from one listing page at most."""
MAX_LISTING_BYTES = 20_000_000
MAX_REFUSED = 20
"""Refused card links kept with their reason per page (the rest are skipped silently)."""


def listing_page_url(settings: ListingSettings, page: int) -> str:
    """The URL of listing page number `page` (as the site counts; see `first_page`).

    `{page}` in the configured URL is replaced; without it, a `page` query parameter is set.
    The result may be relative, like the configured URL: resolve it with `Profile.resolve`.
    """
    if "{page}" in settings.url:
        return settings.url.replace("{page}", str(page))
    parts = urlsplit(settings.url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    query.append(("page", str(page)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def _text(element: Tag | None) -> str:
    """A matched element's text (the selector engine's reading), whitespace collapsed."""
    if element is None:
        return ""
    return " ".join(element_text(element).split())


def _card_date(card: Tag, selector: str) -> str:
    element = card.select_one(selector) if selector else None
    if element is not None:
        stamp = element.get("datetime") or element.get("content")
        if isinstance(stamp, str) and stamp.strip():
            return stamp
        inner = element.find("time")
        if isinstance(inner, Tag) and isinstance(inner.get("datetime"), str):
            return str(inner["datetime"])
        return _text(element)
    time_element = card.find("time")
    if isinstance(time_element, Tag):
        stamp = time_element.get("datetime")
        return stamp if isinstance(stamp, str) else _text(time_element)
    return ""


def parse_listing(
    html: bytes | str,
    page_url: str,
    settings: ListingSettings,
    *,
    encoding: str | None = None,
    refused: list[tuple[str, str]] | None = None,
) -> list[FeedItem]:
    """The release cards of one listing page, in page order, links made absolute.

    `encoding` is the charset the server declared, if any (bytes only). Why a card's link was
    refused goes to `refused`, when given (the first MAX_REFUSED).
    """
    data = html[:MAX_LISTING_BYTES]
    if isinstance(data, bytes) and encoding:
        soup = BeautifulSoup(data, "lxml", from_encoding=encoding)
    else:
        soup = BeautifulSoup(data, "lxml")
    matches = [m for m in soup.select(settings.item, limit=MAX_CARDS) if isinstance(m, Tag)]
    cards: list[Tag] = []
    if settings.card_is_parent:
        # The parent is the card only when it holds one matched element (a shared container
        # would merge every card into one).
        parents = Counter(id(m.parent) for m in matches if m.parent is not None)
        for match in matches:
            parent = match.parent
            use_parent = isinstance(parent, Tag) and parents[id(parent)] == 1
            cards.append(parent if use_parent and isinstance(parent, Tag) else match)
    else:
        cards = matches
    items: list[FeedItem] = []
    seen: set[str] = set()
    for card in cards:
        link_element = card.select_one(settings.link) if settings.link else None
        if link_element is None and card.name == "a":
            link_element = card
        href = link_element.get("href") if link_element is not None else None
        try:
            url = join_url(page_url, href)
        except UrlRefused as exc:
            has_link = isinstance(href, str) and href.strip()
            if refused is not None and has_link and len(refused) < MAX_REFUSED:
                refused.append((exc.url, exc.reason))
            continue
        if url in seen:
            continue
        seen.add(url)
        title = _text(card.select_one(settings.title)) if settings.title else ""
        if not title and link_element is not None:
            title = _text(link_element)
        tag = clean_line(_text(card.select_one(settings.tag)), limit=80) if settings.tag else ""
        items.append(
            FeedItem(
                url=url,
                guid=None,
                title=clean_title(title),
                summary_html="",
                published=parse_date(_card_date(card, settings.date)),
                tags=[tag] if tag else [],
                source=page_url,
            )
        )
    return items
