"""The records a store read hands back: a release's contacts and language links, the list's
rows, search hits and the contacts directory's entries.

Apart from `models` (which passes every name here on, so either module can be imported from)
because defining a data class costs about a millisecond: a search or a contacts listing
defines these few and not the sync's and the extraction's records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from newsroom_tui.phones import normalise_phone, phone_numbers


@dataclass(slots=True)
class Contact:
    """One press contact found in a release's contacts block."""

    name: str
    organization: str = ""
    phones: list[str] = field(default_factory=list)
    """Phone numbers as printed on the page (after sanitising)."""
    emails: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "organization": self.organization,
            "phones": list(self.phones),
            "phones_normalised": [normalise_phone(p) for p in self.phones],
            # Every number the printed phones stand for ("+2 02 2736 5140/1" is two).
            "phone_numbers": [n for p in self.phones for n in phone_numbers(p)],
            "emails": list(self.emails),
        }


@dataclass(frozen=True, slots=True)
class LanguageLink:
    """A page's link to its version in another language (`<link rel="alternate" hreflang>`)."""

    language: str
    """The hreflang tag, lower case ("fr", "en", "pt-br")."""
    url: str

    @property
    def primary(self) -> str:
        """The language without its region or script ("pt" for "pt-br")."""
        return self.language.partition("-")[0]


@dataclass(slots=True)
class ReleaseRow:
    """The few columns the release list shows; cheap to load by the screenful."""

    id: str
    title: str
    published: datetime | None
    section: str
    tags: list[str]
    read: bool
    starred: bool
    updated: bool
    """An edit the reader has not shown yet (the ✎ marker): cleared when the release is read
    or its changes are shown."""
    newsroom: str = ""
    """The newsroom (profile id) of a row listed across newsrooms ('' in one newsroom's list)."""


@dataclass(slots=True)
class SearchHit:
    id: str
    title: str
    url: str
    published: datetime | None
    section: str
    snippet: str
    """Snippet with matches wrapped in SNIPPET_OPEN / SNIPPET_CLOSE (private-use characters)."""
    newsroom: str = ""
    """The newsroom (profile id) of a hit found across newsrooms ('' in one newsroom)."""


SNIPPET_OPEN = "\ue000"
SNIPPET_CLOSE = "\ue001"


@dataclass(slots=True)
class SearchResults:
    query: str
    total: int
    hits: list[SearchHit]


@dataclass(slots=True)
class DirectoryContact:
    """One contact across all cached releases (deduplicated by email, else by name and office)."""

    key: str
    name: str
    organization: str
    emails: list[str]
    phones: list[str]
    releases: int
    last_seen: datetime | None
    changed: bool = False
    """True when the phone or email differs between releases (the latest is shown)."""
    previous: list[str] = field(default_factory=list)
    """Earlier emails/phones that the latest ones replaced."""
