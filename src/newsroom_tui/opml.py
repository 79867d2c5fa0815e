"""OPML: feeds in and out, so users move between this reader and newsboat or any other.

Import makes one user profile per feed outline (the feed as its only source, the outline's title
as its name); a profile id that exists already (built-in or user) is never overwritten. Export
writes the feeds of the enabled newsrooms.

OPML comes from anywhere, so it is parsed with lxml with entities, DTDs and the network off,
refused above MAX_OPML_BYTES and when it declares a DOCTYPE (the way to entity expansion), and
every URL goes through urls.check_url. One bad outline is reported and skipped; it never costs
the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from newsroom_tui import paths
from newsroom_tui.profiles import Profile, ProfileError, load_profile_file, profile_file, slugify
from newsroom_tui.sanitise import clean_line
from newsroom_tui.urls import UrlRefused, check_url, shown_url

MAX_OPML_BYTES = 2_000_000
MAX_OUTLINES = 2_000
MAX_ID = 40
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")


class OpmlError(Exception):
    """An OPML file that cannot be read at all; str() is one line."""


@dataclass(frozen=True, slots=True)
class Feed:
    title: str
    url: str
    """The feed (xmlUrl), checked."""
    site: str = ""
    """The site (htmlUrl), checked, or ''."""
    language: str = ""


@dataclass(slots=True)
class ImportReport:
    created: list[tuple[str, Path]] = field(default_factory=list)
    """(profile id, file) of each profile written."""
    skipped: list[str] = field(default_factory=list)
    """One line per outline left out, saying why."""


def read_opml(data: bytes, source: str = "OPML") -> tuple[list[Feed], list[str]]:
    """The feed outlines of an OPML document, and one line per outline refused. Raises OpmlError
    for a document that cannot be read (too large, not XML, entities, not OPML)."""
    from lxml import etree

    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"{source}: larger than {MAX_OPML_BYTES:,} bytes")
    if re.search(rb"<!DOCTYPE|<!ENTITY", data[:65536], re.IGNORECASE):
        raise OpmlError(f"{source}: declares a DOCTYPE or entities, which OPML does not need")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise OpmlError(
            f"{source}: not well-formed XML: {clean_line(str(exc), limit=200)}"
        ) from None
    if not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise OpmlError(f"{source}: not OPML (the root element is not <opml>)")
    feeds: list[Feed] = []
    problems: list[str] = []
    outlines = [o for o in root.iter() if isinstance(o.tag, str) and o.tag.lower() == "outline"]
    if len(outlines) > MAX_OUTLINES:
        raise OpmlError(f"{source}: more than {MAX_OUTLINES:,} outlines")
    for outline in outlines:
        xml_url = outline.get("xmlUrl") or outline.get("xmlurl")
        title = clean_line(outline.get("title") or outline.get("text") or "", limit=120)
        if xml_url is None:
            continue  # a folder
        try:
            url = check_url(xml_url)
        except UrlRefused as exc:
            problems.append(f"{title or shown_url(xml_url)}: feed refused: {exc}")
            continue
        site = ""
        html_url = outline.get("htmlUrl") or outline.get("htmlurl")
        if html_url:
            try:
                site = check_url(html_url)
            except UrlRefused as exc:
                problems.append(f"{title or url}: site address ignored: {exc}")
        language = (outline.get("language") or "").strip().lower()
        feeds.append(Feed(title or url, url, site, language if _LANGUAGE.match(language) else ""))
    return feeds, problems


def _toml_string(text: str) -> str:
    escaped = "".join(
        "\\" + ch if ch in ('"', "\\") else (f"\\u{ord(ch):04x}" if ord(ch) < 32 else ch)
        for ch in text
    )
    return f'"{escaped}"'


def _profile_id(title: str, url: str) -> str:
    base = slugify(title)[:MAX_ID].strip("-")
    if not base or base == "section":
        base = slugify(urlsplit(url).hostname or "feed")[:MAX_ID].strip("-") or "feed"
    return base


def _exists(profile_id: str) -> bool:
    try:
        profile_file(profile_id)
    except ProfileError:
        return False
    return True


def profile_toml(profile_id: str, feed: Feed, language: str) -> str:
    parts = urlsplit(feed.site or feed.url)
    base = feed.site or f"{parts.scheme}://{parts.netloc}/"
    return (
        "# Made by `newsroom-tui profiles import-opml` from a feed outline; edit freely.\n"
        f"id = {_toml_string(profile_id)}\n"
        f"name = {_toml_string(feed.title)}\n"
        f"language = {_toml_string(feed.language or language)}\n"
        f"base_url = {_toml_string(base)}\n"
        "\n[sources]\n"
        f"feeds = [{_toml_string(feed.url)}]\n"
        "discover = false\n"
    )


def import_opml(data: bytes, source: str, *, language: str = "en") -> ImportReport:
    """One user profile per feed outline (see the module docstring). Raises OpmlError."""
    feeds, problems = read_opml(data, source)
    report = ImportReport(skipped=list(problems))
    folder = paths.user_profiles_dir()
    taken: set[str] = set()
    for feed in feeds:
        profile_id = _profile_id(feed.title, feed.url)
        if profile_id in taken or _exists(profile_id):
            report.skipped.append(
                f"{feed.title}: a profile {profile_id!r} exists already: not overwritten"
            )
            continue
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{profile_id}.toml"
        try:
            with path.open("x", encoding="utf-8") as handle:  # never replaces a file
                handle.write(profile_toml(profile_id, feed, language))
        except FileExistsError:
            report.skipped.append(f"{feed.title}: {path} exists already: not overwritten")
            continue
        try:
            load_profile_file(path)
        except ProfileError as exc:
            path.unlink()
            report.skipped.append(f"{feed.title}: not a usable profile: {exc.message}")
            continue
        taken.add(profile_id)
        report.created.append((profile_id, path))
    return report


def export_opml(profiles: list[Profile]) -> tuple[str, list[str]]:
    """OPML 2.0 with one outline per feed of each profile, and one line per profile that has
    no feed (it reads an HTML listing only)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head><title>newsroom-tui newsrooms</title></head>",
        "  <body>",
    ]
    left_out: list[str] = []
    for profile in profiles:
        feeds = [profile.resolve(f) for f in (*profile.sources.feeds, *profile.sources.probe_feeds)]
        if not feeds:
            left_out.append(f"{profile.id}: no feed (it reads an HTML listing): left out")
            continue
        for index, feed in enumerate(dict.fromkeys(feeds)):
            title = profile.name if index == 0 else f"{profile.name} ({index + 1})"
            lines.append(
                f'    <outline type="rss" text={quoteattr(title)} title={quoteattr(title)}'
                f" xmlUrl={quoteattr(feed)} htmlUrl={quoteattr(profile.resolve(profile.news_url))}"
                f" language={quoteattr(profile.language)}/>"
            )
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines), left_out
