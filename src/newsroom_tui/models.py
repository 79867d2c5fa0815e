"""Plain data passed between the steps of the pipeline (fetch → parse → extract → store → views).

The records a store read hands back (contacts, language links, list rows, search hits, the
contacts directory) are defined in `records` and passed on from here: a short command imports
those alone."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from newsroom_tui.i18n import N_, _
from newsroom_tui.records import SNIPPET_CLOSE as SNIPPET_CLOSE
from newsroom_tui.records import SNIPPET_OPEN as SNIPPET_OPEN
from newsroom_tui.records import Contact as Contact
from newsroom_tui.records import DirectoryContact as DirectoryContact
from newsroom_tui.records import LanguageLink as LanguageLink
from newsroom_tui.records import ReleaseRow as ReleaseRow
from newsroom_tui.records import SearchHit as SearchHit
from newsroom_tui.records import SearchResults as SearchResults

RELEASE_ID_LENGTH = 12
"""Characters of a release id: 60 bits of a hash, so two releases of one newsroom practically
never share one (the odds stay under one in a million up to a million releases)."""


@cache
def _sha256() -> Callable[[bytes], Any]:
    """hashlib's SHA-256, imported on first use (loading OpenSSL's hashes takes a few ms that a
    command which makes no release id need not pay)."""
    import hashlib

    return hashlib.sha256


def release_id_for(key: str) -> str:
    """A release's id: short, one shape for every release, stable for its key (the feed's guid,
    else its URL; see ingest.sources.release_id). Lowercase letters and 2-7 only, so it survives
    any shell, file name or URL unquoted. The key itself keeps working where an id is asked
    for (ids were keys until schema v4): `Store.get_release` tries `release_id_for(ref)` too."""
    digest = _sha256()(key.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii")[:RELEASE_ID_LENGTH].lower()


@dataclass(slots=True)
class FeedItem:
    """One entry announced by a source (a feed item or a listing card)."""

    url: str
    guid: str | None = None
    title: str = ""
    summary_html: str = ""
    published: datetime | None = None
    tags: list[str] = field(default_factory=list)
    source: str = ""
    """URL of the feed or listing page that announced it."""


@dataclass(slots=True)
class ExtractedPage:
    """What the extraction pipeline makes of one HTML page (release or section page)."""

    url: str
    title: str
    published: datetime | None
    markdown: str
    text: str
    """Plain text of the body, for search and for the contacts extractor's fallback."""
    body_html: str
    """The sanitised body HTML the Markdown was made from (contacts are read from this)."""
    language: str = ""
    tags: list[str] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """One-line remarks about the conversion (e.g. 'nesting too deep: shown as plain text')."""
    language_links: list[LanguageLink] = field(default_factory=list)
    """The page's other language versions as it links them (none guessed)."""


@dataclass(slots=True)
class Release:
    """A press release as stored."""

    id: str
    url: str
    title: str
    published: datetime | None
    language: str
    section: str = ""
    tags: list[str] = field(default_factory=list)
    summary: str = ""
    markdown: str = ""
    text: str = ""
    contacts: list[Contact] = field(default_factory=list)
    summary_only: bool = False
    """True when the page could not be fetched and the feed's summary stands in for the body."""
    updated: bool = False
    """True once the release changed after it was first stored."""
    read: bool = False
    starred: bool = False
    language_links: list[LanguageLink] = field(default_factory=list)
    """Its versions in other languages, as its page links them."""
    edit_unseen: bool = False
    """An edit found by a sync that the reader has not shown yet (the ✎ marker)."""
    versions: int = 0
    """How many earlier versions are kept (see storage.versions)."""

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "section": self.section,
            "tags": list(self.tags),
            "summary": self.summary,
            "markdown": self.markdown,
            "updated": self.updated,
            "summary_only": self.summary_only,
            "read": self.read,
            "starred": self.starred,
            "contacts": [c.to_json() for c in self.contacts],
            "language_versions": [
                {"language": link.language, "url": link.url} for link in self.language_links
            ],
            "earlier_versions": self.versions,
        }


@dataclass(slots=True)
class ReleaseVersion:
    """An earlier version of an edited release, as kept when a sync found the next one."""

    number: int
    """Grows with each edit: the highest is the version the current text replaced."""
    replaced_at: datetime | None
    """When a sync found the version that replaced it."""
    title: str
    markdown: str
    contacts: list[Contact] = field(default_factory=list)


@dataclass(slots=True)
class SectionPage:
    """A cached page of the organisation's site menu."""

    key: str
    """The menu node's key (see profiles.MenuNode.key)."""
    url: str
    title: str
    markdown: str
    text: str = ""
    contacts: list[Contact] = field(default_factory=list)
    fetched_at: datetime | None = None


@dataclass(slots=True)
class FetchState:
    """Validators remembered per URL for conditional GET."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    checked_at: datetime | None = None


@dataclass(slots=True)
class Facets:
    """What the store knows for the newsroom node's children."""

    years: list[tuple[int, int]]
    """(year, count), newest first."""
    tags: list[tuple[str, int]]
    sections: list[tuple[str, int]]
    unread: int
    total: int


@dataclass(slots=True)
class SourceFailure:
    url: str
    reason: str
    """One line, sanitised, shown to the user."""


@dataclass(slots=True)
class SyncReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[SourceFailure] = field(default_factory=list)
    sources_ok: int = 0
    sections: int = 0
    cancelled: bool = False
    """The sync was stopped before the end (what was done is stored)."""
    extracted: int = 0
    """Pages run through extraction; 0 on a re-sync of an unchanged newsroom."""
    reached: bool = False
    """Some server answered a request (with a page, a 304 or an HTTP error)."""

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def offline(self) -> bool:
        """Nothing could be reached: every source failed and no server answered at all (no
        network, or the newsroom's site is down)."""
        return bool(self.failed) and self.sources_ok == 0 and not self.reached


SYNC_PHASES = {"sources": N_("sources"), "releases": N_("releases"), "sections": N_("sections")}
"""The phases of a sync, each with its name as shown."""


def phase_label(phase: str) -> str:
    """A sync phase's name in the interface language."""
    return _(SYNC_PHASES[phase]) if phase in SYNC_PHASES else phase


@dataclass(slots=True)
class SyncProgress:
    """Sent to the sync's progress callback as work advances."""

    phase: str
    """'sources', 'releases', 'sections' or 'done'."""
    done: int
    total: int
    message: str = ""
