"""Article extraction: one HTML page in, title, date, language, tags, body (Markdown and plain text)
and contacts out.

The page is parsed once with lxml (building a BeautifulSoup tree of a whole page costs ten times
more); metadata and the body are found on that tree. Only the body goes on to BeautifulSoup and
markdownify. Profile selectors are CSS, run by the one selector engine (`selectors`). When no
body selector matches, a heuristic keeps the main text block. Every step is bounded and nothing
raises on page content: problems become notes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import lxml.etree
import lxml.html
from bs4 import BeautifulSoup, Tag
from bs4.exceptions import ParserRejectedMarkup

from newsroom_tui.extraction.contacts import extract_contacts, extract_contacts_lxml
from newsroom_tui.extraction.dates import parse_date
from newsroom_tui.extraction.language_links import language_links
from newsroom_tui.extraction.markdown import (
    MAX_HTML_CHARS,
    REMOVED_TAGS,
    ConvertedBody,
    collapse_whitespace,
    html_to_markdown,
    summary_to_markdown,
    tag_to_markdown,
)
from newsroom_tui.extraction.selectors import (
    PageSelector,
    drop_may_match,
    element_text,
    has_text,
    tags_to_drop,
)
from newsroom_tui.models import Contact, ExtractedPage
from newsroom_tui.profiles import ExtractSettings
from newsroom_tui.sanitise import clean_body, clean_line, clean_title, safe_url
from newsroom_tui.speedups import lxml_body
from newsroom_tui.speedups.soup_tree import first_tag, parse_html

__all__ = [
    "ConvertedBody",
    "decode_html",
    "extract_page",
    "html_to_markdown",
    "summary_to_markdown",
]

MAX_PAGE_CHARS = 10_000_000
"""Characters of a page looked at; the rest is dropped with a note."""
MAX_TAGS = 20
MAX_TAG_CHARS = 100
MAX_JSON_LD_CHARS = 200_000
MAX_JSON_LD_NODES = 2_000

_JUNK_XPATH = (
    "//nav | //header | //footer | //aside | //form"
    " | //*[@role='navigation' or @role='banner' or @role='contentinfo'"
    " or @role='complementary' or @role='search']"
    " | //*[contains(@class, 'share') or contains(@class, 'social') or contains(@class, 'addthis')"
    " or contains(@id, 'share') or contains(@id, 'social')]"
)
_JUNK_WORD = re.compile(
    r"(?:^|[-_])(?:share|sharing|sharer|social|addthis|sharethis)(?:$|[-_])", re.I
)
_ROLE_JUNK = frozenset(("navigation", "banner", "contentinfo", "complementary", "search"))
_KEEP_TAGS = frozenset(("html", "body", "main", "article"))
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
_MIN_PARAGRAPH = 25


def decode_html(data: bytes, encoding: str | None = None) -> str:
    """Text of a page: the declared encoding, else the page's meta charset, else UTF-8; bytes
    that do not decode become U+FFFD rather than an error."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    candidates: list[str] = []
    if encoding:
        candidates.append(encoding)
    match = _META_CHARSET.search(data[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", errors="replace"))
    for candidate in candidates:
        try:
            return data.decode(candidate.strip(), errors="replace")
        except (LookupError, ValueError):
            continue
    return data.decode("utf-8", errors="replace")


def _strip_suffixes(title: str, suffixes: Iterable[str]) -> str:
    for suffix in suffixes:
        wanted = clean_line(suffix)
        if wanted and title.casefold().endswith(wanted.casefold()):
            return title[: len(title) - len(wanted)].rstrip()
    return title


def _title(page: PageSelector, settings: ExtractSettings) -> str:
    def candidates() -> Iterator[str]:
        for selector in settings.title:
            yield from page.values(selector)
        yield from page.root.xpath("//meta[@property='og:title']/@content")[:1]
        for el in page.root.xpath("//title")[:1]:
            yield element_text(el)

    for raw in candidates():
        title = _strip_suffixes(
            clean_line(str(raw)[:10_000], limit=10_000), settings.title_suffixes
        )
        if title:
            return clean_title(title)
    return ""


def _json_ld_dates(page: PageSelector) -> Iterator[str]:
    """datePublished values of the page's JSON-LD, breadth first (so @graph items count)."""
    scripts = page.root.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]")
    for script in scripts[:10]:
        raw = script.text or ""
        if not raw.strip() or len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            page.notes.append("unreadable JSON-LD block ignored")
            continue
        queue: list[Any] = [data]
        seen = 0
        while queue and seen < MAX_JSON_LD_NODES:
            node = queue.pop(0)
            seen += 1
            if isinstance(node, dict):
                value = node.get("datePublished")
                if isinstance(value, str):
                    yield value
                queue.extend(v for v in node.values() if isinstance(v, dict | list))
            elif isinstance(node, list):
                queue.extend(v for v in node if isinstance(v, dict | list))


def _published(
    page: PageSelector, settings: ExtractSettings, fallback: datetime | None
) -> datetime | None:
    def candidates() -> Iterator[str]:
        yield from page.root.xpath("//meta[@property='article:published_time']/@content")[:5]
        yield from page.root.xpath("//time/@datetime")[:20]
        yield from _json_ld_dates(page)
        for selector in settings.date:
            yield from page.values(selector, limit=5)

    for raw in candidates():
        value = parse_date(str(raw))
        if value is not None:
            return value
    if fallback is not None:
        return fallback.astimezone(UTC) if fallback.tzinfo else fallback.replace(tzinfo=UTC)
    return None


def _language(page: PageSelector, default: str) -> str:
    raw = page.root.get("lang") or page.root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    match = _LANG.match(str(raw).strip())
    return match.group(1).lower() if match else default


def _tags(page: PageSelector) -> list[str]:
    raw: list[str] = [
        str(v) for v in page.root.xpath("//meta[@property='article:tag']/@content")[:100]
    ]
    raw.extend(element_text(a) for a in page.select("a[rel~=tag]", limit=100))
    tags: list[str] = []
    seen: set[str] = set()
    for value in raw:
        tag = clean_line(value[:1000], limit=MAX_TAG_CHARS)
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            tags.append(tag)
            if len(tags) >= MAX_TAGS:
                break
    return tags


def _base_url(page: PageSelector, url: str) -> str:
    for href in page.root.xpath("//base/@href")[:1]:
        try:
            joined = urljoin(url, str(href).strip())
        except ValueError:
            return url
        if safe_url(joined):
            return joined
    return url


def _is_junk(el: Any) -> bool:
    if el.tag in _KEEP_TAGS:
        return False
    if el.tag in ("nav", "header", "footer", "aside", "form"):
        return True
    if str(el.get("role") or "").lower() in _ROLE_JUNK:
        return True
    words = [*str(el.get("class") or "").split(), str(el.get("id") or "")]
    return any(word and _JUNK_WORD.search(word) for word in words)


def _drop_junk(root: Any) -> None:
    for el in root.xpath(_JUNK_XPATH):
        parent = el.getparent()
        if parent is not None and _is_junk(el):
            el.drop_tree()


def _text_length(el: Any) -> int:
    return len(" ".join(str(el.text_content()).split()))


def _main_block(body: Any) -> Any:
    """The element holding most of the paragraph text, links counting against it."""
    articles = body.xpath(".//article")
    if articles:
        return max(articles, key=_text_length)
    mains = body.xpath(".//main | .//*[@role='main']")
    if mains:
        return mains[0]
    scores: dict[Any, float] = {}
    for paragraph in body.iter("p"):
        length = _text_length(paragraph)
        if length < _MIN_PARAGRAPH:
            continue
        parent = paragraph.getparent()
        for share in (1.0, 0.5):
            if parent is None:
                break
            scores[parent] = scores.get(parent, 0.0) + length * share
            parent = parent.getparent()
    best, best_score = body, 0.0
    for el in sorted(scores, key=scores.__getitem__, reverse=True)[:50]:
        total = _text_length(el) or 1
        linked = sum(_text_length(a) for a in el.iter("a"))
        score = scores[el] * (1.0 - min(1.0, linked / total))
        if score > best_score:
            best, best_score = el, score
    return best


def _body_html(page: PageSelector, settings: ExtractSettings, title: str) -> str:
    for selector in settings.body:
        for el in page.select(selector):
            if not has_text(el):
                continue
            return str(el) if isinstance(el, Tag) else _serialise(el)
    bodies = page.root.xpath("//body")
    root = bodies[0] if bodies else page.root
    _drop_junk(root)
    if settings.body:
        page.notes.append("no body selector matched: main text found by heuristic")
    block = _main_block(root)
    # The page's own heading repeats the title shown above the body.
    for heading in block.xpath(".//h1")[:1]:
        if clean_title(element_text(heading)) == title and heading.getparent() is not None:
            heading.drop_tree()
    return _serialise(block)


def _serialise(el: Any) -> str:
    """The element's HTML without its tail text and without active content."""
    lxml.etree.strip_elements(el, *REMOVED_TAGS, with_tail=False)
    # with_tail rather than unsetting and restoring .tail: lxml refuses to set back a tail that
    # holds control characters (ValueError), which the page's own parse had accepted.
    return str(lxml.html.tostring(el, encoding="unicode", method="html", with_tail=False))


def _drop_selected(body: Tag, selectors: Iterable[str], notes: list[str], html: str) -> bool:
    """Remove what the profile's drop selectors match; True if anything was removed. `html` is
    the markup `body` was parsed from."""
    removed = False
    for el in tags_to_drop(body, selectors, notes, html):
        if not el.decomposed:
            el.decompose()
            removed = True
    return removed


def extract_page(
    html: bytes | str,
    url: str,
    settings: ExtractSettings,
    *,
    language: str = "",
    fallback_date: datetime | None = None,
    encoding: str | None = None,
) -> ExtractedPage:
    """Extract one page. Never raises on page content: what fails is noted in `notes`.

    `language` is used when the page does not declare one; `fallback_date` (the listing card's or
    the feed's date) when the page carries none; `encoding` is the HTTP charset, if any.
    """
    notes: list[str] = []
    text = decode_html(html, encoding) if isinstance(html, bytes) else html
    if len(text) > MAX_PAGE_CHARS:
        text = text[:MAX_PAGE_CHARS]
        notes.append(f"page longer than {MAX_PAGE_CHARS:,} characters: the rest was dropped")
    text = collapse_whitespace(text.replace("\x00", ""))
    page = PageSelector(text, notes)

    title = _title(page, settings)
    published = _published(page, settings, fallback_date)
    lang = _language(page, language)
    tags = _tags(page)
    base = _base_url(page, url)
    # Before the body: the heuristic drops the header, where the language switcher lives.
    versions = language_links(page.root, base)

    body_source = _body_html(page, settings, title)
    if len(body_source) > MAX_HTML_CHARS:
        body_source = body_source[:MAX_HTML_CHARS]
        notes.append(f"body longer than {MAX_HTML_CHARS:,} characters: the rest was dropped")
    walked = _walked_body(body_source, settings.drop)
    if walked is not None:
        # The body in the subset lxml_body converts: no BeautifulSoup tree (same result).
        body_html = clean_body(body_source)
        if body_html == body_source:
            contacts = extract_contacts_lxml(body_html, walked)
        else:
            contacts = extract_contacts(body_html)
        converted = lxml_body.to_markdown(walked, base, notes)
    else:
        body_html, contacts, converted = _soup_body(body_source, settings, base, notes)
    return ExtractedPage(
        url=url,
        title=title,
        published=published,
        markdown=converted.markdown,
        text=converted.text,
        body_html=body_html,
        language=lang,
        tags=tags,
        contacts=contacts,
        notes=converted.notes,
        language_links=versions,
    )


def _walked_body(body_source: str, drop: Iterable[str]) -> Any | None:
    """lxml's <body> of the body's HTML when lxml_body converts it (nothing to drop, the markup
    in its subset), else None."""
    if not lxml_body.active() or drop_may_match(drop, body_source):
        return None
    return lxml_body.parse_body(body_source)


def _soup_body(
    body_source: str, settings: ExtractSettings, base: str, notes: list[str]
) -> tuple[str, list[Contact], ConvertedBody]:
    """The body's sanitised HTML, contacts and conversion through BeautifulSoup's tree."""
    try:
        fragment = parse_html(body_source)
    except (ParserRejectedMarkup, ValueError, TypeError) as exc:
        notes.append(f"body could not be parsed: {type(exc).__name__}")
        fragment = BeautifulSoup("", "lxml")
    body: Tag = first_tag(fragment, "body") or fragment
    dropped = _drop_selected(body, settings.drop, notes, body_source)
    if dropped:
        body_source = "".join(str(child) for child in body.contents)
    body_html = clean_body(body_source)
    # Contacts read the body's own parse when it is exactly the parse of body_html (nothing
    # dropped, nothing sanitised away), so the HTML is not parsed a second time; they run before
    # tag_to_markdown, which rewrites the tree in place.
    same_tree = not dropped and body_html == body_source
    contacts = extract_contacts(body_html, tree=fragment if same_tree else None)
    converted = tag_to_markdown(body, base, notes)
    return body_html, contacts, converted
