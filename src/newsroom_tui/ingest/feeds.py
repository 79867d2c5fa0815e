"""RSS/Atom parsing, hardened for hostile feeds (plain RSS 2.0 and Atom 1.0 read by `feed_xml`, the rest by
feedparser); feed discovery from HTML.

feedparser always gets the fetched bytes wrapped in a BytesIO: given bytes directly, 6.0.14 tries
them as a file name first (so a body like `/etc/passwd` would be read from disk), and given a str
that looks like a URL it would fetch it itself.

Hostile input, and what is done about it:
- feedparser 6.0.14 raises on invalid character references (`&#xD800;` gives UnicodeEncodeError,
  `&#x110000;` ValueError, huge numbers OverflowError) and on some empty inputs (AttributeError):
  those are caught and reported as "unreadable feed".
- Its author/email regex is quadratic in the length of an author string. Before parsing, the
  content of every author-like element (author, creator, managingEditor, webMaster, publisher,
  contributor, name, email, with any namespace prefix) is cut to `AUTHOR_CAP` bytes by a linear
  scan, and the whole document is capped in size. `sync` additionally runs `parse_feed` in a
  worker thread under a time limit (a thread cannot be killed, so the trimming is what bounds it;
  the limit only stops the sync from waiting).
- A DOCTYPE with an internal subset is removed before parsing: feeds have no use for entity
  declarations, so XXE and billion-laughs payloads have nothing to expand (feedparser's expat
  parser does not resolve external entities either; the tests check both).
- Not-a-feed bodies (HTML pages, JSON, images, empty) raise `FeedError("not a feed")`, so the
  caller keeps what it had cached.
- Per-feed and per-item fan-out is capped (items, tags); enclosures are ignored; links that are not
  absolute http(s) URLs are dropped and counted; absurd dates become None.
"""

from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from newsroom_tui.models import FeedItem
from newsroom_tui.sanitise import clean_line, clean_title
from newsroom_tui.speedups.feed_xml import Declined, read_feed
from newsroom_tui.speedups.urljoin import join_as_is
from newsroom_tui.urls import UrlRefused, check_url, join_url

MAX_FEED_BYTES = 20_000_000
AUTHOR_CAP = 1000
"""Longest author-like element content kept (bytes); feedparser's email regex is quadratic."""
MAX_TAGS = 20
MAX_ITEMS = 50_000
"""Items read from one feed; the feed's byte cap bounds it first for any real feed."""
MAX_SUMMARY = 200_000
MAX_GUID = 1000
MAX_REFUSED = 20
"""Refused links kept with their reason per feed or listing page (the rest are only counted)."""
EARLIEST_YEAR = 1990

_AUTHORISH = re.compile(
    rb"<((?:[A-Za-z_][\w.-]{0,40}:)?(?:author|creator|managingeditor|webmaster|publisher"
    rb"|contributor|name|email))(?=[\s/>])[^>]{0,500}>",
    re.IGNORECASE,
)
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^\[>]{0,1000}\[", re.IGNORECASE)
_MARKUP_CHARS = re.compile(rb"[<>&]")
_TAG = re.compile(r"<[^>]{0,2000}>")
_HTML_START = re.compile(
    rb"\s*(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S
)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


class FeedError(Exception):
    """A body that yields no feed; str() is one line for the user ("not a feed", ...)."""


@dataclass(slots=True)
class ParsedFeed:
    """The items of one feed and what was set aside while reading it."""

    items: list[FeedItem] = field(default_factory=list)
    title: str = ""
    dropped_links: int = 0
    """Items dropped because their link was missing or refused (see `newsroom_tui.urls`)."""
    refused: list[tuple[str, str]] = field(default_factory=list)
    """(link as shown, why) for the first `MAX_REFUSED` non-empty links refused (the sync
    reports each)."""
    duplicates: int = 0
    malformed: bool = False
    """The feed was not well-formed XML; what could be read is in `items`."""


def _strip_doctype_subset(data: bytes) -> bytes:
    """Remove a DOCTYPE that declares entities (only looked for in the prolog)."""
    head = data[:4096]
    match = _DOCTYPE_SUBSET.search(head)
    if match is None:
        return data
    end = data.find(b"]>", match.end())
    if end < 0:
        end = data.find(b">", match.end())
        if end < 0:
            return data[: match.start()]
        return data[: match.start()] + data[end + 1 :]
    return data[: match.start()] + data[end + 2 :]


def trim_authors(data: bytes, cap: int = AUTHOR_CAP) -> bytes:
    """Cut the content of author-like elements to `cap` bytes, in one linear pass."""
    lowered = data.lower()
    out: list[bytes] = []
    position = 0  # everything before it is already in `out`
    search_from = 0
    next_close: dict[bytes, int] = {}
    while True:
        match = _AUTHORISH.search(data, search_from)
        if match is None:
            break
        name = match.group(1).lower()
        content_start = match.end()
        if match.group(0).endswith(b"/>"):
            search_from = content_start
            continue
        closing = b"</" + name
        close = next_close.get(name, -1)
        if close < content_start:
            close = lowered.find(closing, content_start)
            next_close[name] = close if close >= 0 else len(data) + 1
        if close < 0 or close > len(data):
            # Never closed: the rest of the document is this element's content.
            out.append(data[position:content_start])
            out.append(_MARKUP_CHARS.sub(b"", data[content_start : content_start + cap]))
            position = len(data)
            break
        if close - content_start > cap:
            out.append(data[position:content_start])
            out.append(_MARKUP_CHARS.sub(b"", data[content_start:close])[:cap])
            position = close
            search_from = close
        else:
            search_from = content_start
    out.append(data[position:])
    return b"".join(out)


def _looks_like_html(data: bytes) -> bool:
    return _HTML_START.match(data[:4096]) is not None


def _datetime(parsed: Any) -> datetime | None:
    if not parsed:
        return None
    try:
        stamp = calendar.timegm(parsed)
        value = datetime.fromtimestamp(stamp, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    if value.year < EARLIEST_YEAR or value > datetime.now(UTC) + timedelta(days=2):
        return None
    return value


def _text_of(value: str, kind: str) -> str:
    if "html" in kind and "<" in value:
        return _TAG.sub(" ", value)
    return value


def _entry_tags(entry: Any) -> list[str]:
    tags: list[str] = []
    for raw in (entry.get("tags") or [])[: MAX_TAGS * 3]:
        term = raw.get("label") or raw.get("term") if hasattr(raw, "get") else None
        text = clean_line(term if isinstance(term, str) else "", limit=80)
        if text and text not in tags:
            tags.append(text)
        if len(tags) >= MAX_TAGS:
            break
    return tags


def _run_feedparser(data: bytes, url: str, content_type: str) -> Any:
    import feedparser  # only for feeds feed_xml declines (~20 ms of start-up otherwise)

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    try:
        return feedparser.parse(io.BytesIO(data), response_headers=headers)
    except (
        ValueError,  # invalid character references (UnicodeEncodeError is a ValueError too)
        OverflowError,  # character references too large for a C int
        AttributeError,  # some empty or odd documents
        TypeError,
        KeyError,
        IndexError,
        LookupError,
        RecursionError,
        AssertionError,
    ) as exc:
        raise FeedError(f"unreadable feed ({type(exc).__name__})") from exc


def parse_feed_detailed(
    data: bytes,
    url: str,
    *,
    max_items: int = MAX_ITEMS,
    content_type: str = "",
    fast_path: bool = True,
) -> ParsedFeed:
    """Parse an RSS/Atom document; raise FeedError when the body is not a feed.

    Plain RSS 2.0 and Atom 1.0 are read by `feed_xml` (same items, many times faster); everything else, or
    everything when `fast_path` is false (the tests compare both), by feedparser."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("parse_feed takes the fetched bytes")
    data = bytes(data[:MAX_FEED_BYTES])
    if not data.strip():
        raise FeedError("not a feed (empty body)")
    if _looks_like_html(data) or data.lstrip()[:1] in (b"{", b"["):
        raise FeedError("not a feed")
    data = trim_authors(_strip_doctype_subset(data))
    try:
        if not fast_path:
            raise Declined("feedparser asked for")
        feed_title, entries, malformed = read_feed(data, url, content_type)
    except Declined:
        result = _run_feedparser(data, url, content_type)
        version = result.get("version") or ""
        entries = result.get("entries") or []
        if not version and not entries:
            raise FeedError("not a feed") from None
        feed_title = (result.get("feed") or {}).get("title", "") or ""
        malformed = bool(result.get("bozo"))
    parsed = ParsedFeed(title=clean_title(_text_of(feed_title, "html")), malformed=malformed)
    seen: set[str] = set()
    for entry in entries[:max_items]:
        link_raw = entry.get("link") or ""
        link_raw = link_raw.strip() if isinstance(link_raw, str) else ""
        try:
            # A plain absolute link joins as itself (speedups.urljoin): only the check is left.
            link = check_url(link_raw) if join_as_is(url, link_raw) else join_url(url, link_raw)
        except UrlRefused as exc:
            parsed.dropped_links += 1
            if link_raw and len(parsed.refused) < MAX_REFUSED:
                parsed.refused.append((exc.url, exc.reason))
            continue
        guid_raw = entry.get("id")
        guid = clean_line(guid_raw, limit=MAX_GUID) if isinstance(guid_raw, str) else ""
        key = guid or link
        if key in seen:
            parsed.duplicates += 1
            continue
        seen.add(key)
        title_detail = entry.get("title_detail") or {}
        title = clean_title(_text_of(entry.get("title", "") or "", title_detail.get("type", "")))
        summary = entry.get("summary") or ""
        if not summary and entry.get("content"):
            summary = entry["content"][0].get("value", "") or ""
        # dict.get: FeedParserDict.get maps missing keys to others with a DeprecationWarning.
        published = _datetime(dict.get(entry, "published_parsed")) or _datetime(
            dict.get(entry, "updated_parsed")
        )
        parsed.items.append(
            FeedItem(
                url=link,
                guid=guid or None,
                title=title,
                summary_html=summary[:MAX_SUMMARY] if isinstance(summary, str) else "",
                published=published,
                tags=_entry_tags(entry),
                source=url,
            )
        )
    return parsed


def parse_feed(data: bytes, url: str, *, max_items: int = MAX_ITEMS) -> list[FeedItem]:
    """The items of an RSS/Atom feed (see `parse_feed_detailed` for the counts set aside)."""
    return parse_feed_detailed(data, url, max_items=max_items).items


def discover_feeds(
    html: bytes | str, base_url: str, *, refused: list[tuple[str, str]] | None = None
) -> list[str]:
    """Feed URLs announced by `<link rel="alternate" type="application/rss+xml|atom+xml">`;
    why the announced ones that were refused were refused goes to `refused`, when given."""
    from bs4 import BeautifulSoup, SoupStrainer

    html = html[:2_000_000]
    soup = BeautifulSoup(html, "lxml", parse_only=SoupStrainer("link"))
    found: list[str] = []
    for link in soup.find_all("link"):
        rel: Any = link.get("rel") or []
        rels = rel if isinstance(rel, list) else str(rel).split()
        if "alternate" not in [r.lower() for r in rels]:
            continue
        kind = str(link.get("type") or "").split(";")[0].strip().lower()
        if kind not in _FEED_TYPES:
            continue
        href = str(link.get("href") or "")
        try:
            absolute = join_url(base_url, href)
        except UrlRefused as exc:
            if refused is not None and href.strip() and len(refused) < MAX_REFUSED:
                refused.append((exc.url, exc.reason))
            continue
        if absolute not in found:
            found.append(absolute)
        if len(found) >= 10:
            break
    return found
