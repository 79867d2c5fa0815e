"""feedparser's treatment of the HTML in a feed field (its relative-link resolver, then its
sanitiser), for the small inline subset newsroom summaries use, without its SGML parser.

feedparser runs every HTML summary through two passes of a pure-Python SGML parser (~0.15 ms for a
one-paragraph summary, more than the rest of the item). For markup made only of `p`, `em`,
`strong`, `b`, `i`, `u`, `span`, `sub`, `sup`, `br` without attributes and `a` with a double-quoted
`href`, text without `<`, and the character references listed below, both passes give the input
back with three changes: `&#39;` and `&#34;` become the characters, `<br>` forms become `<br />`,
and each `href` becomes feedparser's safe absolute URI. Anything else answers None and the caller
runs feedparser's own passes. A differential test holds the two to the same string on generated
markup (`tests/test_feed_html.py`).
"""

from __future__ import annotations

import re
from html.entities import name2codepoint

from newsroom_tui import speedups

_INLINE = "p|em|strong|b|i|u|span|sub|sup"
_TOKEN = re.compile(
    rf"(?P<text>[^<&]+)"
    r"|&(?P<name>[a-zA-Z][a-zA-Z0-9]{0,31});"
    r"|&#(?P<number>[0-9]{1,7});"
    rf"|<(?P<open>{_INLINE})>"
    rf"|</(?P<close>{_INLINE}|a)>"
    r"|<br(?: ?/)?>"
    r'|<a href="(?P<href>(?:[^"<>\'&\s]|&amp;)*)">'
)
_HREF_SCHEMES = ("http", "https")


def sanitize(html: str, base: str, urljoin: object) -> str | None:
    """What `resolve_relative_uris` then `_sanitize_html` give for `html` (already stripped),
    or None when it is outside the subset. `urljoin` is feedparser's join (slashes after
    "scheme://" dropped), passed in by the caller that mirrors it."""
    if not speedups.ENABLED:
        return None
    html = html.replace("&#39;", "'").replace("&#34;", '"')
    out: list[str] = []
    append = out.append
    position = 0
    length = len(html)
    match_at = _TOKEN.match
    while position < length:
        match = match_at(html, position)
        if match is None:
            return None
        position = match.end()
        kind = match.lastgroup
        if kind == "text" or kind == "open" or kind == "close":
            append(match.group(0))
        elif kind == "name":
            if match.group("name") not in name2codepoint and match.group("name") != "apos":
                return None
            append(match.group(0))
        elif kind == "number":
            value = int(match.group("number"))
            if 128 <= value <= 159 or value > 0x10FFFF:
                return None  # feedparser rewrites C1 references to cp1252's characters
            append(match.group(0))
        elif kind == "href":
            href = match.group("href")
            if not href:
                return None
            joined = urljoin(base, href)  # type: ignore[operator]
            if not isinstance(joined, str) or joined.split(":", 1)[0] not in _HREF_SCHEMES:
                return None
            if re.search(r"[\"<>\s]|&(?!amp;)", joined):
                return None
            append(f'<a href="{joined}">')
        else:  # a line break in any of its forms
            append("<br />")
    return "".join(out).strip().replace("\r\n", "\n")
