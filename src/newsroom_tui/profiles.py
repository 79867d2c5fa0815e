"""Newsroom profiles: one TOML file per newsroom, read into small typed, frozen objects.

Built-in profiles live in `newsroom_tui/profiles/*.toml`; user profiles in the config directory's
`profiles/` folder or any file given with `--profile FILE`. Errors name the file and the key.
URLs in a profile may be relative: they are resolved against `base_url` (the demo relies on this,
since its server's port is only known at run time).
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from newsroom_tui import paths
from newsroom_tui.urls import UrlRefused, check_url, join_url

DEFAULT_PROFILE = "iom-fr"
MAX_MENU_DEPTH = 20
"""Levels of `children` a menu may nest (a site's menu has three or four)."""


class ProfileError(Exception):
    """A profile that cannot be used; str() is one line naming the file and the key."""

    def __init__(self, source: str, key: str, message: str) -> None:
        self.source = source
        self.key = key
        self.message = message
        where = f"{source}: {key}: " if key else f"{source}: "
        super().__init__(where + message)


@dataclass(frozen=True, slots=True)
class FetchSettings:
    concurrency: int = 4
    """Requests in flight at once per host."""
    connect_timeout: float = 10.0
    """Seconds to open a connection."""
    read_timeout: float = 20.0
    """Seconds to wait between two chunks of a response."""
    deadline: float = 60.0
    """Seconds for a whole request, body included, whatever the server's pace."""
    max_page_bytes: int = 5_000_000
    """Largest article or section page accepted, after decompression."""
    max_feed_bytes: int = 20_000_000
    """Largest feed or listing page accepted, after decompression."""
    retries: int = 2
    """Extra attempts after a 429 or 5xx answer."""
    max_retry_after: float = 30.0
    """Longest Retry-After honoured, in seconds."""
    connect_to: tuple[tuple[str, str], ...] = ()
    """(origin, origin actually connected to) pairs: requests for the first are sent to the
    second, while URLs keep the first (set by Profile.served_from, never read from a file)."""


@dataclass(frozen=True, slots=True)
class ListingSettings:
    """An HTML listing of releases with `page=N` pagination."""

    url: str
    """URL of the listing; `{page}` is replaced by the page number."""
    item: str = "div.article-detail"
    """CSS selector of one card (the card is the matched element's parent when `card_is_parent`)."""
    card_is_parent: bool = True
    link: str = "a[href]"
    title: str = "h5.title"
    date: str = "div.date"
    tag: str = "div.tag"
    first_page: int = 0
    max_pages: int = 3
    """Listing pages walked per sync at most."""


@dataclass(frozen=True, slots=True)
class Sources:
    feeds: tuple[str, ...] = ()
    """RSS/Atom feeds known to work; a failure is reported."""
    probe_feeds: tuple[str, ...] = ()
    """Candidate feeds not confirmed to exist; tried quietly, the ones that answer are remembered."""
    discover: bool = True
    """Look for <link rel="alternate"> feeds on `news_url` when no listed feed answered."""
    listing: ListingSettings | None = None


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    body: tuple[str, ...] = ()
    """CSS selectors for the article body; the first that matches wins."""
    title: tuple[str, ...] = ("h1",)
    date: tuple[str, ...] = ()
    """CSS selectors for the date, tried after the page's metadata."""
    drop: tuple[str, ...] = ()
    """Elements removed from the body before conversion."""
    title_suffixes: tuple[str, ...] = ()
    """Removed from the end of the page's <title>."""


@dataclass(frozen=True, slots=True)
class MenuNode:
    """One entry of the organisation's site menu."""

    key: str
    """Slash-joined slugs of the labels from the root: unique, stable."""
    label: str
    url: str | None = None
    description: str = ""
    newsroom: bool = False
    """The node that holds the release list (and the facets under it)."""
    children: tuple[MenuNode, ...] = ()

    def walk(self) -> Iterator[MenuNode]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    name: str
    language: str
    base_url: str
    news_url: str
    sources: Sources
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    menu: tuple[MenuNode, ...] = ()
    origin: str = ""
    """Where the profile was read from (a path or 'built-in')."""

    def resolve(self, url: str) -> str:
        """An absolute URL for a possibly relative one."""
        return urljoin(self.base_url, url)

    def rebased(self, base_url: str) -> Profile:
        """A copy whose relative URLs resolve against another base."""
        return dataclasses.replace(self, base_url=base_url)

    def served_from(self, address: str) -> Profile:
        """A copy that fetches the site from `address` (scheme://host:port/) while its URLs, and
        so the releases' ids, URLs and links, stay the profile's own (the demo newsroom is
        served on whatever loopback port is free)."""
        parts = urlsplit(address)
        route = ((self.site_origin, f"{parts.scheme}://{parts.netloc}"),)
        return dataclasses.replace(self, fetch=dataclasses.replace(self.fetch, connect_to=route))

    def fetch_address(self, url: str) -> str:
        """Where `url` is actually fetched from (itself unless the profile is `served_from`
        elsewhere)."""
        for origin, target in self.fetch.connect_to:
            if url == origin or url.startswith(origin + "/"):
                return target + url[len(origin) :]
        return url

    def menu_nodes(self) -> Iterator[MenuNode]:
        for node in self.menu:
            yield from node.walk()

    @property
    def site_origin(self) -> str:
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True, slots=True)
class ProfileInfo:
    id: str
    name: str
    language: str
    origin: str
    builtin: bool


def slugify(label: str) -> str:
    text = unicodedata.normalize("NFKD", label)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "section"


# --- reading -------------------------------------------------------------------------------------


class _Reader:
    """Typed access to a TOML table with errors that name the dotted key."""

    def __init__(self, source: str, table: dict[str, Any], prefix: str = "") -> None:
        self.source = source
        self.table = table
        self.prefix = prefix
        self.used: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def fail(self, name: str, message: str) -> ProfileError:
        return ProfileError(self.source, self.key(name), message)

    def get(
        self, name: str, kind: type | tuple[type, ...], default: Any = ..., *, what: str
    ) -> Any:
        self.used.add(name)
        if name not in self.table:
            if default is ...:
                raise self.fail(name, f"missing (expected {what})")
            return default
        value = self.table[name]
        if (
            isinstance(value, bool)
            and kind is not bool
            and bool not in (kind if isinstance(kind, tuple) else (kind,))
        ):
            raise self.fail(name, f"expected {what}, got {value!r}")
        if not isinstance(value, kind):
            raise self.fail(name, f"expected {what}, got {type(value).__name__} {_short(value)}")
        return value

    def string(self, name: str, default: Any = ..., *, nonempty: bool = True) -> Any:
        value = self.get(name, str, default, what="a string")
        if nonempty and isinstance(value, str) and not value.strip():
            raise self.fail(name, "must not be empty")
        return value

    def url(self, name: str, default: Any = ..., *, base: str | None = None) -> Any:
        value = self.string(name, default)
        if isinstance(value, str):
            _check_url(self, name, value, base)
        return value

    def integer(self, name: str, default: int, *, minimum: int = 0, maximum: int = 10**12) -> int:
        value = self.get(name, int, default, what="an integer")
        if not minimum <= value <= maximum:
            raise self.fail(name, f"must be between {minimum} and {maximum}, got {value}")
        return int(value)

    def number(
        self, name: str, default: float, *, minimum: float = 0.0, maximum: float = 1e9
    ) -> float:
        value = self.get(name, (int, float), default, what="a number")
        if not minimum < value <= maximum:
            raise self.fail(
                name, f"must be greater than {minimum} and at most {maximum}, got {value}"
            )
        return float(value)

    def boolean(self, name: str, default: bool) -> bool:
        return bool(self.get(name, bool, default, what="true or false"))

    def strings(self, name: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        value = self.get(name, list, list(default), what="a list of strings")
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(
                    f"{name}[{index}]", f"expected a non-empty string, got {_short(item)}"
                )
        return tuple(value)

    def sub(self, name: str) -> _Reader | None:
        value = self.get(name, dict, None, what="a table")
        if value is None:
            return None
        return _Reader(self.source, value, f"{self.key(name)}.")

    def finish(self) -> None:
        unknown = sorted(set(self.table) - self.used)
        if unknown:
            raise self.fail(
                unknown[0], "unknown key (check its spelling in the README's profile reference)"
            )


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_url(reader: _Reader, name: str, value: str, base: str | None) -> None:
    """An absolute URL, or a relative one resolved against `base` (base_url), must pass the one
    URL check (newsroom_tui.urls); the error names the key."""
    if any(ch.isspace() for ch in value):
        raise reader.fail(name, f"URL contains whitespace: {_short(value)}")
    try:
        scheme = urlsplit(value).scheme
    except ValueError:
        scheme = ""
    if scheme and scheme.lower() not in ("http", "https"):
        raise reader.fail(name, f"only http and https URLs are allowed, got {_short(value)}")
    try:
        if base is None:
            check_url(value)
        else:
            join_url(base, value.replace("{page}", "0"))
    except UrlRefused as exc:
        raise reader.fail(name, str(exc)) from None


def check_selectors(profile: Profile, *, pages: bool = True) -> None:
    """Compile every CSS selector of the profile; a ProfileError names the first invalid one.

    Separate from parsing because compiling them costs ~0.25 s (soupsieve's first use): the CLI
    checks at load for the commands that fetch or extract, the reader before it syncs.
    `pages=False` checks only the listing's selectors: a sync that reads no pages (headlines
    only, no site sections) runs no others.
    """
    from newsroom_tui.extraction.selectors import selector_error

    groups: list[tuple[str, tuple[str, ...], bool]] = []
    listing = profile.sources.listing
    if listing is not None:
        for key in ("item", "link", "title", "date", "tag"):
            groups.append((f"sources.listing.{key}", (getattr(listing, key),), False))
    if pages:
        for key in ("body", "title", "date", "drop"):
            groups.append((f"extract.{key}", getattr(profile.extract, key), True))
    for name, selectors, indexed in groups:
        for index, selector in enumerate(selectors):
            problem = selector_error(selector)
            if problem is not None:
                key = f"{name}[{index}]" if indexed else name
                raise ProfileError(
                    profile.origin, key, f"invalid CSS selector {selector!r}: {problem}"
                )


def _read_menu(
    reader: _Reader, items: list[Any], prefix: str, parent_key: str, base_url: str, depth: int = 1
) -> tuple[MenuNode, ...]:
    if depth > MAX_MENU_DEPTH and items:
        raise ProfileError(reader.source, prefix, f"menus nest at most {MAX_MENU_DEPTH} levels")
    nodes: list[MenuNode] = []
    seen: set[str] = set()
    for index, raw in enumerate(items):
        where = f"{prefix}[{index}]"
        if not isinstance(raw, dict):
            raise ProfileError(reader.source, where, f"expected a table, got {_short(raw)}")
        sub = _Reader(reader.source, raw, f"{where}.")
        label = sub.string("label")
        key = f"{parent_key}/{slugify(label)}" if parent_key else slugify(label)
        if key in seen:
            raise sub.fail("label", f"two menu entries share the key {key!r}")
        seen.add(key)
        url = sub.url("url", None, base=base_url)
        description = sub.string("description", "", nonempty=False)
        newsroom = sub.boolean("newsroom", False)
        children_raw = sub.get("children", list, [], what="a list of tables")
        sub.finish()
        children = _read_menu(reader, children_raw, f"{where}.children", key, base_url, depth + 1)
        nodes.append(MenuNode(key, label, url, description, newsroom, children))
    return tuple(nodes)


def parse_profile(data: dict[str, Any], source: str) -> Profile:
    """Build a Profile from parsed TOML, or raise ProfileError naming the key."""
    top = _Reader(source, data)
    profile_id = top.string("id")
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", profile_id):
        raise top.fail("id", "use 1-64 lowercase letters, digits, '-' or '_'")
    name = top.string("name")
    language = top.string("language")
    base_url = top.string("base_url")
    if "://" not in base_url:
        raise top.fail("base_url", "must be an absolute http(s) URL")
    _check_url(top, "base_url", base_url, None)
    news_url = top.url("news_url", base_url, base=base_url)

    # Without [sources], feeds are discovered on news_url (every key of the table has a default).
    src = top.sub("sources") or _Reader(source, {}, "sources.")
    feeds = src.strings("feeds")
    for i, feed in enumerate(feeds):
        _check_url(src, f"feeds[{i}]", feed, base_url)
    probe = src.strings("probe_feeds")
    for i, feed in enumerate(probe):
        _check_url(src, f"probe_feeds[{i}]", feed, base_url)
    discover = src.boolean("discover", True)
    listing = None
    lst = src.sub("listing")
    if lst is not None:
        d = ListingSettings(url="")
        listing = ListingSettings(
            url=lst.url("url", base=base_url),
            item=lst.string("item", d.item),
            card_is_parent=lst.boolean("card_is_parent", d.card_is_parent),
            link=lst.string("link", d.link),
            title=lst.string("title", d.title),
            date=lst.string("date", d.date),
            tag=lst.string("tag", d.tag),
            first_page=lst.integer("first_page", d.first_page, maximum=1000),
            max_pages=lst.integer("max_pages", d.max_pages, minimum=1, maximum=10_000),
        )
        lst.finish()
    src.finish()
    if not (feeds or probe or discover or listing):
        raise top.fail(
            "sources", "no source: give feeds, probe_feeds, discover = true or a listing"
        )
    sources = Sources(feeds, probe, discover, listing)

    extract = ExtractSettings()
    ext = top.sub("extract")
    if ext is not None:
        extract = ExtractSettings(
            body=ext.strings("body"),
            title=ext.strings("title", extract.title),
            date=ext.strings("date"),
            drop=ext.strings("drop"),
            title_suffixes=ext.strings("title_suffixes"),
        )
        ext.finish()

    fetch = FetchSettings()
    fet = top.sub("fetch")
    if fet is not None:
        fetch = FetchSettings(
            concurrency=fet.integer("concurrency", fetch.concurrency, minimum=1, maximum=64),
            connect_timeout=fet.number("connect_timeout", fetch.connect_timeout, maximum=600),
            read_timeout=fet.number("read_timeout", fetch.read_timeout, maximum=600),
            deadline=fet.number("deadline", fetch.deadline, maximum=3600),
            max_page_bytes=fet.integer("max_page_bytes", fetch.max_page_bytes, minimum=1024),
            max_feed_bytes=fet.integer("max_feed_bytes", fetch.max_feed_bytes, minimum=1024),
            retries=fet.integer("retries", fetch.retries, maximum=10),
            max_retry_after=fet.number("max_retry_after", fetch.max_retry_after, maximum=3600),
        )
        fet.finish()

    menu_raw = top.get("menu", list, [], what="a list of tables ([[menu]])")
    menu = _read_menu(top, menu_raw, "menu", "", base_url)
    top.finish()
    return Profile(
        profile_id, name, language, base_url, news_url, sources, extract, fetch, menu, source
    )


def load_profile_file(path: Path, *, check_css: bool = True) -> Profile:
    """Read and check one profile file (`check_css=False` skips compiling its selectors)."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProfileError(source, "", f"cannot read: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProfileError(source, "", "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(source, "", f"invalid TOML: {exc}") from None
    except RecursionError:
        raise ProfileError(source, "", "invalid TOML: arrays or tables nested too deeply") from None
    try:
        profile = parse_profile(data, source)
    except RecursionError:  # a value too deep to show in an error message
        raise ProfileError(source, "", "values nested too deeply") from None
    if check_css:
        check_selectors(profile)
    return profile


def _builtin_files() -> dict[str, Path]:
    folder = paths.builtin_profiles_dir()
    return {p.stem: p for p in sorted(folder.glob("*.toml"))}


def _user_files() -> dict[str, Path]:
    folder = paths.user_profiles_dir()
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.toml"))}


def user_profile_ids() -> list[str]:
    """The names of the user profiles (their files' stems), in name order."""
    return list(_user_files())


def profile_file(name_or_path: str | None = None) -> tuple[Path, bool]:
    """The file `--profile name_or_path` reads (user profiles shadow built-ins), and whether it
    is a built-in one. Raises ProfileError when there is none."""
    name = name_or_path or DEFAULT_PROFILE
    candidate = Path(name).expanduser()
    if name.endswith(".toml") or "/" in name or candidate.is_file():
        if not candidate.is_file():
            raise ProfileError(name, "", "no such profile file")
        return candidate, False
    user = _user_files()
    if name in user:
        return user[name], False
    builtin = _builtin_files()
    if name in builtin:
        return builtin[name], True
    known = ", ".join(sorted(set(builtin) | set(user)))
    raise ProfileError(name, "", f"unknown profile (known: {known})")


def load_profile(name_or_path: str | None = None, *, check_css: bool = True) -> Profile:
    """A profile by id (user profiles shadow built-ins) or by path to a TOML file.

    `check_css=False` leaves the CSS selectors unchecked (see check_selectors): the reader
    starts without paying for them and checks them before it syncs.
    """
    path, builtin = profile_file(name_or_path)
    profile = load_profile_file(path, check_css=check_css)
    return dataclasses.replace(profile, origin="built-in") if builtin else profile


def available_profiles() -> list[Profile]:
    """Every usable profile, user profiles shadowing built-ins (invalid ones left out), with
    their CSS selectors unchecked: for finding the newsroom of a language version."""
    files = _builtin_files() | _user_files()
    found: list[Profile] = []
    for stem in sorted(files):
        try:
            found.append(load_profile(stem, check_css=False))
        except ProfileError:
            continue
    return found


def list_profiles() -> list[ProfileInfo]:
    """Built-in and user profiles; a broken user profile is listed with its error as its name.

    Their CSS selectors are not compiled here: `profiles check` and `sync` report an invalid one."""
    infos: list[ProfileInfo] = []
    for builtin, files in ((True, _builtin_files()), (False, _user_files())):
        for stem, path in files.items():
            try:
                profile = load_profile_file(path, check_css=False)
                infos.append(
                    ProfileInfo(profile.id, profile.name, profile.language, str(path), builtin)
                )
            except ProfileError as exc:
                infos.append(ProfileInfo(stem, f"(invalid: {exc.message})", "", str(path), builtin))
    return infos
