"""When `urllib.parse.urljoin(base, uri)` is `uri` itself, told without parsing either.

A feed's links are absolute URLs in their plainest form (`https://host/path`, maybe a query), and
each is joined to a base several times on its way to the store: by the feed reader (feedparser's
join, for the link, the guid and every link in the summary), by the feed's link check, and by the
summary's link check. For such a URL, `urljoin` parses both, finds a scheme and a host in `uri`,
and gives back `urlunparse(urlparse(uri))`, which is `uri`: ~15 µs a call, a tenth of an HTML
item's sync. `join_as_is` says when that is so with one pattern.

The pattern admits only: a lower-case `http` or `https` scheme, `://`, a host of ASCII letters,
digits, dots and hyphens, an optional port of digits, a path of the characters a URL path keeps
unchanged through `urlsplit` and `urlunsplit` (no `;`, which starts parameters, no `?`/`#` but
the one `?` before a non-empty query, no space or control), and no fragment. Or: a URI of
another scheme (an Atom id, `urn:uuid:…`), given back as it is to an http(s) base. `base` must be
one `urlsplit` cannot refuse: ASCII without brackets (or empty). `tests/test_urljoin_shortcut.py`
holds the answer to `urljoin`'s on generated URLs and bases.
"""

from __future__ import annotations

import re

from newsroom_tui import speedups

_PATH = r"[A-Za-z0-9._~!$&'()*+,=:@%/-]"
_PLAIN_ABSOLUTE = re.compile(
    rf"https?://[A-Za-z0-9][A-Za-z0-9.-]*(?::[0-9]{{1,5}})?(?:/{_PATH}*)?(?:\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]+)?"
)


_OTHER_SCHEME = re.compile(
    r"(?!https?:)(?![a-z][a-z0-9+.-]*:///)[a-z][a-z0-9+.-]*:[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*"
)
"""A URI of another scheme than http(s) (`urn:uuid:…`, `tag:…`): urljoin gives it back as it is
to an http(s) base (feedparser's join too: no extra slashes after `://` for it to drop)."""


def join_as_is(base: str, uri: str) -> bool:
    """True when `urllib.parse.urljoin(base, uri)` (and feedparser's join, which calls it) is
    `uri` unchanged; False when it may not be (then join as usual)."""
    if not speedups.ENABLED:
        return False
    plain_base = base.isascii() and "[" not in base and "]" not in base
    if _PLAIN_ABSOLUTE.fullmatch(uri) is not None:
        return not base or plain_base
    return (
        plain_base
        and base.startswith(("http://", "https://"))
        and _OTHER_SCHEME.fullmatch(uri) is not None
    )
