"""One parse-and-validate step for every URL that comes from the network or a profile.

Feed and item links, redirects, listing cards, discovered feeds, menu pages and links in articles
all pass through `check_url` (or `join_url`, for a reference resolved against the page it was
found on) before anything fetches, stores or opens them. A URL is accepted when it is an absolute
http(s) URL of at most `MAX_URL` characters with nothing a terminal could act on, no user name or
password, a host that is an IPv4 address, an IPv6 address in brackets or a host name (IDNA for
non-ASCII names, as the HTTP client encodes them), and a port from 1 to 65535. Anything else
raises `UrlRefused`, a ValueError whose str() is one line for the user; nothing else is raised,
whatever the input.

The URL is returned as given (surrounding whitespace removed), never rewritten: release ids are
made from item URLs, so a normalisation here would rename releases already stored.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from newsroom_tui.i18n import N_, _
from newsroom_tui.lazy_re import lazy_compile
from newsroom_tui.local_formats import format_number

MAX_URL = 4096
"""Longest URL accepted, in characters."""
MAX_HOST = 253
"""Longest host name accepted (in its ASCII form), as DNS allows."""

# What a URL must not hold: C0 controls and space, DEL, C1, bidi and zero-width characters, BOM,
# and lone surrogates (no encoding can send or store them).
_URL_REFUSED = lazy_compile(
    "[\x00-\x20\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff"
    "\u200b-\u200d\u2060\u00ad\u180e\ud800-\udfff]"
)
_LABEL = lazy_compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_NUMERIC_HOST = lazy_compile(r"[0-9.]+")
_PORT = lazy_compile(r"[0-9]{1,5}")
_SHOWN = 80


class UrlRefused(ValueError):
    """A URL that is not used; str() is one line: the reason, then the URL as it can be shown."""

    def __init__(self, reason: str, url: object = None) -> None:
        self.reason = reason
        """Why, in a few words ("port out of range (1-65535)")."""
        self.url = shown_url(url) if isinstance(url, str) else ""
        """The URL as it can be shown in one line ('' when there was none)."""
        super().__init__(f"{reason}: {self.url}" if self.url else reason)


def shown_url(value: str, limit: int = _SHOWN) -> str:
    """A URL as it can be printed in one line: refused characters become '?', cut at `limit`."""
    text = _URL_REFUSED.sub("?", value.strip())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _too_long() -> str:
    return _("URL longer than {limit} characters").format(limit=format_number(MAX_URL))


# An http(s) URL in its plainest form: lower-case scheme, a host of ASCII letters, digits, dots
# and hyphens, maybe a port, then printable ASCII. For it, the full check below comes down to the
# host's check and the port's range (`urlsplit` would find this host and port, and nothing else
# in it can be refused): most links of a feed take this one match instead of the parse.
_PLAIN_URL = lazy_compile(r"https?://([A-Za-z0-9.-]+)(?::([0-9]{1,5}))?(?:[/?#][!-~]*)?")


def check_url(value: object) -> str:
    """`value` (whitespace around it removed) if it is a URL to use; else raise UrlRefused."""
    if isinstance(value, str) and len(value) <= MAX_URL:
        plain = _PLAIN_URL.fullmatch(value)
        if plain is not None:
            host, port = plain.groups()
            if (port is None or 1 <= int(port) <= 65535) and _host_problem(host) is None:
                return value
    return _check_url_fully(value)


def _check_url_fully(value: object) -> str:
    """check_url, every step (for any URL the plain form does not accept)."""
    if not isinstance(value, str) or not value.strip():
        raise UrlRefused(_("empty link"))
    raw = value.strip()
    if len(raw) > MAX_URL:
        raise UrlRefused(_too_long(), raw)
    if _URL_REFUSED.search(raw):
        raise UrlRefused(_("URL with spaces, control or invisible characters refused"), raw)
    if raw.startswith("-"):
        raise UrlRefused(_("URL that looks like a command-line option refused"), raw)
    try:
        parts = urlsplit(raw)
    except ValueError:
        # Unbalanced or invalid brackets, or a host that normalises to a delimiter.
        raise UrlRefused(_("malformed URL"), raw) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise UrlRefused(_("not an http(s) link"), raw)
    _userinfo, at, hostport = parts.netloc.rpartition("@")
    if at:
        raise UrlRefused(_("URL with a user name or password refused"), raw)
    host, port = _split_host_port(hostport, raw)
    if port is not None:
        if not _PORT.fullmatch(port):
            raise UrlRefused(_("invalid port"), raw)
        if not 1 <= int(port) <= 65535:
            raise UrlRefused(_("port out of range (1-65535)"), raw)
    _check_host(host, raw)
    return raw


def _split_host_port(hostport: str, raw: str) -> tuple[str, str | None]:
    """(host, port or None) of an authority without userinfo; brackets are kept on the host."""
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0:
            raise UrlRefused(_("malformed URL"), raw)
        host, rest = hostport[: end + 1], hostport[end + 1 :]
        if rest and not rest.startswith(":"):
            raise UrlRefused(_("malformed URL"), raw)
        return host, (rest[1:] or None) if rest else None
    host, colon, port = hostport.partition(":")
    if colon:
        return host, port or None
    return host, None


def _check_host(host: str, raw: str) -> None:
    problem = _host_problem(host)
    if problem is not None:
        raise UrlRefused(_(problem), raw)


@lru_cache(maxsize=1024)
def _host_problem(host: str) -> str | None:
    """Why `host` is refused (the message untranslated), None when it is fine. A feed's links
    name a handful of hosts many times over, so each host is checked once."""
    if not host:
        return N_("URL without a host")
    if host.startswith("["):
        address = host[1:-1]
        if "%" in address:
            return N_("IPv6 address with a zone refused")
        try:
            ipaddress.IPv6Address(address)
        except ValueError:
            return N_("invalid IPv6 address")
        return None
    if "[" in host or "]" in host:
        return N_("malformed URL")
    if not host.isascii():
        try:
            host = _idna(host)
        except ValueError:
            return N_("invalid international host name")
    name = host.lower()
    if _NUMERIC_HOST.fullmatch(name):
        try:
            ipaddress.IPv4Address(name)
        except ValueError:
            return N_("invalid IPv4 address")
        return None
    if name.endswith("."):
        name = name[:-1]
    if len(name) > MAX_HOST or not all(_LABEL.fullmatch(label) for label in name.split(".")):
        return N_("invalid host name")
    if "xn--" in name and not _a_labels_decode(name):
        return N_("invalid international host name")
    return None


def _idna(host: str) -> str:
    """The ASCII form of an international host name, encoded as the HTTP client encodes it;
    ValueError when it has none."""
    import idna  # only for non-ASCII host names

    try:
        return idna.encode(host.lower()).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        raise ValueError(host) from None


def _a_labels_decode(name: str) -> bool:
    """An ASCII host's punycode labels ("xn--…") must decode: the HTTP client decodes them to
    show the host, and one that does not decode would fail there instead of here."""
    import idna  # only for hosts written in punycode

    for label in name.split("."):
        if label.startswith("xn--"):
            try:
                idna.decode(label)
            except (idna.IDNAError, UnicodeError, ValueError):
                return False
    return True


def join_url(base: str, reference: object) -> str:
    """`reference` resolved against `base` and checked: the URL, or UrlRefused (never another
    error, whatever either holds)."""
    if not isinstance(reference, str) or not reference.strip():
        raise UrlRefused(_("empty link"))
    reference = reference.strip()
    if len(reference) > MAX_URL:
        raise UrlRefused(_too_long(), reference)
    try:
        joined = urljoin(base, reference)
    except ValueError:
        raise UrlRefused(_("malformed URL"), reference) from None
    return check_url(joined)


def safe_url(value: object) -> str | None:
    """check_url's answer, or None when it refuses."""
    try:
        return check_url(value)
    except UrlRefused:
        return None
