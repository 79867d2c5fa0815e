"""The command palette (ctrl+p): jump to a site section, a release by title, or a press contact.

Every title and name comes from the network or a profile, so hits are built as `Content`: the
palette parses plain strings (and help strings) as markup, and Textual's `Matcher.highlight`
does too, so this module highlights matches itself and keeps help texts to its own words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.screen import Screen
from textual.style import Style

from newsroom_tui.models import DirectoryContact
from newsroom_tui.profiles import MenuNode, Profile
from newsroom_tui.query import QueryError, parse_query
from newsroom_tui.sanitise import clean_line, clean_title
from newsroom_tui.screens.contacts_directory import (
    ContactsDirectoryScreen,
    ReleaseOpener,
    as_contact,
)
from newsroom_tui.screens.copy_menu import contact_emails, contact_name, copy_via_app
from newsroom_tui.storage.store import Store

log = logging.getLogger(__name__)

MAX_RELEASES = 10
MAX_CONTACTS = 10
MIN_QUERY = 2
"""Releases and contacts are searched from this many typed characters on."""


@runtime_checkable
class SectionOpener(Protocol):
    """A screen that can show a site section by its menu key (the main screen)."""

    def open_section(self, key: str) -> None: ...


def _section_path(node: MenuNode, parents: tuple[str, ...]) -> str:
    return " › ".join((*parents, clean_line(node.label, limit=80)))


def _walk(nodes: tuple[MenuNode, ...], parents: tuple[str, ...] = ()) -> list[tuple[str, MenuNode]]:
    """(label path, node) for every menu node, depth first."""
    found: list[tuple[str, MenuNode]] = []
    for node in nodes:
        path = _section_path(node, parents)
        found.append((path, node))
        found += _walk(node.children, (*parents, clean_line(node.label, limit=80)))
    return found


class NewsroomCommands(Provider):
    """Sections of the profile's menu, releases found by the store's search, and contacts."""

    def __init__(self, screen: Screen[Any], match_style: Style | None = None) -> None:
        super().__init__(screen, match_style)
        self._sections: list[tuple[str, MenuNode]] = []
        self._contacts: list[DirectoryContact] = []

    @property
    def _store(self) -> Store | None:
        store = getattr(self.app, "store", None)
        return store if isinstance(store, Store) else None

    async def startup(self) -> None:
        profile = getattr(self.app, "profile", None)
        if isinstance(profile, Profile):
            self._sections = _walk(profile.menu)
        store = self._store
        if store is not None:
            self._contacts = store.contacts_directory("")

    def _highlight(self, matcher: Matcher, candidate: str) -> Content:
        """The candidate as plain content with the matched characters styled."""
        content = Content(candidate)
        score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
        if not score:
            return content
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
        return content

    # --- discovery (empty input) ----------------------------------------------------------------

    async def discover(self) -> Hits:
        yield DiscoveryHit(
            Content("Contacts directory"),
            partial(self._open_directory, ""),
            text="Contacts directory",
            help="Every press contact across the cached releases",
        )
        for path, node in self._sections:
            if "›" not in path:
                yield DiscoveryHit(
                    Content("Section: ") + Content(path),
                    partial(self._open_section, node),
                    text=f"Section: {path}",
                    help="Open this section",
                )

    # --- search ---------------------------------------------------------------------------------

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for hit in self._section_hits(matcher):
            yield hit
        text = query.strip()
        if len(text) < MIN_QUERY:
            return
        for hit in self._release_hits(matcher, text):
            yield hit
        for hit in self._contact_hits(matcher, text):
            yield hit

    def _section_hits(self, matcher: Matcher) -> list[Hit]:
        hits: list[Hit] = []
        for path, node in self._sections:
            candidate = f"Section: {path}"
            score = matcher.match(candidate)
            if score > 0:
                hits.append(
                    Hit(
                        score,
                        self._highlight(matcher, candidate),
                        partial(self._open_section, node),
                        text=candidate,
                        help="Open this section",
                    )
                )
        return hits

    def _release_hits(self, matcher: Matcher, text: str) -> list[Hit]:
        store = self._store
        if store is None:
            return []
        try:
            results = store.search(parse_query(text), limit=MAX_RELEASES)
        except QueryError:
            return []
        hits: list[Hit] = []
        for found in results.hits:
            title = clean_title(found.title) or "(untitled)"
            candidate = f"Release: {title}"
            # The store matched it (accents folded, stems): rank it even when the fuzzy
            # matcher does not see the typed letters in order.
            score = max(matcher.match(candidate), 0.3)
            date = found.published.strftime("%Y-%m-%d") if found.published else "unknown date"
            hits.append(
                Hit(
                    score,
                    self._highlight(matcher, candidate),
                    partial(self._open_release, found.id),
                    text=candidate,
                    help=f"Open this release ({date})",
                )
            )
        return hits

    def _contact_hits(self, matcher: Matcher, text: str) -> list[Hit]:
        hits: list[Hit] = []
        for entry in self._contacts:
            contact = as_contact(entry)
            emails = contact_emails(contact)
            name = contact_name(contact) or (emails[0] if emails else "")
            label = f"Contact: {name}"
            if emails:
                label += f" <{emails[0]}>"
            score = matcher.match(label)
            if score <= 0:
                continue
            if emails:
                command: Callable[[], object] = partial(self._copy_email, emails[0], name)
                help_text = "Copy this email"
            else:
                command = partial(self._open_directory, name)
                help_text = "Show in the contacts directory"
            hits.append(
                Hit(score, self._highlight(matcher, label), command, text=label, help=help_text)
            )
            if len(hits) >= MAX_CONTACTS:
                break
        if self._contacts:
            candidate = "Contacts directory"
            hits.append(
                Hit(
                    0.2,
                    Content("Contacts directory filtered by ")
                    + Content(clean_line(text, limit=80)),
                    partial(self._open_directory, text),
                    text=f"{candidate}: {text}",
                    help="Every contact matching what you typed",
                )
            )
        return hits

    # --- commands -------------------------------------------------------------------------------

    def _open_section(self, node: MenuNode) -> None:
        screen = self.app.screen
        if isinstance(screen, SectionOpener):
            screen.open_section(node.key)
        else:
            self.app.notify("Sections can only be opened from the reader.", markup=False)

    def _open_release(self, release_id: str) -> None:
        screen = self.app.screen
        if isinstance(screen, ReleaseOpener):
            screen.open_release(release_id)
        else:
            self.app.notify("Releases can only be opened from the reader.", markup=False)

    def _copy_email(self, email: str, name: str) -> None:
        copy_via_app(self.app, email, f"email of {name}")

    def _open_directory(self, filter_text: str) -> None:
        store = self._store
        if store is None:
            self.app.notify("The cache is not open.", markup=False, severity="warning")
            return
        self.app.push_screen(ContactsDirectoryScreen(store, filter_text))
