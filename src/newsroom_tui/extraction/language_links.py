"""A page's links to its versions in other languages, as the page itself states them.

Two places say it: `<link rel="alternate" hreflang="…" href="…">` in the head (what Drupal writes
for each translation that exists, with absolute URLs, and sometimes `x-default`), and the
language switcher in the page (`<a hreflang="…">`). The head wins: when it names any language,
the switcher is not read, because a Drupal switcher links every language of the site whether a
translation exists or not. From a switcher, links to a language's home page (`/`, `/fr/`) are
left out: they are not versions of the page. Nothing is guessed from slugs or paths.

Every URL is resolved against the page and passes the one URL check (`newsroom_tui.urls`);
the fragment is dropped. The first link for a language wins; at most MAX_LINKS are kept.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from newsroom_tui.models import LanguageLink
from newsroom_tui.urls import UrlRefused, check_url

MAX_LINKS = 20
"""Languages kept per page (a site in more languages than this is not a newsroom we know)."""
MAX_SCANNED = 200
"""Candidate elements looked at, in the head and in the page."""
_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,3}")

_HEAD_XPATH = (
    "//link[@hreflang][@href]"
    "[contains(concat(' ', translate(normalize-space(@rel), 'ALTERNATE', 'alternate'), ' '),"
    " ' alternate ')]"
)
_SWITCHER_XPATH = "//body//a[@hreflang][@href]"


def language_tag(raw: object) -> str | None:
    """An hreflang value in lower case with `-` between its parts ("pt-br"), or None when it is
    not a language (`x-default`, empty, anything else)."""
    if not isinstance(raw, str):
        return None
    tag = raw.strip().lower().replace("_", "-")
    if len(tag) > 35 or not _TAG.fullmatch(tag):
        return None
    return tag


def _resolved(href: object, base: str) -> str | None:
    if not isinstance(href, str) or not href.strip():
        return None
    try:
        url = urldefrag(urljoin(base, href.strip()))[0]
        return check_url(url)
    except (UrlRefused, ValueError):
        return None


def _language_home(url: str) -> bool:
    """A site's or a language's home page (`/`, `/fr`, `/es/`): what a switcher shows on pages
    that have no version in that language."""
    path = urlsplit(url).path
    return len([part for part in path.split("/") if part]) <= 1


def _collect(elements: list[Any], base: str, *, switcher: bool) -> list[LanguageLink]:
    links: list[LanguageLink] = []
    seen: set[str] = set()
    for element in elements[:MAX_SCANNED]:
        if not switcher:
            kind = str(element.get("type") or "").strip().lower()
            if kind and kind not in ("text/html", "application/xhtml+xml"):
                continue  # a feed in that language, not the page
        tag = language_tag(element.get("hreflang"))
        if tag is None or tag in seen:
            continue
        url = _resolved(element.get("href"), base)
        if url is None or (switcher and _language_home(url)):
            continue
        seen.add(tag)
        links.append(LanguageLink(tag, url))
        if len(links) >= MAX_LINKS:
            break
    return links


def language_links(root: Any, base: str) -> list[LanguageLink]:
    """The language versions an lxml page links (see the module docstring); `base` is the URL
    relative links resolve against. Never raises on page content."""
    head = _collect(root.xpath(_HEAD_XPATH), base, switcher=False)
    if head:
        return head
    return _collect(root.xpath(_SWITCHER_XPATH), base, switcher=True)
