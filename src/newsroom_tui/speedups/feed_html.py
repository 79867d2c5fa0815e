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

_INLINE = ("p", "em", "strong", "b", "i", "u", "span", "sub", "sup")
_KEPT_TAGS = frozenset([f"<{name}>" for name in _INLINE] + [f"</{name}>" for name in _INLINE])
_KEPT_TAGS |= {"</a>"}
_BREAKS = frozenset(["<br>", "<br/>", "<br />"])
_SPLIT = re.compile(r"(<[^<>]*>)")
_HREF = re.compile(r'<a href="((?:[^"<>\'&\s]|&amp;)*)">')
_REFERENCE = re.compile(r"([a-zA-Z][a-zA-Z0-9]{0,31});|#([0-9]{1,7});")
"""What may follow a `&` in text (the `&` itself split off)."""
_JOINED_REFUSED = re.compile(r"[\"<>\s]|&(?!amp;)")
_HREF_SCHEMES = ("http", "https")


def _references_known(text: str) -> bool:
    """Every `&` in `text` starts a reference both passes keep as it is."""
    for piece in text.split("&")[1:]:
        match = _REFERENCE.match(piece)
        if match is None:
            return False
        name, number = match.groups()
        if name is not None:
            if name not in name2codepoint and name != "apos":
                return False
        else:
            value = int(number)
            if 128 <= value <= 159 or value > 0x10FFFF:
                return False  # feedparser rewrites C1 references to cp1252's characters
    return True


def sanitize(html: str, base: str, urljoin: object) -> str | None:
    """What `resolve_relative_uris` then `_sanitize_html` give for `html` (already stripped),
    or None when it is outside the subset. `urljoin` is feedparser's join (slashes after
    "scheme://" dropped), passed in by the caller that mirrors it."""
    if not speedups.ENABLED:
        return None
    html = html.replace("&#39;", "'").replace("&#34;", '"')
    out: list[str] = []
    append = out.append
    is_text = False
    for part in _SPLIT.split(html):
        is_text = not is_text  # text and tags alternate, text first
        if is_text:
            if "<" in part or ("&" in part and not _references_known(part)):
                return None
            append(part)
        elif part in _KEPT_TAGS:
            append(part)
        elif part in _BREAKS:
            append("<br />")
        else:
            match = _HREF.fullmatch(part)
            if match is None:
                return None
            href = match.group(1)
            if not href:
                return None
            joined = urljoin(base, href)  # type: ignore[operator]
            if not isinstance(joined, str) or joined.split(":", 1)[0] not in _HREF_SCHEMES:
                return None
            if _JOINED_REFUSED.search(joined):
                return None
            append(f'<a href="{joined}">')
    return "".join(out).strip().replace("\r\n", "\n")
